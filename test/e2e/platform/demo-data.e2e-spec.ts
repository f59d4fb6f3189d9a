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

    const asToken = (token: string) => ({
      get: (path: string) => t.http.get(path).set('X-Auth-Token', token),
    });

    it('seeds demo-partner as a PCE member with one PO waiting for the PDM review of the demo reviewer', async () => {
      const admin = await login({ account: 'demo-partner', password: PASSWORD });
      const partner = asToken(admin.body.token);
      const enrollment = await partner.get('/api/v1/pce/enrollment');
      expect(enrollment.status).toBe(200);
      expect(enrollment.body.status).toBe('active');
      const pos = await partner.get('/api/v1/opportunities?origin=po');
      expect(pos.status).toBe(200);
      expect(pos.body.total_count).toBe(1);
      expect(pos.body.items[0]).toMatchObject({
        customer_name: '上海演示客户有限公司',
        province: 'SH',
        status: 'pending_review',
      });

      const reviewer = asToken(
        (await login({ reviewer: 'reviewer@demo.local', password: PASSWORD })).body.token,
      );
      const offices = await reviewer.get('/api/v1/admin/pce/rep-offices');
      expect(offices.status).toBe(200);
      const office = (offices.body.items as Array<{ id: string; code: string; pdm_ids: string[] }>).find(
        (o) => o.code === 'RO-DEMO-SH',
      );
      expect(office).toBeDefined();
      const queue = await reviewer.get('/api/v1/admin/opportunities?status=pending_review');
      expect(queue.status).toBe(200);
      expect(queue.body.total_count).toBe(1);
      // routed by province to the rep office whose PDM is the demo reviewer (OPP-020), not to the dispatcher queue
      expect(queue.body.items[0]).toMatchObject({
        id: pos.body.items[0].id,
        rep_office_id: office!.id,
        assigned_pdm_id: office!.pdm_ids[0],
      });
    });

    it('seeds a solution-provider application of demo-partner-2 waiting for the operations review', async () => {
      const second = await login({ account: 'demo-partner-2', password: PASSWORD });
      const mine = await asToken(second.body.token).get('/api/v1/programs/memberships');
      expect(mine.status).toBe(200);
      expect(mine.body.total_count).toBe(1);
      expect(mine.body.items[0]).toMatchObject({ program: 'solution_provider', status: 'pending_review' });

      const reviewer = asToken(
        (await login({ reviewer: 'reviewer@demo.local', password: PASSWORD })).body.token,
      );
      const pending = await reviewer.get(
        '/api/v1/admin/programs/memberships?program=solution_provider&status=pending_review',
      );
      expect(pending.status).toBe(200);
      expect(pending.body.total_count).toBe(1);
      expect(pending.body.items[0].id).toBe(mine.body.items[0].id);
      // demo-partner is on no program of the table (PCE is not one of them)
      const first = await login({ account: 'demo-partner', password: PASSWORD });
      const none = await asToken(first.body.token).get('/api/v1/programs/memberships');
      expect(none.body.total_count).toBe(0);
    });

    it('seeding twice changes nothing (idempotent on every start)', async () => {
      const { DemoDataSeeder } = await import('../../../src/seed/demo-data.js');
      await t.app.get(DemoDataSeeder).seed();
      const reviewer = await login({ reviewer: 'reviewer@demo.local', password: PASSWORD });
      const as = asToken(reviewer.body.token);
      const apps = await as.get('/api/v1/admin/onboarding/applications?limit=100');
      expect(apps.body.total_count).toBe(3);
      const opportunities = await as.get('/api/v1/admin/opportunities?limit=100');
      expect(opportunities.body.total_count).toBe(1);
      expect(opportunities.body.items[0].status).toBe('pending_review');
      const offices = await as.get('/api/v1/admin/pce/rep-offices');
      expect(offices.body.total_count).toBe(1);
      const memberships = await as.get('/api/v1/admin/programs/memberships?limit=100');
      expect(memberships.body.total_count).toBe(1);
      const certifications = await as.get('/api/v1/admin/solution-certifications?limit=100');
      expect(certifications.body.total_count).toBe(1);
      const admin = await login({ account: 'demo-partner', password: PASSWORD });
      const enrollment = await asToken(admin.body.token).get('/api/v1/pce/enrollment');
      expect(enrollment.body.status).toBe('active');
    });

    it('seeds demo-partner on the software path with a cloud software certification waiting for the PSA pre-review', async () => {
      const admin = await login({ account: 'demo-partner', password: PASSWORD });
      const as = asToken(admin.body.token);
      const paths = await as.get('/api/v1/paths/memberships');
      expect(paths.body.items).toEqual([
        expect.objectContaining({ path: 'software', status: 'active', stage: 'joined' }),
      ]);
      const certifications = await as.get('/api/v1/solution-certifications');
      expect(certifications.body.total_count).toBe(1);
      expect(certifications.body.items[0]).toMatchObject({
        certification_type: 'cloud_software',
        status: 'pending_psa_pre_review',
      });
      const reviewer = asToken(
        (await login({ reviewer: 'reviewer@demo.local', password: PASSWORD })).body.token,
      );
      const queue = await reviewer.get('/api/v1/admin/solution-certifications?status=pending_psa_pre_review');
      expect(queue.status).toBe(200);
      expect(queue.body.items.map((c: { id: string }) => c.id)).toEqual([certifications.body.items[0].id]);
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
