/**
 * State machines of linking, specialists and certificates as data (org.md "Entities and states").
 */
import type { StateMachineDefinition } from '../../../../libs/state-machine/index.js';
import type {
  LinkInvitation,
  LinkInvitationStatus,
  PersonalAccountLink,
  PersonalAccountLinkStatus,
  PersonalCertificate,
  PersonalCertificateStatus,
  ProjectSpecialist,
  ProjectSpecialistStatus,
} from '../entities/personal.entities.js';

/** LinkInvitation.status: pending → accepted | declined | revoked | expired (J-ORG-1 or lazily). */
export const LINK_INVITATION_MACHINE: StateMachineDefinition<LinkInvitationStatus, LinkInvitation> = {
  entityType: 'link_invitation',
  eventPrefix: 'org.invitation',
  transitions: {
    pending: ['accepted', 'declined', 'revoked', 'expired'],
    accepted: [],
    declined: [],
    revoked: [],
    expired: [],
  },
  invalidTransitionCode: 'ORG_INVITE_NOT_PENDING',
  partnerAccountId: (i) => i.partnerAccountId,
  snapshot: (i) => ({
    status: i.status,
    personal_account_id: i.personalAccountId,
    expires_at: i.expiresAt.toISOString(),
    decided_at: i.decidedAt?.toISOString() ?? null,
  }),
};

/** PersonalAccountLink.status: active → unlinked (partner admin, ORG-023; or system on deregistration). */
export const PERSONAL_LINK_MACHINE: StateMachineDefinition<PersonalAccountLinkStatus, PersonalAccountLink> = {
  entityType: 'personal_account_link',
  eventPrefix: 'org.link',
  transitions: { active: ['unlinked'], unlinked: [] },
  partnerAccountId: (l) => l.partnerAccountId,
  snapshot: (l) => ({
    status: l.status,
    personal_account_id: l.personalAccountId,
    unlinked_at: l.unlinkedAt?.toISOString() ?? null,
    unlink_reason: l.unlinkReason,
  }),
};

/**
 * ProjectSpecialist.status (org.md): pending_review → active | rejected | withdrawn; active →
 * cancellation_pending; cancellation_pending → cancelled | active; pending_review / active /
 * cancellation_pending → cancelled (system: path exit, deregistration).
 */
export const SPECIALIST_MACHINE: StateMachineDefinition<ProjectSpecialistStatus, ProjectSpecialist> = {
  entityType: 'project_specialist',
  eventPrefix: 'org.specialist',
  transitions: {
    pending_review: ['active', 'rejected', 'withdrawn', 'cancelled'],
    active: ['cancellation_pending', 'cancelled'],
    cancellation_pending: ['cancelled', 'active'],
    rejected: [],
    withdrawn: [],
    cancelled: [],
  },
  partnerAccountId: (s) => s.partnerAccountId,
  snapshot: (s) => ({
    status: s.status,
    path: s.path,
    personal_account_id: s.personalAccountId,
    reviewer_id: s.reviewerId,
    reject_reason: s.rejectReason,
    active_since: s.activeSince?.toISOString() ?? null,
  }),
};

/**
 * PersonalCertificate lifecycle: upload → pending_review → valid (approved) | rejected; sync → valid;
 * valid → expired (J-ORG-3); uploaded certificates → deleted by their owner (ORG-027); a synced certificate the
 * academy no longer reports stays as it is (decision: the academy only adds or renews).
 */
export const CERTIFICATE_MACHINE: StateMachineDefinition<PersonalCertificateStatus, PersonalCertificate> = {
  entityType: 'personal_certificate',
  eventPrefix: 'org.certificate',
  transitions: {
    pending_review: ['valid', 'rejected', 'expired', 'deleted'],
    valid: ['expired', 'deleted'],
    rejected: ['deleted'],
    expired: ['deleted', 'valid'],
    deleted: [],
  },
  snapshot: (c) => ({
    status: c.status,
    review_status: c.reviewStatus,
    family: c.family,
    certificate_no: c.certificateNo,
    valid_to: c.validTo,
  }),
};
