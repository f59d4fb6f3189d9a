/**
 * API-013 throttling with the formula's numbers (api.md "Formulas": limit 2, calls at t = 0, 100 → 200;
 * 200 → 429 APIG.0308 `limit:2` + `Retry-After: 2`; 1,000 → 200; 1,050 → 429; another operation at 200 → 200)
 * and acceptance scenario 12 (N = 5 parallel calls with the clock frozen → two 200, three 429). The limit is
 * set through the operations endpoint `PUT /api/v1/admin/rate-limits/{operation}`; time only moves by the
 * test clock.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { AuditLog } from '../../../libs/audit/index.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';
import { type PartnerActor, newPartner, newReviewer } from '../../builders/actors.js';

const COMPANY = 'GET /api/v1/info/company';
const T0 = '2025-03-03T02:00:00.000Z';

describe('API-013 throttling', () => {
  let t: TestApp;
  let ops: string;
  let partner: PartnerActor;

  const company = (token: string) => t.http.get('/api/v1/info/company').set('X-Auth-Token', token);
  const at = async (ms: number) => {
    await t.http.put('/api/v1/admin/test/clock').send({ now: new Date(Date.parse(T0) + ms).toISOString() });
  };
  const setLimit = (operation: string, limit: number) =>
    t.http
      .put(`/api/v1/admin/rate-limits/${encodeURIComponent(operation)}`)
      .set('X-Auth-Token', ops)
      .send({ limit_per_second: limit });

  beforeAll(async () => {
    t = await createTestApp();
    ops = (await newReviewer(t, ['operations'])).token;
    partner = await newPartner(t);
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    await t.http.post('/api/v1/admin/test/reset').send({});
    t.clock.reset();
  });

  it('operations set a limit per operation through PUT /api/v1/admin/rate-limits/{operation}', async () => {
    const res = await setLimit(COMPANY, 2);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ operation: COMPANY, limit_per_second: 2, configured: true });
    const list = await t.http.get('/api/v1/admin/rate-limits').set('X-Auth-Token', ops);
    expect(list.status).toBe(200);
    expect(list.body.default_limit_per_second).toBe(10);
    expect(list.body.items).toContainEqual({ operation: COMPANY, limit_per_second: 2, configured: true });
    const audit = await t.app
      .get(DataSource)
      .getRepository(AuditLog)
      .find({ where: { action: 'rate_limit.set' } });
    expect(audit.map((a) => a.after)).toContainEqual({ operation: COMPANY, limit_per_second: 2 });
    expect(audit[0].actorKind).toBe('reviewer');
  });

  it('formula: limit 2 → t=0 200, t=100 200, t=200 429 (Retry-After 2), other operation at t=200 200, t=1000 200, t=1050 429', async () => {
    expect((await setLimit(COMPANY, 2)).status).toBe(200);
    await at(0);
    expect((await company(partner.token)).status).toBe(200);
    await at(100);
    expect((await company(partner.token)).status).toBe(200);
    await at(200);
    const refused = await company(partner.token);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('2');
    expect(refused.body).toEqual({
      error_code: 'APIG.0308',
      error_msg:
        'The throttling threshold has been reached: policy user over ratelimit,limit:2,time:1 second',
      request_id: refused.headers['x-request-id'],
    });
    expect(refused.body.error_msg).toContain('limit:2,time:1 second');
    const other = await t.http.get('/api/v1/messages').set('X-Auth-Token', partner.token);
    expect(other.status).toBe(200);
    await at(1000);
    expect((await company(partner.token)).status).toBe(200);
    await at(1050);
    const again = await company(partner.token);
    expect(again.status).toBe(429);
    expect(again.headers['retry-after']).toBe('2');
    // refused calls (t=200, t=1050) did not count: at t=1100 only t=1000 is in the window
    await at(1100);
    expect((await company(partner.token)).status).toBe(200);
  });

  it('scenario 12: three sequential calls → 200, 200, 429; after advancing 1,100 ms → 200', async () => {
    expect((await setLimit(COMPANY, 2)).status).toBe(200);
    await at(0);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await company(partner.token)).status);
    expect(statuses).toEqual([200, 200, 429]);
    await t.http.post('/api/v1/admin/test/clock/advance').send({ ms: 1100 });
    expect((await company(partner.token)).status).toBe(200);
  });

  it('scenario 12: N = 5 parallel calls with the clock frozen → exactly two 200 and three 429, each with Retry-After: 2', async () => {
    expect((await setLimit(COMPANY, 2)).status).toBe(200);
    await at(0);
    const results = await Promise.all(Array.from({ length: 5 }, () => company(partner.token)));
    const ok = results.filter((r) => r.status === 200);
    const throttled = results.filter((r) => r.status === 429);
    expect(ok).toHaveLength(2);
    expect(throttled).toHaveLength(3);
    for (const r of throttled) {
      expect(r.headers['retry-after']).toBe('2');
      expect(r.body.error_code).toBe('APIG.0308');
    }
  });

  it('the counter is per token subject: another partner has its own', async () => {
    expect((await setLimit(COMPANY, 2)).status).toBe(200);
    const other = await newPartner(t);
    await at(0);
    expect((await company(partner.token)).status).toBe(200);
    expect((await company(partner.token)).status).toBe(200);
    expect((await company(partner.token)).status).toBe(429);
    expect((await company(other.token)).status).toBe(200);
    expect((await company(other.token)).status).toBe(200);
    expect((await company(other.token)).status).toBe(429);
  });

  it('the default limit is 10 per second (api.md Open point 4)', async () => {
    await at(0);
    const statuses = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await t.http.get('/api/v1/messages').set('X-Auth-Token', partner.token)).status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    const last = await t.http.get('/api/v1/messages').set('X-Auth-Token', partner.token);
    expect(last.status).toBe(429);
    expect(last.body.error_msg).toContain('limit:10,time:1 second');
  });

  it('reviewer calls are throttled too (every authenticated call)', async () => {
    expect((await setLimit('GET /api/v1/admin/jobs', 1)).status).toBe(200);
    await at(0);
    const first = await t.http.get('/api/v1/admin/jobs').set('X-Auth-Token', ops);
    const second = await t.http.get('/api/v1/admin/jobs').set('X-Auth-Token', ops);
    expect([first.status, second.status]).toEqual([200, 429]);
    expect(second.body.error_msg).toContain('limit:1,time:1 second');
  });

  it('public and test-hook routes are not throttled (no token subject)', async () => {
    expect((await setLimit('GET /api/v1/admin/test/clock', 1)).status).toBe(200);
    await at(0);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await t.http.get('/api/v1/admin/test/clock')).status);
    expect(statuses).toEqual([200, 200, 200]);
  });

  it('path parameters may be named freely; DELETE returns the operation to the default', async () => {
    const res = await setLimit('put /api/v1/admin/calendar/days/{day}', 3);
    expect(res.status).toBe(200);
    expect(res.body.operation).toBe('PUT /api/v1/admin/calendar/days/:date');
    const cleared = await t.http
      .delete(`/api/v1/admin/rate-limits/${encodeURIComponent('PUT /api/v1/admin/calendar/days/:date')}`)
      .set('X-Auth-Token', ops);
    expect(cleared.status).toBe(200);
    expect(cleared.body).toEqual({
      operation: 'PUT /api/v1/admin/calendar/days/:date',
      limit_per_second: 10,
      configured: false,
    });
  });

  it.each([
    [
      'an unknown operation',
      'GET /api/v1/nothing',
      { limit_per_second: 2 },
      404,
      'RATE_LIMIT_OPERATION_UNKNOWN',
    ],
    ['no method', '/api/v1/info/company', { limit_per_second: 2 }, 404, 'RATE_LIMIT_OPERATION_UNKNOWN'],
    ['limit 0', COMPANY, { limit_per_second: 0 }, 400, 'FIELD_INVALID'],
    ['a string limit', COMPANY, { limit_per_second: '2' }, 400, 'FIELD_INVALID'],
    ['a missing limit', COMPANY, {}, 400, 'FIELD_INVALID'],
  ])('%s is refused', async (_label, operation, body, status, code) => {
    const res = await t.http
      .put(`/api/v1/admin/rate-limits/${encodeURIComponent(operation)}`)
      .set('X-Auth-Token', ops)
      .send(body);
    expect(res.status).toBe(status);
    expect(res.body.error_code).toBe(code);
  });

  it('only reviewers with the operations role configure limits', async () => {
    const pdm = await newReviewer(t, ['pdm']);
    const byPdm = await t.http
      .put(`/api/v1/admin/rate-limits/${encodeURIComponent(COMPANY)}`)
      .set('X-Auth-Token', pdm.token)
      .send({ limit_per_second: 1 });
    expect(byPdm.status).toBe(403);
    expect(byPdm.body.error_code).toBe('REVIEWER_ROLE_REQUIRED');
    const byPartner = await t.http
      .put(`/api/v1/admin/rate-limits/${encodeURIComponent(COMPANY)}`)
      .set('X-Auth-Token', partner.token)
      .send({ limit_per_second: 1 });
    expect(byPartner.status).toBe(403);
    expect(byPartner.body.error_code).toBe('AUTH_TOKEN_TYPE_NOT_ALLOWED');
  });
});
