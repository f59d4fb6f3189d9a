/**
 * Helpers of the partner-program e2e specs (certification-paths.md PROG-*): onboarded accounts with their legal
 * entity, reviewers, SP memberships, distributors, clock travel, jobs, outbox and PDF metadata.
 */
import { expect } from '@jest/globals';
import type { Response } from 'supertest';
import { readPdfMetadata } from '../../../libs/pdf/index.js';
import {
  newAccount,
  newReviewer,
  onboardingBody,
  PASSWORD,
  type PartnerActor,
  tokenFor,
  uniqueUscc,
} from '../../builders/actors.js';
import type { TestApp } from '../../setup/test-app.js';

export interface Partner extends PartnerActor {
  legalEntityId: string;
}

export type Reviewer = { id: string; email: string; token: string };

export function as(t: TestApp, token: string | null) {
  const withToken = <R extends { set(k: string, v: string): R }>(r: R): R =>
    token ? r.set('X-Auth-Token', token) : r;
  return {
    get: (path: string) => withToken(t.http.get(`/api/v1${path}`)),
    post: (path: string, body: object = {}) => withToken(t.http.post(`/api/v1${path}`)).send(body),
    put: (path: string, body: object = {}) => withToken(t.http.put(`/api/v1${path}`)).send(body),
  };
}

/** An onboarded account; `sameAs` puts it in the legal entity of another partner. */
export async function partner(t: TestApp, opts: { sameAs?: Partner } = {}): Promise<Partner> {
  const a = await newAccount(
    t,
    opts.sameAs ? { uscc: opts.sameAs.uscc, company_name: opts.sameAs.companyName } : {},
  );
  const res = await t.http
    .post('/api/v1/onboarding/applications')
    .set('X-Auth-Token', a.token)
    .send(onboardingBody(a));
  if (res.status !== 201 || res.body.status !== 'approved') {
    throw new Error(`onboarding failed ${res.status} ${JSON.stringify(res.body)}`);
  }
  return { ...a, legalEntityId: res.body.legal_entity_id as string };
}

/** An onboarded account registered without an e-mail address (email_bound = false). */
export async function partnerWithoutEmail(t: TestApp, sameAs?: Partner): Promise<Partner> {
  const name = `noemail-${Math.random().toString(16).slice(2, 10)}`;
  const uscc = sameAs?.uscc ?? uniqueUscc();
  const companyName = sameAs?.companyName ?? `无邮箱公司${name}`;
  const created = await t.http.post('/api/v1/admin/test/accounts').send({
    account_name: name,
    password: PASSWORD,
    realname_type: 'enterprise',
    company_name: companyName,
    uscc,
    mobile: '13900000000',
  });
  expect(created.status).toBe(201);
  const token = await tokenFor(t, { account: name, password: PASSWORD });
  const actor = {
    id: created.body.partner_account_id as string,
    accountName: name,
    token,
    uscc,
    companyName,
  };
  const res = await t.http
    .post('/api/v1/onboarding/applications')
    .set('X-Auth-Token', token)
    .send(onboardingBody(actor));
  expect(res.status).toBe(201);
  return { ...actor, legalEntityId: res.body.legal_entity_id as string };
}

/** Binds an e-mail to the account (the account center reports it). */
export async function bindEmail(t: TestApp, p: Partner): Promise<void> {
  const res = await t.http.post('/api/v1/admin/test/accounts').send({
    account_name: p.accountName,
    password: PASSWORD,
    realname_type: 'enterprise',
    email: `${p.accountName}@example.test`,
  });
  expect(res.status).toBe(201);
}

export async function reviewers(t: TestApp) {
  const [ops, pdm, bd, psa] = await Promise.all([
    newReviewer(t, ['operations']),
    newReviewer(t, ['pdm']),
    newReviewer(t, ['bd']),
    newReviewer(t, ['psa']),
  ]);
  return { ops, pdm, bd, psa };
}

export async function setClock(t: TestApp, now: string): Promise<void> {
  const res = await t.http.put('/api/v1/admin/test/clock').send({ now });
  expect(res.status).toBe(200);
}

/** Travels the clock and logs the actors in again (tokens live 24 h on the clock). */
export async function travel(t: TestApp, now: string, actors: Array<Partner | Reviewer>): Promise<void> {
  await setClock(t, now);
  for (const a of actors) {
    a.token =
      'accountName' in a
        ? await tokenFor(t, { account: a.accountName, password: PASSWORD })
        : await tokenFor(t, { reviewer: a.email, password: PASSWORD });
  }
}

export async function runJob(t: TestApp, job: string): Promise<Record<string, unknown>> {
  const res = await t.http.post(`/api/v1/admin/jobs/${job}/run`).send({});
  expect(res.status).toBe(200);
  expect(res.body.status).toBe('succeeded');
  return res.body as Record<string, unknown>;
}

export async function outbox(t: TestApp, q: Record<string, string>): Promise<Array<Record<string, unknown>>> {
  const res = await t.http.get('/api/v1/admin/test/outbox').query(q);
  expect(res.status).toBe(200);
  return res.body.items as Array<Record<string, unknown>>;
}

export async function fake(t: TestApp, port: string, body: object): Promise<void> {
  const res = await t.http.put(`/api/v1/admin/test/fakes/${port}`).send(body);
  expect(res.status).toBe(200);
}

/** SP application + operations approval; answers the active membership. */
export async function activeSp(t: TestApp, ops: Reviewer, p: Partner): Promise<Record<string, unknown>> {
  const applied = await as(t, p.token).post('/programs/solution-provider/applications', {
    representative_office: 'Beijing',
  });
  expect(applied.status).toBe(201);
  const approved = await as(t, ops.token).post(`/admin/programs/memberships/${applied.body.id}/approve`);
  expect(approved.status).toBe(200);
  expect(approved.body.status).toBe('active');
  return approved.body as Record<string, unknown>;
}

/** PDM invitation + acceptance; answers the active distributor membership. */
export async function activeDistributor(
  t: TestApp,
  pdm: Reviewer,
  p: Partner,
  type: 'national' | 'regional' = 'national',
): Promise<Record<string, unknown>> {
  const inv = await as(t, pdm.token).post('/admin/programs/distributor-invitations', {
    partner_account_id: p.id,
    distributor_type: type,
    ...(type === 'regional' ? { region_class: 2 } : {}),
  });
  expect(inv.status).toBe(201);
  const acc = await as(t, p.token).post(`/programs/distributor-invitations/${inv.body.id}/accept`);
  expect(acc.status).toBe(200);
  expect(acc.body.status).toBe('active');
  return acc.body as Record<string, unknown>;
}

export function expectError(res: Response, status: number, code: string): void {
  expect({ status: res.status, code: res.body.error_code }).toEqual({ status, code });
}

/** Reads the PDF certificate's metadata (libs/pdf). */
export function pdfMetadata(res: Response): Record<string, string> {
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toContain('application/pdf');
  return readPdfMetadata(res.body as Buffer);
}

/** Joins a development path through the paths API. */
export async function joinPath(t: TestApp, p: Partner, path: string): Promise<string> {
  const res = await as(t, p.token).post('/paths/memberships', { path });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/** GET of a binary download (the PDF certificate) with the body as a Buffer. */
export function download(t: TestApp, token: string, path: string) {
  return t.http
    .get(`/api/v1${path}`)
    .set('X-Auth-Token', token)
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const json = String(res.headers['content-type'] ?? '').includes('json');
        cb(null, json ? (JSON.parse(body.toString('utf8')) as unknown) : body);
      });
    });
}
