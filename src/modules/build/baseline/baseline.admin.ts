/**
 * The baseline part of the admin panel (build.md "Permissions"): baseline solutions (PDM; PSA verifies feature
 * lists and advances the joint stages), ecosystem program memberships (PDM) and solution enrollments (PDM for the
 * admission review, software technical expert for the technical review). Every field is read-only; each reviewer
 * step is a record action calling the same service method as its `/api/v1/admin/…` endpoint. Multi-field forms
 * take one `key: value` per line in the reason box.
 */
import type { ResourceWithOptions } from 'adminjs';
import { formFields, readOnlyActions, serviceRecordAction } from '../../../admin/admin-kit.js';
import type { BuildAdminDeps } from '../build.admin.js';
import { ADVANCEABLE_STAGES, BASELINE_STAGES, type AdvanceableStage } from './domain/baseline-rules.js';
import {
  BaselineSolution,
  EcosystemProgramMembership,
  EcosystemSolutionEnrollment,
} from './entities/baseline.entities.js';
import {
  BASELINE_PDM_ROLES,
  BASELINE_STAGE_ROLES,
  BASELINE_VIEW_ROLES,
  BaselineService,
} from './services/baseline.service.js';
import {
  ECOSYSTEM_EXPERT_ROLES,
  ECOSYSTEM_PDM_ROLES,
  ECOSYSTEM_VIEW_ROLES,
  EcosystemService,
} from './services/ecosystem.service.js';

const NAVIGATION = { name: 'Build', icon: 'Package' };
const values = (list: readonly string[]) => list.map((value) => ({ value, label: value }));

export function baselineAdminResources(deps: BuildAdminDeps): ResourceWithOptions[] {
  const { kit } = deps;
  const baselines = deps.get(BaselineService);
  const ecosystem = deps.get(EcosystemService);
  const inStage =
    (...stages: string[]) =>
    (params: Record<string, unknown>) =>
      stages.includes(String(params.status));
  const decision = (reason: string): { result: 'pass' | 'reject'; comment: string } => {
    const text = reason.trim();
    const m = /^(pass|reject)\b[:\s]*([\s\S]*)$/i.exec(text);
    return m
      ? { result: m[1].toLowerCase() as 'pass' | 'reject', comment: m[2].trim() }
      : { result: 'pass', comment: text };
  };

  const baselineResource: ResourceWithOptions = {
    resource: BaselineSolution,
    options: {
      navigation: NAVIGATION,
      sort: { sortBy: 'createdAt', direction: 'desc' },
      listProperties: ['name', 'leadType', 'partnerAccountId', 'status', 'solutionCode', 'updatedAt'],
      filterProperties: ['status', 'leadType', 'partnerAccountId', 'solutionCode'],
      properties: {
        status: { availableValues: values(BASELINE_STAGES), isDisabled: true },
        leadType: { availableValues: values(['partner_led', 'huawei_led']), isDisabled: true },
        partnerAccountId: { reference: 'PartnerAccount' },
        version: { isVisible: false },
        meetingReminderFor: { isVisible: false },
      },
      actions: {
        ...readOnlyActions(BASELINE_VIEW_ROLES),
        verifyFeatureList: serviceRecordAction(kit, {
          roles: BASELINE_STAGE_ROLES,
          isVisibleFor: inStage('draft', 'initiation_rejected', 'initiation_submitted'),
          icon: 'CheckSquare',
          prompt: 'Confirm that the uploaded feature list matches the template (BUILD-021).',
          submitLabel: 'Verify feature list',
          run: async (ctx, id) => {
            const v = await baselines.verifyFeatureList(ctx, id);
            return `Feature list of "${v.name}" verified.`;
          },
        }),
        initialReview: serviceRecordAction(kit, {
          roles: BASELINE_PDM_ROLES,
          isVisibleFor: inStage('initiation_submitted'),
          icon: 'Calendar',
          prompt:
            'Initial review (BUILD-022). To pass, schedule the review meeting: "result: pass", "scheduled_at: ' +
            '2025-05-06T10:00:00+08:00", "meeting_link: https://…" (optional "psa_id: …"). To return it: ' +
            '"result: reject" and "comment: …".',
          submitLabel: 'Record initial review',
          reason: {
            label: 'result / scheduled_at / meeting_link / psa_id / comment, one per line',
            maxLength: 1500,
          },
          run: async (ctx, id, { reason }) => {
            const f = formFields(reason);
            const v = await baselines.initialReview(ctx, id, {
              result: f.result === 'reject' ? 'reject' : 'pass',
              comment: f.comment,
              scheduled_at: f.scheduled_at,
              meeting_link: f.meeting_link,
              psa_id: f.psa_id,
            });
            return `Baseline "${v.name}" is now ${v.stage}.`;
          },
        }),
        rescheduleMeeting: serviceRecordAction(kit, {
          roles: BASELINE_PDM_ROLES,
          isVisibleFor: inStage('initiation_meeting_scheduled'),
          icon: 'Clock',
          prompt:
            'Move the review meeting: "scheduled_at: …" and "meeting_link: …" (future time, BUILD-022).',
          submitLabel: 'Reschedule meeting',
          reason: { label: 'scheduled_at / meeting_link, one per line', maxLength: 800 },
          run: async (ctx, id, { reason }) => {
            const f = formFields(reason);
            const v = await baselines.rescheduleMeeting(ctx, id, {
              scheduled_at: f.scheduled_at,
              meeting_link: f.meeting_link,
            });
            return `Meeting of "${v.name}" moved to ${v.review_meeting?.scheduled_at}.`;
          },
        }),
        meetingReview: serviceRecordAction(kit, {
          roles: BASELINE_PDM_ROLES,
          isVisibleFor: inStage('initiation_meeting_scheduled'),
          icon: 'CheckCircle',
          prompt:
            'Record the review meeting conclusion (BUILD-023): "pass" (optional comment after it) or "reject: <comment>".',
          submitLabel: 'Record meeting result',
          reason: { label: 'pass | reject: comment', maxLength: 1000 },
          run: async (ctx, id, { reason }) => {
            const v = await baselines.meetingReview(ctx, id, decision(reason));
            return `Baseline "${v.name}" is now ${v.stage}.`;
          },
        }),
        recordSolutionCode: serviceRecordAction(kit, {
          roles: BASELINE_PDM_ROLES,
          isVisibleFor: (p) =>
            ![
              'draft',
              'initiation_submitted',
              'initiation_meeting_scheduled',
              'initiation_rejected',
              'terminated',
            ].includes(String(p.status)),
          icon: 'Hash',
          prompt:
            'Record the solution ID granted by CSBI (BUILD-024); the partner sees it on the detail page.',
          submitLabel: 'Record solution ID',
          reason: { label: 'Solution ID (CSBI)', maxLength: 40 },
          run: async (ctx, id, { reason }) => {
            const v = await baselines.recordSolutionCode(ctx, id, reason);
            return `Solution ID ${v.solution_code} recorded.`;
          },
        }),
        advanceStage: serviceRecordAction(kit, {
          roles: BASELINE_STAGE_ROLES,
          isVisibleFor: inStage('initiated', 'design_verification', 'configurator_development'),
          icon: 'ArrowRight',
          prompt: `Advance to the next joint stage (${ADVANCEABLE_STAGES.join(' → ')}); give the target stage, optionally "stage: comment".`,
          submitLabel: 'Advance stage',
          reason: { label: 'target stage[: comment]', maxLength: 1000 },
          run: async (ctx, id, { reason }) => {
            const [stage, ...rest] = reason.split(':');
            const v = await baselines.advance(
              ctx,
              id,
              stage.trim() as AdvanceableStage,
              rest.join(':').trim(),
            );
            return `Baseline "${v.name}" is now ${v.stage}.`;
          },
        }),
        launchReview: serviceRecordAction(kit, {
          roles: BASELINE_PDM_ROLES,
          isVisibleFor: inStage('launch_submitted'),
          icon: 'Send',
          prompt:
            'Launch review (BUILD-027, BUILD-028): "pass" publishes on the official website; "reject: <comment>" returns it.',
          submitLabel: 'Record launch review',
          reason: { label: 'pass | reject: comment', maxLength: 1000 },
          run: async (ctx, id, { reason }) => {
            const v = await baselines.launchReview(ctx, id, decision(reason));
            return `Baseline "${v.name}" is now ${v.stage}.`;
          },
        }),
        terminate: serviceRecordAction(kit, {
          roles: BASELINE_PDM_ROLES,
          isVisibleFor: (p) => !['launched', 'terminated'].includes(String(p.status)),
          icon: 'XCircle',
          variant: 'danger',
          prompt: 'Terminate this abandoned baseline project; the partner sees the comment.',
          submitLabel: 'Terminate',
          reason: { label: 'Comment (shown to the partner)', maxLength: 1000 },
          run: async (ctx, id, { reason }) => {
            const v = await baselines.terminate(ctx, id, reason);
            return `Baseline "${v.name}" terminated.`;
          },
        }),
      },
      translations: {
        en: {
          labels: { BaselineSolution: 'Baseline solutions' },
          actions: {
            verifyFeatureList: 'Verify feature list',
            initialReview: 'Initial review / schedule meeting',
            rescheduleMeeting: 'Reschedule meeting',
            meetingReview: 'Meeting result',
            recordSolutionCode: 'Record solution ID',
            advanceStage: 'Advance stage',
            launchReview: 'Launch review',
            terminate: 'Terminate',
          },
        },
      },
    },
  };

  const membershipResource: ResourceWithOptions = {
    resource: EcosystemProgramMembership,
    options: {
      navigation: NAVIGATION,
      sort: { sortBy: 'appliedAt', direction: 'desc' },
      listProperties: ['partnerAccountId', 'program', 'status', 'appliedAt', 'decidedAt'],
      filterProperties: ['status', 'program', 'partnerAccountId'],
      properties: {
        status: { availableValues: values(['applied', 'joined', 'rejected', 'left']), isDisabled: true },
        partnerAccountId: { reference: 'PartnerAccount' },
        version: { isVisible: false },
      },
      actions: {
        ...readOnlyActions(ECOSYSTEM_VIEW_ROLES),
        reviewMembership: serviceRecordAction(kit, {
          roles: ECOSYSTEM_PDM_ROLES,
          isVisibleFor: (p) => p.status === 'applied',
          icon: 'CheckCircle',
          prompt: 'Decide the program membership (Open point 7): "pass" or "reject: <comment>".',
          submitLabel: 'Record decision',
          reason: { label: 'pass | reject: comment', maxLength: 500 },
          run: async (ctx, id, { reason }) => {
            const v = await ecosystem.reviewMembership(ctx, id, decision(reason));
            return `Membership ${v.program}: ${v.status}.`;
          },
        }),
      },
      translations: {
        en: {
          labels: { EcosystemProgramMembership: 'Ecosystem program memberships' },
          actions: { reviewMembership: 'Review membership' },
        },
      },
    },
  };

  const enrollmentResource: ResourceWithOptions = {
    resource: EcosystemSolutionEnrollment,
    options: {
      navigation: NAVIGATION,
      sort: { sortBy: 'admissionRequestedAt', direction: 'desc' },
      listProperties: ['solutionId', 'program', 'admissionStatus', 'technicalStatus', 'validUntil'],
      filterProperties: ['program', 'admissionStatus', 'technicalStatus', 'partnerAccountId'],
      properties: {
        status: { isDisabled: true },
        admissionStatus: { isDisabled: true },
        technicalStatus: { isDisabled: true },
        partnerAccountId: { reference: 'PartnerAccount' },
        version: { isVisible: false },
      },
      actions: {
        ...readOnlyActions(ECOSYSTEM_VIEW_ROLES),
        admissionReview: serviceRecordAction(kit, {
          roles: ECOSYSTEM_PDM_ROLES,
          isVisibleFor: (p) => p.status === 'admission_pending_review',
          icon: 'CheckCircle',
          prompt: 'Admission review (准入评审): "pass" or "reject: <comment>".',
          submitLabel: 'Record admission review',
          reason: { label: 'pass | reject: comment', maxLength: 1000 },
          run: async (ctx, id, { reason }) => {
            const v = await ecosystem.admissionReview(ctx, id, decision(reason));
            return `Admission: ${v.admission_status}.`;
          },
        }),
        technicalReview: serviceRecordAction(kit, {
          roles: ECOSYSTEM_EXPERT_ROLES,
          isVisibleFor: (p) => p.status === 'technical_pending_review',
          icon: 'Award',
          prompt:
            'Technical certification review (技术认证): "pass" creates the advanced cloud software certification ' +
            '(BUILD-036); "reject: <comment>" returns it.',
          submitLabel: 'Record technical review',
          reason: { label: 'pass | reject: comment', maxLength: 1000 },
          run: async (ctx, id, { reason }) => {
            const v = await ecosystem.technicalReview(ctx, id, decision(reason));
            return `Technical certification: ${v.technical_status}.`;
          },
        }),
      },
      translations: {
        en: {
          labels: { EcosystemSolutionEnrollment: 'Ecosystem solution enrollments' },
          actions: { admissionReview: 'Admission review', technicalReview: 'Technical review' },
        },
      },
    },
  };

  return [baselineResource, membershipResource, enrollmentResource];
}
