/**
 * Partner accounts as the rest of the system needs them: registration of a Huawei Cloud account with the
 * partner center (its login and its account-center record), lookups, and the status answer of INFO-011.
 */
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthService } from '../../../../libs/auth/index.js';
import type { RequestContext, Site } from '../../../../libs/context/index.js';
import type { DomainError } from '../../../../libs/errors/index.js';
import { AuditService } from '../../../../libs/audit/index.js';
import { findOneForUpdate, TransactionRunner } from '../../../../libs/persistence/index.js';
import { StateMachine } from '../../../../libs/state-machine/index.js';
import { PARTNER_ACCOUNT_MACHINE } from '../domain/state-machines.js';
import { PartnerAccount, type PartnerAccountStatus } from '../entities/partner-account.entity.js';
import { InfoErrors } from '../info.errors.js';
import { IDENTITY_PORT, InProcessAccountCenter, type RealNameType } from '../ports/identity.port.js';

export interface RegisterCloudAccountInput {
  accountName: string;
  password: string;
  site: Site;
  huaweiAccountId?: string;
  realnameType: RealNameType;
  companyName?: string | null;
  uscc?: string | null;
  orgCode?: string | null;
  mobile?: string | null;
  email?: string | null;
  language?: string;
}

@Injectable()
export class PartnerAccountService {
  private readonly machine: StateMachine<PartnerAccountStatus, PartnerAccount>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    @Inject(IDENTITY_PORT) private readonly accountCenter: InProcessAccountCenter,
  ) {
    this.machine = new StateMachine(PARTNER_ACCOUNT_MACHINE, audit);
  }

  /**
   * Makes a Huawei Cloud account known to the partner center (status `registered`) with its login.
   * Used by the demo seed, the `POST /api/v1/admin/test/accounts` hook and quick registration. Idempotent by
   * account name: an existing account keeps its id and gets the new password and real-name data.
   */
  async registerCloudAccount(ctx: RequestContext, input: RegisterCloudAccountInput): Promise<PartnerAccount> {
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      let account = await em.findOne(PartnerAccount, { where: { accountName: input.accountName } });
      if (!account) {
        account = em.create(PartnerAccount, {
          huaweiAccountId: input.huaweiAccountId ?? `hw-${input.accountName}`,
          accountName: input.accountName,
          accountNameChangeCount: 0,
          site: input.site,
          legalEntityId: null,
          isPrimary: false,
          status: 'registered',
          hcpnJoinedAt: null,
          enterpriseRealnameVerified: input.realnameType === 'enterprise',
          emailBound: !!input.email,
          mobile: input.mobile ?? null,
          email: input.email ?? null,
          language: input.language ?? (input.site === 'cn' ? 'zh-cn' : 'en-us'),
          timezone: 'Asia/Shanghai',
          createdAt: t.now(),
        });
        await em.save(account);
        await this.audit.record(t, {
          action: 'partner_account.registered',
          entityType: 'partner_account',
          entityId: account.id,
          partnerAccountId: account.id,
          after: { account_name: account.accountName, site: account.site, status: account.status },
        });
      } else {
        await em.update(PartnerAccount, account.id, {
          enterpriseRealnameVerified: input.realnameType === 'enterprise',
          mobile: input.mobile ?? account.mobile,
          email: input.email ?? account.email,
          emailBound: !!(input.email ?? account.email),
        });
      }
      await this.auth.setCredential(em, {
        subjectKind: 'partner_admin',
        login: input.accountName,
        subjectId: account.id,
        partnerAccountId: account.id,
        password: input.password,
      });
      this.accountCenter.upsert({
        huaweiAccountId: account.huaweiAccountId,
        accountName: account.accountName,
        site: account.site,
        realName: {
          type: input.realnameType,
          companyName: input.companyName ?? null,
          uscc: input.uscc ? input.uscc.toUpperCase() : null,
          orgCode: input.orgCode ?? null,
        },
        mobile: input.mobile ?? null,
        email: input.email ?? null,
        emailBound: !!input.email,
      });
      return account;
    });
  }

  async findById(id: string): Promise<PartnerAccount | null> {
    return this.dataSource.getRepository(PartnerAccount).findOne({ where: { id } });
  }

  async findByName(accountName: string): Promise<PartnerAccount | null> {
    return this.dataSource.getRepository(PartnerAccount).findOne({ where: { accountName } });
  }

  /**
   * `active` → `deregistered` (info.md PartnerAccount.status), the state change only. The caller — the
   * account-center deregistration event of INFO-035…INFO-040, not built yet — checks eligibility first and
   * applies the INFO-040 effects; until then this is how the system (and the e2e tests) record the event.
   */
  async recordDeregistration(ctx: RequestContext, accountId: string): Promise<PartnerAccount> {
    return this.tx.run(ctx, async (t) => {
      const account = await findOneForUpdate(t.em!, PartnerAccount, { id: accountId });
      if (!account) throw InfoErrors.fail('INFO_ACCOUNT_NOT_FOUND');
      return this.machine.transition(t, account, 'deregistered', { action: 'partner_account.deregistered' });
    });
  }

  /** INFO-011: null when the account may use the partner center, else the error to answer. */
  notActiveError(account: PartnerAccount): DomainError | null {
    if (account.status === 'active') return null;
    if (account.status === 'deregistered') return InfoErrors.fail('INFO_ACCOUNT_DEREGISTERED');
    return InfoErrors.fail('INFO_NOT_ONBOARDED');
  }
}
