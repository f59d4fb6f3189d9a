/**
 * State machines of the info module as data (info.md "Entities and states").
 */
import type { StateMachineDefinition } from '../../../../libs/state-machine/index.js';
import type { OnboardingApplication, OnboardingStatus } from '../entities/onboarding-application.entity.js';
import type { PartnerAccount, PartnerAccountStatus } from '../entities/partner-account.entity.js';
import type { QuickRegistration, QuickRegistrationStatus } from '../entities/quick-registration.entity.js';

/** OnboardingApplication.status: submitted → approved | manual_review; manual_review → approved | rejected. */
export const ONBOARDING_MACHINE: StateMachineDefinition<OnboardingStatus, OnboardingApplication> = {
  entityType: 'onboarding_application',
  eventPrefix: 'info.onboarding',
  transitions: {
    submitted: ['approved', 'manual_review'],
    manual_review: ['approved', 'rejected'],
    approved: [],
    rejected: [],
  },
  invalidTransitionCode: 'STATE_TRANSITION_INVALID',
  partnerAccountId: (a) => a.partnerAccountId,
  snapshot: (a) => ({
    status: a.status,
    auto_check_result: a.autoCheckResult,
    reviewer_id: a.reviewerId,
    reject_reason: a.rejectReason,
    legal_entity_id: a.legalEntityId,
    fast_onboarding: a.fastOnboarding,
  }),
};

/**
 * PartnerAccount.status: registered ("(none)" in the spec) → onboarding → active → deregistered.
 * A fast or auto-approved onboarding goes registered → active directly; a rejection keeps `onboarding`.
 */
export const PARTNER_ACCOUNT_MACHINE: StateMachineDefinition<PartnerAccountStatus, PartnerAccount> = {
  entityType: 'partner_account',
  eventPrefix: 'info.account',
  transitions: {
    registered: ['onboarding', 'active'],
    onboarding: ['active'],
    active: ['deregistered'],
    deregistered: [],
  },
  partnerAccountId: (a) => a.id,
  snapshot: (a) => ({
    status: a.status,
    legal_entity_id: a.legalEntityId,
    is_primary: a.isPrimary,
    hcpn_joined_at: a.hcpnJoinedAt?.toISOString() ?? null,
  }),
};

/**
 * QuickRegistration.status (info.md): code_sent → verified (correct code, expires_at = verified_at + 24 h);
 * verified → consumed (new account registered in time) | expired (J-INFO-5, or lazily on use). A link that
 * expired is never revived: the partner starts a new quick registration ("verify again", INFO-043).
 */
export const QUICK_REGISTRATION_MACHINE: StateMachineDefinition<QuickRegistrationStatus, QuickRegistration> =
  {
    entityType: 'quick_registration',
    eventPrefix: 'info.quick_registration',
    transitions: {
      code_sent: ['verified'],
      verified: ['consumed', 'expired'],
      consumed: [],
      expired: [],
    },
    partnerAccountId: (q) => q.sourceAccountId,
    snapshot: (q) => ({
      status: q.status,
      verified_at: q.verifiedAt?.toISOString() ?? null,
      expires_at: q.expiresAt?.toISOString() ?? null,
      new_account_id: q.newAccountId,
    }),
  };

/** Domain event published after commit when an account is deregistered (INFO-040; payload `id` = account id). */
export const ACCOUNT_DEREGISTERED_EVENT = `${PARTNER_ACCOUNT_MACHINE.eventPrefix}.deregistered`;
