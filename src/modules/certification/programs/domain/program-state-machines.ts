/**
 * State machines of the partner programs as data (certification-paths.md "Entities and states": ProgramMembership
 * for solution provider, distributor and cloud reseller; DistributorInvitation; CloudResellerInvitation;
 * LevelUpgradeApplication). Level changes and renewals keep the status and are audited by the services.
 */
import { DomainError } from '../../../../../libs/errors/index.js';
import type { StateMachineDefinition } from '../../../../../libs/state-machine/index.js';
import type { ProgramMembershipStatus } from '../../ports/membership.port.js';
import type {
  CloudResellerInvitation,
  DistributorInvitation,
  InvitationStatus,
  LevelUpgradeApplication,
  LevelUpgradeStatus,
  ProgramMembership,
} from '../entities/program.entities.js';

export const PROGRAM_MEMBERSHIP_MACHINE: StateMachineDefinition<ProgramMembershipStatus, ProgramMembership> =
  {
    entityType: 'program_membership',
    eventPrefix: 'certification.program',
    transitions: {
      pending_review: ['active', 'pending_distributor_review', 'rejected', 'withdrawn'],
      pending_distributor_review: ['active', 'rejected'],
      active: ['expired', 'exited'],
      expired: ['active', 'exited'],
      exited: [],
      rejected: [],
      withdrawn: [],
    },
    guards: [
      {
        // SP: operations approve directly; cloud reseller: Huawei review first, then the distributor
        from: 'pending_review',
        to: 'active',
        guard: (_ctx, m) => (m.program === 'solution_provider' ? null : invalid(m, 'active')),
      },
      {
        from: 'pending_review',
        to: 'pending_distributor_review',
        guard: (_ctx, m) =>
          m.program === 'cloud_reseller' ? null : invalid(m, 'pending_distributor_review'),
      },
    ],
    partnerAccountId: (m) => m.partnerAccountId,
    snapshot: (m) => ({
      status: m.status,
      program: m.program,
      level: m.level,
      valid_from: m.validFrom,
      valid_to: m.validTo,
      distributor_membership_id: m.distributorMembershipId,
      distributor_inactive: m.distributorInactive,
      reviewer_id: m.reviewerId,
      reject_reason: m.rejectReason,
      exit_reason: m.exitReason,
    }),
  };

function invalid(m: ProgramMembership, to: ProgramMembershipStatus): DomainError {
  return new DomainError(
    'STATE_TRANSITION_INVALID',
    `Cannot move ${m.program} membership from ${m.status} to ${to}.`,
    {
      from: m.status,
      to,
    },
  );
}

export const DISTRIBUTOR_INVITATION_MACHINE: StateMachineDefinition<InvitationStatus, DistributorInvitation> =
  {
    entityType: 'distributor_invitation',
    eventPrefix: 'certification.distributor_invitation',
    transitions: { pending: ['accepted', 'declined', 'revoked'], accepted: [], declined: [], revoked: [] },
    invalidTransitionCode: 'PROG_INVITATION_NOT_PENDING',
    partnerAccountId: (i) => i.partnerAccountId,
    snapshot: (i) => ({
      status: i.status,
      distributor_type: i.distributorType,
      region_class: i.regionClass,
      membership_id: i.membershipId,
    }),
  };

export const CLOUD_RESELLER_INVITATION_MACHINE: StateMachineDefinition<
  InvitationStatus,
  CloudResellerInvitation
> = {
  entityType: 'cloud_reseller_invitation',
  eventPrefix: 'certification.cloud_reseller_invitation',
  transitions: { pending: ['accepted', 'declined', 'revoked'], accepted: [], declined: [], revoked: [] },
  invalidTransitionCode: 'PROG_INVITATION_NOT_PENDING',
  partnerAccountId: (i) => i.inviteePartnerAccountId,
  snapshot: (i) => ({
    status: i.status,
    distributor_membership_id: i.distributorMembershipId,
    invitee_partner_account_id: i.inviteePartnerAccountId,
    membership_id: i.membershipId,
  }),
};

export const LEVEL_UPGRADE_MACHINE: StateMachineDefinition<LevelUpgradeStatus, LevelUpgradeApplication> = {
  entityType: 'level_upgrade_application',
  eventPrefix: 'certification.level_upgrade',
  transitions: { pending_review: ['approved', 'rejected'], approved: [], rejected: [] },
  partnerAccountId: (a) => a.partnerAccountId,
  snapshot: (a) => ({
    status: a.status,
    from_level: a.fromLevel,
    to_level: a.toLevel,
    reviewer_id: a.reviewerId,
    reject_reason: a.rejectReason,
  }),
};
