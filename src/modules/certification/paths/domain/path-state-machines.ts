/**
 * State machines of the development paths as data (certification-paths.md "Entities and states"). The stage of a
 * membership is not a status: stage moves are audited by the services (`path_membership.stage_changed`).
 */
import type { StateMachineDefinition } from '../../../../../libs/state-machine/index.js';
import type { PathMembershipStatus } from '../../ports/membership.port.js';
import type {
  AnnualReviewStatus,
  PathAnnualReview,
  PathCertificate,
  PathCertificateStatus,
  PathMembership,
  StageApplication,
  StageApplicationStatus,
} from '../entities/path.entities.js';

/** Published after commit when a membership is exited (`certification.path_membership.exited`). */
export const PATH_MEMBERSHIP_EXITED_EVENT = 'certification.path_membership.exited';
/** Payload of PATH_MEMBERSHIP_EXITED_EVENT (besides `id`, `from`, `to`). */
export interface PathMembershipExitedPayload {
  id: string;
  partner_account_id: string;
  path: string;
}

export const PATH_MEMBERSHIP_MACHINE: StateMachineDefinition<PathMembershipStatus, PathMembership> = {
  entityType: 'path_membership',
  eventPrefix: 'certification.path_membership',
  transitions: { active: ['exited'], exited: [] },
  invalidTransitionCode: 'PATH_NOT_ACTIVE',
  partnerAccountId: (m) => m.partnerAccountId,
  snapshot: (m) => ({
    status: m.status,
    path: m.path,
    stage: m.stage,
    role_certified_at: m.roleCertifiedAt?.toISOString() ?? null,
    differentiated_at: m.differentiatedAt?.toISOString() ?? null,
    exited_at: m.exitedAt?.toISOString() ?? null,
    exited_by: m.exitedBy,
  }),
};

export const STAGE_APPLICATION_MACHINE: StateMachineDefinition<StageApplicationStatus, StageApplication> = {
  entityType: 'stage_application',
  eventPrefix: 'certification.stage_application',
  transitions: {
    pending_review: ['bp_review_scheduled', 'approved', 'rejected', 'withdrawn'],
    bp_review_scheduled: ['bp_review_scheduled', 'approved', 'rejected', 'withdrawn'],
    approved: [],
    rejected: [],
    withdrawn: [],
  },
  partnerAccountId: (a) => a.partnerAccountId,
  snapshot: (a) => ({
    status: a.status,
    target_stage: a.targetStage,
    bp_review_at: a.bpReviewAt?.toISOString() ?? null,
    attestations: a.attestations,
    reviewer_id: a.reviewerId,
    reject_reason: a.rejectReason,
  }),
};

export const PATH_CERTIFICATE_MACHINE: StateMachineDefinition<PathCertificateStatus, PathCertificate> = {
  entityType: 'path_certificate',
  eventPrefix: 'certification.path_certificate',
  transitions: {
    valid: ['expired', 'revoked'],
    expired: ['valid', 'revoked'],
    revoked: [],
  },
  partnerAccountId: (c) => c.partnerAccountId,
  snapshot: (c) => ({
    status: c.status,
    stage: c.stage,
    certificate_no: c.certificateNo,
    valid_from: c.validFrom,
    valid_to: c.validTo,
    revoke_reason: c.revokeReason,
  }),
};

export const ANNUAL_REVIEW_MACHINE: StateMachineDefinition<AnnualReviewStatus, PathAnnualReview> = {
  entityType: 'path_annual_review',
  eventPrefix: 'certification.path_annual_review',
  transitions: {
    open: ['submitted', 'missed'],
    submitted: ['passed', 'downgraded', 'failed'],
    missed: [],
    passed: [],
    downgraded: [],
    failed: [],
  },
  partnerAccountId: (r) => r.partnerAccountId,
  snapshot: (r) => ({
    status: r.status,
    cycle_year: r.cycleYear,
    deadline: r.deadline.toISOString(),
    reviewer_id: r.reviewerId,
    decision_comment: r.decisionComment,
  }),
};
