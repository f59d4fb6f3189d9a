/**
 * The customer-manager role and its data scope (org.md ORG-009…ORG-012; FAQ 7.1.4, 12.1.9.5): assignments and
 * supervision over HTTP, and the exported CustomerScopePolicy the sales module will use, exercised through the
 * Nest app with the contexts real tokens produce (the customer endpoints themselves belong to sales).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Clock } from '../../../libs/clock/index.js';
import { RequestContext } from '../../../libs/context/index.js';
import { DomainError } from '../../../libs/errors/index.js';
import { CustomerManagerAssignmentService, CustomerScopePolicy } from '../../../src/modules/org/index.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';
import { newPartner, PASSWORD, tokenFor, type PartnerActor } from '../../builders/actors.js';

describe('customer managers and customer scope', () => {
  let t: TestApp;
  let a: PartnerActor;
  const presets: Record<string, string> = {};
  let seq = 0;
  const C1 = randomUUID();
  const C2 = randomUUID();
  const C3 = randomUUID();
  const C4 = randomUUID();

  const as = (token: string) => ({
    get: (url: string) => t.http.get(url).set('X-Auth-Token', token),
    put: (url: string, body: object) => t.http.put(url).set('X-Auth-Token', token).send(body),
    post: (url: string, body: object = {}) => t.http.post(url).set('X-Auth-Token', token).send(body),
    del: (url: string) => t.http.delete(url).set('X-Auth-Token', token),
  });
  const member = async (p: PartnerActor, roleIds: string[]) => {
    seq++;
    const res = await as(p.token).post('/api/v1/org/members', {
      login_name: `cm${seq}`,
      email: `cm${seq}@acme.example`,
      password: PASSWORD,
      role_ids: roleIds,
    });
    expect(res.status).toBe(201);
    const token = await tokenFor(t, { account: p.accountName, member: `cm${seq}`, password: PASSWORD });
    return { id: res.body.id as string, token };
  };
  const role = async (p: PartnerActor, keys: string[]) => {
    seq++;
    const res = await as(p.token).post('/api/v1/org/roles', { name: `R${seq}`, permission_keys: keys });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const assign = (token: string, customerId: string, memberId: string) =>
    as(token).put(`/api/v1/org/customer-manager-assignments/${customerId}`, { member_id: memberId });
  const listed = async (token: string) => {
    const res = await as(token).get('/api/v1/org/customer-manager-assignments?limit=100');
    expect(res.status).toBe(200);
    return (res.body.items as Array<{ customer_id: string }>).map((x) => x.customer_id).sort();
  };
  /** The context the AccessGuard builds for a token, for calling the exported policy directly. */
  const ctxOf = (p: PartnerActor, memberId: string | null) =>
    RequestContext.create({
      clock: t.app.get(Clock),
      actor: { kind: 'partner', partnerAccountId: p.id, memberId, site: 'cn', tokenId: null },
    });

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_PER_SECOND: '1000' });
    a = await newPartner(t);
    await t.http
      .put('/api/v1/admin/test/fakes/memberships')
      .send({ partner_account_id: a.id, programs: [{ program: 'solution_provider', status: 'active' }] });
    const roles = await as(a.token).get('/api/v1/org/roles');
    for (const r of roles.body.items as Array<{ code: string; id: string }>) presets[r.code] = r.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('ORG-009 the customer manager holds the defaults + customer view + consumption dashboard, never vouchers, bills, discounts, allocation', async () => {
    const cm = await member(a, [presets.customer_manager]);
    const eff = await as(a.token).get(`/api/v1/org/members/${cm.id}/effective-permissions`);
    const keys = eff.body.permission_keys as string[];
    expect(keys).toEqual(expect.arrayContaining(['sales.customer.view', 'sales.consumption_dashboard.view']));
    // Open point 3: defaults apply to the customer-manager role too (reseller defaults)
    expect(keys).toEqual(expect.arrayContaining(['info.company.view', 'sales.account.topup']));
    for (const k of [
      'sales.voucher.manage',
      'sales.bill.view',
      'sales.discount.set',
      'sales.customer.allocate',
      'sales.customer.reclaim',
      'sales.customer.assign_manager',
    ]) {
      expect(keys).not.toContain(k);
    }
    // a sales-gated org endpoint outside the fixed set answers 403
    const denied = await assign(cm.token, C1, cm.id);
    expect([denied.status, denied.body.error_code]).toEqual([403, 'ORG_PERMISSION_DENIED']);
  });

  it('ORG-011 only customer managers can be assigned (422 ORG_NOT_CUSTOMER_MANAGER); one manager per customer, reassigning replaces', async () => {
    const cm1 = await member(a, [presets.customer_manager]);
    const cm2 = await member(a, [presets.customer_manager]);
    const n = await member(a, [await role(a, ['sales.customer.view'])]);
    const refused = await assign(a.token, C3, n.id);
    expect([refused.status, refused.body.error_code]).toEqual([422, 'ORG_NOT_CUSTOMER_MANAGER']);
    expect(refused.body.error_msg).toBe(
      'Only members holding the customer manager role can be assigned to customers.',
    );
    const first = await assign(a.token, C4, cm1.id);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ customer_id: C4, member_id: cm1.id });
    const second = await assign(a.token, C4, cm2.id);
    expect(second.body.member_id).toBe(cm2.id);
    const one = await as(a.token).get(`/api/v1/org/customer-manager-assignments/${C4}`);
    expect(one.body.member_id).toBe(cm2.id);
    expect(await listed(cm1.token)).not.toContain(C4);
    // a member holding sales.customer.assign_manager may assign too; without it → 403
    const assigner = await member(a, [await role(a, ['sales.customer.assign_manager'])]);
    expect((await assign(assigner.token, C4, cm1.id)).status).toBe(200);
    expect((await as(assigner.token).del(`/api/v1/org/customer-manager-assignments/${C4}`)).status).toBe(204);
    expect(
      (await as(a.token).get(`/api/v1/org/customer-manager-assignments/${C4}`)).body.member_id,
    ).toBeNull();
    // bad ids never 500: a non-UUID customer is not found, an unknown member too
    const badCustomer = await assign(a.token, 'nope', cm1.id);
    expect([badCustomer.status, badCustomer.body.error_code]).toEqual([404, 'CUSTOMER_NOT_FOUND']);
    const badMember = await assign(a.token, C4, randomUUID());
    expect([badMember.status, badMember.body.error_code]).toEqual([404, 'ORG_MEMBER_NOT_FOUND']);
    const noBody = await as(a.token).put(`/api/v1/org/customer-manager-assignments/${C4}`, { member: 'x' });
    expect([noBody.status, noBody.body.error_code]).toEqual([400, 'ORG_FIELD_INVALID']);
  });

  it('ORG-010 a customer-manager-only member sees exactly his customers; others answer 404 CUSTOMER_NOT_FOUND; a second role widens to all', async () => {
    const cm1 = await member(a, [presets.customer_manager]);
    const other = await member(a, [presets.customer_manager]);
    expect((await assign(a.token, C1, cm1.id)).status).toBe(200);
    expect((await assign(a.token, C2, cm1.id)).status).toBe(200);
    expect((await assign(a.token, C3, other.id)).status).toBe(200);
    await as(a.token).del(`/api/v1/org/customer-manager-assignments/${C3}`); // C3 assigned to nobody

    expect(await listed(cm1.token)).toEqual([C1, C2].sort());
    const c3 = await as(cm1.token).get(`/api/v1/org/customer-manager-assignments/${C3}`);
    const missing = await as(cm1.token).get(`/api/v1/org/customer-manager-assignments/${randomUUID()}`);
    expect([c3.status, c3.body.error_code]).toEqual([404, 'CUSTOMER_NOT_FOUND']);
    expect(missing.body.error_code).toBe(c3.body.error_code);
    expect(missing.body.error_msg).toBe(c3.body.error_msg);
    expect((await as(cm1.token).get(`/api/v1/org/customer-manager-assignments/${C1}`)).status).toBe(200);

    const policy = t.app.get(CustomerScopePolicy);
    expect(await policy.scopeFor(ctxOf(a, cm1.id))).toEqual({ all: false, customerIds: [C1, C2].sort() });
    await expect(policy.assertCustomerVisible(ctxOf(a, cm1.id), C3)).rejects.toMatchObject({
      code: 'CUSTOMER_NOT_FOUND',
      status: 404,
    });
    await expect(policy.assertCustomerVisible(ctxOf(a, cm1.id), C1)).resolves.toBeUndefined();
    expect(await policy.filterVisible(ctxOf(a, cm1.id), [C1, C3, C2])).toEqual([C1, C2]);
    expect(await policy.scopeFor(ctxOf(a, null))).toEqual({ all: true });

    // customer_manager + another role: all customers (7.1.4, Open point 4)
    const r3 = await role(a, ['info.business.view']);
    expect((await as(a.token).post(`/api/v1/org/members/${cm1.id}/roles`, { role_id: r3 })).status).toBe(201);
    expect(await policy.scopeFor(ctxOf(a, cm1.id))).toEqual({ all: true });
    expect((await as(cm1.token).get(`/api/v1/org/customer-manager-assignments/${C3}`)).status).toBe(200);
    expect(await listed(cm1.token)).toEqual(expect.arrayContaining([C1, C2]));
    // removing the other role restores the restricted scope
    expect((await as(a.token).del(`/api/v1/org/members/${cm1.id}/roles/${r3}`)).status).toBe(200);
    expect((await policy.scopeFor(ctxOf(a, cm1.id))).all).toBe(false);
    // a member without the customer-manager role is not customer-scoped (other roles cannot restrict, 7.1.4)
    const viewer = await member(a, [await role(a, ['sales.customer.view'])]);
    expect(await policy.scopeFor(ctxOf(a, viewer.id))).toEqual({ all: true });
  });

  it('ORG-010 deleting a customer manager or taking his role leaves his customers unassigned', async () => {
    const cm = await member(a, [presets.customer_manager]);
    const cx = randomUUID();
    const cy = randomUUID();
    await assign(a.token, cx, cm.id);
    expect((await as(a.token).put(`/api/v1/org/members/${cm.id}/roles`, { role_ids: [] })).status).toBe(200);
    expect(
      (await as(a.token).get(`/api/v1/org/customer-manager-assignments/${cx}`)).body.member_id,
    ).toBeNull();
    const cm2 = await member(a, [presets.customer_manager]);
    await assign(a.token, cy, cm2.id);
    expect((await as(a.token).del(`/api/v1/org/members/${cm2.id}`)).status).toBe(204);
    expect(
      (await as(a.token).get(`/api/v1/org/customer-manager-assignments/${cy}`)).body.member_id,
    ).toBeNull();
  });

  it('ORG-012 a supervisor sees the customers of the managers he supervises, and nothing else (404)', async () => {
    const p = await newPartner(t);
    const presetsP: Record<string, string> = {};
    for (const r of (await as(p.token).get('/api/v1/org/roles')).body.items as Array<{
      code: string;
      id: string;
    }>)
      presetsP[r.code] = r.id;
    const sup = await member(p, [presetsP.customer_manager]);
    const cmA = await member(p, [presetsP.customer_manager]);
    const cmB = await member(p, [presetsP.customer_manager]);
    const plain = await member(p, [await role(p, ['sales.customer.view'])]);
    const [own, ofA, ofB] = [randomUUID(), randomUUID(), randomUUID()];
    await assign(p.token, own, sup.id);
    await assign(p.token, ofA, cmA.id);
    await assign(p.token, ofB, cmB.id);
    expect(await listed(sup.token)).toEqual([own]);

    const set = await as(p.token).put(`/api/v1/org/members/${sup.id}/supervised-customer-managers`, {
      customer_manager_ids: [cmA.id],
    });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ supervisor_member_id: sup.id, customer_manager_ids: [cmA.id] });
    expect(await listed(sup.token)).toEqual([own, ofA].sort());
    const outside = await as(sup.token).get(`/api/v1/org/customer-manager-assignments/${ofB}`);
    expect([outside.status, outside.body.error_code]).toEqual([404, 'CUSTOMER_NOT_FOUND']);
    const policy = t.app.get(CustomerScopePolicy);
    expect(await policy.scopeFor(ctxOf(p, sup.id))).toEqual({ all: false, customerIds: [own, ofA].sort() });

    // only customer managers can be supervised; nobody supervises himself; only the partner admin sets it
    const notCm = await as(p.token).put(`/api/v1/org/members/${sup.id}/supervised-customer-managers`, {
      customer_manager_ids: [plain.id],
    });
    expect([notCm.status, notCm.body.error_code]).toEqual([422, 'ORG_NOT_CUSTOMER_MANAGER']);
    const self = await as(p.token).put(`/api/v1/org/members/${sup.id}/supervised-customer-managers`, {
      customer_manager_ids: [sup.id],
    });
    expect([self.status, self.body.error_code]).toEqual([422, 'ORG_SUPERVISOR_INVALID']);
    const byMember = await as(plain.token).put(`/api/v1/org/members/${sup.id}/supervised-customer-managers`, {
      customer_manager_ids: [cmB.id],
    });
    expect([byMember.status, byMember.body.error_code]).toEqual([403, 'ORG_ADMIN_REQUIRED']);
    const cross = await as(a.token).get(`/api/v1/org/members/${sup.id}/supervised-customer-managers`);
    expect([cross.status, cross.body.error_code]).toEqual([404, 'ORG_MEMBER_NOT_FOUND']);
    // tenancy: A's admin does not see p's assignments
    expect(await listed(a.token)).not.toContain(ofA);
    const aView = await as(a.token).get(`/api/v1/org/customer-manager-assignments/${ofA}`);
    expect(aView.body.member_id).toBeNull();
  });

  it('ORG-013 the distributor-side reseller assignment (sales) reuses the customer-manager check: 422 ORG_NOT_CUSTOMER_MANAGER', async () => {
    const d = await newPartner(t);
    await t.http
      .put('/api/v1/admin/test/fakes/memberships')
      .send({ partner_account_id: d.id, programs: [{ program: 'distributor', status: 'active' }] });
    const rolesD: Record<string, string> = {};
    for (const r of (await as(d.token).get('/api/v1/org/roles')).body.items as Array<{
      code: string;
      id: string;
    }>)
      rolesD[r.code] = r.id;
    const cm = await member(d, [rolesD.customer_manager]);
    const plain = await member(d, [rolesD.admin]);
    const svc = t.app.get(CustomerManagerAssignmentService);
    await expect(svc.assertAssignableManager(ctxOf(d, null), cm.id)).resolves.toMatchObject({
      member_id: cm.id,
    });
    await expect(svc.assertAssignableManager(ctxOf(d, null), plain.id)).rejects.toMatchObject({
      code: 'ORG_NOT_CUSTOMER_MANAGER',
      status: 422,
    });
    // another partner's customer manager is not found for the distributor (tenancy)
    const foreign = await member(a, [presets.customer_manager]);
    await expect(svc.assertAssignableManager(ctxOf(d, null), foreign.id)).rejects.toMatchObject({
      code: 'ORG_MEMBER_NOT_FOUND',
    });
  });

  it('CustomerScopePolicy: system contexts are not customer-scoped; a restricted member gets a DomainError', async () => {
    const policy = t.app.get(CustomerScopePolicy);
    const sys = RequestContext.system(t.app.get(Clock), 'test');
    expect(await policy.scopeFor(sys)).toEqual({ all: true });
    const err = await policy
      .assertCustomerVisible(ctxOf(a, (await member(a, [presets.customer_manager])).id), randomUUID())
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
  });
});

describe('Open point 3 switch: ORG_DEFAULTS_FOR_CUSTOMER_MANAGER=false', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_PER_SECOND: '1000', ORG_DEFAULTS_FOR_CUSTOMER_MANAGER: 'false' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('ORG-009 a customer-manager-only member then holds exactly the fixed keys; with another role the defaults return', async () => {
    const p = await newPartner(t);
    const get = (url: string) => t.http.get(url).set('X-Auth-Token', p.token);
    const roles: Record<string, string> = {};
    for (const r of (await get('/api/v1/org/roles')).body.items as Array<{ code: string; id: string }>)
      roles[r.code] = r.id;
    const res = await t.http
      .post('/api/v1/org/members')
      .set('X-Auth-Token', p.token)
      .send({
        login_name: 'cmonly',
        email: 'cmonly@acme.example',
        password: PASSWORD,
        role_ids: [roles.customer_manager],
      });
    expect(res.status).toBe(201);
    const eff = await get(`/api/v1/org/members/${res.body.id}/effective-permissions`);
    expect(eff.body.permission_keys).toEqual(['sales.consumption_dashboard.view', 'sales.customer.view']);
    const token = await tokenFor(t, { account: p.accountName, member: 'cmonly', password: PASSWORD });
    const company = await t.http.get('/api/v1/info/company').set('X-Auth-Token', token);
    expect([company.status, company.body.error_code]).toEqual([403, 'ORG_PERMISSION_DENIED']);
    const withAdmin = await t.http
      .put(`/api/v1/org/members/${res.body.id}/roles`)
      .set('X-Auth-Token', p.token)
      .send({ role_ids: [roles.customer_manager, roles.admin] });
    expect(withAdmin.status).toBe(200);
    const eff2 = await get(`/api/v1/org/members/${res.body.id}/effective-permissions`);
    expect(eff2.body.permission_keys).toContain('info.company.view');
  });
});
