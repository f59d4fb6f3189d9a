/**
 * Org members over HTTP (org.md "Org members and roles", FAQ 7.1): the partner admin's member API, IAM clashes,
 * console IAM users, role limits (also under concurrency), password reset, deregistration.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { AuditLog } from '../../../libs/audit/index.js';
import { AuthService } from '../../../libs/auth/index.js';
import { Clock } from '../../../libs/clock/index.js';
import { RequestContext } from '../../../libs/context/index.js';
import { PartnerAccountService } from '../../../src/modules/info/index.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';
import { newMember, newPartner, PASSWORD, tokenFor, type PartnerActor } from '../../builders/actors.js';

describe('org members', () => {
  let t: TestApp;
  let a: PartnerActor;
  let b: PartnerActor;
  const presets: Record<string, string> = {};

  const as = (token: string) => ({
    get: (url: string) => t.http.get(url).set('X-Auth-Token', token),
    post: (url: string, body: object = {}) => t.http.post(url).set('X-Auth-Token', token).send(body),
    put: (url: string, body: object) => t.http.put(url).set('X-Auth-Token', token).send(body),
    patch: (url: string, body: object) => t.http.patch(url).set('X-Auth-Token', token).send(body),
    del: (url: string) => t.http.delete(url).set('X-Auth-Token', token),
  });
  let seq = 0;
  const memberBody = (extra: Record<string, unknown> = {}) => {
    seq++;
    return {
      login_name: `user${seq}`,
      display_name: `User ${seq}`,
      email: `user${seq}@acme.example`,
      password: PASSWORD,
      ...extra,
    };
  };
  const createMember = async (p: PartnerActor, extra: Record<string, unknown> = {}) => {
    const res = await as(p.token).post('/api/v1/org/members', memberBody(extra));
    expect(res.status).toBe(201);
    return res.body as { id: string; login_name: string; roles: Array<{ id: string }> };
  };
  const customRole = async (p: PartnerActor, keys: string[]) => {
    seq++;
    const res = await as(p.token).post('/api/v1/org/roles', { name: `role ${seq}`, permission_keys: keys });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_PER_SECOND: '1000' });
    a = await newPartner(t);
    b = await newPartner(t);
    const roles = await as(a.token).get('/api/v1/org/roles');
    for (const r of roles.body.items as Array<{ code: string; id: string }>) presets[r.code] = r.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('ORG-002 a clash with a console IAM user answers 409 ORG_MEMBER_IDENTITY_TAKEN naming the field; free identities → 201', async () => {
    const fake = await t.http.put('/api/v1/admin/test/fakes/iam').send({
      partner_account_id: a.id,
      console_users: [{ name: 'ops01', email: 'ops@acme.com', mobile: '13900000001' }],
    });
    expect(fake.status).toBe(200);
    const byEmail = await as(a.token).post('/api/v1/org/members', memberBody({ email: 'ops@acme.com' }));
    expect(byEmail.status).toBe(409);
    expect(byEmail.body.error_code).toBe('ORG_MEMBER_IDENTITY_TAKEN');
    expect(byEmail.body.error_msg).toBe(
      'This e-mail/mobile/user name is already used by an IAM user; remove it in IAM first.',
    );
    expect(byEmail.body.details.field).toBe('email');
    const byName = await as(a.token).post('/api/v1/org/members', memberBody({ login_name: 'OPS01' }));
    expect([byName.status, byName.body.details?.field]).toEqual([409, 'login_name']);
    const byMobile = await as(a.token).post('/api/v1/org/members', memberBody({ mobile: '13900000001' }));
    expect([byMobile.status, byMobile.body.details?.field]).toEqual([409, 'mobile']);

    const ok = await as(a.token).post('/api/v1/org/members', {
      login_name: 'ops02',
      email: 'ops2@acme.com',
      password: PASSWORD,
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      login_name: 'ops02',
      email: 'ops2@acme.com',
      status: 'active',
      roles: [],
    });
    expect(typeof ok.body.iam_user_id).toBe('string');

    // another member of the same account holds the e-mail now (decision: unique within the account)
    const dup = await as(a.token).post('/api/v1/org/members', memberBody({ email: 'OPS2@acme.com' }));
    expect([dup.status, dup.body.details?.field]).toEqual([409, 'email']);
    // the same identity is free in another partner account (IAM users are per account)
    const other = await as(b.token).post('/api/v1/org/members', {
      login_name: 'ops01',
      email: 'ops@acme.com',
      password: PASSWORD,
    });
    expect(other.status).toBe(201);
  });

  it('ORG-002 formats (Open point 11): bad login name, missing e-mail, unknown field → 400 ORG_FIELD_INVALID', async () => {
    for (const body of [
      memberBody({ login_name: '1abc' }),
      memberBody({ login_name: 'a'.repeat(33) }),
      memberBody({ login_name: 'has space' }),
      { login_name: 'noemail', password: PASSWORD },
      memberBody({ email: 'not-an-email' }),
      memberBody({ mobile: 'abc' }),
      memberBody({ partner_account_id: b.id }),
      memberBody({ role_ids: 'x' }),
    ]) {
      const res = await as(a.token).post('/api/v1/org/members', body);
      expect([res.status, res.body.error_code]).toEqual([400, 'ORG_FIELD_INVALID']);
      expect(typeof res.body.details.field).toBe('string');
    }
  });

  it('ORG-001 only the partner admin manages members: a member with the preset admin role → 403 ORG_ADMIN_REQUIRED', async () => {
    const m = await newMember(t, a, ['admin']);
    const target = await createMember(a);
    const calls = [
      as(m.token).post('/api/v1/org/members', memberBody()),
      as(m.token).get('/api/v1/org/members'),
      as(m.token).get(`/api/v1/org/members/${target.id}`),
      as(m.token).patch(`/api/v1/org/members/${target.id}`, { display_name: 'x' }),
      as(m.token).put(`/api/v1/org/members/${target.id}/roles`, { role_ids: [presets.admin] }),
      as(m.token).post(`/api/v1/org/members/${target.id}/disable`),
      as(m.token).del(`/api/v1/org/members/${target.id}`),
      as(m.token).post('/api/v1/org/roles', { name: 'sneaky', permission_keys: [] }),
    ];
    for (const res of await Promise.all(calls)) {
      expect([res.status, res.body.error_code]).toEqual([403, 'ORG_ADMIN_REQUIRED']);
      expect(res.body.error_msg).toBe('Only the partner administrator can manage organization members.');
    }
  });

  it('ORG-003 a console IAM user is refused everywhere (403 ORG_NOT_ORG_MEMBER) and cannot be given roles (404)', async () => {
    const fake = await t.http.put('/api/v1/admin/test/fakes/iam').send({
      partner_account_id: a.id,
      console_users: [{ id: '7f1d2c3b-0000-4000-8000-00000000c0de', name: 'ops01', email: 'ops@acme.com' }],
    });
    const iamId = fake.body.state.console_users.find((u: { name: string }) => u.name === 'ops01')
      .id as string;
    // IAM issues tokens to every IAM user of the account; the in-process token service stands in for it
    const issued = await t.app.get(AuthService).issue('org_member', iamId, a.id);
    const res = await t.http.get('/api/v1/info/company').set('X-Auth-Token', issued.token);
    expect([res.status, res.body.error_code]).toEqual([403, 'ORG_NOT_ORG_MEMBER']);
    const roles = await as(a.token).put(`/api/v1/org/members/${iamId}/roles`, { role_ids: [presets.admin] });
    expect([roles.status, roles.body.error_code]).toEqual([404, 'ORG_MEMBER_NOT_FOUND']);
    // console users are not listed as members
    const list = await as(a.token).get('/api/v1/org/members?limit=100');
    expect(list.body.items.map((m: { login_name: string }) => m.login_name)).not.toContain('ops01');
  });

  it('ORG-005 ORG-017 a member without a role gets 403 ORG_PERMISSION_DENIED on GET /info/company; with a role 200', async () => {
    const m = await createMember(a);
    const token = await tokenFor(t, { account: a.accountName, member: m.login_name, password: PASSWORD });
    const denied = await as(token).get('/api/v1/info/company');
    expect([denied.status, denied.body.error_code]).toEqual([403, 'ORG_PERMISSION_DENIED']);
    expect(denied.body.error_msg).toBe('You have no permission for this operation; ask your partner admin.');
    const role = await customRole(a, ['info.company.view']);
    expect((await as(a.token).put(`/api/v1/org/members/${m.id}/roles`, { role_ids: [role] })).status).toBe(
      200,
    );
    const allowed = await as(token).get('/api/v1/info/company');
    expect(allowed.status).toBe(200);
    expect(allowed.body.partner_account_id).toBe(a.id);
    // removing the last role takes everything away again
    expect((await as(a.token).put(`/api/v1/org/members/${m.id}/roles`, { role_ids: [] })).status).toBe(200);
    expect((await as(token).get('/api/v1/info/company')).status).toBe(403);
  });

  it('ORG-006 at most 3 roles: PUT with 4 and adding a 4th → 422 ORG_MEMBER_ROLE_LIMIT; nothing changes', async () => {
    const r = [
      await customRole(a, []),
      await customRole(a, []),
      await customRole(a, []),
      await customRole(a, []),
    ];
    const m = await createMember(a, { role_ids: [r[0], r[1], r[2]] });
    expect(m.roles).toHaveLength(3);
    const put4 = await as(a.token).put(`/api/v1/org/members/${m.id}/roles`, { role_ids: r });
    expect([put4.status, put4.body.error_code]).toEqual([422, 'ORG_MEMBER_ROLE_LIMIT']);
    expect(put4.body.error_msg).toBe('A member can have at most 3 roles.');
    const add = await as(a.token).post(`/api/v1/org/members/${m.id}/roles`, { role_id: r[3] });
    expect([add.status, add.body.error_code]).toEqual([422, 'ORG_MEMBER_ROLE_LIMIT']);
    const create4 = await as(a.token).post('/api/v1/org/members', memberBody({ role_ids: r }));
    expect([create4.status, create4.body.error_code]).toEqual([422, 'ORG_MEMBER_ROLE_LIMIT']);
    const after = await as(a.token).get(`/api/v1/org/members/${m.id}`);
    expect(after.body.roles.map((x: { id: string }) => x.id).sort()).toEqual([r[0], r[1], r[2]].sort());
    // the number of members is unlimited; an unknown role id → 404 ORG_ROLE_NOT_FOUND
    const unknown = await as(a.token).put(`/api/v1/org/members/${m.id}/roles`, {
      role_ids: ['00000000-0000-4000-8000-000000000000'],
    });
    expect([unknown.status, unknown.body.error_code]).toEqual([404, 'ORG_ROLE_NOT_FOUND']);
  });

  it('ORG-006 two parallel role additions past the limit: exactly one succeeds, the other 422', async () => {
    for (let round = 0; round < 3; round++) {
      const r = [
        await customRole(a, []),
        await customRole(a, []),
        await customRole(a, []),
        await customRole(a, []),
      ];
      const m = await createMember(a, { role_ids: [r[0], r[1]] });
      const answers = await Promise.all([
        as(a.token).post(`/api/v1/org/members/${m.id}/roles`, { role_id: r[2] }),
        as(a.token).post(`/api/v1/org/members/${m.id}/roles`, { role_id: r[3] }),
      ]);
      expect(answers.map((x) => x.status).sort()).toEqual([201, 422]);
      expect(answers.find((x) => x.status === 422)!.body.error_code).toBe('ORG_MEMBER_ROLE_LIMIT');
      const after = await as(a.token).get(`/api/v1/org/members/${m.id}`);
      expect(after.body.roles).toHaveLength(3);
    }
  });

  it('list is paged with offset/limit/total_count and filters; another partner sees none of it (404 like absent)', async () => {
    const p = await newPartner(t);
    const role = await customRole(p, ['info.company.view']);
    const ms = [];
    for (let i = 0; i < 5; i++) ms.push(await createMember(p, i < 2 ? { role_ids: [role] } : {}));
    const page = await as(p.token).get('/api/v1/org/members?offset=1&limit=2');
    expect(page.status).toBe(200);
    expect(page.body.total_count).toBe(5);
    expect(page.body.items.map((x: { id: string }) => x.id)).toEqual([ms[1].id, ms[2].id]);
    const byRole = await as(p.token).get(`/api/v1/org/members?role_id=${role}`);
    expect(byRole.body.total_count).toBe(2);
    const byKeyword = await as(p.token).get(`/api/v1/org/members?keyword=${ms[4].login_name.toUpperCase()}`);
    expect(byKeyword.body.items.map((x: { id: string }) => x.id)).toEqual([ms[4].id]);
    // wildcards in the keyword are literal
    for (const kw of ['%', '_', '!', "'", '\\']) {
      const res = await as(p.token).get(`/api/v1/org/members?keyword=${encodeURIComponent(kw)}`);
      expect([res.status, res.body.total_count]).toEqual([200, 0]);
    }
    for (const bad of ['limit=0', 'limit=101', 'offset=-1', 'status=gone', 'role_id=x']) {
      const res = await as(p.token).get(`/api/v1/org/members?${bad}`);
      expect([res.status, res.body.error_code]).toEqual([400, 'ORG_FIELD_INVALID']);
    }
    // tenancy: A sees none of p's members, and p's member ids answer 404 for A
    for (const res of [
      await as(a.token).get(`/api/v1/org/members/${ms[0].id}`),
      await as(a.token).patch(`/api/v1/org/members/${ms[0].id}`, { display_name: 'x' }),
      await as(a.token).del(`/api/v1/org/members/${ms[0].id}`),
      await as(a.token).put(`/api/v1/org/members/${ms[0].id}/roles`, { role_ids: [] }),
      await as(a.token).put(`/api/v1/org/members/${ms[2].id}/roles`, { role_ids: [role] }),
      await as(a.token).get(`/api/v1/org/members/${ms[0].id}/effective-permissions`),
      await as(a.token).get('/api/v1/org/members/not-a-uuid'),
    ]) {
      expect(res.status).toBe(404);
      expect(['ORG_MEMBER_NOT_FOUND', 'ORG_ROLE_NOT_FOUND']).toContain(res.body.error_code);
    }
    const aList = await as(a.token).get('/api/v1/org/members?limit=100');
    expect(aList.body.items.map((x: { id: string }) => x.id)).not.toContain(ms[0].id);
  });

  it('edit, disable, enable and delete a member; the state machine refuses impossible moves', async () => {
    const role = await customRole(a, ['info.company.view']);
    const m = await createMember(a, { role_ids: [role], mobile: '13800000042' });
    const login = () => tokenFor(t, { account: a.accountName, member: m.login_name, password: PASSWORD });
    const token = await login();
    const edit = await as(a.token).patch(`/api/v1/org/members/${m.id}`, {
      display_name: 'Renamed',
      email: 'renamed@acme.example',
      mobile: null,
    });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ display_name: 'Renamed', email: 'renamed@acme.example', mobile: null });

    const disabled = await as(a.token).post(`/api/v1/org/members/${m.id}/disable`);
    expect([disabled.status, disabled.body.status]).toEqual([200, 'disabled']);
    expect((await as(token).get('/api/v1/info/company')).status).toBe(401);
    const noLogin = await t.http
      .post('/api/v1/auth/tokens')
      .send({ account: a.accountName, member: m.login_name, password: PASSWORD });
    expect(noLogin.status).toBe(401);
    const again = await as(a.token).post(`/api/v1/org/members/${m.id}/disable`);
    expect([again.status, again.body.error_code]).toEqual([409, 'STATE_TRANSITION_INVALID']);

    const enabled = await as(a.token).post(`/api/v1/org/members/${m.id}/enable`);
    expect([enabled.status, enabled.body.status]).toEqual([200, 'active']);
    const token2 = await login();
    expect((await as(token2).get('/api/v1/info/company')).status).toBe(200);

    const del = await as(a.token).del(`/api/v1/org/members/${m.id}`);
    expect(del.status).toBe(204);
    expect((await as(token2).get('/api/v1/info/company')).status).toBe(401);
    const gone = await as(a.token).get(`/api/v1/org/members/${m.id}`);
    expect(gone.body.status).toBe('deleted');
    expect(gone.body.roles).toEqual([]);
    expect((await as(a.token).del(`/api/v1/org/members/${m.id}`)).status).toBe(409);
    expect((await as(a.token).post(`/api/v1/org/members/${m.id}/enable`)).status).toBe(409);
    const listed = await as(a.token).get('/api/v1/org/members?status=deleted&limit=100');
    expect(listed.body.items.map((x: { id: string }) => x.id)).toContain(m.id);
    // the e-mail is free again; the login name stays reserved by the deleted member (decision)
    const reuseEmail = await as(a.token).post(
      '/api/v1/org/members',
      memberBody({ email: 'renamed@acme.example' }),
    );
    expect(reuseEmail.status).toBe(201);
    const reuseLogin = await as(a.token).post(
      '/api/v1/org/members',
      memberBody({ login_name: m.login_name }),
    );
    expect([reuseLogin.status, reuseLogin.body.details?.field]).toEqual([409, 'login_name']);
    // the audit trail has the whole story
    const audit = await t.app
      .get(DataSource)
      .getRepository(AuditLog)
      .find({ where: { entityId: m.id } });
    expect(audit.map((x) => x.action)).toEqual(
      expect.arrayContaining([
        'org_member.created',
        'org_member.disabled',
        'org_member.enabled',
        'org_member.deleted',
      ]),
    );
  });

  it("ORG-016 the admin reset sets no password: it e-mails IAM's password page and signs the member out", async () => {
    const role = await customRole(a, ['info.company.view']);
    const m = await createMember(a, { role_ids: [role] });
    const token = await tokenFor(t, { account: a.accountName, member: m.login_name, password: PASSWORD });
    const res = await as(a.token).post(`/api/v1/org/members/${m.id}/password-reset`);
    expect(res.status).toBe(200);
    expect(res.body.member_id).toBe(m.id);
    expect(res.body.password_change_url).toMatch(/^https:\/\//);
    expect(res.body).not.toHaveProperty('password');
    expect((await as(token).get('/api/v1/info/company')).status).toBe(401);
    // the password is unchanged (IAM owns it): the member logs in again with it
    const again = await tokenFor(t, { account: a.accountName, member: m.login_name, password: PASSWORD });
    expect((await as(again).get('/api/v1/info/company')).status).toBe(200);
    const outbox = await t.http.get('/api/v1/admin/test/outbox');
    const mails = (outbox.body.items as Array<{ recipient: string; template: string }>).filter(
      (x) => x.template === 'org.member.password_reset',
    );
    expect(mails.length).toBeGreaterThanOrEqual(1);
  });

  it('INFO-040 deregistration of the account deletes its members and disables their credentials', async () => {
    const p = await newPartner(t);
    const role = await customRole(p, ['info.company.view']);
    const m1 = await createMember(p, { role_ids: [role] });
    const m2 = await createMember(p, { role_ids: [presets.customer_manager] });
    const tok1 = await tokenFor(t, { account: p.accountName, member: m1.login_name, password: PASSWORD });
    const ctx = RequestContext.system(t.app.get(Clock), 'test');
    await t.app.get(PartnerAccountService).recordDeregistration(ctx, p.id);
    const gone = await as(tok1).get('/api/v1/info/company');
    expect(gone.status).toBe(401);
    for (const m of [m1, m2]) {
      const login = await t.http
        .post('/api/v1/auth/tokens')
        .send({ account: p.accountName, member: m.login_name, password: PASSWORD });
      expect(login.status).toBe(401);
    }
    // members of other accounts are untouched
    const still = await as(a.token).get('/api/v1/org/members?limit=1');
    expect(still.status).toBe(200);
    expect(still.body.total_count).toBeGreaterThan(0);
  });
});
