/**
 * Operations' ticket actions on a partner account in the admin panel (info.md Permissions: operations edit the
 * account contact and message settings) call the same BasicInfoService as `/api/v1/admin/accounts/{id}/…`:
 * driven through the panel's own HTTP API with a logged-in reviewer session.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import request from 'supertest';
import { AuditService } from '../../libs/audit/index.js';
import { createAdminModule } from '../../src/admin/admin.module.js';
import { newPartner, newReviewer, PASSWORD } from '../builders/actors.js';
import { createTestApp, type TestApp } from '../setup/test-app.js';

describe('admin panel: partner account ticket actions (panel API)', () => {
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

  it('INFO-018 INFO-022 operations edit contact and message settings from the panel; bad input is refused', async () => {
    const p = await newPartner(t);
    const ops = await newReviewer(t, ['operations']);
    const agent = await panel(ops.email);
    const base = `/admin/api/resources/PartnerAccount/records/${p.id}`;

    const contact = await agent
      .post(`${base}/editContact`)
      .send({ reason: 'name: Wang Wu\nposition: Sales\nmobile: 13900001111\nemail: ww@example.test' });
    expect(contact.body.notice).toMatchObject({ type: 'success' });
    const company = await t.http.get('/api/v1/info/company').set('X-Auth-Token', p.token);
    expect(company.body.account_contact).toMatchObject({ name: 'Wang Wu', mobile: '13900001111' });

    const badMail = await agent
      .post(`${base}/editContact`)
      .send({ reason: 'name: Wang Wu\nposition: Sales\nmobile: 13900001111\nemail: nope' });
    expect(badMail.body.notice).toMatchObject({ type: 'error' });

    const settings = await agent
      .post(`${base}/editMessageSettings`)
      .send({ reason: 'language: en-us\ntimezone: Europe/Berlin' });
    expect(settings.body.notice).toMatchObject({ type: 'success' });
    const read = await t.http.get('/api/v1/info/message-settings').set('X-Auth-Token', p.token);
    expect(read.body).toMatchObject({ language: 'en-us', timezone: 'Europe/Berlin' });

    const audit = await t.app.get(AuditService).forEntity('partner_account', p.id);
    expect(audit.find((a) => a.action === 'message_settings.updated')).toMatchObject({
      actorKind: 'reviewer',
      actorId: ops.id,
    });

    const pdm = await newReviewer(t, ['pdm']);
    const denied = await (
      await panel(pdm.email)
    )
      .post(`${base}/editMessageSettings`)
      .send({ reason: 'language: zh-cn\ntimezone: Asia/Shanghai' });
    expect(denied.body.notice).toMatchObject({ type: 'error' });
    const unchanged = await t.http.get('/api/v1/info/message-settings').set('X-Auth-Token', p.token);
    expect(unchanged.body.language).toBe('en-us');
  });
});
