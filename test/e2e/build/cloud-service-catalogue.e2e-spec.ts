/**
 * The cloud service catalogue is seeded on first read (build.md `CloudServiceCatalogEntry`, F-BUILD-1). The
 * seeding must survive the rollback of the request that triggered it and must be safe under concurrent first
 * reads — hence a fresh application per file, whose first catalogue read is a failing advanced submission.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newPartner, type PartnerActor } from '../../builders/actors.js';
import { createCertificationDraft, createSolution, joinSoftwarePath } from '../../builders/build.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';

describe('cloud service catalogue seeding (BUILD-007, F-BUILD-1)', () => {
  let t: TestApp;
  let p1: PartnerActor;

  beforeAll(async () => {
    t = await createTestApp();
    p1 = await newPartner(t);
    await joinSoftwarePath(t, p1);
  });
  afterAll(async () => {
    await t.close();
  });

  it('BUILD-007 the first catalogue read inside a rejected submission keeps the seed: a later compliant submission passes', async () => {
    const s = await createSolution(t, p1, { cloud_services_used: ['CSE', 'DCS', 'ECS'] });
    const c = await createCertificationDraft(t, p1, s, 'advanced_cloud_software');
    const submit = () =>
      t.http.post(`/api/v1/solution-certifications/${c}/submit`).set('X-Auth-Token', p1.token).send({});
    const failed = await submit();
    expect(failed.status).toBe(422);
    expect(failed.body.error_code).toBe('SOLUTION_ARCHITECTURE_STANDARD_NOT_MET');
    const patch = await t.http
      .patch(`/api/v1/solutions/${s}`)
      .set('X-Auth-Token', p1.token)
      .send({ cloud_services_used: ['CSE', 'DCS', 'APIG'] });
    expect(patch.status).toBe(200);
    const ok = await submit();
    expect(ok.status).toBe(200);
    expect(ok.body.architecture_check).toEqual({ key_services: 0, high_order_services: 3, met: true });
  });

  it('F-BUILD-1 concurrent catalogue reads all answer the full list (12 key + 97 high-order), no duplicates', async () => {
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => t.http.get('/api/v1/cloud-services').set('X-Auth-Token', p1.token)),
    );
    for (const res of responses) {
      expect(res.status).toBe(200);
      const items = res.body.items as Array<{ tier: string; service_code: string }>;
      expect(items.filter((i) => i.tier === 'key')).toHaveLength(12);
      expect(items.filter((i) => i.tier === 'high_order')).toHaveLength(97);
      expect(new Set(items.map((i) => i.service_code)).size).toBe(items.length);
    }
  });
});
