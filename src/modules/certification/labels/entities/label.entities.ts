/**
 * Capability-label certification (certification-labels.md "Concepts"): the label catalogue, one application per
 * (account, label) with its step history, defense / clarification sessions, held labels and the expert
 * group's person assessments (FAQ 2, 9.1–9.4).
 */
import { Column, Entity, Index, VersionColumn } from 'typeorm';
import type { Site } from '../../../../../libs/context/index.js';
import { InstantColumn, JsonColumn, TextColumn } from '../../../../../libs/persistence/index.js';
import { UuidEntity } from '../../../../../libs/persistence/uuid-entity.js';
import type { EvaluationItem } from '../domain/label-catalogue.js';
import type { LabelCertificationStatus, LabelStep, StepOwnerSide } from '../domain/label-steps.js';

/** 能力标签: a level-1 label of the Huawei-maintained catalogue (LABEL-001). */
@Entity('capability_label')
@Index('uq_capability_label_code', ['code'], { unique: true })
export class CapabilityLabel extends UuidEntity {
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ name: 'name_en', type: 'varchar', length: 128 })
  nameEn: string;

  @Column({ name: 'name_zh', type: 'varchar', length: 128 })
  nameZh: string;

  @Column({ type: 'int', default: 1 })
  level: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @JsonColumn({ name: 'evaluation_items' })
  evaluationItems: EvaluationItem[];

  @Column({ name: 'improvement_incentive_scope', type: 'varchar', length: 16, nullable: true })
  improvementIncentiveScope: 'global' | 'china_only' | 'overseas_only' | null;

  @InstantColumn({ name: 'created_at' })
  createdAt: Date;

  @InstantColumn({ name: 'updated_at' })
  updatedAt: Date;
}

export interface EvidenceEntry {
  item_code: string;
  file_ids: string[];
}

/** EvaluationItemResult (FAQ 9.4) plus the pre-review exchange of steps 3–4. */
export interface ItemResultEntry {
  item_code: string;
  result: 'pass' | 'fail' | null;
  improvement_suggestion: string | null;
  pre_review_comment: string | null;
  partner_response: string | null;
  /** the partner explicitly confirmed the comment without an answer (step 4) */
  confirmed: boolean;
}

export interface CountersignEntry {
  role: 'pdm' | 'expert' | 'operations';
  reviewer_id: string;
  decision: 'passed' | 'failed';
  comment: string | null;
  signed_at: string;
}

export interface ArchiveFileEntry {
  file_id: string;
  uploaded_at: string;
  round: number;
}

/** One partner application to earn one label. */
@Entity('label_certification')
@Index('idx_label_certification_partner', ['partnerAccountId', 'labelCode', 'status'])
@Index('idx_label_certification_status', ['status'])
@Index('uq_label_certification_open', ['openKey'], { unique: true })
export class LabelCertification extends UuidEntity {
  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ name: 'label_code', type: 'varchar', length: 64 })
  labelCode: string;

  @Column({ type: 'varchar', length: 4 })
  site: Site;

  @Column({ type: 'varchar', length: 32 })
  status: LabelCertificationStatus;

  /**
   * LABEL-003 under concurrency: `<partner>:<label>` while the application is submitted and not terminal, null
   * otherwise (a unique index admits many NULLs on both engines).
   */
  @Column({ name: 'open_key', type: 'varchar', length: 120, nullable: true })
  openKey: string | null;

  @InstantColumn({ name: 'current_step_due_at', nullable: true })
  currentStepDueAt: Date | null;

  @InstantColumn({ name: 'created_at' })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'varchar', length: 128 })
  createdBy: string;

  /** the org member who created the application (null: the partner admin) */
  @Column({ name: 'applicant_member_id', type: 'varchar', length: 36, nullable: true })
  applicantMemberId: string | null;

  @InstantColumn({ name: 'submitted_at', nullable: true })
  submittedAt: Date | null;

  @InstantColumn({ name: 'completed_at', nullable: true })
  completedAt: Date | null;

  @Column({ name: 'final_result', type: 'varchar', length: 8, nullable: true })
  finalResult: 'passed' | 'failed' | null;

  @JsonColumn({ name: 'evidence' })
  evidence: EvidenceEntry[];

  @JsonColumn({ name: 'item_results' })
  itemResults: ItemResultEntry[];

  /** step 2: the items the operations specialist named (LABEL-007) */
  @JsonColumn({ name: 'supplement_items' })
  supplementItems: string[];

  /** step 6: the archive materials the experts require */
  @JsonColumn({ name: 'archive_materials' })
  archiveMaterials: string[];

  @JsonColumn({ name: 'archive_files' })
  archiveFiles: ArchiveFileEntry[];

  /** Open point 6: loops archive_re_review → supplementing_archive so far */
  @Column({ name: 'archive_loops', type: 'int', default: 0 })
  archiveLoops: number;

  @JsonColumn({ name: 'countersignatures' })
  countersignatures: CountersignEntry[];

  @InstantColumn({ name: 'result_email_sent_at', nullable: true })
  resultEmailSentAt: Date | null;

  @Column({ type: 'boolean', default: false })
  archived: boolean;

  @Column({ name: 'closed_reason', type: 'varchar', length: 32, nullable: true })
  closedReason: string | null;

  @VersionColumn()
  version: number;
}

/**
 * One visit of one step (steps can be visited more than once). The visits of an application are ordered by
 * `seq`, never by `entered_at`: consecutive visits can share an instant (a frozen test clock, two moves in the
 * same millisecond) and UUID ids do not order, so a timestamp order differs between engines.
 */
@Entity('label_certification_step')
@Index('uq_label_certification_step_seq', ['certificationId', 'seq'], { unique: true })
@Index('idx_label_certification_step_open', ['completedAt', 'dueAt'])
export class LabelCertificationStep extends UuidEntity {
  @Column({ name: 'certification_id', type: 'varchar', length: 36 })
  certificationId: string;

  /** 1, 2, … per application in visit order, assigned with the application row locked (`nextSeq`) */
  @Column({ type: 'int' })
  seq: number;

  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ type: 'varchar', length: 32 })
  step: LabelStep;

  /** visit number of this step within the application (1, 2, …) */
  @Column({ type: 'int', default: 1 })
  visit: number;

  @Column({ name: 'owner_side', type: 'varchar', length: 8 })
  ownerSide: StepOwnerSide;

  @InstantColumn({ name: 'entered_at' })
  enteredAt: Date;

  @Column({ name: 'sla_days', type: 'int' })
  slaDays: number;

  @Column({ name: 'sla_day_type', type: 'varchar', length: 8, default: 'natural' })
  slaDayType: 'natural' | 'working';

  @InstantColumn({ name: 'due_at' })
  dueAt: Date;

  @InstantColumn({ name: 'completed_at', nullable: true })
  completedAt: Date | null;

  @Column({ name: 'completed_by', type: 'varchar', length: 128, nullable: true })
  completedBy: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  outcome: string | null;

  @TextColumn({ nullable: true })
  comment: string | null;

  @Column({ name: 'sla_breached', type: 'boolean', default: false })
  slaBreached: boolean;

  @InstantColumn({ name: 'breached_at', nullable: true })
  breachedAt: Date | null;

  /** keys of F-LABEL-1 reminder instants already sent (`due_minus_3d`, `due_minus_1d`, `due`) */
  @JsonColumn({ name: 'reminders_sent' })
  remindersSent: Array<{ key: string; sent_at: string }>;
}

/**
 * 答辩 / 澄清: an online defense or clarification meeting with the review experts (FAQ 9.3). Ordered per
 * application by `seq` (creation order), not by `created_at`, which ties under one instant.
 */
@Entity('label_defense_session')
@Index('uq_label_defense_session_seq', ['certificationId', 'seq'], { unique: true })
export class LabelDefenseSession extends UuidEntity {
  @Column({ name: 'certification_id', type: 'varchar', length: 36 })
  certificationId: string;

  /** 1, 2, … per application in creation order, assigned with the application row locked (`nextSeq`) */
  @Column({ type: 'int' })
  seq: number;

  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ type: 'varchar', length: 20 })
  kind: 'technical_defense' | 'clarification';

  @Column({ name: 'requested_via', type: 'varchar', length: 24, nullable: true })
  requestedVia: 'pdm' | 'operations_specialist' | null;

  @TextColumn({ nullable: true })
  question: string | null;

  @InstantColumn({ name: 'scheduled_at', nullable: true })
  scheduledAt: Date | null;

  @Column({ name: 'meeting_link', type: 'varchar', length: 500, nullable: true })
  meetingLink: string | null;

  @JsonColumn({ name: 'expert_ids' })
  expertIds: string[];

  @Column({ name: 'minutes_file_id', type: 'varchar', length: 128, nullable: true })
  minutesFileId: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 128 })
  createdBy: string;

  @InstantColumn({ name: 'created_at' })
  createdAt: Date;

  @InstantColumn({ name: 'reminder_sent_at', nullable: true })
  reminderSentAt: Date | null;
}

/** A label held by a partner account; "valid" = `status = active` (LABEL-023). */
@Entity('partner_capability_label')
@Index('idx_partner_capability_label_partner', ['partnerAccountId', 'status'])
@Index('uq_partner_capability_label_active', ['activeKey'], { unique: true })
export class PartnerCapabilityLabel extends UuidEntity {
  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ name: 'label_code', type: 'varchar', length: 64 })
  labelCode: string;

  @Column({ type: 'varchar', length: 4 })
  site: Site;

  /** LABEL-021: countersign completion instant, the authoritative "label obtained" time (FAQ 10.9.3 (3)) */
  @InstantColumn({ name: 'granted_at' })
  grantedAt: Date;

  @Column({ name: 'source_certification_id', type: 'varchar', length: 36, nullable: true })
  sourceCertificationId: string | null;

  @Column({ type: 'varchar', length: 8 })
  status: 'active' | 'revoked';

  /** LABEL-004 under concurrency: `<partner>:<label>` while active, null once revoked */
  @Column({ name: 'active_key', type: 'varchar', length: 120, nullable: true })
  activeKey: string | null;

  @InstantColumn({ name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_by', type: 'varchar', length: 128, nullable: true })
  revokedBy: string | null;

  @Column({ name: 'revoke_reason', type: 'varchar', length: 500, nullable: true })
  revokeReason: string | null;
}

export type AssessedRole = 'senior_consultant' | 'service_expert' | 'senior_service_engineer';

/** LABEL-025: the capability-label expert group's assessment of an individual (FAQ 2). */
@Entity('person_capability_assessment')
@Index('idx_person_capability_assessment_person', ['personalAccountId', 'role'])
export class PersonCapabilityAssessment extends UuidEntity {
  @Column({ name: 'personal_account_id', type: 'varchar', length: 36 })
  personalAccountId: string;

  @Column({ type: 'varchar', length: 32 })
  role: AssessedRole;

  @InstantColumn({ name: 'passed_at' })
  passedAt: Date;

  @JsonColumn({ name: 'assessor_ids' })
  assessorIds: string[];

  @Column({ name: 'recorded_by', type: 'varchar', length: 128 })
  recordedBy: string;

  @InstantColumn({ name: 'created_at' })
  createdAt: Date;
}

export const LABEL_ENTITY_LIST = [
  CapabilityLabel,
  LabelCertification,
  LabelCertificationStep,
  LabelDefenseSession,
  PartnerCapabilityLabel,
  PersonCapabilityAssessment,
];
