/**
 * Partner-originated opportunities (opportunity.md OPP-010…OPP-024, OPP-040…OPP-043, OPP-050, OPP-051,
 * OPP-070…OPP-072; acceptance scenarios 6–18, 22, 28–30): drafting, submit checks, PDM review, dispatcher,
 * verification SLA over working days, the PSM race, CRM events, tenancy and reviewer least privilege.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { newMember, newPartner, type PartnerActor } from '../../builders/actors.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';
import {
  approved,
  as,
  draft,
  fake,
  joinPce,
  outbox,
  repOffice,
  reviewer,
  type Reviewer,
  runJob,
  setClock,
  submitted,
  validPo,
  refresh,
  NO_THROTTLE,
} from './opportunity.helpers.js';

describe('POs (opportunity.md)', () => {
  let t: TestApp;
  let p1: PartnerActor;
  let p2: PartnerActor;
  let pdm: Reviewer;
  let pdmOther: Reviewer;
  let psmA: Reviewer;
  let psmB: Reviewer;
  let bd: Reviewer;
  let ops: Reviewer;
  let finance: Reviewer;
  let dispatcher: Reviewer;
  const psms: Reviewer[] = [];

  beforeAll(async () => {
    t = await createTestApp(NO_THROTTLE);
    await setClock(t, '2025-03-03T10:00:00+08:00');
    [pdm, pdmOther, psmA, psmB, bd, ops, finance] = await Promise.all([
      reviewer(t, ['pdm']),
      reviewer(t, ['pdm']),
      reviewer(t, ['psm']),
      reviewer(t, ['psm']),
      reviewer(t, ['bd']),
      reviewer(t, ['operations']),
      reviewer(t, ['finance']),
    ]);
    dispatcher = await reviewer(t, ['pdm'], ['pce_dispatcher']);
    for (let i = 0; i < 3; i++) psms.push(await reviewer(t, ['psm']));
    await repOffice(t, ops, 'RO-GD', {
      provinces: ['GD'],
      pdm_ids: [pdm.id],
      psm_ids: [psmA.id, psmB.id, ...psms.map((p) => p.id)],
      bd_ids: [bd.id],
    });
    await repOffice(t, ops, 'RO-BJ', { provinces: ['BJ'], pdm_ids: [pdmOther.id], psm_ids: [] });
    p1 = await newPartner(t);
    p2 = await newPartner(t);
    await joinPce(t, p1);
    await joinPce(t, p2);
  });
  beforeEach(async () => {
    await setClock(t, '2025-03-03T10:00:00+08:00');
  });
  afterAll(async () => {
    await t.close();
  });

  it('OPP-011 scenario 6: a partner without PCE → 403 OPP_PCE_NOT_JOINED', async () => {
    const p3 = await newPartner(t);
    const res = await as(t, p3.token).post('/opportunities', validPo());
    expect(res.status).toBe(403);
    expect(res.body.error_code).toBe('OPP_PCE_NOT_JOINED');
  });

  it('OPP-012 scenario 7: an org member without opportunity.po.create → 403 ORG_PERMISSION_DENIED; after the admin grants it → 201 draft', async () => {
    const role = await as(t, p1.token).post('/org/roles', {
      name: 'viewer',
      permission_keys: ['opportunity.po.view'],
    });
    expect(role.status).toBe(201);
    const m1 = await newMember(t, p1, []);
    const setRoles = await as(t, p1.token).put(`/org/members/${m1.id}/roles`, { role_ids: [role.body.id] });
    expect(setRoles.status).toBe(200);
    const refused = await as(t, m1.token).post('/opportunities', validPo());
    expect(refused.status).toBe(403);
    expect(refused.body.error_code).toBe('ORG_PERMISSION_DENIED');
    const grant = await as(t, p1.token).post('/org/roles', {
      name: 'sales',
      permission_keys: ['opportunity.po.create', 'opportunity.po.view'],
    });
    await as(t, p1.token).put(`/org/members/${m1.id}/roles`, { role_ids: [grant.body.id] });
    const ok = await as(t, m1.token).post('/opportunities', validPo());
    expect(ok.status).toBe(201);
    expect(ok.body.status).toBe('draft');
    expect(ok.body.origin).toBe('po');
    expect(ok.body.partner_contact_user_id).toBe(m1.id);
  });

  it('OPP-013 scenario 8: budget missing and a vague description → 400 OPP_INCOMPLETE listing both fields', async () => {
    const id = await draft(t, p1, { budget_amount: null, description: 'cloud' });
    const res = await as(t, p1.token).post(`/opportunities/${id}/submit`, {});
    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe('OPP_INCOMPLETE');
    expect(res.body.details.fields).toEqual(['budget_amount', 'description']);
    expect((await as(t, p1.token).get(`/opportunities/${id}`)).body.status).toBe('draft');
  });

  it('OPP-014 scenario 9: purchase date one day past 12 months → 422 OPP_PURCHASE_WINDOW; exactly 12 months → 200; a past date → 422', async () => {
    const id = await draft(t, p1, { expected_purchase_date: '2026-03-04' });
    const late = await as(t, p1.token).post(`/opportunities/${id}/submit`, {});
    expect(late.status).toBe(422);
    expect(late.body.error_code).toBe('OPP_PURCHASE_WINDOW');
    const past = await as(t, p1.token).post(`/opportunities/${id}/submit`, {
      expected_purchase_date: '2025-03-02',
    });
    expect(past.body.error_code).toBe('OPP_PURCHASE_WINDOW');
    const ok = await as(t, p1.token).post(`/opportunities/${id}/submit`, {
      expected_purchase_date: '2026-03-03',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('pending_review');
  });

  it('OPP-015 scenario 10: customer_consent_confirmed=false → 400 OPP_CUSTOMER_CONSENT_REQUIRED', async () => {
    const id = await draft(t, p1, { customer_consent_confirmed: false });
    const res = await as(t, p1.token).post(`/opportunities/${id}/submit`, {});
    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe('OPP_CUSTOMER_CONSENT_REQUIRED');
  });

  it('OPP-016: another partner’s offering → 422 OPP_OFFERING_NOT_OWNED; counts_for_assessment follows the offering types', async () => {
    await fake(t, 'pce-offerings', {
      partner_account_id: p1.id,
      offerings: [
        { offering_id: 'p1-baseline', offering_type: 'partner_led_baseline' },
        { offering_id: 'p1-jo', offering_type: 'marketplace_product', joint_operation_listed: true },
        {
          offering_id: 'p1-jo-flagged',
          offering_type: 'marketplace_product',
          joint_operation_listed: true,
          counts_for_pce_assessment: true,
        },
      ],
    });
    const foreign = await as(t, p1.token).post('/opportunities', validPo({ offering_ids: ['p2-thing'] }));
    expect(foreign.status).toBe(422);
    expect(foreign.body.error_code).toBe('OPP_OFFERING_NOT_OWNED');
    const none = await as(t, p1.token).post('/opportunities', validPo());
    expect(none.body.counts_for_assessment).toBe(false);
    const base = await as(t, p1.token).post('/opportunities', validPo({ offering_ids: ['p1-baseline'] }));
    expect(base.body.counts_for_assessment).toBe(true);
    const jo = await as(t, p1.token).post('/opportunities', validPo({ offering_ids: ['p1-jo'] }));
    expect(jo.body.counts_for_assessment).toBe(false);
    const flagged = await as(t, p1.token).post(
      '/opportunities',
      validPo({ offering_ids: ['p1-jo-flagged'] }),
    );
    expect(flagged.body.counts_for_assessment).toBe(true);
  });

  it('OPP-017 / OPP-051 scenario 11: a no-account filing is submitted with a warning; verified with crm-1, a CRM customer.released cancels it; the replay changes nothing', async () => {
    const id = await draft(t, p1, { customer_name: 'No Account Co', customer_account_id: null });
    const sub = await as(t, p1.token).post(`/opportunities/${id}/submit`, {});
    expect(sub.status).toBe(200);
    expect(sub.body.status).toBe('pending_review');
    expect(sub.body.warnings).toEqual(['OPP_NO_CUSTOMER_ACCOUNT']);
    expect(
      (await as(t, pdm.token).post(`/admin/opportunities/${id}/review`, { decision: 'approve' })).status,
    ).toBe(200);
    await fake(t, 'crm', { next_opportunity_ids: ['crm-1'] });
    const v = await as(t, psmA.token).post(`/admin/opportunities/${id}/verify`, { decision: 'verify' });
    expect(v.status).toBe(200);
    expect(v.body).toMatchObject({ status: 'verified', crm_opportunity_id: 'crm-1' });
    const event = { event_id: 'e-1', type: 'customer.released', crm_opportunity_id: 'crm-1' };
    const first = await as(t, bd.token).post('/admin/integrations/crm/events', event);
    expect(first.status).toBe(200);
    expect(first.body.outcome).toBe('applied');
    const after = await as(t, p1.token).get(`/opportunities/${id}`);
    expect(after.body).toMatchObject({ status: 'cancelled', close_reason: 'crm_released' });
    const replay = await as(t, bd.token).post('/admin/integrations/crm/events', event);
    expect(replay.status).toBe(200);
    expect(replay.body.outcome).toBe('replayed');
    const again = await as(t, p1.token).get(`/opportunities/${id}`);
    expect(again.body.version).toBe(after.body.version);
    // OPP-051: every status change went out by SMS
    const sms = (
      await outbox(t, { channel: 'sms', template: 'opportunity.status_changed', partner_account_id: p1.id })
    ).filter((m) => m.params.opportunity_id === id);
    expect(sms.map((m) => String(m.params.status)).sort()).toEqual([
      'cancelled',
      'pending_review',
      'pending_verification',
      'verified',
    ]);
  });

  it('OPP-018 / OPP-043 scenario 12: a submitted PO cannot be edited, deleted or cancelled by the partner (409 OPP_NOT_EDITABLE); a draft can', async () => {
    const d = await draft(t, p1);
    expect((await as(t, p1.token).put(`/opportunities/${d}`, { city: 'GZ' })).body.city).toBe('GZ');
    expect((await as(t, p1.token).delete(`/opportunities/${d}`)).status).toBe(204);
    const id = await submitted(t, p1);
    for (const res of [
      await as(t, p1.token).put(`/opportunities/${id}`, {
        description: 'changed description long enough ok',
      }),
      await as(t, p1.token).post(`/opportunities/${id}/cancel`),
      await as(t, p1.token).delete(`/opportunities/${id}`),
    ]) {
      expect(res.status).toBe(409);
      expect(res.body.error_code).toBe('OPP_NOT_EDITABLE');
    }
  });

  it('OPP-019 / OPP-023 scenario 13: the PDM rejects with partner_request (SMS), the partner edits and resubmits', async () => {
    const id = await submitted(t, p1);
    const rej = await as(t, pdm.token).post(`/admin/opportunities/${id}/review`, {
      decision: 'reject',
      reason: 'partner_request',
      comment: 'partner asked to fix the budget',
    });
    expect(rej.status).toBe(200);
    expect(rej.body).toMatchObject({ status: 'review_rejected', reject_reason: 'partner_request' });
    const sms = await outbox(t, {
      channel: 'sms',
      template: 'opportunity.status_changed',
      partner_account_id: p1.id,
    });
    expect(sms.some((m) => m.params.opportunity_id === id && m.params.status === 'review_rejected')).toBe(
      true,
    );
    expect((await as(t, p1.token).put(`/opportunities/${id}`, { budget_amount: '600000.00' })).status).toBe(
      200,
    );
    const re = await as(t, p1.token).post(`/opportunities/${id}/resubmit`, {});
    expect(re.status).toBe(200);
    expect(re.body.status).toBe('pending_review');
    expect(re.body.budget_amount).toBe('600000.00');
  });

  it('OPP-023 scenario 14: a duplicate rejection is final → 409 OPP_RESUBMIT_NOT_ALLOWED', async () => {
    const id = await submitted(t, p1);
    await as(t, pdm.token).post(`/admin/opportunities/${id}/review`, {
      decision: 'reject',
      reason: 'duplicate',
    });
    const re = await as(t, p1.token).post(`/opportunities/${id}/resubmit`, {});
    expect(re.status).toBe(409);
    expect(re.body.error_code).toBe('OPP_RESUBMIT_NOT_ALLOWED');
  });

  it('OPP-021 / OPP-022 scenario 15: reject without a reason → 400 OPP_REASON_REQUIRED; invalid leads are rejected as invalid; a second review → 409 OPP_INVALID_STATE', async () => {
    const id = await submitted(t, p1);
    const res = await as(t, pdm.token).post(`/admin/opportunities/${id}/review`, { decision: 'reject' });
    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe('OPP_REASON_REQUIRED');
    const bad = await as(t, pdm.token).post(`/admin/opportunities/${id}/review`, {
      decision: 'reject',
      reason: 'vague',
    });
    expect(bad.body.error_code).toBe('OPP_REASON_REQUIRED');
    const inv = await as(t, pdm.token).post(`/admin/opportunities/${id}/review`, {
      decision: 'reject',
      reason: 'invalid',
      comment: 'no key action or business need',
    });
    expect(inv.body.reject_reason).toBe('invalid');
    const twice = await as(t, pdm.token).post(`/admin/opportunities/${id}/review`, { decision: 'approve' });
    expect(twice.status).toBe(409);
    expect(twice.body.error_code).toBe('OPP_INVALID_STATE');
  });

  it('OPP-024 / OPP-040 / OPP-041 scenarios 16–17: approval sets the 10-working-day SLA and notifies every PSM; the SLA job rejects by default after it; a late verify → 409 OPP_VERIFICATION_EXPIRED', async () => {
    await setClock(t, '2025-03-03T11:00:00+08:00');
    const id = await submitted(t, p1, { customer_name: 'SLA Customer' });
    const ok = await as(t, pdm.token).post(`/admin/opportunities/${id}/review`, { decision: 'approve' });
    expect(ok.body).toMatchObject({
      status: 'pending_verification',
      review_approved_at: '2025-03-03T03:00:00.000Z',
      verification_deadline: '2025-03-17T15:59:59.999Z',
    });
    for (const psm of [psmA, psmB, ...psms]) {
      const inbox = await outbox(t, {
        channel: 'in_app',
        to: psm.id,
        template: 'opportunity.verification_requested',
      });
      expect(inbox.some((m) => m.params.opportunity_id === id)).toBe(true);
      const mail = await outbox(t, {
        channel: 'email',
        to: psm.email,
        template: 'opportunity.verification_requested',
      });
      expect(mail.some((m) => m.params.opportunity_id === id)).toBe(true);
    }
    await setClock(t, '2025-03-17T23:59:59+08:00');
    await refresh(t, p1, psmA);
    await runJob(t, 'opportunity.verification-sla');
    expect((await as(t, p1.token).get(`/opportunities/${id}`)).body.status).toBe('pending_verification');
    await setClock(t, '2025-03-18T00:00:01+08:00');
    const summary = await runJob(t, 'opportunity.verification-sla');
    expect(JSON.stringify(summary)).toContain('expired');
    const after = await as(t, p1.token).get(`/opportunities/${id}`);
    expect(after.body).toMatchObject({ status: 'verification_rejected', reject_reason: 'sla_expired' });
    const sms = (
      await outbox(t, { channel: 'sms', template: 'opportunity.status_changed', partner_account_id: p1.id })
    ).filter((m) => m.params.opportunity_id === id && m.params.status === 'verification_rejected');
    expect(sms).toHaveLength(1);
    const pdmMsg = await outbox(t, {
      channel: 'in_app',
      to: pdm.id,
      template: 'opportunity.verification_expired',
    });
    expect(pdmMsg.some((m) => m.params.opportunity_id === id)).toBe(true);
    const late = await as(t, psmA.token).post(`/admin/opportunities/${id}/verify`, { decision: 'verify' });
    expect(late.status).toBe(409);
    expect(late.body.error_code).toBe('OPP_VERIFICATION_EXPIRED');
  });

  it('OPP-041: a verify after the deadline but before the job ran → 409 OPP_VERIFICATION_EXPIRED; holidays extend the SLA', async () => {
    await setClock(t, '2025-09-30T10:00:00+08:00');
    await refresh(t, p1, pdm);
    const id = await approved(t, p1, pdm, {
      customer_name: 'Holiday SLA Co',
      expected_purchase_date: '2026-01-10',
    });
    const v = await as(t, p1.token).get(`/opportunities/${id}`);
    expect(v.body.verification_deadline).toBe('2025-10-21T15:59:59.999Z');
    await setClock(t, '2025-10-22T00:00:00+08:00');
    await refresh(t, psmA);
    const late = await as(t, psmA.token).post(`/admin/opportunities/${id}/verify`, { decision: 'verify' });
    expect(late.status).toBe(409);
    expect(late.body.error_code).toBe('OPP_VERIFICATION_EXPIRED');
  });

  it('OPP-040 scenario 18: PSM-A verify and PSM-B reject in parallel → one 200, one 409 OPP_ALREADY_PROCESSED, version +1, one SMS', async () => {
    const id = await approved(t, p1, pdm, { customer_name: 'Race Two Co' });
    const before = await as(t, pdm.token).get(`/admin/opportunities/${id}`);
    const [a, b] = await Promise.all([
      as(t, psmA.token).post(`/admin/opportunities/${id}/verify`, { decision: 'verify' }),
      as(t, psmB.token).post(`/admin/opportunities/${id}/verify`, { decision: 'reject', reason: 'invalid' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    const winner = a.status === 200 ? a : b;
    expect(loser.body.error_code).toBe('OPP_ALREADY_PROCESSED');
    const after = await as(t, pdm.token).get(`/admin/opportunities/${id}`);
    expect(after.body.status).toBe(winner.body.status);
    expect(after.body.version).toBe(before.body.version + 1);
    const sms = (
      await outbox(t, { channel: 'sms', template: 'opportunity.status_changed', partner_account_id: p1.id })
    ).filter((m) => m.params.opportunity_id === id && m.params.from === 'pending_verification');
    expect(sms).toHaveLength(1);
  });

  it('OPP-040 / OPP-042 scenario 18: five PSMs verify in parallel → one 200, four 409, exactly one CRM opportunity', async () => {
    const id = await approved(t, p1, pdm, { customer_name: 'Race Five Co' });
    const five = [psmA, psmB, ...psms];
    const results = await Promise.all(
      five.map((r) => as(t, r.token).post(`/admin/opportunities/${id}/verify`, { decision: 'verify' })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    const losers = results.filter((r) => r.status === 409);
    expect(losers).toHaveLength(4);
    for (const l of losers) expect(l.body.error_code).toBe('OPP_ALREADY_PROCESSED');
    const fakes = await t.http.get('/api/v1/admin/test/fakes');
    const crm = (
      fakes.body.items as Array<{ port: string; state: { created: Array<{ opportunity_id: string }> } }>
    ).find((f) => f.port === 'CrmGateway')!;
    expect(crm.state.created.filter((c) => c.opportunity_id === id)).toHaveLength(1);
    // a stale version answers the same way
    const stale = await approved(t, p1, pdm, { customer_name: 'Stale Version Co' });
    const res = await as(t, psmA.token).post(`/admin/opportunities/${stale}/verify`, {
      decision: 'verify',
      expected_version: 1,
    });
    expect(res.status).toBe(409);
    expect(res.body.error_code).toBe('OPP_ALREADY_PROCESSED');
  });

  it('OPP-020 scenario 22: an unmatched province goes to the dispatcher queue only; the dispatcher assigns PDM-9 who then reviews; a non-PDM assignee → 422 OPP_INVALID_ASSIGNEE', async () => {
    const pdm9 = await reviewer(t, ['pdm']);
    const id = await submitted(t, p1, { province: 'XZ', customer_name: 'Unmatched Co' });
    const queue = await as(t, dispatcher.token).get('/admin/opportunities?queue=true&limit=100');
    expect(queue.body.items.map((o: { id: string }) => o.id)).toContain(id);
    const dq = await outbox(t, {
      channel: 'in_app',
      to: 'reviewers:pce_dispatcher',
      template: 'opportunity.dispatch_requested',
    });
    expect(dq.some((m) => m.params.opportunity_id === id)).toBe(true);
    expect((await as(t, pdmOther.token).get(`/admin/opportunities/${id}`)).status).toBe(404);
    expect(
      (await as(t, pdm9.token).post(`/admin/opportunities/${id}/review`, { decision: 'approve' })).status,
    ).toBe(404);
    const notPdm = await as(t, dispatcher.token).post(`/admin/opportunities/${id}/assign`, {
      assignee_id: psmA.id,
    });
    expect(notPdm.status).toBe(422);
    expect(notPdm.body.error_code).toBe('OPP_INVALID_ASSIGNEE');
    const byPlainPdm = await as(t, pdm.token).post(`/admin/opportunities/${id}/assign`, {
      assignee_id: pdm9.id,
    });
    expect(byPlainPdm.status).toBe(404);
    const asg = await as(t, dispatcher.token).post(`/admin/opportunities/${id}/assign`, {
      assignee_id: pdm9.id,
    });
    expect(asg.status).toBe(200);
    expect(asg.body.assigned_pdm_id).toBe(pdm9.id);
    const ok = await as(t, pdm9.token).post(`/admin/opportunities/${id}/review`, { decision: 'approve' });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('pending_verification');
  });

  it('OPP-070 / OPP-071 / OPP-072 scenario 28: another partner and a finance reviewer get 404 OPP_NOT_FOUND; reviewer reads are audited', async () => {
    const id = await submitted(t, p1, { customer_name: 'Secret Co' });
    const other = await as(t, p2.token).get(`/opportunities/${id}`);
    expect(other.status).toBe(404);
    expect(other.body.error_code).toBe('OPP_NOT_FOUND');
    expect((await as(t, p2.token).put(`/opportunities/${id}`, { city: 'x' })).status).toBe(404);
    const list = await as(t, p2.token).get('/opportunities?origin=po&limit=100');
    expect(list.body.items.map((o: { id: string }) => o.id)).not.toContain(id);
    const fin = await as(t, finance.token).get(`/admin/opportunities/${id}`);
    expect(fin.status).toBe(404);
    expect(fin.body.error_code).toBe('OPP_NOT_FOUND');
    // a PSM sees POs of his rep office only after approval
    expect((await as(t, psmA.token).get(`/admin/opportunities/${id}`)).status).toBe(404);
    const seen = await as(t, pdm.token).get(`/admin/opportunities/${id}`);
    expect(seen.status).toBe(200);
    const { AuditService } = await import('../../../libs/audit/index.js');
    const audits = await t.app.get(AuditService).forEntity('opportunity', id);
    expect(audits.some((a) => a.action === 'opportunity.read_by_reviewer' && a.actorId === pdm.id)).toBe(
      true,
    );
    // a member with opportunity.ho.view only cannot read POs
    const role = await as(t, p1.token).post('/org/roles', {
      name: 'ho-only',
      permission_keys: ['opportunity.ho.view'],
    });
    const m = await newMember(t, p1, []);
    await as(t, p1.token).put(`/org/members/${m.id}/roles`, { role_ids: [role.body.id] });
    const denied = await as(t, m.token).get(`/opportunities/${id}`);
    expect(denied.status).toBe(403);
    expect(denied.body.error_code).toBe('ORG_PERMISSION_DENIED');
    expect((await as(t, p1.token).get('/opportunities?limit=101')).body).toMatchObject({
      error_code: 'OPP_FIELD_INVALID',
      details: { field: 'limit' },
    });
  });

  it('OPP-071 reviewer lists: least privilege, filters and pages come from one query (total_count counts visible rows only)', async () => {
    const pending = await submitted(t, p1, { customer_name: 'List Pending Co' });
    const inVerification = await approved(t, p1, pdm, { customer_name: 'List Approved Co' });
    const ids = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((o) => o.id);
    const fin = await as(t, finance.token).get('/admin/opportunities?limit=100');
    expect(fin.status).toBe(200);
    expect(fin.body).toEqual({ total_count: 0, items: [] });
    // a PSM of the rep office sees the approved PO only
    const psm = await as(t, psmA.token).get('/admin/opportunities?origin=po&limit=100');
    expect(ids(psm)).toContain(inVerification);
    expect(ids(psm)).not.toContain(pending);
    expect(psm.body.total_count).toBe(psm.body.items.length);
    // a PDM of another rep office sees neither
    const other = await as(t, pdmOther.token).get('/admin/opportunities?limit=100');
    expect(ids(other)).not.toContain(pending);
    expect(ids(other)).not.toContain(inVerification);
    // the PDM of the rep office: status filter and paging over the visible rows
    const all = await as(t, pdm.token).get('/admin/opportunities?status=pending_review&limit=100');
    expect(ids(all)).toContain(pending);
    expect(ids(all)).not.toContain(inVerification);
    expect(all.body.total_count).toBe(all.body.items.length);
    const paged: string[] = [];
    for (let offset = 0; offset < all.body.total_count; offset++) {
      const page = await as(t, pdm.token).get(
        `/admin/opportunities?status=pending_review&limit=1&offset=${offset}`,
      );
      expect(page.body.total_count).toBe(all.body.total_count);
      paged.push(...ids(page));
    }
    expect(paged).toEqual(ids(all));
  });

  it('OPP-050 scenario 29: progress in pending_review → 409 OPP_NOT_UPDATABLE; after verification updates move to in_progress and delivered closes', async () => {
    const id = await submitted(t, p1, { customer_name: 'Progress Co' });
    const early = await as(t, p1.token).post(`/opportunities/${id}/progress-updates`, {
      stage: 'bidding',
      note: 'n',
    });
    expect(early.status).toBe(409);
    expect(early.body.error_code).toBe('OPP_NOT_UPDATABLE');
    await as(t, pdm.token).post(`/admin/opportunities/${id}/review`, { decision: 'approve' });
    const inVerification = await as(t, p1.token).post(`/opportunities/${id}/progress-updates`, {
      stage: 'requirement_confirmed',
      note: 'workshop held',
    });
    expect(inVerification.status).toBe(201);
    expect(inVerification.body.opportunity_status).toBe('pending_verification');
    await as(t, bd.token).post(`/admin/opportunities/${id}/verify`, { decision: 'verify' });
    const first = await as(t, p1.token).post(`/opportunities/${id}/progress-updates`, {
      stage: 'solution_design',
      note: 'design ready',
      next_step_date: '2025-04-01',
    });
    expect(first.body.opportunity_status).toBe('in_progress');
    const done = await as(t, p1.token).post(`/opportunities/${id}/progress-updates`, {
      stage: 'delivered',
      note: 'live',
    });
    expect(done.body.opportunity_status).toBe('delivered');
    const detail = await as(t, p1.token).get(`/opportunities/${id}`);
    expect(detail.body).toMatchObject({ status: 'delivered', close_reason: 'delivered' });
    expect(detail.body.progress_updates).toHaveLength(3);
    const closed = await as(t, p1.token).post(`/opportunities/${id}/progress-updates`, {
      stage: 'bidding',
      note: 'x',
    });
    expect(closed.body.error_code).toBe('OPP_NOT_UPDATABLE');
  });

  it('OPP-010 scenario 30: a reviewer PATCHing origin → 409 OPP_ORIGIN_IMMUTABLE; other fields may change', async () => {
    const id = await submitted(t, p1, { customer_name: 'Origin Co' });
    const res = await as(t, pdm.token).patch(`/admin/opportunities/${id}`, { origin: 'ho' });
    expect(res.status).toBe(409);
    expect(res.body.error_code).toBe('OPP_ORIGIN_IMMUTABLE');
    const ok = await as(t, pdm.token).patch(`/admin/opportunities/${id}`, { industry: 'finance' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ origin: 'po', industry: 'finance' });
    const partner = await as(t, p1.token).post('/opportunities', validPo({ origin: 'ho' }));
    expect(partner.status).toBe(400);
  });

  it('OPP-043: after acceptance only the BD cancels (a PDM → 403 ORG_PERMISSION_DENIED); a CRM won event delivers', async () => {
    const id = await approved(t, p1, pdm, { customer_name: 'Cancel Co' });
    await as(t, psmA.token).post(`/admin/opportunities/${id}/verify`, { decision: 'verify' });
    const byPdm = await as(t, pdm.token).post(`/admin/opportunities/${id}/cancel`, {});
    expect(byPdm.status).toBe(403);
    expect(byPdm.body.error_code).toBe('ORG_PERMISSION_DENIED');
    const byBd = await as(t, bd.token).post(`/admin/opportunities/${id}/cancel`, {
      reason: 'customer postponed',
    });
    expect(byBd.status).toBe(200);
    expect(byBd.body).toMatchObject({ status: 'cancelled', close_reason: 'cancelled_in_crm' });
    const won = await approved(t, p1, pdm, { customer_name: 'Won Co' });
    const v = await as(t, psmA.token).post(`/admin/opportunities/${won}/verify`, { decision: 'verify' });
    const ev = await as(t, bd.token).post('/admin/integrations/crm/events', {
      event_id: 'won-1',
      type: 'opportunity.won',
      crm_opportunity_id: v.body.crm_opportunity_id,
    });
    expect(ev.body.outcome).toBe('applied');
    expect((await as(t, p1.token).get(`/opportunities/${won}`)).body.status).toBe('delivered');
  });
});
