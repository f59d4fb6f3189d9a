/**
 * Baseline solutions and ecosystem special programs as data (build.md "Entities and states"): the stage table of
 * BaselineSolution, the lifecycles of EcosystemProgramMembership and EcosystemSolutionEnrollment, and the pure
 * rules the services apply (BUILD-020, BUILD-021, BUILD-025, BUILD-030, BUILD-032, BUILD-033).
 */
import type { StateMachineDefinition } from '../../../../../libs/state-machine/index.js';
import { BaselineErrors } from '../baseline.errors.js';
import type {
  BaselineSolution,
  EcosystemProgramMembership,
  EcosystemSolutionEnrollment,
  Responsibilities,
} from '../entities/baseline.entities.js';

export type LeadType = 'partner_led' | 'huawei_led';
export const LEAD_TYPES: readonly LeadType[] = ['partner_led', 'huawei_led'];

export const BASELINE_STAGES = [
  'draft',
  'initiation_submitted',
  'initiation_meeting_scheduled',
  'initiation_rejected',
  'initiated',
  'design_verification',
  'configurator_development',
  'public_beta',
  'launch_submitted',
  'launch_rejected',
  'launched',
  'terminated',
] as const;
export type BaselineStage = (typeof BASELINE_STAGES)[number];

/** Stages the PDM / PSA advance after initiation (Open point 9). */
export const ADVANCEABLE_STAGES = ['design_verification', 'configurator_development', 'public_beta'] as const;
export type AdvanceableStage = (typeof ADVANCEABLE_STAGES)[number];

/**
 * Progress rank along FAQ 8.3.6 (create → initiation → design & verification → configurator → public beta →
 * launch); a rejection loop keeps the rank of its submission; `terminated` has none.
 */
const RANK: Record<BaselineStage, number> = {
  draft: 0,
  initiation_submitted: 1,
  initiation_rejected: 1,
  initiation_meeting_scheduled: 2,
  initiated: 3,
  design_verification: 4,
  configurator_development: 5,
  public_beta: 6,
  launch_submitted: 7,
  launch_rejected: 7,
  launched: 8,
  terminated: -1,
};

export function stageRank(stage: BaselineStage): number {
  return RANK[stage];
}

/** BUILD-030 / BUILD-032: OBP initiation passed (`initiated` or later, never `terminated`). */
export function isInitiatedOrLater(stage: BaselineStage): boolean {
  return RANK[stage] >= RANK.initiated;
}

/** BUILD-021 / BUILD-027 / BUILD-029: what the owner may still edit. */
export const EDITABLE_STAGES: readonly BaselineStage[] = ['draft', 'initiation_rejected'];

const RESPONSIBILITY_KEYS = ['presales', 'delivery', 'operations_maintenance', 'operations'] as const;

/** BUILD-020: all four responsibilities carry an owner and the resources. */
export function responsibilitiesComplete(r: Responsibilities | null | undefined): boolean {
  if (!r) return false;
  return RESPONSIBILITY_KEYS.every((k) => {
    const v = r[k];
    return !!v && !!v.owner_name?.trim() && !!v.resources?.trim();
  });
}

/**
 * BaselineSolution.stage (build.md): the table refuses skipping and reversing with 409
 * BASELINE_STAGE_OUT_OF_ORDER (BUILD-023, BUILD-025, BUILD-026); only the rejection loops go back;
 * any non-terminal stage → `terminated` (decision). Entering `design_verification` needs the CSBI
 * solution ID (BUILD-024).
 */
export const BASELINE_STAGE_MACHINE: StateMachineDefinition<BaselineStage, BaselineSolution> = {
  entityType: 'baseline_solution',
  eventPrefix: 'build.baseline',
  transitions: {
    draft: ['initiation_submitted', 'terminated'],
    initiation_submitted: ['initiation_meeting_scheduled', 'initiation_rejected', 'terminated'],
    initiation_meeting_scheduled: ['initiated', 'initiation_rejected', 'terminated'],
    initiation_rejected: ['initiation_submitted', 'terminated'],
    initiated: ['design_verification', 'terminated'],
    design_verification: ['configurator_development', 'terminated'],
    configurator_development: ['public_beta', 'terminated'],
    public_beta: ['launch_submitted', 'terminated'],
    launch_submitted: ['launch_rejected', 'launched', 'terminated'],
    launch_rejected: ['launch_submitted', 'terminated'],
    launched: [],
    terminated: [],
  },
  guards: [
    {
      to: 'design_verification',
      guard: (_ctx, b) => (b.solutionCode ? null : BaselineErrors.fail('BASELINE_SOLUTION_ID_MISSING')),
    },
  ],
  invalidTransitionCode: 'BASELINE_STAGE_OUT_OF_ORDER',
  partnerAccountId: (b) => b.partnerAccountId,
  snapshot: (b) => ({
    stage: b.status,
    solution_code: b.solutionCode,
    review_meeting: b.reviewMeeting,
    launched_on: b.launchedOn,
  }),
};

export const ECOSYSTEM_PROGRAMS = ['ascend_pangu', 'kunpeng', 'gaussdb', 'harmonyos'] as const;
export type EcosystemProgram = (typeof ECOSYSTEM_PROGRAMS)[number];

export type MembershipStatus = 'applied' | 'joined' | 'rejected' | 'left';

/**
 * EcosystemProgramMembership.status: applied → joined | rejected (PDM, Open point 7); joined → left (partner
 * admin); a rejected or left account may apply again on the same record (decision).
 */
export const MEMBERSHIP_MACHINE: StateMachineDefinition<MembershipStatus, EcosystemProgramMembership> = {
  entityType: 'ecosystem_program_membership',
  eventPrefix: 'build.ecosystem-membership',
  transitions: {
    applied: ['joined', 'rejected'],
    joined: ['left'],
    rejected: ['applied'],
    left: ['applied'],
  },
  partnerAccountId: (m) => m.partnerAccountId,
  snapshot: (m) => ({ status: m.status, program: m.program, review_comment: m.reviewComment }),
};

/**
 * EcosystemSolutionEnrollment: one lifecycle over admission (准入) and technical certification (技术认证).
 * admission_status / technical_status are projections of it (`projectEnrollment`).
 */
export type EnrollmentLifecycle =
  | 'admission_pending_review'
  | 'admission_rejected'
  | 'admitted'
  | 'technical_pending_review'
  | 'technical_rejected'
  | 'certified'
  | 'expired';

export const ENROLLMENT_MACHINE: StateMachineDefinition<EnrollmentLifecycle, EcosystemSolutionEnrollment> = {
  entityType: 'ecosystem_solution_enrollment',
  eventPrefix: 'build.ecosystem-enrollment',
  transitions: {
    admission_pending_review: ['admitted', 'admission_rejected'],
    // decision: a rejected admission may be requested again on the same record (BUILD-034 keeps one per pair)
    admission_rejected: ['admission_pending_review'],
    admitted: ['technical_pending_review'],
    technical_pending_review: ['certified', 'technical_rejected'],
    technical_rejected: ['technical_pending_review'],
    certified: ['expired'],
    // decision: after expiry the partner re-certifies (a new technical application, 8.2.1.4)
    expired: ['technical_pending_review'],
  },
  partnerAccountId: (e) => e.partnerAccountId,
  snapshot: (e) => ({
    status: e.status,
    admission_status: e.admissionStatus,
    technical_status: e.technicalStatus,
    technical_certified_on: e.technicalCertifiedOn,
    valid_until: e.validUntil,
    certification_id: e.certificationId,
  }),
};

export function projectEnrollment(status: EnrollmentLifecycle): {
  admission: EcosystemSolutionEnrollment['admissionStatus'];
  technical: EcosystemSolutionEnrollment['technicalStatus'];
} {
  switch (status) {
    case 'admission_pending_review':
      return { admission: 'pending_review', technical: 'not_applied' };
    case 'admission_rejected':
      return { admission: 'rejected', technical: 'not_applied' };
    case 'admitted':
      return { admission: 'admitted', technical: 'not_applied' };
    case 'technical_pending_review':
      return { admission: 'admitted', technical: 'pending_review' };
    case 'technical_rejected':
      return { admission: 'admitted', technical: 'rejected' };
    case 'certified':
      return { admission: 'admitted', technical: 'certified' };
    case 'expired':
      return { admission: 'admitted', technical: 'expired' };
  }
}

/** Marketplace listing statuses that count as "application submitted or later" (BUILD-032; decision). */
export const SUBMITTED_OR_LATER_LISTING = [
  'listing_application_submitted',
  'listed',
  'joint_operation_listed',
];

/** BUILD-032 admission threshold of the release vehicle. */
export function admissionReady(
  vehicle: { baselineStage: BaselineStage | null } | { listingStatus: string | null },
): boolean {
  if ('baselineStage' in vehicle)
    return vehicle.baselineStage !== null && isInitiatedOrLater(vehicle.baselineStage);
  return vehicle.listingStatus !== null && SUBMITTED_OR_LATER_LISTING.includes(vehicle.listingStatus);
}

/** BUILD-033 `released` (发布上架): baseline `launched` or product `joint_operation_listed`. */
export function isReleased(
  vehicle: { baselineStage: BaselineStage | null } | { listingStatus: string | null },
): boolean {
  if ('baselineStage' in vehicle) return vehicle.baselineStage === 'launched';
  return vehicle.listingStatus === 'joint_operation_listed';
}

/** A reviewer's rejection / return / termination comment (REVIEW_COMMENT_REQUIRED when blank), trimmed. */
export function requireReviewComment(comment: string | undefined): string {
  const c = comment?.trim();
  if (!c) throw BaselineErrors.fail('REVIEW_COMMENT_REQUIRED');
  return c;
}
