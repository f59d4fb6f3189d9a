/**
 * Solutions and their software certifications (build.md "Entities": Solution, SolutionCertification with its
 * CertificationMaterial list, SolutionCertificate, CloudServiceCatalogEntry).
 */
import { BaseEntity, Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import { dbKind } from '../../../../../libs/persistence/db-kind.js';
import { DateColumn, InstantColumn, JsonColumn, TextColumn } from '../../../../../libs/persistence/index.js';
import { UuidEntity } from '../../../../../libs/persistence/uuid-entity.js';
import type {
  ArchitectureCheck,
  CertificationType,
  DeploymentMode,
  MaterialType,
  PassScenario,
} from '../domain/certification-rules.js';
import type { CloudServiceTier } from '../domain/cloud-service-catalogue.js';

/** 应用与软件解决方案: a partner's application or software solution on Huawei Cloud (FAQ 2). */
@Entity('solution')
@Index('idx_solution_partner', ['partnerAccountId', 'createdAt'])
export class Solution extends UuidEntity {
  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ name: 'legal_entity_id', type: 'varchar', length: 36, nullable: true })
  legalEntityId: string | null;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @TextColumn({ nullable: true })
  description: string | null;

  @JsonColumn({ name: 'deployment_modes' })
  deploymentModes: DeploymentMode[];

  @Column({ name: 'software_product_type', type: 'varchar', length: 64, nullable: true })
  softwareProductType: string | null;

  @JsonColumn({ name: 'cloud_services_used' })
  cloudServicesUsed: string[];

  @Column({ name: 'baseline_solution_id', type: 'varchar', length: 36, nullable: true })
  baselineSolutionId: string | null;

  @Column({ name: 'marketplace_product_id', type: 'varchar', length: 64, nullable: true })
  marketplaceProductId: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 80 })
  createdBy: string;

  @InstantColumn({ name: 'created_at' })
  createdAt: Date;

  @InstantColumn({ name: 'updated_at' })
  updatedAt: Date;
}

export type SolutionCertificationStatus =
  | 'draft'
  | 'pending_psa_pre_review'
  | 'pending_expert_review'
  | 'pending_pdm_review'
  | 'rejected'
  | 'withdrawn'
  | 'certified'
  | 'expired'
  | 'superseded';

export interface CertificationMaterial {
  material_type: MaterialType;
  file_id: string;
  uploaded_at: string;
}

export interface PsaPreReview {
  reviewer_id: string;
  result: 'pass' | 'reject';
  comment: string | null;
  at: string;
}

export interface ExpertReview {
  reviewer_ids: string[];
  technical_conclusion: 'pass' | 'fail';
  comment: string | null;
  /** the level-1 expert confirmed or overrode the computed "3 or 1" check (BUILD-007, Open point 1) */
  architecture_override_reason: string | null;
  at: string;
}

export interface PdmReview {
  reviewer_id: string;
  business_expert_group_ids: string[];
  result: 'pass' | 'reject';
  comment: string | null;
  at: string;
}

/** One past review step, kept across rejections and resubmissions (state table: "review history kept"). */
export interface ReviewHistoryEntry {
  step: 'psa_pre_review' | 'expert_review' | 'pdm_review' | 'submitted' | 'resubmitted' | 'withdrawn';
  actor: string;
  result: string | null;
  comment: string | null;
  at: string;
}

/** One certification application and, once passed, the certification record of a solution. */
@Entity('solution_certification')
@Index('idx_solution_certification_solution', ['solutionId', 'certificationType', 'status'])
@Index('idx_solution_certification_partner', ['partnerAccountId', 'status'])
@Index('idx_solution_certification_expiry', ['status', 'validUntil'])
export class SolutionCertification extends UuidEntity {
  @Column({ name: 'solution_id', type: 'varchar', length: 36 })
  solutionId: string;

  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ name: 'certification_type', type: 'varchar', length: 32 })
  certificationType: CertificationType;

  @Column({ name: 'pass_scenario', type: 'varchar', length: 64 })
  passScenario: PassScenario;

  @Column({ type: 'varchar', length: 32 })
  status: SolutionCertificationStatus;

  @JsonColumn()
  materials: CertificationMaterial[];

  /** scenario 2: the linked partner-led baseline solution */
  @Column({ name: 'baseline_solution_id', type: 'varchar', length: 36, nullable: true })
  baselineSolutionId: string | null;

  @JsonColumn({ name: 'architecture_check', nullable: true })
  architectureCheck: ArchitectureCheck | null;

  @InstantColumn({ name: 'submitted_at', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'resubmission_count', type: 'int', default: 0 })
  resubmissionCount: number;

  @JsonColumn({ name: 'psa_pre_review', nullable: true })
  psaPreReview: PsaPreReview | null;

  @JsonColumn({ name: 'expert_review', nullable: true })
  expertReview: ExpertReview | null;

  @JsonColumn({ name: 'pdm_review', nullable: true })
  pdmReview: PdmReview | null;

  @JsonColumn({ name: 'review_history' })
  reviewHistory: ReviewHistoryEntry[];

  @DateColumn({ name: 'certified_on', nullable: true })
  certifiedOn: string | null;

  @DateColumn({ name: 'valid_until', nullable: true })
  validUntil: string | null;

  @Column({ name: 'certificate_no', type: 'varchar', length: 32, nullable: true })
  certificateNo: string | null;

  @Column({ name: 'ecosystem_program', type: 'varchar', length: 32, nullable: true })
  ecosystemProgram: string | null;

  @Column({ name: 'ecosystem_enrollment_id', type: 'varchar', length: 36, nullable: true })
  ecosystemEnrollmentId: string | null;

  @Column({ name: 'supersedes_id', type: 'varchar', length: 36, nullable: true })
  supersedesId: string | null;

  /** actor id of the creator (partner admin or org member) — the "owner org member" of the reminders */
  @Column({ name: 'created_by', type: 'varchar', length: 80 })
  createdBy: string;

  /** the org member who created the application (null: the partner admin or the system) */
  @Column({ name: 'owner_member_id', type: 'varchar', length: 36, nullable: true })
  ownerMemberId: string | null;

  /** expiry reminders already sent (60/30/7 days before valid_until), so a re-run sends nothing twice */
  @JsonColumn({ name: 'reminders_sent' })
  remindersSent: number[];

  @InstantColumn({ name: 'created_at' })
  createdAt: Date;

  @InstantColumn({ name: 'updated_at' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}

/** The downloadable certificate of a passed certification (BUILD-018), rendered with libs/pdf. */
@Entity('solution_certificate')
@Index('uq_solution_certificate_no', ['certificateNo'], { unique: true })
@Index('uq_solution_certificate_cert', ['certificationId'], { unique: true })
export class SolutionCertificate extends UuidEntity {
  @Column({ name: 'certification_id', type: 'varchar', length: 36 })
  certificationId: string;

  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ name: 'certificate_no', type: 'varchar', length: 32 })
  certificateNo: string;

  @Column({ name: 'certification_type', type: 'varchar', length: 32 })
  certificationType: CertificationType;

  @Column({ name: 'solution_name', type: 'varchar', length: 100 })
  solutionName: string;

  @Column({ name: 'partner_name', type: 'varchar', length: 200 })
  partnerName: string;

  @DateColumn({ name: 'certified_on' })
  certifiedOn: string;

  @DateColumn({ name: 'valid_until' })
  validUntil: string;

  /** object-storage reference of the rendered PDF (the bytes are kept in `content`) */
  @Column({ name: 'pdf_file_id', type: 'varchar', length: 64 })
  pdfFileId: string;

  @Column({ type: dbKind() === 'mysql' ? 'mediumblob' : 'blob' })
  content: Buffer;

  @InstantColumn({ name: 'created_at' })
  createdAt: Date;
}

/** Reference list of Huawei Cloud services with a tier (FAQ 10.8.4, 10.8.5). */
@Entity('cloud_service_catalog_entry')
export class CloudServiceCatalogEntry extends BaseEntity {
  @PrimaryColumn({ name: 'service_code', type: 'varchar', length: 64 })
  serviceCode: string;

  @Column({ name: 'name_zh', type: 'varchar', length: 100 })
  nameZh: string;

  @Column({ name: 'product_dept', type: 'varchar', length: 64 })
  productDept: string;

  @Column({ type: 'varchar', length: 16 })
  tier: CloudServiceTier;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
