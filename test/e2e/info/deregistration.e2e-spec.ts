/**
 * Deregistration (FAQ 4.4.1, 5.1.12, 5.2.8, 5.3.8; info.md INFO-035…INFO-040, acceptance scenario 17) and the
 * permission table of the basic-info and deregistration endpoints, black-box over HTTP. Memberships come from
 * the certification module's MEMBERSHIP_READER fake (`PUT /api/v1/admin/test/fakes/memberships`).
 */
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  newAccount,
  newMember,
  newPartner,
  newReviewer,
  onboardingBody,
  type PartnerActor,
} from '../../builders/actors.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';

describe('deregistration (info.md INFO-035…INFO-040)', () => {
  let t: TestApp;
  let ops: { id: string; token: string };

  beforeAll(async () => {
    t = await createTestApp();
    ops = await newReviewer(t, ['operations']);
  });
  afterAll(async () => {
    await t.close();
  });

  async function memberships(body: object): Promise<void> {
    const res = await t.http.put('/api/v1/admin/test/fakes/memberships').send(body);
    expect(res.status).toBe(200);
  }
  const eligibility = (a: PartnerActor): Promise<Response> =>
    t.http.get(`/api/v1/accounts/${a.id}/deregistration-eligibility`).set('X-Auth-Token', a.token);
  const deregister = (body: object): Promise<Response> =>
    t.http
      .post('/api/v1/admin/integrations/account-center/deregistrations')
      .set('X-Auth-Token', ops.token)
      .send(body);

  it('INFO-035 INFO-036 INFO-037 INFO-038 INFO-039 scenario 17: the deregistration matrix, all reasons together', async () => {
    const p = await newPartner(t);
    const s = await newPartner(t);
    const d = await newPartner(t);
    const r = await newPartner(t);
    const all = await newPartner(t);
    await memberships({ partner_account_id: p.id, paths: [{ path: 'service', status: 'active' }] });
    await memberships({
      partner_account_id: s.id,
      programs: [{ program: 'solution_provider', status: 'expired' }],
    });
    await memberships({ partner_account_id: d.id, programs: [{ program: 'distributor', status: 'active' }] });
    await memberships({
      partner_account_id: r.id,
      programs: [{ program: 'cloud_reseller', status: 'active' }],
    });
    await memberships({
      partner_account_id: all.id,
      paths: [
        { path: 'software', status: 'exited' },
        { path: 'lp', status: 'active' },
      ],
      programs: [
        { program: 'solution_provider', status: 'exited' },
        { program: 'distributor', status: 'exited' },
        { program: 'cloud_reseller', status: 'pending_distributor_review' },
      ],
    });
    expect((await eligibility(p)).body).toEqual({
      partner_account_id: p.id,
      eligible: false,
      reasons: ['path_membership_active'],
    });
    expect((await eligibility(s)).body).toMatchObject({
      eligible: false,
      reasons: ['solution_provider_member'],
    });
    expect((await eligibility(d)).body).toMatchObject({ eligible: false, reasons: ['distributor_member'] });
    expect((await eligibility(r)).body).toMatchObject({
      eligible: false,
      reasons: ['cloud_reseller_active'],
    });
    expect((await eligibility(all)).body.reasons).toEqual([
      'path_membership_active',
      'solution_provider_member',
      'distributor_member',
      'cloud_reseller_active',
    ]);
    // INFO-039: after operations recorded the cloud reseller's exit it may go
    await memberships({
      partner_account_id: r.id,
      programs: [{ program: 'cloud_reseller', status: 'exited' }],
    });
    expect((await eligibility(r)).body).toEqual({ partner_account_id: r.id, eligible: true, reasons: [] });
    // INFO-037: an SP application pending review blocks as well (decision)
    const pending = await newPartner(t);
    await memberships({
      partner_account_id: pending.id,
      programs: [{ program: 'solution_provider', status: 'pending_review' }],
    });
    expect((await eligibility(pending)).body.reasons).toEqual(['solution_provider_member']);

    // the account center's event for S is refused with the reasons
    const blocked = await deregister({ partner_account_id: s.id });
    expect(blocked.status).toBe(409);
    expect(blocked.body).toMatchObject({
      error_code: 'INFO_DEREGISTRATION_BLOCKED',
      error_msg: 'This account cannot be deregistered.',
      details: { reasons: ['solution_provider_member'] },
    });
    const stillActive = await t.http.get('/api/v1/info/company').set('X-Auth-Token', s.token);
    expect(stillActive.status).toBe(200);
    // operations see the same answer
    const byOps = await t.http
      .get(`/api/v1/admin/accounts/${d.id}/deregistration-eligibility`)
      .set('X-Auth-Token', ops.token);
    expect(byOps.body.reasons).toEqual(['distributor_member']);
  });

  it('INFO-035 INFO-040: an eligible account is deregistered; it leaves Account info, keeps is_primary, calls answer INFO_ACCOUNT_DEREGISTERED and company-info changes need a reassigned primary', async () => {
    const a = await newPartner(t);
    const b = await newAccount(t, { uscc: a.uscc, company_name: a.companyName });
    const joined = await t.http
      .post('/api/v1/onboarding/applications')
      .set('X-Auth-Token', b.token)
      .send(onboardingBody(b));
    expect(joined.body.status).toBe('approved');
    const entityId = joined.body.legal_entity_id as string;

    const bad = await deregister({});
    expect(bad.status).toBe(400);
    expect(bad.body.error_code).toBe('INFO_FIELD_INVALID');
    expect((await deregister({ partner_account_id: '00000000-0000-4000-8000-000000000000' })).status).toBe(
      404,
    );

    const done = await deregister({ huawei_account_id: `hw-${a.accountName}` });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ partner_account_id: a.id, status: 'deregistered', is_primary: true });
    const again = await deregister({ partner_account_id: a.id });
    expect(again.body).toMatchObject({ status: 'deregistered', already_deregistered: true });

    const call = await t.http.get('/api/v1/info/company').set('X-Auth-Token', a.token);
    expect(call.status).toBe(403);
    expect(call.body.error_code).toBe('INFO_ACCOUNT_DEREGISTERED');
    const list = await t.http.get('/api/v1/info/accounts').set('X-Auth-Token', b.token);
    expect(list.body.items.map((i: { partner_account_id: string }) => i.partner_account_id)).toEqual([b.id]);
    // the primary seat is held by a deregistered account: nobody may change licence data until reassigned
    const change = await t.http
      .post('/api/v1/info/company/change-requests')
      .set('X-Auth-Token', b.token)
      .send({ business_scope: 'cloud' });
    expect(change.status).toBe(403);
    expect(change.body.error_code).toBe('INFO_PRIMARY_ACCOUNT_REQUIRED');
    const company = await t.http.get('/api/v1/info/company').set('X-Auth-Token', b.token);
    expect(company.body.primary_account_id).toBe(a.id);

    // Open point 7: operations reassign
    const moved = await t.http
      .put(`/api/v1/admin/info/legal-entities/${entityId}/primary-account`)
      .set('X-Auth-Token', ops.token)
      .send({ partner_account_id: b.id, ticket_no: 'T-DEREG-1' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ primary_account_id: b.id, previous_primary_account_id: a.id });
    const ok = await t.http
      .post('/api/v1/info/company/change-requests')
      .set('X-Auth-Token', b.token)
      .send({ business_scope: 'cloud' });
    expect(ok.status).toBe(201);
  });

  it('INFO-012 INFO-013 INFO-019 INFO-035 permission table: actor × endpoint → status', async () => {
    const primary = await newPartner(t);
    const nonPrimary = await newAccount(t, { uscc: primary.uscc, company_name: primary.companyName });
    await t.http
      .post('/api/v1/onboarding/applications')
      .set('X-Auth-Token', nonPrimary.token)
      .send(onboardingBody(nonPrimary));
    const withPerm = await newMember(t, primary, ['admin']);
    const noPerm = await newMember(t, primary, []);
    const other = await newPartner(t);
    // the registry keeps requests pending so the table's POST leaves the slot taken for nobody else
    await t.http.put('/api/v1/admin/test/fakes/company-registry').send({ [primary.uscc]: 'mismatch' });

    const id = primary.id;
    const tokens: Record<string, string | null> = {
      primaryAdmin: primary.token,
      nonPrimaryAdmin: nonPrimary.token,
      memberWithPerm: withPerm.token,
      memberNoPerm: noPerm.token,
      otherPartner: other.token,
      reviewer: ops.token,
      anonymous: null,
    };
    type Row = [string, string, object | null, Record<string, number>];
    const rows: Row[] = [
      [
        'GET',
        '/api/v1/info/company',
        null,
        {
          primaryAdmin: 200,
          nonPrimaryAdmin: 200,
          memberWithPerm: 200,
          memberNoPerm: 403,
          otherPartner: 200,
          reviewer: 403,
          anonymous: 401,
        },
      ],
      [
        'GET',
        '/api/v1/info/accounts',
        null,
        {
          primaryAdmin: 200,
          nonPrimaryAdmin: 200,
          memberWithPerm: 200,
          memberNoPerm: 403,
          otherPartner: 200,
          reviewer: 403,
          anonymous: 401,
        },
      ],
      [
        'GET',
        '/api/v1/info/profile',
        null,
        {
          primaryAdmin: 200,
          nonPrimaryAdmin: 200,
          memberWithPerm: 200,
          memberNoPerm: 403,
          otherPartner: 200,
          reviewer: 403,
          anonymous: 401,
        },
      ],
      [
        'GET',
        '/api/v1/info/message-settings',
        null,
        {
          primaryAdmin: 200,
          nonPrimaryAdmin: 200,
          memberWithPerm: 200,
          memberNoPerm: 403,
          otherPartner: 200,
          reviewer: 403,
          anonymous: 401,
        },
      ],
      [
        'PUT',
        '/api/v1/info/message-settings',
        { language: 'zh-cn', timezone: 'Asia/Shanghai' },
        {
          primaryAdmin: 200,
          nonPrimaryAdmin: 200,
          memberWithPerm: 200,
          memberNoPerm: 403,
          otherPartner: 200,
          reviewer: 403,
          anonymous: 401,
        },
      ],
      [
        'PUT',
        '/api/v1/info/account-contact',
        { name: 'N', position: 'P', mobile: '13900000000', email: 'n@example.test' },
        {
          primaryAdmin: 200,
          nonPrimaryAdmin: 200,
          memberWithPerm: 200,
          memberNoPerm: 403,
          otherPartner: 200,
          reviewer: 403,
          anonymous: 401,
        },
      ],
      [
        'PUT',
        '/api/v1/info/profile/business-contact',
        { business_email: 'b@example.test' },
        {
          primaryAdmin: 200,
          nonPrimaryAdmin: 200,
          // INFO-021: a member edits its own record; a member without any role has no access at all (ORG-005)
          memberWithPerm: 200,
          memberNoPerm: 403,
          otherPartner: 200,
          reviewer: 403,
          anonymous: 401,
        },
      ],
      [
        'PATCH',
        '/api/v1/info/company/details',
        { introduction: 'x' },
        {
          primaryAdmin: 403,
          nonPrimaryAdmin: 403,
          memberWithPerm: 403,
          memberNoPerm: 403,
          otherPartner: 403,
          reviewer: 403,
          anonymous: 401,
        },
      ],
      [
        'POST',
        '/api/v1/info/company/change-requests',
        { business_scope: 'table' },
        {
          primaryAdmin: 201,
          nonPrimaryAdmin: 403,
          memberWithPerm: 403,
          memberNoPerm: 403,
          otherPartner: 201,
          reviewer: 403,
          anonymous: 401,
        },
      ],
      [
        'GET',
        `/api/v1/accounts/${id}/customer-identity`,
        null,
        {
          primaryAdmin: 200,
          nonPrimaryAdmin: 404,
          memberWithPerm: 200,
          memberNoPerm: 403,
          otherPartner: 404,
          reviewer: 403,
          anonymous: 401,
        },
      ],
      [
        'GET',
        `/api/v1/accounts/${id}/deregistration-eligibility`,
        null,
        {
          primaryAdmin: 200,
          nonPrimaryAdmin: 404,
          memberWithPerm: 403,
          memberNoPerm: 403,
          otherPartner: 404,
          reviewer: 403,
          anonymous: 401,
        },
      ],
      [
        'GET',
        `/api/v1/admin/accounts/${id}/deregistration-eligibility`,
        null,
        {
          primaryAdmin: 403,
          nonPrimaryAdmin: 403,
          memberWithPerm: 403,
          memberNoPerm: 403,
          otherPartner: 403,
          reviewer: 200,
          anonymous: 401,
        },
      ],
      [
        'GET',
        '/api/v1/admin/info/company-change-requests',
        null,
        {
          primaryAdmin: 403,
          nonPrimaryAdmin: 403,
          memberWithPerm: 403,
          memberNoPerm: 403,
          otherPartner: 403,
          reviewer: 200,
          anonymous: 401,
        },
      ],
    ];
    const failures: string[] = [];
    for (const [method, path, body, expected] of rows) {
      for (const [actor, status] of Object.entries(expected)) {
        const token = tokens[actor];
        let req = t.http[method.toLowerCase() as 'get' | 'put' | 'post' | 'patch'](path);
        if (token) req = req.set('X-Auth-Token', token);
        const res = body ? await req.send(body) : await req;
        if (res.status !== status)
          failures.push(
            `${actor} ${method} ${path}: ${res.status} (want ${status}) ${JSON.stringify(res.body)}`,
          );
      }
    }
    expect(failures).toEqual([]);
    // a reviewer without the operations role is refused on the integration endpoint
    const pdm = await newReviewer(t, ['pdm']);
    const refused = await t.http
      .post('/api/v1/admin/integrations/account-center/deregistrations')
      .set('X-Auth-Token', pdm.token)
      .send({ partner_account_id: id });
    expect(refused.status).toBe(403);
  });
});
