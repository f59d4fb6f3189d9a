/**
 * Linking personal accounts (FAQ 7.2.1–7.2.5; org.md ORG-018…ORG-023, ORG-037, J-ORG-1, J-ORG-2, INFO-040
 * effect): acceptance scenarios 11–14 with time travel.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Clock } from '../../../libs/clock/index.js';
import { RequestContext } from '../../../libs/context/index.js';
import { PartnerAccountService } from '../../../src/modules/info/index.js';
import { newMember, type PartnerActor } from '../../builders/actors.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';
import {
  as,
  invite,
  link,
  newPartner,
  newPersonal,
  outbox,
  relogin,
  runJob,
  setClock,
  unlink,
} from './personal.helpers.js';

describe('linking personal accounts (org.md ORG-018…ORG-023, J-ORG-1, J-ORG-2)', () => {
  let t: TestApp;
  let a: PartnerActor;

  beforeAll(async () => {
    t = await createTestApp();
    await setClock(t, '2025-03-01T10:00:00+08:00');
    a = await newPartner(t);
  });
  afterEach(async () => {
    // throttling windows (API-013) do not slide while the clock is frozen
    await t.http.post('/api/v1/admin/test/reset').send({});
  });
  afterAll(async () => {
    await t.close();
  });

  it('ORG-022 / J-ORG-2 scenario 11: invited 2025-03-01T10:00+08:00 → expires_at 2025-03-08T15:59:59.999Z; accepted 2025-03-08T23:59+08:00 → linked; the invitee got e-mail and in-app messages with the expiry', async () => {
    await setClock(t, '2025-03-01T10:00:00+08:00');
    await relogin(t, a);
    const zhang = await newPersonal(t, { tenant: 'zhang_san' });
    const inv = await invite(t, a, zhang);
    expect(inv.status).toBe(201);
    expect(inv.body).toMatchObject({
      partner_account_id: a.id,
      personal_account_id: zhang.id,
      tenant_name: 'zhang_san',
      status: 'pending',
      created_at: '2025-03-01T02:00:00.000Z',
      expires_at: '2025-03-08T15:59:59.999Z',
    });
    const mails = await outbox(t, { template: 'org.invitation.sent', to: 'zhang_san@example.test' });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ channel: 'email' });
    expect(String(mails[0].body)).toContain('2025-03-08');
    expect((await outbox(t, { template: 'org.invitation.sent', to: zhang.id }))[0]).toMatchObject({
      channel: 'in_app',
    });
    const mine = await as(t, zhang.token).get('/org/my-invitations');
    expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([inv.body.id]);

    await setClock(t, '2025-03-08T23:59:00+08:00');
    await relogin(t, zhang);
    await relogin(t, a);
    const acc = await as(t, zhang.token).post(`/org/invitations/${inv.body.id}/accept`);
    expect(acc.status).toBe(200);
    expect(acc.body).toMatchObject({
      status: 'active',
      partner_account_id: a.id,
      personal_account_id: zhang.id,
    });
    const linked = await as(t, a.token).get('/org/linked-accounts');
    expect(linked.body.items.map((l: { tenant_name: string }) => l.tenant_name)).toContain('zhang_san');
    expect((await as(t, zhang.token).get('/org/my-link')).body.link.partner_account_id).toBe(a.id);
  });

  it('ORG-022 scenario 11: accepted at 2025-03-09T00:00:01+08:00 (before J-ORG-1 ran) → 409 ORG_INVITE_EXPIRED, the invitation is expired and a new invitation is possible', async () => {
    await setClock(t, '2025-03-01T10:00:00+08:00');
    await relogin(t, a);
    const zhao = await newPersonal(t, { tenant: 'zhao_liu' });
    const inv = await invite(t, a, zhao);
    expect(inv.status).toBe(201);
    await setClock(t, '2025-03-09T00:00:01+08:00');
    await relogin(t, zhao);
    await relogin(t, a);
    const late = await as(t, zhao.token).post(`/org/invitations/${inv.body.id}/accept`);
    expect(late.status).toBe(409);
    expect(late.body.error_code).toBe('ORG_INVITE_EXPIRED');
    expect(late.body.error_msg).toBe(
      'The invitation expired after 7 days; ask your partner administrator to invite you again.',
    );
    const list = await as(t, a.token).get('/org/invitations');
    expect(list.body.items.find((i: { id: string }) => i.id === inv.body.id).status).toBe('expired');
    const again = await as(t, zhao.token).post(`/org/invitations/${inv.body.id}/decline`);
    expect(again.body.error_code).toBe('ORG_INVITE_EXPIRED');
    const fresh = await invite(t, a, zhao);
    expect(fresh.status).toBe(201);
    expect(fresh.body.expires_at).toBe('2025-03-16T15:59:59.999Z');
  });

  it('J-ORG-1 time travel: the hourly job expires overdue invitations once and tells the partner admin in-app', async () => {
    await setClock(t, '2025-04-01T09:00:00+08:00');
    await relogin(t, a);
    const p = await newPersonal(t);
    const inv = await invite(t, a, p);
    expect(inv.body.expires_at).toBe('2025-04-08T15:59:59.999Z');
    await setClock(t, '2025-04-08T23:59:59+08:00');
    await runJob(t, 'J-ORG-1');
    await relogin(t, a);
    let list = await as(t, a.token).get('/org/invitations');
    expect(list.body.items.find((i: { id: string }) => i.id === inv.body.id).status).toBe('pending');
    await setClock(t, '2025-04-09T00:30:00+08:00');
    const run = await runJob(t, 'J-ORG-1');
    expect(run.body.summary.expired).toBeGreaterThanOrEqual(1);
    expect((await runJob(t, 'J-ORG-1')).body.summary.expired).toBe(0);
    await relogin(t, a);
    list = await as(t, a.token).get('/org/invitations');
    expect(list.body.items.find((i: { id: string }) => i.id === inv.body.id).status).toBe('expired');
    const msgs = await outbox(t, { template: 'org.invitation.expired', to: a.id });
    expect(msgs.some((m) => String(m.subject) === `Invitation to ${p.tenant} expired`)).toBe(true);
  });

  describe('invitee conditions (scenario 12)', () => {
    beforeAll(async () => {
      await setClock(t, '2025-05-01T10:00:00+08:00');
      await relogin(t, a);
    });

    it('ORG-020 #1: a personal-type account real-name verified as an enterprise → 422 ORG_INVITEE_ENTERPRISE_ACCOUNT with failed_conditions', async () => {
      const p = await newPersonal(t, { realname_status: 'enterprise' });
      const res = await invite(t, a, p);
      expect(res.status).toBe(422);
      expect(res.body.error_code).toBe('ORG_INVITEE_ENTERPRISE_ACCOUNT');
      expect(res.body.details.failed_conditions).toEqual(['ORG_INVITEE_ENTERPRISE_ACCOUNT']);
    });

    it('ORG-019 / ORG-028: enterprise accounts and IAM users are not found (404 ORG_PERSONAL_ACCOUNT_NOT_FOUND), nor unknown names', async () => {
      for (const account_type of ['enterprise', 'iam_user']) {
        const p = await newPersonal(t, { account_type });
        const res = await invite(t, a, p);
        expect(res.status).toBe(404);
        expect(res.body.error_code).toBe('ORG_PERSONAL_ACCOUNT_NOT_FOUND');
        expect(res.body.error_msg).toBe(
          'No personal account found; check the site and use the Huawei Cloud tenant name.',
        );
      }
      const none = await as(t, a.token).post('/org/invitations', { tenant_name: 'nobody_here' });
      expect(none.status).toBe(404);
      expect(none.body.error_code).toBe('ORG_PERSONAL_ACCOUNT_NOT_FOUND');
    });

    it('ORG-019 test hook: a taken tenant name or account id answers 400 ORG_FIELD_INVALID, never a 500', async () => {
      const p = await newPersonal(t);
      const hook = (body: object) => t.http.post('/api/v1/admin/test/personal-accounts').send(body);
      const sameTenant = await hook({ tenant_name: p.tenant, password: 'Test@12345' });
      expect(sameTenant.status).toBe(400);
      expect(sameTenant.body.error_code).toBe('ORG_FIELD_INVALID');
      const sameId = await hook({
        tenant_name: `${p.tenant}x`,
        password: 'Test@12345',
        huawei_cloud_account_id: p.huaweiCloudAccountId,
      });
      expect(sameId.status).toBe(400);
      expect(
        (await hook({ tenant_name: 'ok_name', password: 'Test@12345', account_type: 'robot' })).status,
      ).toBe(400);
    });

    it('ORG-019: the invitee is found by account id as well as by tenant name', async () => {
      const p = await newPersonal(t);
      const res = await as(t, a.token).post('/org/invitations', { account_id: p.huaweiCloudAccountId });
      expect(res.status).toBe(201);
      expect(res.body.personal_account_id).toBe(p.id);
      const bad = await as(t, a.token).post('/org/invitations', {});
      expect(bad.status).toBe(400);
      expect(bad.body.error_code).toBe('ORG_FIELD_INVALID');
      const wrongType = await as(t, a.token).post('/org/invitations', { tenant_name: 42 });
      expect(wrongType.status).toBe(400);
    });

    it('ORG-020 #3: a cn account without real-name verification → 422 ORG_INVITEE_NOT_REALNAME_VERIFIED (not required on intl)', async () => {
      const p = await newPersonal(t, { realname_status: 'none' });
      const res = await invite(t, a, p);
      expect(res.status).toBe(422);
      expect(res.body.error_code).toBe('ORG_INVITEE_NOT_REALNAME_VERIFIED');
      const intlPartner = await newPartnerOnSite('intl');
      const q = await newPersonal(t, { site: 'intl', realname_status: 'none' });
      expect((await invite(t, intlPartner, q)).status).toBe(201);
    });

    it('ORG-019 / ORG-037: an intl-site account looked up from a cn partner → 404 ORG_PERSONAL_ACCOUNT_NOT_FOUND', async () => {
      const p = await newPersonal(t, { site: 'intl' });
      const res = await invite(t, a, p);
      expect(res.status).toBe(404);
      expect(res.body.error_code).toBe('ORG_PERSONAL_ACCOUNT_NOT_FOUND');
    });

    it('ORG-020 #4: a partner account → 422 ORG_INVITEE_IS_PARTNER_ACCOUNT', async () => {
      const p = await newPersonal(t, { is_partner_account: true });
      const res = await invite(t, a, p);
      expect(res.status).toBe(422);
      expect(res.body.error_code).toBe('ORG_INVITEE_IS_PARTNER_ACCOUNT');
    });

    it('ORG-020 #2: an account linked to partner X → 409 ORG_INVITEE_ALREADY_LINKED', async () => {
      const x = await newPartner(t);
      const p = await newPersonal(t);
      await link(t, x, p);
      const res = await invite(t, a, p);
      expect(res.status).toBe(409);
      expect(res.body.error_code).toBe('ORG_INVITEE_ALREADY_LINKED');
    });

    it('ORG-021: a second pending invitation to the same person → 409 ORG_INVITE_PENDING_EXISTS; after revoking, a new one is accepted', async () => {
      const p = await newPersonal(t);
      const first = await invite(t, a, p);
      expect(first.status).toBe(201);
      const second = await invite(t, a, p);
      expect(second.status).toBe(409);
      expect(second.body.error_code).toBe('ORG_INVITE_PENDING_EXISTS');
      const revoked = await as(t, a.token).delete(`/org/invitations/${first.body.id}`);
      expect(revoked.status).toBe(200);
      expect(revoked.body.status).toBe('revoked');
      expect((await as(t, p.token).post(`/org/invitations/${first.body.id}/accept`)).body.error_code).toBe(
        'ORG_INVITE_NOT_PENDING',
      );
      expect((await invite(t, a, p)).status).toBe(201);
    });
  });

  it('ORG-020 #5 scenario 13: linked to X, Y, Z within a year → 422 ORG_INVITEE_PARTNER_LIMIT on 2025-07-01; accepted on 2026-01-11 once X left the window', async () => {
    const li = await newPersonal(t, { tenant: 'li_si' });
    const periods: Array<[string, string]> = [
      ['2025-01-10T10:00:00+08:00', '2025-02-01T10:00:00+08:00'],
      ['2025-03-01T10:00:00+08:00', '2025-04-01T10:00:00+08:00'],
      ['2025-05-01T10:00:00+08:00', '2025-06-01T10:00:00+08:00'],
    ];
    for (const [from, to] of periods) {
      await setClock(t, from);
      const company = await newPartner(t);
      await relogin(t, li);
      const linkId = await link(t, company, li);
      await setClock(t, to);
      await relogin(t, company);
      await unlink(t, company, linkId);
    }
    await setClock(t, '2025-07-01T10:00:00+08:00');
    const w = await newPartner(t);
    const refused = await invite(t, w, li);
    expect(refused.status).toBe(422);
    expect(refused.body.error_code).toBe('ORG_INVITEE_PARTNER_LIMIT');
    expect(refused.body.error_msg).toBe(
      'This personal account has been associated with 3 partners within one year.',
    );
    await setClock(t, '2026-01-11T10:00:00+08:00');
    await relogin(t, w);
    expect((await invite(t, w, li)).status).toBe(201);
  });

  it('ORG-020 / ORG-022 scenario 14: conditions re-checked at acceptance (second partner → 409 ORG_INVITEE_ALREADY_LINKED); another account accepting → 403 ORG_INVITE_NOT_ADDRESSEE', async () => {
    await setClock(t, '2025-08-01T10:00:00+08:00');
    const pa = await newPartner(t);
    const pb = await newPartner(t);
    const wang = await newPersonal(t, { tenant: 'wang_wu' });
    const other = await newPersonal(t);
    const invA = await invite(t, pa, wang);
    const invB = await invite(t, pb, wang);
    expect([invA.status, invB.status]).toEqual([201, 201]);
    const stranger = await as(t, other.token).post(`/org/invitations/${invA.body.id}/accept`);
    expect(stranger.status).toBe(403);
    expect(stranger.body.error_code).toBe('ORG_INVITE_NOT_ADDRESSEE');
    expect((await as(t, wang.token).post(`/org/invitations/${invA.body.id}/accept`)).status).toBe(200);
    const second = await as(t, wang.token).post(`/org/invitations/${invB.body.id}/accept`);
    expect(second.status).toBe(409);
    expect(second.body.error_code).toBe('ORG_INVITEE_ALREADY_LINKED');
    const twice = await as(t, wang.token).post(`/org/invitations/${invA.body.id}/accept`);
    expect(twice.status).toBe(409);
    expect(twice.body.error_code).toBe('ORG_INVITE_NOT_PENDING');
    const unknown = await as(t, wang.token).post(
      '/org/invitations/00000000-0000-0000-0000-000000000000/accept',
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error_code).toBe('ORG_INVITE_NOT_FOUND');
  });

  it('ORG-022: the addressee may decline; the partner admin is told in-app', async () => {
    await setClock(t, '2025-08-02T10:00:00+08:00');
    await relogin(t, a);
    const p = await newPersonal(t);
    const inv = await invite(t, a, p);
    const res = await as(t, p.token).post(`/org/invitations/${inv.body.id}/decline`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('declined');
    expect(
      (await outbox(t, { template: 'org.invitation.declined', to: a.id })).length,
    ).toBeGreaterThanOrEqual(1);
  });

  it('ORG-018: an org member (even with the preset admin role) cannot invite, revoke or unlink → 403 ORG_ADMIN_REQUIRED', async () => {
    await setClock(t, '2025-08-03T10:00:00+08:00');
    await relogin(t, a);
    const member = await newMember(t, a, ['admin']);
    const p = await newPersonal(t);
    const res = await as(t, member.token).post('/org/invitations', { tenant_name: p.tenant });
    expect(res.status).toBe(403);
    expect(res.body.error_code).toBe('ORG_ADMIN_REQUIRED');
    const linkId = await link(t, a, p);
    const un = await as(t, member.token).delete(`/org/links/${linkId}`);
    expect(un.status).toBe(403);
    expect(un.body.error_code).toBe('ORG_ADMIN_REQUIRED');
  });

  it("ORG-023: unlinking an unknown or another partner's link → 404 ORG_LINK_NOT_FOUND; unlinking ends certificate sharing at once", async () => {
    await setClock(t, '2025-08-04T10:00:00+08:00');
    await relogin(t, a);
    const other = await newPartner(t);
    const p = await newPersonal(t);
    const linkId = await link(t, a, p);
    const foreign = await as(t, other.token).delete(`/org/links/${linkId}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error_code).toBe('ORG_LINK_NOT_FOUND');
    expect((await as(t, a.token).get(`/org/linked-accounts/${p.id}/certificates`)).status).toBe(200);
    await unlink(t, a, linkId);
    const after = await as(t, a.token).get(`/org/linked-accounts/${p.id}/certificates`);
    expect(after.status).toBe(404);
    expect(after.body.error_code).toBe('ORG_LINK_NOT_FOUND');
    expect((await as(t, a.token).delete(`/org/links/${linkId}`)).status).toBe(404);
  });

  it('INFO-040 effect: deregistering a partner account ends its links with reason account_deregistered', async () => {
    await setClock(t, '2025-08-05T10:00:00+08:00');
    const d = await newPartner(t);
    const p = await newPersonal(t);
    await link(t, d, p);
    const pending = await newPersonal(t);
    const inv = await invite(t, d, pending);
    const ctx = RequestContext.system(t.app.get(Clock), 'test');
    await t.app.get(PartnerAccountService).recordDeregistration(ctx, d.id);
    expect((await as(t, p.token).get('/org/my-link')).body.link).toBeNull();
    const accept = await as(t, pending.token).post(`/org/invitations/${inv.body.id}/accept`);
    expect(accept.body.error_code).toBe('ORG_INVITE_NOT_PENDING');
    // the person can be invited by another partner at once
    await relogin(t, a);
    expect((await invite(t, a, p)).status).toBe(201);
  });

  async function newPartnerOnSite(site: string): Promise<PartnerActor> {
    const { newAccount, onboardingBody } = await import('../../builders/actors.js');
    const acct = await newAccount(t, { site });
    const res = await t.http
      .post('/api/v1/onboarding/applications')
      .set('X-Auth-Token', acct.token)
      .send(onboardingBody(acct));
    expect(res.status).toBe(201);
    return acct;
  }
});
