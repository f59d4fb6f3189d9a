/**
 * The paths part of the admin panel (certification-paths.md "Permissions", reviewer steps): memberships (SI
 * interlocks, cancellation of a certification), stage applications (BP review, attestations, approve / reject),
 * annual reviews (decision), the SI whitelist (add / remove) and read-only certificates, cases and proofs. Every
 * field is read-only; each action calls the same service method as its `/api/v1/admin/…` endpoint.
 */
import type {
  Action,
  ActionContext,
  ActionRequest,
  RecordActionResponse,
  RecordJSON,
  ResourceWithOptions,
} from 'adminjs';
import {
  forRoles,
  readOnlyActions,
  reviewerContext,
  reviewerOf,
  serviceRecordAction,
} from '../../../admin/admin-kit.js';
import { DomainError } from '../../../../libs/errors/index.js';
import type { CertificationAdminDeps } from '../certification.admin.js';
import {
  EmploymentProof,
  PathAnnualReview,
  PathCertificate,
  PathMembership,
  ServiceCase,
  SiWhitelistEntry,
  StageApplication,
} from './entities/path.entities.js';
import { PATH_DECIDER_ROLES, PATH_VIEWER_ROLES } from './paths.permissions.js';
import { AnnualReviewService } from './services/annual-review.service.js';
import { PathMembershipService } from './services/path-membership.service.js';
import { requiredAttestations, StageApplicationService } from './services/stage-application.service.js';

const NAVIGATION = { name: 'Development paths', icon: 'Award' };
const values = (list: readonly string[]) => list.map((value) => ({ value, label: value }));
const inState =
  (...statuses: string[]) =>
  (params: Record<string, unknown>) =>
    statuses.includes(String(params.status));

function payloadString(request: ActionRequest, key: string): string {
  const v: unknown = request.payload?.[key];
  return typeof v === 'string' ? v.trim() : '';
}

export function pathAdminResources(deps: CertificationAdminDeps): ResourceWithOptions[] {
  const { kit } = deps;
  const memberships = () => deps.get(PathMembershipService);
  const applications = () => deps.get(StageApplicationService);
  const reviews = () => deps.get(AnnualReviewService);
  const pdm = PATH_DECIDER_ROLES;

  const membershipResource: ResourceWithOptions = {
    resource: PathMembership,
    options: {
      navigation: NAVIGATION,
      sort: { sortBy: 'joinedAt', direction: 'desc' },
      listProperties: ['partnerAccountId', 'path', 'status', 'stage', 'joinedAt', 'roleCertifiedAt'],
      filterProperties: ['partnerAccountId', 'path', 'status', 'stage'],
      properties: {
        status: { availableValues: values(['active', 'exited']), isDisabled: true },
        stage: {
          availableValues: values(['joined', 'role_certification', 'capability_differentiation']),
          isDisabled: true,
        },
        path: { availableValues: values(['software', 'service', 'si', 'lp']), isDisabled: true },
        activeKey: { isVisible: false },
      },
      actions: {
        ...readOnlyActions(PATH_VIEWER_ROLES),
        setBothInterlocks: serviceRecordAction(kit, {
          roles: pdm,
          isVisibleFor: (p) => p.path === 'si' && p.status === 'active',
          icon: 'Link',
          prompt:
            'Record that the BP interlock and the customer-list interlock with Huawei are done (4.3.3).',
          submitLabel: 'Set both interlocks',
          run: async (ctx, id) => {
            await memberships().setInterlocks(ctx, id, {
              bp_interlocked: true,
              customer_list_interlocked: true,
            });
            return 'Both SI interlocks are set.';
          },
        }),
        setBpInterlock: serviceRecordAction(kit, {
          roles: pdm,
          isVisibleFor: (p) => p.path === 'si' && p.status === 'active',
          icon: 'Link',
          prompt: 'Record that the BP interlock with Huawei is done (4.3.3).',
          submitLabel: 'Set BP interlock',
          run: async (ctx, id) => {
            await memberships().setInterlocks(ctx, id, { bp_interlocked: true });
            return 'BP interlock set.';
          },
        }),
        setCustomerListInterlock: serviceRecordAction(kit, {
          roles: pdm,
          isVisibleFor: (p) => p.path === 'si' && p.status === 'active',
          icon: 'Link',
          prompt: 'Record that the customer-list interlock with Huawei is done (4.3.3).',
          submitLabel: 'Set customer-list interlock',
          run: async (ctx, id) => {
            await memberships().setInterlocks(ctx, id, { customer_list_interlocked: true });
            return 'Customer-list interlock set.';
          },
        }),
        clearInterlocks: serviceRecordAction(kit, {
          roles: pdm,
          isVisibleFor: (p) => p.path === 'si' && p.status === 'active',
          icon: 'Unlink',
          variant: 'danger',
          prompt: 'Clear both SI interlock flags.',
          submitLabel: 'Clear interlocks',
          run: async (ctx, id) => {
            await memberships().setInterlocks(ctx, id, {
              bp_interlocked: false,
              customer_list_interlocked: false,
            });
            return 'SI interlocks cleared.';
          },
        }),
        cancelCertification: serviceRecordAction(kit, {
          roles: pdm,
          isVisibleFor: (p) => p.status === 'active' && p.stage !== 'joined',
          icon: 'XCircle',
          variant: 'danger',
          prompt:
            'Cancel the certification result after a failed periodic review (PATH-016): the stage falls back to ' +
            'joined, the certificate is revoked and the partner is notified with the reason.',
          submitLabel: 'Cancel certification',
          reason: { label: 'Reason (shown to the partner)', maxLength: 500 },
          run: async (ctx, id, { reason }) => {
            const v = await memberships().cancelCertification(ctx, id, reason);
            return `Certification cancelled; stage is ${v.stage}.`;
          },
        }),
      },
      translations: {
        en: {
          labels: { PathMembership: 'Path memberships' },
          actions: {
            setBothInterlocks: 'Set both interlocks',
            setBpInterlock: 'Set BP interlock',
            setCustomerListInterlock: 'Set customer-list interlock',
            clearInterlocks: 'Clear interlocks',
            cancelCertification: 'Cancel certification',
          },
        },
      },
    },
  };

  const open = inState('pending_review', 'bp_review_scheduled');
  const applicationResource: ResourceWithOptions = {
    resource: StageApplication,
    options: {
      navigation: NAVIGATION,
      sort: { sortBy: 'submittedAt', direction: 'desc' },
      listProperties: ['partnerAccountId', 'path', 'targetStage', 'status', 'submittedAt', 'bpReviewAt'],
      filterProperties: ['partnerAccountId', 'path', 'targetStage', 'status'],
      properties: {
        status: {
          availableValues: values([
            'pending_review',
            'bp_review_scheduled',
            'approved',
            'rejected',
            'withdrawn',
          ]),
          isDisabled: true,
        },
        membershipId: { reference: 'PathMembership' },
      },
      actions: {
        ...readOnlyActions(PATH_VIEWER_ROLES),
        scheduleBpReview: serviceRecordAction(kit, {
          roles: pdm,
          isVisibleFor: (p) =>
            open(p) && p.path === 'service' && p.targetStage === 'capability_differentiation',
          icon: 'Calendar',
          prompt: 'Schedule the online BP review meeting (PATH-015). Enter the meeting time as ISO 8601.',
          submitLabel: 'Schedule BP review',
          reason: { label: 'Meeting time, e.g. 2025-11-20T10:00:00+08:00', maxLength: 40 },
          run: async (ctx, id, { reason }) => {
            const at = new Date(reason);
            if (!reason || Number.isNaN(at.getTime())) {
              throw new DomainError('CERT_FIELD_INVALID', 'Enter the meeting time as ISO 8601.', {
                field: 'bp_review_at',
              });
            }
            await applications().scheduleBpReview(ctx, id, at);
            return `BP review scheduled for ${at.toISOString()}.`;
          },
        }),
        attestAll: serviceRecordAction(kit, {
          roles: pdm,
          isVisibleFor: open,
          icon: 'CheckSquare',
          prompt:
            'Confirm every attestation this stage needs (service differentiation: capability certification, ' +
            'dedicated team, project practice, BP review; LP: the review).',
          submitLabel: 'Record attestations',
          run: async (ctx, id) => {
            const a = await applications().getForReviewer(id);
            const items = Object.fromEntries(
              requiredAttestations(a.path, a.target_stage).map((k) => [k, true] as const),
            );
            await applications().attest(ctx, id, items);
            return 'Attestations recorded.';
          },
        }),
        approve: serviceRecordAction(kit, {
          roles: pdm,
          isVisibleFor: open,
          icon: 'CheckCircle',
          prompt: 'Approve: the stage is set, a partner certificate is issued and the partner is notified.',
          submitLabel: 'Approve application',
          run: async (ctx, id) => {
            const v = await applications().approve(ctx, id);
            return `Application approved (${v.target_stage}).`;
          },
        }),
        reject: serviceRecordAction(kit, {
          roles: pdm,
          isVisibleFor: open,
          icon: 'XCircle',
          variant: 'danger',
          prompt: 'Reject the application; the partner sees the reason.',
          submitLabel: 'Reject application',
          reason: { label: 'Reason (shown to the partner)', maxLength: 500 },
          run: async (ctx, id, { reason }) => {
            await applications().reject(ctx, id, reason);
            return 'Application rejected.';
          },
        }),
      },
      translations: {
        en: {
          labels: { StageApplication: 'Stage applications' },
          actions: {
            scheduleBpReview: 'Schedule BP review',
            attestAll: 'Record attestations',
            approve: 'Approve',
            reject: 'Reject',
          },
        },
      },
    },
  };

  const decide = (result: 'passed' | 'downgraded' | 'failed', label: string) =>
    serviceRecordAction(kit, {
      roles: pdm,
      isVisibleFor: inState('submitted'),
      icon: result === 'passed' ? 'CheckCircle' : 'XCircle',
      variant: result === 'passed' ? 'contained' : 'danger',
      prompt: `Decide the annual review: ${label}. J-PATH-4 applies the result on 31 January.`,
      submitLabel: label,
      reason: { label: 'Comment (optional)', maxLength: 500, required: false },
      run: async (ctx, id, { reason }) => {
        await reviews().decide(ctx, id, result, reason || null);
        return `Annual review ${result}.`;
      },
    });
  const reviewResource: ResourceWithOptions = {
    resource: PathAnnualReview,
    options: {
      navigation: NAVIGATION,
      sort: { sortBy: 'deadline', direction: 'asc' },
      listProperties: ['partnerAccountId', 'cycleYear', 'status', 'deadline', 'submittedAt', 'decidedAt'],
      filterProperties: ['partnerAccountId', 'cycleYear', 'status'],
      properties: {
        status: {
          availableValues: values(['open', 'submitted', 'missed', 'passed', 'downgraded', 'failed']),
          isDisabled: true,
        },
        membershipId: { reference: 'PathMembership' },
      },
      actions: {
        ...readOnlyActions(PATH_VIEWER_ROLES),
        pass: decide('passed', 'Pass (renew)'),
        downgrade: decide('downgraded', 'Downgrade to role certification'),
        fail: decide('failed', 'Fail (no renewal)'),
      },
      translations: {
        en: {
          labels: { PathAnnualReview: 'Path annual reviews' },
          actions: { pass: 'Pass', downgrade: 'Downgrade', fail: 'Fail' },
        },
      },
    },
  };

  // PATH-002: the PDM invites a legal entity; the form's POST goes through the service (audit included)
  const addWhitelistEntry = {
    isAccessible: forRoles(pdm),
    isVisible: forRoles(pdm),
    handler: async (
      request: ActionRequest,
      _response: unknown,
      context: ActionContext,
    ): Promise<RecordActionResponse> => {
      const { currentAdmin, h, resource } = context;
      const empty = { params: request.payload ?? {}, errors: {} } as unknown as RecordJSON;
      if (request.method !== 'post') return { record: empty };
      const session = reviewerOf(currentAdmin);
      const principal = session ? await kit.reviewers.resolve(session.id) : null;
      const fail = (message: string): RecordActionResponse => ({
        record: empty,
        notice: { message, type: 'error' },
      });
      if (!session || !principal) return fail(new DomainError('AUTH_TOKEN_INVALID').message);
      if (!principal.roles.some((r) => r === 'admin' || pdm.includes(r))) {
        return fail(new DomainError('REVIEWER_ROLE_REQUIRED').message);
      }
      try {
        const v = await memberships().addToWhitelist(reviewerContext(kit.clock, session.id, principal), {
          legal_entity_id: payloadString(request, 'legalEntityId'),
          reason: payloadString(request, 'reason'),
        });
        const fresh = await resource.findOne(v.id);
        return {
          record: fresh?.toJSON(currentAdmin) ?? empty,
          redirectUrl: h.resourceUrl({ resourceId: resource.id() }),
          notice: {
            message: `Legal entity ${v.legal_entity_id} whitelisted for the SI path.`,
            type: 'success',
          },
        };
      } catch (err) {
        if (err instanceof DomainError) return fail(`${err.message} (${err.code})`);
        throw err;
      }
    },
  } satisfies Partial<Action<RecordActionResponse>>;

  const whitelistResource: ResourceWithOptions = {
    resource: SiWhitelistEntry,
    options: {
      navigation: NAVIGATION,
      sort: { sortBy: 'addedAt', direction: 'desc' },
      listProperties: ['legalEntityId', 'reason', 'addedBy', 'addedAt', 'removedAt'],
      filterProperties: ['legalEntityId', 'removedAt'],
      editProperties: ['legalEntityId', 'reason'],
      properties: {
        addedBy: { isDisabled: true },
        addedAt: { isDisabled: true },
        removedAt: { isDisabled: true },
        removedBy: { isDisabled: true },
      },
      actions: {
        ...readOnlyActions(PATH_VIEWER_ROLES),
        new: addWhitelistEntry,
        remove: serviceRecordAction(kit, {
          roles: pdm,
          isVisibleFor: (p) => !p.removedAt,
          icon: 'Trash2',
          variant: 'danger',
          prompt: 'Remove the legal entity from the SI whitelist (existing memberships stay).',
          submitLabel: 'Remove from whitelist',
          run: async (ctx, id) => {
            await memberships().removeFromWhitelist(ctx, id);
            return 'Removed from the SI whitelist.';
          },
        }),
      },
      translations: {
        en: {
          labels: { SiWhitelistEntry: 'SI whitelist' },
          actions: { new: 'Whitelist a legal entity', remove: 'Remove' },
        },
      },
    },
  };

  const readOnly = (resource: unknown, label: string, sortBy: string): ResourceWithOptions => ({
    resource,
    options: {
      navigation: NAVIGATION,
      sort: { sortBy, direction: 'desc' },
      properties: { status: { isDisabled: true } },
      actions: readOnlyActions(PATH_VIEWER_ROLES),
      translations: { en: { labels: { [(resource as { name: string }).name]: label } } },
    },
  });

  return [
    membershipResource,
    applicationResource,
    reviewResource,
    whitelistResource,
    readOnly(PathCertificate, 'Path certificates', 'issuedAt'),
    readOnly(ServiceCase, 'Service cases', 'createdAt'),
    readOnly(EmploymentProof, 'Employment proofs', 'createdAt'),
  ];
}
