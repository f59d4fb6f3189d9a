/**
 * Development-path tables (certification-paths.md "Concepts" and "Entities and states"): PathMembership,
 * StageApplication, PathCertificate, PathAnnualReview, SiWhitelistEntry, SiInterlock, ServiceCase,
 * EmploymentProof, PathCriteriaConfig.
 */
import { Column, Entity, Index } from 'typeorm';
import type { Site } from '../../../../../libs/context/index.js';
import { DateColumn, InstantColumn, JsonColumn } from '../../../../../libs/persistence/index.js';
import { UuidEntity } from '../../../../../libs/persistence/uuid-entity.js';
import type { DevelopmentPath, PathMembershipStatus, PathStage } from '../../ports/membership.port.js';

/**
 * One partner account on one path. `activeKey` = `<partner>:<path>` while active, null after the exit: the unique
 * index makes "one active membership per path" (PATH-003) hold under races.
 */
@Entity('cert_path_membership')
@Index('uq_cert_path_membership_active', ['activeKey'], { unique: true })
@Index('idx_cert_path_membership_partner', ['partnerAccountId', 'status'])
@Index('idx_cert_path_membership_path', ['path', 'status'])
export class PathMembership extends UuidEntity {
  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ type: 'varchar', length: 12 })
  path: DevelopmentPath;

  @Column({ type: 'varchar', length: 12 })
  status: PathMembershipStatus;

  @Column({ type: 'varchar', length: 32 })
  stage: PathStage;

  @Column({ name: 'active_key', type: 'varchar', length: 64, nullable: true })
  activeKey: string | null;

  @InstantColumn({ name: 'joined_at' })
  joinedAt: Date;

  @Column({ name: 'joined_by', type: 'varchar', length: 128 })
  joinedBy: string;

  @InstantColumn({ name: 'role_certified_at', nullable: true })
  roleCertifiedAt: Date | null;

  @InstantColumn({ name: 'differentiated_at', nullable: true })
  differentiatedAt: Date | null;

  @InstantColumn({ name: 'exited_at', nullable: true })
  exitedAt: Date | null;

  @Column({ name: 'exited_by', type: 'varchar', length: 128, nullable: true })
  exitedBy: string | null;
}

export type StageApplicationStatus =
  'pending_review' | 'bp_review_scheduled' | 'approved' | 'rejected' | 'withdrawn';
export type TargetStage = 'role_certification' | 'capability_differentiation';

@Entity('cert_path_stage_application')
@Index('idx_cert_path_stage_application_membership', ['membershipId', 'status'])
@Index('idx_cert_path_stage_application_partner', ['partnerAccountId', 'submittedAt'])
export class StageApplication extends UuidEntity {
  @Column({ name: 'membership_id', type: 'varchar', length: 36 })
  membershipId: string;

  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ type: 'varchar', length: 12 })
  path: DevelopmentPath;

  @Column({ name: 'target_stage', type: 'varchar', length: 32 })
  targetStage: TargetStage;

  @Column({ type: 'varchar', length: 24 })
  status: StageApplicationStatus;

  @JsonColumn({ name: 'criteria_snapshot' })
  criteriaSnapshot: Record<string, unknown>;

  @JsonColumn({ name: 'case_ids' })
  caseIds: string[];

  @JsonColumn({ name: 'employment_proof_ids' })
  employmentProofIds: string[];

  @Column({ name: 'bp_file_id', type: 'varchar', length: 64, nullable: true })
  bpFileId: string | null;

  @Column({ name: 'company_ppt_file_id', type: 'varchar', length: 64, nullable: true })
  companyPptFileId: string | null;

  @InstantColumn({ name: 'bp_review_at', nullable: true })
  bpReviewAt: Date | null;

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

  /** reviewer-confirmed items (PATH-015, PATH-021): `{ dedicated_team: true, … }` */
  @JsonColumn()
  attestations: Record<string, boolean>;
}

export type PathCertificateStatus = 'valid' | 'expired' | 'revoked';

@Entity('cert_path_certificate')
@Index('uq_cert_path_certificate_no', ['certificateNo'], { unique: true })
@Index('idx_cert_path_certificate_membership', ['membershipId', 'status'])
@Index('idx_cert_path_certificate_expiry', ['status', 'validTo'])
export class PathCertificate extends UuidEntity {
  @Column({ name: 'membership_id', type: 'varchar', length: 36 })
  membershipId: string;

  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ type: 'varchar', length: 12 })
  path: DevelopmentPath;

  @Column({ type: 'varchar', length: 32 })
  stage: TargetStage;

  @Column({ type: 'varchar', length: 64 })
  title: string;

  @Column({ name: 'certificate_no', type: 'varchar', length: 32 })
  certificateNo: string;

  @DateColumn({ name: 'valid_from' })
  validFrom: string;

  @DateColumn({ name: 'valid_to' })
  validTo: string;

  @Column({ type: 'varchar', length: 12 })
  status: PathCertificateStatus;

  @InstantColumn({ name: 'issued_at' })
  issuedAt: Date;

  @Column({ name: 'revoke_reason', type: 'varchar', length: 500, nullable: true })
  revokeReason: string | null;
}

export type AnnualReviewStatus = 'open' | 'submitted' | 'missed' | 'passed' | 'downgraded' | 'failed';

@Entity('cert_path_annual_review')
@Index('uq_cert_path_annual_review_cycle', ['membershipId', 'cycleYear'], { unique: true })
@Index('idx_cert_path_annual_review_status', ['status', 'deadline'])
export class PathAnnualReview extends UuidEntity {
  @Column({ name: 'membership_id', type: 'varchar', length: 36 })
  membershipId: string;

  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ name: 'certificate_id', type: 'varchar', length: 36 })
  certificateId: string;

  @Column({ name: 'cycle_year', type: 'int' })
  cycleYear: number;

  @Column({ type: 'varchar', length: 12 })
  status: AnnualReviewStatus;

  @InstantColumn()
  deadline: Date;

  @JsonColumn({ nullable: true })
  materials: Record<string, unknown> | null;

  @InstantColumn({ name: 'submitted_at', nullable: true })
  submittedAt: Date | null;

  @InstantColumn({ name: 'reminded_at', nullable: true })
  remindedAt: Date | null;

  @Column({ name: 'reviewer_id', type: 'varchar', length: 64, nullable: true })
  reviewerId: string | null;

  @InstantColumn({ name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decision_comment', type: 'varchar', length: 500, nullable: true })
  decisionComment: string | null;

  /** J-PATH-4 applied the result (renewal / downgrade) */
  @InstantColumn({ name: 'applied_at', nullable: true })
  appliedAt: Date | null;
}

/** PATH-002 / Open point 14: SI whitelist per legal entity, maintained by the PDM. */
@Entity('cert_si_whitelist_entry')
@Index('idx_cert_si_whitelist_entry_entity', ['legalEntityId', 'removedAt'])
export class SiWhitelistEntry extends UuidEntity {
  @Column({ name: 'legal_entity_id', type: 'varchar', length: 36 })
  legalEntityId: string;

  @Column({ name: 'added_by', type: 'varchar', length: 64 })
  addedBy: string;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @InstantColumn({ name: 'added_at' })
  addedAt: Date;

  @InstantColumn({ name: 'removed_at', nullable: true })
  removedAt: Date | null;

  @Column({ name: 'removed_by', type: 'varchar', length: 64, nullable: true })
  removedBy: string | null;
}

/** SI interlock flags (4.3.3, 4.3.7), set by the PDM; one row per SI membership. */
@Entity('cert_si_interlock')
@Index('uq_cert_si_interlock_membership', ['membershipId'], { unique: true })
export class SiInterlock extends UuidEntity {
  @Column({ name: 'membership_id', type: 'varchar', length: 36 })
  membershipId: string;

  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ name: 'bp_interlocked', type: 'boolean', default: false })
  bpInterlocked: boolean;

  @Column({ name: 'customer_list_interlocked', type: 'boolean', default: false })
  customerListInterlocked: boolean;

  @Column({ name: 'set_by', type: 'varchar', length: 64 })
  setBy: string;

  @InstantColumn({ name: 'set_at' })
  setAt: Date;
}

@Entity('cert_path_service_case')
@Index('idx_cert_path_service_case_partner', ['partnerAccountId', 'projectDate'])
export class ServiceCase extends UuidEntity {
  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'customer_name', type: 'varchar', length: 200 })
  customerName: string;

  @DateColumn({ name: 'project_date' })
  projectDate: string;

  @Column({ name: 'is_huawei_cloud', type: 'boolean' })
  isHuaweiCloud: boolean;

  @Column({ name: 'public_url', type: 'varchar', length: 500, nullable: true })
  publicUrl: string | null;

  @Column({ type: 'varchar', length: 4000 })
  description: string;

  @Column({ name: 'file_id', type: 'varchar', length: 64, nullable: true })
  fileId: string | null;

  @InstantColumn({ name: 'created_at' })
  createdAt: Date;
}

@Entity('cert_path_employment_proof')
@Index('idx_cert_path_employment_proof_partner', ['partnerAccountId', 'createdAt'])
export class EmploymentProof extends UuidEntity {
  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ name: 'file_id', type: 'varchar', length: 64 })
  fileId: string;

  @Column({ name: 'issuer_name', type: 'varchar', length: 200 })
  issuerName: string;

  @JsonColumn({ name: 'covered_personal_account_ids' })
  coveredPersonalAccountIds: string[];

  @InstantColumn({ name: 'created_at' })
  createdAt: Date;
}

/**
 * Numeric thresholds per site and year (null year = every year); absent keys fall back to the FAQ defaults
 * (`domain/criteria.ts` DEFAULT_CRITERIA).
 */
@Entity('cert_path_criteria_config')
@Index('uq_cert_path_criteria_config_site_year', ['site', 'year'], { unique: true })
export class PathCriteriaConfig extends UuidEntity {
  @Column({ type: 'varchar', length: 4 })
  site: Site;

  @Column({ type: 'int', nullable: true })
  year: number | null;

  @JsonColumn()
  criteria: Record<string, unknown>;

  @Column({ name: 'updated_by', type: 'varchar', length: 64 })
  updatedBy: string;

  @InstantColumn({ name: 'updated_at' })
  updatedAt: Date;
}

export const PATH_ENTITY_LIST = [
  PathMembership,
  StageApplication,
  PathCertificate,
  PathAnnualReview,
  SiWhitelistEntry,
  SiInterlock,
  ServiceCase,
  EmploymentProof,
  PathCriteriaConfig,
];
