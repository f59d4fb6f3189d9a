/**
 * Business info verification (FAQ 6.2; info.md "Business info verification", INFO-023…INFO-034): the contracting
 * entities (configuration), the verification versions per (partner account, contracting entity), the bank
 * letters, the files behind them, and the scheduled contracting-entity switches (J-INFO-4).
 */
import { BaseEntity, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { type Decimal, MoneyColumn } from '../../../../libs/money/index.js';
import { dbKind, InstantColumn, JsonColumn } from '../../../../libs/persistence/index.js';
import { UuidEntity } from '../../../../libs/persistence/uuid-entity.js';

/** Huawei company that contracts and pays (签约主体, 6.2.5, 12.1.9.4). Seeded: HWSOFT, HWCLOUD (both CNY). */
@Entity('contracting_entity')
export class ContractingEntity extends BaseEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}

export type BusinessVerificationStatus =
  'verifying' | 'verified' | 'failed' | 'bank_letter_required' | 'manual_review';
export type BankAccountType = 'corporate' | 'personal';
export type TaxpayerType = 'general' | 'small_scale';
export type InvoiceMode = 'sp_service_fee' | 'marketplace_goods';
export type SupplierCheckResult = 'match' | 'not_a_supplier' | 'mismatch';
/** how a version came to be: partner form, contracting-entity switch (J-INFO-4), offline change (INFO-033) */
export type VerificationOrigin = 'partner' | 'contracting_entity_switch' | 'offline_bank_change';

/**
 * One version of the business info of a partner account towards one contracting entity. Every submission
 * creates version n+1; the newest version's status is the status of the (account, entity) pair, and the last
 * `verified` version holds the data payouts use (INFO-023, INFO-032).
 */
@Entity('business_info_verification')
@Index('uq_biv_version', ['partnerAccountId', 'contractingEntityCode', 'version'], { unique: true })
@Index('idx_biv_status', ['status', 'submittedAt'])
export class BusinessInfoVerification extends UuidEntity {
  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ name: 'contracting_entity_code', type: 'varchar', length: 32 })
  contractingEntityCode: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 32, default: 'partner' })
  origin: VerificationOrigin;

  @Column({ name: 'enterprise_code_type', type: 'varchar', length: 8 })
  enterpriseCodeType: 'uscc';

  @Column({ type: 'varchar', length: 18 })
  uscc: string;

  @Column({ name: 'company_name', type: 'varchar', length: 200 })
  companyName: string;

  @Column({ name: 'bank_name', type: 'varchar', length: 100 })
  bankName: string;

  @Column({ name: 'bank_account_no', type: 'varchar', length: 40 })
  bankAccountNo: string;

  @Column({ name: 'bank_account_name', type: 'varchar', length: 200 })
  bankAccountName: string;

  @Column({ name: 'bank_account_type', type: 'varchar', length: 12 })
  bankAccountType: BankAccountType;

  @Column({ name: 'branch_name', type: 'varchar', length: 200 })
  branchName: string;

  @Column({ name: 'branch_code', type: 'varchar', length: 20 })
  branchCode: string;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ name: 'taxpayer_type', type: 'varchar', length: 12 })
  taxpayerType: TaxpayerType;

  /** derived from taxpayer_type (INFO-027): 6.00 / 3.00 — a decimal, never a number */
  @MoneyColumn({ name: 'tax_rate', precision: 4, scale: 2 })
  taxRate: Decimal;

  @Column({ name: 'invoice_mode', type: 'varchar', length: 20 })
  invoiceMode: InvoiceMode;

  @Column({ type: 'varchar', length: 24 })
  status: BusinessVerificationStatus;

  @Column({ name: 'failure_reason', type: 'varchar', length: 64, nullable: true })
  failureReason: string | null;

  @Column({ name: 'review_comment', type: 'varchar', length: 500, nullable: true })
  reviewComment: string | null;

  @Column({ name: 'supplier_check', type: 'varchar', length: 16, nullable: true })
  supplierCheck: SupplierCheckResult | null;

  @Column({ name: 'micro_deposit_ref', type: 'varchar', length: 64, nullable: true })
  microDepositRef: string | null;

  @MoneyColumn({ name: 'micro_deposit_amount', precision: 18, scale: 2, nullable: true })
  microDepositAmount: Decimal | null;

  /** wrong amounts entered by the partner (only with BUSINESS_INFO_REQUIRE_AMOUNT_CONFIRMATION) */
  @Column({ name: 'amount_confirmation_attempts', type: 'int', default: 0 })
  amountConfirmationAttempts: number;

  @Column({ name: 'reviewer_id', type: 'varchar', length: 36, nullable: true })
  reviewerId: string | null;

  @InstantColumn({ name: 'submitted_at' })
  submittedAt: Date;

  @InstantColumn({ name: 'verified_at', nullable: true })
  verifiedAt: Date | null;

  @InstantColumn({ name: 'decided_at', nullable: true })
  decidedAt: Date | null;
}

export type BankLetterStatus = 'awaiting_draft' | 'draft_ready' | 'signed_uploaded' | 'accepted' | 'rejected';
export type BankLetterRejectReason = 'seal_invalid' | 'screenshot_seal' | 'data_mismatch' | 'other';
export const BANK_LETTER_REJECT_REASONS: readonly BankLetterRejectReason[] = [
  'seal_invalid',
  'screenshot_seal',
  'data_mismatch',
  'other',
];

/** The 7 fields of a bank letter / offline bank change (INFO-033). */
export interface RequestedBankData {
  supplier_name: string;
  bank_name: string;
  bank_account_no: string;
  branch_name: string;
  branch_code: string;
  bank_account_name: string;
  currency: string;
}

/** Signed and stamped letter confirming the bank details (6.2.9, 6.2.10); one per verification version. */
@Entity('bank_letter')
@Index('uq_bank_letter_verification', ['verificationId'], { unique: true })
@Index('idx_bank_letter_status', ['status', 'signedUploadedAt'])
export class BankLetter extends UuidEntity {
  @Column({ name: 'verification_id', type: 'varchar', length: 36 })
  verificationId: string;

  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ name: 'draft_file_id', type: 'varchar', length: 36, nullable: true })
  draftFileId: string | null;

  @Column({ name: 'signed_scan_file_id', type: 'varchar', length: 36, nullable: true })
  signedScanFileId: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: BankLetterStatus;

  @Column({ name: 'reject_reason', type: 'varchar', length: 16, nullable: true })
  rejectReason: BankLetterRejectReason | null;

  @Column({ name: 'reject_comment', type: 'varchar', length: 500, nullable: true })
  rejectComment: string | null;

  @JsonColumn({ name: 'requested_bank_data' })
  requestedBankData: RequestedBankData;

  @InstantColumn({ name: 'signed_uploaded_at', nullable: true })
  signedUploadedAt: Date | null;

  /** J-INFO-3: still `signed_uploaded` after 23:59:59.999 of the 5th working day after the upload day */
  @Column({ type: 'boolean', default: false })
  overdue: boolean;

  @InstantColumn({ name: 'overdue_flagged_at', nullable: true })
  overdueFlaggedAt: Date | null;

  @Column({ name: 'reviewer_id', type: 'varchar', length: 36, nullable: true })
  reviewerId: string | null;

  @InstantColumn({ name: 'created_at' })
  createdAt: Date;

  @InstantColumn({ name: 'decided_at', nullable: true })
  decidedAt: Date | null;
}

/**
 * Files of the business-info pages (bank-letter drafts and signed scans), kept in the database so every
 * instance serves them (decision: ≤ 10 MB each, INFO-031; MEDIUMBLOB on MySQL/MariaDB, BLOB on SQLite).
 */
@Entity('business_info_file')
@Index('idx_business_info_file_owner', ['partnerAccountId'])
export class BusinessInfoFile extends UuidEntity {
  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ type: 'varchar', length: 24 })
  purpose: 'bank_letter_draft' | 'bank_letter_signed';

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Column({ name: 'content_type', type: 'varchar', length: 64 })
  contentType: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ type: dbKind() === 'mysql' ? 'mediumblob' : 'blob' })
  content: Buffer;

  @Column({ name: 'uploaded_by', type: 'varchar', length: 128 })
  uploadedBy: string;

  @InstantColumn({ name: 'created_at' })
  createdAt: Date;
}

export type ContractingEntitySwitchStatus = 'scheduled' | 'completed' | 'skipped';

/**
 * A contracting-entity switch of one account (12.1.9.4, 12.1.9.6), effective from `effective_at`; J-INFO-4
 * processes the due ones. The last completed switch gives the account's current contracting entity.
 */
@Entity('contracting_entity_switch')
@Index('idx_ce_switch_due', ['status', 'effectiveAt'])
@Index('idx_ce_switch_account', ['partnerAccountId', 'effectiveAt'])
export class ContractingEntitySwitch extends UuidEntity {
  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ name: 'from_code', type: 'varchar', length: 32 })
  fromCode: string;

  @Column({ name: 'to_code', type: 'varchar', length: 32 })
  toCode: string;

  @InstantColumn({ name: 'effective_at' })
  effectiveAt: Date;

  @Column({ type: 'varchar', length: 12 })
  status: ContractingEntitySwitchStatus;

  @Column({ name: 'skip_reason', type: 'varchar', length: 64, nullable: true })
  skipReason: string | null;

  @Column({ name: 'verification_id', type: 'varchar', length: 36, nullable: true })
  verificationId: string | null;

  @Column({ name: 'requested_by', type: 'varchar', length: 128 })
  requestedBy: string;

  @InstantColumn({ name: 'created_at' })
  createdAt: Date;

  @InstantColumn({ name: 'completed_at', nullable: true })
  completedAt: Date | null;
}
