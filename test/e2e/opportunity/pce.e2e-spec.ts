/**
 * PCE enrollment (opportunity.md OPP-001…OPP-005, acceptance scenarios 1–5): automatic admission, the
 * whitelist, joined programs, the PceMembershipReader seen by certification, termination.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newAccount, newMember, newPartner } from '../../builders/actors.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';
import { as, fake, NO_THROTTLE, reviewer, type Reviewer, setClock } from './opportunity.helpers.js';
import { CertificationCollaborators } from '../../../src/modules/certification/index.js';

describe('PCE enrollment (opportunity.md OPP-001…OPP-005)', () => {
  let t: TestApp;
  let pdm: Reviewer;
  let finance: Reviewer;

  beforeAll(async () => {
    t = await createTestApp(NO_THROTTLE);
    await setClock(t, '2025-03-03T10:00:00+08:00');
    pdm = await reviewer(t, ['pdm']);
    finance = await reviewer(t, ['finance']);
  });
  afterAll(async () => {
    await t.close();
  });

  it('OPP-001 / OPP-003 scenario 1: an onboarded partner joins at once (201 active), pce is in its joined programs and certification sees it', async () => {
    const p1 = await newPartner(t);
    const res = await as(t, p1.token).post('/pce/enrollment', {
      agreement_accepted: true,
      update_commitment: true,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      partner_account_id: p1.id,
      status: 'active',
      update_commitment: true,
      program: 'pce',
    });
    expect(res.body.agreement_accepted_at).toBe('2025-03-03T02:00:00.000Z');
    const pceStatus = await t.app.get(CertificationCollaborators).pce.status(p1.id);
    expect(pceStatus).toBe('active');
    const joined = await as(t, p1.token).get('/programs/joined');
    expect(joined.status).toBe(200);
    expect(JSON.stringify(joined.body)).toContain('"pce"');
    const mine = await as(t, p1.token).get('/pce/enrollment');
    expect(mine.status).toBe(200);
    expect(mine.body.status).toBe('active');
  });

  it('OPP-001 scenario 2: an account that is not onboarded → 422 OPP_PCE_NOT_ONBOARDED', async () => {
    const a = await newAccount(t);
    const res = await as(t, a.token).post('/pce/enrollment', {
      agreement_accepted: true,
      update_commitment: true,
    });
    expect(res.status).toBe(422);
    expect(res.body.error_code).toBe('OPP_PCE_NOT_ONBOARDED');
  });

  it('OPP-001 scenario 3: update_commitment=false or no agreement → 400 OPP_PCE_AGREEMENT_REQUIRED, nothing stored', async () => {
    const p = await newPartner(t);
    const res = await as(t, p.token).post('/pce/enrollment', {
      agreement_accepted: true,
      update_commitment: false,
    });
    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe('OPP_PCE_AGREEMENT_REQUIRED');
    const res2 = await as(t, p.token).post('/pce/enrollment', { update_commitment: true });
    expect(res2.body.error_code).toBe('OPP_PCE_AGREEMENT_REQUIRED');
    expect((await as(t, p.token).get('/pce/enrollment')).status).toBe(404);
  });

  it('OPP-003 scenario 4: joining twice → 409 OPP_PCE_ALREADY_JOINED; two parallel joins admit exactly one', async () => {
    const p = await newPartner(t);
    const body = { agreement_accepted: true, update_commitment: true };
    const [a, b] = await Promise.all([
      as(t, p.token).post('/pce/enrollment', body),
      as(t, p.token).post('/pce/enrollment', body),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect([a.body.error_code, b.body.error_code]).toContain('OPP_PCE_ALREADY_JOINED');
    const again = await as(t, p.token).post('/pce/enrollment', body);
    expect(again.status).toBe(409);
    expect(again.body.error_code).toBe('OPP_PCE_ALREADY_JOINED');
  });

  it('OPP-002 scenario 5: a cloud reseller fails the default eligibility (403 OPP_PCE_ENTRY_UNAVAILABLE) until a PDM whitelists it', async () => {
    const p2 = await newPartner(t);
    await fake(t, 'memberships', {
      partner_account_id: p2.id,
      programs: [{ program: 'cloud_reseller', status: 'active' }],
    });
    const body = { agreement_accepted: true, update_commitment: true };
    const refused = await as(t, p2.token).post('/pce/enrollment', body);
    expect(refused.status).toBe(403);
    expect(refused.body.error_code).toBe('OPP_PCE_ENTRY_UNAVAILABLE');
    // only a PDM whitelists: finance → 403
    expect((await as(t, finance.token).post(`/admin/pce/whitelist/${p2.id}`, { reason: 'x' })).status).toBe(
      403,
    );
    const w = await as(t, pdm.token).post(`/admin/pce/whitelist/${p2.id}`, { reason: 'strategic partner' });
    expect(w.status).toBe(201);
    expect(w.body.whitelisted).toBe(true);
    const ok = await as(t, p2.token).post('/pce/enrollment', body);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ status: 'active', whitelisted: true, whitelisted_by: pdm.id });
  });

  it('OPP-001 permissions: an org member needs opportunity.pce.join (403 ORG_PERMISSION_DENIED)', async () => {
    const p = await newPartner(t);
    const m = await newMember(t, p, ['customer_manager']);
    const res = await as(t, m.token).post('/pce/enrollment', {
      agreement_accepted: true,
      update_commitment: true,
    });
    expect(res.status).toBe(403);
    expect(res.body.error_code).toBe('ORG_PERMISSION_DENIED');
  });

  it('OPP-004 / OPP-011: a new member creates a PO at once; after a PDM terminates the enrollment → 403 OPP_PCE_NOT_JOINED and the reader says exited', async () => {
    const p = await newPartner(t);
    await as(t, p.token).post('/pce/enrollment', { agreement_accepted: true, update_commitment: true });
    const po = await as(t, p.token).post('/opportunities', { customer_name: 'Immediate Co' });
    expect(po.status).toBe(201);
    expect(po.body.status).toBe('draft');
    const term = await as(t, pdm.token).post(`/admin/pce/enrollments/${p.id}/terminate`, {
      reason: 'left HCPN',
    });
    expect(term.status).toBe(200);
    expect(term.body.status).toBe('terminated');
    expect(await t.app.get(CertificationCollaborators).pce.status(p.id)).toBe('exited');
    const refused = await as(t, p.token).post('/opportunities', { customer_name: 'Later Co' });
    expect(refused.status).toBe(403);
    expect(refused.body.error_code).toBe('OPP_PCE_NOT_JOINED');
    // open POs stay visible read-only
    expect((await as(t, p.token).get(`/opportunities/${po.body.id}`)).status).toBe(200);
  });

  it('OPP-005: an opportunity linked to an offering gets priority support', async () => {
    const p = await newPartner(t);
    await as(t, p.token).post('/pce/enrollment', { agreement_accepted: true, update_commitment: true });
    await fake(t, 'pce-offerings', { partner_account_id: p.id, offerings: [{ offering_id: 'o-prio' }] });
    const withOffering = await as(t, p.token).post('/opportunities', {
      customer_name: 'A',
      offering_ids: ['o-prio'],
    });
    const without = await as(t, p.token).post('/opportunities', { customer_name: 'B' });
    expect(withOffering.body.priority_support).toBe(true);
    expect(without.body.priority_support).toBe(false);
  });
});
