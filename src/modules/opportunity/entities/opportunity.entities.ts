/**
 * Entities of the opportunity module (opportunity.md "Concepts"): PCE enrollment and whitelist, opportunities
 * (PO and HO share one table, `origin` tells them apart), progress updates, feedback, rep offices (routing of
 * POs to PDMs/PSMs/BDs), the duplicate-key lock rows and received CRM events (idempotency on `event_id`).
 */
import { Column, Entity, Index, VersionColumn } from 'typeorm';
import { DateColumn, InstantColumn, JsonColumn } from '../../../../libs/persistence/index.js';
import { UuidEntity } from '../../../../libs/persistence/uuid-entity.js';
import { type Decimal, MoneyColumn } from '../../../../libs/money/index.js';

export type PceEnrollmentStatus = 'active' | 'terminated';

@Entity('opp_pce_enrollment')
@Index('uq_opp_pce_enrollment_partner', ['partnerAccountId'], { unique: true })
export class PceEnrollment extends UuidEntity {
  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ type: 'varchar', length: 12 })
  status: PceEnrollmentStatus;

  @Column({ name: 'agreement_version', type: 'varchar', length: 32 })
  agreementVersion: string;

  @InstantColumn({ name: 'agreement_accepted_at' })
  agreementAcceptedAt: Date;

  @Column({ name: 'update_commitment', type: 'boolean', default: true })
  updateCommitment: boolean;

  @InstantColumn({ name: 'joined_at' })
  joinedAt: Date;

  @Column({ type: 'boolean', default: false })
  whitelisted: boolean;

  @Column({ name: 'whitelisted_by', type: 'varchar', length: 36, nullable: true })
  whitelistedBy: string | null;

  @Column({ name: 'joined_by', type: 'varchar', length: 128 })
  joinedBy: string;

  @InstantColumn({ name: 'terminated_at', nullable: true })
  terminatedAt: Date | null;

  @Column({ name: 'terminate_reason', type: 'varchar', length: 1000, nullable: true })
  terminateReason: string | null;

  /** OPP-061 manual scores (0–100) kept by PDMs for HO candidate ranking */
  @Column({ name: 'technical_score', type: 'int', default: 0 })
  technicalScore: number;

  @Column({ name: 'cooperation_score', type: 'int', default: 0 })
  cooperationScore: number;
}

@Entity('opp_pce_whitelist')
@Index('uq_opp_pce_whitelist_partner', ['partnerAccountId'], { unique: true })
export class PceWhitelistEntry extends UuidEntity {
  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ name: 'added_by', type: 'varchar', length: 36 })
  addedBy: string;

  @InstantColumn({ name: 'added_at' })
  addedAt: Date;

  @Column({ type: 'varchar', length: 1000 })
  reason: string;
}

export type OpportunityOrigin = 'po' | 'ho';
export type PoStatus =
  | 'draft'
  | 'pending_review'
  | 'review_rejected'
  | 'pending_verification'
  | 'verification_rejected'
  | 'verified'
  | 'in_progress'
  | 'delivered'
  | 'lost'
  | 'cancelled';
export type HoStatus =
  | 'pending_acceptance'
  | 'accepted'
  | 'rejected'
  | 'expired'
  | 'in_progress'
  | 'delivered'
  | 'lost'
  | 'withdrawn'
  | 'cancelled';
export type OpportunityStatus = PoStatus | HoStatus;
export type RejectReason =
  'incomplete' | 'invalid' | 'duplicate' | 'partner_request' | 'sla_expired' | 'other';
export type CloseReason =
  'delivered' | 'lost' | 'cancelled_in_crm' | 'crm_released' | 'withdrawn' | 'expired';

@Entity('opp_opportunity')
@Index('idx_opp_opportunity_partner', ['partnerAccountId', 'origin', 'status'])
@Index('idx_opp_opportunity_dupkey', ['customerNameNormalized', 'status'])
@Index('idx_opp_opportunity_status_deadline', ['status', 'verificationDeadline'])
@Index('idx_opp_opportunity_status_acceptance', ['status', 'acceptanceDeadline'])
@Index('idx_opp_opportunity_crm', ['crmOpportunityId'])
export class Opportunity extends UuidEntity {
  @Column({ type: 'varchar', length: 2 })
  origin: OpportunityOrigin;

  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ type: 'varchar', length: 24 })
  status: OpportunityStatus;

  @Column({ name: 'customer_name', type: 'varchar', length: 200, nullable: true })
  customerName: string | null;

  @Column({ name: 'customer_name_normalized', type: 'varchar', length: 200, nullable: true })
  customerNameNormalized: string | null;

  @Column({ name: 'customer_account_id', type: 'varchar', length: 64, nullable: true })
  customerAccountId: string | null;

  @Column({ name: 'customer_contact_name', type: 'varchar', length: 100, nullable: true })
  customerContactName: string | null;

  @Column({ name: 'customer_contact_phone', type: 'varchar', length: 32, nullable: true })
  customerContactPhone: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  province: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  city: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  industry: string | null;

  @MoneyColumn({ name: 'budget_amount', precision: 18, scale: 2, nullable: true })
  budgetAmount: Decimal | null;

  @DateColumn({ name: 'expected_purchase_date', nullable: true })
  expectedPurchaseDate: string | null;

  @MoneyColumn({ name: 'incremental_revenue', precision: 18, scale: 2, nullable: true })
  incrementalRevenue: Decimal | null;

  @Column({ type: 'varchar', length: 4000, nullable: true })
  description: string | null;

  @JsonColumn({ name: 'offering_ids' })
  offeringIds: string[];

  @Column({ name: 'counts_for_assessment', type: 'boolean', default: false })
  countsForAssessment: boolean;

  @Column({ name: 'customer_consent_confirmed', type: 'boolean', default: false })
  customerConsentConfirmed: boolean;

  @Column({ name: 'partner_contact_user_id', type: 'varchar', length: 36, nullable: true })
  partnerContactUserId: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 128 })
  createdBy: string;

  @Column({ name: 'assigned_pdm_id', type: 'varchar', length: 36, nullable: true })
  assignedPdmId: string | null;

  @Column({ name: 'rep_office_id', type: 'varchar', length: 36, nullable: true })
  repOfficeId: string | null;

  @Column({ name: 'handled_by_psm_id', type: 'varchar', length: 36, nullable: true })
  handledByPsmId: string | null;

  @Column({ name: 'bd_id', type: 'varchar', length: 36, nullable: true })
  bdId: string | null;

  /** HO: the PDM/BD who shared it (or `crm`) */
  @Column({ name: 'shared_by', type: 'varchar', length: 36, nullable: true })
  sharedBy: string | null;

  @InstantColumn({ name: 'submitted_at', nullable: true })
  submittedAt: Date | null;

  @InstantColumn({ name: 'review_approved_at', nullable: true })
  reviewApprovedAt: Date | null;

  @InstantColumn({ name: 'verification_deadline', nullable: true })
  verificationDeadline: Date | null;

  @InstantColumn({ name: 'verified_at', nullable: true })
  verifiedAt: Date | null;

  @Column({ name: 'crm_opportunity_id', type: 'varchar', length: 64, nullable: true })
  crmOpportunityId: string | null;

  @InstantColumn({ name: 'crm_created_at', nullable: true })
  crmCreatedAt: Date | null;

  @InstantColumn({ name: 'shared_at', nullable: true })
  sharedAt: Date | null;

  @InstantColumn({ name: 'acceptance_deadline', nullable: true })
  acceptanceDeadline: Date | null;

  @InstantColumn({ name: 'responded_at', nullable: true })
  respondedAt: Date | null;

  @Column({ name: 'reject_reason', type: 'varchar', length: 16, nullable: true })
  rejectReason: RejectReason | null;

  @Column({ name: 'reject_comment', type: 'varchar', length: 1000, nullable: true })
  rejectComment: string | null;

  @Column({ name: 'duplicate_of_id', type: 'varchar', length: 36, nullable: true })
  duplicateOfId: string | null;

  @Column({ name: 'close_reason', type: 'varchar', length: 20, nullable: true })
  closeReason: CloseReason | null;

  @InstantColumn({ name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @InstantColumn({ name: 'last_progress_at', nullable: true })
  lastProgressAt: Date | null;

  @InstantColumn({ name: 'progress_reminded_at', nullable: true })
  progressRemindedAt: Date | null;

  @InstantColumn({ name: 'created_at' })
  createdAt: Date;

  @InstantColumn({ name: 'updated_at' })
  updatedAt: Date;

  /** optimistic-lock counter for concurrent reviewer actions (OPP-040) */
  @VersionColumn()
  version: number;
}

export type ProgressStage =
  | 'verified'
  | 'requirement_confirmed'
  | 'solution_design'
  | 'bidding'
  | 'contract_signed'
  | 'delivering'
  | 'delivered'
  | 'lost';

@Entity('opp_progress_update')
@Index('idx_opp_progress_update_opportunity', ['opportunityId', 'createdAt'])
export class ProgressUpdate extends UuidEntity {
  @Column({ name: 'opportunity_id', type: 'varchar', length: 36 })
  opportunityId: string;

  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ type: 'varchar', length: 24 })
  stage: ProgressStage;

  @Column({ type: 'varchar', length: 2000 })
  note: string;

  @DateColumn({ name: 'next_step_date', nullable: true })
  nextStepDate: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 128 })
  createdBy: string;

  @InstantColumn({ name: 'created_at' })
  createdAt: Date;
}

@Entity('opp_feedback')
@Index('idx_opp_feedback_partner', ['partnerAccountId', 'createdAt'])
export class OpportunityFeedback extends UuidEntity {
  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ name: 'opportunity_id', type: 'varchar', length: 36, nullable: true })
  opportunityId: string | null;

  @Column({ type: 'int' })
  score: number;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  comment: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 128 })
  createdBy: string;

  @InstantColumn({ name: 'created_at' })
  createdAt: Date;
}

/** 代表处: a representative office, the provinces it owns and its PDMs, PSMs and BDs (reviewer ids). */
@Entity('opp_rep_office')
@Index('uq_opp_rep_office_code', ['code'], { unique: true })
export class RepOffice extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @JsonColumn()
  provinces: string[];

  @JsonColumn({ name: 'pdm_ids' })
  pdmIds: string[];

  @JsonColumn({ name: 'psm_ids' })
  psmIds: string[];

  @JsonColumn({ name: 'bd_ids' })
  bdIds: string[];

  @InstantColumn({ name: 'updated_at' })
  updatedAt: Date;
}

/**
 * One row per normalised customer name, locked (`SELECT … FOR UPDATE`) by every duplicate-sensitive decision
 * (approve, verify, share) so two reviewers deciding on duplicates of the same customer serialise on MySQL.
 */
@Entity('opp_duplicate_lock')
@Index('uq_opp_duplicate_lock_key', ['customerNameNormalized'], { unique: true })
export class DuplicateLock extends UuidEntity {
  @Column({ name: 'customer_name_normalized', type: 'varchar', length: 200 })
  customerNameNormalized: string;
}

@Entity('opp_crm_event')
@Index('uq_opp_crm_event_event', ['eventId'], { unique: true })
export class CrmEventReceipt extends UuidEntity {
  @Column({ name: 'event_id', type: 'varchar', length: 64 })
  eventId: string;

  @Column({ type: 'varchar', length: 32 })
  type: string;

  @Column({ name: 'crm_opportunity_id', type: 'varchar', length: 64, nullable: true })
  crmOpportunityId: string | null;

  @Column({ name: 'opportunity_id', type: 'varchar', length: 36, nullable: true })
  opportunityId: string | null;

  @Column({ type: 'varchar', length: 16 })
  outcome: string;

  @InstantColumn({ name: 'received_at' })
  receivedAt: Date;
}

export const OPPORTUNITY_ENTITY_LIST = [
  PceEnrollment,
  PceWhitelistEntry,
  Opportunity,
  ProgressUpdate,
  OpportunityFeedback,
  RepOffice,
  DuplicateLock,
  CrmEventReceipt,
];
