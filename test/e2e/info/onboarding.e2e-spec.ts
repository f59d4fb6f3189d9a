/**
 * Onboarding to the partner network (FAQ 3; info.md INFO-001…INFO-011, J-INFO-1), black-box over HTTP with the
 * acceptance scenarios' own numbers. The tests of this file share one database: the USCC 91310117557415205K
 * belongs to the lazily created account A (its first, primary account); every other test uses its own codes.
 */
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuditService } from '../../../libs/audit/index.js';
import { Clock } from '../../../libs/clock/index.js';
import { RequestContext } from '../../../libs/context/index.js';
import { PartnerAccountService } from '../../../src/modules/info/index.js';
import {
  newAccount,
  newMember,
  newReviewer,
  onboardingBody,
  type PartnerActor,
  uniqueUscc,
} from '../../builders/actors.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';

const USCC = '91310117557415205K';
const COMPANY = '上海某某科技有限公司';

type Res = Response;

describe('onboarding (FAQ 3; info.md INFO-001…INFO-011)', () => {
  let t: TestApp;
  let ops: { id: string; token: string };

  beforeAll(async () => {
    t = await createTestApp();
    ops = await newReviewer(t, ['operations']);
  });
  afterAll(async () => {
    await t.close();
  });

  // --- helpers ----------------------------------------------------------------------------------------------

  let contactSeq = 0;
  /** A distinct contact per application, so the outbox can be asserted per applicant. */
  function contact(): { contact_mobile: string; contact_email: string } {
    contactSeq++;
    const n = String((process.pid % 10000) * 1000 + contactSeq).padStart(8, '0');
    return { contact_mobile: `137${n}`, contact_email: `contact-${n}@example.test` };
  }

  function submit(a: PartnerActor, body: Record<string, unknown>): Promise<Res> {
    return t.http.post('/api/v1/onboarding/applications').set('X-Auth-Token', a.token).send(body);
  }

  async function registry(results: Record<string, string>): Promise<void> {
    const res = await t.http.put('/api/v1/admin/test/fakes/company-registry').send(results);
    expect(res.status).toBe(200);
  }

  function get(path: string, token: string): Promise<Res> {
    return t.http.get(path).set('X-Auth-Token', token);
  }

  function decide(
    id: string,
    decision: 'approve' | 'reject',
    token: string,
    body: object = {},
  ): Promise<Res> {
    return t.http
      .post(`/api/v1/admin/onboarding/applications/${id}/${decision}`)
      .set('X-Auth-Token', token)
      .send(body);
  }

  async function outbox(channel: string, to: string): Promise<Array<Record<string, unknown>>> {
    const res = await t.http.get('/api/v1/admin/test/outbox').query({ channel, to });
    expect(res.status).toBe(200);
    return res.body.items;
  }

  /** An account whose application the (configured) registry answers `mismatch`: it waits in manual review. */
  async function inManualReview(): Promise<{
    a: PartnerActor;
    app: Res;
    contact: ReturnType<typeof contact>;
  }> {
    const a = await newAccount(t);
    await registry({ [a.uscc]: 'mismatch' });
    const c = contact();
    const app = await submit(a, onboardingBody(a, c));
    expect(app.status).toBe(201);
    expect(app.body.status).toBe('manual_review');
    return { a, app, contact: c };
  }

  let accountA: Promise<{ a: PartnerActor; res: Res; contact: ReturnType<typeof contact> }> | null = null;
  /** A: the first account of USCC 91310117557415205K, auto-approved (scenario 5); created on first use. */
  function primaryA() {
    accountA ??= (async () => {
      await registry({ [USCC]: 'pass' });
      const a = await newAccount(t, { uscc: USCC, company_name: COMPANY });
      const c = contact();
      const res = await submit(a, onboardingBody(a, c)); // no tax_code (scenario 3)
      return { a, res, contact: c };
    })();
    return accountA;
  }

  // --- acceptance scenarios -----------------------------------------------------------------------------------

  it('INFO-008 scenario 5: registry pass auto-approves A (active, primary, joined); mismatch goes to manual review, operations approves and the applicant gets one in-app, e-mail and SMS message', async () => {
    const { a, res } = await primaryA();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'approved',
      auto_check_result: 'pass',
      fast_onboarding: false,
      partner_account_status: 'active',
      is_primary: true,
      uscc: USCC,
    });
    expect(Date.parse(res.body.hcpn_joined_at)).not.toBeNaN();
    expect((await get('/api/v1/onboarding/status', a.token)).body.status).toBe('approved');

    const m = await newAccount(t);
    await registry({ [m.uscc]: 'mismatch' });
    const c = contact();
    const app = await submit(m, onboardingBody(m, c));
    expect(app.status).toBe(201);
    expect(app.body).toMatchObject({
      status: 'manual_review',
      auto_check_result: 'mismatch',
      partner_account_status: 'onboarding',
      hcpn_joined_at: null,
    });
    const status = await get('/api/v1/onboarding/status', m.token);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ application_id: app.body.application_id, status: 'manual_review' });
    const company = await get('/api/v1/info/company', m.token);
    expect(company.status).toBe(403);
    expect(company.body.error_code).toBe('INFO_NOT_ONBOARDED');
    // no decision yet, no message yet
    expect(await outbox('in_app', m.id)).toHaveLength(0);

    const approved = await decide(app.body.application_id, 'approve', ops.token);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      partner_account_status: 'active',
      is_primary: true,
    });
    expect((await get('/api/v1/info/company', m.token)).status).toBe(200);
    const inApp = await outbox('in_app', m.id);
    const email = await outbox('email', c.contact_email);
    const sms = await outbox('sms', c.contact_mobile);
    expect([inApp.length, email.length, sms.length]).toEqual([1, 1, 1]);
    for (const msg of [...inApp, ...email, ...sms]) {
      expect(msg).toMatchObject({
        template: 'onboarding.approved',
        partner_account_id: m.id,
        params: { application_id: app.body.application_id },
      });
    }
  });

  it('INFO-006 scenario 6: fast onboarding of a second account of the same legal entity (precheck, approved at once without registry check, stored company info kept, account info lists A and B)', async () => {
    const { a, res: aApp } = await primaryA();
    const b = await newAccount(t, { uscc: USCC, company_name: COMPANY });
    const pre = await get('/api/v1/onboarding/precheck', b.token);
    expect(pre.status).toBe(200);
    expect(pre.body).toMatchObject({
      partner_account_id: b.id,
      site: 'cn',
      enterprise_realname_verified: true,
      legal_entity_already_partner: true,
      company: {
        uscc: USCC,
        company_name: COMPANY,
        primary_account_id: a.id,
        legal_representative: 'Zhang San',
      },
    });

    // no registry check: even a registry that would now say `mismatch` is not asked
    await registry({ [USCC]: 'mismatch' });
    const res = await submit(
      b,
      onboardingBody(b, { ...contact(), legal_representative: 'Somebody Else', registered_capital: '1.00' }),
    );
    await registry({ [USCC]: 'pass' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'approved',
      fast_onboarding: true,
      legal_entity_already_partner: true,
      auto_check_result: null,
      partner_account_status: 'active',
      is_primary: false,
      legal_entity_id: aApp.body.legal_entity_id,
      company_name: COMPANY,
      uscc: USCC,
    });
    // the stored company info is reused, not overwritten
    const company = await get('/api/v1/info/company', b.token);
    expect(company.status).toBe(200);
    expect(company.body).toMatchObject({
      legal_entity_id: aApp.body.legal_entity_id,
      legal_representative: 'Zhang San',
      registered_capital: null,
      primary_account_id: a.id,
      is_primary: false,
    });

    const list = await get('/api/v1/info/accounts', a.token);
    expect(list.status).toBe(200);
    const byId = new Map(
      list.body.items.map((x: { partner_account_id: string }) => [x.partner_account_id, x]),
    );
    expect(byId.get(a.id)).toMatchObject({ account_name: a.accountName, is_primary: true, status: 'active' });
    expect(byId.get(b.id)).toMatchObject({
      account_name: b.accountName,
      is_primary: false,
      status: 'active',
    });
  });

  it('INFO-003 scenario 3: without tax_code, the approved legal entity has tax_code = USCC 91310117557415205K', async () => {
    const { a, res } = await primaryA();
    expect(res.body.tax_code).toBe(USCC);
    const company = await get('/api/v1/info/company', a.token);
    expect(company.status).toBe(200);
    expect(company.body).toMatchObject({ uscc: USCC, org_code: null, tax_code: USCC });
  });

  it('INFO-001 scenario 1: USCC 91310117557415205k is stored upper-cased and accepted; 16 chars → 400 INFO_USCC_INVALID', async () => {
    await primaryA();
    const c = await newAccount(t, { uscc: USCC, company_name: COMPANY });
    const res = await submit(c, onboardingBody(c, { ...contact(), uscc: '91310117557415205k' }));
    expect(res.status).toBe(201);
    expect(res.body.uscc).toBe('91310117557415205K');
    expect(res.body.status).toBe('approved');
    expect((await get('/api/v1/info/company', c.token)).body.uscc).toBe('91310117557415205K');

    const d = await newAccount(t);
    for (const bad of ['9131011755741520', '91310117-57415205K', '91310117557415205KX']) {
      const r = await submit(d, onboardingBody(d, { uscc: bad }));
      expect(r.status).toBe(400);
      expect(r.body.error_code).toBe('INFO_USCC_INVALID');
      expect(r.body.details).toEqual({ field: 'uscc' });
    }
    expect((await get('/api/v1/onboarding/status', d.token)).body.status).toBe('not_submitted');
  });

  it('INFO-002 scenario 2: org code 777023172 with tax code 110000100000001 is accepted; both codes → INFO_ENTITY_CODE_REQUIRED; org code without tax code → INFO_TAX_CODE_INVALID', async () => {
    const o = await newAccount(t, { org_code: '777023172', company_name: '北京组织机构代码测试有限公司' });
    const base = { ...onboardingBody(o, contact()), uscc: undefined };
    const cases: Array<[Record<string, unknown>, string, string | undefined]> = [
      [
        { uscc: USCC, org_code: '777023172', tax_code: '110000100000001' },
        'INFO_ENTITY_CODE_REQUIRED',
        undefined,
      ],
      [{}, 'INFO_ENTITY_CODE_REQUIRED', undefined],
      [{ org_code: '777023172' }, 'INFO_TAX_CODE_INVALID', 'tax_code'],
      [{ org_code: '777023172', tax_code: '1100001000000' }, 'INFO_TAX_CODE_INVALID', 'tax_code'],
      [{ org_code: '77702317', tax_code: '110000100000001' }, 'INFO_ORG_CODE_INVALID', 'org_code'],
    ];
    for (const [codes, error, field] of cases) {
      const r = await submit(o, { ...base, ...codes });
      expect([r.status, r.body.error_code]).toEqual([400, error]);
      if (field) expect(r.body.details).toEqual({ field });
    }
    const ok = await submit(o, { ...base, org_code: '777023172', tax_code: '110000100000001' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ uscc: null, org_code: '777023172', tax_code: '110000100000001' });
    expect(ok.body.status).toBe('approved');
    const company = await get('/api/v1/info/company', o.token);
    expect(company.body).toMatchObject({ uscc: null, org_code: '777023172', tax_code: '110000100000001' });
  });

  it('INFO-004 scenario 4: an account with personal (or no) real-name verification → 422 INFO_ENTERPRISE_REALNAME_REQUIRED', async () => {
    for (const realname_type of ['personal', 'none']) {
      const p = await newAccount(t, { realname_type });
      const pre = await get('/api/v1/onboarding/precheck', p.token);
      expect(pre.body).toMatchObject({
        enterprise_realname_verified: false,
        legal_entity_already_partner: false,
      });
      const r = await submit(p, onboardingBody(p, contact()));
      expect(r.status).toBe(422);
      expect(r.body.error_code).toBe('INFO_ENTERPRISE_REALNAME_REQUIRED');
    }
  });

  it('INFO-005 company name and credit code must equal the enterprise real-name data → 422 INFO_REALNAME_MISMATCH', async () => {
    const a = await newAccount(t, { company_name: '上海某某(集团)有限公司' });
    const wrongName = await submit(a, onboardingBody(a, { company_name: '上海别的公司有限公司' }));
    expect([wrongName.status, wrongName.body.error_code]).toEqual([422, 'INFO_REALNAME_MISMATCH']);
    const wrongCode = await submit(a, onboardingBody(a, { uscc: uniqueUscc() }));
    expect([wrongCode.status, wrongCode.body.error_code]).toEqual([422, 'INFO_REALNAME_MISMATCH']);
    // full-/half-width brackets and outer spaces are not a difference
    const ok = await submit(
      a,
      onboardingBody(a, { ...contact(), company_name: ' 上海某某（集团）有限公司' }),
    );
    expect(ok.status).toBe(201);
  });

  it('INFO-007 scenario 7: a second application while one is in manual_review, or once active → 409 INFO_ONBOARDING_EXISTS', async () => {
    const { a: c } = await inManualReview();
    const again = await submit(c, onboardingBody(c, contact()));
    expect(again.status).toBe(409);
    expect(again.body.error_code).toBe('INFO_ONBOARDING_EXISTS');

    const { a } = await primaryA();
    const active = await submit(a, onboardingBody(a, contact()));
    expect([active.status, active.body.error_code]).toEqual([409, 'INFO_ONBOARDING_EXISTS']);
  });

  it('INFO-007 after a rejection the account may submit a new application; the applicant is notified of the rejection with its reason', async () => {
    await t.http.put('/api/v1/admin/test/clock').send({ now: '2025-05-06T10:00:00+08:00' });
    try {
      const { a: r, app, contact: c } = await inManualReview();
      const rejected = await decide(app.body.application_id, 'reject', ops.token, {
        reject_reason: 'Business licence unreadable',
      });
      expect(rejected.status).toBe(200);
      expect(rejected.body).toMatchObject({
        status: 'rejected',
        reject_reason: 'Business licence unreadable',
        partner_account_status: 'onboarding',
        decided_at: '2025-05-06T02:00:00.000Z',
      });
      const status = await get('/api/v1/onboarding/status', r.token);
      expect(status.body).toMatchObject({ status: 'rejected', reject_reason: 'Business licence unreadable' });
      for (const [channel, to] of [
        ['in_app', r.id],
        ['email', c.contact_email],
        ['sms', c.contact_mobile],
      ]) {
        const msgs = await outbox(channel, to);
        expect(msgs).toHaveLength(1);
        expect(msgs[0]).toMatchObject({ template: 'onboarding.rejected', partner_account_id: r.id });
        expect(String(msgs[0].body)).toContain('Business licence unreadable');
      }

      // resubmission at the same (frozen) instant: the new application is the current one
      await registry({ [r.uscc]: 'pass' });
      const again = await submit(r, onboardingBody(r, c));
      expect(again.status).toBe(201);
      expect(again.body).toMatchObject({
        status: 'approved',
        partner_account_status: 'active',
        is_primary: true,
      });
      expect(again.body.application_id).not.toBe(app.body.application_id);
      const now = await get('/api/v1/onboarding/status', r.token);
      expect(now.body).toMatchObject({ application_id: again.body.application_id, status: 'approved' });
    } finally {
      await t.http.delete('/api/v1/admin/test/clock');
    }
  });

  it('INFO-008 registry `unavailable` also goes to manual review (decision)', async () => {
    const u = await newAccount(t);
    await registry({ [u.uscc]: 'unavailable' });
    const res = await submit(u, onboardingBody(u, contact()));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'manual_review', auto_check_result: 'unavailable' });
  });

  it('INFO-008 reviewer decisions: operations only (403 REVIEWER_ROLE_REQUIRED / AUTH_TOKEN_TYPE_NOT_ALLOWED), a reason is required to reject, a decided application → 409, an unknown one → 404', async () => {
    const { a, app } = await inManualReview();
    const id = app.body.application_id as string;
    const pdm = await newReviewer(t, ['pdm', 'finance']);

    for (const decision of ['approve', 'reject'] as const) {
      const byPdm = await decide(id, decision, pdm.token, { reject_reason: 'x' });
      expect([byPdm.status, byPdm.body.error_code]).toEqual([403, 'REVIEWER_ROLE_REQUIRED']);
      const byPartner = await decide(id, decision, a.token, { reject_reason: 'x' });
      expect([byPartner.status, byPartner.body.error_code]).toEqual([403, 'AUTH_TOKEN_TYPE_NOT_ALLOWED']);
      const anonymous = await t.http.post(`/api/v1/admin/onboarding/applications/${id}/${decision}`).send({});
      expect(anonymous.status).toBe(401);
    }
    const listByPdm = await get('/api/v1/admin/onboarding/applications', pdm.token);
    expect([listByPdm.status, listByPdm.body.error_code]).toEqual([403, 'REVIEWER_ROLE_REQUIRED']);

    const list = await t.http
      .get('/api/v1/admin/onboarding/applications')
      .query({ status: 'manual_review', limit: 100 })
      .set('X-Auth-Token', ops.token);
    expect(list.status).toBe(200);
    expect(list.body.items.map((x: { application_id: string }) => x.application_id)).toContain(id);
    const one = await get(`/api/v1/admin/onboarding/applications/${id}`, ops.token);
    expect(one.body).toMatchObject({ application_id: id, partner_account_id: a.id, status: 'manual_review' });

    for (const body of [{}, { reject_reason: '   ' }, { reason: '' }]) {
      const r = await decide(id, 'reject', ops.token, body);
      expect([r.status, r.body.error_code]).toEqual([400, 'INFO_REJECT_REASON_REQUIRED']);
    }
    const tooLong = await decide(id, 'reject', ops.token, { reject_reason: 'x'.repeat(501) });
    expect([tooLong.status, tooLong.body.error_code, tooLong.body.details]).toEqual([
      400,
      'INFO_FIELD_INVALID',
      { field: 'reject_reason' },
    ]);

    // `admin` passes every reviewer rule
    const admin = await newReviewer(t, ['admin']);
    const approved = await decide(id, 'approve', admin.token);
    expect(approved.status).toBe(200);
    for (const decision of ['approve', 'reject'] as const) {
      const r = await decide(id, decision, ops.token, { reject_reason: 'too late' });
      expect([r.status, r.body.error_code]).toEqual([409, 'INFO_ONBOARDING_NOT_IN_REVIEW']);
      expect(r.body.details).toEqual({ status: 'approved' });
    }
    const unknown = await decide('00000000-0000-4000-8000-000000000000', 'approve', ops.token);
    expect([unknown.status, unknown.body.error_code]).toEqual([404, 'INFO_ONBOARDING_NOT_FOUND']);
  });

  it('INFO-008 audit: every transition of the application and of the account writes an audit row with its actor', async () => {
    const audit = t.app.get(AuditService);
    const { a, app } = await inManualReview();
    const id = app.body.application_id as string;
    await decide(id, 'reject', ops.token, { reject_reason: 'Licence expired' });
    await registry({ [a.uscc]: 'pass' });
    const second = await submit(a, onboardingBody(a, contact()));
    expect(second.body.status).toBe('approved');

    const first = await audit.forEntity('onboarding_application', id);
    expect(first.map((r) => r.action).sort()).toEqual(
      ['onboarding.rejected', 'onboarding.submitted', 'onboarding.to_manual_review'].sort(),
    );
    const rejection = first.find((r) => r.action === 'onboarding.rejected')!;
    expect(rejection).toMatchObject({ actorKind: 'reviewer', actorId: ops.id, partnerAccountId: a.id });
    expect(rejection.before).toMatchObject({ status: 'manual_review' });
    expect(rejection.after).toMatchObject({ status: 'rejected', reject_reason: 'Licence expired' });
    expect(first.find((r) => r.action === 'onboarding.submitted')).toMatchObject({
      actorKind: 'partner',
      actorId: a.id,
    });

    const secondRows = await audit.forEntity('onboarding_application', second.body.application_id);
    expect(secondRows.map((r) => r.action).sort()).toEqual([
      'onboarding.auto_approved',
      'onboarding.submitted',
    ]);
    expect(secondRows.find((r) => r.action === 'onboarding.auto_approved')!.after).toMatchObject({
      status: 'approved',
      auto_check_result: 'pass',
      legal_entity_id: second.body.legal_entity_id,
    });

    const account = await audit.forEntity('partner_account', a.id);
    const moves = account
      .filter((r) => r.before)
      .map((r) => `${String(r.before!.status)}->${String(r.after!.status)}`)
      .sort();
    expect(moves).toEqual(['onboarding->active', 'registered->onboarding']);
    expect(account.map((r) => r.action)).toEqual(
      expect.arrayContaining(['partner_account.registered', 'partner_account.joined_hcpn']),
    );

    const { res: fast } = await primaryA();
    const b = await newAccount(t, { uscc: USCC, company_name: COMPANY });
    const fastApp = await submit(b, onboardingBody(b, contact()));
    const fastRows = await audit.forEntity('onboarding_application', fastApp.body.application_id);
    expect(fastRows.map((r) => r.action).sort()).toEqual([
      'onboarding.fast_approved',
      'onboarding.submitted',
    ]);
    expect(fast.body.status).toBe('approved');
  });

  it('INFO-009 scenario 19: a cn account submitting for site intl → 422 INFO_SITE_MISMATCH', async () => {
    const a = await newAccount(t, { site: 'cn' });
    const r = await submit(a, onboardingBody(a, { ...contact(), site: 'intl' }));
    expect(r.status).toBe(422);
    expect(r.body.error_code).toBe('INFO_SITE_MISMATCH');
    const ok = await submit(a, onboardingBody(a, { ...contact(), site: 'cn' }));
    expect(ok.status).toBe(201);
  });

  it('INFO-009 lookups are scoped to the site: an intl account with USCC 91310117557415205K is not fast-onboarded into the cn entity', async () => {
    const { res: cn } = await primaryA();
    await registry({ [USCC]: 'pass' });
    const i = await newAccount(t, { site: 'intl', uscc: USCC, company_name: COMPANY });
    const pre = await get('/api/v1/onboarding/precheck', i.token);
    expect(pre.body).toMatchObject({ site: 'intl', legal_entity_already_partner: false, company: null });
    const res = await submit(i, onboardingBody(i, contact()));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      site: 'intl',
      status: 'approved',
      fast_onboarding: false,
      is_primary: true,
    });
    expect(res.body.legal_entity_id).not.toBe(cn.body.legal_entity_id);
    const list = await get('/api/v1/info/accounts', i.token);
    expect(list.body.items.map((x: { partner_account_id: string }) => x.partner_account_id)).toEqual([i.id]);
  });

  it('INFO-010 the primary account is the first APPROVED account of the legal entity (not the first submitted), exactly one per entity', async () => {
    const uscc = uniqueUscc();
    const company = `主账号测试${uscc}有限公司`;
    const early = await newAccount(t, { uscc, company_name: company });
    await registry({ [uscc]: 'mismatch' });
    const earlyApp = await submit(early, onboardingBody(early, contact()));
    expect(earlyApp.body.status).toBe('manual_review');

    await registry({ [uscc]: 'pass' });
    const late = await newAccount(t, { uscc, company_name: company });
    const lateApp = await submit(late, onboardingBody(late, contact()));
    expect(lateApp.body).toMatchObject({ status: 'approved', is_primary: true, fast_onboarding: false });

    const approved = await decide(earlyApp.body.application_id, 'approve', ops.token);
    expect(approved.body).toMatchObject({
      status: 'approved',
      is_primary: false,
      legal_entity_id: lateApp.body.legal_entity_id,
    });
    const list = await get('/api/v1/info/accounts', early.token);
    const primaries = list.body.items.filter((x: { is_primary: boolean }) => x.is_primary);
    expect(primaries.map((x: { partner_account_id: string }) => x.partner_account_id)).toEqual([late.id]);
    expect(list.body.total_count).toBe(2);
  });

  it('INFO-011 the partner center requires onboarding: 403 INFO_NOT_ONBOARDED before, onboarding endpoints open; a deregistered account → 403 INFO_ACCOUNT_DEREGISTERED everywhere', async () => {
    const n = await newAccount(t);
    for (const path of ['/api/v1/info/company', '/api/v1/info/accounts']) {
      const r = await get(path, n.token);
      expect([r.status, r.body.error_code]).toEqual([403, 'INFO_NOT_ONBOARDED']);
    }
    const status = await get('/api/v1/onboarding/status', n.token);
    expect(status.status).toBe(200);
    expect(status.body).toEqual({ status: 'not_submitted', partner_account_status: 'registered' });
    expect((await get('/api/v1/onboarding/precheck', n.token)).status).toBe(200);

    const ok = await submit(n, onboardingBody(n, contact()));
    expect(ok.body.status).toBe('approved');
    expect((await get('/api/v1/info/company', n.token)).status).toBe(200);

    // the deregistration event of the account center (INFO-035…INFO-040 are not built yet: recorded directly)
    await t.app
      .get(PartnerAccountService)
      .recordDeregistration(RequestContext.system(t.app.get(Clock), 'test'), n.id);
    for (const path of ['/api/v1/info/company', '/api/v1/onboarding/status', '/api/v1/onboarding/precheck']) {
      const r = await get(path, n.token);
      expect([path, r.status, r.body.error_code]).toEqual([path, 403, 'INFO_ACCOUNT_DEREGISTERED']);
    }
    const again = await submit(n, onboardingBody(n, contact()));
    expect([again.status, again.body.error_code]).toEqual([403, 'INFO_ACCOUNT_DEREGISTERED']);
  });

  it('INFO-004…INFO-007 only the partner admin submits: an org member (even with the preset admin role) → 403 ORG_ADMIN_REQUIRED', async () => {
    const { a } = await primaryA();
    const member = await newMember(t, a, ['admin']);
    for (const [method, path] of [
      ['post', '/api/v1/onboarding/applications'],
      ['get', '/api/v1/onboarding/status'],
      ['get', '/api/v1/onboarding/precheck'],
    ] as const) {
      const r = await t.http[method](path).set('X-Auth-Token', member.token).send(onboardingBody(a));
      expect([path, r.status, r.body.error_code]).toEqual([path, 403, 'ORG_ADMIN_REQUIRED']);
    }
    // the member may read what its role allows
    expect((await get('/api/v1/info/company', member.token)).status).toBe(200);
  });

  it('INFO-001…INFO-009 malformed fields → 400 INFO_FIELD_INVALID with details.field', async () => {
    const a = await newAccount(t);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ contact_email: 'not-an-email' }, 'contact_email'],
      [{ contact_mobile: '12345' }, 'contact_mobile'],
      [{ contact_name: '' }, 'contact_name'],
      [{ company_name: undefined }, 'company_name'],
      [{ site: 'mars' }, 'site'],
      [{ registered_capital: 12.5 }, 'registered_capital'],
      [{ established_on: '2020/01/01' }, 'established_on'],
      [{ is_primary: true }, 'is_primary'],
    ];
    for (const [patch, field] of cases) {
      const r = await submit(a, { ...onboardingBody(a), ...patch });
      expect([field, r.status, r.body.error_code, r.body.details]).toEqual([
        field,
        400,
        'INFO_FIELD_INVALID',
        { field },
      ]);
    }
    expect((await get('/api/v1/onboarding/status', a.token)).body.status).toBe('not_submitted');
  });
});
