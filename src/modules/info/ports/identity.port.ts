/**
 * The Huawei account center / real-name service (info.md "External systems", IdentityPort). The partner
 * center ships an in-process adapter (`InProcessAccountCenter`): the account records live in memory, are
 * written when accounts are registered (demo seed, test hook, quick registration) and can be configured by
 * `PUT /api/v1/admin/test/fakes/identity`. A vendor deployment binds its own adapter to IDENTITY_PORT.
 */
import { Injectable } from '@nestjs/common';
import type { ConfigurableFake } from '../../../../libs/testing/index.js';
import type { Site } from '../../../../libs/context/index.js';

export type RealNameType = 'none' | 'personal' | 'enterprise';

export interface RealName {
  type: RealNameType;
  companyName: string | null;
  uscc: string | null;
  orgCode: string | null;
}

export interface AccountCenterRecord {
  huaweiAccountId: string;
  accountName: string;
  site: Site;
  realName: RealName;
  mobile: string | null;
  email: string | null;
  emailBound: boolean;
}

export interface IdentityPort {
  getAccount(huaweiAccountId: string): Promise<AccountCenterRecord | null>;
  getRealName(huaweiAccountId: string): Promise<RealName | null>;
  isMobileRegistered(mobile: string): Promise<boolean>;
  sendVerificationCode(huaweiAccountId: string): Promise<void>;
  checkVerificationCode(huaweiAccountId: string, code: string): Promise<boolean>;
  renameAccount(huaweiAccountId: string, newName: string): Promise<void>;
}

export const IDENTITY_PORT = Symbol('IDENTITY_PORT');

function str(v: unknown): string | null {
  return typeof v === 'string' && v.length ? v : null;
}

@Injectable()
export class InProcessAccountCenter implements IdentityPort, ConfigurableFake {
  readonly portName = 'IdentityPort';
  private readonly accounts = new Map<string, AccountCenterRecord>();
  private verificationCode = '123456';

  upsert(record: AccountCenterRecord): void {
    this.accounts.set(record.huaweiAccountId, record);
  }

  async getAccount(id: string): Promise<AccountCenterRecord | null> {
    return this.accounts.get(id) ?? null;
  }

  async getRealName(id: string): Promise<RealName | null> {
    return this.accounts.get(id)?.realName ?? null;
  }

  async isMobileRegistered(mobile: string): Promise<boolean> {
    return [...this.accounts.values()].some((a) => a.mobile === mobile);
  }

  async sendVerificationCode(_id: string): Promise<void> {
    // the in-process account center "sends" the configured code; tests read it from configuration
  }

  async checkVerificationCode(_id: string, code: string): Promise<boolean> {
    return code === this.verificationCode;
  }

  async renameAccount(id: string, newName: string): Promise<void> {
    const a = this.accounts.get(id);
    if (a) a.accountName = newName;
  }

  /**
   * Body: `{ "verification_code": "654321" }` and/or real-name data of known accounts, as
   * `{ "accounts": [{ "huawei_account_id" | "account_name", "realname_type", "company_name", "uscc", "org_code",
   * "mobile", "email" }] }`.
   */
  configure(body: Record<string, unknown>): void {
    if (typeof body.verification_code === 'string') this.verificationCode = body.verification_code;
    const list = Array.isArray(body.accounts) ? (body.accounts as Array<Record<string, unknown>>) : [];
    for (const a of list) {
      const rec =
        (str(a.huawei_account_id) && this.accounts.get(String(a.huawei_account_id))) ||
        [...this.accounts.values()].find((x) => x.accountName === a.account_name);
      if (!rec) continue;
      const rn = rec.realName;
      if (a.realname_type !== undefined) rn.type = a.realname_type as RealNameType;
      if (a.company_name !== undefined) rn.companyName = str(a.company_name);
      if (a.uscc !== undefined) rn.uscc = str(a.uscc);
      if (a.org_code !== undefined) rn.orgCode = str(a.org_code);
      if (a.mobile !== undefined) rec.mobile = str(a.mobile);
      if (a.email !== undefined) rec.email = str(a.email);
    }
  }

  reset(): void {
    this.verificationCode = '123456';
  }

  describe(): Record<string, unknown> {
    return { accounts: this.accounts.size, verification_code: this.verificationCode };
  }
}
