/**
 * Builders for the fixed actors of permission tables (STYLE "Tests"): partner admins of onboarded accounts,
 * org members with chosen roles, reviewers with chosen roles, not-yet-onboarded accounts.
 */
import { randomBytes } from 'node:crypto';
import type { ReviewerRole } from '../../libs/context/index.js';
import { RequestContext } from '../../libs/context/index.js';
import { Clock } from '../../libs/clock/index.js';
import { OrgMemberService } from '../../src/modules/org/index.js';
import { ReviewerService } from '../../src/platform/index.js';
import type { TestApp } from '../setup/test-app.js';

export const PASSWORD = 'Test@12345';

let seq = 0;
/** A syntactically valid, unique 18-char USCC per call. */
export function uniqueUscc(): string {
  seq++;
  return `91${String(process.pid % 1000).padStart(3, '0')}${String(seq).padStart(5, '0')}${randomBytes(4).toString('hex').toUpperCase()}`.slice(
    0,
    18,
  );
}

export interface PartnerActor {
  id: string;
  accountName: string;
  token: string;
  uscc: string;
  companyName: string;
}

export async function tokenFor(t: TestApp, body: Record<string, unknown>): Promise<string> {
  const res = await t.http.post('/api/v1/auth/tokens').send(body);
  if (res.status !== 201) throw new Error(`login failed ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}

/** A registered (not onboarded) enterprise account with its login. */
export async function newAccount(
  t: TestApp,
  opts: {
    site?: string;
    realname_type?: string;
    uscc?: string;
    company_name?: string;
    org_code?: string;
  } = {},
): Promise<PartnerActor> {
  const accountName = `acct-${randomBytes(5).toString('hex')}`;
  const uscc = opts.uscc ?? uniqueUscc();
  const companyName = opts.company_name ?? `测试公司${accountName}有限公司`;
  const res = await t.http.post('/api/v1/admin/test/accounts').send({
    account_name: accountName,
    password: PASSWORD,
    site: opts.site ?? 'cn',
    realname_type: opts.realname_type ?? 'enterprise',
    company_name: companyName,
    ...(opts.org_code ? { org_code: opts.org_code } : { uscc }),
    mobile: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
    email: `${accountName}@example.test`,
  });
  if (res.status !== 201)
    throw new Error(`account creation failed ${res.status} ${JSON.stringify(res.body)}`);
  const token = await tokenFor(t, { account: accountName, password: PASSWORD });
  return { id: res.body.partner_account_id, accountName, token, uscc, companyName };
}

export function onboardingBody(
  a: { uscc: string; companyName: string },
  extra: Record<string, unknown> = {},
) {
  return {
    company_name: a.companyName,
    uscc: a.uscc,
    legal_representative: 'Zhang San',
    contact_name: 'Li Si',
    contact_position: 'Manager',
    contact_mobile: '13912345678',
    contact_email: 'contact@example.test',
    ...extra,
  };
}

/** An onboarded (active) partner admin: the fake registry passes by default. */
export async function newPartner(
  t: TestApp,
  opts: { uscc?: string; company_name?: string } = {},
): Promise<PartnerActor> {
  const a = await newAccount(t, opts);
  const res = await t.http
    .post('/api/v1/onboarding/applications')
    .set('X-Auth-Token', a.token)
    .send(onboardingBody(a));
  if (res.status !== 201 || res.body.status !== 'approved') {
    throw new Error(`onboarding failed ${res.status} ${JSON.stringify(res.body)}`);
  }
  return a;
}

export async function newMember(
  t: TestApp,
  partner: PartnerActor,
  roleCodes: string[],
): Promise<{ id: string; token: string; login: string }> {
  const login = `m${randomBytes(4).toString('hex')}`;
  const ctx = RequestContext.system(t.app.get(Clock), 'test');
  const member = await t.app.get(OrgMemberService).createMember(ctx, {
    partnerAccountId: partner.id,
    accountName: partner.accountName,
    loginName: login,
    displayName: login,
    email: `${login}@example.test`,
    password: PASSWORD,
    roleCodes,
  });
  const token = await tokenFor(t, { account: partner.accountName, member: login, password: PASSWORD });
  return { id: member.id, token, login };
}

export async function newReviewer(
  t: TestApp,
  roles: ReviewerRole[],
): Promise<{ id: string; email: string; token: string }> {
  const email = `rev-${randomBytes(4).toString('hex')}@example.test`;
  const ctx = RequestContext.system(t.app.get(Clock), 'test');
  const r = await t.app.get(ReviewerService).upsert(ctx, { email, name: email, roles, password: PASSWORD });
  const token = await tokenFor(t, { reviewer: email, password: PASSWORD });
  return { id: r.id, email, token };
}
