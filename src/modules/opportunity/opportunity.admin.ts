/**
 * The opportunity module's part of the admin panel (opportunity.md "Permissions"): opportunities with the
 * reviewer steps as record actions (PDM review, dispatcher assignment, PSM/BD verification, BD cancellation,
 * HO withdrawal), PCE enrollments (termination) and the whitelist, rep offices. Every field is read-only;
 * actions call the same services as `/api/v1/admin/opportunities/…` and `/api/v1/admin/pce/…`.
 */
import type { Type } from '@nestjs/common';
import type { ResourceWithOptions } from 'adminjs';
import { type AdminKit, moneyParams, readOnlyActions, serviceRecordAction } from '../../admin/admin-kit.js';
import { Opportunity, PceEnrollment, PceWhitelistEntry, RepOffice } from './entities/opportunity.entities.js';
import {
  CANCEL_ROLES,
  OpportunityReviewService,
  READ_ROLES,
  VERIFY_ROLES,
  WITHDRAW_ROLES,
} from './services/opportunity-review.service.js';
import { PceEnrollmentService } from './services/pce-enrollment.service.js';

export interface OpportunityAdminDeps {
  kit: AdminKit;
  get<T>(type: Type<T>): T;
}

const NAVIGATION = { name: 'Opportunities (PCE)', icon: 'Briefcase' };
const values = (list: readonly string[]) => list.map((value) => ({ value, label: value }));
const STATUSES = [
  'draft',
  'pending_review',
  'review_rejected',
  'pending_verification',
  'verification_rejected',
  'verified',
  'pending_acceptance',
  'accepted',
  'rejected',
  'expired',
  'in_progress',
  'delivered',
  'lost',
  'withdrawn',
  'cancelled',
];

/** "reason: comment" typed in the panel's reason box → reason code + comment. */
function splitReason(text: string): { reason: string; comment?: string } {
  const [code, ...rest] = text.split(':');
  return { reason: code.trim(), comment: rest.join(':').trim() || undefined };
}

export function opportunityAdminResources(deps: OpportunityAdminDeps): ResourceWithOptions[] {
  const { kit } = deps;
  const review = () => deps.get(OpportunityReviewService);
  const pce = () => deps.get(PceEnrollmentService);
  const inState =
    (...states: string[]) =>
    (params: Record<string, unknown>) =>
      states.includes(String(params.status));
  const reasonBox = {
    label: 'Reason code (incomplete | invalid | duplicate | partner_request | other), optionally ": comment"',
    maxLength: 1000,
  };

  const opportunityResource: ResourceWithOptions = {
    resource: Opportunity,
    options: {
      navigation: NAVIGATION,
      sort: { sortBy: 'createdAt', direction: 'desc' },
      listProperties: ['origin', 'customerName', 'partnerAccountId', 'status', 'province', 'createdAt'],
      filterProperties: [
        'origin',
        'status',
        'partnerAccountId',
        'customerName',
        'repOfficeId',
        'assignedPdmId',
      ],
      properties: {
        status: { availableValues: values(STATUSES), isDisabled: true },
        origin: { availableValues: values(['po', 'ho']), isDisabled: true },
        partnerAccountId: { reference: 'PartnerAccount' },
        customerNameNormalized: { isVisible: false },
      },
      actions: {
        ...readOnlyActions(['pdm', 'psm', 'bd'], moneyParams(['budgetAmount', 'incrementalRevenue'])),
        approveReview: serviceRecordAction(kit, {
          roles: ['pdm'],
          isVisibleFor: inState('pending_review'),
          icon: 'CheckCircle',
          prompt:
            'Approve this PO (OPP-024): the duplicate check runs (OPP-033), the 10-working-day verification SLA ' +
            'starts and every PSM of the rep office is notified.',
          submitLabel: 'Approve PO',
          run: async (ctx, id) => {
            const v = await review().review(ctx, id, { decision: 'approve' });
            return `PO approved; verification deadline ${v.verification_deadline}.`;
          },
        }),
        rejectReview: serviceRecordAction(kit, {
          roles: ['pdm'],
          isVisibleFor: inState('pending_review'),
          icon: 'XCircle',
          variant: 'danger',
          prompt: 'Reject this PO (OPP-021); the partner gets an SMS with the reason.',
          submitLabel: 'Reject PO',
          reason: reasonBox,
          run: async (ctx, id, { reason }) => {
            const v = await review().review(ctx, id, { decision: 'reject', ...splitReason(reason) });
            return `PO rejected (${v.reject_reason}).`;
          },
        }),
        assign: serviceRecordAction(kit, {
          roles: ['pdm'],
          isVisibleFor: inState('pending_review'),
          icon: 'UserPlus',
          prompt: 'Dispatcher (pce_dispatcher): assign this PO to a PDM (OPP-020).',
          submitLabel: 'Assign',
          reason: { label: 'Reviewer id of the PDM', maxLength: 36 },
          run: async (ctx, id, { reason }) => {
            const v = await review().assign(ctx, id, { assignee_id: reason.trim() });
            return `Assigned to ${v.assigned_pdm_id}.`;
          },
        }),
        verify: serviceRecordAction(kit, {
          roles: VERIFY_ROLES,
          isVisibleFor: inState('pending_verification'),
          icon: 'CheckCircle',
          prompt: 'Verify this PO (OPP-042): the BD accepts it and a CRM opportunity is created.',
          submitLabel: 'Verify',
          run: async (ctx, id) => {
            const v = await review().verify(ctx, id, { decision: 'verify' });
            return `PO verified; CRM opportunity ${v.crm_opportunity_id}.`;
          },
        }),
        rejectVerification: serviceRecordAction(kit, {
          roles: VERIFY_ROLES,
          isVisibleFor: inState('pending_verification'),
          icon: 'XCircle',
          variant: 'danger',
          prompt: 'Reject this PO in verification.',
          submitLabel: 'Reject',
          reason: reasonBox,
          run: async (ctx, id, { reason }) => {
            const v = await review().verify(ctx, id, { decision: 'reject', ...splitReason(reason) });
            return `PO rejected in verification (${v.reject_reason}).`;
          },
        }),
        cancel: serviceRecordAction(kit, {
          roles: CANCEL_ROLES,
          isVisibleFor: inState('verified', 'accepted', 'in_progress'),
          icon: 'Slash',
          variant: 'danger',
          prompt: 'Cancel this opportunity in CRM (OPP-043, BD only).',
          submitLabel: 'Cancel in CRM',
          reason: { label: 'Comment', maxLength: 1000 },
          run: async (ctx, id, { reason }) => {
            await review().cancel(ctx, id, reason);
            return 'Opportunity cancelled.';
          },
        }),
        withdraw: serviceRecordAction(kit, {
          roles: WITHDRAW_ROLES,
          isVisibleFor: inState('accepted', 'in_progress'),
          icon: 'RotateCcw',
          variant: 'danger',
          prompt: 'Withdraw a mistakenly accepted HO at the partner’s request (OPP-064).',
          submitLabel: 'Withdraw HO',
          reason: { label: 'Reason', maxLength: 1000 },
          run: async (ctx, id, { reason }) => {
            await review().withdraw(ctx, id, reason);
            return 'HO withdrawn.';
          },
        }),
      },
      translations: {
        en: {
          labels: { Opportunity: 'Opportunities' },
          actions: {
            approveReview: 'Approve (review)',
            rejectReview: 'Reject (review)',
            assign: 'Assign PDM',
            verify: 'Verify',
            rejectVerification: 'Reject (verification)',
            cancel: 'Cancel in CRM',
            withdraw: 'Withdraw HO',
          },
        },
      },
    },
  };

  const enrollmentResource: ResourceWithOptions = {
    resource: PceEnrollment,
    options: {
      navigation: NAVIGATION,
      sort: { sortBy: 'joinedAt', direction: 'desc' },
      listProperties: ['partnerAccountId', 'status', 'agreementVersion', 'joinedAt', 'whitelisted'],
      filterProperties: ['status', 'partnerAccountId'],
      properties: {
        status: { availableValues: values(['active', 'terminated']), isDisabled: true },
        partnerAccountId: { reference: 'PartnerAccount' },
      },
      actions: {
        ...readOnlyActions(['pdm']),
        terminate: serviceRecordAction(kit, {
          roles: ['pdm'],
          isVisibleFor: inState('active'),
          icon: 'XCircle',
          variant: 'danger',
          prompt: 'Terminate this PCE enrollment (the partner left the network or the agreement ended).',
          submitLabel: 'Terminate',
          reason: { label: 'Reason', maxLength: 1000 },
          run: async (ctx, id, { reason }) => {
            const row = await PceEnrollment.findOneByOrFail({ id });
            await pce().terminate(ctx, row.partnerAccountId, reason);
            return 'PCE enrollment terminated.';
          },
        }),
      },
    },
  };

  const whitelistResource: ResourceWithOptions = {
    resource: PceWhitelistEntry,
    options: {
      navigation: NAVIGATION,
      properties: { partnerAccountId: { reference: 'PartnerAccount' } },
      actions: {
        ...readOnlyActions(['pdm']),
        remove: serviceRecordAction(kit, {
          roles: ['pdm'],
          icon: 'Trash2',
          variant: 'danger',
          prompt: 'Remove this partner account from the PCE whitelist (OPP-002).',
          submitLabel: 'Remove',
          run: async (ctx, id) => {
            const row = await PceWhitelistEntry.findOneByOrFail({ id });
            await pce().unwhitelist(ctx, row.partnerAccountId);
            return 'Removed from the whitelist.';
          },
        }),
      },
    },
  };

  const repOfficeResource: ResourceWithOptions = {
    resource: RepOffice,
    options: { navigation: NAVIGATION, actions: { ...readOnlyActions(['operations', 'pdm']) } },
  };

  void READ_ROLES;
  return [opportunityResource, enrollmentResource, whitelistResource, repOfficeResource];
}
