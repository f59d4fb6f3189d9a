/**
 * Licence-data change requests (FAQ 6.1.2, 6.1.3; info.md INFO-013…INFO-016, Open points 1 and 2): the partner
 * admin of the primary account asks, the company registry auto-approves on `pass`, otherwise operations decide
 * in the admin panel or through `POST /api/v1/admin/info/company-change-requests/{id}/approve|reject`; the
 * requester may withdraw before a decision. Approval writes the licence fields onto the legal entity.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type FindOptionsWhere } from 'typeorm';
import { AuditService } from '../../../../libs/audit/index.js';
import type { RequestContext } from '../../../../libs/context/index.js';
import type { Page } from '../../../../libs/http/index.js';
import { toDecimal } from '../../../../libs/money/index.js';
import { NotificationService } from '../../../../libs/notify/index.js';
import {
  findOneForUpdate,
  isUniqueViolation,
  TransactionRunner,
} from '../../../../libs/persistence/index.js';
import { StateMachine } from '../../../../libs/state-machine/index.js';
import { CHANGE_REQUEST_MACHINE } from '../domain/basic-info.js';
import type { CreateChangeRequestDto, ListChangeRequestsQuery } from '../dto/basic-info.dto.js';
import {
  CompanyInfoChangeRequest,
  type ChangeRequestStatus,
  type LicenceChanges,
} from '../entities/company-info-change-request.entity.js';
import { LegalEntity } from '../entities/legal-entity.entity.js';
import type { RegistryResult } from '../entities/onboarding-application.entity.js';
import { PartnerAccount } from '../entities/partner-account.entity.js';
import { InfoErrors } from '../info.errors.js';
import { COMPANY_REGISTRY_PORT, type CompanyRegistryPort } from '../ports/company-registry.port.js';
import { LICENSE_RECOGNITION_PORT, type LicenseRecognitionPort } from '../ports/license-recognition.port.js';

const LICENCE_FIELDS = [
  'company_name',
  'registered_capital',
  'registered_capital_currency',
  'established_on',
  'business_term_from',
  'business_term_to',
  'legal_representative',
  'license_address',
  'postal_code',
  'business_scope',
] as const;

/** INFO-013 (decision): these changes need a new licence file. */
const NEEDS_LICENCE = ['company_name', 'legal_representative', 'registered_capital'] as const;

export interface ChangeRequestView {
  change_request_id: string;
  legal_entity_id: string;
  partner_account_id: string;
  status: ChangeRequestStatus;
  changes: LicenceChanges;
  license_file_id: string | null;
  extracted_code: string | null;
  registry_result: RegistryResult | null;
  reviewer_id: string | null;
  reject_reason: string | null;
  submitted_at: string;
  decided_at: string | null;
}

@Injectable()
export class CompanyChangeService {
  private readonly logger = new Logger('CompanyChangeService');
  private readonly machine: StateMachine<ChangeRequestStatus, CompanyInfoChangeRequest>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly notifications: NotificationService,
    audit: AuditService,
    @Inject(COMPANY_REGISTRY_PORT) private readonly registry: CompanyRegistryPort,
    @Inject(LICENSE_RECOGNITION_PORT) private readonly licences: LicenseRecognitionPort,
  ) {
    this.machine = new StateMachine(CHANGE_REQUEST_MACHINE, audit);
  }

  async create(ctx: RequestContext, dto: CreateChangeRequestDto): Promise<ChangeRequestView> {
    try {
      return await this.tx.run(ctx, (t) => this.createInTx(t, dto));
    } catch (err) {
      // INFO-016 under concurrency: the unique open-request key lets one of two racing requests win
      if (isUniqueViolation(err)) throw InfoErrors.fail('INFO_CHANGE_REQUEST_PENDING');
      throw err;
    }
  }

  private async createInTx(t: RequestContext, dto: CreateChangeRequestDto): Promise<ChangeRequestView> {
    const em = t.em!;
    const account = await em.findOne(PartnerAccount, { where: { id: t.partnerAccountId } });
    if (!account?.legalEntityId) throw InfoErrors.fail('INFO_NOT_ONBOARDED');
    const entity = await findOneForUpdate(em, LegalEntity, { id: account.legalEntityId });
    if (!entity) throw InfoErrors.fail('INFO_NOT_ONBOARDED');
    // INFO-013 only the partner admin (the guard refuses org members: ORG_ADMIN_REQUIRED) of the primary
    // account. INFO-040: a deregistered primary keeps `is_primary` until operations reassign it (INFO-010), so
    // the seat must also be held by an active account — nobody else may change licence data meanwhile.
    if (!account.isPrimary || entity.primaryAccountId !== account.id || account.status !== 'active') {
      throw InfoErrors.fail('INFO_PRIMARY_ACCOUNT_REQUIRED');
    }
    // INFO-014 the credit code is never changed through basic info
    if (dto.uscc !== undefined || dto.org_code !== undefined) {
      throw InfoErrors.fail('INFO_USCC_IMMUTABLE', undefined, {
        field: dto.uscc !== undefined ? 'uscc' : 'org_code',
      });
    }
    const changes = pickChanges(dto);
    if (Object.keys(changes).length === 0 && !dto.license_file_id) {
      throw InfoErrors.fail('INFO_FIELD_INVALID', 'Give at least one licence field to change.', {
        field: 'body',
      });
    }
    // INFO-013 (decision): a new licence is mandatory when name, legal representative or capital changes
    if (NEEDS_LICENCE.some((f) => changes[f] !== undefined) && !dto.license_file_id) {
      throw InfoErrors.fail(
        'INFO_FIELD_INVALID',
        'A new business licence file is required for this change.',
        { field: 'license_file_id' },
      );
    }
    // INFO-016 one open request per legal entity (also enforced by the unique open-request key)
    const open = await em.count(CompanyInfoChangeRequest, {
      where: { legalEntityId: entity.id, status: 'pending_review' },
    });
    if (open > 0) throw InfoErrors.fail('INFO_CHANGE_REQUEST_PENDING');
    // INFO-015 the licence must carry the stored code
    const extractedCode = dto.license_file_id ? await this.checkLicence(entity, dto.license_file_id) : null;

    const request = em.create(CompanyInfoChangeRequest, {
      legalEntityId: entity.id,
      partnerAccountId: account.id,
      requestedBy: t.actorId,
      changes,
      licenseFileId: dto.license_file_id ?? null,
      extractedCode,
      status: 'pending_review',
      registryResult: null,
      openEntityKey: entity.id,
      reviewerId: null,
      rejectReason: null,
      submittedAt: t.now(),
      decidedAt: null,
    });
    await this.machine.create(t, request, { action: 'company_change.submitted' });

    // Open point 2: registry auto-approval for the resulting company name / legal representative
    const result = await this.registryCheck(entity, changes);
    request.registryResult = result;
    if (result === 'pass') {
      await this.approveInTx(t, request, entity, account, 'company_change.auto_approved');
    } else {
      await em.save(request);
    }
    return toView(request);
  }

  /** The requester withdraws its pending request (before a decision). Another partner's request is 404. */
  async withdraw(ctx: RequestContext, id: string): Promise<ChangeRequestView> {
    return this.tx.run(ctx, async (t) => {
      const request = await findOneForUpdate(t.em!, CompanyInfoChangeRequest, {
        id,
        partnerAccountId: t.partnerAccountId,
      });
      if (!request) throw InfoErrors.fail('INFO_CHANGE_REQUEST_NOT_FOUND');
      await this.machine.transition(t, request, 'withdrawn', {
        action: 'company_change.withdrawn',
        mutate: (r) => {
          r.openEntityKey = null;
          r.decidedAt = t.now();
        },
      });
      return toView(request);
    });
  }

  /** Change requests of the caller's legal entity (every account of the entity sees them, Open point 9). */
  async listOwn(ctx: RequestContext, q: ListChangeRequestsQuery): Promise<Page<ChangeRequestView>> {
    const account = await this.dataSource
      .getRepository(PartnerAccount)
      .findOne({ where: { id: ctx.partnerAccountId } });
    if (!account?.legalEntityId) throw InfoErrors.fail('INFO_NOT_ONBOARDED');
    return this.page({ legalEntityId: account.legalEntityId, ...(q.status ? { status: q.status } : {}) }, q);
  }

  /** Reviewer list (operations). */
  async list(q: ListChangeRequestsQuery): Promise<Page<ChangeRequestView>> {
    return this.page(q.status ? { status: q.status } : {}, q);
  }

  async get(id: string): Promise<ChangeRequestView> {
    const r = await this.dataSource.getRepository(CompanyInfoChangeRequest).findOne({ where: { id } });
    if (!r) throw InfoErrors.fail('INFO_CHANGE_REQUEST_NOT_FOUND');
    return toView(r);
  }

  /** Operations approve a request the registry did not pass; the licence fields are written. */
  async approve(ctx: RequestContext, id: string): Promise<ChangeRequestView> {
    return this.tx.run(ctx, async (t) => {
      const request = await this.forUpdate(t, id);
      const entity = await findOneForUpdate(t.em!, LegalEntity, { id: request.legalEntityId });
      if (!entity) throw InfoErrors.fail('INFO_LEGAL_ENTITY_NOT_FOUND');
      const account = await t.em!.findOne(PartnerAccount, { where: { id: request.partnerAccountId } });
      await this.approveInTx(t, request, entity, account, 'company_change.approved_by_reviewer');
      return toView(request);
    });
  }

  /** Operations reject a request; a reason is required and shown to the partner. */
  async reject(ctx: RequestContext, id: string, reason: string | undefined): Promise<ChangeRequestView> {
    const text = (reason ?? '').trim();
    if (!text) throw InfoErrors.fail('INFO_REJECT_REASON_REQUIRED', undefined, { field: 'reject_reason' });
    if (text.length > 500) throw InfoErrors.fail('INFO_FIELD_INVALID', undefined, { field: 'reject_reason' });
    return this.tx.run(ctx, async (t) => {
      const request = await this.forUpdate(t, id);
      await this.machine.transition(t, request, 'rejected', {
        action: 'company_change.rejected',
        mutate: (r) => {
          r.openEntityKey = null;
          r.rejectReason = text;
          r.reviewerId = t.reviewerId;
          r.decidedAt = t.now();
        },
      });
      const account = await t.em!.findOne(PartnerAccount, { where: { id: request.partnerAccountId } });
      if (account) await this.notify(t, request, account, 'rejected');
      return toView(request);
    });
  }

  // ---------------------------------------------------------------------------------------------------------

  private async approveInTx(
    t: RequestContext,
    request: CompanyInfoChangeRequest,
    entity: LegalEntity,
    account: PartnerAccount | null,
    action: string,
  ): Promise<void> {
    await this.machine.transition(t, request, 'approved', {
      action,
      mutate: (r) => {
        r.openEntityKey = null;
        r.reviewerId = t.reviewerId;
        r.decidedAt = t.now();
      },
    });
    applyChanges(entity, request);
    await t.em!.save(entity);
    if (account) await this.notify(t, request, account, 'approved');
  }

  /**
   * INFO-015: the code on the new licence must equal the stored one. A USCC on the licence for an entity
   * known only by its organisation code (or no code at all) is the "credit code not on record" case:
   * 409 INFO_USCC_MISSING until operations record it (ticket). Returns the code read.
   */
  private async checkLicence(entity: LegalEntity, fileId: string): Promise<string | null> {
    const read = await this.licences.extractCode(fileId);
    if (read.uscc) {
      if (!entity.uscc) {
        throw InfoErrors.fail(
          'INFO_USCC_MISSING',
          'Your credit code is not on record; submit a ticket, then resubmit the change.',
        );
      }
      if (read.uscc !== entity.uscc) {
        throw InfoErrors.fail('INFO_LICENSE_CODE_MISMATCH', undefined, { extracted_code: read.uscc });
      }
      return read.uscc;
    }
    if (read.orgCode && entity.orgCode && read.orgCode === entity.orgCode) return read.orgCode;
    throw InfoErrors.fail('INFO_LICENSE_CODE_MISMATCH', undefined, { extracted_code: read.orgCode ?? null });
  }

  private async registryCheck(entity: LegalEntity, changes: LicenceChanges): Promise<RegistryResult> {
    try {
      return await this.registry.verify({
        companyName: changes.company_name ?? entity.companyName,
        uscc: entity.uscc,
        orgCode: entity.orgCode,
        legalRepresentative: changes.legal_representative ?? entity.legalRepresentative,
      });
    } catch (err) {
      this.logger.warn(`company registry failed: ${String(err)}`);
      return 'unavailable';
    }
  }

  private async notify(
    t: RequestContext,
    request: CompanyInfoChangeRequest,
    account: PartnerAccount,
    outcome: 'approved' | 'rejected',
  ): Promise<void> {
    const zh = account.language === 'zh-cn';
    const subject = zh
      ? `公司信息修改申请${outcome === 'approved' ? '已通过' : '未通过'}`
      : `Company info change request ${outcome}`;
    const body =
      outcome === 'approved'
        ? zh
          ? '您的营业执照信息修改已生效。'
          : 'Your business-licence changes are now in effect.'
        : `${zh ? '驳回原因：' : 'Reason: '}${request.rejectReason ?? ''}`;
    const common = {
      partnerAccountId: account.id,
      template: `company_change.${outcome}`,
      language: account.language,
      subject,
      body,
      params: { change_request_id: request.id },
    };
    await this.notifications.enqueue(t, [
      { ...common, channel: 'in_app', recipient: account.id },
      ...(account.email ? [{ ...common, channel: 'email' as const, recipient: account.email }] : []),
    ]);
  }

  private async forUpdate(t: RequestContext, id: string): Promise<CompanyInfoChangeRequest> {
    const request = await findOneForUpdate(t.em!, CompanyInfoChangeRequest, { id });
    if (!request) throw InfoErrors.fail('INFO_CHANGE_REQUEST_NOT_FOUND');
    return request;
  }

  private async page(
    where: FindOptionsWhere<CompanyInfoChangeRequest>,
    q: ListChangeRequestsQuery,
  ): Promise<Page<ChangeRequestView>> {
    const [rows, total] = await this.dataSource.getRepository(CompanyInfoChangeRequest).findAndCount({
      where,
      order: { submittedAt: 'DESC', id: 'ASC' },
      skip: q.offset ?? 0,
      take: q.limit ?? 10,
    });
    return { total_count: total, items: rows.map(toView) };
  }
}

function pickChanges(dto: CreateChangeRequestDto): LicenceChanges {
  const out: Record<string, string | null> = {};
  for (const f of LICENCE_FIELDS) {
    const v = dto[f];
    if (v !== undefined) out[f] = typeof v === 'string' ? v.trim() : v;
  }
  return out as LicenceChanges;
}

function applyChanges(e: LegalEntity, r: CompanyInfoChangeRequest): void {
  const c = r.changes;
  if (r.licenseFileId) e.licenseFileId = r.licenseFileId;
  if (c.company_name !== undefined) e.companyName = c.company_name;
  if (c.registered_capital !== undefined) {
    e.registeredCapital = toDecimal(c.registered_capital);
    e.registeredCapitalCurrency = c.registered_capital_currency ?? e.registeredCapitalCurrency ?? 'CNY';
  } else if (c.registered_capital_currency !== undefined) {
    e.registeredCapitalCurrency = c.registered_capital_currency;
  }
  if (c.established_on !== undefined) e.establishedOn = c.established_on;
  if (c.business_term_from !== undefined) e.businessTermFrom = c.business_term_from;
  if (c.business_term_to !== undefined) e.businessTermTo = c.business_term_to;
  if (c.legal_representative !== undefined) e.legalRepresentative = c.legal_representative;
  if (c.license_address !== undefined) e.licenseAddress = c.license_address;
  if (c.postal_code !== undefined) e.postalCode = c.postal_code;
  if (c.business_scope !== undefined) e.businessScope = c.business_scope;
}

function toView(r: CompanyInfoChangeRequest): ChangeRequestView {
  return {
    change_request_id: r.id,
    legal_entity_id: r.legalEntityId,
    partner_account_id: r.partnerAccountId,
    status: r.status,
    changes: r.changes,
    license_file_id: r.licenseFileId,
    extracted_code: r.extractedCode,
    registry_result: r.registryResult,
    reviewer_id: r.reviewerId,
    reject_reason: r.rejectReason,
    submitted_at: r.submittedAt.toISOString(),
    decided_at: r.decidedAt?.toISOString() ?? null,
  };
}
