/**
 * IAM (统一身份认证, FAQ 7.1.5–7.1.7; org.md "External systems"): the IAM users of a partner account. Org
 * members are IAM users created by the partner center; users created in the Huawei Cloud console ("console
 * users") exist there too, are never synced (004) and never enter the partner center (ORG-003).
 *
 * The in-process adapter keeps users in memory per partner account and is also the test fake
 * (`PUT /api/v1/admin/test/fakes/iam`). A vendor deployment binds its real adapter to IAM_PORT.
 */
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { ConfigurableFake } from '../../../../libs/testing/index.js';

export type IamUserOrigin = 'console' | 'partner_center';

export interface IamUser {
  id: string;
  partnerAccountId: string;
  name: string;
  email: string | null;
  mobile: string | null;
  origin: IamUserOrigin;
}

export interface IamUserQuery {
  name?: string;
  email?: string;
  mobile?: string | null;
}

export interface IamPort {
  /** IAM users of the partner account matching any of the given name / e-mail / mobile (case-insensitive). */
  findUsers(partnerAccountId: string, query: IamUserQuery): Promise<IamUser[]>;
  getUser(partnerAccountId: string, iamUserId: string): Promise<IamUser | null>;
  createUser(
    partnerAccountId: string,
    user: { name: string; email: string; mobile: string | null },
  ): Promise<string>;
  updateUser(
    partnerAccountId: string,
    iamUserId: string,
    patch: { email?: string; mobile?: string | null },
  ): Promise<void>;
  deleteUser(partnerAccountId: string, iamUserId: string): Promise<void>;
  /** IAM's own password page (ORG-016: the partner center links to it and stores no password). */
  passwordChangeUrl(): string;
}

export const IAM_PORT = Symbol('IAM_PORT');

const lower = (v: string | null | undefined): string | null => (v ? v.toLowerCase() : null);

function optStr(v: unknown, field: string): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw new Error(`${field} must be a string`);
  return v;
}

@Injectable()
export class InProcessIam implements IamPort, ConfigurableFake {
  readonly portName = 'IamPort';
  private readonly users = new Map<string, IamUser>();

  async findUsers(partnerAccountId: string, query: IamUserQuery): Promise<IamUser[]> {
    const name = lower(query.name);
    const email = lower(query.email);
    const mobile = query.mobile ?? null;
    return [...this.users.values()].filter(
      (u) =>
        u.partnerAccountId === partnerAccountId &&
        ((name !== null && lower(u.name) === name) ||
          (email !== null && lower(u.email) === email) ||
          (mobile !== null && u.mobile === mobile)),
    );
  }

  async getUser(partnerAccountId: string, iamUserId: string): Promise<IamUser | null> {
    const u = this.users.get(iamUserId);
    return u && u.partnerAccountId === partnerAccountId ? u : null;
  }

  async createUser(
    partnerAccountId: string,
    user: { name: string; email: string; mobile: string | null },
  ): Promise<string> {
    const id = randomUUID();
    this.users.set(id, { id, partnerAccountId, ...user, origin: 'partner_center' });
    return id;
  }

  async updateUser(
    partnerAccountId: string,
    iamUserId: string,
    patch: { email?: string; mobile?: string | null },
  ): Promise<void> {
    const u = await this.getUser(partnerAccountId, iamUserId);
    if (!u) return;
    if (patch.email !== undefined) u.email = patch.email;
    if (patch.mobile !== undefined) u.mobile = patch.mobile;
  }

  async deleteUser(partnerAccountId: string, iamUserId: string): Promise<void> {
    if (await this.getUser(partnerAccountId, iamUserId)) this.users.delete(iamUserId);
  }

  passwordChangeUrl(): string {
    return 'https://auth.huaweicloud.com/authui/login.html#/resetPwd';
  }

  /**
   * Body: `{ "partner_account_id": "…", "console_users": [{ "id"?, "name", "email"?, "mobile"? }] }` replaces
   * the console-created IAM users of that account (users created by the partner center are kept).
   */
  configure(body: Record<string, unknown>): void {
    const partnerAccountId = optStr(body.partner_account_id, 'partner_account_id');
    if (!partnerAccountId) throw new Error('partner_account_id is required');
    if (!Array.isArray(body.console_users)) throw new Error('console_users must be a list');
    const next: IamUser[] = (body.console_users as unknown[]).map((raw) => {
      if (!raw || typeof raw !== 'object') throw new Error('a console user must be an object');
      const u = raw as Record<string, unknown>;
      const name = optStr(u.name, 'name');
      if (!name) throw new Error('name is required');
      return {
        id: optStr(u.id, 'id') ?? randomUUID(),
        partnerAccountId,
        name,
        email: optStr(u.email, 'email'),
        mobile: optStr(u.mobile, 'mobile'),
        origin: 'console',
      };
    });
    for (const [id, u] of this.users) {
      if (u.partnerAccountId === partnerAccountId && u.origin === 'console') this.users.delete(id);
    }
    for (const u of next) this.users.set(u.id, u);
  }

  reset(): void {
    for (const [id, u] of this.users) if (u.origin === 'console') this.users.delete(id);
  }

  describe(): Record<string, unknown> {
    return {
      console_users: [...this.users.values()]
        .filter((u) => u.origin === 'console')
        .map((u) => ({
          id: u.id,
          partner_account_id: u.partnerAccountId,
          name: u.name,
          email: u.email,
          mobile: u.mobile,
        })),
    };
  }
}
