/**
 * Basic info tabs other than licence changes (FAQ 6.1.1, 6.1.4–6.1.8; info.md INFO-012, INFO-017…INFO-022):
 * account contact, company details (read; partner writes refused), profile, business mobile/e-mail, message
 * settings and the once-only account-name change through the account center.
 */
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, Not } from 'typeorm';
import { AuditService } from '../../../../libs/audit/index.js';
import type { RequestContext } from '../../../../libs/context/index.js';
import { findOneForUpdate, TransactionRunner } from '../../../../libs/persistence/index.js';
import { maskEmail, maskMobile } from '../domain/basic-info.js';
import { isValidTimeZone } from '../../../../libs/calendar/index.js';
import type {
  AccountContactDto,
  AccountNameDto,
  BusinessContactDto,
  MessageSettingsDto,
} from '../dto/basic-info.dto.js';
import { AccountContact } from '../entities/account-contact.entity.js';
import { CompanyDetails } from '../entities/company-details.entity.js';
import { OnboardingApplication } from '../entities/onboarding-application.entity.js';
import { PartnerAccount } from '../entities/partner-account.entity.js';
import { InfoErrors } from '../info.errors.js';
import { MemberProfileRegistry, type MemberBusinessContact } from './member-profile.registry.js';
import { IDENTITY_PORT, type IdentityPort } from '../ports/identity.port.js';

/** Where the profile's "security credentials" link points (the account center, 6.1.7/6.1.8; decision). */
export const SECURITY_CREDENTIALS_URL =
  'https://account.huaweicloud.com/usercenter/#/accountindex/securityCenter';

export interface AccountContactView {
  partner_account_id: string;
  name: string | null;
  position: string | null;
  mobile: string | null;
  email: string | null;
  updated_at: string | null;
}

@Injectable()
export class BasicInfoService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    @Inject(IDENTITY_PORT) private readonly identity: IdentityPort,
    private readonly memberProfiles: MemberProfileRegistry,
  ) {}

  // --- account contact (INFO-018) ----------------------------------------------------------------------------

  /** The account's contact: the edited one, else the contact of its approved onboarding application. */
  async contactOf(accountId: string): Promise<AccountContactView> {
    const stored = await this.dataSource
      .getRepository(AccountContact)
      .findOne({ where: { partnerAccountId: accountId } });
    if (stored) return toContactView(stored);
    const app = await this.dataSource.getRepository(OnboardingApplication).findOne({
      where: { partnerAccountId: accountId, status: 'approved' },
      order: { submittedAt: 'DESC' },
    });
    return {
      partner_account_id: accountId,
      name: app?.contactName ?? null,
      position: app?.contactPosition ?? null,
      mobile: app?.contactMobile ?? null,
      email: app?.contactEmail ?? null,
      updated_at: null,
    };
  }

  /**
   * INFO-018. `accountId` is given only by operations (info.md Permissions: operations edit account contact and
   * message settings on a ticket); partner users always edit their own account.
   */
  async updateContact(
    ctx: RequestContext,
    dto: AccountContactDto,
    accountId?: string,
  ): Promise<AccountContactView> {
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const owner = accountId ? (await this.lockAccount(t, accountId)).id : t.partnerAccountId;
      const before = await findOneForUpdate(em, AccountContact, { partnerAccountId: owner });
      const row =
        before ??
        em.create(AccountContact, {
          partnerAccountId: owner,
          name: '',
          position: '',
          mobile: '',
        });
      const snapshot = before ? toContactView(before) : null;
      Object.assign(row, {
        name: dto.name.trim(),
        position: dto.position.trim(),
        mobile: dto.mobile,
        email: dto.email,
        updatedAt: t.now(),
      });
      await em.save(row);
      const after = toContactView(row);
      await this.audit.record(t, {
        action: 'account_contact.updated',
        entityType: 'account_contact',
        entityId: row.id,
        partnerAccountId: owner,
        before: snapshot ? { ...snapshot } : null,
        after: { ...after },
      });
      return after;
    });
  }

  // --- company details (INFO-017) ----------------------------------------------------------------------------

  async detailsOf(legalEntityId: string): Promise<Record<string, unknown>> {
    const d = await this.dataSource.getRepository(CompanyDetails).findOne({ where: { legalEntityId } });
    return toDetailsView(d);
  }

  /**
   * INFO-017: no online self-service for logo, contact details and introduction — every partner-side write
   * is refused, whoever sends it (a ticket reaches operations, who edit them in the admin panel).
   */
  refuseDetailsEdit(_ctx: RequestContext): never {
    throw InfoErrors.fail('INFO_EDIT_VIA_TICKET_ONLY');
  }

  /** INFO-010: partners never choose the primary account; operations reassign it on a ticket. */
  refusePrimaryChange(_ctx: RequestContext): never {
    throw InfoErrors.fail('INFO_EDIT_VIA_TICKET_ONLY', 'Submit a ticket to change the primary account.');
  }

  // --- profile (INFO-012 c, INFO-020, INFO-021) ---------------------------------------------------------------

  async profile(ctx: RequestContext): Promise<Record<string, unknown>> {
    const account = await this.account(ctx.partnerAccountId);
    const center = await this.identity.getAccount(account.huaweiAccountId);
    const isAdmin = ctx.isPartnerAdmin;
    return {
      partner_account_id: account.id,
      account_name: account.accountName,
      account_name_change_count: account.accountNameChangeCount,
      account_name_changeable: isAdmin && account.accountNameChangeCount === 0,
      user_kind: isAdmin ? 'partner_admin' : 'org_member',
      // bound (login) mobile/e-mail of the account, masked; changed in the account center only (6.1.8)
      bound_mobile: maskMobile(center?.mobile ?? account.mobile),
      bound_email: maskEmail(center?.email ?? account.email),
      security_credentials_url: SECURITY_CREDENTIALS_URL,
      // INFO-021: the business contact stored by the partner center: the account's for the partner admin, the
      // member's own record (owned by the org module) for an org member
      ...(isAdmin
        ? { business_mobile: account.businessMobile, business_email: account.businessEmail }
        : await this.memberProfiles.current.get(ctx)),
    };
  }

  /**
   * INFO-021: each user edits their own business mobile/e-mail: the partner admin the account's, an org member
   * its own member record (owned by the org module, reached through the MemberProfileRegistry).
   */
  async updateBusinessContact(
    ctx: RequestContext,
    dto: BusinessContactDto,
  ): Promise<Record<string, unknown>> {
    if (!ctx.isPartnerAdmin) {
      const change: Partial<MemberBusinessContact> = {};
      if (dto.business_mobile !== undefined) change.business_mobile = dto.business_mobile;
      if (dto.business_email !== undefined) change.business_email = dto.business_email;
      return {
        partner_account_id: ctx.partnerAccountId,
        ...(await this.memberProfiles.current.update(ctx, change)),
      };
    }
    return this.tx.run(ctx, async (t) => {
      const account = await this.lockAccount(t);
      const before = { business_mobile: account.businessMobile, business_email: account.businessEmail };
      if (dto.business_mobile !== undefined) account.businessMobile = dto.business_mobile;
      if (dto.business_email !== undefined) account.businessEmail = dto.business_email;
      await t.em!.update(PartnerAccount, account.id, {
        businessMobile: account.businessMobile,
        businessEmail: account.businessEmail,
      });
      const after = { business_mobile: account.businessMobile, business_email: account.businessEmail };
      await this.audit.record(t, {
        action: 'profile.business_contact_updated',
        entityType: 'partner_account',
        entityId: account.id,
        partnerAccountId: account.id,
        before,
        after,
      });
      return { partner_account_id: account.id, ...after };
    });
  }

  /**
   * INFO-020: the account name changes once in the account's life. The change goes to the account center
   * (IdentityPort.renameAccount) inside the transaction, after every check; the count makes it once-only.
   * Decision: the partner center's sign-in name is not renamed here (credentials belong to the auth mechanism);
   * the account keeps signing in with its original login.
   */
  async renameAccount(ctx: RequestContext, dto: AccountNameDto): Promise<Record<string, unknown>> {
    return this.tx.run(ctx, async (t) => {
      const account = await this.lockAccount(t);
      if (account.accountNameChangeCount >= 1) throw InfoErrors.fail('INFO_ACCOUNT_NAME_ALREADY_CHANGED');
      const name = dto.account_name;
      if (name === account.accountName) {
        throw InfoErrors.fail('INFO_FIELD_INVALID', 'The new account name equals the current one.', {
          field: 'account_name',
        });
      }
      const taken = await t.em!.count(PartnerAccount, { where: { accountName: name, id: Not(account.id) } });
      if (taken > 0) throw InfoErrors.fail('INFO_ACCOUNT_NAME_TAKEN');
      const before = {
        account_name: account.accountName,
        account_name_change_count: account.accountNameChangeCount,
      };
      await this.identity.renameAccount(account.huaweiAccountId, name);
      await t.em!.update(PartnerAccount, account.id, {
        accountName: name,
        accountNameChangeCount: account.accountNameChangeCount + 1,
      });
      const after = { account_name: name, account_name_change_count: account.accountNameChangeCount + 1 };
      await this.audit.record(t, {
        action: 'profile.account_renamed',
        entityType: 'partner_account',
        entityId: account.id,
        partnerAccountId: account.id,
        before,
        after,
      });
      return { partner_account_id: account.id, ...after };
    });
  }

  // --- message settings (INFO-022) ----------------------------------------------------------------------------

  async messageSettings(ctx: RequestContext): Promise<Record<string, unknown>> {
    const a = await this.account(ctx.partnerAccountId);
    return { partner_account_id: a.id, language: a.language, timezone: a.timezone };
  }

  /**
   * INFO-022: language zh-cn/en-us, an IANA time zone; they only localise messages (deadlines stay in
   * Asia/Shanghai). Stored on the partner account, where the notifications read them (decision: no table).
   */
  async updateMessageSettings(
    ctx: RequestContext,
    dto: MessageSettingsDto,
    accountId?: string,
  ): Promise<Record<string, unknown>> {
    if (!isValidTimeZone(dto.timezone)) {
      throw InfoErrors.fail(
        'INFO_FIELD_INVALID',
        'timezone must be an IANA time zone such as Asia/Shanghai.',
        {
          field: 'timezone',
        },
      );
    }
    return this.tx.run(ctx, async (t) => {
      const account = await this.lockAccount(t, accountId);
      const before = { language: account.language, timezone: account.timezone };
      await t.em!.update(PartnerAccount, account.id, { language: dto.language, timezone: dto.timezone });
      const after = { language: dto.language, timezone: dto.timezone };
      await this.audit.record(t, {
        action: 'message_settings.updated',
        entityType: 'partner_account',
        entityId: account.id,
        partnerAccountId: account.id,
        before,
        after,
      });
      return { partner_account_id: account.id, ...after };
    });
  }

  // ---------------------------------------------------------------------------------------------------------

  private async account(id: string): Promise<PartnerAccount> {
    const a = await this.dataSource.getRepository(PartnerAccount).findOne({ where: { id } });
    if (!a) throw InfoErrors.fail('INFO_ACCOUNT_NOT_FOUND');
    return a;
  }

  private async lockAccount(t: RequestContext, accountId?: string): Promise<PartnerAccount> {
    const a = await findOneForUpdate(t.em!, PartnerAccount, { id: accountId ?? t.partnerAccountId });
    if (!a) throw InfoErrors.fail('INFO_ACCOUNT_NOT_FOUND');
    return a;
  }
}

function toContactView(c: AccountContact): AccountContactView {
  return {
    partner_account_id: c.partnerAccountId,
    name: c.name,
    position: c.position,
    mobile: c.mobile,
    email: c.email,
    updated_at: c.updatedAt.toISOString(),
  };
}

export function toDetailsView(d: CompanyDetails | null): Record<string, unknown> {
  return {
    logo_file_id: d?.logoFileId ?? null,
    public_phone: d?.publicPhone ?? null,
    public_email: d?.publicEmail ?? null,
    website: d?.website ?? null,
    introduction: d?.introduction ?? null,
    updated_at: d?.updatedAt.toISOString() ?? null,
  };
}
