/**
 * The table-driven access test (STYLE "Tests"; org.md ORG-001, ORG-005, ORG-008, ORG-009, ORG-017), shared by
 * every module: actor × every endpoint of the given modules → expected answer. The endpoints are read from the
 * application's route catalog (an endpoint added later is covered automatically), the expected answer from its
 * access declaration and the actor's effective permissions:
 *   - anonymous → 401 AUTH_TOKEN_INVALID (every non-public route);
 *   - reviewer token on a partner route → 403 AUTH_TOKEN_TYPE_NOT_ALLOWED; partner tokens on reviewer or
 *     personal-account routes → 403 AUTH_TOKEN_TYPE_NOT_ALLOWED; a reviewer without the role → 403
 *     REVIEWER_ROLE_REQUIRED; a reviewer with every role passes;
 *   - partner-admin-only routes: every org member (preset admin role included) → 403 ORG_ADMIN_REQUIRED;
 *   - permission routes: a member without the key (no role at all included) → 403 ORG_PERMISSION_DENIED;
 *   - otherwise the call passes the access check: whatever the handler answers (400 on the empty body, 404 for
 *     the random ids — also for the other partner, tenancy), never 401/403 of access and never a 5xx.
 * The partners' identity (table 7-1 column) is set through the membership overlay hook, so the path-only and
 * reseller-only keys are each covered by one of the tables.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { AccessRule } from '../../libs/auth/index.js';
import { REVIEWER_ROLES } from '../../libs/context/index.js';
import { RouteCatalog, type RouteInfo } from '../../libs/http/route-catalog.js';
import { createTestApp, type TestApp } from '../setup/test-app.js';
import { newPartner, newReviewer, PASSWORD, tokenFor, type PartnerActor } from './actors.js';

export type ActorName =
  | 'partner admin'
  | 'member with admin role'
  | 'member with the key'
  | 'member without the key'
  | 'member without role'
  | 'customer manager only'
  | 'another partner'
  | 'reviewer (operations)'
  | 'reviewer (every role)'
  | 'anonymous';

type Expectation = { pass: true } | { pass: false; status: number; code: string };

const ACCESS_DENIALS = new Set([
  'ORG_PERMISSION_DENIED',
  'ORG_ADMIN_REQUIRED',
  'AUTH_TOKEN_TYPE_NOT_ALLOWED',
  'REVIEWER_ROLE_REQUIRED',
  'AUTH_TOKEN_INVALID',
  'ORG_NOT_ORG_MEMBER',
]);

const deny = (status: number, code: string): Expectation => ({ pass: false, status, code });

export interface PermissionTableOptions {
  /** the Nest modules whose controllers are covered */
  modules: () => Type[];
  /** the partners' identity: `reseller` (an active SP membership) or `path` (an active software path) */
  identity: 'reseller' | 'path';
  /** operations that must be among the covered routes (guards against an empty catalog) */
  mustContain: string[];
  minRoutes: number;
}

export interface PermissionTable {
  readonly t: TestApp;
  readonly a: PartnerActor;
  readonly b: PartnerActor;
  token(actor: ActorName): string;
}

/** Registers beforeAll/afterAll and the two table tests in the calling `describe`. */
export function permissionTable(opts: PermissionTableOptions): PermissionTable {
  let t: TestApp;
  let a: PartnerActor;
  let b: PartnerActor;
  let routes: RouteInfo[] = [];
  const tokens = new Map<ActorName, string>();
  const perms = new Map<ActorName, Set<string>>();
  const keyMembers = new Map<string, { token: string; perms: Set<string> } | null>();
  let grantable = new Set<string>();
  let seq = 0;

  const as = (token: string) => ({
    get: (url: string) => t.http.get(url).set('X-Auth-Token', token),
    post: (url: string, body: object) => t.http.post(url).set('X-Auth-Token', token).send(body),
  });

  async function member(roleIds: string[]): Promise<{ token: string; perms: Set<string> }> {
    seq++;
    const login = `pt${seq}`;
    const res = await as(a.token).post('/api/v1/org/members', {
      login_name: login,
      email: `${login}@acme.example`,
      password: PASSWORD,
      role_ids: roleIds,
    });
    expect(res.status).toBe(201);
    const eff = await as(a.token).get(`/api/v1/org/members/${res.body.id}/effective-permissions`);
    const token = await tokenFor(t, { account: a.accountName, member: login, password: PASSWORD });
    return { token, perms: new Set(eff.body.permission_keys as string[]) };
  }

  async function customRole(keys: string[]): Promise<string> {
    seq++;
    const res = await as(a.token).post('/api/v1/org/roles', { name: `table ${seq}`, permission_keys: keys });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  /** A member whose custom role holds exactly `key` (null when the identity does not allow the key). */
  async function memberWithKey(key: string) {
    if (!keyMembers.has(key)) {
      keyMembers.set(key, grantable.has(key) ? await member([await customRole([key])]) : null);
    }
    return keyMembers.get(key)!;
  }

  function expectation(rule: AccessRule, actor: ActorName, actorPerms: Set<string> | undefined): Expectation {
    if (rule.kind === 'public') return { pass: true };
    if (actor === 'anonymous') return deny(401, 'AUTH_TOKEN_INVALID');
    const reviewer = actor === 'reviewer (operations)' || actor === 'reviewer (every role)';
    const isAdmin = actor === 'partner admin' || actor === 'another partner';
    switch (rule.kind) {
      case 'any_token':
        return { pass: true };
      case 'reviewer':
        if (!reviewer && rule.partnerDenial === 'permission') return deny(403, 'ORG_PERMISSION_DENIED');
        if (!reviewer) return deny(403, 'AUTH_TOKEN_TYPE_NOT_ALLOWED');
        return actor === 'reviewer (every role)' || rule.roles.includes('operations')
          ? { pass: true }
          : deny(403, 'REVIEWER_ROLE_REQUIRED');
      case 'personal':
        return deny(403, 'AUTH_TOKEN_TYPE_NOT_ALLOWED');
      case 'partner_admin':
        if (reviewer) return deny(403, 'AUTH_TOKEN_TYPE_NOT_ALLOWED');
        return isAdmin ? { pass: true } : deny(403, 'ORG_ADMIN_REQUIRED');
      case 'any_partner':
        if (reviewer) return deny(403, 'AUTH_TOKEN_TYPE_NOT_ALLOWED');
        return actor === 'member without role' ? deny(403, 'ORG_PERMISSION_DENIED') : { pass: true };
      case 'permission':
        if (reviewer) return deny(403, 'AUTH_TOKEN_TYPE_NOT_ALLOWED');
        return actorPerms?.has(rule.key) ? { pass: true } : deny(403, 'ORG_PERMISSION_DENIED');
      case 'any_permission':
        if (reviewer) return deny(403, 'AUTH_TOKEN_TYPE_NOT_ALLOWED');
        return rule.keys.some((k) => actorPerms?.has(k))
          ? { pass: true }
          : deny(403, 'ORG_PERMISSION_DENIED');
      case 'test_hook':
        return { pass: true };
    }
  }

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_PER_SECOND: '100000' });
    a = await newPartner(t);
    b = await newPartner(t);
    for (const p of [a, b]) {
      await t.http
        .put('/api/v1/admin/test/fakes/memberships')
        .send(
          opts.identity === 'reseller'
            ? { partner_account_id: p.id, programs: [{ program: 'solution_provider', status: 'active' }] }
            : { partner_account_id: p.id, paths: [{ path: 'software', status: 'active' }] },
        );
    }
    const presets: Record<string, string> = {};
    for (const r of (await as(a.token).get('/api/v1/org/roles')).body.items as Array<{
      code: string;
      id: string;
    }>)
      presets[r.code] = r.id;
    grantable = new Set(
      (await as(a.token).get('/api/v1/org/permission-keys')).body.permission_keys as string[],
    );

    tokens.set('partner admin', a.token);
    perms.set('partner admin', grantable);
    tokens.set('another partner', b.token);
    perms.set('another partner', grantable);
    const adminRole = await member([presets.admin]);
    tokens.set('member with admin role', adminRole.token);
    perms.set('member with admin role', adminRole.perms);
    const noKey = await member([await customRole([])]);
    tokens.set('member without the key', noKey.token);
    perms.set('member without the key', noKey.perms);
    const noRole = await member([]);
    tokens.set('member without role', noRole.token);
    perms.set('member without role', noRole.perms);
    const cm = await member([presets.customer_manager]);
    tokens.set('customer manager only', cm.token);
    perms.set('customer manager only', cm.perms);
    tokens.set('reviewer (operations)', (await newReviewer(t, ['operations'])).token);
    tokens.set('reviewer (every role)', (await newReviewer(t, [...REVIEWER_ROLES])).token);

    const wanted = new Set<unknown>(opts.modules());
    const modules = [...t.app.get(ModulesContainer).values()].filter((m) => wanted.has(m.metatype));
    const controllers = new Set(modules.flatMap((m) => [...m.controllers.values()].map((c) => c.name)));
    routes = t.app
      .get(RouteCatalog)
      .routes()
      .filter((r) => controllers.has(r.controller) && r.access && r.access.kind !== 'test_hook');
  });
  afterAll(async () => {
    await t.close();
  });

  it('covers every endpoint of the modules, and each declares its access (deny by default)', () => {
    expect(routes.length).toBeGreaterThanOrEqual(opts.minRoutes);
    const mine = routes.map((r) => r.operation);
    for (const op of opts.mustContain) expect(mine).toContain(op);
  });

  it('actor × endpoint → expected status', async () => {
    const actors: ActorName[] = [
      'partner admin',
      'member with admin role',
      'member with the key',
      'member without the key',
      'member without role',
      'customer manager only',
      'another partner',
      'reviewer (operations)',
      'reviewer (every role)',
      'anonymous',
    ];
    const mismatches: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const rule = route.access!;
      const url = route.path.replace(/:[A-Za-z0-9_]+/g, () => randomUUID());
      for (const actor of actors) {
        let token = tokens.get(actor);
        let actorPerms = perms.get(actor);
        if (actor === 'member with the key') {
          // no key to hold: the row is the other members' rows
          if (rule.kind !== 'permission' && rule.kind !== 'any_permission') continue;
          const key = rule.kind === 'permission' ? rule.key : rule.keys.find((k) => grantable.has(k));
          const holder = key ? await memberWithKey(key) : null;
          if (!holder) continue; // the identity does not allow the key (ORG-015): nobody can hold it
          token = holder.token;
          actorPerms = holder.perms;
        }
        const exp = expectation(rule, actor, actorPerms);
        let req = t.http[route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](url);
        if (token) req = req.set('X-Auth-Token', token);
        const res = ['POST', 'PUT', 'PATCH'].includes(route.method) ? await req.send({}) : await req;
        checked++;
        const code = res.body?.error_code as string | undefined;
        const ok = exp.pass
          ? res.status < 500 && res.status !== 401 && !(code && ACCESS_DENIALS.has(code))
          : res.status === exp.status && code === exp.code;
        if (!ok) {
          mismatches.push(
            `${route.operation} as ${actor}: expected ${exp.pass ? 'pass' : `${exp.status} ${exp.code}`}, got ${res.status} ${code ?? ''}`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(routes.length * 8);
  });

  return {
    get t() {
      return t;
    },
    get a() {
      return a;
    },
    get b() {
      return b;
    },
    token: (actor) => tokens.get(actor)!,
  };
}
