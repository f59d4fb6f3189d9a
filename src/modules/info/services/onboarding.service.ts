/**
 * Partner-network onboarding (FAQ 3; info.md INFO-001…INFO-011, J-INFO-1): submission with company data,
 * automatic verification against the company registry or fast onboarding of a further account of a known
 * legal entity, manual review by operations, status for the partner, and result notifications.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../../../../libs/audit/index.js';
import type { RequestContext } from '../../../../libs/context/index.js';
import { toDecimal } from '../../../../libs/money/index.js';
import { NotificationService } from '../../../../libs/notify/index.js';
import {
  findOneForUpdate,
  isUniqueViolation,
  TransactionRunner,
} from '../../../../libs/persistence/index.js';
import { StateMachine } from '../../../../libs/state-machine/index.js';
import { sameCompanyName, validateEntityCodes } from '../domain/entity-codes.js';
import { onboardingResultText } from '../domain/notifications.js';
import { ONBOARDING_MACHINE, PARTNER_ACCOUNT_MACHINE } from '../domain/state-machines.js';
import type { SubmitOnboardingDto } from '../dto/onboarding.dto.js';
import { LegalEntity } from '../entities/legal-entity.entity.js';
import {
  OnboardingApplication,
  type OnboardingStatus,
  type RegistryResult,
} from '../entities/onboarding-application.entity.js';
import { PartnerAccount, type PartnerAccountStatus } from '../entities/partner-account.entity.js';
import { InfoErrors } from '../info.errors.js';
import { COMPANY_REGISTRY_PORT, type CompanyRegistryPort } from '../ports/company-registry.port.js';
import { IDENTITY_PORT, type IdentityPort } from '../ports/identity.port.js';
import { continueWith, type QuickRegistrationNextStep } from '../domain/quick-registration.js';
import { QuickRegistrationService } from './quick-registration.service.js';

/** J-INFO-1: the registry answer is awaited at most this long, then counts as `unavailable`. */
export const REGISTRY_TIMEOUT_MS = 10_000;

export interface OnboardingView {
  application_id: string;
  partner_account_id: string;
  site: string;
  status: OnboardingStatus;
  fast_onboarding: boolean;
  auto_check_result: RegistryResult | null;
  legal_entity_already_partner: boolean;
  company_name: string;
  uscc: string | null;
  org_code: string | null;
  tax_code: string;
  reject_reason: string | null;
  submitted_at: string;
  decided_at: string | null;
  /** the legal entity the account joined (set once approved; for a fast onboarding from submission) */
  legal_entity_id: string | null;
  partner_account_status: PartnerAccountStatus;
  is_primary: boolean;
  hcpn_joined_at: string | null;
  /** INFO-045: only for an account created by quick registration — the original purpose to continue with */
  continue_with?: QuickRegistrationNextStep;
}

@Injectable()
export class OnboardingService {
  private readonly logger = new Logger('OnboardingService');
  private readonly applications: StateMachine<OnboardingStatus, OnboardingApplication>;
  private readonly accounts: StateMachine<PartnerAccountStatus, PartnerAccount>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly notifications: NotificationService,
    audit: AuditService,
    @Inject(IDENTITY_PORT) private readonly identity: IdentityPort,
    @Inject(COMPANY_REGISTRY_PORT) private readonly registry: CompanyRegistryPort,
    private readonly quickRegistrations: QuickRegistrationService,
  ) {
    this.applications = new StateMachine(ONBOARDING_MACHINE, audit);
    this.accounts = new StateMachine(PARTNER_ACCOUNT_MACHINE, audit);
  }

  /**
   * INFO-006 precheck: is the company of this account's real-name data already a partner on its site (INFO-009:
   * the lookup is scoped to the account's site)? Only an enterprise real-name counts (INFO-004).
   */
  async precheck(ctx: RequestContext): Promise<Record<string, unknown>> {
    const account = await this.accountOrFail(ctx.partnerAccountId);
    assertNotDeregistered(account);
    const realName = await this.identity.getRealName(account.huaweiAccountId);
    const enterprise = realName?.type === 'enterprise';
    const entity =
      realName && enterprise
        ? await this.findEntity(account.site, upper(realName.uscc), upper(realName.orgCode))
        : null;
    return {
      partner_account_id: account.id,
      site: account.site,
      partner_account_status: account.status,
      enterprise_realname_verified: enterprise,
      legal_entity_already_partner: !!entity,
      company: entity ? toCompanyView(entity) : null,
    };
  }

  async submit(ctx: RequestContext, dto: SubmitOnboardingDto): Promise<OnboardingView> {
    // formats first: they need no state (INFO-001…INFO-003)
    const codes = validateEntityCodes(dto);
    return this.retryingEntityRace(ctx, (t) => this.submitInTx(t, dto, codes));
  }

  /**
   * INFO-010 under concurrency: two accounts of one new company approved at the same moment both try to create
   * the legal entity; the unique key (site, uscc) / (site, org_code) lets one win and the other fails as a
   * whole. It is run once more in a new transaction, where it finds the entity: a fast onboarding (or a
   * non-primary approval), so there is exactly one primary account.
   */
  private async retryingEntityRace<T>(
    ctx: RequestContext,
    work: (t: RequestContext) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.tx.run(ctx, work);
    } catch (err) {
      if (!ctx.inTransaction && isUniqueViolation(err)) return this.tx.run(ctx, work);
      throw err;
    }
  }

  private async submitInTx(
    t: RequestContext,
    dto: SubmitOnboardingDto,
    codes: ReturnType<typeof validateEntityCodes>,
  ): Promise<OnboardingView> {
    const em = t.em!;
    // the account row lock serialises submissions of one account (MySQL/MariaDB; SQLite runs one transaction at
    // a time). The count below is the transaction's first plain read, so its snapshot starts after the lock.
    const account = await findOneForUpdate(em, PartnerAccount, { id: t.partnerAccountId });
    if (!account) throw InfoErrors.fail('INFO_ACCOUNT_NOT_FOUND');
    assertNotDeregistered(account);
    // INFO-009 sites never interoperate
    if (dto.site && dto.site !== account.site) throw InfoErrors.fail('INFO_SITE_MISMATCH');
    // INFO-007 one onboarding per account; after a rejection a new application is allowed
    if (account.status === 'active') throw InfoErrors.fail('INFO_ONBOARDING_EXISTS');
    const open = await em.count(OnboardingApplication, {
      where: { partnerAccountId: account.id, status: In(['submitted', 'manual_review', 'approved']) },
    });
    if (open > 0) throw InfoErrors.fail('INFO_ONBOARDING_EXISTS');
    // INFO-004 enterprise real-name; INFO-005 identity from real-name data
    const realName = await this.identity.getRealName(account.huaweiAccountId);
    if (!realName || realName.type !== 'enterprise')
      throw InfoErrors.fail('INFO_ENTERPRISE_REALNAME_REQUIRED');
    const codeMatches = codes.uscc
      ? upper(realName.uscc) === codes.uscc
      : upper(realName.orgCode) === codes.orgCode;
    if (!codeMatches || !sameCompanyName(dto.company_name, realName.companyName)) {
      throw InfoErrors.fail('INFO_REALNAME_MISMATCH');
    }

    // INFO-006 fast onboarding: the company is already a partner on this site; its stored company info is reused
    // (not overwritten) — the application records the stored values, submitted company fields are ignored
    const existing = await this.findEntity(account.site, codes.uscc, codes.orgCode, t);
    const company = existing
      ? {
          uscc: existing.uscc,
          orgCode: existing.orgCode,
          taxCode: existing.taxCode,
          companyName: existing.companyName,
          licenseFileId: existing.licenseFileId,
          registeredCapital: existing.registeredCapital,
          registeredCapitalCurrency: existing.registeredCapitalCurrency,
          establishedOn: existing.establishedOn,
          businessTermFrom: existing.businessTermFrom,
          businessTermTo: existing.businessTermTo,
          legalRepresentative: existing.legalRepresentative,
          licenseAddress: existing.licenseAddress,
          postalCode: existing.postalCode,
          businessScope: existing.businessScope,
        }
      : {
          uscc: codes.uscc,
          orgCode: codes.orgCode,
          taxCode: codes.taxCode,
          companyName: dto.company_name.trim(),
          licenseFileId: dto.license_file_id ?? null,
          registeredCapital: dto.registered_capital ? toDecimal(dto.registered_capital) : null,
          registeredCapitalCurrency:
            dto.registered_capital_currency ?? (dto.registered_capital ? 'CNY' : null),
          establishedOn: dto.established_on ?? null,
          businessTermFrom: dto.business_term_from ?? null,
          businessTermTo: dto.business_term_to ?? null,
          legalRepresentative: dto.legal_representative ?? null,
          licenseAddress: dto.license_address ?? null,
          postalCode: dto.postal_code ?? null,
          businessScope: dto.business_scope ?? null,
        };
    const app = em.create(OnboardingApplication, {
      partnerAccountId: account.id,
      site: account.site,
      ...company,
      contactName: dto.contact_name,
      contactPosition: dto.contact_position,
      contactMobile: dto.contact_mobile,
      contactEmail: dto.contact_email,
      fastOnboarding: !!existing,
      status: 'submitted',
      autoCheckResult: null,
      legalEntityId: existing?.id ?? null,
      reviewerId: null,
      rejectReason: null,
      submittedAt: t.now(),
      decidedAt: null,
    });
    await this.applications.create(t, app, { action: 'onboarding.submitted' });

    if (existing) {
      // INFO-006 fast onboarding: approved at once by the system, without registry check
      await this.approveInTx(t, app, account, 'onboarding.fast_approved');
    } else {
      // J-INFO-1 automatic verification against the company registry
      const result = await this.registryCheck(app);
      if (result === 'pass') {
        await this.approveInTx(t, app, account, 'onboarding.auto_approved', result);
      } else {
        // INFO-008: `mismatch` and `unavailable` both go to manual review (decision for `unavailable`)
        await this.applications.transition(t, app, 'manual_review', {
          action: 'onboarding.to_manual_review',
          mutate: (a) => {
            a.autoCheckResult = result;
          },
        });
        if (account.status === 'registered') {
          await this.accounts.transition(t, account, 'onboarding', { action: 'partner_account.onboarding' });
        }
      }
    }
    const view = this.view(app, account, !!existing);
    const origin = await this.quickRegistrations.createdAccount(t, account.id);
    return origin ? { ...view, continue_with: continueWith(origin.purpose) } : view;
  }

  /** Reviewer (operations) approves an application in manual review. */
  async approve(ctx: RequestContext, applicationId: string): Promise<OnboardingView> {
    return this.retryingEntityRace(ctx, async (t) => {
      const app = await this.applicationForUpdate(t, applicationId);
      const account = await findOneForUpdate(t.em!, PartnerAccount, { id: app.partnerAccountId });
      if (!account) throw InfoErrors.fail('INFO_ACCOUNT_NOT_FOUND');
      if (app.status !== 'manual_review') {
        throw InfoErrors.fail('INFO_ONBOARDING_NOT_IN_REVIEW', undefined, { status: app.status });
      }
      await this.approveInTx(t, app, account, 'onboarding.approved_by_reviewer');
      return this.view(app, account, app.fastOnboarding);
    });
  }

  /** Reviewer (operations) rejects an application in manual review; the account may apply again (INFO-007). */
  async reject(
    ctx: RequestContext,
    applicationId: string,
    reason: string | undefined,
  ): Promise<OnboardingView> {
    const trimmed = reason?.trim();
    if (!trimmed) throw InfoErrors.fail('INFO_REJECT_REASON_REQUIRED');
    return this.tx.run(ctx, async (t) => {
      const app = await this.applicationForUpdate(t, applicationId);
      if (app.status !== 'manual_review') {
        throw InfoErrors.fail('INFO_ONBOARDING_NOT_IN_REVIEW', undefined, { status: app.status });
      }
      const account = await this.accountOrFail(app.partnerAccountId, t);
      await this.applications.transition(t, app, 'rejected', {
        action: 'onboarding.rejected',
        mutate: (a) => {
          a.reviewerId = t.reviewerId;
          a.rejectReason = trimmed;
          a.decidedAt = t.now();
        },
      });
      await this.notifyResult(t, app, account, 'rejected');
      return this.view(app, account, app.fastOnboarding);
    });
  }

  /**
   * The partner's view of its current application (GET /onboarding/status, INFO-008): the open or approved one
   * (INFO-007 allows at most one), else the latest rejected one. Not "latest by submitted_at" alone: a
   * resubmission can carry the same instant as the rejected application.
   */
  async status(
    ctx: RequestContext,
  ): Promise<OnboardingView | { status: 'not_submitted'; partner_account_status: PartnerAccountStatus }> {
    const account = await this.accountOrFail(ctx.partnerAccountId);
    assertNotDeregistered(account);
    const repo = this.dataSource.getRepository(OnboardingApplication);
    const app =
      (await repo.findOne({
        where: { partnerAccountId: account.id, status: In(['submitted', 'manual_review', 'approved']) },
      })) ??
      (await repo.findOne({
        where: { partnerAccountId: account.id },
        order: { submittedAt: 'DESC', decidedAt: 'DESC', id: 'DESC' },
      }));
    if (!app) return { status: 'not_submitted', partner_account_status: account.status };
    return this.view(app, account, app.fastOnboarding);
  }

  /** Reviewer list with filter and paging, newest first (ties by id). */
  async list(q: {
    status?: OnboardingStatus;
    offset?: number;
    limit?: number;
  }): Promise<{ total_count: number; items: OnboardingView[] }> {
    const [apps, total] = await this.dataSource.getRepository(OnboardingApplication).findAndCount({
      where: q.status ? { status: q.status } : {},
      order: { submittedAt: 'DESC', id: 'DESC' },
      skip: q.offset ?? 0,
      take: q.limit ?? 10,
    });
    const accounts = await this.dataSource
      .getRepository(PartnerAccount)
      .find({ where: { id: In(apps.map((a) => a.partnerAccountId)) } });
    const byId = new Map(accounts.map((a) => [a.id, a]));
    return {
      total_count: total,
      items: apps.map((a) => this.view(a, byId.get(a.partnerAccountId)!, a.fastOnboarding)),
    };
  }

  async get(applicationId: string): Promise<OnboardingView> {
    const app = await this.dataSource
      .getRepository(OnboardingApplication)
      .findOne({ where: { id: applicationId } });
    if (!app) throw InfoErrors.fail('INFO_ONBOARDING_NOT_FOUND');
    const account = await this.accountOrFail(app.partnerAccountId);
    return this.view(app, account, app.fastOnboarding);
  }

  // ---------------------------------------------------------------------------------------------------------

  private async approveInTx(
    t: RequestContext,
    app: OnboardingApplication,
    account: PartnerAccount,
    action: string,
    autoCheckResult?: RegistryResult,
  ): Promise<void> {
    const em = t.em!;
    let entity = await this.findEntity(app.site, app.uscc, app.orgCode, t);
    // lock an existing entity so that two approvals cannot both take the vacant primary seat (INFO-010)
    if (entity) entity = await findOneForUpdate(em, LegalEntity, { id: entity.id });
    if (!entity) {
      entity = em.create(LegalEntity, {
        site: app.site,
        uscc: app.uscc,
        orgCode: app.orgCode,
        taxCode: app.taxCode,
        companyName: app.companyName,
        primaryAccountId: null,
        licenseFileId: app.licenseFileId,
        registeredCapital: app.registeredCapital,
        registeredCapitalCurrency: app.registeredCapitalCurrency,
        establishedOn: app.establishedOn,
        businessTermFrom: app.businessTermFrom,
        businessTermTo: app.businessTermTo,
        legalRepresentative: app.legalRepresentative,
        licenseAddress: app.licenseAddress,
        postalCode: app.postalCode,
        businessScope: app.businessScope,
        createdAt: t.now(),
      });
      await em.save(LegalEntity, entity);
    }
    // INFO-010: the first approved account of a legal entity is its primary account
    const becomesPrimary = !entity.primaryAccountId;
    if (becomesPrimary) {
      await em.update(LegalEntity, entity.id, { primaryAccountId: account.id });
      entity.primaryAccountId = account.id;
    }
    const entityId = entity.id;
    await this.applications.transition(t, app, 'approved', {
      action,
      mutate: (a) => {
        a.legalEntityId = entityId;
        a.decidedAt = t.now();
        a.reviewerId = t.reviewerId;
        if (autoCheckResult) a.autoCheckResult = autoCheckResult;
      },
    });
    await this.accounts.transition(t, account, 'active', {
      action: 'partner_account.joined_hcpn',
      mutate: (acc) => {
        acc.legalEntityId = entityId;
        acc.isPrimary = becomesPrimary;
        acc.hcpnJoinedAt = t.now();
      },
      eventPayload: { legal_entity_id: entityId, is_primary: becomesPrimary },
    });
    await this.notifyResult(t, app, account, 'approved');
  }

  private async notifyResult(
    t: RequestContext,
    app: OnboardingApplication,
    account: PartnerAccount,
    outcome: 'approved' | 'rejected',
  ): Promise<void> {
    const { subject, body } = onboardingResultText(account.language, outcome, app.rejectReason);
    const common = {
      partnerAccountId: account.id,
      template: `onboarding.${outcome}`,
      language: account.language,
      subject,
      body,
      params: { application_id: app.id },
    };
    await this.notifications.enqueue(t, [
      { ...common, channel: 'in_app', recipient: account.id },
      { ...common, channel: 'email', recipient: app.contactEmail },
      { ...common, channel: 'sms', recipient: app.contactMobile },
    ]);
  }

  private async registryCheck(app: OnboardingApplication): Promise<RegistryResult> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        this.registry.verify({
          companyName: app.companyName,
          uscc: app.uscc,
          orgCode: app.orgCode,
          legalRepresentative: app.legalRepresentative,
        }),
        new Promise<RegistryResult>((resolve) => {
          timer = setTimeout(() => resolve('unavailable'), REGISTRY_TIMEOUT_MS);
        }),
      ]);
    } catch (err) {
      this.logger.warn(`company registry failed: ${String(err)}`);
      return 'unavailable';
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  private async findEntity(
    site: string,
    uscc: string | null,
    orgCode: string | null,
    t?: RequestContext,
  ): Promise<LegalEntity | null> {
    const repo = t?.em ? t.em.getRepository(LegalEntity) : this.dataSource.getRepository(LegalEntity);
    if (uscc) return repo.findOne({ where: { site: site as LegalEntity['site'], uscc } });
    if (orgCode) return repo.findOne({ where: { site: site as LegalEntity['site'], orgCode } });
    return null;
  }

  private async applicationForUpdate(t: RequestContext, id: string): Promise<OnboardingApplication> {
    const app = await findOneForUpdate(t.em!, OnboardingApplication, { id });
    if (!app) throw InfoErrors.fail('INFO_ONBOARDING_NOT_FOUND');
    return app;
  }

  private async accountOrFail(id: string, t?: RequestContext): Promise<PartnerAccount> {
    const repo = t?.em ? t.em.getRepository(PartnerAccount) : this.dataSource.getRepository(PartnerAccount);
    const account = await repo.findOne({ where: { id } });
    if (!account) throw InfoErrors.fail('INFO_ACCOUNT_NOT_FOUND');
    return account;
  }

  private view(app: OnboardingApplication, account: PartnerAccount, alreadyPartner: boolean): OnboardingView {
    return {
      application_id: app.id,
      partner_account_id: app.partnerAccountId,
      site: app.site,
      status: app.status,
      fast_onboarding: app.fastOnboarding,
      auto_check_result: app.autoCheckResult,
      legal_entity_already_partner: alreadyPartner,
      company_name: app.companyName,
      uscc: app.uscc,
      org_code: app.orgCode,
      tax_code: app.taxCode,
      reject_reason: app.rejectReason,
      submitted_at: app.submittedAt.toISOString(),
      decided_at: app.decidedAt?.toISOString() ?? null,
      legal_entity_id: app.legalEntityId,
      partner_account_status: account.status,
      is_primary: account.isPrimary,
      hcpn_joined_at: account.hcpnJoinedAt?.toISOString() ?? null,
    };
  }
}

/** INFO-011/INFO-040: a deregistered account is refused everywhere, the onboarding endpoints included. */
function assertNotDeregistered(account: PartnerAccount): void {
  if (account.status === 'deregistered') throw InfoErrors.fail('INFO_ACCOUNT_DEREGISTERED');
}

function upper(code: string | null | undefined): string | null {
  return code ? code.toUpperCase() : null;
}

export function toCompanyView(e: LegalEntity): Record<string, unknown> {
  return {
    legal_entity_id: e.id,
    site: e.site,
    company_name: e.companyName,
    uscc: e.uscc,
    org_code: e.orgCode,
    tax_code: e.taxCode,
    license_file_id: e.licenseFileId,
    registered_capital: e.registeredCapital ? e.registeredCapital.toFixed(2) : null,
    registered_capital_currency: e.registeredCapitalCurrency,
    established_on: e.establishedOn,
    business_term_from: e.businessTermFrom,
    business_term_to: e.businessTermTo,
    legal_representative: e.legalRepresentative,
    license_address: e.licenseAddress,
    postal_code: e.postalCode,
    business_scope: e.businessScope,
    primary_account_id: e.primaryAccountId,
  };
}
