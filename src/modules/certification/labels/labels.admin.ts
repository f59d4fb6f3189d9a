/**
 * The capability-label part of the admin panel (certification-labels.md "Permissions", reviewer steps): label
 * applications with one record action per reviewer decision — operations (initial review, supplement request,
 * close overdue), expert (pre-review, defense session, defense outcome), expert / operations (archive
 * re-review), the countersign group (PDM, expert, operations) — plus the catalogue (activate / deactivate),
 * held labels (revoke) and read-only step visits, sessions and person assessments. Every field is read-only;
 * each action calls the same service method as its `/api/v1/admin/…` endpoint.
 *
 * The shared decision form has one text field; structured inputs are typed in it:
 * - items + comment: `DB-02, DB-03: add migration evidence`
 * - per-item lines: `DB-01: comment` (pre-review) or `DB-02 fail: suggestion` / `DB-01 pass` (item results)
 * - session: `2025-08-02T10:00:00+08:00 https://meeting.link`
 */
import type { ResourceWithOptions } from 'adminjs';
import { readOnlyActions, serviceRecordAction } from '../../../admin/admin-kit.js';
import { LabelErrors } from './labels.errors.js';
import type { CertificationAdminDeps } from '../certification.admin.js';
import type { ItemResultDto } from './dto/labels.dto.js';
import {
  CapabilityLabel,
  LabelCertification,
  LabelCertificationStep,
  LabelDefenseSession,
  PartnerCapabilityLabel,
  PersonCapabilityAssessment,
} from './entities/label.entities.js';
import {
  LABEL_ARCHIVE_REVIEW_ROLES,
  LABEL_COUNTERSIGN_ROLES,
  LABEL_EXPERT_ROLES,
  LABEL_OPERATIONS_ROLES,
  LABEL_SESSION_ROLES,
  LABEL_VIEWER_ROLES,
} from './labels.permissions.js';
import { LabelCatalogueService } from './services/label-catalogue.service.js';
import { LabelCertificationService } from './services/label-certification.service.js';
import { PartnerLabelService } from './services/partner-label.service.js';

const NAVIGATION = { name: 'Capability labels', icon: 'Tag' };
const values = (list: readonly string[]) => list.map((value) => ({ value, label: value }));
const inState =
  (...statuses: string[]) =>
  (params: Record<string, unknown>) =>
    statuses.includes(String(params.status));

const STATUSES = [
  'draft',
  'initial_review',
  'supplementing_materials',
  'technical_pre_review',
  'pre_review_confirmation',
  'technical_defense',
  'supplementing_archive',
  'archive_re_review',
  'countersign',
  'passed',
  'failed',
  'withdrawn',
  'closed',
];

/** `DB-02, DB-03: comment` → items and comment. */
export function parseItemsAndComment(text: string): { items: string[]; comment: string } {
  const i = text.indexOf(':');
  const head = i >= 0 ? text.slice(0, i) : '';
  const comment = (i >= 0 ? text.slice(i + 1) : text).trim();
  return {
    items: head
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    comment,
  };
}

/** One line per item: `DB-01: comment`. */
export function parseItemComments(text: string): Array<{ item_code: string; comment: string }> {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const i = l.indexOf(':');
      return {
        item_code: (i >= 0 ? l.slice(0, i) : l).trim(),
        comment: (i >= 0 ? l.slice(i + 1) : 'no comment').trim(),
      };
    });
}

/** One line per item: `DB-01 pass` or `DB-02 fail: suggestion`. */
export function parseItemResults(text: string): ItemResultDto[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const m = /^(\S+)\s+(pass|fail)\s*(?::\s*(.*))?$/i.exec(l);
      if (!m) throw LabelErrors.fail('LABEL_ITEM_RESULTS_INCOMPLETE', `Cannot read the item result "${l}".`);
      return {
        item_code: m[1],
        result: m[2].toLowerCase() as 'pass' | 'fail',
        ...(m[3] ? { improvement_suggestion: m[3] } : {}),
      };
    });
}

export function labelAdminResources(deps: CertificationAdminDeps): ResourceWithOptions[] {
  const { kit } = deps;
  const certifications = () => deps.get(LabelCertificationService);
  const catalogue = () => deps.get(LabelCatalogueService);
  const held = () => deps.get(PartnerLabelService);
  const done = (status: string) => `Application is now ${status}.`;

  const certificationResource: ResourceWithOptions = {
    resource: LabelCertification,
    options: {
      navigation: NAVIGATION,
      sort: { sortBy: 'createdAt', direction: 'desc' },
      listProperties: [
        'partnerAccountId',
        'labelCode',
        'site',
        'status',
        'currentStepDueAt',
        'submittedAt',
        'finalResult',
      ],
      filterProperties: ['status', 'labelCode', 'partnerAccountId', 'site', 'finalResult'],
      properties: {
        status: { availableValues: values(STATUSES), isDisabled: true },
        finalResult: { availableValues: values(['passed', 'failed']), isDisabled: true },
        openKey: { isVisible: false },
        version: { isVisible: false },
      },
      actions: {
        ...readOnlyActions(LABEL_VIEWER_ROLES),
        materialsComplete: serviceRecordAction(kit, {
          roles: LABEL_OPERATIONS_ROLES,
          isVisibleFor: inState('initial_review'),
          icon: 'CheckCircle',
          prompt:
            'Step 1 initial review: the certification materials are complete; send to technical pre-review.',
          submitLabel: 'Materials complete',
          run: async (ctx, id) =>
            done((await certifications().initialReview(ctx, id, { outcome: 'complete' })).status),
        }),
        requestSupplement: serviceRecordAction(kit, {
          roles: LABEL_OPERATIONS_ROLES,
          isVisibleFor: inState('initial_review'),
          icon: 'FilePlus',
          variant: 'danger',
          prompt:
            'Step 1 → 2: request supplementary materials (LABEL-007). Type the items, a colon, then the comment: ' +
            '"DB-02, DB-03: add migration evidence".',
          submitLabel: 'Request supplement',
          reason: { label: 'Items: comment', maxLength: 2000 },
          run: async (ctx, id, { reason }) => {
            const { items, comment } = parseItemsAndComment(reason);
            return done(
              (await certifications().initialReview(ctx, id, { outcome: 'incomplete', items, comment }))
                .status,
            );
          },
        }),
        preReview: serviceRecordAction(kit, {
          roles: LABEL_EXPERT_ROLES,
          isVisibleFor: inState('technical_pre_review'),
          icon: 'MessageSquare',
          prompt:
            'Step 3 technical pre-review: one line per item with an issue, "DB-01: comment" ("no comment" allowed). ' +
            'The partner must answer or confirm each comment.',
          submitLabel: 'Issue pre-review comments',
          reason: { label: 'Comments (one line per item)', maxLength: 5000 },
          run: async (ctx, id, { reason }) =>
            done((await certifications().preReview(ctx, id, { comments: parseItemComments(reason) })).status),
        }),
        scheduleDefense: serviceRecordAction(kit, {
          roles: LABEL_SESSION_ROLES,
          isVisibleFor: inState('pre_review_confirmation', 'technical_defense'),
          icon: 'Calendar',
          prompt:
            'Step 5: schedule the online technical defense with the review experts: "<ISO instant> <meeting link>", ' +
            'e.g. "2025-08-02T10:00:00+08:00 https://meeting.example/123".',
          submitLabel: 'Schedule defense',
          reason: { label: 'When and meeting link', maxLength: 600 },
          run: async (ctx, id, { reason }) => {
            const [when, link] = reason.trim().split(/\s+/, 2);
            const s = await certifications().scheduleSession(ctx, id, {
              kind: 'technical_defense',
              scheduled_at: when,
              meeting_link: link,
            });
            return `Technical defense scheduled at ${s.scheduled_at}.`;
          },
        }),
        defenseToCountersign: serviceRecordAction(kit, {
          roles: LABEL_EXPERT_ROLES,
          isVisibleFor: inState('technical_defense'),
          icon: 'Send',
          prompt:
            'Step 5 → 8: defense held, no archive needed. Draft item results, one line per item: "DB-01 pass" or ' +
            '"DB-02 fail: improvement suggestion".',
          submitLabel: 'Send to countersign',
          reason: { label: 'Item results', maxLength: 5000 },
          run: async (ctx, id, { reason }) =>
            done(
              (
                await certifications().defense(ctx, id, {
                  outcome: 'no_archive_needed',
                  item_results: parseItemResults(reason),
                })
              ).status,
            ),
        }),
        requestArchive: serviceRecordAction(kit, {
          roles: LABEL_EXPERT_ROLES,
          isVisibleFor: inState('technical_defense'),
          icon: 'Archive',
          prompt:
            'Step 5 → 6: defense held; list the archive materials the partner must supply, separated by ";".',
          submitLabel: 'Request archive materials',
          reason: { label: 'Archive materials', maxLength: 2000 },
          run: async (ctx, id, { reason }) =>
            done(
              (
                await certifications().defense(ctx, id, {
                  outcome: 'archive_needed',
                  archive_materials: reason.split(';').map((s) => s.trim()),
                })
              ).status,
            ),
        }),
        acceptArchive: serviceRecordAction(kit, {
          roles: LABEL_ARCHIVE_REVIEW_ROLES,
          isVisibleFor: inState('archive_re_review'),
          icon: 'CheckCircle',
          prompt:
            'Step 7 → 8: archive accepted. Item results still missing, one line per item ("DB-01 pass" / ' +
            '"DB-02 fail: suggestion"); leave empty when already recorded.',
          submitLabel: 'Accept archive',
          reason: { label: 'Item results (optional)', maxLength: 5000, required: false },
          run: async (ctx, id, { reason }) =>
            done(
              (
                await certifications().archiveReview(ctx, id, {
                  outcome: 'accepted',
                  item_results: parseItemResults(reason),
                })
              ).status,
            ),
        }),
        moreArchive: serviceRecordAction(kit, {
          roles: LABEL_ARCHIVE_REVIEW_ROLES,
          isVisibleFor: inState('archive_re_review'),
          icon: 'RotateCcw',
          variant: 'danger',
          prompt:
            'Step 7 → 6: more archive materials needed (at most 2 loops). The comment is shown to the partner.',
          submitLabel: 'Request more',
          reason: { label: 'Comment', maxLength: 2000 },
          run: async (ctx, id, { reason }) =>
            done(
              (await certifications().archiveReview(ctx, id, { outcome: 'more_needed', comment: reason }))
                .status,
            ),
        }),
        countersignPass: serviceRecordAction(kit, {
          roles: LABEL_COUNTERSIGN_ROLES,
          isVisibleFor: inState('countersign'),
          icon: 'CheckCircle',
          prompt:
            'Step 8 countersign: sign "passed" for your seat (PDM, label owner expert, operations). The label is granted ' +
            'when all three seats signed passed.',
          submitLabel: 'Sign passed',
          run: async (ctx, id) =>
            done((await certifications().countersign(ctx, id, { decision: 'passed' })).status),
        }),
        countersignFail: serviceRecordAction(kit, {
          roles: LABEL_COUNTERSIGN_ROLES,
          isVisibleFor: inState('countersign'),
          icon: 'XCircle',
          variant: 'danger',
          prompt:
            'Step 8 countersign: sign "failed" — the certification fails. Every failed item needs an improvement ' +
            'suggestion, one line per item: "DB-02 fail: suggestion".',
          submitLabel: 'Sign failed',
          reason: { label: 'Failed items with suggestions', maxLength: 5000 },
          run: async (ctx, id, { reason }) =>
            done(
              (
                await certifications().countersign(ctx, id, {
                  decision: 'failed',
                  item_results: parseItemResults(reason),
                })
              ).status,
            ),
        }),
        closeOverdue: serviceRecordAction(kit, {
          roles: LABEL_OPERATIONS_ROLES,
          isVisibleFor: inState(
            'supplementing_materials',
            'pre_review_confirmation',
            'supplementing_archive',
          ),
          icon: 'Slash',
          variant: 'danger',
          prompt:
            'Close this application because the partner step is overdue (LABEL-015, reason PARTNER_SLA_EXPIRED).',
          submitLabel: 'Close application',
          run: async (ctx, id) => done((await certifications().close(ctx, id, {})).status),
        }),
      },
      translations: {
        en: {
          labels: { LabelCertification: 'Label certifications' },
          actions: {
            materialsComplete: 'Materials complete',
            requestSupplement: 'Request supplement',
            preReview: 'Pre-review comments',
            scheduleDefense: 'Schedule defense',
            defenseToCountersign: 'Defense → countersign',
            requestArchive: 'Request archive',
            acceptArchive: 'Accept archive',
            moreArchive: 'More archive needed',
            countersignPass: 'Countersign: passed',
            countersignFail: 'Countersign: failed',
            closeOverdue: 'Close (overdue)',
          },
        },
      },
    },
  };

  const catalogueResource: ResourceWithOptions = {
    resource: CapabilityLabel,
    options: {
      navigation: NAVIGATION,
      titleProperty: 'code',
      sort: { sortBy: 'code', direction: 'asc' },
      listProperties: ['code', 'nameEn', 'nameZh', 'level', 'active', 'improvementIncentiveScope'],
      filterProperties: ['code', 'active'],
      properties: { active: { isDisabled: true } },
      actions: {
        ...readOnlyActions(LABEL_VIEWER_ROLES),
        activate: serviceRecordAction(kit, {
          roles: LABEL_OPERATIONS_ROLES,
          isVisibleFor: (p) => p.active === false || p.active === 'false',
          icon: 'Play',
          prompt: 'Open this label for certification (LABEL-001).',
          submitLabel: 'Activate',
          run: async (ctx, id) => {
            const l = await CapabilityLabel.findOneByOrFail({ id });
            await catalogue().update(ctx, l.code, { active: true });
            return `${l.code} is open for certification.`;
          },
        }),
        deactivate: serviceRecordAction(kit, {
          roles: LABEL_OPERATIONS_ROLES,
          isVisibleFor: (p) => p.active === true || p.active === 'true',
          icon: 'Pause',
          variant: 'danger',
          prompt: 'Close this label for new certifications (LABEL-001); held labels stay valid.',
          submitLabel: 'Deactivate',
          run: async (ctx, id) => {
            const l = await CapabilityLabel.findOneByOrFail({ id });
            await catalogue().update(ctx, l.code, { active: false });
            return `${l.code} is closed for certification.`;
          },
        }),
      },
      translations: { en: { labels: { CapabilityLabel: 'Label catalogue' } } },
    },
  };

  const heldResource: ResourceWithOptions = {
    resource: PartnerCapabilityLabel,
    options: {
      navigation: NAVIGATION,
      sort: { sortBy: 'grantedAt', direction: 'desc' },
      listProperties: ['partnerAccountId', 'labelCode', 'site', 'status', 'grantedAt', 'revokedAt'],
      filterProperties: ['partnerAccountId', 'labelCode', 'status', 'site'],
      properties: {
        status: { availableValues: values(['active', 'revoked']), isDisabled: true },
        activeKey: { isVisible: false },
      },
      actions: {
        ...readOnlyActions(LABEL_VIEWER_ROLES),
        revoke: serviceRecordAction(kit, {
          roles: LABEL_OPERATIONS_ROLES,
          isVisibleFor: inState('active'),
          icon: 'XCircle',
          variant: 'danger',
          prompt:
            'Revoke this held label (Open point 3, e.g. periodic review failed); the partner sees the reason.',
          submitLabel: 'Revoke label',
          reason: { label: 'Reason', maxLength: 500 },
          run: async (ctx, id, { reason }) => {
            const v = await held().revoke(ctx, id, reason);
            return `${v.label_code} revoked for ${v.partner_account_id}.`;
          },
        }),
      },
      translations: { en: { labels: { PartnerCapabilityLabel: 'Held labels' } } },
    },
  };

  const readOnly = (
    resource: unknown,
    label: string,
    list: string[],
    sortBy: string,
  ): ResourceWithOptions => ({
    resource,
    options: {
      navigation: NAVIGATION,
      sort: { sortBy, direction: 'desc' },
      listProperties: list,
      actions: readOnlyActions(LABEL_VIEWER_ROLES),
      translations: { en: { labels: { [(resource as { name: string }).name]: label } } },
    },
  });

  return [
    certificationResource,
    readOnly(
      LabelCertificationStep,
      'Label step visits',
      [
        'certificationId',
        'seq',
        'step',
        'visit',
        'enteredAt',
        'dueAt',
        'completedAt',
        'outcome',
        'slaBreached',
      ],
      // per-application visit order (entered_at ties under one instant); filter by certificationId
      'seq',
    ),
    readOnly(
      LabelDefenseSession,
      'Defense sessions',
      ['certificationId', 'seq', 'kind', 'requestedVia', 'scheduledAt'],
      'seq',
    ),
    heldResource,
    catalogueResource,
    readOnly(
      PersonCapabilityAssessment,
      'Person capability assessments',
      ['personalAccountId', 'role', 'passedAt'],
      'passedAt',
    ),
  ];
}
