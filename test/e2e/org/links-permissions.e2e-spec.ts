/**
 * Permission table of the personal-account endpoints (org.md "Actions × actors"; ORG-018, ORG-024, ORG-026,
 * ORG-031, ORG-034): actor × endpoint → status. Write endpoints are probed with ids or names that do not
 * exist, so an actor who passes the access check gets the business 404 and nothing changes.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newMember, newReviewer, type PartnerActor } from '../../builders/actors.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';
import {
  as,
  invite,
  link,
  newPartner,
  newPersonal,
  type PersonalActor,
  setClock,
} from './personal.helpers.js';

type Actor =
  | 'admin'
  | 'memberView'
  | 'memberNoView'
  | 'addressee'
  | 'otherPersonal'
  | 'otherPartner'
  | 'pdm'
  | 'operations'
  | 'finance'
  | 'anonymous';
const ACTORS: Actor[] = [
  'admin',
  'memberView',
  'memberNoView',
  'addressee',
  'otherPersonal',
  'otherPartner',
  'pdm',
  'operations',
  'finance',
  'anonymous',
];

type Row = {
  name: string;
  method: 'get' | 'post' | 'delete';
  path: () => string;
  body?: object;
  expect: Record<Actor, number>;
};

const MISSING = '00000000-0000-4000-8000-000000000000';
/** expected statuses: partner-admin-only write, probed with an unknown id (404 once access passes) */
const ADMIN_ONLY = {
  admin: 404,
  memberView: 403,
  memberNoView: 403,
  addressee: 403,
  otherPersonal: 403,
  otherPartner: 404,
  pdm: 403,
  operations: 403,
  finance: 403,
  anonymous: 401,
};
const VIEW = {
  admin: 200,
  memberView: 200,
  memberNoView: 403,
  addressee: 403,
  otherPersonal: 403,
  otherPartner: 200,
  pdm: 403,
  operations: 403,
  finance: 403,
  anonymous: 401,
};
const PERSONAL = {
  admin: 403,
  memberView: 403,
  memberNoView: 403,
  addressee: 200,
  otherPersonal: 200,
  otherPartner: 403,
  pdm: 403,
  operations: 403,
  finance: 403,
  anonymous: 401,
};
const PERSONAL_404 = { ...PERSONAL, addressee: 404, otherPersonal: 404 };
const SPECIALIST_REVIEW = {
  admin: 403,
  memberView: 403,
  memberNoView: 403,
  addressee: 403,
  otherPersonal: 403,
  otherPartner: 403,
  pdm: 404,
  operations: 404,
  finance: 403,
  anonymous: 401,
};
const CERT_REVIEW = { ...SPECIALIST_REVIEW, pdm: 403 };

describe('permission table: personal accounts, links, certificates, specialists', () => {
  let t: TestApp;
  let a: PartnerActor;
  let tokens: Record<Actor, string | null>;
  let addressee: PersonalActor;
  let linked: PersonalActor;

  beforeAll(async () => {
    t = await createTestApp();
    await setClock(t, '2025-06-02T10:00:00+08:00');
    a = await newPartner(t);
    const memberView = await newMember(t, a, ['admin']);
    const memberNoView = await newMember(t, a, ['customer_manager']);
    addressee = await newPersonal(t);
    const otherPersonal = await newPersonal(t);
    linked = await newPersonal(t);
    await link(t, a, linked);
    const otherPartner = await newPartner(t);
    tokens = {
      admin: a.token,
      memberView: memberView.token,
      memberNoView: memberNoView.token,
      addressee: addressee.token,
      otherPersonal: otherPersonal.token,
      otherPartner: otherPartner.token,
      pdm: (await newReviewer(t, ['pdm'])).token,
      operations: (await newReviewer(t, ['operations'])).token,
      finance: (await newReviewer(t, ['finance'])).token,
      anonymous: null,
    };
  });
  afterAll(async () => {
    await t.close();
  });

  const rows: Row[] = [
    {
      name: 'POST /org/invitations',
      method: 'post',
      path: () => '/org/invitations',
      body: { tenant_name: 'nobody_at_all' },
      expect: ADMIN_ONLY,
    },
    { name: 'GET /org/invitations', method: 'get', path: () => '/org/invitations', expect: VIEW },
    {
      name: 'DELETE /org/invitations/{id}',
      method: 'delete',
      path: () => `/org/invitations/${MISSING}`,
      expect: ADMIN_ONLY,
    },
    {
      name: 'DELETE /org/links/{id}',
      method: 'delete',
      path: () => `/org/links/${MISSING}`,
      expect: ADMIN_ONLY,
    },
    { name: 'GET /org/linked-accounts', method: 'get', path: () => '/org/linked-accounts', expect: VIEW },
    {
      name: 'GET /org/linked-accounts/{id}/certificates',
      method: 'get',
      path: () => `/org/linked-accounts/${linked.id}/certificates`,
      expect: { ...VIEW, otherPartner: 404 },
    },
    {
      name: 'GET /org/certificate-summary',
      method: 'get',
      path: () => '/org/certificate-summary',
      expect: VIEW,
    },
    {
      name: 'POST /org/specialists',
      method: 'post',
      path: () => '/org/specialists',
      body: { personal_account_id: MISSING, path: 'service', employment_proof_file_id: 'f' },
      expect: { ...ADMIN_ONLY, admin: 422, otherPartner: 422 },
    },
    { name: 'GET /org/specialists', method: 'get', path: () => '/org/specialists', expect: VIEW },
    {
      name: 'GET /org/specialists/{id}',
      method: 'get',
      path: () => `/org/specialists/${MISSING}`,
      expect: { ...VIEW, admin: 404, memberView: 404, otherPartner: 404 },
    },
    {
      name: 'POST /org/specialists/{id}/withdraw',
      method: 'post',
      path: () => `/org/specialists/${MISSING}/withdraw`,
      expect: ADMIN_ONLY,
    },
    {
      name: 'POST /org/specialists/{id}/cancellation-requests',
      method: 'post',
      path: () => `/org/specialists/${MISSING}/cancellation-requests`,
      expect: ADMIN_ONLY,
    },
    {
      name: 'POST /org/specialists/{id}/cancellation-requests/withdraw',
      method: 'post',
      path: () => `/org/specialists/${MISSING}/cancellation-requests/withdraw`,
      expect: ADMIN_ONLY,
    },
    { name: 'GET /org/me', method: 'get', path: () => '/org/me', expect: PERSONAL },
    { name: 'GET /org/my-link', method: 'get', path: () => '/org/my-link', expect: PERSONAL },
    { name: 'GET /org/my-invitations', method: 'get', path: () => '/org/my-invitations', expect: PERSONAL },
    {
      name: 'POST /org/invitations/{id}/accept',
      method: 'post',
      path: () => `/org/invitations/${MISSING}/accept`,
      expect: PERSONAL_404,
    },
    {
      name: 'POST /org/invitations/{id}/decline',
      method: 'post',
      path: () => `/org/invitations/${MISSING}/decline`,
      expect: PERSONAL_404,
    },
    { name: 'GET /org/my-certificates', method: 'get', path: () => '/org/my-certificates', expect: PERSONAL },
    {
      name: 'POST /org/my-certificates',
      method: 'post',
      path: () => '/org/my-certificates',
      body: { family: 'HCIA' },
      expect: { ...PERSONAL, addressee: 400, otherPersonal: 400 },
    },
    {
      name: 'DELETE /org/my-certificates/{id}',
      method: 'delete',
      path: () => `/org/my-certificates/${MISSING}`,
      expect: PERSONAL_404,
    },
    {
      name: 'POST /org/my-certificates/sync',
      method: 'post',
      path: () => '/org/my-certificates/sync',
      expect: PERSONAL,
    },
    {
      name: 'GET /admin/org/specialists',
      method: 'get',
      path: () => '/admin/org/specialists',
      expect: { ...SPECIALIST_REVIEW, pdm: 200, operations: 200 },
    },
    {
      name: 'POST /admin/org/specialists/{id}/approve',
      method: 'post',
      path: () => `/admin/org/specialists/${MISSING}/approve`,
      expect: SPECIALIST_REVIEW,
    },
    {
      name: 'POST /admin/org/specialists/{id}/reject',
      method: 'post',
      path: () => `/admin/org/specialists/${MISSING}/reject`,
      body: { reason: 'r' },
      expect: SPECIALIST_REVIEW,
    },
    {
      name: 'POST /admin/org/specialists/{id}/approve-cancellation',
      method: 'post',
      path: () => `/admin/org/specialists/${MISSING}/approve-cancellation`,
      expect: SPECIALIST_REVIEW,
    },
    {
      name: 'POST /admin/org/specialists/{id}/refuse-cancellation',
      method: 'post',
      path: () => `/admin/org/specialists/${MISSING}/refuse-cancellation`,
      expect: SPECIALIST_REVIEW,
    },
    {
      name: 'GET /admin/org/certificates',
      method: 'get',
      path: () => '/admin/org/certificates',
      expect: { ...CERT_REVIEW, operations: 200 },
    },
    {
      name: 'POST /admin/org/certificates/{id}/approve',
      method: 'post',
      path: () => `/admin/org/certificates/${MISSING}/approve`,
      expect: CERT_REVIEW,
    },
    {
      name: 'POST /admin/org/certificates/{id}/reject',
      method: 'post',
      path: () => `/admin/org/certificates/${MISSING}/reject`,
      body: { reason: 'r' },
      expect: CERT_REVIEW,
    },
  ];

  it.each(rows.map((r) => [r.name, r] as const))(
    'ORG-018 / ORG-024 / ORG-026 / ORG-031 / ORG-034 %s: actor → status',
    async (_name, row) => {
      const seen: Record<string, number> = {};
      for (const actor of ACTORS) {
        const client = as(t, tokens[actor]);
        const res =
          row.method === 'get'
            ? await client.get(row.path())
            : row.method === 'delete'
              ? await client.delete(row.path())
              : await client.post(row.path(), row.body ?? {});
        seen[actor] = res.status;
        await t.http.post('/api/v1/admin/test/reset').send({});
      }
      expect(seen).toEqual(row.expect);
    },
  );

  it('ORG-022: only the addressee decides an invitation (another personal account → 403 ORG_INVITE_NOT_ADDRESSEE, the addressee → 200)', async () => {
    const inv = await invite(t, a, addressee);
    expect(inv.status).toBe(201);
    const other = await as(t, tokens.otherPersonal).post(`/org/invitations/${inv.body.id}/decline`);
    expect(other.status).toBe(403);
    expect(other.body.error_code).toBe('ORG_INVITE_NOT_ADDRESSEE');
    const partner = await as(t, tokens.admin).post(`/org/invitations/${inv.body.id}/accept`);
    expect(partner.status).toBe(403);
    const own = await as(t, tokens.addressee).post(`/org/invitations/${inv.body.id}/accept`);
    expect(own.status).toBe(200);
  });
});
