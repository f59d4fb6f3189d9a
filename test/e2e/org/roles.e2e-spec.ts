/**
 * Roles and effective permissions over HTTP (org.md ORG-004, ORG-007, ORG-008, ORG-014, ORG-015; table 7-1).
 * Identity comes from memberships set through the `memberships` fake and is evaluated per request.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../../setup/test-app.js';
import { newPartner, PASSWORD, tokenFor, type PartnerActor } from '../../builders/actors.js';

const RESELLER_DEFAULTS = [
  'info.home_account.view',
  'sales.account.view_balance',
  'sales.account.topup',
  'sales.account.withdraw',
  'sales.account.set_balance_alert',
  'info.company.view',
  'info.profile.view',
  'info.account.view',
  'info.account.edit',
  'info.credentials.manage',
  'support.news.view',
  'support.realname.view',
];

describe('org roles and effective permissions', () => {
  let t: TestApp;
  let a: PartnerActor;
  const presets: Record<string, string> = {};
  let seq = 0;

  const as = (token: string) => ({
    get: (url: string) => t.http.get(url).set('X-Auth-Token', token),
    post: (url: string, body: object = {}) => t.http.post(url).set('X-Auth-Token', token).send(body),
    put: (url: string, body: object) => t.http.put(url).set('X-Auth-Token', token).send(body),
    patch: (url: string, body: object) => t.http.patch(url).set('X-Auth-Token', token).send(body),
    del: (url: string) => t.http.delete(url).set('X-Auth-Token', token),
  });
  const setMemberships = async (p: PartnerActor, body: Record<string, unknown>) => {
    const res = await t.http
      .put('/api/v1/admin/test/fakes/memberships')
      .send({ partner_account_id: p.id, ...body });
    expect(res.status).toBe(200);
  };
  const role = async (p: PartnerActor, keys: string[]) => {
    seq++;
    const res = await as(p.token).post('/api/v1/org/roles', { name: `R${seq}`, permission_keys: keys });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const member = async (p: PartnerActor, roleIds: string[]) => {
    seq++;
    const res = await as(p.token).post('/api/v1/org/members', {
      login_name: `m${seq}`,
      email: `m${seq}@acme.example`,
      password: PASSWORD,
      role_ids: roleIds,
    });
    expect(res.status).toBe(201);
    const token = await tokenFor(t, { account: p.accountName, member: `m${seq}`, password: PASSWORD });
    return { id: res.body.id as string, token };
  };
  const effective = async (p: PartnerActor, id: string) => {
    const res = await as(p.token).get(`/api/v1/org/members/${id}/effective-permissions`);
    expect(res.status).toBe(200);
    return res.body as { identity: string; permission_keys: string[] };
  };

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_PER_SECOND: '1000' });
    a = await newPartner(t);
    const roles = await as(a.token).get('/api/v1/org/roles');
    expect(roles.status).toBe(200);
    for (const r of roles.body.items as Array<{ code: string; id: string }>) presets[r.code] = r.id;
    expect(Object.keys(presets)).toEqual(['admin', 'customer_manager']);
  });
  afterAll(async () => {
    await t.close();
  });

  it('ORG-004 a reseller member with one custom role holds exactly the role keys + the table 7-1 reseller defaults', async () => {
    await setMemberships(a, { programs: [{ program: 'solution_provider', status: 'active' }] });
    const r1 = await role(a, ['info.business.view']);
    const m = await member(a, [r1]);
    const eff = await effective(a, m.id);
    expect(eff.identity).toBe('reseller');
    expect(eff.permission_keys).toEqual(['info.business.view', ...RESELLER_DEFAULTS].sort());
    expect(eff.permission_keys).not.toContain('build.solution.view');
  });

  it('ORG-004 defaults follow the identity at request time: memberships change between two calls', async () => {
    const p = await newPartner(t);
    await setMemberships(p, { programs: [{ program: 'distributor', status: 'active' }], paths: [] });
    const r = await role(p, ['info.business.view']);
    const m = await member(p, [r]);
    expect((await effective(p, m.id)).permission_keys).toContain('sales.account.topup');
    await setMemberships(p, {
      programs: [{ program: 'distributor', status: 'exited' }],
      paths: [{ path: 'software', status: 'active' }],
    });
    const eff = await effective(p, m.id);
    expect(eff.identity).toBe('path');
    expect(eff.permission_keys).toEqual(
      expect.arrayContaining(['build.solution.view', 'info.company.view', 'support.realname.view']),
    );
    expect(eff.permission_keys).not.toContain('sales.account.topup');
    await setMemberships(p, { programs: [], paths: [] });
    const basic = await effective(p, m.id);
    expect(basic.identity).toBe('basic');
    expect(basic.permission_keys).not.toContain('build.solution.view');
    expect(basic.permission_keys).toContain('info.company.view');
  });

  it('ORG-005 a member without a role has no effective permission at all', async () => {
    const m = await member(a, []);
    expect((await effective(a, m.id)).permission_keys).toEqual([]);
  });

  it('ORG-007 preset roles are immutable (403 ORG_ROLE_PRESET_IMMUTABLE); a custom role in use cannot be deleted (409)', async () => {
    for (const id of [presets.customer_manager, presets.admin]) {
      const patch = await as(a.token).patch(`/api/v1/org/roles/${id}`, {
        permission_keys: ['sales.customer.view', 'info.business.view'],
      });
      expect([patch.status, patch.body.error_code]).toEqual([403, 'ORG_ROLE_PRESET_IMMUTABLE']);
      const del = await as(a.token).del(`/api/v1/org/roles/${id}`);
      expect([del.status, del.body.error_code]).toEqual([403, 'ORG_ROLE_PRESET_IMMUTABLE']);
    }
    const r = await role(a, ['info.business.view']);
    const m = await member(a, [r]);
    const inUse = await as(a.token).del(`/api/v1/org/roles/${r}`);
    expect([inUse.status, inUse.body.error_code]).toEqual([409, 'ORG_ROLE_IN_USE']);
    expect(inUse.body.details.member_count).toBe(1);
    expect((await as(a.token).put(`/api/v1/org/members/${m.id}/roles`, { role_ids: [] })).status).toBe(200);
    expect((await as(a.token).del(`/api/v1/org/roles/${r}`)).status).toBe(204);
    expect((await as(a.token).get(`/api/v1/org/roles/${r}`)).status).toBe(404);
  });

  it('custom role CRUD: edit name and keys (effective at once), unique names, another partner gets 404', async () => {
    const r = await role(a, ['info.business.view']);
    const m = await member(a, [r]);
    const patched = await as(a.token).patch(`/api/v1/org/roles/${r}`, {
      name: 'Business team',
      permission_keys: ['info.business.manage', 'info.business.view'],
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      name: 'Business team',
      kind: 'custom',
      editable: true,
      member_count: 1,
    });
    expect((await effective(a, m.id)).permission_keys).toContain('info.business.manage');
    const dup = await as(a.token).post('/api/v1/org/roles', { name: 'business TEAM', permission_keys: [] });
    expect([dup.status, dup.body.error_code]).toEqual([409, 'ORG_ROLE_NAME_TAKEN']);
    const bad = await as(a.token).post('/api/v1/org/roles', { name: '', permission_keys: [] });
    expect([bad.status, bad.body.error_code]).toEqual([400, 'ORG_FIELD_INVALID']);
    const b = await newPartner(t);
    for (const res of [
      await as(b.token).get(`/api/v1/org/roles/${r}`),
      await as(b.token).patch(`/api/v1/org/roles/${r}`, { name: 'mine' }),
      await as(b.token).del(`/api/v1/org/roles/${r}`),
    ]) {
      expect([res.status, res.body.error_code]).toEqual([404, 'ORG_ROLE_NOT_FOUND']);
    }
    const bRoles = await as(b.token).get('/api/v1/org/roles');
    expect(bRoles.body.items.map((x: { id: string }) => x.id)).not.toContain(r);
    // B cannot give its member A's custom role either
    const bm = await member(b, []);
    const cross = await as(b.token).put(`/api/v1/org/members/${bm.id}/roles`, { role_ids: [r] });
    expect([cross.status, cross.body.error_code]).toEqual([404, 'ORG_ROLE_NOT_FOUND']);
  });

  it('ORG-008 the preset admin role grants every grantable key of the identity, but no partner-admin-only action', async () => {
    const p = await newPartner(t);
    await setMemberships(p, { paths: [{ path: 'service', status: 'active' }] });
    const m = await member(p, [presets.admin]);
    const grantable = await as(p.token).get('/api/v1/org/permission-keys');
    expect(grantable.status).toBe(200);
    expect(grantable.body.identity).toBe('path');
    const eff = await effective(p, m.id);
    expect(eff.permission_keys).toEqual(expect.arrayContaining(grantable.body.permission_keys));
    expect(eff.permission_keys).toContain('sales.customer.assign_manager');
    expect(eff.permission_keys).not.toContain('sales.account.topup');
    const denied = await as(m.token).get('/api/v1/org/members');
    expect([denied.status, denied.body.error_code]).toEqual([403, 'ORG_ADMIN_REQUIRED']);
    expect((await as(m.token).get('/api/v1/info/company')).status).toBe(200);
  });

  it('ORG-014 a custom role takes only grantable keys allowed for the identity: 422 with details.keys', async () => {
    const p = await newPartner(t);
    await setMemberships(p, { programs: [{ program: 'solution_provider', status: 'active' }] });
    const res = await as(p.token).post('/api/v1/org/roles', {
      name: 'too much',
      permission_keys: ['info.business.view', 'build.solution.view', 'org.member.manage', 'nonsense'],
    });
    expect([res.status, res.body.error_code]).toEqual([422, 'ORG_ROLE_PERMISSION_NOT_ALLOWED']);
    expect(res.body.details.keys).toEqual(['build.solution.view', 'org.member.manage', 'nonsense']);
    const r = await role(p, ['info.business.view']);
    const patch = await as(p.token).patch(`/api/v1/org/roles/${r}`, {
      permission_keys: ['sales.account.topup', 'x.y.z'],
    });
    expect([patch.status, patch.body.details?.keys]).toEqual([422, ['x.y.z']]);
    const keys = (await as(p.token).get('/api/v1/org/permission-keys')).body.permission_keys as string[];
    expect(keys).toContain('sales.account.topup');
    expect(keys).not.toContain('build.solution.view');
  });

  it('ORG-015 identity-restricted keys are never effective for another identity, whatever the role says', async () => {
    const p = await newPartner(t);
    await setMemberships(p, { programs: [{ program: 'cloud_reseller', status: 'active' }] });
    const r = await role(p, ['sales.account.view_balance', 'info.business.view']);
    const m = await member(p, [r]);
    expect((await effective(p, m.id)).permission_keys).toContain('sales.account.view_balance');
    await setMemberships(p, {
      programs: [{ program: 'cloud_reseller', status: 'exited' }],
      paths: [{ path: 'si', status: 'active' }],
    });
    const eff = await effective(p, m.id);
    expect(eff.permission_keys).not.toContain('sales.account.view_balance');
    expect(eff.permission_keys).toContain('info.business.view');
    // the role still lists the key; it is simply not effective for this identity
    const roleView = await as(p.token).get(`/api/v1/org/roles/${r}`);
    expect(roleView.body.permission_keys).not.toContain('sales.account.view_balance');
    const wrong = await as(p.token).post('/api/v1/org/roles', {
      name: 'money',
      permission_keys: ['sales.account.topup'],
    });
    expect([wrong.status, wrong.body.details?.keys]).toEqual([422, ['sales.account.topup']]);
  });
});
