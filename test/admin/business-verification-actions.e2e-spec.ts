/**
 * The business info reviewer's admin-panel record actions (info.md "Business info verification") call the same
 * BusinessInfoVerificationService as `/api/v1/admin/business-verifications/…`: driven here through the panel's
 * own HTTP API with a logged-in reviewer session (no browser needed for a record action).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import request from 'supertest';
import { AuditService } from '../../libs/audit/index.js';
import { createAdminModule } from '../../src/admin/admin.module.js';
import { newPartner, newReviewer, PASSWORD } from '../builders/actors.js';
import { createTestApp, type TestApp } from '../setup/test-app.js';

describe('admin panel: business info verification actions (panel API)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({}, { admin: createAdminModule });
  });
  afterAll(async () => {
    await t?.close();
    if (process.env.ADMIN_JS_TMP_DIR) rmSync(process.env.ADMIN_JS_TMP_DIR, { recursive: true, force: true });
  });

  async function panel(email: string) {
    const agent = request.agent(t.app.getHttpServer());
    const login = await agent.post('/admin/login').type('form').send({ email, password: PASSWORD });
    expect(login.status).toBe(302);
    return agent;
  }

  it('INFO-029 an operations reviewer verifies a manual review from the panel; a pdm reviewer cannot', async () => {
    const p = await newPartner(t, { company_name: '上海某某科技有限公司' });
    await t.http.put('/api/v1/admin/test/fakes/bank-verification').send({ default: 'needs_manual' });
    const sub = await t.http.post('/api/v1/info/business-verifications').set('X-Auth-Token', p.token).send({
      bank_name: '中国工商银行',
      bank_account_no: '6222000077776666',
      bank_account_name: p.companyName,
      bank_account_type: 'corporate',
      branch_name: '上海分行',
      branch_code: '102290000001',
      taxpayer_type: 'general',
    });
    expect(sub.status).toBe(201);
    await t.http.post('/api/v1/admin/jobs/J-INFO-2/run').send({});
    const id = sub.body.id as string;
    const action = `/admin/api/resources/BusinessInfoVerification/records/${id}/approveReview`;

    const pdm = await newReviewer(t, ['pdm']);
    const denied = await (await panel(pdm.email)).post(action).send({});
    // AdminJS answers a refused action with an error notice; nothing changes
    expect(denied.body.notice).toMatchObject({ type: 'error', message: 'forbiddenError' });
    const still = await t.http
      .get('/api/v1/info/business-verifications?contracting_entity=HWCLOUD')
      .set('X-Auth-Token', p.token);
    expect(still.body.status).toBe('manual_review');

    const ops = await newReviewer(t, ['operations']);
    const res = await (await panel(ops.email)).post(action).send({});
    expect(res.status).toBe(200);
    expect(res.body.notice).toMatchObject({ type: 'success' });
    const after = await t.http
      .get('/api/v1/info/business-verifications?contracting_entity=HWCLOUD')
      .set('X-Auth-Token', p.token);
    expect(after.body.status).toBe('verified');
    const audit = await t.app.get(AuditService).forEntity('business_info_verification', id);
    const row = audit.find((a) => a.action === 'business_verification.approved_by_reviewer');
    expect(row).toMatchObject({ actorKind: 'reviewer', actorId: ops.id });
  });
});
