/**
 * Helpers of the opportunity e2e specs: PCE members, reviewers with flags, rep offices, offerings and path
 * stages through the fakes, PO drafts and their way through review and verification, HOs, clock and outbox.
 */
import { expect } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { Clock } from '../../../libs/clock/index.js';
import { RequestContext, type ReviewerRole } from '../../../libs/context/index.js';
import { ReviewerService } from '../../../src/platform/index.js';
import { newPartner, PASSWORD, type PartnerActor, tokenFor } from '../../builders/actors.js';
import type { TestApp } from '../../setup/test-app.js';

export interface Reviewer {
  id: string;
  email: string;
  token: string;
}

export function as(t: TestApp, token: string | null) {
  const w = <R extends { set(k: string, v: string): R }>(r: R): R =>
    token ? r.set('X-Auth-Token', token) : r;
  return {
    get: (path: string) => w(t.http.get(`/api/v1${path}`)),
    post: (path: string, body: object = {}) => w(t.http.post(`/api/v1${path}`)).send(body),
    put: (path: string, body: object = {}) => w(t.http.put(`/api/v1${path}`)).send(body),
    patch: (path: string, body: object = {}) => w(t.http.patch(`/api/v1${path}`)).send(body),
    delete: (path: string) => w(t.http.delete(`/api/v1${path}`)),
  };
}

export async function reviewer(t: TestApp, roles: ReviewerRole[], flags: string[] = []): Promise<Reviewer> {
  const email = `rev-${randomBytes(4).toString('hex')}@example.test`;
  const ctx = RequestContext.system(t.app.get(Clock), 'test');
  const r = await t.app
    .get(ReviewerService)
    .upsert(ctx, { email, name: email, roles, flags, password: PASSWORD });
  const token = await tokenFor(t, { reviewer: email, password: PASSWORD });
  return { id: r.id, email, token };
}

export async function setClock(t: TestApp, now: string): Promise<void> {
  const res = await t.http.put('/api/v1/admin/test/clock').send({ now });
  expect(res.status).toBe(200);
}

export async function runJob(t: TestApp, name: string) {
  const res = await t.http.post(`/api/v1/admin/jobs/${name}/run`).send({});
  expect(res.status).toBe(200);
  return res.body;
}

export async function outbox(t: TestApp, q: Record<string, string>) {
  const res = await t.http.get('/api/v1/admin/test/outbox').query(q);
  expect(res.status).toBe(200);
  return res.body.items as Array<{
    channel: string;
    to: string;
    template: string;
    params: Record<string, unknown>;
  }>;
}

export async function fake(t: TestApp, port: string, body: object): Promise<void> {
  const res = await t.http.put(`/api/v1/admin/test/fakes/${port}`).send(body);
  expect(res.status).toBe(200);
}

export async function joinPce(t: TestApp, p: PartnerActor): Promise<void> {
  const res = await as(t, p.token).post('/pce/enrollment', {
    agreement_accepted: true,
    update_commitment: true,
  });
  expect(res.status).toBe(201);
}

export async function pceMember(t: TestApp): Promise<PartnerActor> {
  const p = await newPartner(t);
  await joinPce(t, p);
  return p;
}

/** HO eligibility (OPP-060): a role-certified path and an offering. */
export async function makeHoEligible(
  t: TestApp,
  p: PartnerActor,
  offerings = [{ offering_id: `off-${p.id.slice(0, 6)}` }],
) {
  await fake(t, 'memberships', {
    partner_account_id: p.id,
    paths: [{ path: 'software', status: 'active', stage: 'role_certification' }],
  });
  await fake(t, 'pce-offerings', { partner_account_id: p.id, offerings });
}

export async function repOffice(
  t: TestApp,
  ops: Reviewer,
  code: string,
  body: { provinces: string[]; pdm_ids?: string[]; psm_ids?: string[]; bd_ids?: string[] },
) {
  const res = await as(t, ops.token).put(`/admin/pce/rep-offices/${code}`, { name: code, ...body });
  expect(res.status).toBe(200);
  return res.body;
}

export function validPo(extra: Record<string, unknown> = {}) {
  return {
    customer_name: 'Acme Ltd',
    customer_account_id: 'cust-acct-1',
    customer_contact_name: 'Wang Wu',
    customer_contact_phone: '13800000000',
    province: 'GD',
    city: 'SZ',
    industry: 'manufacturing',
    budget_amount: '500000.00',
    expected_purchase_date: '2025-09-01',
    incremental_revenue: '120000.00',
    description: 'Migrate the ERP system to Huawei Cloud; tender preparation in Q3.',
    customer_consent_confirmed: true,
    ...extra,
  };
}

export async function draft(
  t: TestApp,
  p: PartnerActor,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const res = await as(t, p.token).post('/opportunities', validPo(extra));
  expect(res.status).toBe(201);
  expect(res.body.status).toBe('draft');
  return res.body.id as string;
}

export async function submitted(
  t: TestApp,
  p: PartnerActor,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const id = await draft(t, p, extra);
  const res = await as(t, p.token).post(`/opportunities/${id}/submit`, {});
  expect(res.status).toBe(200);
  expect(res.body.status).toBe('pending_review');
  return id;
}

export async function approved(
  t: TestApp,
  p: PartnerActor,
  pdm: Reviewer,
  extra: Record<string, unknown> = {},
) {
  const id = await submitted(t, p, extra);
  const res = await as(t, pdm.token).post(`/admin/opportunities/${id}/review`, { decision: 'approve' });
  expect(res.status).toBe(200);
  expect(res.body.status).toBe('pending_verification');
  return id;
}

export function shareBody(p: PartnerActor, extra: Record<string, unknown> = {}) {
  return {
    partner_account_id: p.id,
    customer_name: 'Contoso Ltd',
    crm_opportunity_id: `crm-ho-${randomBytes(3).toString('hex')}`,
    crm_created_at: '2025-03-01T01:00:00Z',
    ...extra,
  };
}

/** New tokens after a clock jump of more than a day (tokens live 24 h on the injected clock). */
export async function refresh(t: TestApp, ...actors: Array<PartnerActor | Reviewer>): Promise<void> {
  for (const a of actors) {
    a.token =
      'accountName' in a
        ? await tokenFor(t, { account: a.accountName, password: PASSWORD })
        : await tokenFor(t, { reviewer: a.email, password: PASSWORD });
  }
}

/** Frozen test clocks make every request fall in one throttling window: lift the limit for these suites. */
export const NO_THROTTLE = { RATE_LIMIT_PER_SECOND: '100000' };
