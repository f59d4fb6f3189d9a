/**
 * Personal accounts, their link invitations and links, project specialists and personal certificates
 * (org.md "Concepts": PersonalAccount, LinkInvitation, PersonalAccountLink, ProjectSpecialist,
 * PersonalCertificate; FAQ 7.2).
 */
import { Column, Entity, Index } from 'typeorm';
import type { Site } from '../../../../libs/context/index.js';
import { DateColumn, InstantColumn, JsonColumn } from '../../../../libs/persistence/index.js';
import { UuidEntity } from '../../../../libs/persistence/uuid-entity.js';

export type PersonalAccountType = 'personal' | 'enterprise' | 'iam_user';
export type PersonalRealnameStatus = 'none' | 'personal' | 'enterprise';

/** An individual's own Huawei Cloud account (mirror of the account center's data). */
@Entity('personal_account')
@Index('uq_personal_account_huawei_id', ['huaweiCloudAccountId'], { unique: true })
@Index('uq_personal_account_tenant', ['site', 'tenantName'], { unique: true })
export class PersonalAccount extends UuidEntity {
  @Column({ name: 'huawei_cloud_account_id', type: 'varchar', length: 64 })
  huaweiCloudAccountId: string;

  @Column({ name: 'tenant_name', type: 'varchar', length: 64 })
  tenantName: string;

  @Column({ name: 'huawei_account_name', type: 'varchar', length: 64 })
  huaweiAccountName: string;

  @Column({ type: 'varchar', length: 4 })
  site: Site;

  @Column({ name: 'account_type', type: 'varchar', length: 12 })
  accountType: PersonalAccountType;

  @Column({ name: 'realname_status', type: 'varchar', length: 12 })
  realnameStatus: PersonalRealnameStatus;

  @Column({ name: 'is_partner_account', type: 'boolean', default: false })
  isPartnerAccount: boolean;

  @Column({ name: 'email_bound', type: 'boolean', default: false })
  emailBound: boolean;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ name: 'uniportal_id', type: 'varchar', length: 64, nullable: true })
  uniportalId: string | null;

  /** J-ORG-4: last academy synchronisation of this account's certificates */
  @InstantColumn({ name: 'last_synced_at', nullable: true })
  lastSyncedAt: Date | null;

  @InstantColumn({ name: 'created_at' })
  createdAt: Date;
}

export type LinkInvitationStatus = 'pending' | 'accepted' | 'declined' | 'revoked' | 'expired';

@Entity('org_link_invitation')
@Index('idx_link_invitation_pair', ['partnerAccountId', 'personalAccountId', 'status'])
@Index('idx_link_invitation_expiry', ['status', 'expiresAt'])
@Index('uq_link_invitation_token', ['token'], { unique: true })
export class LinkInvitation extends UuidEntity {
  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ name: 'personal_account_id', type: 'varchar', length: 36 })
  personalAccountId: string;

  @Column({ name: 'invited_by', type: 'varchar', length: 128 })
  invitedBy: string;

  @Column({ type: 'varchar', length: 64 })
  token: string;

  @Column({ type: 'varchar', length: 12 })
  status: LinkInvitationStatus;

  @InstantColumn({ name: 'created_at' })
  createdAt: Date;

  @InstantColumn({ name: 'expires_at' })
  expiresAt: Date;

  @InstantColumn({ name: 'decided_at', nullable: true })
  decidedAt: Date | null;
}

export type PersonalAccountLinkStatus = 'active' | 'unlinked';
export type UnlinkReason = 'admin' | 'account_deregistered';

/**
 * `activeKey` = the personal account id while the link is active, null afterwards: a unique index on it makes
 * "one active link per personal account" (ORG-020 #2) hold in the database too, whatever races.
 */
@Entity('org_personal_account_link')
@Index('uq_personal_link_active', ['activeKey'], { unique: true })
@Index('idx_personal_link_partner', ['partnerAccountId', 'status'])
@Index('idx_personal_link_person', ['personalAccountId', 'linkedAt'])
export class PersonalAccountLink extends UuidEntity {
  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ name: 'legal_entity_id', type: 'varchar', length: 36, nullable: true })
  legalEntityId: string | null;

  @Column({ name: 'personal_account_id', type: 'varchar', length: 36 })
  personalAccountId: string;

  @Column({ name: 'active_key', type: 'varchar', length: 36, nullable: true })
  activeKey: string | null;

  @Column({ name: 'invitation_id', type: 'varchar', length: 36, nullable: true })
  invitationId: string | null;

  @Column({ type: 'varchar', length: 12 })
  status: PersonalAccountLinkStatus;

  @InstantColumn({ name: 'linked_at' })
  linkedAt: Date;

  @InstantColumn({ name: 'unlinked_at', nullable: true })
  unlinkedAt: Date | null;

  @Column({ name: 'unlink_reason', type: 'varchar', length: 24, nullable: true })
  unlinkReason: UnlinkReason | null;
}

export type SpecialistPath = 'software' | 'service' | 'si' | 'lp';
export type ProjectSpecialistStatus =
  'pending_review' | 'active' | 'rejected' | 'withdrawn' | 'cancellation_pending' | 'cancelled';

@Entity('org_project_specialist')
@Index('idx_specialist_partner', ['partnerAccountId', 'status'])
@Index('idx_specialist_person', ['personalAccountId', 'status'])
export class ProjectSpecialist extends UuidEntity {
  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ name: 'personal_account_id', type: 'varchar', length: 36 })
  personalAccountId: string;

  @Column({ name: 'link_id', type: 'varchar', length: 36 })
  linkId: string;

  @Column({ type: 'varchar', length: 12 })
  path: SpecialistPath;

  @Column({ type: 'varchar', length: 24 })
  status: ProjectSpecialistStatus;

  @Column({ name: 'employment_proof_file_id', type: 'varchar', length: 64, nullable: true })
  employmentProofFileId: string | null;

  @JsonColumn({ name: 'certificate_ids' })
  certificateIds: string[];

  @Column({ name: 'submitted_by', type: 'varchar', length: 128 })
  submittedBy: string;

  @InstantColumn({ name: 'submitted_at' })
  submittedAt: Date;

  @Column({ name: 'reviewer_id', type: 'varchar', length: 64, nullable: true })
  reviewerId: string | null;

  @InstantColumn({ name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'reject_reason', type: 'varchar', length: 500, nullable: true })
  rejectReason: string | null;

  @InstantColumn({ name: 'active_since', nullable: true })
  activeSince: Date | null;

  @Column({ name: 'occupied_project_id', type: 'varchar', length: 36, nullable: true })
  occupiedProjectId: string | null;

  @Column({ name: 'in_capability_building', type: 'boolean', default: false })
  inCapabilityBuilding: boolean;
}

export type CertificateFamily =
  'HCIA' | 'HCIP' | 'HCIE' | 'HCCDA' | 'HCCDP' | 'HCCDE' | 'HCSA' | 'HCSP' | 'PMP';
export type CertificateSource = 'academy_sync' | 'upload';
export type CertificateReviewStatus = 'pending_review' | 'approved' | 'rejected' | 'not_required';
/**
 * Lifecycle of a certificate. Decision: the review of an upload is part of the same state machine, so an
 * upload starts `pending_review` and becomes `valid` (approved) or `rejected`; synced certificates start
 * `valid`. `review_status` mirrors the review outcome as org.md names it.
 */
export type PersonalCertificateStatus = 'pending_review' | 'valid' | 'rejected' | 'expired' | 'deleted';

/** `ownerKey` = `<family>:<certificate_no>` while not deleted: one number per family on one account (ORG-026). */
@Entity('org_personal_certificate')
@Index('uq_personal_certificate_owner', ['ownerKey'], { unique: true })
@Index('idx_personal_certificate_person', ['personalAccountId', 'status'])
export class PersonalCertificate extends UuidEntity {
  @Column({ name: 'personal_account_id', type: 'varchar', length: 36 })
  personalAccountId: string;

  @Column({ type: 'varchar', length: 8 })
  family: CertificateFamily;

  @Column({ type: 'varchar', length: 100 })
  track: string;

  @Column({ name: 'certificate_no', type: 'varchar', length: 64 })
  certificateNo: string;

  @Column({ name: 'owner_key', type: 'varchar', length: 80, nullable: true })
  ownerKey: string | null;

  @Column({ type: 'varchar', length: 16 })
  source: CertificateSource;

  @Column({ name: 'review_status', type: 'varchar', length: 16 })
  reviewStatus: CertificateReviewStatus;

  @DateColumn({ name: 'issued_on' })
  issuedOn: string;

  @DateColumn({ name: 'valid_to', nullable: true })
  validTo: string | null;

  @Column({ name: 'file_id', type: 'varchar', length: 64, nullable: true })
  fileId: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: PersonalCertificateStatus;

  @Column({ name: 'reviewer_id', type: 'varchar', length: 64, nullable: true })
  reviewerId: string | null;

  @Column({ name: 'reject_reason', type: 'varchar', length: 500, nullable: true })
  rejectReason: string | null;

  @InstantColumn({ name: 'created_at' })
  createdAt: Date;

  @InstantColumn({ name: 'synced_at', nullable: true })
  syncedAt: Date | null;
}
