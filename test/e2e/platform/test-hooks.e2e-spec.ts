/**
 * API-037 test-environment hooks: they exist only with TEST_HOOKS=true (elsewhere their paths are unknown
 * routes, 404 APIGW.0101), production refuses them at boot; the clock, job-run, outbox and fake hooks; the
 * regular calendar admin endpoint; /health; and the OpenAPI document with each operation's `x-permission`.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { AuditLog } from '../../../libs/audit/index.js';
import { JobRun } from '../../../libs/scheduling/index.js';
import { ConfigError, loadConfig } from '../../../config/app.config.js';
import { createTestApp, usingMysql, type TestApp } from '../../setup/test-app.js';
import { type PartnerActor, newPartner, newReviewer } from '../../builders/actors.js';

const HOOKS: Array<[string, string, object | undefined]> = [
  ['GET', '/api/v1/admin/test/clock', undefined],
  ['PUT', '/api/v1/admin/test/clock', { now: '2025-03-03T10:00:00+08:00' }],
  ['DELETE', '/api/v1/admin/test/clock', undefined],
  ['POST', '/api/v1/admin/test/clock/advance', { ms: 1100 }],
  ['POST', '/api/v1/admin/jobs/J-SYS-NOTIFY/run', {}],
  ['POST', '/api/v1/admin/jobs/J-SYS-NOTIFY/run', undefined],
  ['GET', '/api/v1/admin/test/outbox?channel=sms', undefined],
  ['GET', '/api/v1/admin/test/fakes', undefined],
  ['PUT', '/api/v1/admin/test/fakes/CompanyRegistryPort', { default: 'pass' }],
  ['POST', '/api/v1/admin/test/accounts', { account_name: 'hook-probe', password: 'secret123' }],
  ['POST', '/api/v1/admin/test/reset', {}],
];

function send(t: TestApp, method: string, path: string, body: object | undefined) {
  const req = t.http[method.toLowerCase() as 'get' | 'put' | 'post' | 'delete'](path);
  return body === undefined ? req : req.send(body);
}

describe('API-037 hooks are absent without TEST_HOOKS=true', () => {
  let t: TestApp;
  let reviewer: string;
  beforeAll(async () => {
    t = await createTestApp({ TEST_HOOKS: 'false', NODE_ENV: 'development' });
    // no hook to create accounts here: a reviewer through the service
    reviewer = (await newReviewer(t, ['admin'])).token;
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(HOOKS)('%s %s → 404 APIGW.0101', async (method, path, body) => {
    const res = await send(t, method, path, body);
    expect(res.status).toBe(404);
    expect(res.body.error_code).toBe('APIGW.0101');
    expect(res.body.error_msg).toBe('API not exist or not published in the environment');
  });

  it('even with a reviewer admin token', async () => {
    const res = await t.http
      .put('/api/v1/admin/test/clock')
      .set('X-Auth-Token', reviewer)
      .send({ now: '2025-01-01' });
    expect(res.status).toBe(404);
    expect(res.body.error_code).toBe('APIGW.0101');
  });

  it('the regular admin endpoints stay (calendar days, with a token)', async () => {
    const res = await t.http.get('/api/v1/admin/calendar/days/2025-06-04').set('X-Auth-Token', reviewer);
    expect(res.status).toBe(200);
  });
});

describe('configuration is validated at boot', () => {
  const base = { NODE_ENV: 'development', DB_TYPE: 'sqlite' };
  const problems = (env: Record<string, string>): string => {
    try {
      loadConfig(env);
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      return (err as Error).message;
    }
    throw new Error('loadConfig accepted the configuration');
  };

  it('API-037: TEST_HOOKS=true is refused in production', () => {
    const msg = problems({ NODE_ENV: 'production', TEST_HOOKS: 'true', SESSION_SECRET: 's3cret-for-prod' });
    expect(msg).toContain('TEST_HOOKS=true is refused in production');
  });

  it('production needs its own session secret', () => {
    expect(problems({ NODE_ENV: 'production' })).toContain('SESSION_SECRET must be set in production');
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 's3cret-for-prod' }).TEST_HOOKS).toBe(false);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DB_TYPE', 'oracle'],
    ['BUSINESS_TIME_ZONE', 'Mars/Base'],
    ['TEST_HOOKS', 'maybe'],
    ['NODE_ENV', 'staging'],
    ['RATE_LIMIT_PER_SECOND', '0'],
    ['TOKEN_TTL_MS', '1.5'],
    ['LOG_LEVEL', 'loud'],
    ['CALENDAR_OVERRIDES', '2027-01-01:party'],
  ])('%s=%s is refused with a message naming it', (key, value) => {
    const msg = problems({ ...base, [key]: value });
    expect(msg).toMatch(/^Invalid configuration:/);
    expect(msg).toContain(key);
  });

  it('every problem is listed at once', () => {
    const msg = problems({ ...base, PORT: 'abc', DB_TYPE: 'oracle', BUSINESS_TIME_ZONE: 'Mars/Base' });
    expect(msg).toContain('PORT');
    expect(msg).toContain('DB_TYPE');
    expect(msg).toContain('BUSINESS_TIME_ZONE');
  });

  it('good values are typed', () => {
    const cfg = loadConfig({
      ...base,
      PORT: '8080',
      TEST_HOOKS: 'true',
      CRON_ENABLED: '0',
      RATE_LIMIT_PER_SECOND: '7',
    });
    expect(cfg.PORT).toBe(8080);
    expect(cfg.TEST_HOOKS).toBe(true);
    expect(cfg.CRON_ENABLED).toBe(false);
    expect(cfg.RATE_LIMIT_PER_SECOND).toBe(7);
    expect(cfg.BUSINESS_TIME_ZONE).toBe('Asia/Shanghai');
  });
});

describe('API-037 hooks with TEST_HOOKS=true', () => {
  let t: TestApp;
  let ops: string;
  let partner: PartnerActor;
  beforeAll(async () => {
    t = await createTestApp();
    ops = (await newReviewer(t, ['operations'])).token;
    partner = await newPartner(t);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('clock', () => {
    afterEach(() => t.clock.reset());

    it('PUT freezes the injected clock at the instant (any offset, answered in UTC); advance moves it; DELETE unfreezes', async () => {
      const set = await t.http.put('/api/v1/admin/test/clock').send({ now: '2025-03-03T10:00:00+08:00' });
      expect(set.status).toBe(200);
      expect(set.body).toEqual({ now: '2025-03-03T02:00:00.000Z', frozen: true });
      expect(t.clock.now().toISOString()).toBe('2025-03-03T02:00:00.000Z');
      const get = await t.http.get('/api/v1/admin/test/clock');
      expect(get.body.now).toBe('2025-03-03T02:00:00.000Z');
      const adv = await t.http.post('/api/v1/admin/test/clock/advance').send({ ms: 1100 });
      expect(adv.status).toBe(200);
      expect(adv.body.now).toBe('2025-03-03T02:00:01.100Z');
      const reset = await t.http.delete('/api/v1/admin/test/clock');
      expect(reset.status).toBe(200);
      expect(reset.body.frozen).toBe(false);
    });

    it('a date-time without an offset is UTC; a date alone is its UTC midnight', async () => {
      const a = await t.http.put('/api/v1/admin/test/clock').send({ now: '2025-03-03T10:00:00' });
      expect(a.body.now).toBe('2025-03-03T10:00:00.000Z');
      const b = await t.http.put('/api/v1/admin/test/clock').send({ now: '2025-03-03' });
      expect(b.body.now).toBe('2025-03-03T00:00:00.000Z');
    });

    it('the clock moves token expiry, throttling windows and deadlines alike: issued_at follows it', async () => {
      await t.http.put('/api/v1/admin/test/clock').send({ now: '2030-01-01T00:00:00Z' });
      const res = await t.http
        .post('/api/v1/auth/tokens')
        .send({ account: partner.accountName, password: 'Test@12345' });
      expect(res.body.issued_at).toBe('2030-01-01T00:00:00.000Z');
    });

    it.each([
      ['PUT', '/api/v1/admin/test/clock', { now: 'yesterday' }, 'now'],
      ['PUT', '/api/v1/admin/test/clock', { now: '1969-12-31T23:59:59Z' }, 'now'],
      ['PUT', '/api/v1/admin/test/clock', {}, 'now'],
      ['POST', '/api/v1/admin/test/clock/advance', { ms: -1 }, 'ms'],
      ['POST', '/api/v1/admin/test/clock/advance', { ms: 1.5 }, 'ms'],
      ['POST', '/api/v1/admin/test/clock/advance', { ms: 1e300 }, 'ms'],
    ])('%s %s %j → 400 FIELD_INVALID naming the field', async (method, path, body, field) => {
      const res = await send(t, method, path, body);
      expect(res.status).toBe(400);
      expect(res.body.error_code).toBe('FIELD_INVALID');
      expect(res.body.details).toEqual({ field });
    });
  });

  describe('jobs', () => {
    it('POST /api/v1/admin/jobs/J-SYS-NOTIFY/run delivers pending e-mail and SMS and answers the summary (no body needed)', async () => {
      const before = await t.http.get('/api/v1/admin/test/outbox?channel=email');
      expect(before.body.items.some((n: { status: string }) => n.status === 'pending')).toBe(true);
      const res = await t.http.post('/api/v1/admin/jobs/J-SYS-NOTIFY/run');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ job: 'J-SYS-NOTIFY', status: 'succeeded', summary: { failed: 0 } });
      expect(res.body.summary.sent).toBeGreaterThanOrEqual(2);
      expect(res.body.run_id).toEqual(expect.any(String));
      const after = await t.http.get('/api/v1/admin/test/outbox?channel=email');
      expect(after.body.items.every((n: { status: string }) => n.status === 'sent')).toBe(true);
      const run = await t.app.get(DataSource).getRepository(JobRun).findOneByOrFail({ id: res.body.run_id });
      expect(run.trigger).toBe('test');
      expect(run.status).toBe('succeeded');
      const again = await t.http.post('/api/v1/admin/jobs/J-SYS-NOTIFY/run').send({});
      expect(again.status).toBe(200);
      expect(again.body.summary).toEqual({ sent: 0, failed: 0 });
    });

    it('an unknown job → 404 JOB_NOT_FOUND', async () => {
      const res = await t.http.post('/api/v1/admin/jobs/J-NOPE/run').send({});
      expect(res.status).toBe(404);
      expect(res.body.error_code).toBe('JOB_NOT_FOUND');
    });

    it('operations see the job list with the last run', async () => {
      const res = await t.http.get('/api/v1/admin/jobs').set('X-Auth-Token', ops);
      expect(res.status).toBe(200);
      const notify = res.body.items.find((j: { job: string }) => j.job === 'J-SYS-NOTIFY');
      expect(notify.last_run.status).toBe('succeeded');
    });
  });

  describe('outbox', () => {
    it('filters by channel and recipient', async () => {
      const inApp = await t.http.get(`/api/v1/admin/test/outbox?channel=in_app&to=${partner.id}`);
      expect(inApp.status).toBe(200);
      expect(inApp.body.total_count).toBeGreaterThanOrEqual(1);
      for (const n of inApp.body.items) {
        expect(n.channel).toBe('in_app');
        expect(n.to).toBe(partner.id);
        expect(n.partner_account_id).toBe(partner.id);
      }
      const sms = await t.http.get('/api/v1/admin/test/outbox?channel=sms&to=13912345678');
      expect(sms.body.total_count).toBeGreaterThanOrEqual(1);
      expect(
        sms.body.items.every(
          (n: { channel: string; to: string }) => n.channel === 'sms' && n.to === '13912345678',
        ),
      ).toBe(true);
      const nobody = await t.http.get('/api/v1/admin/test/outbox?channel=email&to=nobody@example.test');
      expect(nobody.body).toEqual({ total_count: 0, items: [] });
    });

    it('refuses an unknown channel', async () => {
      const res = await t.http.get('/api/v1/admin/test/outbox?channel=fax');
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual({ field: 'channel' });
    });
  });

  describe('fakes', () => {
    it('PUT /api/v1/admin/test/fakes/{port} configures a registered fake by loose name', async () => {
      const res = await t.http.put('/api/v1/admin/test/fakes/company-registry').send({ default: 'mismatch' });
      expect(res.status).toBe(200);
      expect(res.body.port).toBe('CompanyRegistryPort');
      expect(res.body.state.default).toBe('mismatch');
      const reset = await t.http.post('/api/v1/admin/test/reset').send({});
      expect(reset.status).toBe(200);
      const list = await t.http.get('/api/v1/admin/test/fakes');
      const registry = list.body.items.find((f: { port: string }) => f.port === 'CompanyRegistryPort');
      expect(registry.state.default).toBe('pass');
    });

    it('the company-registry fake accepts a map, a list and a single result, and refuses unknown results', async () => {
      const put = (body: Record<string, unknown>) =>
        t.http.put('/api/v1/admin/test/fakes/company-registry').send(body);
      expect((await put({ '91310117557415205K': 'mismatch' })).body.state.results).toMatchObject({
        '91310117557415205K': 'mismatch',
      });
      const list = await put({
        results: [
          { uscc: '91110000000000000X', result: 'unavailable' },
          { org_code: '777023172', result: 'pass' },
        ],
      });
      expect(list.body.state.results).toMatchObject({
        '91110000000000000X': 'unavailable',
        '777023172': 'pass',
      });
      expect(
        (await put({ uscc: '91440300000000000A', result: 'mismatch' })).body.state.results,
      ).toMatchObject({
        '91440300000000000A': 'mismatch',
      });
      const bad = await put({ '91310117557415205K': 'maybe' });
      expect(bad.status).toBe(400);
      expect(bad.body.error_code).toBe('TEST_FAKE_CONFIG_INVALID');
      await t.http.post('/api/v1/admin/test/reset').send({});
    });

    it('an unknown port → 404 TEST_FAKE_NOT_FOUND listing the known ones', async () => {
      const res = await t.http.put('/api/v1/admin/test/fakes/NoSuchPort').send({});
      expect(res.status).toBe(404);
      expect(res.body.error_code).toBe('TEST_FAKE_NOT_FOUND');
      expect(res.body.details.ports).toContain('CompanyRegistryPort');
    });

    it('a body the fake cannot apply → 400 TEST_FAKE_CONFIG_INVALID, not 500', async () => {
      const list = await t.http.get('/api/v1/admin/test/fakes');
      expect(list.body.items.length).toBeGreaterThan(0);
      for (const { port } of list.body.items as Array<{ port: string }>) {
        const res = await t.http
          .put(`/api/v1/admin/test/fakes/${port}`)
          .send({ accounts: [null], results: 7 });
        expect([port, res.status < 500]).toEqual([port, true]);
      }
    });
  });

  describe('calendar days (regular operations endpoint)', () => {
    it('PUT /api/v1/admin/calendar/days/2025-06-04 {"kind":"holiday"} changes the day and is audited', async () => {
      const before = await t.http.get('/api/v1/admin/calendar/days/2025-06-04').set('X-Auth-Token', ops);
      expect(before.status).toBe(200);
      expect(before.body).toEqual({ date: '2025-06-04', working_day: true, override: null });
      const set = await t.http
        .put('/api/v1/admin/calendar/days/2025-06-04')
        .set('X-Auth-Token', ops)
        .send({ kind: 'holiday' });
      expect(set.status).toBe(200);
      expect(set.body).toEqual({ date: '2025-06-04', working_day: false, override: 'holiday' });
      const after = await t.http.get('/api/v1/admin/calendar/days/2025-06-04').set('X-Auth-Token', ops);
      expect(after.body.working_day).toBe(false);
      const audit = await t.app
        .get(DataSource)
        .getRepository(AuditLog)
        .find({ where: { entityType: 'calendar_day', entityId: '2025-06-04' } });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: 'calendar_day.set',
        actorKind: 'reviewer',
        before: null,
        after: { kind: 'holiday' },
      });
      expect(audit[0].requestId).toBe(set.headers['x-request-id']);

      const cleared = await t.http.delete('/api/v1/admin/calendar/days/2025-06-04').set('X-Auth-Token', ops);
      expect(cleared.body).toEqual({ date: '2025-06-04', working_day: true, override: null });
    });

    it('a make-up working day on a Saturday', async () => {
      const res = await t.http
        .put('/api/v1/admin/calendar/days/2025-06-07')
        .set('X-Auth-Token', ops)
        .send({ kind: 'working_day', note: 'make-up day' });
      expect(res.body).toEqual({ date: '2025-06-07', working_day: true, override: 'working_day' });
    });

    it('only operations may change days; partners and other reviewer roles are refused', async () => {
      const pdm = await newReviewer(t, ['pdm']);
      const byPdm = await t.http
        .put('/api/v1/admin/calendar/days/2025-06-05')
        .set('X-Auth-Token', pdm.token)
        .send({ kind: 'holiday' });
      expect(byPdm.status).toBe(403);
      const byPartner = await t.http
        .put('/api/v1/admin/calendar/days/2025-06-05')
        .set('X-Auth-Token', partner.token)
        .send({ kind: 'holiday' });
      expect(byPartner.status).toBe(403);
      const day = await t.http.get('/api/v1/admin/calendar/days/2025-06-05').set('X-Auth-Token', ops);
      expect(day.body.working_day).toBe(true);
    });
  });

  describe('health and OpenAPI', () => {
    it('GET /health answers ok with a database round trip', async () => {
      const res = await t.http.get('/health');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        status: 'ok',
        database: 'up',
        db_type: usingMysql() ? expect.stringMatching(/^(mariadb|mysql)$/) : 'better-sqlite3',
      });
    });

    it('/api/docs-json lists the operations, each with x-permission', async () => {
      const res = await t.http.get('/api/docs-json');
      expect(res.status).toBe(200);
      const paths = res.body.paths as Record<string, Record<string, Record<string, unknown>>>;
      expect(paths['/api/v1/info/company'].get['x-permission']).toBe('partner:info.company.view');
      expect(paths['/api/v1/admin/calendar/days/{date}'].put['x-permission']).toBe('reviewer:operations');
      expect(paths['/api/v1/admin/rate-limits/{operation}'].put['x-permission']).toBe('reviewer:operations');
      expect(paths['/api/v1/auth/tokens'].post['x-permission']).toBe('public');
      const missing = Object.entries(paths).flatMap(([path, item]) =>
        Object.entries(item)
          .filter(([, op]) => typeof op === 'object' && op !== null && !('x-permission' in op))
          .map(([method]) => `${method} ${path}`),
      );
      expect(missing).toEqual([]);
    });
  });
});
