/**
 * Helpers of the personal-account e2e specs (links, certificates, specialists): personal accounts through the
 * test hook, their tokens, invitations and accepted links, path memberships and clock travel.
 */
import { expect } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { Response } from 'supertest';
import { newPartner, PASSWORD, type PartnerActor, tokenFor } from '../../builders/actors.js';
import type { TestApp } from '../../setup/test-app.js';

export interface PersonalActor {
  id: string;
  tenant: string;
  huaweiCloudAccountId: string;
  token: string;
}

export async function newPersonal(
  t: TestApp,
  opts: {
    tenant?: string;
    site?: string;
    account_type?: string;
    realname_status?: string;
    is_partner_account?: boolean;
    email?: string | null;
  } = {},
): Promise<PersonalActor> {
  const tenant = opts.tenant ?? `p_${randomBytes(5).toString('hex')}`;
  const res = await t.http.post('/api/v1/admin/test/personal-accounts').send({
    tenant_name: tenant,
    password: PASSWORD,
    site: opts.site ?? 'cn',
    account_type: opts.account_type ?? 'personal',
    realname_status: opts.realname_status ?? 'personal',
    is_partner_account: opts.is_partner_account ?? false,
    ...(opts.email === null ? {} : { email: opts.email ?? `${tenant}@example.test` }),
  });
  if (res.status !== 201)
    throw new Error(`personal account failed ${res.status} ${JSON.stringify(res.body)}`);
  const token = await tokenFor(t, { personal: tenant, password: PASSWORD });
  return {
    id: res.body.personal_account_id,
    tenant,
    huaweiCloudAccountId: res.body.huawei_cloud_account_id,
    token,
  };
}

export async function relogin(t: TestApp, who: PersonalActor | PartnerActor): Promise<void> {
  who.token =
    'tenant' in who
      ? await tokenFor(t, { personal: who.tenant, password: PASSWORD })
      : await tokenFor(t, { account: who.accountName, password: PASSWORD });
}

export function as(t: TestApp, token: string | null) {
  const withToken = <R extends { set(k: string, v: string): R }>(r: R): R =>
    token ? r.set('X-Auth-Token', token) : r;
  return {
    get: (path: string) => withToken(t.http.get(`/api/v1${path}`)),
    post: (path: string, body: object = {}) => withToken(t.http.post(`/api/v1${path}`)).send(body),
    put: (path: string, body: object = {}) => withToken(t.http.put(`/api/v1${path}`)).send(body),
    delete: (path: string) => withToken(t.http.delete(`/api/v1${path}`)),
  };
}

export async function setClock(t: TestApp, now: string): Promise<void> {
  const res = await t.http.put('/api/v1/admin/test/clock').send({ now });
  expect(res.status).toBe(200);
}

export async function invite(t: TestApp, partner: PartnerActor, person: PersonalActor): Promise<Response> {
  return as(t, partner.token).post('/org/invitations', { tenant_name: person.tenant });
}

/** Invites and accepts; answers the link id. */
export async function link(t: TestApp, partner: PartnerActor, person: PersonalActor): Promise<string> {
  const inv = await invite(t, partner, person);
  expect(inv.status).toBe(201);
  const acc = await as(t, person.token).post(`/org/invitations/${inv.body.id}/accept`);
  expect(acc.status).toBe(200);
  return acc.body.link_id as string;
}

export async function unlink(t: TestApp, partner: PartnerActor, linkId: string): Promise<void> {
  const res = await as(t, partner.token).delete(`/org/links/${linkId}`);
  expect(res.status).toBe(200);
}

export async function joinPaths(t: TestApp, partner: PartnerActor, paths: string[]): Promise<void> {
  const res = await t.http.put('/api/v1/admin/test/fakes/memberships').send({
    partner_account_id: partner.id,
    paths: paths.map((path) => ({ path, status: 'active' })),
  });
  expect(res.status).toBe(200);
}

export async function runJob(t: TestApp, job: string): Promise<Response> {
  const res = await t.http.post(`/api/v1/admin/jobs/${job}/run`).send({});
  expect(res.status).toBe(200);
  expect(res.body.status).toBe('succeeded');
  return res;
}

export async function outbox(t: TestApp, q: Record<string, string>): Promise<Array<Record<string, unknown>>> {
  const res = await t.http.get('/api/v1/admin/test/outbox').query(q);
  expect(res.status).toBe(200);
  return res.body.items as Array<Record<string, unknown>>;
}

export { newPartner, PASSWORD };
