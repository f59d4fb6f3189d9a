/**
 * Business info verification (FAQ 6.2; info.md INFO-023…INFO-034, J-INFO-2, J-INFO-3, J-INFO-4): the partner's
 * bank and tax data per contracting entity, verified by a micro-deposit (BankVerificationPort) and a comparison
 * with Huawei's supplier system (SupplierRegistryPort); bank letters when they differ; reviewer decisions;
 * contracting-entity switches; and `assertVerified` for the modules that pay money out (benefits, sales).
 *
 * Decisions where the spec is silent (each also noted at its place):
 * - Versions: every submission (and a switch or offline change) creates version n+1 of the (account, entity)
 *   pair; the newest version's status is the pair's status, older versions keep theirs as history. Payouts need
 *   the newest version `verified` (INFO-023, INFO-032: a re-verification blocks payouts until it is verified).
 * - Results of the bank arrive by polling: J-INFO-2 first asks the bank port for the result of every `verifying`
 *   version, then escalates those still without a result 3 h after submission to `manual_review`. The supplier
 *   system is asked synchronously at submission (an internal Huawei system).
 * - The account's current contracting entity is the target of its last completed switch, else the entity of its
 *   latest submission, else HWCLOUD (new agreements are signed with Huawei Cloud, 12.1.9.4).
 */
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager, In, LessThanOrEqual } from 'typeorm';
import { AuditService } from '../../../../libs/audit/index.js';
import { WorkingDayCalendar } from '../../../../libs/calendar/index.js';
import type { RequestContext } from '../../../../libs/context/index.js';
import { type OutgoingMessage, NotificationService } from '../../../../libs/notify/index.js';
import {
  findOneForUpdate,
  isUniqueViolation,
  sqliteExclusive,
  TransactionRunner,
} from '../../../../libs/persistence/index.js';
import { StateMachine } from '../../../../libs/state-machine/index.js';
import {
  BANK_LETTER_MACHINE,
  BUSINESS_VERIFICATION_MACHINE,
  checkLetterFile,
  compareWithSupplier,
  CONTRACTING_ENTITY_SWITCH_MACHINE,
  generateDraftLetter,
  IN_PROGRESS,
  parseBankChange,
  taxRateOf,
  type UploadedFile,
} from '../domain/business-verification.js';
import { type BusinessNotice, businessNoticeText } from '../domain/business-verification-notifications.js';
import { sameCompanyName } from '../domain/entity-codes.js';
import type { SubmitBusinessVerificationDto } from '../dto/business-verification.dto.js';
import {
  BankLetter,
  type BankLetterRejectReason,
  type BankLetterStatus,
  BANK_LETTER_REJECT_REASONS,
  BusinessInfoFile,
  BusinessInfoVerification,
  type BusinessVerificationStatus,
  ContractingEntity,
  ContractingEntitySwitch,
  type ContractingEntitySwitchStatus,
  type InvoiceMode,
  type RequestedBankData,
  type TaxpayerType,
  type VerificationOrigin,
} from '../entities/business-verification.entities.js';
import { LegalEntity } from '../entities/legal-entity.entity.js';
import { PartnerAccount } from '../entities/partner-account.entity.js';
import { InfoErrors } from '../info.errors.js';
import { BANK_VERIFICATION_PORT, type BankVerificationPort } from '../ports/bank-verification.port.js';
import { SUPPLIER_REGISTRY_PORT, type SupplierRegistryPort } from '../ports/supplier-registry.port.js';
import { AppConfig } from '../../../../config/app.config.js';
import { toDecimal } from '../../../../libs/money/index.js';

/** Configuration rows seeded idempotently at start (decision: on module init rather than a data migration, so
 * both engines and the demo get them without hand-written SQL; operations may add more). */
export const SEEDED_CONTRACTING_ENTITIES: ReadonlyArray<
  Pick<ContractingEntity, 'code' | 'name' | 'currency'>
> = [
  { code: 'HWSOFT', name: 'Huawei Software Technologies Co., Ltd.', currency: 'CNY' },
  { code: 'HWCLOUD', name: 'Huawei Cloud Computing Technologies Co., Ltd.', currency: 'CNY' },
];
export const DEFAULT_CONTRACTING_ENTITY = 'HWCLOUD';

/** J-INFO-2: a verification without a result this long after submission goes to manual review (6.2.8). */
export const VERIFICATION_TIMEOUT_MS = 3 * 3600 * 1000;
/** J-INFO-3: a signed letter is overdue after the 5th working day after its upload day (6.2.9 "3–5 days"). */
export const BANK_LETTER_SLA_WORKING_DAYS = 5;

/** Recipient of the reviewer-side notices (operations review queue, bank-letter SLA) in the outbox. */
export const OPERATIONS_INBOX = 'reviewers:operations';

/** Refund account shown as static info on the business-info page (INFO-028, 6.2.7). */
const REFUND_INFO = {
  note: 'The verification amount need not be returned. To refund it, transfer it back to the account it came from.',
};

export interface BankLetterView {
  id: string;
  status: BankLetterStatus;
  draft_available: boolean;
  signed_scan_uploaded: boolean;
  reject_reason: BankLetterRejectReason | null;
  reject_comment: string | null;
  requested_bank_data: RequestedBankData;
  signed_uploaded_at: string | null;
  overdue: boolean;
  decided_at: string | null;
}

export interface BusinessVerificationView {
  id: string;
  partner_account_id: string;
  contracting_entity: string;
  contracting_entity_name: string | null;
  version: number;
  origin: VerificationOrigin;
  status: BusinessVerificationStatus;
  enterprise_code_type: 'uscc';
  uscc: string;
  company_name: string;
  bank_name: string;
  bank_account_no: string;
  bank_account_name: string;
  bank_account_type: string;
  branch_name: string;
  branch_code: string;
  currency: string;
  taxpayer_type: TaxpayerType;
  tax_rate: string;
  invoice_mode: InvoiceMode;
  failure_reason: string | null;
  review_comment: string | null;
  micro_deposit_ref: string | null;
  micro_deposit_amount: string | null;
  awaiting_amount_confirmation: boolean;
  submitted_at: string;
  verified_at: string | null;
  decided_at: string | null;
  bank_letter: BankLetterView | null;
  /** the data payouts use: the last verified version (may be an older one while a new one is checked) */
  last_verified: { id: string; version: number; verified_at: string | null; bank_account_no: string } | null;
  refund_info: typeof REFUND_INFO;
}

export interface NotStartedView {
  partner_account_id: string;
  contracting_entity: string;
  contracting_entity_name: string;
  currency: string;
  status: 'not_started';
}

/** What a paying module gets back from assertVerified: the verified bank and tax data. */
export interface VerifiedBusinessInfo {
  verification_id: string;
  version: number;
  contracting_entity: string;
  currency: string;
  bank_name: string;
  bank_account_no: string;
  bank_account_name: string;
  branch_name: string;
  branch_code: string;
  taxpayer_type: TaxpayerType;
  tax_rate: string;
  invoice_mode: InvoiceMode;
}

export interface SwitchView {
  id: string;
  partner_account_id: string;
  from: string;
  to: string;
  effective_at: string;
  status: ContractingEntitySwitchStatus;
  skip_reason: string | null;
  verification_id: string | null;
}

@Injectable()
export class BusinessInfoVerificationService implements OnModuleInit {
  private readonly logger = new Logger('BusinessInfoVerification');
  private readonly verifications: StateMachine<BusinessVerificationStatus, BusinessInfoVerification>;
  private readonly letters: StateMachine<BankLetterStatus, BankLetter>;
  private readonly switches: StateMachine<ContractingEntitySwitchStatus, ContractingEntitySwitch>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly calendar: WorkingDayCalendar,
    @Inject(BANK_VERIFICATION_PORT) private readonly bank: BankVerificationPort,
    @Inject(SUPPLIER_REGISTRY_PORT) private readonly suppliers: SupplierRegistryPort,
    private readonly config: AppConfig,
  ) {
    this.verifications = new StateMachine(BUSINESS_VERIFICATION_MACHINE, audit);
    this.letters = new StateMachine(BANK_LETTER_MACHINE, audit);
    this.switches = new StateMachine(CONTRACTING_ENTITY_SWITCH_MACHINE, audit);
  }

  async onModuleInit(): Promise<void> {
    if (!this.dataSource.isInitialized) return;
    await this.seedContractingEntities();
  }

  /** Idempotent: inserts the seeded contracting entities that are missing (a racing instance may win). */
  async seedContractingEntities(): Promise<void> {
    const repo = this.dataSource.getRepository(ContractingEntity);
    for (const row of SEEDED_CONTRACTING_ENTITIES) {
      if (await repo.findOne({ where: { code: row.code } })) continue;
      try {
        await sqliteExclusive(this.dataSource, () => repo.insert({ ...row, active: true }));
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
      }
    }
  }

  // --- partner --------------------------------------------------------------------------------------------

  /**
   * Submit or re-verify (INFO-023…INFO-028, INFO-030, INFO-032): creates version n+1 in `verifying`, asks the
   * bank for a micro-deposit and compares with the supplier system (a difference → `bank_letter_required`).
   */
  async submit(ctx: RequestContext, dto: SubmitBusinessVerificationDto): Promise<BusinessVerificationView> {
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      // the account row lock serialises submissions of one account (the version number is max + 1)
      const account = await findOneForUpdate(em, PartnerAccount, { id: t.partnerAccountId });
      if (!account) throw InfoErrors.fail('INFO_ACCOUNT_NOT_FOUND');
      const entity = await this.contractingEntity(
        em,
        dto.contracting_entity ?? (await this.currentEntityCode(em, account.id)),
      );
      const company = account.legalEntityId
        ? await em.findOne(LegalEntity, { where: { id: account.legalEntityId } })
        : null;
      if (!company) throw InfoErrors.fail('INFO_NOT_ONBOARDED');

      // INFO-025 the enterprise code is the USCC, the legal entity's own
      if ((dto.enterprise_code_type ?? 'uscc') !== 'uscc') {
        throw InfoErrors.fail('INFO_ENTERPRISE_CODE_TYPE_INVALID', undefined, {
          field: 'enterprise_code_type',
        });
      }
      if (!company.uscc) throw InfoErrors.fail('INFO_USCC_MISSING');
      if (dto.uscc !== undefined && dto.uscc.trim().toUpperCase() !== company.uscc) {
        throw InfoErrors.fail('INFO_REALNAME_MISMATCH', undefined, { field: 'uscc' });
      }
      // INFO-026 the currency is the contracting entity's
      if (dto.currency !== undefined && dto.currency.trim().toUpperCase() !== entity.currency) {
        throw InfoErrors.fail('INFO_CURRENCY_NOT_EDITABLE', undefined, { currency: entity.currency });
      }
      // INFO-024 corporate account in the company's name
      assertCorporateAccount(dto.bank_account_type, dto.bank_account_name, company.companyName);

      // INFO-032 one version at a time; INFO-027 taxpayer type / invoice mode fixed after the first submission
      const latest = await this.latestVersion(em, account.id, entity.code);
      if (latest && IN_PROGRESS.includes(latest.status)) {
        throw InfoErrors.fail('INFO_VERIFICATION_IN_PROGRESS', undefined, { status: latest.status });
      }
      let taxpayerType: TaxpayerType;
      let invoiceMode: InvoiceMode;
      if (latest) {
        if (dto.taxpayer_type !== undefined && dto.taxpayer_type !== latest.taxpayerType) {
          throw InfoErrors.fail('INFO_TAXPAYER_TYPE_CHANGE_VIA_TICKET', undefined, {
            taxpayer_type: latest.taxpayerType,
          });
        }
        if (dto.invoice_mode !== undefined && dto.invoice_mode !== latest.invoiceMode) {
          throw InfoErrors.fail('INFO_INVOICE_MODE_CHANGE_VIA_TICKET', undefined, {
            invoice_mode: latest.invoiceMode,
          });
        }
        taxpayerType = latest.taxpayerType;
        invoiceMode = latest.invoiceMode;
      } else {
        if (!dto.taxpayer_type) {
          throw InfoErrors.fail('INFO_FIELD_INVALID', 'taxpayer_type is required at the first submission.', {
            field: 'taxpayer_type',
          });
        }
        // INFO-027 decision: partners choose the SP service-fee mode; `marketplace_goods` is set by operations
        if (dto.invoice_mode !== undefined && dto.invoice_mode !== 'sp_service_fee') {
          throw InfoErrors.fail('INFO_INVOICE_MODE_CHANGE_VIA_TICKET', undefined, {
            invoice_mode: 'sp_service_fee',
          });
        }
        taxpayerType = dto.taxpayer_type;
        invoiceMode = 'sp_service_fee';
      }

      const v = em.create(BusinessInfoVerification, {
        partnerAccountId: account.id,
        contractingEntityCode: entity.code,
        version: (latest?.version ?? 0) + 1,
        origin: 'partner',
        enterpriseCodeType: 'uscc',
        uscc: company.uscc,
        companyName: company.companyName,
        bankName: dto.bank_name.trim(),
        bankAccountNo: dto.bank_account_no.trim(),
        bankAccountName: dto.bank_account_name.trim(),
        bankAccountType: 'corporate',
        branchName: dto.branch_name.trim(),
        branchCode: dto.branch_code.trim(),
        currency: entity.currency,
        taxpayerType,
        taxRate: taxRateOf(taxpayerType),
        invoiceMode,
        status: 'verifying',
        failureReason: null,
        reviewComment: null,
        supplierCheck: null,
        microDepositRef: null,
        microDepositAmount: null,
        reviewerId: null,
        submittedAt: t.now(),
        verifiedAt: null,
        decidedAt: null,
      });
      await this.startVerification(
        t,
        v,
        account,
        entity,
        latest ? 'business_verification.reverified' : undefined,
      );
      return this.view(em, v, entity);
    });
  }

  /** The page: the current (or given) contracting entity's newest version, or `not_started`. */
  async current(ctx: RequestContext, code?: string): Promise<BusinessVerificationView | NotStartedView> {
    const em = this.dataSource.manager;
    const entity = await this.contractingEntity(
      em,
      code ?? (await this.currentEntityCode(em, ctx.partnerAccountId)),
    );
    const latest = await this.latestVersion(em, ctx.partnerAccountId, entity.code);
    if (!latest) {
      return {
        partner_account_id: ctx.partnerAccountId,
        contracting_entity: entity.code,
        contracting_entity_name: entity.name,
        currency: entity.currency,
        status: 'not_started',
      };
    }
    return this.view(em, latest, entity);
  }

  /** INFO-031: the partner uploads the stamped scan of the draft (draft_ready or rejected → signed_uploaded). */
  async uploadSignedLetter(
    ctx: RequestContext,
    verificationId: string,
    file: UploadedFile | undefined,
  ): Promise<BusinessVerificationView> {
    const checked = checkLetterFile(file);
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const v = await this.ownedVerification(t, verificationId);
      const letter = await findOneForUpdate(em, BankLetter, { verificationId: v.id });
      if (
        v.status !== 'bank_letter_required' ||
        !letter ||
        !['draft_ready', 'rejected'].includes(letter.status)
      ) {
        throw InfoErrors.fail('INFO_BANK_LETTER_NOT_EXPECTED', undefined, {
          status: v.status,
          bank_letter_status: letter?.status ?? null,
        });
      }
      const stored = await this.storeFile(t, v.partnerAccountId, 'bank_letter_signed', file!, checked);
      await this.letters.transition(t, letter, 'signed_uploaded', {
        action: 'bank_letter.signed_uploaded',
        mutate: (l) => {
          l.signedScanFileId = stored.id;
          l.signedUploadedAt = t.now();
          l.overdue = false;
          l.overdueFlaggedAt = null;
          l.rejectReason = null;
          l.rejectComment = null;
        },
      });
      return this.view(em, v);
    });
  }

  /** The draft letter for the partner to print and stamp (Partner info > Business info). */
  async draftFile(
    ctx: RequestContext,
    verificationId: string,
  ): Promise<{ fileName: string; contentType: string; content: Buffer }> {
    const em = this.dataSource.manager;
    const v = await em.findOne(BusinessInfoVerification, {
      where: { id: verificationId, partnerAccountId: ctx.partnerAccountId },
    });
    if (!v) throw InfoErrors.fail('INFO_VERIFICATION_NOT_FOUND');
    const letter = await em.findOne(BankLetter, { where: { verificationId: v.id } });
    if (!letter?.draftFileId) throw InfoErrors.fail('INFO_BANK_LETTER_NOT_FOUND');
    const file = await em.findOne(BusinessInfoFile, {
      where: { id: letter.draftFileId, partnerAccountId: ctx.partnerAccountId },
    });
    if (!file) throw InfoErrors.fail('INFO_BANK_LETTER_NOT_FOUND');
    return { fileName: file.fileName, contentType: file.contentType, content: Buffer.from(file.content) };
  }

  // --- other modules --------------------------------------------------------------------------------------

  /**
   * INFO-023: money may be paid into the account's bank account only when its newest version towards the
   * paying contracting entity is `verified`; otherwise 422 BUSINESS_INFO_NOT_VERIFIED with `details.status`
   * (`not_started`, `verifying`, `manual_review`, `bank_letter_required`, `failed`).
   */
  async assertVerified(
    partnerAccountId: string,
    contractingEntityCode: string,
  ): Promise<VerifiedBusinessInfo> {
    const em = this.dataSource.manager;
    const latest = await this.latestVersion(em, partnerAccountId, contractingEntityCode);
    if (!latest || latest.status !== 'verified') {
      throw InfoErrors.fail('BUSINESS_INFO_NOT_VERIFIED', undefined, {
        status: latest?.status ?? 'not_started',
        contracting_entity: contractingEntityCode,
      });
    }
    return {
      verification_id: latest.id,
      version: latest.version,
      contracting_entity: latest.contractingEntityCode,
      currency: latest.currency,
      bank_name: latest.bankName,
      bank_account_no: latest.bankAccountNo,
      bank_account_name: latest.bankAccountName,
      branch_name: latest.branchName,
      branch_code: latest.branchCode,
      taxpayer_type: latest.taxpayerType,
      tax_rate: latest.taxRate.toFixed(2),
      invoice_mode: latest.invoiceMode,
    };
  }

  // --- reviewers (operations) -----------------------------------------------------------------------------

  async list(q: {
    status?: BusinessVerificationStatus;
    partner_account_id?: string;
    offset?: number;
    limit?: number;
  }): Promise<{ total_count: number; items: BusinessVerificationView[] }> {
    const em = this.dataSource.manager;
    const where: Record<string, unknown> = {};
    if (q.status) where.status = q.status;
    if (q.partner_account_id) where.partnerAccountId = q.partner_account_id;
    const [rows, total] = await em.findAndCount(BusinessInfoVerification, {
      where,
      order: { submittedAt: 'DESC', id: 'DESC' },
      skip: q.offset ?? 0,
      take: q.limit ?? 10,
    });
    const items: BusinessVerificationView[] = [];
    for (const r of rows) items.push(await this.view(em, r));
    return { total_count: total, items };
  }

  async get(id: string): Promise<BusinessVerificationView> {
    const em = this.dataSource.manager;
    const v = await em.findOne(BusinessInfoVerification, { where: { id } });
    if (!v) throw InfoErrors.fail('INFO_VERIFICATION_NOT_FOUND');
    return this.view(em, v);
  }

  /** manual_review → verified (business info reviewer, 6.2.8). */
  async approveReview(ctx: RequestContext, id: string): Promise<BusinessVerificationView> {
    return this.decide(ctx, id, ['manual_review'], async (t, v) => {
      await this.toVerified(t, v, 'business_verification.approved_by_reviewer');
    });
  }

  /** manual_review | bank_letter_required → failed: the partner must correct its data and re-verify. */
  async failVerification(
    ctx: RequestContext,
    id: string,
    reason: string | undefined,
  ): Promise<BusinessVerificationView> {
    const comment = reason?.trim();
    if (!comment) throw InfoErrors.fail('INFO_REJECT_REASON_REQUIRED');
    return this.decide(ctx, id, ['manual_review', 'bank_letter_required'], async (t, v) => {
      await this.toFailed(t, v, 'rejected_by_reviewer', comment.slice(0, 500));
    });
  }

  /** manual_review → bank_letter_required (the reviewer finds the bank data need a signed letter). */
  async requireBankLetter(
    ctx: RequestContext,
    id: string,
    reason?: string,
  ): Promise<BusinessVerificationView> {
    return this.decide(ctx, id, ['manual_review'], async (t, v) => {
      await this.toBankLetterRequired(t, v, 'bank_letter_requested_by_reviewer', reason?.trim() || null);
    });
  }

  /**
   * INFO-031: operations provide the draft letter (awaiting_draft → draft_ready) — an uploaded document, or,
   * without one, a draft generated from the requested bank data.
   */
  async prepareDraft(
    ctx: RequestContext,
    id: string,
    file?: UploadedFile,
  ): Promise<BusinessVerificationView> {
    const checked = file ? checkLetterFile(file) : null;
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const { v, letter } = await this.letterForUpdate(t, id);
      if (v.status !== 'bank_letter_required') {
        throw InfoErrors.fail('INFO_VERIFICATION_STATE_INVALID', undefined, { status: v.status });
      }
      await this.attachDraft(t, letter, file && checked ? { file, checked } : null);
      const account = await this.account(em, v.partnerAccountId);
      await this.notifyPartner(t, account, v, 'bank_letter_draft_ready');
      return this.view(em, v);
    });
  }

  /** signed_uploaded → accepted; the verification becomes `verified` (bank_letter_required → verified). */
  async acceptLetter(ctx: RequestContext, id: string): Promise<BusinessVerificationView> {
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const { v, letter } = await this.letterForUpdate(t, id);
      await this.letters.transition(t, letter, 'accepted', {
        action: 'bank_letter.accepted',
        mutate: (l) => {
          l.reviewerId = t.reviewerId;
          l.decidedAt = t.now();
        },
      });
      await this.toVerified(t, v, 'business_verification.bank_letter_accepted');
      return this.view(em, v);
    });
  }

  /** signed_uploaded → rejected with a reason (INFO-031: seal_invalid, screenshot_seal, data_mismatch, other). */
  async rejectLetter(
    ctx: RequestContext,
    id: string,
    reason: string,
    comment?: string,
  ): Promise<BusinessVerificationView> {
    if (!BANK_LETTER_REJECT_REASONS.includes(reason as BankLetterRejectReason)) {
      throw InfoErrors.fail('INFO_FIELD_INVALID', undefined, { field: 'reject_reason' });
    }
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const { v, letter } = await this.letterForUpdate(t, id);
      await this.letters.transition(t, letter, 'rejected', {
        action: 'bank_letter.rejected',
        mutate: (l) => {
          l.rejectReason = reason as BankLetterRejectReason;
          l.rejectComment = comment?.trim().slice(0, 500) || null;
          l.reviewerId = t.reviewerId;
          l.decidedAt = t.now();
          l.overdue = false;
        },
      });
      const account = await this.account(em, v.partnerAccountId);
      await this.notifyPartner(t, account, v, 'bank_letter_rejected', reason);
      return this.view(em, v);
    });
  }

  /**
   * INFO-033: operations record new bank data received offline (ecosystem manager or ticket). Decision: the
   * change is version n+1 in `bank_letter_required` (the verified version stays as history; payouts wait for
   * the letter), with its letter drafted at once from the 7 fields.
   */
  async offlineBankChange(
    ctx: RequestContext,
    id: string,
    input: unknown,
    ticketNo?: string,
  ): Promise<BusinessVerificationView> {
    const data = parseBankChange(input);
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const current = await findOneForUpdate(em, BusinessInfoVerification, { id });
      if (!current) throw InfoErrors.fail('INFO_VERIFICATION_NOT_FOUND');
      const latest = await this.latestVersion(em, current.partnerAccountId, current.contractingEntityCode);
      if (latest!.id !== current.id || current.status !== 'verified') {
        throw InfoErrors.fail('INFO_VERIFICATION_STATE_INVALID', undefined, { status: latest!.status });
      }
      const entity = await this.contractingEntity(em, current.contractingEntityCode);
      if (data.currency !== entity.currency) {
        throw InfoErrors.fail('INFO_CURRENCY_NOT_EDITABLE', undefined, { currency: entity.currency });
      }
      assertCorporateAccount('corporate', data.bank_account_name, current.companyName);
      const v = em.create(BusinessInfoVerification, {
        ...copyTaxAndCompany(current),
        version: current.version + 1,
        origin: 'offline_bank_change',
        bankName: data.bank_name,
        bankAccountNo: data.bank_account_no,
        bankAccountName: data.bank_account_name,
        branchName: data.branch_name,
        branchCode: data.branch_code,
        currency: entity.currency,
        status: 'bank_letter_required',
        failureReason: 'offline_bank_change',
        reviewerId: t.reviewerId,
        submittedAt: t.now(),
      });
      await this.verifications.create(t, v, {
        action: 'business_verification.offline_bank_change',
        eventPayload: { ticket_no: ticketNo ?? null, previous_version: current.version },
      });
      const letter = await this.createLetter(t, v, data);
      await this.attachDraft(t, letter, null);
      const account = await this.account(em, v.partnerAccountId);
      await this.notifyPartner(t, account, v, 'bank_letter_draft_ready');
      await this.audit.record(t, {
        action: 'business_verification.offline_bank_change.ticket',
        entityType: 'business_info_verification',
        entityId: v.id,
        partnerAccountId: v.partnerAccountId,
        before: { version: current.version, bank_account_no: current.bankAccountNo },
        after: { version: v.version, bank_account_no: v.bankAccountNo, ticket_no: ticketNo ?? null },
      });
      return this.view(em, v, entity);
    });
  }

  /**
   * INFO-027: operations change the taxpayer type and/or invoice mode on a ticket (6.2.11, 12.1.5.39). Not a
   * status change: the newest version is corrected in place (tax rate re-derived), audited with the ticket.
   */
  async changeTaxData(
    ctx: RequestContext,
    id: string,
    input: { taxpayer_type?: TaxpayerType; invoice_mode?: InvoiceMode; ticket_no?: string },
  ): Promise<BusinessVerificationView> {
    if (!input.taxpayer_type && !input.invoice_mode) {
      throw InfoErrors.fail('INFO_FIELD_INVALID', 'Give taxpayer_type or invoice_mode.', {
        field: 'taxpayer_type',
      });
    }
    if (input.taxpayer_type && !['general', 'small_scale'].includes(input.taxpayer_type)) {
      throw InfoErrors.fail('INFO_FIELD_INVALID', undefined, { field: 'taxpayer_type' });
    }
    if (input.invoice_mode && !['sp_service_fee', 'marketplace_goods'].includes(input.invoice_mode)) {
      throw InfoErrors.fail('INFO_FIELD_INVALID', undefined, { field: 'invoice_mode' });
    }
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const row = await findOneForUpdate(em, BusinessInfoVerification, { id });
      if (!row) throw InfoErrors.fail('INFO_VERIFICATION_NOT_FOUND');
      const latest = await this.latestVersion(em, row.partnerAccountId, row.contractingEntityCode);
      if (latest!.id !== row.id) {
        throw InfoErrors.fail('INFO_VERIFICATION_STATE_INVALID', 'Only the newest version can be changed.', {
          status: row.status,
        });
      }
      const before = {
        taxpayer_type: row.taxpayerType,
        tax_rate: row.taxRate.toFixed(2),
        invoice_mode: row.invoiceMode,
      };
      if (input.taxpayer_type) {
        row.taxpayerType = input.taxpayer_type;
        row.taxRate = taxRateOf(input.taxpayer_type);
      }
      if (input.invoice_mode) row.invoiceMode = input.invoice_mode;
      await em.save(row);
      await this.audit.record(t, {
        action: 'business_verification.tax_data_changed',
        entityType: 'business_info_verification',
        entityId: row.id,
        partnerAccountId: row.partnerAccountId,
        before,
        after: {
          taxpayer_type: row.taxpayerType,
          tax_rate: row.taxRate.toFixed(2),
          invoice_mode: row.invoiceMode,
          ticket_no: input.ticket_no ?? null,
        },
      });
      return this.view(em, row);
    });
  }

  /**
   * J-INFO-4 trigger (operations): schedules the switch of the accounts to contracting entity `to`, effective at
   * `effective_at` (default now); switches already effective are processed at once, the others by J-INFO-4.
   * An account already on `to` is skipped (recorded with `skip_reason = already_on_entity`).
   */
  async scheduleSwitch(
    ctx: RequestContext,
    input: { partner_account_ids: string[]; to: string; effective_at?: string },
  ): Promise<{ items: SwitchView[] }> {
    const effectiveAt = input.effective_at ? new Date(input.effective_at) : ctx.now();
    if (Number.isNaN(effectiveAt.getTime()))
      throw InfoErrors.fail('INFO_FIELD_INVALID', undefined, { field: 'effective_at' });
    const ids = [...new Set(input.partner_account_ids)];
    const created = await this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const to = await this.contractingEntity(em, input.to);
      const accounts = await em.find(PartnerAccount, { where: { id: In(ids) } });
      if (accounts.length !== ids.length) {
        throw InfoErrors.fail('INFO_ACCOUNT_NOT_FOUND', undefined, {
          missing: ids.filter((id) => !accounts.some((a) => a.id === id)),
        });
      }
      const rows: ContractingEntitySwitch[] = [];
      for (const account of accounts) {
        const from = await this.currentEntityCode(em, account.id);
        const row = em.create(ContractingEntitySwitch, {
          partnerAccountId: account.id,
          fromCode: from,
          toCode: to.code,
          effectiveAt,
          status: 'scheduled',
          skipReason: null,
          verificationId: null,
          requestedBy: t.actorId,
          createdAt: t.now(),
          completedAt: null,
        });
        await this.switches.create(t, row, { action: 'contracting_entity_switch.scheduled' });
        if (from === to.code) {
          await this.switches.transition(t, row, 'skipped', {
            action: 'contracting_entity_switch.skipped',
            mutate: (s) => {
              s.skipReason = 'already_on_entity';
              s.completedAt = t.now();
            },
          });
        }
        rows.push(row);
      }
      return rows;
    });
    const due = created.filter(
      (s) => s.status === 'scheduled' && s.effectiveAt.getTime() <= ctx.now().getTime(),
    );
    for (const s of due) await this.processSwitch(ctx, s.id);
    const fresh = await this.dataSource.manager.find(ContractingEntitySwitch, {
      where: { id: In(created.map((s) => s.id)) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return { items: fresh.map(switchView) };
  }

  // --- jobs -----------------------------------------------------------------------------------------------

  /**
   * J-INFO-2 (every 15 min): collects the bank's micro-deposit results of `verifying` versions, then moves
   * those still without a result 3 h after submission (`submitted_at + 3 h < now`) to `manual_review`.
   */
  async pollAndEscalate(ctx: RequestContext): Promise<Record<string, unknown>> {
    const pending = await this.dataSource.manager.find(BusinessInfoVerification, {
      where: { status: 'verifying' },
      order: { submittedAt: 'ASC', id: 'ASC' },
    });
    const summary = {
      polled: 0,
      verified: 0,
      failed: 0,
      manual_review: 0,
      escalated: 0,
      awaiting_amount_confirmation: 0,
    };
    for (const p of pending) {
      if (!p.microDepositRef) continue;
      if (this.awaitingAmountConfirmation(p)) continue; // the partner's turn (Open point 3 flag)
      summary.polled++;
      let result;
      try {
        result = await this.bank.getResult(p.microDepositRef);
      } catch (err) {
        this.logger.warn(`bank result for ${p.id} unavailable: ${String(err)}`);
        continue;
      }
      if (result.status === 'pending') continue;
      await this.tx.run(ctx, async (t) => {
        const v = await findOneForUpdate(t.em!, BusinessInfoVerification, { id: p.id });
        if (!v || v.status !== 'verifying') return;
        if (result.status === 'succeeded' && this.config.BUSINESS_INFO_REQUIRE_AMOUNT_CONFIRMATION) {
          await this.recordArrivedDeposit(t, v, result.amount);
          summary.awaiting_amount_confirmation++;
        } else if (result.status === 'succeeded') {
          v.microDepositAmount = result.amount;
          await this.toVerified(t, v, 'business_verification.micro_deposit_succeeded');
          summary.verified++;
        } else if (result.status === 'failed') {
          await this.toFailed(t, v, result.reason, null);
          summary.failed++;
        } else {
          await this.toManualReview(t, v, 'bank_needs_manual');
          summary.manual_review++;
        }
      });
    }
    const cutoff = new Date(ctx.now().getTime() - VERIFICATION_TIMEOUT_MS);
    const late = await this.dataSource.manager.find(BusinessInfoVerification, {
      where: { status: 'verifying', submittedAt: LessThanOrEqual(cutoff) },
      order: { submittedAt: 'ASC', id: 'ASC' },
    });
    for (const l of late) {
      // strictly later than 3 h (`submitted_at + 3 h < now`); a deposit awaiting the partner's amount is not late
      if (l.submittedAt.getTime() + VERIFICATION_TIMEOUT_MS >= ctx.now().getTime()) continue;
      if (this.awaitingAmountConfirmation(l)) continue;
      await this.tx.run(ctx, async (t) => {
        const v = await findOneForUpdate(t.em!, BusinessInfoVerification, { id: l.id });
        if (!v || v.status !== 'verifying') return;
        await this.toManualReview(t, v, 'no_result_within_3h');
        summary.escalated++;
      });
    }
    return summary;
  }

  /**
   * J-INFO-3 (daily 09:00): flags `overdue` the letters still `signed_uploaded` after 23:59:59.999 (Asia/Shanghai)
   * of the 5th working day after their upload day, and reminds operations once per letter.
   */
  async flagOverdueLetters(ctx: RequestContext): Promise<Record<string, unknown>> {
    const open = await this.dataSource.manager.find(BankLetter, {
      where: { status: 'signed_uploaded', overdue: false },
      order: { signedUploadedAt: 'ASC', id: 'ASC' },
    });
    let flagged = 0;
    for (const o of open) {
      if (!o.signedUploadedAt) continue;
      const deadline = this.calendar.workingDayDeadline(o.signedUploadedAt, BANK_LETTER_SLA_WORKING_DAYS);
      if (ctx.now().getTime() <= deadline.getTime()) continue;
      await this.tx.run(ctx, async (t) => {
        const letter = await findOneForUpdate(t.em!, BankLetter, { id: o.id });
        if (!letter || letter.status !== 'signed_uploaded' || letter.overdue) return;
        letter.overdue = true;
        letter.overdueFlaggedAt = t.now();
        await t.em!.save(letter);
        await this.audit.record(t, {
          action: 'bank_letter.overdue',
          entityType: 'bank_letter',
          entityId: letter.id,
          partnerAccountId: letter.partnerAccountId,
          before: { overdue: false },
          after: { overdue: true, deadline: deadline.toISOString() },
        });
        const text = {
          subject: 'Bank letter review overdue',
          body:
            `The signed bank letter ${letter.id} (verification ${letter.verificationId}) uploaded at ` +
            `${letter.signedUploadedAt!.toISOString()} was due by ${deadline.toISOString()}; please accept or reject it.`,
        };
        // decision: the reminder goes to the operations inbox in the panel (in-app); there is no operations
        // mailbox in the configuration to e-mail, and reviewers are addressed by role, not by person
        await this.notifications.enqueue(t, [
          opsMessage('in_app', 'business_info.bank_letter_overdue', letter.partnerAccountId, text, {
            bank_letter_id: letter.id,
            verification_id: letter.verificationId,
            deadline: deadline.toISOString(),
          }),
        ]);
        flagged++;
      });
    }
    return { checked: open.length, flagged };
  }

  /** J-INFO-4 (every 15 min): processes the switches that have taken effect. */
  async processDueSwitches(ctx: RequestContext): Promise<Record<string, unknown>> {
    const due = await this.dataSource.manager.find(ContractingEntitySwitch, {
      where: { status: 'scheduled', effectiveAt: LessThanOrEqual(ctx.now()) },
      order: { effectiveAt: 'ASC', id: 'ASC' },
    });
    const summary = { due: due.length, completed: 0, skipped: 0 };
    for (const d of due) {
      const status = await this.processSwitch(ctx, d.id);
      if (status === 'completed') summary.completed++;
      if (status === 'skipped') summary.skipped++;
    }
    return summary;
  }

  /**
   * INFO-034: a `verifying` record for the new entity, copied from the account's last verified data towards the
   * old one; the old record stays `verified`. Skipped when there is nothing verified to copy (the partner
   * verifies itself) or the new entity already has a record (decision).
   */
  private async processSwitch(
    ctx: RequestContext,
    switchId: string,
  ): Promise<ContractingEntitySwitchStatus | null> {
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const s = await findOneForUpdate(em, ContractingEntitySwitch, { id: switchId });
      if (!s || s.status !== 'scheduled') return null;
      const account = await findOneForUpdate(em, PartnerAccount, { id: s.partnerAccountId });
      const skip = async (reason: string) => {
        await this.switches.transition(t, s, 'skipped', {
          action: 'contracting_entity_switch.skipped',
          mutate: (x) => {
            x.skipReason = reason;
            x.completedAt = t.now();
          },
        });
        return 'skipped' as const;
      };
      if (!account || account.status !== 'active') return skip('account_not_active');
      const source = await em.findOne(BusinessInfoVerification, {
        where: {
          partnerAccountId: s.partnerAccountId,
          contractingEntityCode: s.fromCode,
          status: 'verified',
        },
        order: { version: 'DESC' },
      });
      if (!source) return skip('no_verified_data');
      if (await this.latestVersion(em, s.partnerAccountId, s.toCode)) return skip('record_exists');
      const entity = await this.contractingEntity(em, s.toCode);
      const v = em.create(BusinessInfoVerification, {
        ...copyTaxAndCompany(source),
        version: 1,
        origin: 'contracting_entity_switch',
        contractingEntityCode: entity.code,
        bankName: source.bankName,
        bankAccountNo: source.bankAccountNo,
        bankAccountName: source.bankAccountName,
        branchName: source.branchName,
        branchCode: source.branchCode,
        currency: entity.currency,
        status: 'verifying',
        failureReason: null,
        reviewerId: null,
        submittedAt: t.now(),
      });
      await this.startVerification(t, v, account, entity, 'business_verification.contracting_entity_switch');
      await this.notifyPartner(t, account, v, 'contracting_entity_switch');
      await this.switches.transition(t, s, 'completed', {
        action: 'contracting_entity_switch.completed',
        mutate: (x) => {
          x.verificationId = v.id;
          x.completedAt = t.now();
        },
      });
      return 'completed' as const;
    });
  }

  // --- internals ------------------------------------------------------------------------------------------

  /** Saves a new `verifying` version, requests the micro-deposit (INFO-028) and checks the supplier (INFO-030). */
  private async startVerification(
    t: RequestContext,
    v: BusinessInfoVerification,
    account: PartnerAccount,
    entity: ContractingEntity,
    action?: string,
  ): Promise<void> {
    const supplier = await this.suppliers.getBankData(v.uscc);
    v.supplierCheck = compareWithSupplier(supplier, v);
    // the port is called inside the transaction: should it roll back, a transfer may have been requested for
    // nothing — harmless, the amount need not be returned (6.2.7)
    const { ref } = await this.bank.sendMicroDeposit({
      uscc: v.uscc,
      companyName: v.companyName,
      bankName: v.bankName,
      bankAccountNo: v.bankAccountNo,
      bankAccountName: v.bankAccountName,
      branchName: v.branchName,
      branchCode: v.branchCode,
      currency: entity.currency,
    });
    v.microDepositRef = ref.slice(0, 64);
    await this.verifications.create(t, v, { action: action ?? 'business_verification.submitted' });
    if (v.supplierCheck === 'mismatch') {
      await this.toBankLetterRequired(t, v, 'supplier_bank_mismatch', null, account);
    }
  }

  private async decide(
    ctx: RequestContext,
    id: string,
    from: readonly BusinessVerificationStatus[],
    work: (t: RequestContext, v: BusinessInfoVerification) => Promise<void>,
  ): Promise<BusinessVerificationView> {
    return this.tx.run(ctx, async (t) => {
      const v = await findOneForUpdate(t.em!, BusinessInfoVerification, { id });
      if (!v) throw InfoErrors.fail('INFO_VERIFICATION_NOT_FOUND');
      if (!from.includes(v.status)) {
        throw InfoErrors.fail('INFO_VERIFICATION_STATE_INVALID', undefined, { status: v.status });
      }
      await work(t, v);
      return this.view(t.em!, v);
    });
  }

  // --- micro-deposit amount confirmation (info.md Open point 3, flag BUSINESS_INFO_REQUIRE_AMOUNT_CONFIRMATION) -----

  /** Wrong amounts allowed before the verification fails (decision: 3, like a payment verification code). */
  static readonly AMOUNT_CONFIRMATION_ATTEMPTS = 3;

  private awaitingAmountConfirmation(v: BusinessInfoVerification): boolean {
    return (
      this.config.BUSINESS_INFO_REQUIRE_AMOUNT_CONFIRMATION &&
      v.status === 'verifying' &&
      v.microDepositAmount !== null
    );
  }

  /** The bank confirmed the transfer: keep `verifying`, remember the amount, ask the partner to enter it. */
  private async recordArrivedDeposit(
    t: RequestContext,
    v: BusinessInfoVerification,
    amount: BusinessInfoVerification['microDepositAmount'],
  ): Promise<void> {
    await t.em!.update(BusinessInfoVerification, v.id, {
      microDepositAmount: amount,
      amountConfirmationAttempts: 0,
    });
    await this.audit.record(t, {
      action: 'business_verification.micro_deposit_arrived',
      entityType: 'business_info_verification',
      entityId: v.id,
      partnerAccountId: v.partnerAccountId,
      before: { micro_deposit_amount: null },
      after: { awaiting_amount_confirmation: true },
    });
    const account = await this.account(t.em!, v.partnerAccountId);
    const zh = account.language === 'zh-cn';
    await this.notifications.enqueue(t, [
      {
        channel: 'in_app',
        recipient: account.id,
        partnerAccountId: account.id,
        template: 'business_verification.enter_amount',
        language: account.language,
        subject: zh ? '请输入随机打款金额' : 'Enter the verification amount',
        body: zh
          ? '华为已向您提交的对公账户打入一笔随机金额，请在商业信息页面输入该金额以完成认证。'
          : 'Huawei sent a small random amount to your corporate account. Enter it on the business info page to complete the verification.',
        params: { verification_id: v.id },
      },
    ]);
  }

  /**
   * The partner enters the random amount it received. Equal (to the cent) → `verified`; otherwise the attempt is
   * counted and, after the third wrong amount, the version `failed` (reason `amount_confirmation_failed`, the
   * partner re-verifies). The count is committed before the 422 answer.
   */
  async confirmAmount(ctx: RequestContext, id: string, amount: string): Promise<BusinessVerificationView> {
    if (!this.config.BUSINESS_INFO_REQUIRE_AMOUNT_CONFIRMATION)
      throw InfoErrors.fail('INFO_AMOUNT_CONFIRMATION_NOT_REQUIRED');
    const outcome = await this.tx.run(ctx, async (t) => {
      const v = await this.ownedVerification(t, id);
      if (!this.awaitingAmountConfirmation(v)) {
        throw InfoErrors.fail(
          'INFO_VERIFICATION_STATE_INVALID',
          'No micro-deposit is waiting for its amount.',
          { status: v.status },
        );
      }
      if (toDecimal(amount).equals(v.microDepositAmount!)) {
        await this.toVerified(t, v, 'business_verification.amount_confirmed');
        return { ok: true as const, view: await this.view(t.em!, v) };
      }
      v.amountConfirmationAttempts += 1;
      const left =
        BusinessInfoVerificationService.AMOUNT_CONFIRMATION_ATTEMPTS - v.amountConfirmationAttempts;
      if (left <= 0) await this.toFailed(t, v, 'amount_confirmation_failed', null);
      else
        await t.em!.update(BusinessInfoVerification, v.id, {
          amountConfirmationAttempts: v.amountConfirmationAttempts,
        });
      return { ok: false as const, left: Math.max(0, left), status: left <= 0 ? 'failed' : v.status };
    });
    if (outcome.ok) return outcome.view;
    throw InfoErrors.fail('INFO_MICRO_DEPOSIT_AMOUNT_MISMATCH', undefined, {
      attempts_left: outcome.left,
      status: outcome.status,
    });
  }

  private async toVerified(t: RequestContext, v: BusinessInfoVerification, action: string): Promise<void> {
    await this.verifications.transition(t, v, 'verified', {
      action,
      mutate: (x) => {
        x.verifiedAt = t.now();
        x.decidedAt = t.now();
        x.failureReason = null;
        if (t.actor.kind === 'reviewer') x.reviewerId = t.actor.reviewerId;
      },
    });
    await this.notifyPartner(t, await this.account(t.em!, v.partnerAccountId), v, 'verified');
  }

  private async toFailed(
    t: RequestContext,
    v: BusinessInfoVerification,
    reason: string,
    comment: string | null,
  ): Promise<void> {
    await this.verifications.transition(t, v, 'failed', {
      action: 'business_verification.failed',
      mutate: (x) => {
        x.failureReason = reason;
        x.reviewComment = comment;
        x.decidedAt = t.now();
        if (t.actor.kind === 'reviewer') x.reviewerId = t.actor.reviewerId;
      },
    });
    await this.notifyPartner(
      t,
      await this.account(t.em!, v.partnerAccountId),
      v,
      'failed',
      comment ?? reason,
    );
  }

  private async toManualReview(t: RequestContext, v: BusinessInfoVerification, why: string): Promise<void> {
    await this.verifications.transition(t, v, 'manual_review', {
      action: `business_verification.manual_review.${why}`,
    });
    const text = {
      subject: 'Business info verification waiting for review',
      body: `Business info verification ${v.id} (account ${v.partnerAccountId}, ${v.contractingEntityCode}) needs a business info reviewer: ${why}.`,
    };
    await this.notifications.enqueue(t, [
      opsMessage('in_app', 'business_info.manual_review', v.partnerAccountId, text, {
        verification_id: v.id,
        why,
      }),
    ]);
  }

  private async toBankLetterRequired(
    t: RequestContext,
    v: BusinessInfoVerification,
    reason: string,
    comment: string | null,
    account?: PartnerAccount,
  ): Promise<void> {
    await this.verifications.transition(t, v, 'bank_letter_required', {
      action: `business_verification.bank_letter_required`,
      mutate: (x) => {
        x.failureReason = reason;
        x.reviewComment = comment;
        if (t.actor.kind === 'reviewer') x.reviewerId = t.actor.reviewerId;
      },
    });
    await this.createLetter(t, v, {
      supplier_name: v.companyName,
      bank_name: v.bankName,
      bank_account_no: v.bankAccountNo,
      branch_name: v.branchName,
      branch_code: v.branchCode,
      bank_account_name: v.bankAccountName,
      currency: v.currency,
    });
    await this.notifyPartner(
      t,
      account ?? (await this.account(t.em!, v.partnerAccountId)),
      v,
      'bank_letter_required',
    );
  }

  private async createLetter(
    t: RequestContext,
    v: BusinessInfoVerification,
    data: RequestedBankData,
  ): Promise<BankLetter> {
    const letter = t.em!.create(BankLetter, {
      verificationId: v.id,
      partnerAccountId: v.partnerAccountId,
      draftFileId: null,
      signedScanFileId: null,
      status: 'awaiting_draft',
      rejectReason: null,
      rejectComment: null,
      requestedBankData: data,
      signedUploadedAt: null,
      overdue: false,
      overdueFlaggedAt: null,
      reviewerId: null,
      createdAt: t.now(),
      decidedAt: null,
    });
    await this.letters.create(t, letter, { action: 'bank_letter.awaiting_draft' });
    return letter;
  }

  private async attachDraft(
    t: RequestContext,
    letter: BankLetter,
    upload: { file: UploadedFile; checked: { contentType: string; fileName: string } } | null,
  ): Promise<void> {
    const stored = upload
      ? await this.storeFile(t, letter.partnerAccountId, 'bank_letter_draft', upload.file, upload.checked)
      : await this.storeFile(
          t,
          letter.partnerAccountId,
          'bank_letter_draft',
          { buffer: generateDraftLetter(letter.requestedBankData, this.calendar.localDate(t.now())) },
          { contentType: 'application/pdf', fileName: 'bank-letter-draft.pdf' },
        );
    await this.letters.transition(t, letter, 'draft_ready', {
      action: 'bank_letter.draft_ready',
      mutate: (l) => {
        l.draftFileId = stored.id;
        l.reviewerId = t.reviewerId;
      },
    });
  }

  private async storeFile(
    t: RequestContext,
    partnerAccountId: string,
    purpose: BusinessInfoFile['purpose'],
    file: { buffer: Buffer },
    meta: { contentType: string; fileName: string },
  ): Promise<BusinessInfoFile> {
    const row = t.em!.create(BusinessInfoFile, {
      partnerAccountId,
      purpose,
      fileName: meta.fileName,
      contentType: meta.contentType,
      size: file.buffer.length,
      content: file.buffer,
      uploadedBy: t.actorId,
      createdAt: t.now(),
    });
    await t.em!.save(row);
    return row;
  }

  private async letterForUpdate(
    t: RequestContext,
    verificationId: string,
  ): Promise<{ v: BusinessInfoVerification; letter: BankLetter }> {
    const v = await findOneForUpdate(t.em!, BusinessInfoVerification, { id: verificationId });
    if (!v) throw InfoErrors.fail('INFO_VERIFICATION_NOT_FOUND');
    const letter = await findOneForUpdate(t.em!, BankLetter, { verificationId: v.id });
    if (!letter) throw InfoErrors.fail('INFO_BANK_LETTER_NOT_FOUND');
    return { v, letter };
  }

  /** A version of the caller's account (another partner's is 404 like a missing one), locked. */
  private async ownedVerification(t: RequestContext, id: string): Promise<BusinessInfoVerification> {
    const v = await findOneForUpdate(t.em!, BusinessInfoVerification, {
      id,
      partnerAccountId: t.partnerAccountId,
    });
    if (!v) throw InfoErrors.fail('INFO_VERIFICATION_NOT_FOUND');
    return v;
  }

  private async latestVersion(
    em: EntityManager,
    partnerAccountId: string,
    code: string,
  ): Promise<BusinessInfoVerification | null> {
    return em.findOne(BusinessInfoVerification, {
      where: { partnerAccountId, contractingEntityCode: code },
      order: { version: 'DESC' },
    });
  }

  private async currentEntityCode(em: EntityManager, partnerAccountId: string): Promise<string> {
    const switched = await em.findOne(ContractingEntitySwitch, {
      where: { partnerAccountId, status: 'completed' },
      order: { effectiveAt: 'DESC', createdAt: 'DESC', id: 'DESC' },
    });
    if (switched) return switched.toCode;
    const submitted = await em.findOne(BusinessInfoVerification, {
      where: { partnerAccountId },
      order: { submittedAt: 'DESC', version: 'DESC', id: 'DESC' },
    });
    return submitted?.contractingEntityCode ?? DEFAULT_CONTRACTING_ENTITY;
  }

  private async contractingEntity(em: EntityManager, code: string): Promise<ContractingEntity> {
    const entity = await em.findOne(ContractingEntity, { where: { code: code.toUpperCase() } });
    if (!entity || !entity.active)
      throw InfoErrors.fail('INFO_FIELD_INVALID', undefined, { field: 'contracting_entity' });
    return entity;
  }

  private async account(em: EntityManager, id: string): Promise<PartnerAccount> {
    const a = await em.findOne(PartnerAccount, { where: { id } });
    if (!a) throw InfoErrors.fail('INFO_ACCOUNT_NOT_FOUND');
    return a;
  }

  /** Verification results to the partner admin: in-app + e-mail, + SMS on failed / bank_letter_required. */
  private async notifyPartner(
    t: RequestContext,
    account: PartnerAccount,
    v: BusinessInfoVerification,
    notice: BusinessNotice,
    reason?: string | null,
  ): Promise<void> {
    const { subject, body } = businessNoticeText(account.language, notice, {
      entity: v.contractingEntityCode,
      reason,
    });
    const common = {
      partnerAccountId: account.id,
      template: `business_info.${notice}`,
      language: account.language,
      subject,
      body,
      params: { verification_id: v.id, contracting_entity: v.contractingEntityCode, version: v.version },
    };
    const messages: OutgoingMessage[] = [{ ...common, channel: 'in_app', recipient: account.id }];
    // the switch notice is in-app only (J-INFO-4: "in-app notice, no action needed")
    if (notice !== 'contracting_entity_switch') {
      const email = account.businessEmail ?? account.email;
      if (email) messages.push({ ...common, channel: 'email', recipient: email });
      const mobile = account.businessMobile ?? account.mobile;
      if (mobile && (notice === 'failed' || notice === 'bank_letter_required')) {
        messages.push({ ...common, channel: 'sms', recipient: mobile });
      }
    }
    await this.notifications.enqueue(t, messages);
  }

  private async view(
    em: EntityManager,
    v: BusinessInfoVerification,
    entity?: ContractingEntity,
  ): Promise<BusinessVerificationView> {
    const ce = entity ?? (await em.findOne(ContractingEntity, { where: { code: v.contractingEntityCode } }));
    const letter = await em.findOne(BankLetter, { where: { verificationId: v.id } });
    const lastVerified =
      v.status === 'verified'
        ? v
        : await em.findOne(BusinessInfoVerification, {
            where: {
              partnerAccountId: v.partnerAccountId,
              contractingEntityCode: v.contractingEntityCode,
              status: 'verified',
            },
            order: { version: 'DESC' },
          });
    return {
      id: v.id,
      partner_account_id: v.partnerAccountId,
      contracting_entity: v.contractingEntityCode,
      contracting_entity_name: ce?.name ?? null,
      version: v.version,
      origin: v.origin,
      status: v.status,
      enterprise_code_type: v.enterpriseCodeType,
      uscc: v.uscc,
      company_name: v.companyName,
      bank_name: v.bankName,
      bank_account_no: v.bankAccountNo,
      bank_account_name: v.bankAccountName,
      bank_account_type: v.bankAccountType,
      branch_name: v.branchName,
      branch_code: v.branchCode,
      currency: v.currency,
      taxpayer_type: v.taxpayerType,
      tax_rate: v.taxRate.toFixed(2),
      invoice_mode: v.invoiceMode,
      failure_reason: v.failureReason,
      review_comment: v.reviewComment,
      micro_deposit_ref: v.microDepositRef,
      // never shown while the partner has to prove it received it (Open point 3 flag)
      micro_deposit_amount:
        v.microDepositAmount && !this.awaitingAmountConfirmation(v) ? v.microDepositAmount.toFixed(2) : null,
      awaiting_amount_confirmation: this.awaitingAmountConfirmation(v),
      submitted_at: v.submittedAt.toISOString(),
      verified_at: v.verifiedAt?.toISOString() ?? null,
      decided_at: v.decidedAt?.toISOString() ?? null,
      bank_letter: letter ? letterView(letter) : null,
      last_verified: lastVerified
        ? {
            id: lastVerified.id,
            version: lastVerified.version,
            verified_at: lastVerified.verifiedAt?.toISOString() ?? null,
            bank_account_no: lastVerified.bankAccountNo,
          }
        : null,
      refund_info: REFUND_INFO,
    };
  }
}

/** INFO-024: a corporate account whose name is the company's (trimmed, full-/half-width brackets unified). */
function assertCorporateAccount(type: string, accountName: string, companyName: string): void {
  if (type !== 'corporate') throw InfoErrors.fail('INFO_PERSONAL_BANK_ACCOUNT_NOT_ALLOWED');
  if (!sameCompanyName(accountName, companyName)) {
    throw InfoErrors.fail('INFO_BANK_ACCOUNT_NAME_MISMATCH', undefined, { company_name: companyName });
  }
}

function copyTaxAndCompany(source: BusinessInfoVerification) {
  return {
    partnerAccountId: source.partnerAccountId,
    contractingEntityCode: source.contractingEntityCode,
    enterpriseCodeType: source.enterpriseCodeType,
    uscc: source.uscc,
    companyName: source.companyName,
    bankAccountType: source.bankAccountType,
    taxpayerType: source.taxpayerType,
    taxRate: taxRateOf(source.taxpayerType),
    invoiceMode: source.invoiceMode,
    reviewComment: null,
    supplierCheck: null,
    microDepositRef: null,
    microDepositAmount: null,
    verifiedAt: null,
    decidedAt: null,
  };
}

function opsMessage(
  channel: 'in_app',
  template: string,
  partnerAccountId: string,
  text: { subject: string; body: string },
  params: Record<string, unknown>,
): OutgoingMessage {
  return {
    channel,
    recipient: OPERATIONS_INBOX,
    partnerAccountId,
    template,
    language: 'en-us',
    ...text,
    params,
  };
}

function letterView(l: BankLetter): BankLetterView {
  return {
    id: l.id,
    status: l.status,
    draft_available: !!l.draftFileId,
    signed_scan_uploaded: !!l.signedScanFileId,
    reject_reason: l.rejectReason,
    reject_comment: l.rejectComment,
    requested_bank_data: l.requestedBankData,
    signed_uploaded_at: l.signedUploadedAt?.toISOString() ?? null,
    overdue: l.overdue,
    decided_at: l.decidedAt?.toISOString() ?? null,
  };
}

function switchView(s: ContractingEntitySwitch): SwitchView {
  return {
    id: s.id,
    partner_account_id: s.partnerAccountId,
    from: s.fromCode,
    to: s.toCode,
    effective_at: s.effectiveAt.toISOString(),
    status: s.status,
    skip_reason: s.skipReason,
    verification_id: s.verificationId,
  };
}
