/**
 * info.md Open point 3: with BUSINESS_INFO_REQUIRE_AMOUNT_CONFIRMATION (`requireAmountConfirmation`) the partner
 * confirms the random micro-deposit amount (INFO-028); by default the verification is automatic (INFO-029).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newPartner, type PartnerActor } from '../../builders/actors.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';

function submitBody(p: PartnerActor, accountNo: string) {
  return {
    bank_name: '中国工商银行',
    bank_account_no: accountNo,
    bank_account_name: p.companyName,
    bank_account_type: 'corporate',
    branch_name: '上海分行',
    branch_code: '102290000001',
    taxpayer_type: 'general',
  };
}

describe('micro-deposit amount confirmation (info.md Open point 3)', () => {
  describe('flag on', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ BUSINESS_INFO_REQUIRE_AMOUNT_CONFIRMATION: 'true' });
    });
    afterAll(async () => {
      await t.close();
    });

    const status = async (p: PartnerActor) =>
      (
        await t.http
          .get('/api/v1/info/business-verifications?contracting_entity=HWCLOUD')
          .set('X-Auth-Token', p.token)
      ).body;

    it('INFO-028 the partner confirms the random amount: wrong amounts are counted, the right one verifies', async () => {
      const p = await newPartner(t);
      await t.http
        .put('/api/v1/admin/test/fakes/bank-verification')
        .send({ account_no: '6222000011110001', result: 'succeeded', amount: '0.37' });
      const sub = await t.http
        .post('/api/v1/info/business-verifications')
        .set('X-Auth-Token', p.token)
        .send(submitBody(p, '6222000011110001'));
      expect(sub.status).toBe(201);
      const run = await t.http.post('/api/v1/admin/jobs/J-INFO-2/run').send({});
      expect(run.body.summary.awaiting_amount_confirmation).toBe(1);
      const waiting = await status(p);
      expect(waiting).toMatchObject({
        status: 'verifying',
        awaiting_amount_confirmation: true,
        micro_deposit_amount: null,
      });
      const inbox = await t.http.get(`/api/v1/admin/test/outbox?channel=in_app&to=${p.id}`);
      expect(
        inbox.body.items.some(
          (m: { template: string }) => m.template === 'business_verification.enter_amount',
        ),
      ).toBe(true);

      // the 3-hour escalation (J-INFO-2) does not take a deposit that waits for the partner
      t.clock.set(new Date(Date.parse(waiting.submitted_at) + 4 * 3600 * 1000));
      await t.http.post('/api/v1/admin/jobs/J-INFO-2/run').send({});
      expect((await status(p)).status).toBe('verifying');

      const url = `/api/v1/info/business-verifications/${sub.body.id}/micro-deposit-confirmation`;
      const wrong = await t.http.post(url).set('X-Auth-Token', p.token).send({ amount: '0.38' });
      expect(wrong.status).toBe(422);
      expect(wrong.body).toMatchObject({
        error_code: 'INFO_MICRO_DEPOSIT_AMOUNT_MISMATCH',
        details: { attempts_left: 2, status: 'verifying' },
      });
      const badFormat = await t.http.post(url).set('X-Auth-Token', p.token).send({ amount: 0.37 });
      expect(badFormat.status).toBe(400);
      expect(badFormat.body.details.field).toBe('amount');
      const right = await t.http.post(url).set('X-Auth-Token', p.token).send({ amount: '0.37' });
      expect(right.status).toBe(200);
      expect(right.body).toMatchObject({
        status: 'verified',
        micro_deposit_amount: '0.37',
        awaiting_amount_confirmation: false,
      });
      const again = await t.http.post(url).set('X-Auth-Token', p.token).send({ amount: '0.37' });
      expect(again.status).toBe(409);
      t.clock.reset();
    });

    it('INFO-028 three wrong amounts fail the verification; another partner cannot confirm it', async () => {
      const p = await newPartner(t);
      const other = await newPartner(t);
      await t.http
        .put('/api/v1/admin/test/fakes/bank-verification')
        .send({ account_no: '6222000011110002', result: 'succeeded', amount: '1.05' });
      const sub = await t.http
        .post('/api/v1/info/business-verifications')
        .set('X-Auth-Token', p.token)
        .send(submitBody(p, '6222000011110002'));
      await t.http.post('/api/v1/admin/jobs/J-INFO-2/run').send({});
      const url = `/api/v1/info/business-verifications/${sub.body.id}/micro-deposit-confirmation`;
      const foreign = await t.http.post(url).set('X-Auth-Token', other.token).send({ amount: '1.05' });
      expect(foreign.status).toBe(404);
      for (const left of [2, 1, 0]) {
        const r = await t.http.post(url).set('X-Auth-Token', p.token).send({ amount: '9.99' });
        expect(r.status).toBe(422);
        expect(r.body.details.attempts_left).toBe(left);
      }
      expect((await status(p)).status).toBe('failed');
      expect((await status(p)).failure_reason).toBe('amount_confirmation_failed');
    });
  });

  describe('flag off (default)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(async () => {
      await t.close();
    });

    it('INFO-029 the micro-deposit verifies automatically and no amount is asked', async () => {
      const p = await newPartner(t);
      const sub = await t.http
        .post('/api/v1/info/business-verifications')
        .set('X-Auth-Token', p.token)
        .send(submitBody(p, '6222000011110003'));
      await t.http.post('/api/v1/admin/jobs/J-INFO-2/run').send({});
      const r = await t.http
        .post(`/api/v1/info/business-verifications/${sub.body.id}/micro-deposit-confirmation`)
        .set('X-Auth-Token', p.token)
        .send({ amount: '0.01' });
      expect(r.status).toBe(409);
      expect(r.body.error_code).toBe('INFO_AMOUNT_CONFIRMATION_NOT_REQUIRED');
      const s = await t.http
        .get('/api/v1/info/business-verifications?contracting_entity=HWCLOUD')
        .set('X-Auth-Token', p.token);
      expect(s.body.status).toBe('verified');
    });
  });
});
