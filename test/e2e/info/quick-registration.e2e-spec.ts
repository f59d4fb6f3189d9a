/**
 * Quick registration of a new account (FAQ 5.1.14/5.1.15; info.md INFO-041…INFO-045) and its expiry job J-INFO-5,
 * with time travel through the test clock. Acceptance scenario 18 with its own instants.
 */
import type { Response } from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { AuditService } from '../../../libs/audit/index.js';
import {
  newAccount,
  newMember,
  newPartner,
  newReviewer,
  onboardingBody,
  PASSWORD,
  type PartnerActor,
  tokenFor,
} from '../../builders/actors.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';

type Res = Response;

describe('quick registration (FAQ 5.1.14/5.1.15; info.md INFO-041…INFO-045, J-INFO-5)', () => {
  let t: TestApp;
  let ops: { id: string; token: string };

  beforeAll(async () => {
    t = await createTestApp();
    ops = await newReviewer(t, ['operations']);
  });
  afterEach(async () => {
    await t.http.delete('/api/v1/admin/test/clock');
    await t.http.post('/api/v1/admin/test/reset').send({});
  });
  afterAll(async () => {
    await t.close();
  });

  // --- helpers ----------------------------------------------------------------------------------------------

  async function clock(now: string): Promise<void> {
    const res = await t.http.put('/api/v1/admin/test/clock').send({ now });
    expect(res.status).toBe(200);
  }

  /** Tokens live 24 h on the injected clock: after travelling a day, log in again. */
  async function relogin(a: PartnerActor): Promise<void> {
    a.token = await tokenFor(t, { account: a.accountName, password: PASSWORD });
  }

  let mobileSeq = 0;
  function freshMobile(): string {
    mobileSeq++;
    return `136${String((process.pid % 10000) * 1000 + mobileSeq).padStart(8, '0')}`;
  }

  function newAccountBody(extra: Record<string, unknown> = {}) {
    const name = `quick-${randomBytes(5).toString('hex')}`;
    return {
      account_name: name,
      password: PASSWORD,
      mobile: freshMobile(),
      email: `${name}@example.test`,
      ...extra,
    };
  }

  function post(path: string, token: string, body: object = {}): Promise<Res> {
    return t.http.post(`/api/v1/quick-registrations${path}`).set('X-Auth-Token', token).send(body);
  }

  function get(path: string, token: string): Promise<Res> {
    return t.http.get(path).set('X-Auth-Token', token);
  }

  async function start(a: PartnerActor, purpose?: string): Promise<Res> {
    const res = await post('', a.token, purpose ? { purpose } : {});
    expect(res.status).toBe(201);
    return res;
  }

  async function verified(a: PartnerActor, purpose?: string): Promise<Res> {
    const qr = await start(a, purpose);
    const res = await post(`/${qr.body.id}/verify`, a.token, { code: '123456' });
    expect(res.status).toBe(200);
    return res;
  }

  function runJob(): Promise<Res> {
    return t.http.post('/api/v1/admin/jobs/J-INFO-5/run').send({});
  }

  async function statusOf(a: PartnerActor, id: string): Promise<string> {
    const res = await get(`/api/v1/quick-registrations/${id}`, a.token);
    expect(res.status).toBe(200);
    return res.body.status;
  }

  // --- acceptance scenario 18 ----------------------------------------------------------------------------------

  it('INFO-043 / INFO-045 scenario 18: verified at 2025-03-01T10:00+08:00 (expires_at 2025-03-02T02:00:00Z), registered at 2025-03-02T09:59+08:00 → succeeds and fast-onboards into the same legal entity', async () => {
    await clock('2025-03-01T10:00:00+08:00');
    const s = await newPartner(t);
    const sCompany = (await get('/api/v1/info/company', s.token)).body;

    const qr = await start(s, 'join_solution_provider');
    expect(qr.body).toMatchObject({
      source_account_id: s.id,
      purpose: 'join_solution_provider',
      status: 'code_sent',
      code_sent_at: '2025-03-01T02:00:00.000Z',
      verified_at: null,
      expires_at: null,
    });
    const v = await post(`/${qr.body.id}/verify`, s.token, { code: '123456' });
    expect(v.status).toBe(200);
    expect(v.body.status).toBe('verified');
    expect(Date.parse(v.body.verified_at)).toBe(Date.parse('2025-03-01T02:00:00Z'));
    expect(Date.parse(v.body.expires_at)).toBe(Date.parse('2025-03-02T02:00:00Z'));

    await clock('2025-03-02T09:59:00+08:00');
    const body = newAccountBody();
    const reg = await post(`/${qr.body.id}/register`, s.token, body);
    expect(reg.status).toBe(201);
    expect(reg.body).toMatchObject({
      id: qr.body.id,
      status: 'consumed',
      next_step: 'onboard',
      continue_with: 'join_solution_provider',
      new_account: { account_name: body.account_name, site: 'cn', status: 'registered' },
    });
    expect(reg.body.new_account_id).toBe(reg.body.new_account.partner_account_id);

    // the new account logs in, sees its company is already a partner and fast-onboards (INFO-006)
    const n: PartnerActor = {
      id: reg.body.new_account.partner_account_id,
      accountName: body.account_name,
      token: await tokenFor(t, { account: body.account_name, password: PASSWORD }),
      uscc: sCompany.uscc,
      companyName: sCompany.company_name,
    };
    const pre = await get('/api/v1/onboarding/precheck', n.token);
    expect(pre.body).toMatchObject({
      enterprise_realname_verified: true,
      legal_entity_already_partner: true,
      company: { legal_entity_id: sCompany.legal_entity_id },
    });
    const onboarded = await t.http
      .post('/api/v1/onboarding/applications')
      .set('X-Auth-Token', n.token)
      .send(onboardingBody(n, { contact_mobile: body.mobile, contact_email: body.email }));
    expect(onboarded.status).toBe(201);
    expect(onboarded.body).toMatchObject({
      status: 'approved',
      fast_onboarding: true,
      is_primary: false,
      partner_account_status: 'active',
      legal_entity_id: sCompany.legal_entity_id,
      continue_with: 'join_solution_provider',
    });
    const accounts = await get('/api/v1/info/accounts', s.token);
    expect(
      accounts.body.items.map((x: { partner_account_id: string }) => x.partner_account_id).sort(),
    ).toEqual([s.id, n.id].sort());

    const audit = await t.app.get(AuditService).forEntity('quick_registration', qr.body.id);
    expect(audit.map((r) => r.action).sort()).toEqual(
      ['quick_registration.code_sent', 'quick_registration.consumed', 'quick_registration.verified'].sort(),
    );
    expect(audit.every((r) => r.actorKind === 'partner' && r.actorId === s.id)).toBe(true);
  });

  it('INFO-043 scenario 18: registered at 2025-03-02T10:01+08:00 → 409 INFO_QUICK_REG_LINK_EXPIRED, checked on use before J-INFO-5 ran; verify again with a new quick registration', async () => {
    await clock('2025-03-01T10:00:00+08:00');
    const s = await newPartner(t);
    const v = await verified(s, 'join_path_for_level_upgrade');
    expect(Date.parse(v.body.expires_at)).toBe(Date.parse('2025-03-02T02:00:00Z'));

    await clock('2025-03-02T10:01:00+08:00');
    await relogin(s);
    const body = newAccountBody();
    const reg = await post(`/${v.body.id}/register`, s.token, body);
    expect(reg.status).toBe(409);
    expect(reg.body.error_code).toBe('INFO_QUICK_REG_LINK_EXPIRED');
    // closed lazily (the job has not run) and the account does not exist
    expect(await statusOf(s, v.body.id)).toBe('expired');
    const login = await t.http
      .post('/api/v1/auth/tokens')
      .send({ account: body.account_name, password: PASSWORD });
    expect(login.status).toBe(401);
    const again = await post(`/${v.body.id}/register`, s.token, body);
    expect([again.status, again.body.error_code]).toEqual([409, 'INFO_QUICK_REG_LINK_EXPIRED']);
    const reverify = await post(`/${v.body.id}/verify`, s.token, { code: '123456' });
    expect([reverify.status, reverify.body.error_code]).toEqual([409, 'INFO_QUICK_REG_STATE_INVALID']);

    const fresh = await verified(s, 'join_path_for_level_upgrade');
    const ok = await post(`/${fresh.body.id}/register`, s.token, body);
    expect(ok.status).toBe(201);
    expect(ok.body.continue_with).toBe('explore_paths');
  });

  it('INFO-044 scenario 18: registering with a mobile number that is already registered → 409 INFO_PHONE_ALREADY_REGISTERED (and an existing account name → 409 INFO_ACCOUNT_NAME_TAKEN)', async () => {
    const taken = newAccountBody();
    const existing = await t.http.post('/api/v1/admin/test/accounts').send({
      account_name: taken.account_name,
      password: PASSWORD,
      mobile: taken.mobile,
    });
    expect(existing.status).toBe(201);

    const s = await newPartner(t);
    const v = await verified(s);
    const phone = await post(`/${v.body.id}/register`, s.token, newAccountBody({ mobile: taken.mobile }));
    expect([phone.status, phone.body.error_code]).toEqual([409, 'INFO_PHONE_ALREADY_REGISTERED']);
    const name = await post(
      `/${v.body.id}/register`,
      s.token,
      newAccountBody({ account_name: taken.account_name }),
    );
    expect([name.status, name.body.error_code]).toEqual([409, 'INFO_ACCOUNT_NAME_TAKEN']);
    // the existing account keeps its password
    expect(
      (await t.http.post('/api/v1/auth/tokens').send({ account: taken.account_name, password: PASSWORD }))
        .status,
    ).toBe(201);
    expect(await statusOf(s, v.body.id)).toBe('verified');

    // the new account's mobile is then registered as well
    const first = newAccountBody();
    expect((await post(`/${v.body.id}/register`, s.token, first)).status).toBe(201);
    const v2 = await verified(s);
    const reuse = await post(`/${v2.body.id}/register`, s.token, newAccountBody({ mobile: first.mobile }));
    expect([reuse.status, reuse.body.error_code]).toEqual([409, 'INFO_PHONE_ALREADY_REGISTERED']);
  });

  // --- rules ----------------------------------------------------------------------------------------------------

  it('INFO-042 a wrong code → 422 INFO_QUICK_REG_CODE_INVALID and the link stays code_sent; registering before verification → 409 INFO_QUICK_REG_STATE_INVALID', async () => {
    const s = await newPartner(t);
    const qr = await start(s);
    const early = await post(`/${qr.body.id}/register`, s.token, newAccountBody());
    expect([early.status, early.body.error_code]).toEqual([409, 'INFO_QUICK_REG_STATE_INVALID']);

    await t.http.put('/api/v1/admin/test/fakes/identity').send({ verification_code: '654321' });
    const wrong = await post(`/${qr.body.id}/verify`, s.token, { code: '123456' });
    expect([wrong.status, wrong.body.error_code]).toEqual([422, 'INFO_QUICK_REG_CODE_INVALID']);
    expect(await statusOf(s, qr.body.id)).toBe('code_sent');
    const missing = await post(`/${qr.body.id}/verify`, s.token, {});
    expect([missing.status, missing.body.error_code, missing.body.details]).toEqual([
      400,
      'INFO_FIELD_INVALID',
      { field: 'code' },
    ]);
    const right = await post(`/${qr.body.id}/verify`, s.token, { code: '654321' });
    expect(right.status).toBe(200);
    expect(right.body.status).toBe('verified');
    const twice = await post(`/${qr.body.id}/verify`, s.token, { code: '654321' });
    expect([twice.status, twice.body.error_code]).toEqual([409, 'INFO_QUICK_REG_STATE_INVALID']);
  });

  it('INFO-041 only the partner admin of an onboarded account: org member → 403 ORG_ADMIN_REQUIRED, not onboarded → 403 INFO_NOT_ONBOARDED, reviewer token → 403, another account’s link → 404', async () => {
    const s = await newPartner(t);
    const v = await verified(s);
    const member = await newMember(t, s, ['admin']);
    for (const path of ['', `/${v.body.id}/verify`, `/${v.body.id}/register`]) {
      const r = await post(
        path,
        member.token,
        path.endsWith('register') ? newAccountBody() : { code: '123456' },
      );
      expect([path, r.status, r.body.error_code]).toEqual([path, 403, 'ORG_ADMIN_REQUIRED']);
    }
    const newcomer = await newAccount(t);
    const notOnboarded = await post('', newcomer.token);
    expect([notOnboarded.status, notOnboarded.body.error_code]).toEqual([403, 'INFO_NOT_ONBOARDED']);
    const reviewer = await post('', ops.token);
    expect([reviewer.status, reviewer.body.error_code]).toEqual([403, 'AUTH_TOKEN_TYPE_NOT_ALLOWED']);

    const other = await newPartner(t);
    const foreign = await post(`/${v.body.id}/register`, other.token, newAccountBody());
    expect([foreign.status, foreign.body.error_code]).toEqual([404, 'INFO_QUICK_REG_NOT_FOUND']);
    expect((await get(`/api/v1/quick-registrations/${v.body.id}`, other.token)).status).toBe(404);

    const badPurpose = await post('', s.token, { purpose: 'become_distributor' });
    expect([badPurpose.status, badPurpose.body.error_code, badPurpose.body.details]).toEqual([
      400,
      'INFO_FIELD_INVALID',
      { field: 'purpose' },
    ]);
    const badMobile = await post(`/${v.body.id}/register`, s.token, newAccountBody({ mobile: '555' }));
    expect([badMobile.status, badMobile.body.details]).toEqual([400, { field: 'mobile' }]);
    expect((await post('', s.token)).body.purpose).toBe('join_solution_provider'); // the default purpose
  });

  it('INFO-045 the new account onboards like any other: a real-name USCC that differs from the source company → 422 INFO_REALNAME_MISMATCH', async () => {
    const s = await newPartner(t);
    const v = await verified(s, 'join_cloud_reseller');
    const body = newAccountBody();
    const reg = await post(`/${v.body.id}/register`, s.token, body);
    expect(reg.body.continue_with).toBe('await_distributor_invitation');
    await t.http
      .put('/api/v1/admin/test/fakes/identity')
      .send({ accounts: [{ account_name: body.account_name, uscc: '91440300MA5XXXXXXX' }] });
    const token = await tokenFor(t, { account: body.account_name, password: PASSWORD });
    const res = await t.http
      .post('/api/v1/onboarding/applications')
      .set('X-Auth-Token', token)
      .send(onboardingBody(s));
    expect([res.status, res.body.error_code]).toEqual([422, 'INFO_REALNAME_MISMATCH']);
  });

  it('J-INFO-5 hourly expiry through the exclusive runner: verified links with expires_at < now become expired, the job is idempotent, code_sent links are untouched', async () => {
    await clock('2025-04-01T10:00:00+08:00');
    const s = await newPartner(t);
    const early = await verified(s); // expires 2025-04-02T02:00Z
    const unverified = await start(s);
    await clock('2025-04-01T11:00:00+08:00');
    const later = await verified(s); // expires 2025-04-02T03:00Z

    await clock('2025-04-02T10:30:00+08:00');
    const run = await runJob();
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({
      job: 'J-INFO-5',
      status: 'succeeded',
      summary: { expired: 1, as_of: '2025-04-02T02:30:00.000Z' },
    });
    expect(run.body.run_id).toEqual(expect.any(String));
    await relogin(s);
    expect(await statusOf(s, early.body.id)).toBe('expired');
    expect(await statusOf(s, later.body.id)).toBe('verified');
    expect(await statusOf(s, unverified.body.id)).toBe('code_sent');

    const second = await runJob();
    expect(second.body).toMatchObject({ status: 'succeeded', summary: { expired: 0 } });
    expect(await statusOf(s, early.body.id)).toBe('expired');

    // expires_at itself is still inside the window; one second later it is not
    await clock('2025-04-02T11:00:00+08:00');
    expect((await runJob()).body.summary.expired).toBe(0);
    await clock('2025-04-02T11:00:01+08:00');
    expect((await runJob()).body.summary.expired).toBe(1);
    expect(await statusOf(s, later.body.id)).toBe('expired');

    const reg = await post(`/${early.body.id}/register`, s.token, newAccountBody());
    expect([reg.status, reg.body.error_code]).toEqual([409, 'INFO_QUICK_REG_LINK_EXPIRED']);

    const rows = await t.app.get(AuditService).forEntity('quick_registration', early.body.id);
    const expiry = rows.find((r) => r.action === 'quick_registration.expired')!;
    expect(expiry).toMatchObject({ actorKind: 'system', actorId: 'J-INFO-5', partnerAccountId: s.id });
    expect(expiry.before).toMatchObject({ status: 'verified' });
    expect(expiry.after).toMatchObject({ status: 'expired' });

    const jobs = await get('/api/v1/admin/jobs', ops.token);
    const job = jobs.body.items.find((j: { job: string }) => j.job === 'J-INFO-5');
    expect(job).toMatchObject({
      schedule: 'hourly',
      last_run: { status: 'succeeded', summary: { expired: 1 } },
    });
  });

  it('INFO-041…INFO-043 operations can list quick registrations (read-only); other reviewer roles → 403', async () => {
    const s = await newPartner(t);
    const v = await verified(s);
    const list = await t.http
      .get('/api/v1/admin/quick-registrations')
      .query({ source_account_id: s.id, status: 'verified' })
      .set('X-Auth-Token', ops.token);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total_count: 1, items: [{ id: v.body.id, status: 'verified' }] });
    const pdm = await newReviewer(t, ['pdm']);
    const denied = await get('/api/v1/admin/quick-registrations', pdm.token);
    expect([denied.status, denied.body.error_code]).toEqual([403, 'REVIEWER_ROLE_REQUIRED']);
    const partner = await get('/api/v1/admin/quick-registrations', s.token);
    expect([partner.status, partner.body.error_code]).toEqual([403, 'AUTH_TOKEN_TYPE_NOT_ALLOWED']);
  });
});
