/**
 * Deny by default (STYLE "Permissions and tenancy"): a snapshot of every route's declared access — a route
 * without a declaration fails the test — and, at runtime, a handler without a declaration is refused whoever
 * calls. Tenancy: a partner only ever sees its own rows. INFO-011 (not onboarded), ORG-004 (defaults with a
 * role) and ORG-005 (no role, no access).
 *
 * After adding or changing an endpoint, review the diff and update the snapshot:
 * `npm test -- test/e2e/platform/access -u`.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Controller, Get, Module, Post } from '@nestjs/common';
import { describeAccess, Public, ReviewerRoles } from '../../../libs/auth/index.js';
import { RouteCatalog } from '../../../libs/http/index.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';
import {
  type PartnerActor,
  newAccount,
  newMember,
  newPartner,
  newReviewer,
  onboardingBody,
} from '../../builders/actors.js';

/** Routes Express serves that are not Nest handlers (the guard does not see them): the OpenAPI viewer. */
const NOT_NEST_HANDLERS = /^\/api\/docs(\/|-json$|-yaml$|$)/;

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

function expressRoutes(t: TestApp): string[] {
  const server = t.app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
  return server.router.stack.flatMap((layer) =>
    layer.route
      ? Object.keys(layer.route.methods)
          .filter((m) => m !== '_all')
          .map((m) => `${m.toUpperCase()} ${layer.route!.path}`)
      : [],
  );
}

describe('route access declarations (deny by default)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('every route declares its access; the declarations match the snapshot', () => {
    const routes = t.app.get(RouteCatalog).routes();
    const undeclared = routes
      .filter((r) => !r.access)
      .map((r) => `${r.operation} (${r.controller}.${r.handler})`);
    expect(undeclared).toEqual([]);
    const lines = routes.map((r) => `${r.operation} → ${describeAccess(r.access!)}`);
    expect(lines.join('\n')).toMatchSnapshot();
  });

  it('the catalogue covers every route Express serves (besides the OpenAPI viewer)', () => {
    const catalogued = new Set(
      t.app
        .get(RouteCatalog)
        .routes()
        .map((r) => r.operation),
    );
    const served = expressRoutes(t).filter((op) => !NOT_NEST_HANDLERS.test(op.split(' ')[1]));
    expect(served.length).toBeGreaterThan(10);
    expect(served.filter((op) => !catalogued.has(op))).toEqual([]);
  });

  it('admin routes are reviewer routes or test hooks; partner routes never take reviewer rules', () => {
    for (const r of t.app.get(RouteCatalog).routes()) {
      const kind = r.access!.kind;
      if (r.path.startsWith('/api/v1/admin/')) {
        expect([r.operation, ['reviewer', 'test_hook'].includes(kind)]).toEqual([r.operation, true]);
      } else {
        expect([r.operation, kind === 'reviewer' || kind === 'test_hook']).toEqual([r.operation, false]);
      }
    }
  });
});

@Controller('api/v1/probe')
class UndeclaredProbeController {
  @Get('undeclared')
  undeclared() {
    return { reached: true };
  }

  @Post('undeclared')
  undeclaredPost() {
    return { reached: true };
  }
}

@Public()
@Controller('api/v1/probe-class')
class ClassDeclaredProbeController {
  @Get('open')
  open() {
    return { reached: true };
  }

  @Get('ops')
  @ReviewerRoles('operations')
  ops() {
    return { reached: true };
  }
}

@Module({ controllers: [UndeclaredProbeController, ClassDeclaredProbeController] })
class ProbeModule {}

describe('a handler without an access declaration is refused at runtime', () => {
  let t: TestApp;
  let partner: PartnerActor;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp({}, { modules: [{ module: ProbeModule }] });
    partner = await newPartner(t);
    admin = (await newReviewer(t, ['admin'])).token;
  });
  afterAll(async () => {
    await t.close();
  });

  it('the route catalogue reports it as undeclared', () => {
    const probe = t.app
      .get(RouteCatalog)
      .routes()
      .filter((r) => r.path === '/api/v1/probe/undeclared');
    expect(probe.map((r) => [r.operation, r.access])).toEqual([
      ['GET /api/v1/probe/undeclared', undefined],
      ['POST /api/v1/probe/undeclared', undefined],
    ]);
  });

  it.each([
    ['no token', {}],
    ['a partner admin token', 'partner'],
    ['a reviewer admin token', 'reviewer'],
  ])('with %s → 403 ORG_PERMISSION_DENIED and the handler never runs', async (_label, who) => {
    const headers: Record<string, string> =
      who === 'partner'
        ? { 'X-Auth-Token': partner.token }
        : who === 'reviewer'
          ? { 'X-Auth-Token': admin }
          : {};
    const get = await t.http.get('/api/v1/probe/undeclared').set(headers);
    expect(get.status).toBe(403);
    expect(get.body.error_code).toBe('ORG_PERMISSION_DENIED');
    expect(get.body.reached).toBeUndefined();
    const post = await t.http.post('/api/v1/probe/undeclared').set(headers).send({});
    expect(post.status).toBe(403);
  });

  it('a class-level declaration covers its handlers, and a handler-level one overrides it', async () => {
    const open = await t.http.get('/api/v1/probe-class/open');
    expect(open.status).toBe(200);
    expect(open.body).toEqual({ reached: true });
    const ops = await t.http.get('/api/v1/probe-class/ops');
    expect(ops.status).toBe(401);
    const opsOk = await t.http.get('/api/v1/probe-class/ops').set('X-Auth-Token', admin);
    expect(opsOk.status).toBe(200);
  });
});

describe('tenancy and partner access (INFO-011, ORG-004, ORG-005)', () => {
  let t: TestApp;
  let a: PartnerActor;
  let b: PartnerActor;
  beforeAll(async () => {
    t = await createTestApp();
    a = await newPartner(t);
    b = await newPartner(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it("each partner's onboarding status shows its own application only", async () => {
    const sa = await t.http.get('/api/v1/onboarding/status').set('X-Auth-Token', a.token);
    const sb = await t.http.get('/api/v1/onboarding/status').set('X-Auth-Token', b.token);
    expect(sa.status).toBe(200);
    expect(sb.status).toBe(200);
    expect(sa.body.uscc).toBe(a.uscc);
    expect(sb.body.uscc).toBe(b.uscc);
    expect(sa.body.application_id).not.toBe(sb.body.application_id);
    const fresh = await newAccount(t);
    const sf = await t.http.get('/api/v1/onboarding/status').set('X-Auth-Token', fresh.token);
    expect(sf.status).toBe(200);
    expect(sf.body.status).toBe('not_submitted');
  });

  it("company info is the caller's own", async () => {
    const ca = await t.http.get('/api/v1/info/company').set('X-Auth-Token', a.token);
    const cb = await t.http.get('/api/v1/info/company').set('X-Auth-Token', b.token);
    expect(ca.body.uscc).toBe(a.uscc);
    expect(cb.body.uscc).toBe(b.uscc);
  });

  it("in-app messages: B never sees A's, A's org member sees A's", async () => {
    const ma = await t.http.get('/api/v1/messages?limit=100').set('X-Auth-Token', a.token);
    const mb = await t.http.get('/api/v1/messages?limit=100').set('X-Auth-Token', b.token);
    expect(ma.status).toBe(200);
    expect(mb.status).toBe(200);
    expect(ma.body.total_count).toBeGreaterThanOrEqual(1);
    expect(mb.body.total_count).toBeGreaterThanOrEqual(1);
    const idsA = new Set((ma.body.items as Array<{ id: string }>).map((m) => m.id));
    expect((mb.body.items as Array<{ id: string }>).filter((m) => idsA.has(m.id))).toEqual([]);
    const member = await newMember(t, a, ['admin']);
    const mm = await t.http.get('/api/v1/messages?limit=100').set('X-Auth-Token', member.token);
    expect(mm.status).toBe(200);
    expect((mm.body.items as Array<{ id: string }>).map((m) => m.id).sort()).toEqual([...idsA].sort());
  });

  it('a partner cannot reach reviewer data: onboarding applications by id answer 403 to partner tokens', async () => {
    const sa = await t.http.get('/api/v1/onboarding/status').set('X-Auth-Token', a.token);
    const res = await t.http
      .get(`/api/v1/admin/onboarding/applications/${sa.body.application_id}`)
      .set('X-Auth-Token', b.token);
    expect(res.status).toBe(403);
    expect(res.body.error_code).toBe('AUTH_TOKEN_TYPE_NOT_ALLOWED');
  });

  it('INFO-011: a not-onboarded account on GET /api/v1/info/company → 403 INFO_NOT_ONBOARDED', async () => {
    const fresh = await newAccount(t);
    const res = await t.http.get('/api/v1/info/company').set('X-Auth-Token', fresh.token);
    expect(res.status).toBe(403);
    expect(res.body.error_code).toBe('INFO_NOT_ONBOARDED');
  });

  it('INFO-011: routes open to not-onboarded accounts still answer them (messages, onboarding status)', async () => {
    const fresh = await newAccount(t);
    expect((await t.http.get('/api/v1/messages').set('X-Auth-Token', fresh.token)).status).toBe(200);
    expect((await t.http.get('/api/v1/onboarding/status').set('X-Auth-Token', fresh.token)).status).toBe(200);
  });

  it('ORG-005: an org member without any role → 403 ORG_PERMISSION_DENIED, on permission and any-partner routes', async () => {
    const member = await newMember(t, a, []);
    const company = await t.http.get('/api/v1/info/company').set('X-Auth-Token', member.token);
    expect(company.status).toBe(403);
    expect(company.body.error_code).toBe('ORG_PERMISSION_DENIED');
    expect(company.body.details).toEqual({ permission: 'info.company.view' });
    const messages = await t.http.get('/api/v1/messages').set('X-Auth-Token', member.token);
    expect(messages.status).toBe(403);
    expect(messages.body.error_code).toBe('ORG_PERMISSION_DENIED');
    const logout = await t.http.delete('/api/v1/auth/tokens').set('X-Auth-Token', member.token);
    expect(logout.status).toBe(204);
  });

  it('ORG-004: with the admin role, or any role, the identity defaults apply (info.company.view) → 200', async () => {
    const admin = await newMember(t, a, ['admin']);
    const res = await t.http.get('/api/v1/info/company').set('X-Auth-Token', admin.token);
    expect(res.status).toBe(200);
    expect(res.body.uscc).toBe(a.uscc);
    const cm = await newMember(t, a, ['customer_manager']);
    const res2 = await t.http.get('/api/v1/info/company').set('X-Auth-Token', cm.token);
    expect(res2.status).toBe(200);
  });

  it('partner-admin routes refuse org members, even with the preset admin role', async () => {
    const admin = await newMember(t, a, ['admin']);
    const res = await t.http.get('/api/v1/onboarding/status').set('X-Auth-Token', admin.token);
    expect(res.status).toBe(403);
    expect(res.body.error_code).toBe('ORG_ADMIN_REQUIRED');
  });

  it("another account onboarding with A's legal entity does not change A's views", async () => {
    const fresh = await newAccount(t, { uscc: a.uscc, company_name: a.companyName });
    const res = await t.http
      .post('/api/v1/onboarding/applications')
      .set('X-Auth-Token', fresh.token)
      .send(onboardingBody(fresh));
    expect(res.status).toBeLessThan(500);
    const ca = await t.http.get('/api/v1/info/company').set('X-Auth-Token', a.token);
    expect(ca.body.uscc).toBe(a.uscc);
    const sa = await t.http.get('/api/v1/onboarding/status').set('X-Auth-Token', a.token);
    expect(sa.body.uscc).toBe(a.uscc);
    expect(sa.body.application_id).not.toBe(res.body.application_id);
  });
});
