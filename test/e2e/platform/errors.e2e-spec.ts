/**
 * The one error contract (api.md "Transport conventions", API-001…API-004, API-035): every error answers
 * `{ error_code, error_msg, request_id }` (+ `details`), the request id is the `X-Request-Id` header, the
 * gateway answers unknown routes with APIGW.0101 and non-JSON bodies with CBC.0100, module endpoints answer
 * their own field code, and no input produces a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { createTestApp, type TestApp } from '../../setup/test-app.js';
import { type PartnerActor, newPartner, newReviewer } from '../../builders/actors.js';

const JSON_MSG = 'Request body must be JSON with Content-Type application/json';

/** API-001: exactly these top-level keys, request id = header, 32 lowercase hex. */
function expectErrorEnvelope(res: Response): void {
  const keys = Object.keys(res.body as object).sort();
  const allowed = ['details', 'error_code', 'error_msg', 'request_id'];
  expect(keys.filter((k) => !allowed.includes(k))).toEqual([]);
  expect(keys).toEqual(expect.arrayContaining(['error_code', 'error_msg', 'request_id']));
  expect(typeof res.body.error_code).toBe('string');
  expect(typeof res.body.error_msg).toBe('string');
  expect(res.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
  expect(res.body.request_id).toBe(res.headers['x-request-id']);
  if ('details' in res.body) expect(typeof res.body.details).toBe('object');
}

describe('error contract (API-001…API-004, API-035)', () => {
  let t: TestApp;
  let partner: PartnerActor;
  let reviewerToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    partner = await newPartner(t);
    reviewerToken = (await newReviewer(t, ['operations'])).token;
  });
  afterAll(async () => {
    await t.close();
  });

  describe('API-004 unknown routes', () => {
    it.each([
      ['GET', '/api/v1/accounts/partner-accounts/balance-old'],
      ['GET', '/api/v1/info/company/x/unknown'],
      ['GET', '/api/v2/anything'],
      ['GET', '/nothing-here'],
      ['DELETE', '/api/v1/info/company'],
      ['PUT', '/api/v1/info/company'],
      ['PATCH', '/api/v1/messages'],
      ['GET', '/api/v1/auth/tokens'],
      ['OPTIONS', '/api/v1/info/company'],
    ])('%s %s → 404 APIGW.0101', async (method, path) => {
      const res = await t.http[method.toLowerCase() as 'get' | 'put' | 'patch' | 'delete' | 'options'](path)
        .set('X-Auth-Token', partner.token)
        .set('Content-Type', 'application/json')
        .send(['GET', 'DELETE', 'OPTIONS'].includes(method) ? undefined : {});
      expect(res.status).toBe(404);
      expect(res.body.error_code).toBe('APIGW.0101');
      expect(res.body.error_msg).toBe('API not exist or not published in the environment');
      expectErrorEnvelope(res);
    });

    it('an unknown route answers 404 even without a token (the gateway cannot tell its layer)', async () => {
      const res = await t.http.get('/api/v1/opportunities/x/unknown');
      expect(res.status).toBe(404);
      expect(res.body.error_code).toBe('APIGW.0101');
    });
  });

  describe('API-002 request bodies must be JSON objects', () => {
    const path = '/api/v1/onboarding/applications';

    it('Content-Type text/plain → 400 CBC.0100', async () => {
      const res = await t.http
        .post(path)
        .set('X-Auth-Token', partner.token)
        .set('Content-Type', 'text/plain')
        .send('{"company_name":"x"}');
      expect(res.status).toBe(400);
      expect(res.body.error_code).toBe('CBC.0100');
      expect(res.body.error_msg).toBe(JSON_MSG);
      expectErrorEnvelope(res);
    });

    it('malformed JSON → 400 CBC.0100', async () => {
      const res = await t.http
        .post(path)
        .set('X-Auth-Token', partner.token)
        .set('Content-Type', 'application/json')
        .send('{"company_name": ');
      expect(res.status).toBe(400);
      expect(res.body.error_code).toBe('CBC.0100');
      expectErrorEnvelope(res);
    });

    it.each([
      ['an array', '[1,2]'],
      ['a string', '"x"'],
      ['a number', '42'],
      ['null', 'null'],
    ])('a JSON %s → 400 CBC.0100', async (_label, raw) => {
      const res = await t.http
        .post(path)
        .set('X-Auth-Token', partner.token)
        .set('Content-Type', 'application/json')
        .send(raw);
      expect(res.status).toBe(400);
      expect(res.body.error_code).toBe('CBC.0100');
      expectErrorEnvelope(res);
    });

    it('JSON content type with an empty body → 400 CBC.0100', async () => {
      const res = await t.http
        .post(path)
        .set('X-Auth-Token', partner.token)
        .set('Content-Type', 'application/json');
      expect(res.status).toBe(400);
      expect(res.body.error_code).toBe('CBC.0100');
      expectErrorEnvelope(res);
    });

    it('no body at all on an endpoint that takes one → 400 CBC.0100 (send {} when all fields are optional)', async () => {
      const res = await t.http.put('/api/v1/admin/test/clock');
      expect(res.status).toBe(400);
      expect(res.body.error_code).toBe('CBC.0100');
      expectErrorEnvelope(res);
    });

    it('the gateway checks the body before routing: unknown route with text/plain → 400 CBC.0100', async () => {
      const res = await t.http.post('/api/v1/no-such-thing').set('Content-Type', 'text/plain').send('hello');
      expect(res.status).toBe(400);
      expect(res.body.error_code).toBe('CBC.0100');
    });

    it('a charset the JSON parser does not support → 400 CBC.0100', async () => {
      const res = await t.http
        .post(path)
        .set('X-Auth-Token', partner.token)
        .set('Content-Type', 'application/json; charset=koi8-r')
        .send('{}');
      expect(res.status).toBe(400);
      expect(res.body.error_code).toBe('CBC.0100');
    });

    it('a body with a bogus content encoding → 400 CBC.0100', async () => {
      const res = await t.http
        .post(path)
        .set('X-Auth-Token', partner.token)
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'gzip')
        .send('{"not":"gzipped"}');
      expect(res.status).toBe(400);
      expect(res.body.error_code).toBe('CBC.0100');
    });

    it('a body over 1 MB → 400 CBC.0100', async () => {
      const res = await t.http
        .post(path)
        .set('X-Auth-Token', partner.token)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ company_name: 'x'.repeat(1_100_000) }));
      expect(res.status).toBe(400);
      expect(res.body.error_code).toBe('CBC.0100');
    });
  });

  describe('API-003 validation answers the module field code with details.field', () => {
    it('a wrong type → INFO_FIELD_INVALID naming the field', async () => {
      const res = await t.http
        .post('/api/v1/onboarding/applications')
        .set('X-Auth-Token', partner.token)
        .send({ company_name: 42 });
      expect(res.status).toBe(400);
      expect(res.body.error_code).toBe('INFO_FIELD_INVALID');
      expect(res.body.details).toEqual({ field: 'company_name' });
      expect(res.body.error_msg).toContain('company_name');
      expectErrorEnvelope(res);
    });

    it('unknown fields are refused (forbidNonWhitelisted), naming the field', async () => {
      const res = await t.http
        .put('/api/v1/admin/calendar/days/2025-06-04')
        .set('X-Auth-Token', reviewerToken)
        .send({ kind: 'holiday', colour: 'red' });
      expect(res.status).toBe(400);
      expect(res.body.error_code).toBe('FIELD_INVALID');
      expect(res.body.details).toEqual({ field: 'colour' });
      expect(res.body.error_msg).toBe('Invalid parameter: colour is not a known field');
    });

    it('the token endpoint answers AUTH_FIELD_INVALID for a missing password', async () => {
      const res = await t.http.post('/api/v1/auth/tokens').send({ account: partner.accountName });
      expect(res.status).toBe(400);
      expect(res.body.error_code).toBe('AUTH_FIELD_INVALID');
      expect(res.body.details).toEqual({ field: 'password' });
    });
  });

  describe('API-035 pagination bounds', () => {
    it.each([
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=abc', 'limit'],
      ['limit=1.5', 'limit'],
      ['offset=-1', 'offset'],
      ['offset=x', 'offset'],
      ['limit=1&limit=2', 'limit'],
    ])('GET /api/v1/messages?%s → 400 with details.field=%s', async (qs, field) => {
      const res = await t.http.get(`/api/v1/messages?${qs}`).set('X-Auth-Token', partner.token);
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual({ field });
      expect(res.body.error_msg).toContain(field);
      expectErrorEnvelope(res);
    });

    it('limit 1 and 100 are accepted; total_count ignores the page; offset past the end is empty', async () => {
      const one = await t.http.get('/api/v1/messages?limit=1').set('X-Auth-Token', partner.token);
      expect(one.status).toBe(200);
      expect(one.body.total_count).toBeGreaterThanOrEqual(1);
      expect(one.body.items).toHaveLength(1);
      const hundred = await t.http.get('/api/v1/messages?limit=100').set('X-Auth-Token', partner.token);
      expect(hundred.status).toBe(200);
      expect(hundred.body.items).toHaveLength(hundred.body.total_count);
      const past = await t.http
        .get(`/api/v1/messages?offset=${one.body.total_count}`)
        .set('X-Auth-Token', partner.token);
      expect(past.status).toBe(200);
      expect(past.body.items).toEqual([]);
      expect(past.body.total_count).toBe(one.body.total_count);
    });
  });

  describe('API-001 the envelope of every kind of error', () => {
    it.each([
      ['401 missing token', () => t.http.get('/api/v1/info/company'), 401],
      ['401 garbage token', () => t.http.get('/api/v1/info/company').set('X-Auth-Token', 'abc'), 401],
      [
        '403 wrong token type',
        () => t.http.get('/api/v1/admin/jobs').set('X-Auth-Token', partner.token),
        403,
      ],
      [
        '404 unknown job',
        () => t.http.post('/api/v1/admin/jobs/J-NOPE/run').set('Content-Type', 'application/json').send({}),
        404,
      ],
      [
        '400 invalid calendar date',
        () => t.http.get('/api/v1/admin/calendar/days/2025-02-30').set('X-Auth-Token', reviewerToken),
        400,
      ],
    ])('%s', async (_label, call, status) => {
      const res = await call();
      expect(res.status).toBe(status);
      expectErrorEnvelope(res);
    });

    it('successful responses carry an X-Request-Id too, unique per request', async () => {
      const a = await t.http.get('/health');
      const b = await t.http.get('/health');
      expect(a.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
      expect(b.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
      expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
    });
  });

  describe('API-005 no input produces a 500', () => {
    type Call = [string, string, string, unknown];
    const odd: Call[] = [
      ['GET', '/api/v1/admin/calendar/days/%E0%A4%A', 'reviewer', undefined],
      ['GET', '/api/v1/admin/calendar/days/99999-01-01', 'reviewer', undefined],
      ['GET', '/api/v1/admin/calendar/days/%00', 'reviewer', undefined],
      ['PUT', '/api/v1/admin/calendar/days/2025-06-04', 'reviewer', { kind: ['holiday'] }],
      ['PUT', '/api/v1/admin/calendar/days/2025-06-04', 'reviewer', { kind: 'holiday', note: { a: 1 } }],
      ['PUT', '/api/v1/admin/calendar/days/2025-06-04', 'reviewer', { __proto__: { kind: 'x' } }],
      ['PUT', '/api/v1/admin/calendar/days/not-a-date', 'reviewer', { kind: 'holiday' }],
      ['GET', '/api/v1/messages?offset[$gt]=1', 'partner', undefined],
      ['GET', '/api/v1/messages?limit=1e400', 'partner', undefined],
      ['GET', '/api/v1/messages?limit=99999999999999999999999', 'partner', undefined],
      ['GET', '/api/v1/messages?' + 'a=1&'.repeat(1500), 'partner', undefined],
      ['POST', '/api/v1/auth/tokens', 'none', { account: ['a'], password: 'x' }],
      ['POST', '/api/v1/auth/tokens', 'none', { account: 'x'.repeat(10_000), password: 'x' }],
      ['POST', '/api/v1/auth/tokens', 'none', { auth: { identity: null } }],
      ['POST', '/api/v1/auth/tokens', 'none', { auth: { identity: { password: { user: [] } } } }],
      ['POST', '/api/v1/auth/tokens', 'none', { auth: [] }],
      ['POST', '/api/v1/auth/tokens', 'none', { reviewer: 'a@b', password: '\u0000'.repeat(300) }],
      ['POST', '/api/v1/onboarding/applications', 'partner', { company_name: 'x'.repeat(500) }],
      ['POST', '/api/v1/onboarding/applications', 'partner', { company_name: 'x', uscc: '\u{1F600}' }],
      ['GET', '/api/v1/onboarding/status', 'garbage', undefined],
      ['GET', '/api/v1/info/company', 'long', undefined],
      ['PUT', '/api/v1/admin/test/clock', 'none', { now: '+275761-01-01T00:00:00Z' }],
      ['PUT', '/api/v1/admin/test/clock', 'none', { now: 12 }],
      ['POST', '/api/v1/admin/test/clock/advance', 'none', { ms: 1e300 }],
      ['POST', '/api/v1/admin/test/clock/advance', 'none', { ms: '1100' }],
      ['PUT', '/api/v1/admin/test/fakes/company-registry', 'none', { results: null, default: 7 }],
      ['PUT', '/api/v1/admin/test/fakes/identity', 'none', { accounts: [null, 1, 'x'] }],
      ['GET', '/api/v1/admin/test/outbox?channel[]=sms', 'none', undefined],
      ['POST', '/api/v1/admin/jobs/%2e%2e/run', 'none', {}],
      ['GET', '/api/v1/admin/jobs', 'reviewer', undefined],
    ];

    const rows = odd.map(([method, path, who, body]) => ({
      method,
      path,
      who,
      body,
      label: path.length > 80 ? `${path.slice(0, 60)}…(${path.length} chars)` : path,
    }));

    it.each(rows)('$method $label ($who) answers < 500', async ({ method, path, who, body }) => {
      let req = t.http[method.toLowerCase() as 'get' | 'put' | 'post'](path);
      if (who === 'partner') req = req.set('X-Auth-Token', partner.token);
      if (who === 'reviewer') req = req.set('X-Auth-Token', reviewerToken);
      if (who === 'garbage') req = req.set('Authorization', 'Bearer \u00ff\u00fe');
      if (who === 'long') req = req.set('X-Auth-Token', 'a'.repeat(8000));
      const res = body === undefined ? await req : await req.send(body as object);
      expect(res.status).toBeLessThan(500);
      expect(res.status).toBeGreaterThanOrEqual(200);
      if (res.status >= 400) expectErrorEnvelope(res);
    });

    it('the clock survives the odd inputs (still a valid instant)', async () => {
      const res = await t.http.get('/api/v1/admin/test/clock');
      expect(res.status).toBe(200);
      expect(Number.isNaN(Date.parse(res.body.now))).toBe(false);
    });
  });
});
