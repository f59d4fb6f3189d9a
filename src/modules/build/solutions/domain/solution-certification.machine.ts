/** SolutionCertification.status as data (build.md "Entities and states → SolutionCertification"). */
import type { StateMachineDefinition } from '../../../../../libs/state-machine/index.js';
import type { SolutionCertification, SolutionCertificationStatus } from '../entities/solution.entities.js';

export const SOLUTION_CERTIFICATION_MACHINE: StateMachineDefinition<
  SolutionCertificationStatus,
  SolutionCertification
> = {
  entityType: 'solution_certification',
  eventPrefix: 'build.solution_certification',
  transitions: {
    draft: ['pending_psa_pre_review', 'withdrawn'],
    pending_psa_pre_review: ['pending_expert_review', 'rejected', 'withdrawn'],
    pending_expert_review: ['pending_pdm_review', 'rejected'],
    pending_pdm_review: ['certified', 'rejected'],
    rejected: ['pending_psa_pre_review'],
    withdrawn: [],
    certified: ['expired', 'superseded'],
    expired: [],
    superseded: [],
  },
  partnerAccountId: (c) => c.partnerAccountId,
  snapshot: (c) => ({
    status: c.status,
    certification_type: c.certificationType,
    pass_scenario: c.passScenario,
    resubmission_count: c.resubmissionCount,
    certified_on: c.certifiedOn,
    valid_until: c.validUntil,
    certificate_no: c.certificateNo,
  }),
};

/** `draft` and `rejected` are editable by the partner; every other state is read-only. */
export const EDITABLE_STATUSES: readonly SolutionCertificationStatus[] = ['draft', 'rejected'];
