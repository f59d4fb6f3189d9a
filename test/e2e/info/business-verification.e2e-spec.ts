/**
 * Business info verification (FAQ 6.2; info.md INFO-023…INFO-034, J-INFO-2, J-INFO-3, J-INFO-4) over HTTP, with
 * the bank and supplier-system fakes and time travel. Acceptance scenarios 12–16 with the spec's numbers.
 */
import type { Response } from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { AuditService } from '../../../libs/audit/index.js';
import { DomainError } from '../../../libs/errors/index.js';
import { BusinessInfoVerificationService } from '../../../src/modules/info/index.js';
import {
  newAccount,
  newPartner,
  newReviewer,
  onboardingBody,
  type PartnerActor,
} from '../../builders/actors.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';

type Res = Response;
const BASE = '/api/v1/info/business-verifications';
const ADMIN = '/api/v1/admin/business-verifications';
const COMPANY = '上海某某科技有限公司';

describe('business info verification (FAQ 6.2; info.md INFO-023…INFO-034)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterEach(async () => {
    await t.http.delete('/api/v1/admin/test/clock');
    await t.http.post('/api/v1/admin/test/reset').send({});
  });
  afterAll(async () => {
    await t.close();
  });

  // --- helpers ----------------------------------------------------------------------------------------------

  let accountSeq = 0;
  /** a unique bank account number per call (the bank fake is configured per account number) */
  function accountNo(): string {
    accountSeq++;
    return `6222${String(process.pid % 10000).padStart(4, '0')}${String(accountSeq).padStart(4, '0')}${randomBytes(2).toString('hex')}`.slice(
      0,
      19,
    );
  }

  function partner(companyName = COMPANY): Promise<PartnerActor> {
    return newPartner(t, { company_name: companyName });
  }

  async function ops(): Promise<string> {
    return (await newReviewer(t, ['operations'])).token;
  }

  function body(p: PartnerActor, extra: Record<string, unknown> = {}) {
    return {
      contracting_entity: 'HWCLOUD',
      bank_name: '中国工商银行',
      bank_account_no: accountNo(),
      bank_account_name: p.companyName,
      bank_account_type: 'corporate',
      branch_name: '中国工商银行上海分行',
      branch_code: '102290000001',
      taxpayer_type: 'general',
      ...extra,
    };
  }

  function submit(p: PartnerActor, b: Record<string, unknown>): Promise<Res> {
    return t.http.post(BASE).set('X-Auth-Token', p.token).send(b);
  }

  function current(p: PartnerActor, entity?: string): Promise<Res> {
    return t.http.get(entity ? `${BASE}?contracting_entity=${entity}` : BASE).set('X-Auth-Token', p.token);
  }

  function admin(token: string, path: string, b?: object): Promise<Res> {
    const req = t.http.post(`${ADMIN}${path}`).set('X-Auth-Token', token);
    return b ? req.send(b) : req;
  }

  function upload(p: PartnerActor, id: string, content: Buffer, filename = 'letter.pdf'): Promise<Res> {
    return t.http
      .post(`${BASE}/${id}/bank-letter`)
      .set('X-Auth-Token', p.token)
      .attach('file', content, { filename, contentType: 'application/pdf' });
  }

  async function clock(now: string): Promise<void> {
    const res = await t.http.put('/api/v1/admin/test/clock').send({ now });
    expect(res.status).toBe(200);
  }

  async function runJob(job: string): Promise<Record<string, number>> {
    const res = await t.http.post(`/api/v1/admin/jobs/${job}/run`).send({});
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('succeeded');
    return res.body.summary as Record<string, number>;
  }

  async function fake(port: string, cfg: Record<string, unknown>): Promise<void> {
    const res = await t.http.put(`/api/v1/admin/test/fakes/${port}`).send(cfg);
    expect(res.status).toBe(200);
  }

  async function outbox(q: Record<string, string>): Promise<Array<Record<string, unknown>>> {
    const res = await t.http.get('/api/v1/admin/test/outbox').query(q);
    expect(res.status).toBe(200);
    return res.body.items;
  }

  function expectError(res: Res, status: number, code: string): void {
    expect([res.status, res.body.error_code]).toEqual([status, code]);
  }

  /** A verified partner towards `entity` (bank fake answers `succeeded` by default, collected by J-INFO-2). */
  async function verified(
    p: PartnerActor,
    extra: Record<string, unknown> = {},
  ): Promise<Record<string, unknown>> {
    const res = await submit(p, body(p, extra));
    expect(res.status).toBe(201);
    await runJob('J-INFO-2');
    const after = await current(p, (extra.contracting_entity as string | undefined) ?? 'HWCLOUD');
    expect(after.body.status).toBe('verified');
    return after.body;
  }

  const pdf = (bytes: number): Buffer => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(bytes)]);

  /** A verification in bank_letter_required with its draft ready (supplier mismatch, scenario 14). */
  async function letterReady(p: PartnerActor, opsToken: string): Promise<string> {
    await fake('supplier-registry', { [p.uscc]: { bank_account_no: '6222000011112222' } });
    const res = await submit(p, body(p, { bank_account_no: '6222000099998888' }));
    expect(res.body.status).toBe('bank_letter_required');
    const draft = await admin(opsToken, `/${res.body.id}/bank-letter/draft`);
    expect(draft.status).toBe(200);
    return res.body.id;
  }

  // --- INFO-024 / scenario 12 ---------------------------------------------------------------------------------

  it('INFO-024 scenario 12: personal account → 422 INFO_PERSONAL_BANK_ACCOUNT_NOT_ALLOWED; 上海某某科技（集团）有限公司 → 422 INFO_BANK_ACCOUNT_NAME_MISMATCH; 上海某某科技有限公司 → 201 verifying', async () => {
    const p = await partner();
    const personal = await submit(p, body(p, { bank_account_name: '张三', bank_account_type: 'personal' }));
    expectError(personal, 422, 'INFO_PERSONAL_BANK_ACCOUNT_NOT_ALLOWED');
    const group = await submit(p, body(p, { bank_account_name: '上海某某科技（集团）有限公司' }));
    expectError(group, 422, 'INFO_BANK_ACCOUNT_NAME_MISMATCH');
    expect(group.body.error_msg).toBe('The bank account name must be identical to the company name.');
    const ok = await submit(p, body(p, { bank_account_name: '上海某某科技有限公司' }));
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      status: 'verifying',
      version: 1,
      contracting_entity: 'HWCLOUD',
      company_name: COMPANY,
      bank_account_type: 'corporate',
      currency: 'CNY',
      tax_rate: '6.00',
      invoice_mode: 'sp_service_fee',
    });
    expect(ok.body.micro_deposit_ref).toEqual(expect.any(String));
  });

  it('INFO-024 the account name compares after trimming and unifying full-/half-width brackets', async () => {
    const p = await partner('上海某某(中国)科技有限公司');
    const res = await submit(p, body(p, { bank_account_name: ' 上海某某（中国）科技有限公司 ' }));
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('verifying');
  });

  // --- INFO-025 -----------------------------------------------------------------------------------------------

  it('INFO-025 enterprise code type must be uscc (400 INFO_ENTERPRISE_CODE_TYPE_INVALID), the entity USCC (422 INFO_REALNAME_MISMATCH); an entity without USCC → 409 INFO_USCC_MISSING', async () => {
    const p = await partner();
    expectError(
      await submit(p, body(p, { enterprise_code_type: 'org_code' })),
      400,
      'INFO_ENTERPRISE_CODE_TYPE_INVALID',
    );
    expectError(await submit(p, body(p, { uscc: '91110000000000000X' })), 422, 'INFO_REALNAME_MISMATCH');
    const same = await submit(p, body(p, { enterprise_code_type: 'uscc', uscc: p.uscc.toLowerCase() }));
    expect(same.status).toBe(201);
    expect(same.body.uscc).toBe(p.uscc);

    const orgCode = `7${randomBytes(4).toString('hex').toUpperCase()}`;
    const o = await newAccount(t, { org_code: orgCode, company_name: '北京某某有限公司' });
    const onboarded = await t.http
      .post('/api/v1/onboarding/applications')
      .set('X-Auth-Token', o.token)
      .send(
        onboardingBody(
          { uscc: '', companyName: '北京某某有限公司' },
          { uscc: undefined, org_code: orgCode, tax_code: '110000100000001' },
        ),
      );
    expect(onboarded.body.status).toBe('approved');
    const missing = await submit(o, body({ ...o, companyName: '北京某某有限公司' }));
    expectError(missing, 409, 'INFO_USCC_MISSING');
  });

  // --- INFO-026 / INFO-027 / scenario 16 ------------------------------------------------------------------------

  it('INFO-026 scenario 16: currency = "USD" for a CNY contracting entity → 422 INFO_CURRENCY_NOT_EDITABLE; "CNY" is accepted', async () => {
    const p = await partner();
    expectError(await submit(p, body(p, { currency: 'USD' })), 422, 'INFO_CURRENCY_NOT_EDITABLE');
    const ok = await submit(p, body(p, { currency: 'CNY' }));
    expect(ok.status).toBe(201);
    expect(ok.body.currency).toBe('CNY');
  });

  it('INFO-027 scenario 16: small_scale verified → GET shows "tax_rate": "3.00"; general → "6.00" (decimal strings)', async () => {
    const s = await partner();
    const small = await verified(s, { taxpayer_type: 'small_scale' });
    expect(small).toMatchObject({ taxpayer_type: 'small_scale', tax_rate: '3.00' });
    const get = await current(s, 'HWCLOUD');
    expect(get.body.tax_rate).toBe('3.00');
    expect(typeof get.body.tax_rate).toBe('string');

    const g = await partner();
    await verified(g, { taxpayer_type: 'general' });
    expect((await current(g, 'HWCLOUD')).body.tax_rate).toBe('6.00');
  });

  it('INFO-027 taxpayer type fixed after the first submission (422 INFO_TAXPAYER_TYPE_CHANGE_VIA_TICKET); required at first (400); marketplace_goods only by operations; operations change it on a ticket', async () => {
    const opsToken = await ops();
    const p = await partner();
    const noType = await submit(p, body(p, { taxpayer_type: undefined }));
    expectError(noType, 400, 'INFO_FIELD_INVALID');
    expect(noType.body.details.field).toBe('taxpayer_type');
    expectError(
      await submit(p, body(p, { invoice_mode: 'marketplace_goods' })),
      422,
      'INFO_INVOICE_MODE_CHANGE_VIA_TICKET',
    );
    const v1 = await verified(p, { taxpayer_type: 'general' });
    const change = await submit(p, body(p, { taxpayer_type: 'small_scale' }));
    expectError(change, 422, 'INFO_TAXPAYER_TYPE_CHANGE_VIA_TICKET');
    expect(change.body.error_msg).toBe('Taxpayer type can only be changed through a ticket.');

    // operations, on a ticket (6.2.11, 12.1.5.39)
    const noTicket = await t.http
      .patch(`${ADMIN}/${v1.id as string}/tax-data`)
      .set('X-Auth-Token', opsToken)
      .send({ taxpayer_type: 'small_scale' });
    expectError(noTicket, 400, 'INFO_FIELD_INVALID');
    const changed = await t.http
      .patch(`${ADMIN}/${v1.id as string}/tax-data`)
      .set('X-Auth-Token', opsToken)
      .send({ taxpayer_type: 'small_scale', invoice_mode: 'marketplace_goods', ticket_no: 'T2025-0001' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      status: 'verified',
      taxpayer_type: 'small_scale',
      tax_rate: '3.00',
      invoice_mode: 'marketplace_goods',
    });
    const audit = await t.app.get(AuditService).forEntity('business_info_verification', v1.id as string);
    const row = audit.find((a) => a.action === 'business_verification.tax_data_changed');
    expect(row?.after).toMatchObject({
      taxpayer_type: 'small_scale',
      tax_rate: '3.00',
      ticket_no: 'T2025-0001',
    });
    // the partner's re-verification keeps the changed values
    const again = await submit(p, body(p, { taxpayer_type: undefined }));
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ version: 2, taxpayer_type: 'small_scale', tax_rate: '3.00' });
  });

  // --- INFO-028 / INFO-029 / J-INFO-2 -------------------------------------------------------------------------

  it('INFO-028 micro-deposit: submission asks the bank; J-INFO-2 collects the result — succeeded (amount as decimal) → verified, failed(reason) → failed, needs_manual → manual_review; partner notified', async () => {
    const okP = await partner();
    const okBody = body(okP);
    await fake('bank-verification', {
      accounts: { [okBody.bank_account_no]: { result: 'succeeded', amount: '0.37' } },
    });
    const sub = await submit(okP, okBody);
    expect(sub.body.status).toBe('verifying');
    const failP = await partner();
    const failBody = body(failP);
    await fake('bank-verification', {
      account_no: failBody.bank_account_no,
      result: 'failed',
      reason: 'account_name_mismatch',
    });
    await submit(failP, failBody);
    const manP = await partner();
    const manBody = body(manP);
    await fake('bank-verification', { accounts: { [manBody.bank_account_no]: 'needs_manual' } });
    const man = await submit(manP, manBody);

    // the database is shared by the file's tests: other verifying records may be collected in the same run
    const summary = await runJob('J-INFO-2');
    expect(summary.verified).toBeGreaterThanOrEqual(1);
    expect(summary).toMatchObject({ failed: 1, manual_review: 1 });
    const okNow = (await current(okP)).body;
    expect(okNow).toMatchObject({ status: 'verified', micro_deposit_amount: '0.37' });
    expect(okNow.verified_at).toEqual(expect.any(String));
    expect((await current(failP)).body).toMatchObject({
      status: 'failed',
      failure_reason: 'account_name_mismatch',
    });
    expect((await current(manP)).body.status).toBe('manual_review');

    const okMsgs = await outbox({ partner_account_id: okP.id, template: 'business_info.verified' });
    expect(okMsgs.map((m) => m.channel).sort()).toEqual(['email', 'in_app']);
    const failMsgs = await outbox({ partner_account_id: failP.id, template: 'business_info.failed' });
    expect(failMsgs.map((m) => m.channel).sort()).toEqual(['email', 'in_app', 'sms']);

    // the business info reviewer decides the manual review (API; the admin panel calls the same service)
    const opsToken = await ops();
    const approved = await admin(opsToken, `/${man.body.id as string}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('verified');
    expectError(
      await admin(opsToken, `/${man.body.id as string}/approve`),
      409,
      'INFO_VERIFICATION_STATE_INVALID',
    );
    const audit = await t.app
      .get(AuditService)
      .forEntity('business_info_verification', man.body.id as string);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['business_verification.approved_by_reviewer']),
    );
  });

  it('INFO-029 J-INFO-2 scenario 13: submitted 2025-06-03T10:00+08:00, bank never answers → still verifying at 12:59, manual_review at 13:01; operations queue notified; reviewer fails it and the partner re-verifies', async () => {
    await clock('2025-06-03T10:00:00+08:00');
    const p = await partner();
    const b = body(p);
    await fake('bank-verification', { accounts: { [b.bank_account_no]: { result: 'pending' } } });
    const sub = await submit(p, b);
    expect(sub.status).toBe(201);
    expect(Date.parse(sub.body.submitted_at)).toBe(Date.parse('2025-06-03T02:00:00Z'));

    await clock('2025-06-03T12:59:00+08:00');
    await runJob('J-INFO-2');
    expect((await current(p)).body.status).toBe('verifying');
    await clock('2025-06-03T13:00:00+08:00');
    await runJob('J-INFO-2');
    expect((await current(p)).body.status).toBe('verifying');
    await clock('2025-06-03T13:01:00+08:00');
    const summary = await runJob('J-INFO-2');
    expect(summary.escalated).toBe(1);
    expect((await current(p)).body.status).toBe('manual_review');
    const queue = await outbox({ partner_account_id: p.id, template: 'business_info.manual_review' });
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({ channel: 'in_app', to: 'reviewers:operations' });

    const opsToken = await ops();
    expectError(await admin(opsToken, `/${sub.body.id as string}/fail`, {}), 400, 'INFO_FIELD_INVALID');
    const failed = await admin(opsToken, `/${sub.body.id as string}/fail`, {
      reason: 'Account closed at the bank',
    });
    expect(failed.body).toMatchObject({ status: 'failed', failure_reason: 'rejected_by_reviewer' });
    const again = await submit(p, body(p));
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ status: 'verifying', version: 2 });
  });

  // --- INFO-030 / INFO-031 / scenario 14 -------------------------------------------------------------------------

  it('INFO-030 INFO-031 scenario 14: supplier holds 6222000011112222, partner submits 6222000099998888 → bank_letter_required, letter awaiting_draft; early upload → 409; draft, upload letter.pdf (2 MB) → signed_uploaded; accept → verified', async () => {
    const opsToken = await ops();
    const p = await partner();
    await fake('supplier-registry', { suppliers: { [p.uscc]: { bank_account_no: '6222000011112222' } } });
    const sub = await submit(p, body(p, { bank_account_no: '6222000099998888' }));
    expect(sub.status).toBe(201);
    expect(sub.body).toMatchObject({
      status: 'bank_letter_required',
      failure_reason: 'supplier_bank_mismatch',
      bank_letter: {
        status: 'awaiting_draft',
        draft_available: false,
        requested_bank_data: {
          supplier_name: COMPANY,
          bank_account_no: '6222000099998888',
          bank_account_name: COMPANY,
          currency: 'CNY',
        },
      },
    });
    const id = sub.body.id as string;
    const notified = await outbox({
      partner_account_id: p.id,
      template: 'business_info.bank_letter_required',
    });
    expect(notified.map((m) => m.channel).sort()).toEqual(['email', 'in_app', 'sms']);

    const early = await upload(p, id, pdf(1024));
    expectError(early, 409, 'INFO_BANK_LETTER_NOT_EXPECTED');
    expect((await t.http.get(`${BASE}/${id}/bank-letter/draft`).set('X-Auth-Token', p.token)).status).toBe(
      404,
    );

    const draft = await admin(opsToken, `/${id}/bank-letter/draft`);
    expect(draft.status).toBe(200);
    expect(draft.body.bank_letter).toMatchObject({ status: 'draft_ready', draft_available: true });
    const dl = await t.http
      .get(`${BASE}/${id}/bank-letter/draft`)
      .set('X-Auth-Token', p.token)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(dl.status).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect((dl.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(
      (await outbox({ partner_account_id: p.id, template: 'business_info.bank_letter_draft_ready' })).length,
    ).toBe(2);

    const res = await upload(p, id, pdf(2 * 1024 * 1024), 'letter.pdf');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'bank_letter_required',
      bank_letter: { status: 'signed_uploaded', signed_scan_uploaded: true },
    });
    const accepted = await admin(opsToken, `/${id}/bank-letter/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'verified', bank_letter: { status: 'accepted' } });
    expect((await current(p)).body.status).toBe('verified');
  });

  it('INFO-031 bank-letter file: one PDF/JPG/PNG ≤ 10 MB (400 INFO_BANK_LETTER_FILE_INVALID otherwise); reviewer rejects with a reason (seal_invalid, screenshot_seal, data_mismatch, other), the partner uploads a new scan', async () => {
    const opsToken = await ops();
    const p = await partner();
    const id = await letterReady(p, opsToken);

    const none = await t.http.post(`${BASE}/${id}/bank-letter`).set('X-Auth-Token', p.token).field('x', '1');
    expectError(none, 400, 'INFO_BANK_LETTER_FILE_INVALID');
    expectError(
      await upload(p, id, Buffer.from('just some text'), 'letter.txt'),
      400,
      'INFO_BANK_LETTER_FILE_INVALID',
    );
    expectError(await upload(p, id, pdf(10 * 1024 * 1024), 'big.pdf'), 400, 'INFO_BANK_LETTER_FILE_INVALID');
    const two = await t.http
      .post(`${BASE}/${id}/bank-letter`)
      .set('X-Auth-Token', p.token)
      .attach('file', pdf(10), { filename: 'a.pdf', contentType: 'application/pdf' })
      .attach('file', pdf(10), { filename: 'b.pdf', contentType: 'application/pdf' });
    expectError(two, 400, 'INFO_BANK_LETTER_FILE_INVALID');
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(100),
    ]);
    const okPng = await t.http
      .post(`${BASE}/${id}/bank-letter`)
      .set('X-Auth-Token', p.token)
      .attach('file', png, { filename: 'scan.png', contentType: 'image/png' });
    expect(okPng.status).toBe(201);
    expect(okPng.body.bank_letter.status).toBe('signed_uploaded');
    expectError(await upload(p, id, pdf(10)), 409, 'INFO_BANK_LETTER_NOT_EXPECTED');

    expectError(
      await admin(opsToken, `/${id}/bank-letter/reject`, { reject_reason: 'ugly' }),
      400,
      'INFO_FIELD_INVALID',
    );
    const rejected = await admin(opsToken, `/${id}/bank-letter/reject`, {
      reject_reason: 'screenshot_seal',
      comment: 'The seal is pasted from a screenshot.',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'bank_letter_required',
      bank_letter: { status: 'rejected', reject_reason: 'screenshot_seal' },
    });
    expect(
      (await outbox({ partner_account_id: p.id, template: 'business_info.bank_letter_rejected' })).length,
    ).toBe(2);
    const jpg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100)]);
    const again = await t.http
      .post(`${BASE}/${id}/bank-letter`)
      .set('X-Auth-Token', p.token)
      .attach('file', jpg, { filename: 'scan.jpg', contentType: 'image/jpeg' });
    expect(again.body.bank_letter).toMatchObject({ status: 'signed_uploaded', reject_reason: null });
    for (const reason of ['seal_invalid', 'data_mismatch', 'other']) {
      const r = await admin(opsToken, `/${id}/bank-letter/reject`, { reject_reason: reason });
      expect(r.body.bank_letter.reject_reason).toBe(reason);
      await upload(p, id, pdf(10));
    }
    // the partner asked to correct its data instead: bank_letter_required → failed
    const failed = await admin(opsToken, `/${id}/fail`, {
      reason: 'Use the account held by the supplier system',
    });
    expect(failed.body.status).toBe('failed');
  });

  // --- INFO-023 / INFO-032 / scenario 15 -------------------------------------------------------------------------

  it('INFO-023 INFO-032 scenario 15: verified for HWCLOUD; re-verification → verifying and assertVerified(account, HWCLOUD) → 422 BUSINESS_INFO_NOT_VERIFIED details.status "verifying"; a second re-verification → 409; taxpayer type change → 422', async () => {
    const svc = t.app.get(BusinessInfoVerificationService);
    const p = await partner();
    await expect(svc.assertVerified(p.id, 'HWCLOUD')).rejects.toMatchObject({
      code: 'BUSINESS_INFO_NOT_VERIFIED',
      details: { status: 'not_started' },
    });
    const v1 = await verified(p, { taxpayer_type: 'general' });
    const ok = await svc.assertVerified(p.id, 'HWCLOUD');
    expect(ok).toMatchObject({ verification_id: v1.id, version: 1, tax_rate: '6.00', currency: 'CNY' });
    // per contracting entity: nothing verified towards HWSOFT
    await expect(svc.assertVerified(p.id, 'HWSOFT')).rejects.toMatchObject({
      code: 'BUSINESS_INFO_NOT_VERIFIED',
      details: { status: 'not_started' },
    });

    const newNo = accountNo();
    const re = await submit(p, body(p, { bank_account_no: newNo, taxpayer_type: undefined }));
    expect(re.status).toBe(201);
    expect(re.body).toMatchObject({
      status: 'verifying',
      version: 2,
      last_verified: { id: v1.id, version: 1 },
    });
    const err = await svc.assertVerified(p.id, 'HWCLOUD').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({
      code: 'BUSINESS_INFO_NOT_VERIFIED',
      status: 422,
      message: 'Complete business info verification first.',
      details: { status: 'verifying' },
    });

    const second = await submit(p, body(p));
    expectError(second, 409, 'INFO_VERIFICATION_IN_PROGRESS');
    expect(second.body.error_msg).toBe('A verification is already in progress.');
    const tax = await submit(p, body(p, { taxpayer_type: 'small_scale' }));
    // in progress is reported first; once verified, the taxpayer type change is refused
    expectError(tax, 409, 'INFO_VERIFICATION_IN_PROGRESS');
    await runJob('J-INFO-2');
    const v2 = await svc.assertVerified(p.id, 'HWCLOUD');
    expect(v2).toMatchObject({ version: 2, bank_account_no: newNo });
    expectError(
      await submit(p, body(p, { taxpayer_type: 'small_scale' })),
      422,
      'INFO_TAXPAYER_TYPE_CHANGE_VIA_TICKET',
    );
  });

  it('INFO-023 every non-verified status blocks: manual_review, bank_letter_required and failed answer BUSINESS_INFO_NOT_VERIFIED with their status', async () => {
    const svc = t.app.get(BusinessInfoVerificationService);
    const m = await partner();
    const mb = body(m);
    await fake('bank-verification', { accounts: { [mb.bank_account_no]: 'needs_manual' } });
    await submit(m, mb);
    const f = await partner();
    const fb = body(f);
    await fake('bank-verification', { accounts: { [fb.bank_account_no]: { result: 'failed' } } });
    await submit(f, fb);
    await runJob('J-INFO-2');
    const b = await partner();
    await fake('supplier-registry', { [b.uscc]: { bank_account_no: '6222000011112222' } });
    await submit(b, body(b));
    for (const [who, status] of [
      [m, 'manual_review'],
      [f, 'failed'],
      [b, 'bank_letter_required'],
    ] as const) {
      await expect(svc.assertVerified(who.id, 'HWCLOUD')).rejects.toMatchObject({
        code: 'BUSINESS_INFO_NOT_VERIFIED',
        details: { status },
      });
    }
  });

  // --- INFO-033 ---------------------------------------------------------------------------------------------

  it('INFO-033 offline bank change: each of the 7 fields missing → 400 INFO_FIELD_INVALID; complete → new version bank_letter_required with the draft generated; signed scan accepted → the new data are verified', async () => {
    const opsToken = await ops();
    const svc = t.app.get(BusinessInfoVerificationService);
    const p = await partner();
    const v1 = await verified(p);
    const change = {
      supplier_name: COMPANY,
      bank_name: '中国建设银行',
      bank_account_no: '6227000012345678',
      branch_name: '中国建设银行上海分行',
      branch_code: '105290000002',
      bank_account_name: COMPANY,
      currency: 'CNY',
      ticket_no: 'T2025-0815',
    };
    for (const field of [
      'supplier_name',
      'bank_name',
      'bank_account_no',
      'branch_name',
      'branch_code',
      'bank_account_name',
      'currency',
    ]) {
      const partial: Record<string, unknown> = { ...change };
      delete partial[field];
      const res = await admin(opsToken, `/${v1.id as string}/offline-bank-change`, partial);
      expectError(res, 400, 'INFO_FIELD_INVALID');
      expect(res.body.details.field).toBe(field);
    }
    const res = await admin(opsToken, `/${v1.id as string}/offline-bank-change`, change);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      version: 2,
      origin: 'offline_bank_change',
      status: 'bank_letter_required',
      bank_account_no: '6227000012345678',
      bank_letter: {
        status: 'draft_ready',
        draft_available: true,
        requested_bank_data: { bank_name: '中国建设银行' },
      },
      last_verified: { id: v1.id, version: 1 },
    });
    await expect(svc.assertVerified(p.id, 'HWCLOUD')).rejects.toMatchObject({
      details: { status: 'bank_letter_required' },
    });
    const up = await upload(p, res.body.id as string, pdf(100));
    expect(up.status).toBe(201);
    const ok = await admin(opsToken, `/${res.body.id as string}/bank-letter/accept`);
    expect(ok.body.status).toBe('verified');
    expect(await svc.assertVerified(p.id, 'HWCLOUD')).toMatchObject({ bank_account_no: '6227000012345678' });
    // only a verified newest version can be changed offline
    expectError(
      await admin(opsToken, `/${v1.id as string}/offline-bank-change`, change),
      409,
      'INFO_VERIFICATION_STATE_INVALID',
    );
  });

  // --- INFO-034 / J-INFO-4 -----------------------------------------------------------------------------------

  it('INFO-034 J-INFO-4: operations schedule the switch HWSOFT → HWCLOUD; when it takes effect the job creates a verifying HWCLOUD record from the last verified data, HWSOFT stays verified, the partner is told "no action needed"', async () => {
    await clock('2025-07-01T09:00:00+08:00');
    const opsToken = await ops();
    const svc = t.app.get(BusinessInfoVerificationService);
    const p = await partner();
    const soft = await verified(p, { contracting_entity: 'HWSOFT', taxpayer_type: 'small_scale' });
    expect((await current(p)).body.contracting_entity).toBe('HWSOFT');

    const sched = await t.http
      .post('/api/v1/admin/contracting-entity-switches')
      .set('X-Auth-Token', opsToken)
      .send({ partner_account_ids: [p.id], to: 'HWCLOUD', effective_at: '2025-07-02T00:00:00+08:00' });
    expect(sched.status).toBe(201);
    expect(sched.body.items[0]).toMatchObject({ from: 'HWSOFT', to: 'HWCLOUD', status: 'scheduled' });
    expect((await runJob('J-INFO-4')).due).toBe(0);

    await clock('2025-07-02T00:05:00+08:00');
    expect(await runJob('J-INFO-4')).toMatchObject({ due: 1, completed: 1 });
    const now = await current(p);
    expect(now.body).toMatchObject({
      contracting_entity: 'HWCLOUD',
      status: 'verifying',
      version: 1,
      origin: 'contracting_entity_switch',
      bank_account_no: soft.bank_account_no,
      taxpayer_type: 'small_scale',
      tax_rate: '3.00',
      currency: 'CNY',
    });
    expect((await current(p, 'HWSOFT')).body).toMatchObject({ status: 'verified', id: soft.id });
    await expect(svc.assertVerified(p.id, 'HWSOFT')).resolves.toMatchObject({ verification_id: soft.id });
    await expect(svc.assertVerified(p.id, 'HWCLOUD')).rejects.toMatchObject({
      details: { status: 'verifying' },
    });
    const notice = await outbox({
      partner_account_id: p.id,
      template: 'business_info.contracting_entity_switch',
    });
    expect(notice).toHaveLength(1);
    expect(notice[0]).toMatchObject({ channel: 'in_app', to: p.id });
    expect(String(notice[0].body)).toMatch(/无需您进行任何操作|no action is needed/);
    expect((await runJob('J-INFO-4')).due).toBe(0);

    await runJob('J-INFO-2');
    expect((await current(p)).body.status).toBe('verified');

    // a second switch to the entity the account is on is recorded as skipped; an account without verified data
    // has nothing to copy
    const fresh = await partner();
    const again = await t.http
      .post('/api/v1/admin/contracting-entity-switches')
      .set('X-Auth-Token', opsToken)
      .send({ partner_account_ids: [p.id, fresh.id], to: 'HWCLOUD' });
    const byAccount = Object.fromEntries(
      (again.body.items as Array<{ partner_account_id: string }>).map((i) => [i.partner_account_id, i]),
    );
    expect(byAccount[p.id]).toMatchObject({ status: 'skipped', skip_reason: 'already_on_entity' });
    expect(byAccount[fresh.id]).toMatchObject({ status: 'skipped', skip_reason: 'already_on_entity' });
    const unknown = await t.http
      .post('/api/v1/admin/contracting-entity-switches')
      .set('X-Auth-Token', opsToken)
      .send({ partner_account_ids: [fresh.id], to: 'NOPE' });
    expectError(unknown, 400, 'INFO_FIELD_INVALID');
  });

  // --- J-INFO-3 ---------------------------------------------------------------------------------------------

  it('J-INFO-3 bank-letter SLA with the 2025 National Day holidays: uploaded Fri 2025-09-26 → overdue only after 2025-10-10T23:59:59.999+08:00; operations reminded once', async () => {
    await clock('2025-09-26T15:00:00+08:00');
    const opsToken = await ops();
    const p = await partner();
    const id = await letterReady(p, opsToken);
    const up = await upload(p, id, pdf(100));
    expect(up.body.bank_letter.status).toBe('signed_uploaded');

    await clock('2025-10-09T09:00:00+08:00');
    expect((await runJob('J-INFO-3')).flagged).toBe(0);
    await clock('2025-10-10T23:59:59.999+08:00');
    expect((await runJob('J-INFO-3')).flagged).toBe(0);
    expect(
      (await t.http.get(`${ADMIN}/${id}`).set('X-Auth-Token', await ops())).body.bank_letter.overdue,
    ).toBe(false);
    await clock('2025-10-11T00:00:00.000+08:00');
    expect((await runJob('J-INFO-3')).flagged).toBe(1);
    const after = await t.http.get(`${ADMIN}/${id}`).set('X-Auth-Token', await ops());
    expect(after.body.bank_letter).toMatchObject({ status: 'signed_uploaded', overdue: true });
    expect((await runJob('J-INFO-3')).flagged).toBe(0);
    const reminders = await outbox({
      partner_account_id: p.id,
      template: 'business_info.bank_letter_overdue',
    });
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ channel: 'in_app', to: 'reviewers:operations' });
    expect(reminders[0].params).toMatchObject({ deadline: '2025-10-10T15:59:59.999Z' });
  });

  // --- tenancy ----------------------------------------------------------------------------------------------

  it('INFO-031 tenancy: another partner cannot see, download or upload to a verification (404 like absent)', async () => {
    const opsToken = await ops();
    const p = await partner();
    const other = await partner();
    const id = await letterReady(p, opsToken);
    expectError(await upload(other, id, pdf(100)), 404, 'INFO_VERIFICATION_NOT_FOUND');
    const dl = await t.http.get(`${BASE}/${id}/bank-letter/draft`).set('X-Auth-Token', other.token);
    expectError(dl, 404, 'INFO_VERIFICATION_NOT_FOUND');
    expect((await current(other)).body).toMatchObject({
      status: 'not_started',
      partner_account_id: other.id,
    });
    const mine = await upload(p, id, pdf(100));
    expect(mine.status).toBe(201);
  });
});
