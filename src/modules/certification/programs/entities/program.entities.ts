/**
 * Partner-program tables (certification-paths.md "Partner programs"): ProgramMembership, ProgramCertificate,
 * ProgramLevel (configuration), ProgramAssessment, LevelUpgradeApplication, SpAccountQuota,
 * DistributorInvitation, CloudResellerInvitation. Scorecards are read live from the performance system
 * (`ProgramPerformancePort`), not stored.
 */
import { Column, Entity, Index, VersionColumn } from 'typeorm';
import { DateColumn, InstantColumn, JsonColumn } from '../../../../../libs/persistence/index.js';
import { UuidEntity } from '../../../../../libs/persistence/uuid-entity.js';
import type { ProgramMembershipStatus } from '../../ports/membership.port.js';

/** The programs whose memberships live in these tables (PCE lives in the opportunity module). */
export type TableProgram = 'solution_provider' | 'distributor' | 'cloud_reseller';
export type DistributorType = 'regional' | 'national';

/**
 * One partner account in one program. `activeKey` = `<partner>:<program>` while the membership counts for the
 * exclusivity matrix (every status except `rejected` / `withdrawn`), null afterwards: the unique index keeps
 * one such membership per account and program under races.
 */
@Entity('cert_program_membership')
@Index('uq_cert_program_membership_active', ['activeKey'], { unique: true })
@Index('idx_cert_program_membership_partner', ['partnerAccountId', 'program'])
@Index('idx_cert_program_membership_entity', ['legalEntityId', 'program', 'status'])
@Index('idx_cert_program_membership_status', ['program', 'status'])
@Index('idx_cert_program_membership_distributor', ['distributorMembershipId'])
export class ProgramMembership extends UuidEntity {
  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ name: 'legal_entity_id', type: 'varchar', length: 36, nullable: true })
  legalEntityId: string | null;

  @Column({ type: 'varchar', length: 24 })
  program: TableProgram;

  @Column({ type: 'varchar', length: 32 })
  status: ProgramMembershipStatus;

  @Column({ name: 'active_key', type: 'varchar', length: 64, nullable: true })
  activeKey: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  level: string | null;

  @InstantColumn({ name: 'applied_at' })
  appliedAt: Date;

  @Column({ name: 'applied_by', type: 'varchar', length: 128 })
  appliedBy: string;

  @InstantColumn({ name: 'joined_at', nullable: true })
  joinedAt: Date | null;

  /** INFO-019 "joined": set once the membership first reaches `active` */
  @Column({ name: 'ever_active', type: 'boolean', default: false })
  everActive: boolean;

  @DateColumn({ name: 'valid_from', nullable: true })
  validFrom: string | null;

  @DateColumn({ name: 'valid_to', nullable: true })
  validTo: string | null;

  @Column({ name: 'representative_office', type: 'varchar', length: 64, nullable: true })
  representativeOffice: string | null;

  @Column({ name: 'distributor_type', type: 'varchar', length: 12, nullable: true })
  distributorType: DistributorType | null;

  @Column({ name: 'region_class', type: 'smallint', nullable: true })
  regionClass: number | null;

  @Column({ name: 'distributor_membership_id', type: 'varchar', length: 36, nullable: true })
  distributorMembershipId: string | null;

  @Column({ name: 'intended_distributor_membership_id', type: 'varchar', length: 36, nullable: true })
  intendedDistributorMembershipId: string | null;

  @Column({ name: 'distributor_inactive', type: 'boolean', default: false })
  distributorInactive: boolean;

  @Column({ name: 'core_product_capability', type: 'boolean', default: false })
  coreProductCapability: boolean;

  @JsonColumn({ name: 'core_products' })
  coreProducts: string[];

  /** operations: a cloud reseller not to be renewed by J-PROG-2 */
  @Column({ name: 'do_not_renew', type: 'boolean', default: false })
  doNotRenew: boolean;

  @InstantColumn({ name: 'huawei_reviewed_at', nullable: true })
  huaweiReviewedAt: Date | null;

  @Column({ name: 'reviewer_id', type: 'varchar', length: 128, nullable: true })
  reviewerId: string | null;

  @InstantColumn({ name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'reject_reason', type: 'varchar', length: 500, nullable: true })
  rejectReason: string | null;

  @Column({ name: 'exit_reason', type: 'varchar', length: 500, nullable: true })
  exitReason: string | null;

  @InstantColumn({ name: 'exited_at', nullable: true })
  exitedAt: Date | null;

  @Column({ name: 'exited_by', type: 'varchar', length: 128, nullable: true })
  exitedBy: string | null;

  @Column({ name: 'ticket_no', type: 'varchar', length: 32, nullable: true })
  ticketNo: string | null;

  @VersionColumn()
  version: number;
}

export type ProgramCertificateStatus = 'valid' | 'superseded' | 'expired' | 'revoked';

/** Program certificate (5.1.5, 5.2.3, 001); reissued (new row, old one `superseded`) on renewal / level change. */
@Entity('cert_program_certificate')
@Index('uq_cert_program_certificate_no', ['certificateNo'], { unique: true })
@Index('idx_cert_program_certificate_membership', ['membershipId', 'issuedAt'])
export class ProgramCertificate extends UuidEntity {
  @Column({ name: 'membership_id', type: 'varchar', length: 36 })
  membershipId: string;

  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ type: 'varchar', length: 24 })
  program: TableProgram;

  @Column({ name: 'certificate_no', type: 'varchar', length: 32 })
  certificateNo: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  level: string | null;

  @DateColumn({ name: 'valid_from' })
  validFrom: string;

  @DateColumn({ name: 'valid_to' })
  validTo: string;

  @Column({ type: 'varchar', length: 12 })
  status: ProgramCertificateStatus;

  @InstantColumn({ name: 'issued_at' })
  issuedAt: Date;
}

/** Ordered levels per program (configuration); defaults in `domain/program-levels.ts` when a program has none. */
@Entity('cert_program_level')
@Index('uq_cert_program_level_code', ['program', 'code'], { unique: true })
export class ProgramLevel extends UuidEntity {
  @Column({ type: 'varchar', length: 24 })
  program: TableProgram;

  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'int' })
  rank: number;
}

export type AssessmentResult = 'passed' | 'failed';

/** Annual assessment result of the previous year (5.1.9, 5.2.6), per legal entity and program. */
@Entity('cert_program_assessment')
@Index('uq_cert_program_assessment_year', ['legalEntityId', 'program', 'year'], { unique: true })
@Index('idx_cert_program_assessment_year', ['year', 'program'])
export class ProgramAssessment extends UuidEntity {
  @Column({ name: 'legal_entity_id', type: 'varchar', length: 36 })
  legalEntityId: string;

  @Column({ type: 'varchar', length: 24 })
  program: TableProgram;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', length: 8 })
  result: AssessmentResult;

  @Column({ name: 'resulting_level', type: 'varchar', length: 32, nullable: true })
  resultingLevel: string | null;

  @InstantColumn({ name: 'published_at' })
  publishedAt: Date;

  @Column({ type: 'varchar', length: 8 })
  source: 'import' | 'manual';
}

export type LevelUpgradeStatus = 'pending_review' | 'approved' | 'rejected';

@Entity('cert_program_level_upgrade')
@Index('idx_cert_program_level_upgrade_membership', ['membershipId', 'status'])
@Index('idx_cert_program_level_upgrade_entity', ['legalEntityId', 'status'])
export class LevelUpgradeApplication extends UuidEntity {
  @Column({ name: 'membership_id', type: 'varchar', length: 36 })
  membershipId: string;

  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ name: 'legal_entity_id', type: 'varchar', length: 36 })
  legalEntityId: string;

  @Column({ name: 'from_level', type: 'varchar', length: 32 })
  fromLevel: string;

  @Column({ name: 'to_level', type: 'varchar', length: 32 })
  toLevel: string;

  @Column({ type: 'varchar', length: 16 })
  status: LevelUpgradeStatus;

  @JsonColumn()
  checks: Record<string, unknown>;

  @InstantColumn({ name: 'submitted_at' })
  submittedAt: Date;

  @Column({ name: 'submitted_by', type: 'varchar', length: 128 })
  submittedBy: string;

  @Column({ name: 'reviewer_id', type: 'varchar', length: 128, nullable: true })
  reviewerId: string | null;

  @InstantColumn({ name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'reject_reason', type: 'varchar', length: 500, nullable: true })
  rejectReason: string | null;
}

/** SP accounts allowed for one legal entity (PROG-005); absent row = 1. */
@Entity('cert_sp_account_quota')
@Index('uq_cert_sp_account_quota_entity', ['legalEntityId'], { unique: true })
export class SpAccountQuota extends UuidEntity {
  @Column({ name: 'legal_entity_id', type: 'varchar', length: 36 })
  legalEntityId: string;

  @Column({ name: 'max_accounts', type: 'int' })
  maxAccounts: number;

  @Column({ name: 'granted_by', type: 'varchar', length: 128 })
  grantedBy: string;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @InstantColumn({ name: 'granted_at' })
  grantedAt: Date;
}

export type InvitationStatus = 'pending' | 'accepted' | 'declined' | 'revoked';

@Entity('cert_distributor_invitation')
@Index('idx_cert_distributor_invitation_partner', ['partnerAccountId', 'status'])
export class DistributorInvitation extends UuidEntity {
  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ name: 'invited_by', type: 'varchar', length: 128 })
  invitedBy: string;

  @Column({ name: 'distributor_type', type: 'varchar', length: 12 })
  distributorType: DistributorType;

  @Column({ name: 'region_class', type: 'smallint', nullable: true })
  regionClass: number | null;

  @Column({ type: 'varchar', length: 12 })
  status: InvitationStatus;

  @InstantColumn({ name: 'created_at' })
  createdAt: Date;

  @InstantColumn({ name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'membership_id', type: 'varchar', length: 36, nullable: true })
  membershipId: string | null;
}

@Entity('cert_cloud_reseller_invitation')
@Index('idx_cert_cloud_reseller_invitation_distributor', ['distributorMembershipId', 'status'])
@Index('idx_cert_cloud_reseller_invitation_invitee', ['inviteePartnerAccountId', 'status'])
export class CloudResellerInvitation extends UuidEntity {
  @Column({ name: 'distributor_membership_id', type: 'varchar', length: 36 })
  distributorMembershipId: string;

  /** the distributor's partner account (tenancy of the sender side) */
  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ name: 'invitee_partner_account_id', type: 'varchar', length: 36 })
  inviteePartnerAccountId: string;

  @Column({ name: 'invited_by', type: 'varchar', length: 128 })
  invitedBy: string;

  @Column({ type: 'varchar', length: 12 })
  status: InvitationStatus;

  @InstantColumn({ name: 'created_at' })
  createdAt: Date;

  @InstantColumn({ name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'membership_id', type: 'varchar', length: 36, nullable: true })
  membershipId: string | null;
}

export const PROGRAM_TABLE_ENTITIES = [
  ProgramMembership,
  ProgramCertificate,
  ProgramLevel,
  ProgramAssessment,
  LevelUpgradeApplication,
  SpAccountQuota,
  DistributorInvitation,
  CloudResellerInvitation,
];
