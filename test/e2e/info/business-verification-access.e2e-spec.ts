/**
 * Who may call the business-info endpoints (info.md "Permissions"): actor × endpoint → status. The request
 * bodies are deliberately incomplete or the ids absent, so an allowed call fails after the guard (400/404) and
 * nothing changes; a refused one is stopped by the guard (401/403).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '../../../src/modules/org/index.js';
import { newMember, newPartner, newReviewer, type PartnerActor } from '../../builders/actors.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';

type Actor =
  | 'partner_admin'
  | 'member_view'
  | 'member_manage'
  | 'member_other_keys'
  | 'other_partner'
  | 'reviewer_operations'
  | 'reviewer_pdm'
  | 'anonymous';

interface Endpoint {
  name: string;
  method: 'get' | 'post' | 'patch';
  path: (id: string) => string;
  body?: object;
  multipart?: boolean;
  /** expected status per actor */
  expect: Record<Actor, number>;
}

const PARTNER_DENIED = { reviewer_operations: 403, reviewer_pdm: 403, anonymous: 401 };
const ADMIN_ONLY = {
  partner_admin: 403,
  member_view: 403,
  member_manage: 403,
  member_other_keys: 403,
  other_partner: 403,
  reviewer_pdm: 403,
  anonymous: 401,
};

const ENDPOINTS: Endpoint[] = [
  {
    name: 'GET /info/business-verifications',
    method: 'get',
    path: () => '/api/v1/info/business-verifications',
    expect: {
      partner_admin: 200,
      member_view: 200,
      member_manage: 403,
      member_other_keys: 403,
      other_partner: 200,
      ...PARTNER_DENIED,
    },
  },
  {
    name: 'POST /info/business-verifications',
    method: 'post',
    path: () => '/api/v1/info/business-verifications',
    body: { bank_name: 'x' },
    expect: {
      partner_admin: 400,
      member_view: 403,
      member_manage: 400,
      member_other_keys: 403,
      other_partner: 400,
      ...PARTNER_DENIED,
    },
  },
  {
    name: 'POST /info/business-verifications/{id}/bank-letter',
    method: 'post',
    path: (id) => `/api/v1/info/business-verifications/${id}/bank-letter`,
    multipart: true,
    expect: {
      partner_admin: 404,
      member_view: 403,
      member_manage: 404,
      member_other_keys: 403,
      other_partner: 404,
      ...PARTNER_DENIED,
    },
  },
  {
    name: 'GET /info/business-verifications/{id}/bank-letter/draft',
    method: 'get',
    path: (id) => `/api/v1/info/business-verifications/${id}/bank-letter/draft`,
    expect: {
      partner_admin: 404,
      member_view: 404,
      member_manage: 403,
      member_other_keys: 403,
      other_partner: 404,
      ...PARTNER_DENIED,
    },
  },
  {
    name: 'GET /admin/business-verifications',
    method: 'get',
    path: () => '/api/v1/admin/business-verifications',
    expect: { ...ADMIN_ONLY, reviewer_operations: 200 },
  },
  ...(
    [
      ['bank-letter/draft', undefined],
      ['bank-letter/accept', undefined],
      ['bank-letter/reject', { reject_reason: 'other' }],
      ['approve', undefined],
      ['fail', { reason: 'x' }],
      ['require-bank-letter', {}],
    ] as Array<[string, object | undefined]>
  ).map(([action, body]): Endpoint => ({
    name: `POST /admin/business-verifications/{id}/${action}`,
    method: 'post',
    path: (id) => `/api/v1/admin/business-verifications/${id}/${action}`,
    body,
    expect: { ...ADMIN_ONLY, reviewer_operations: 404 },
  })),
  {
    name: 'POST /admin/business-verifications/{id}/offline-bank-change',
    method: 'post',
    path: (id) => `/api/v1/admin/business-verifications/${id}/offline-bank-change`,
    body: {},
    expect: { ...ADMIN_ONLY, reviewer_operations: 400 },
  },
  {
    name: 'PATCH /admin/business-verifications/{id}/tax-data',
    method: 'patch',
    path: (id) => `/api/v1/admin/business-verifications/${id}/tax-data`,
    body: { taxpayer_type: 'general', ticket_no: 'T1' },
    expect: { ...ADMIN_ONLY, reviewer_operations: 404 },
  },
  {
    name: 'POST /admin/contracting-entity-switches',
    method: 'post',
    path: () => '/api/v1/admin/contracting-entity-switches',
    body: { partner_account_ids: [], to: 'HWCLOUD' },
    expect: { ...ADMIN_ONLY, reviewer_operations: 400 },
  },
];

describe('business info verification: permission table (info.md "Permissions"; INFO-023…INFO-034)', () => {
  let t: TestApp;
  const tokens = {} as Record<Actor, string | null>;

  beforeAll(async () => {
    t = await createTestApp();
    const p: PartnerActor = await newPartner(t);
    const other = await newPartner(t);
    const roles = t.app.get(DataSource).getRepository(Role);
    const role = async (code: string, keys: string[]) =>
      roles.save(
        roles.create({
          partnerAccountId: p.id,
          code,
          name: code,
          kind: 'custom',
          permissionKeys: keys,
          editable: true,
        }),
      );
    await role('biz_view', ['info.business.view']);
    await role('biz_manage', ['info.business.manage']);
    await role('company_only', ['info.company.view']);
    tokens.partner_admin = p.token;
    tokens.member_view = (await newMember(t, p, ['biz_view'])).token;
    tokens.member_manage = (await newMember(t, p, ['biz_manage'])).token;
    tokens.member_other_keys = (await newMember(t, p, ['company_only'])).token;
    tokens.other_partner = other.token;
    tokens.reviewer_operations = (await newReviewer(t, ['operations'])).token;
    tokens.reviewer_pdm = (await newReviewer(t, ['pdm'])).token;
    tokens.anonymous = null;
  });
  afterAll(async () => {
    await t.close();
  });

  const rows = ENDPOINTS.flatMap((e) =>
    (Object.keys(e.expect) as Actor[]).map((actor) => [e.name, actor, e.expect[actor], e] as const),
  );

  it.each(rows)('INFO-023 access: %s as %s → %i', async (_name, actor, status, e) => {
    let req = t.http[e.method](e.path(randomUUID()));
    const token = tokens[actor];
    if (token) req = req.set('X-Auth-Token', token);
    const res = await (e.multipart
      ? req.attach('file', Buffer.from('%PDF-1.4\n'), { filename: 'x.pdf', contentType: 'application/pdf' })
      : e.body
        ? req.send(e.body)
        : req);
    expect(res.status).toBe(status);
    if (status === 403) {
      const adminRoute = e.path('x').startsWith('/api/v1/admin/');
      const reviewer = actor.startsWith('reviewer');
      const code =
        adminRoute !== reviewer
          ? 'AUTH_TOKEN_TYPE_NOT_ALLOWED'
          : adminRoute
            ? 'REVIEWER_ROLE_REQUIRED'
            : 'ORG_PERMISSION_DENIED';
      expect(res.body.error_code).toBe(code);
    }
  });
});
