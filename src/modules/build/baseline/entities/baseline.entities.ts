/**
 * Baseline solutions and ecosystem special programs (build.md "Entities": BaselineSolution,
 * EcosystemProgramMembership, EcosystemSolutionEnrollment; FAQ 8.2.2, 8.3).
 */
import { Column, Entity, Index, VersionColumn } from 'typeorm';
import { DateColumn, InstantColumn, JsonColumn, TextColumn } from '../../../../../libs/persistence/index.js';
import { UuidEntity } from '../../../../../libs/persistence/uuid-entity.js';
import type {
  BaselineStage,
  EcosystemProgram,
  EnrollmentLifecycle,
  LeadType,
  MembershipStatus,
} from '../domain/baseline-rules.js';

export interface Responsibility {
  owner_name: string;
  resources: string;
}

/** presales, delivery, O&M and operations responsibilities (BUILD-020) */
export interface Responsibilities {
  presales?: Responsibility | null;
  delivery?: Responsibility | null;
  operations_maintenance?: Responsibility | null;
  operations?: Responsibility | null;
}

export interface LaunchMaterial {
  material_type: string;
  file_id: string;
  uploaded_at: string;
}

export interface LaunchApplication {
  materials: LaunchMaterial[];
  submitted_at: string | null;
  review_comment: string | null;
  /** file ids at the last rejection: a resubmission must change them (BUILD-027) */
  rejected_file_ids: string[] | null;
  resubmission_count: number;
}

export interface ReviewMeeting {
  scheduled_at: string;
  meeting_link: string;
}

/** One reviewer step, shown to the partner on the detail endpoint (comments, meeting, decisions). */
export interface BaselineReviewEntry {
  step:
    | 'feature_list_verified'
    | 'initial_review'
    | 'meeting_scheduled'
    | 'meeting_review'
    | 'solution_code_recorded'
    | 'stage_advanced'
    | 'launch_review'
    | 'terminated';
  result: string | null;
  comment: string | null;
  reviewer_id: string | null;
  at: string;
}

/** 基线解决方案 (FAQ 8.3.1, 2): jointly built with Huawei; `status` is the spec's `stage` (column `stage`). */
@Entity('baseline_solution')
@Index('idx_baseline_solution_partner', ['partnerAccountId', 'createdAt'])
@Index('idx_baseline_solution_stage', ['status', 'createdAt'])
@Index('idx_baseline_solution_solution', ['solutionId'])
export class BaselineSolution extends UuidEntity {
  @Column({ name: 'lead_type', type: 'varchar', length: 16 })
  leadType: LeadType;

  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'industry_scenario', type: 'varchar', length: 200, nullable: true })
  industryScenario: string | null;

  @TextColumn({ nullable: true })
  description: string | null;

  @JsonColumn()
  responsibilities: Responsibilities;

  @Column({ name: 'obp_initiation_guide_file_id', type: 'varchar', length: 64, nullable: true })
  obpInitiationGuideFileId: string | null;

  @Column({ name: 'feature_list_file_id', type: 'varchar', length: 64, nullable: true })
  featureListFileId: string | null;

  @Column({ name: 'feature_list_verified', type: 'boolean', default: false })
  featureListVerified: boolean;

  /** the partner's `Solution` this baseline packages (optional; read by ecosystem admission, BUILD-032) */
  @Column({ name: 'solution_id', type: 'varchar', length: 36, nullable: true })
  solutionId: string | null;

  @Column({ name: 'pdm_id', type: 'varchar', length: 36, nullable: true })
  pdmId: string | null;

  @Column({ name: 'psa_id', type: 'varchar', length: 36, nullable: true })
  psaId: string | null;

  @JsonColumn({ name: 'review_meeting', nullable: true })
  reviewMeeting: ReviewMeeting | null;

  /** the meeting (scheduled_at) the 24-hour reminder was sent for */
  @Column({ name: 'meeting_reminder_for', type: 'varchar', length: 40, nullable: true })
  meetingReminderFor: string | null;

  /** 解决方案ID from CSBI (BUILD-024) */
  @Column({ name: 'solution_code', type: 'varchar', length: 40, nullable: true })
  solutionCode: string | null;

  @Column({ name: 'stage', type: 'varchar', length: 32 })
  status: BaselineStage;

  @JsonColumn({ name: 'launch_application', nullable: true })
  launchApplication: LaunchApplication | null;

  @JsonColumn({ name: 'review_history' })
  reviewHistory: BaselineReviewEntry[];

  /** OBP initiation passed (meeting review pass date, Asia/Shanghai): `joint_offering_since` (BUILD-030) */
  @DateColumn({ name: 'initiated_on', nullable: true })
  initiatedOn: string | null;

  @DateColumn({ name: 'launched_on', nullable: true })
  launchedOn: string | null;

  @Column({ name: 'official_site_url', type: 'varchar', length: 500, nullable: true })
  officialSiteUrl: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 80 })
  createdBy: string;

  @InstantColumn({ name: 'created_at' })
  createdAt: Date;

  @InstantColumn({ name: 'updated_at' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}

/** A partner account's enrolment in one ecosystem special program (FAQ 8.2.2.2 step 2). */
@Entity('ecosystem_program_membership')
@Index('uq_ecosystem_program_membership_account', ['partnerAccountId', 'program'], { unique: true })
@Index('idx_ecosystem_program_membership_status', ['status', 'appliedAt'])
export class EcosystemProgramMembership extends UuidEntity {
  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ type: 'varchar', length: 16 })
  program: EcosystemProgram;

  @Column({ type: 'varchar', length: 16 })
  status: MembershipStatus;

  @InstantColumn({ name: 'applied_at' })
  appliedAt: Date;

  @InstantColumn({ name: 'joined_at', nullable: true })
  joinedAt: Date | null;

  @InstantColumn({ name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'reviewer_id', type: 'varchar', length: 36, nullable: true })
  reviewerId: string | null;

  @Column({ name: 'review_comment', type: 'varchar', length: 500, nullable: true })
  reviewComment: string | null;

  @InstantColumn({ name: 'left_at', nullable: true })
  leftAt: Date | null;

  @VersionColumn()
  version: number;
}

export interface EnrollmentReviewEntry {
  step: 'admission_requested' | 'admission_review' | 'technical_requested' | 'technical_review' | 'expired';
  result: string | null;
  comment: string | null;
  actor: string;
  at: string;
}

/**
 * A solution's admission (准入认证) and technical certification (技术认证) in one program (FAQ 8.2.2.2–8.2.2.4).
 * `status` is one lifecycle over both steps (domain/baseline-rules.ts); `admission_status` and
 * `technical_status` are its projections, stored for filtering.
 */
@Entity('ecosystem_solution_enrollment')
@Index('uq_ecosystem_solution_enrollment_pair', ['solutionId', 'program'], { unique: true })
@Index('idx_ecosystem_solution_enrollment_partner', ['partnerAccountId', 'program'])
@Index('idx_ecosystem_solution_enrollment_expiry', ['status', 'validUntil'])
export class EcosystemSolutionEnrollment extends UuidEntity {
  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ name: 'solution_id', type: 'varchar', length: 36 })
  solutionId: string;

  @Column({ type: 'varchar', length: 16 })
  program: EcosystemProgram;

  @Column({ name: 'release_vehicle', type: 'varchar', length: 24 })
  releaseVehicle: 'baseline_solution' | 'marketplace_product';

  @Column({ name: 'baseline_solution_id', type: 'varchar', length: 36, nullable: true })
  baselineSolutionId: string | null;

  @Column({ name: 'marketplace_product_id', type: 'varchar', length: 64, nullable: true })
  marketplaceProductId: string | null;

  @Column({ type: 'varchar', length: 32 })
  status: EnrollmentLifecycle;

  @Column({ name: 'admission_status', type: 'varchar', length: 16 })
  admissionStatus: 'pending_review' | 'admitted' | 'rejected';

  @Column({ name: 'technical_status', type: 'varchar', length: 16 })
  technicalStatus: 'not_applied' | 'pending_review' | 'certified' | 'rejected' | 'expired';

  @InstantColumn({ name: 'admission_requested_at' })
  admissionRequestedAt: Date;

  @InstantColumn({ name: 'admitted_at', nullable: true })
  admittedAt: Date | null;

  @InstantColumn({ name: 'technical_requested_at', nullable: true })
  technicalRequestedAt: Date | null;

  @DateColumn({ name: 'technical_certified_on', nullable: true })
  technicalCertifiedOn: string | null;

  @DateColumn({ name: 'valid_until', nullable: true })
  validUntil: string | null;

  /** the advanced cloud software certification created by the technical pass (BUILD-036) */
  @Column({ name: 'certification_id', type: 'varchar', length: 36, nullable: true })
  certificationId: string | null;

  @JsonColumn({ name: 'review_history' })
  reviewHistory: EnrollmentReviewEntry[];

  @Column({ name: 'created_by', type: 'varchar', length: 80 })
  createdBy: string;

  @VersionColumn()
  version: number;
}
