/**
 * Personal accounts (org.md "Personal account"): individuals' own Huawei Cloud accounts, mirrored from the
 * account center, with their own login (`{ "personal": "<tenant name>", "password": "…" }`). The partner
 * center never creates them in production (the account center does); tests and the demo create them through
 * the test hook, which calls `register()`.
 */
import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../../../../libs/audit/index.js';
import { AuthService, Credential, type PersonalPrincipal } from '../../../../libs/auth/index.js';
import type { RequestContext, Site } from '../../../../libs/context/index.js';
import { TransactionRunner } from '../../../../libs/persistence/index.js';
import {
  PersonalAccount,
  type PersonalAccountType,
  type PersonalRealnameStatus,
} from '../entities/personal.entities.js';
import { OrgErrors } from '../org.errors.js';

export interface RegisterPersonalAccountInput {
  tenantName: string;
  huaweiAccountName?: string | null;
  huaweiCloudAccountId?: string | null;
  password: string;
  site: Site;
  accountType: PersonalAccountType;
  realnameStatus: PersonalRealnameStatus;
  isPartnerAccount: boolean;
  email?: string | null;
  uniportalId?: string | null;
}

export interface PersonalAccountView {
  personal_account_id: string;
  huawei_cloud_account_id: string;
  tenant_name: string;
  huawei_account_name: string;
  site: Site;
  account_type: PersonalAccountType;
  realname_status: PersonalRealnameStatus;
  is_partner_account: boolean;
  email_bound: boolean;
}

export function personalAccountView(p: PersonalAccount): PersonalAccountView {
  return {
    personal_account_id: p.id,
    huawei_cloud_account_id: p.huaweiCloudAccountId,
    tenant_name: p.tenantName,
    huawei_account_name: p.huaweiAccountName,
    site: p.site,
    account_type: p.accountType,
    realname_status: p.realnameStatus,
    is_partner_account: p.isPartnerAccount,
    email_bound: p.emailBound,
  };
}

@Injectable()
export class PersonalAccountService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  /** Mirrors an account-center personal account and sets its login (test hook, demo data). */
  async register(ctx: RequestContext, input: RegisterPersonalAccountInput): Promise<PersonalAccountView> {
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      if (await em.findOne(PersonalAccount, { where: { site: input.site, tenantName: input.tenantName } })) {
        throw OrgErrors.fail('ORG_FIELD_INVALID', 'Invalid parameter: tenant_name is taken on this site', {
          field: 'tenant_name',
        });
      }
      if (
        input.huaweiCloudAccountId &&
        (await em.findOne(PersonalAccount, { where: { huaweiCloudAccountId: input.huaweiCloudAccountId } }))
      ) {
        throw OrgErrors.fail('ORG_FIELD_INVALID', 'Invalid parameter: huawei_cloud_account_id is taken', {
          field: 'huawei_cloud_account_id',
        });
      }
      const p = em.create(PersonalAccount, {
        huaweiCloudAccountId: input.huaweiCloudAccountId ?? randomBytes(16).toString('hex'),
        tenantName: input.tenantName,
        huaweiAccountName: input.huaweiAccountName ?? input.tenantName,
        site: input.site,
        accountType: input.accountType,
        realnameStatus: input.realnameStatus,
        isPartnerAccount: input.isPartnerAccount,
        emailBound: !!input.email,
        email: input.email ?? null,
        uniportalId: input.uniportalId ?? null,
        lastSyncedAt: null,
        createdAt: t.now(),
      });
      await em.save(p);
      // the login is the tenant name (unique per site; decision: logins are global, so site-prefixed
      // tenants of the same name on two sites log in with `<tenant>@<site>` for the second one)
      const login = (await this.loginTaken(t, input.tenantName))
        ? `${input.tenantName}@${input.site}`
        : input.tenantName;
      await this.auth.setCredential(em, {
        subjectKind: 'personal',
        login,
        subjectId: p.id,
        partnerAccountId: null,
        password: input.password,
      });
      await this.audit.record(t, {
        action: 'personal_account.registered',
        entityType: 'personal_account',
        entityId: p.id,
        partnerAccountId: null,
        before: null,
        after: personalAccountView(p) as unknown as Record<string, unknown>,
      });
      return personalAccountView(p);
    });
  }

  /** The AccessGuard's principal for a personal token; null when the account does not exist. */
  async principal(personalAccountId: string): Promise<PersonalPrincipal | null> {
    const p = await this.dataSource
      .getRepository(PersonalAccount)
      .findOne({ where: { id: personalAccountId } });
    return p ? { site: p.site } : null;
  }

  async me(ctx: RequestContext): Promise<PersonalAccountView> {
    const p = await this.dataSource
      .getRepository(PersonalAccount)
      .findOne({ where: { id: ctx.personalAccountId } });
    if (!p) throw OrgErrors.fail('ORG_PERSONAL_ACCOUNT_NOT_FOUND');
    return personalAccountView(p);
  }

  private async loginTaken(t: RequestContext, login: string): Promise<boolean> {
    return (
      (await t.em!.count(Credential, { where: { subjectKind: 'personal', login: login.toLowerCase() } })) > 0
    );
  }
}
