/**
 * Huawei-originated opportunities and duplicate protection (opportunity.md OPP-030…OPP-035, OPP-060…OPP-065;
 * acceptance scenarios 19–21, 23–27, 31–33): eligibility, the 3-working-day acceptance window over weekends
 * and the October holidays, expiry job, accept/reject race, withdrawal, partner-vs-partner duplicates and
 * their race, feedback.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { newMember, newPartner, type PartnerActor } from '../../builders/actors.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';
import {
  approved,
  as,
  fake,
  joinPce,
  makeHoEligible,
  NO_THROTTLE,
  outbox,
  refresh,
  repOffice,
  reviewer,
  type Reviewer,
  runJob,
  setClock,
  shareBody,
  submitted,
} from './opportunity.helpers.js';

describe('HOs and duplicates (opportunity.md)', () => {
  let t: TestApp;
  let p1: PartnerActor;
  let p2: PartnerActor;
  let pdm: Reviewer;
  let psm: Reviewer;
  let bd: Reviewer;
  let ops: Reviewer;
  let finance: Reviewer;

  beforeAll(async () => {
    t = await createTestApp(NO_THROTTLE);
    await setClock(t, '2025-03-03T10:00:00+08:00');
    [pdm, psm, bd, ops, finance] = await Promise.all([
      reviewer(t, ['pdm']),
      reviewer(t, ['psm']),
      reviewer(t, ['bd']),
      reviewer(t, ['operations']),
      reviewer(t, ['finance']),
    ]);
    await repOffice(t, ops, 'RO-GD', {
      provinces: ['GD'],
      pdm_ids: [pdm.id],
      psm_ids: [psm.id],
      bd_ids: [bd.id],
    });
    p1 = await newPartner(t);
    p2 = await newPartner(t);
    await joinPce(t, p1);
    await joinPce(t, p2);
  });
  beforeEach(async () => {
    await setClock(t, '2025-03-03T10:00:00+08:00');
    await refresh(t, p1, p2, pdm, psm, bd, finance);
    await makeHoEligible(t, p1);
    await makeHoEligible(t, p2);
  });
  afterAll(async () => {
    await t.close();
  });

  const share = (r: Reviewer, body: object) => as(t, r.token).post('/admin/opportunities/ho', body);

  it('OPP-060 scenario 23: a PCE partner without an offering (or without a certified stage, or without PCE) → 422 OPP_HO_PARTNER_INELIGIBLE', async () => {
    const noOffer = await newPartner(t);
    await joinPce(t, noOffer);
    await makeHoEligible(t, noOffer, []);
    const res = await share(pdm, shareBody(noOffer));
    expect(res.status).toBe(422);
    expect(res.body.error_code).toBe('OPP_HO_PARTNER_INELIGIBLE');
    expect(res.body.details.missing).toEqual(['offering']);
    const joinedOnly = await newPartner(t);
    await joinPce(t, joinedOnly);
    await makeHoEligible(t, joinedOnly);
    await t.http.put('/api/v1/admin/test/fakes/memberships').send({
      partner_account_id: joinedOnly.id,
      paths: [{ path: 'software', status: 'active', stage: 'joined' }],
    });
    expect((await share(pdm, shareBody(joinedOnly))).body.details.missing).toEqual(['path_stage']);
    const noPce = await newPartner(t);
    await makeHoEligible(t, noPce);
    expect((await share(pdm, shareBody(noPce))).body.details.missing).toEqual(['pce_enrollment']);
    // crm_created_at is required; finance cannot share
    const missing = await share(pdm, { ...shareBody(p1), crm_created_at: undefined });
    expect(missing.status).toBe(400);
    expect(missing.body.error_code).toBe('OPP_FIELD_INVALID');
    expect((await share(finance, shareBody(p1))).status).toBe(403);
  });

  it('Formulas (assessment flag) on a shared HO: an unflagged joint-operation product → counts_for_assessment false; a baseline solution → true', async () => {
    await fake(t, 'pce-offerings', {
      partner_account_id: p1.id,
      offerings: [
        {
          offering_id: 'ho-mp',
          offering_type: 'marketplace_product',
          joint_operation_listed: true,
          counts_for_pce_assessment: false,
        },
        { offering_id: 'ho-base', offering_type: 'partner_led_baseline' },
      ],
    });
    const mp = await share(pdm, shareBody(p1, { customer_name: 'Assess MP Co', offering_ids: ['ho-mp'] }));
    expect(mp.status).toBe(201);
    expect(mp.body.counts_for_assessment).toBe(false);
    const base = await share(
      pdm,
      shareBody(p1, { customer_name: 'Assess Base Co', offering_ids: ['ho-base'] }),
    );
    expect(base.status).toBe(201);
    expect(base.body.counts_for_assessment).toBe(true);
  });

  it('OPP-062 / OPP-065 scenario 24: shared Fri 2025-03-07 → deadline Wed 2025-03-12 23:59:59.999 (+08:00); SMS ho.shared; accept at 23:59 Wed → 200', async () => {
    await setClock(t, '2025-03-07T10:00:00+08:00');
    await refresh(t, p1, pdm);
    const res = await share(pdm, shareBody(p1, { customer_name: 'Friday Co' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      origin: 'ho',
      status: 'pending_acceptance',
      acceptance_deadline: '2025-03-12T15:59:59.999Z',
    });
    const sms = await outbox(t, { channel: 'sms', template: 'ho.shared', partner_account_id: p1.id });
    expect(sms.some((m) => m.params.opportunity_id === res.body.id)).toBe(true);
    const list = await as(t, p1.token).get('/opportunities?origin=ho&status=pending_acceptance&limit=100');
    expect(list.body.items.map((o: { id: string }) => o.id)).toContain(res.body.id);
    await setClock(t, '2025-03-12T23:59:00+08:00');
    await refresh(t, p1);
    const ok = await as(t, p1.token).post(`/opportunities/${res.body.id}/accept`);
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('accepted');
    // OPP-064: accepting again or rejecting after acceptance is not possible
    const undo = await as(t, p1.token).post(`/opportunities/${res.body.id}/reject`, {});
    expect(undo.status).toBe(409);
    expect(undo.body.error_code).toBe('OPP_INVALID_STATE');
  });

  it('OPP-062 scenarios 25–26: shared Mon 03-03 → an accept at 03-07 00:00:01 before the job → 409 OPP_HO_EXPIRED; the job expires it with an ho.expired SMS', async () => {
    const res = await share(pdm, shareBody(p1, { customer_name: 'Monday Co' }));
    expect(res.body.acceptance_deadline).toBe('2025-03-06T15:59:59.999Z');
    await setClock(t, '2025-03-06T23:59:59+08:00');
    await runJob(t, 'opportunity.ho-acceptance-expiry');
    await setClock(t, '2025-03-07T00:00:01+08:00');
    await refresh(t, p1, pdm);
    expect((await as(t, p1.token).get(`/opportunities/${res.body.id}`)).body.status).toBe(
      'pending_acceptance',
    );
    const early = await as(t, p1.token).post(`/opportunities/${res.body.id}/accept`);
    expect(early.status).toBe(409);
    expect(early.body.error_code).toBe('OPP_HO_EXPIRED');
    await runJob(t, 'opportunity.ho-acceptance-expiry');
    const after = await as(t, p1.token).get(`/opportunities/${res.body.id}`);
    expect(after.body).toMatchObject({ status: 'expired', close_reason: 'expired' });
    const sms = await outbox(t, { channel: 'sms', template: 'ho.expired', partner_account_id: p1.id });
    expect(sms.some((m) => m.params.opportunity_id === res.body.id)).toBe(true);
    const sharer = await outbox(t, { channel: 'in_app', to: pdm.id, template: 'ho.expired' });
    expect(sharer.some((m) => m.params.opportunity_id === res.body.id)).toBe(true);
    for (const action of ['accept', 'reject']) {
      const late = await as(t, p1.token).post(`/opportunities/${res.body.id}/${action}`, {});
      expect(late.status).toBe(409);
      expect(late.body.error_code).toBe('OPP_HO_EXPIRED');
    }
  });

  it('OPP-062 scenario 32: holidays 10-01…10-08 and make-up Sat 10-11: shared Tue 09-30 → deadline 10-11; accept at 10-11 23:59:59 → 200, at 10-12 00:00 → 409', async () => {
    for (let d = 1; d <= 8; d++) {
      const res = await as(t, ops.token).put(`/admin/calendar/days/2025-10-0${d}`, { kind: 'holiday' });
      expect([200, 201]).toContain(res.status);
    }
    await as(t, ops.token).put('/admin/calendar/days/2025-10-11', { kind: 'working_day' });
    await setClock(t, '2025-09-30T16:00:00+08:00');
    await refresh(t, p1, pdm);
    const ho1 = await share(pdm, shareBody(p1, { customer_name: 'Holiday One' }));
    const ho2 = await share(pdm, shareBody(p1, { customer_name: 'Holiday Two' }));
    expect(ho1.body.acceptance_deadline).toBe('2025-10-11T15:59:59.999Z');
    expect(ho2.body.acceptance_deadline).toBe('2025-10-11T15:59:59.999Z');
    await setClock(t, '2025-10-11T23:59:59+08:00');
    await refresh(t, p1);
    expect((await as(t, p1.token).post(`/opportunities/${ho1.body.id}/accept`)).status).toBe(200);
    await setClock(t, '2025-10-12T00:00:00+08:00');
    const late = await as(t, p1.token).post(`/opportunities/${ho2.body.id}/accept`);
    expect(late.status).toBe(409);
    expect(late.body.error_code).toBe('OPP_HO_EXPIRED');
  });

  it('OPP-063 scenario 31: accept and reject in parallel → one 200, one 409 OPP_INVALID_STATE; the final status is the winner’s', async () => {
    const ho = await share(pdm, shareBody(p1, { customer_name: 'Race HO Co' }));
    const [a, r] = await Promise.all([
      as(t, p1.token).post(`/opportunities/${ho.body.id}/accept`),
      as(t, p1.token).post(`/opportunities/${ho.body.id}/reject`, { reason: 'no capacity' }),
    ]);
    expect([a.status, r.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : r;
    const winner = a.status === 200 ? a : r;
    expect(loser.body.error_code).toBe('OPP_INVALID_STATE');
    expect((await as(t, p1.token).get(`/opportunities/${ho.body.id}`)).body.status).toBe(winner.body.status);
  });

  it('OPP-064 scenario 27: the partner cannot withdraw an accepted HO (403 ORG_PERMISSION_DENIED); the PDM withdraws with a reason', async () => {
    const ho = await share(pdm, shareBody(p1, { customer_name: 'Mistake Co' }));
    await as(t, p1.token).post(`/opportunities/${ho.body.id}/accept`);
    const byPartner = await as(t, p1.token).post(`/admin/opportunities/${ho.body.id}/withdraw`, {
      reason: 'mistake',
    });
    expect(byPartner.status).toBe(403);
    expect(byPartner.body.error_code).toBe('ORG_PERMISSION_DENIED');
    const byFinance = await as(t, finance.token).post(`/admin/opportunities/${ho.body.id}/withdraw`, {
      reason: 'x',
    });
    expect(byFinance.status).toBe(403);
    const noReason = await as(t, pdm.token).post(`/admin/opportunities/${ho.body.id}/withdraw`, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.error_code).toBe('OPP_REASON_REQUIRED');
    const ok = await as(t, pdm.token).post(`/admin/opportunities/${ho.body.id}/withdraw`, {
      reason: 'partner accepted by mistake',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'withdrawn', close_reason: 'withdrawn' });
  });

  it('OPP-050: an accepted HO moves to in_progress with the first update and closes as lost', async () => {
    const ho = await share(bd, shareBody(p1, { customer_name: 'Progress HO Co' }));
    expect(ho.status).toBe(201);
    const pending = await as(t, p1.token).post(`/opportunities/${ho.body.id}/progress-updates`, {
      stage: 'bidding',
      note: 'x',
    });
    expect(pending.body.error_code).toBe('OPP_NOT_UPDATABLE');
    await as(t, p1.token).post(`/opportunities/${ho.body.id}/accept`);
    const first = await as(t, p1.token).post(`/opportunities/${ho.body.id}/progress-updates`, {
      stage: 'bidding',
      note: 'bid sent',
    });
    expect(first.body.opportunity_status).toBe('in_progress');
    const lost = await as(t, p1.token).post(`/opportunities/${ho.body.id}/progress-updates`, {
      stage: 'lost',
      note: 'price',
    });
    expect(lost.body.opportunity_status).toBe('lost');
    // OPP-070: P2 cannot see P1's HO
    expect((await as(t, p2.token).get(`/opportunities/${ho.body.id}`)).status).toBe(404);
  });

  it('OPP-030 / OPP-031 / OPP-032 scenario 19: PO-A of P1 approved on 04-01, PO-B of P2 for "ACME  LTD" on 04-02 → 409 OPP_DUPLICATE; rejecting B as duplicate works', async () => {
    await setClock(t, '2025-04-01T10:00:00+08:00');
    await refresh(t, p1, p2, pdm);
    const a = await approved(t, p1, pdm, { customer_name: 'Acme Trading Ltd' });
    await setClock(t, '2025-04-02T10:00:00+08:00');
    await refresh(t, p1, p2, pdm);
    const b = await submitted(t, p2, { customer_name: 'ACME  TRADING LTD' });
    const res = await as(t, pdm.token).post(`/admin/opportunities/${b}/review`, { decision: 'approve' });
    expect(res.status).toBe(409);
    expect(res.body.error_code).toBe('OPP_DUPLICATE');
    expect(res.body.details.duplicate_of_id).toBe(a);
    const rej = await as(t, pdm.token).post(`/admin/opportunities/${b}/review`, {
      decision: 'reject',
      reason: 'duplicate',
      duplicate_of_id: a,
    });
    expect(rej.status).toBe(200);
    expect(rej.body).toMatchObject({
      status: 'review_rejected',
      reject_reason: 'duplicate',
      duplicate_of_id: a,
    });
  });

  it('OPP-030 formulas: full-width parentheses normalise ("华为云计算（贵州）有限公司" = "华为云计算(贵州)有限公司"); disjoint offering scopes are different demands; OPP-035 no fuzzy match', async () => {
    await setClock(t, '2025-04-03T10:00:00+08:00');
    await refresh(t, p1, p2, pdm);
    await t.http
      .put('/api/v1/admin/test/fakes/pce-offerings')
      .send({ partner_account_id: p1.id, offerings: [{ offering_id: 'o-a' }] });
    await t.http
      .put('/api/v1/admin/test/fakes/pce-offerings')
      .send({ partner_account_id: p2.id, offerings: [{ offering_id: 'o-b' }] });
    const a = await approved(t, p1, pdm, { customer_name: '华为云计算（贵州）有限公司' });
    const b = await submitted(t, p2, { customer_name: '华为云计算(贵州)有限公司' });
    const dup = await as(t, pdm.token).post(`/admin/opportunities/${b}/review`, { decision: 'approve' });
    expect(dup.body).toMatchObject({ error_code: 'OPP_DUPLICATE', details: { duplicate_of_id: a } });
    const scoped1 = await approved(t, p1, pdm, { customer_name: 'Scoped Customer', offering_ids: ['o-a'] });
    const scoped2 = await submitted(t, p2, { customer_name: 'Scoped Customer', offering_ids: ['o-b'] });
    expect(scoped1).toBeTruthy();
    expect(
      (await as(t, pdm.token).post(`/admin/opportunities/${scoped2}/review`, { decision: 'approve' })).status,
    ).toBe(200);
    const fuzzy = await submitted(t, p2, { customer_name: 'Acme Trading Limited' });
    expect(
      (await as(t, pdm.token).post(`/admin/opportunities/${fuzzy}/review`, { decision: 'approve' })).status,
    ).toBe(200);
    const draftView = await as(t, p2.token).get(`/opportunities/${fuzzy}`);
    expect(draftView.body.customer_name_hint).toContain('full legal name');
  });

  it('OPP-031 / OPP-034 scenario 20: an HO created in CRM on 04-01 09:00 beats P2’s PO approved 04-02 (409 OPP_DUPLICATE); sharing an HO after an earlier PO → 409', async () => {
    await setClock(t, '2025-04-01T12:00:00+08:00');
    await refresh(t, p1, p2, pdm);
    const ho = await share(
      pdm,
      shareBody(p1, { customer_name: 'Customer X', crm_created_at: '2025-04-01T01:00:00Z' }),
    );
    expect(ho.status).toBe(201);
    await setClock(t, '2025-04-02T10:00:00+08:00');
    await refresh(t, p1, p2, pdm);
    const po = await submitted(t, p2, { customer_name: 'Customer X' });
    const res = await as(t, pdm.token).post(`/admin/opportunities/${po}/review`, { decision: 'approve' });
    expect(res.status).toBe(409);
    expect(res.body.details.duplicate_of_id).toBe(ho.body.id);
    // the other way round: an approved PO protects its key against a later HO
    const poY = await approved(t, p2, pdm, { customer_name: 'Customer Y' });
    const hoY = await share(
      pdm,
      shareBody(p1, { customer_name: 'customer y', crm_created_at: '2025-04-02T05:00:00Z' }),
    );
    expect(hoY.status).toBe(409);
    expect(hoY.body.error_code).toBe('OPP_DUPLICATE');
    expect(hoY.body.details.duplicate_of_id).toBe(poY);
    const forced = await share(
      pdm,
      shareBody(p1, {
        customer_name: 'customer y',
        crm_created_at: '2025-04-02T05:00:00Z',
        not_duplicate: true,
        justification: 'different demand: data-center migration',
      }),
    );
    expect(forced.status).toBe(201);
  });

  it('OPP-032 / OPP-033 scenario 21: PO-A verified locks the key; not_duplicate without justification → 400 OPP_REASON_REQUIRED; without override → 409', async () => {
    await setClock(t, '2025-04-04T10:00:00+08:00');
    await refresh(t, p1, p2, pdm, psm);
    const a = await approved(t, p1, pdm, { customer_name: 'Locked Co' });
    expect(
      (await as(t, psm.token).post(`/admin/opportunities/${a}/verify`, { decision: 'verify' })).status,
    ).toBe(200);
    const c = await submitted(t, p2, { customer_name: 'LOCKED CO' });
    const noJust = await as(t, pdm.token).post(`/admin/opportunities/${c}/review`, {
      decision: 'approve',
      not_duplicate: true,
    });
    expect(noJust.status).toBe(400);
    expect(noJust.body.error_code).toBe('OPP_REASON_REQUIRED');
    const plain = await as(t, pdm.token).post(`/admin/opportunities/${c}/review`, { decision: 'approve' });
    expect(plain.status).toBe(409);
    expect(plain.body.error_code).toBe('OPP_DUPLICATE');
    expect(plain.body.details.duplicate_of_id).toBe(a);
  });

  it('OPP-033 race: the PDM approves duplicate POs of P1 and P2 in parallel → exactly one passes, the other 409 OPP_DUPLICATE', async () => {
    await setClock(t, '2025-04-05T10:00:00+08:00');
    await refresh(t, p1, p2, pdm);
    const x = await submitted(t, p1, { customer_name: 'Contested Customer' });
    const y = await submitted(t, p2, { customer_name: 'Contested  customer' });
    const [rx, ry] = await Promise.all([
      as(t, pdm.token).post(`/admin/opportunities/${x}/review`, { decision: 'approve' }),
      as(t, pdm.token).post(`/admin/opportunities/${y}/review`, { decision: 'approve' }),
    ]);
    expect([rx.status, ry.status].sort()).toEqual([200, 409]);
    const loser = rx.status === 409 ? rx : ry;
    expect(loser.body.error_code).toBe('OPP_DUPLICATE');
    expect(loser.body.details.duplicate_of_id).toBe(rx.status === 200 ? x : y);
  });

  it('OPP-061: candidates are ranked by offering match, successful POs and manual scores', async () => {
    await as(t, pdm.token).put(`/admin/pce/enrollments/${p2.id}/scores`, {
      technical_score: 90,
      cooperation_score: 80,
    });
    const res = await as(t, pdm.token).get('/admin/opportunities/ho/candidates');
    expect(res.status).toBe(200);
    const ids = res.body.items.map((c: { partner_account_id: string }) => c.partner_account_id);
    expect(ids).toEqual(expect.arrayContaining([p1.id, p2.id]));
    const c2 = res.body.items.find((c: { partner_account_id: string }) => c.partner_account_id === p2.id);
    expect(c2).toMatchObject({ technical_score: 90, cooperation_score: 80, eligible: true });
    expect(res.body.items[0].rank).toBe(1);
  });

  it('OPP-075 scenario 33: feedback score 6 → 400 OPP_FIELD_INVALID (field score); 5 → 201; a member without the key → 403', async () => {
    const bad = await as(t, p1.token).post('/opportunities/feedback', { score: 6 });
    expect(bad.status).toBe(400);
    expect(bad.body.error_code).toBe('OPP_FIELD_INVALID');
    expect(bad.body.details.field).toBe('score');
    const ok = await as(t, p1.token).post('/opportunities/feedback', { score: 5, comment: 'helpful PDM' });
    expect(ok.status).toBe(201);
    expect(ok.body.score).toBe(5);
    const m = await newMember(t, p1, ['customer_manager']);
    const denied = await as(t, m.token).post('/opportunities/feedback', { score: 4 });
    expect(denied.status).toBe(403);
    expect(denied.body.error_code).toBe('ORG_PERMISSION_DENIED');
  });

  it('OPP-076: PCE guidance documents live in the document library (delivery-support.md); the PCE endpoints expose the agreement version', async () => {
    const p = await newPartner(t);
    const res = await as(t, p.token).post('/pce/enrollment', {
      agreement_accepted: true,
      update_commitment: true,
    });
    expect(res.body.agreement_version).toMatch(/^\d{4}\.\d+$/);
  });
});
