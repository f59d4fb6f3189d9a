/**
 * The PO and HO lifecycles and the PCE enrollment as data (opportunity.md "Entities and states"). PO and HO
 * share the `opp_opportunity` table; each origin has its own table of moves, so an HO can never take a PO
 * transition (and the reverse).
 */
import type { StateMachineDefinition } from '../../../../libs/state-machine/index.js';
import type {
  Opportunity,
  OpportunityStatus,
  PceEnrollment,
  PceEnrollmentStatus,
} from '../entities/opportunity.entities.js';

const snapshot = (o: Opportunity) => ({
  status: o.status,
  origin: o.origin,
  reject_reason: o.rejectReason,
  close_reason: o.closeReason,
  assigned_pdm_id: o.assignedPdmId,
  duplicate_of_id: o.duplicateOfId,
  crm_opportunity_id: o.crmOpportunityId,
});

const NONE = [] as const;

export const PO_MACHINE: StateMachineDefinition<OpportunityStatus, Opportunity> = {
  entityType: 'opportunity',
  eventPrefix: 'opportunity.po',
  invalidTransitionCode: 'OPP_INVALID_STATE',
  transitions: {
    draft: ['pending_review'],
    pending_review: ['review_rejected', 'pending_verification'],
    review_rejected: ['pending_review'],
    pending_verification: ['verified', 'verification_rejected'],
    verification_rejected: NONE,
    verified: ['in_progress', 'delivered', 'lost', 'cancelled'],
    in_progress: ['delivered', 'lost', 'cancelled'],
    delivered: NONE,
    lost: NONE,
    cancelled: NONE,
    // HO states never occur on a PO
    pending_acceptance: NONE,
    accepted: NONE,
    rejected: NONE,
    expired: NONE,
    withdrawn: NONE,
  },
  partnerAccountId: (o) => o.partnerAccountId,
  snapshot,
};

export const HO_MACHINE: StateMachineDefinition<OpportunityStatus, Opportunity> = {
  entityType: 'opportunity',
  eventPrefix: 'opportunity.ho',
  invalidTransitionCode: 'OPP_INVALID_STATE',
  transitions: {
    pending_acceptance: ['accepted', 'rejected', 'expired'],
    accepted: ['in_progress', 'withdrawn', 'delivered', 'lost', 'cancelled'],
    in_progress: ['withdrawn', 'delivered', 'lost', 'cancelled'],
    rejected: NONE,
    expired: NONE,
    withdrawn: NONE,
    delivered: NONE,
    lost: NONE,
    cancelled: NONE,
    // PO states never occur on an HO
    draft: NONE,
    pending_review: NONE,
    review_rejected: NONE,
    pending_verification: NONE,
    verification_rejected: NONE,
    verified: NONE,
  },
  partnerAccountId: (o) => o.partnerAccountId,
  snapshot,
};

export const PCE_ENROLLMENT_MACHINE: StateMachineDefinition<PceEnrollmentStatus, PceEnrollment> = {
  entityType: 'pce_enrollment',
  eventPrefix: 'opportunity.pce',
  transitions: { active: ['terminated'], terminated: ['active'] },
  partnerAccountId: (e) => e.partnerAccountId,
  snapshot: (e) => ({
    status: e.status,
    agreement_version: e.agreementVersion,
    whitelisted: e.whitelisted,
    terminate_reason: e.terminateReason,
  }),
};

/** OPP-033: the states in which an opportunity holds its duplicate key. */
export const ACTIVE_PO_STATES: readonly OpportunityStatus[] = [
  'pending_verification',
  'verified',
  'in_progress',
];
export const ACTIVE_HO_STATES: readonly OpportunityStatus[] = [
  'pending_acceptance',
  'accepted',
  'in_progress',
];
/** OPP-050: where progress may be updated. */
export const PO_UPDATABLE: readonly OpportunityStatus[] = ['pending_verification', 'verified', 'in_progress'];
export const HO_UPDATABLE: readonly OpportunityStatus[] = ['accepted', 'in_progress'];
