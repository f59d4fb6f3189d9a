/**
 * Demo data: seeded on the embedded default or with DEMO_DATA=true, never otherwise (foundation issue, item 2).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../../config/app.config.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';

const PASSWORD = 'Demo@12345';

describe('demo data', () => {
  describe('with DEMO_DATA=true', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ DEMO_DATA: 'true' });
    });
    afterAll(async () => {
      await t.close();
    });

    const login = async (body: Record<string, unknown>) => t.http.post('/api/v1/auth/tokens').send(body);

    it('seeds an onboarded partner admin, its org member, a second partner and a reviewer with every role', async () => {
      const admin = await login({ account: 'demo-partner', password: PASSWORD });
      expect(admin.status).toBe(201);
      const company = await t.http.get('/api/v1/info/company').set('X-Auth-Token', admin.body.token);
      expect(company.status).toBe(200);
      expect(company.body.is_primary).toBe(true);

      const member = await login({ account: 'demo-partner', member: 'operator', password: PASSWORD });
      expect(member.status).toBe(201);
      const asMember = await t.http.get('/api/v1/info/company').set('X-Auth-Token', member.body.token);
      expect(asMember.status).toBe(200);
      expect(asMember.body.legal_entity_id).toBe(company.body.legal_entity_id);

      const second = await login({ account: 'demo-partner-2', password: PASSWORD });
      expect(second.status).toBe(201);
      const other = await t.http.get('/api/v1/info/company').set('X-Auth-Token', second.body.token);
      expect(other.body.legal_entity_id).not.toBe(company.body.legal_entity_id);

      const reviewer = await login({ reviewer: 'reviewer@demo.local', password: PASSWORD });
      expect(reviewer.status).toBe(201);
      const queue = await t.http
        .get('/api/v1/admin/onboarding/applications?status=manual_review')
        .set('X-Auth-Token', reviewer.body.token);
      expect(queue.status).toBe(200);
      // demo-applicant waits in the reviewers' queue
      expect(queue.body.total_count).toBe(1);
    });

    it('seeding twice changes nothing (idempotent on every start)', async () => {
      const { DemoDataSeeder } = await import('../../../src/seed/demo-data.js');
      await t.app.get(DemoDataSeeder).seed();
      const reviewer = await login({ reviewer: 'reviewer@demo.local', password: PASSWORD });
      const apps = await t.http
        .get('/api/v1/admin/onboarding/applications?limit=100')
        .set('X-Auth-Token', reviewer.body.token);
      expect(apps.body.total_count).toBe(3);
    });
  });

  describe('without demo data', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ DEMO_DATA: 'false' });
    });
    afterAll(async () => {
      await t.close();
    });

    it('has no demo accounts', async () => {
      const res = await t.http
        .post('/api/v1/auth/tokens')
        .send({ account: 'demo-partner', password: PASSWORD });
      expect(res.status).toBe(401);
      expect(res.body.error_code).toBe('AUTH_CREDENTIALS_INVALID');
    });
  });

  it('defaults to demo data on the embedded database only', () => {
    expect(loadConfig({ DB_TYPE: 'sqlite' }).demoData).toBe(true);
    expect(loadConfig({ DB_TYPE: 'mariadb' }).demoData).toBe(false);
    expect(loadConfig({ DB_TYPE: 'mysql', DEMO_DATA: 'true' }).demoData).toBe(true);
    expect(loadConfig({ DB_TYPE: 'sqlite', DEMO_DATA: 'false' }).demoData).toBe(false);
  });
});
