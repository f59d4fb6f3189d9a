/**
 * Project specialists (FAQ 7.1.2, 7.2.9, 7.2.10; org.md ORG-023, ORG-030…ORG-036, J-ORG-5): acceptance
 * scenarios 15–17, reviewer decisions over `/api/v1/admin/org/specialists/…`, CTSP occupancy through the
 * `specialist-occupancy` fake.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { newMember, newReviewer, type PartnerActor } from '../../builders/actors.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';
import {
  as,
  joinPaths,
  link,
  newPartner,
  newPersonal,
  outbox,
  type PersonalActor,
  setClock,
} from './personal.helpers.js';

describe('project specialists (org.md ORG-030…ORG-036, J-ORG-5)', () => {
  let t: TestApp;
  let a: PartnerActor;
  let pdm: { token: string; id: string };
  let ops: { token: string };
  let zhang: PersonalActor;
  let zhangLink: string;

  beforeAll(async () => {
    t = await createTestApp();
    await setClock(t, '2025-06-02T10:00:00+08:00');
    a = await newPartner(t);
    pdm = await newReviewer(t, ['pdm']);
    ops = await newReviewer(t, ['operations']);
    zhang = await newPersonal(t, { tenant: 'zhang_san' });
    zhangLink = await link(t, a, zhang);
  });
  beforeEach(async () => {
    await t.http.post('/api/v1/admin/test/reset').send({});
    await joinPaths(t, a, ['service', 'si']);
  });
  afterAll(async () => {
    await t.close();
  });

  const apply = (partner: PartnerActor, body: Record<string, unknown>) =>
    as(t, partner.token).post('/org/specialists', body);
  const review = (token: string, id: string, action: string, body: object = {}) =>
    as(t, token).post(`/admin/org/specialists/${id}/${action}`, body);

  async function activeSpecialist(person: PersonalActor, path: string): Promise<string> {
    const res = await apply(a, {
      personal_account_id: person.id,
      path,
      employment_proof_file_id: 'file-emp-1',
    });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('pending_review');
    const ok = await review(pdm.token, res.body.id, 'approve');
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('active');
    return res.body.id as string;
  }

  it('ORG-023 / ORG-034 / J-ORG-5 scenario 15: unlinking an active specialist → 409 ORG_UNLINK_SPECIALIST_ACTIVE; after the approved cancellation the unlink succeeds and certificates are no longer shared', async () => {
    const id = await activeSpecialist(zhang, 'service');
    const approvedMsgs = await outbox(t, { template: 'org.specialist.approved', partner_account_id: a.id });
    expect(approvedMsgs.map((m) => m.channel).sort()).toEqual(['email', 'in_app']);
    const refused = await as(t, a.token).delete(`/org/links/${zhangLink}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error_code).toBe('ORG_UNLINK_SPECIALIST_ACTIVE');
    expect(refused.body.error_msg).toBe('Cancel the project specialist role before unlinking.');
    const req = await as(t, a.token).post(`/org/specialists/${id}/cancellation-requests`);
    expect(req.status).toBe(201);
    expect(req.body.status).toBe('cancellation_pending');
    expect((await as(t, a.token).delete(`/org/links/${zhangLink}`)).body.error_code).toBe(
      'ORG_UNLINK_SPECIALIST_ACTIVE',
    );
    const done = await review(ops.token, id, 'approve-cancellation');
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('cancelled');
    expect((await outbox(t, { template: 'org.specialist.cancellation_approved', to: a.id })).length).toBe(1);
    const unlinked = await as(t, a.token).delete(`/org/links/${zhangLink}`);
    expect(unlinked.status).toBe(200);
    expect(unlinked.body).toMatchObject({ status: 'unlinked', unlink_reason: 'admin' });
    const certs = await as(t, a.token).get(`/org/linked-accounts/${zhang.id}/certificates`);
    expect(certs.status).toBe(404);
    expect(certs.body.error_code).toBe('ORG_LINK_NOT_FOUND');
    // relink for the next scenarios
    zhangLink = await link(t, a, zhang);
  });

  it('ORG-033 scenario 16: an active service specialist applied for on SI → 409 ORG_SPECIALIST_ALREADY_ASSIGNED (details.path = service); after the approved cancellation the SI application is pending_review', async () => {
    const id = await activeSpecialist(zhang, 'service');
    const si = await apply(a, {
      personal_account_id: zhang.id,
      path: 'si',
      employment_proof_file_id: 'file-emp-2',
    });
    expect(si.status).toBe(409);
    expect(si.body.error_code).toBe('ORG_SPECIALIST_ALREADY_ASSIGNED');
    expect(si.body.details).toMatchObject({ path: 'service', status: 'active' });
    await as(t, a.token).post(`/org/specialists/${id}/cancellation-requests`);
    const pending = await apply(a, {
      personal_account_id: zhang.id,
      path: 'si',
      employment_proof_file_id: 'f',
    });
    expect(pending.body.details).toMatchObject({ path: 'service', status: 'cancellation_pending' });
    expect((await review(pdm.token, id, 'approve-cancellation')).status).toBe(200);
    const ok = await apply(a, {
      personal_account_id: zhang.id,
      path: 'si',
      employment_proof_file_id: 'file-emp-2',
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ path: 'si', status: 'pending_review' });
    // leave the person free again: the partner admin withdraws the application
    const w = await as(t, a.token).post(`/org/specialists/${ok.body.id}/withdraw`);
    expect(w.status).toBe(200);
    expect(w.body.status).toBe('withdrawn');
  });

  it('ORG-031 scenario 17: path not joined → 422 ORG_SPECIALIST_PATH_NOT_JOINED; a personal account not linked to A → 422 ORG_NOT_LINKED', async () => {
    const lp = await apply(a, { personal_account_id: zhang.id, path: 'lp', employment_proof_file_id: 'f' });
    expect(lp.status).toBe(422);
    expect(lp.body.error_code).toBe('ORG_SPECIALIST_PATH_NOT_JOINED');
    const stranger = await newPersonal(t);
    const nl = await apply(a, {
      personal_account_id: stranger.id,
      path: 'service',
      employment_proof_file_id: 'f',
    });
    expect(nl.status).toBe(422);
    expect(nl.body.error_code).toBe('ORG_NOT_LINKED');
    const other = await newPartner(t);
    await link(t, other, stranger);
    const foreign = await apply(a, {
      personal_account_id: stranger.id,
      path: 'service',
      employment_proof_file_id: 'f',
    });
    expect(foreign.body.error_code).toBe('ORG_NOT_LINKED');
    const missing = await apply(a, {
      personal_account_id: 'no-such-person',
      path: 'service',
      employment_proof_file_id: 'f',
    });
    expect(missing.body.error_code).toBe('ORG_NOT_LINKED');
    const badPath = await apply(a, { personal_account_id: zhang.id, path: 'marketing' });
    expect(badPath.status).toBe(400);
    expect(badPath.body.error_code).toBe('ORG_FIELD_INVALID');
  });

  it('ORG-032 scenario 17: neither employment proof nor a valid certificate → 422 ORG_SPECIALIST_MATERIALS_REQUIRED; a valid (synced) certificate suffices, an expired one does not', async () => {
    const p = await newPersonal(t);
    await link(t, a, p);
    const none = await apply(a, { personal_account_id: p.id, path: 'service' });
    expect(none.status).toBe(422);
    expect(none.body.error_code).toBe('ORG_SPECIALIST_MATERIALS_REQUIRED');
    expect(none.body.error_msg).toBe('Attach an employment certificate or a valid certification.');
    await t.http.put('/api/v1/admin/test/fakes/academy').send({
      huawei_cloud_account_id: p.huaweiCloudAccountId,
      certificates: [
        { family: 'HCCDA', certificate_no: 'HCCDA-OLD', issued_on: '2021-01-01', valid_to: '2024-01-01' },
        { family: 'HCCDP', certificate_no: 'HCCDP-NEW', issued_on: '2025-01-01', valid_to: '2028-01-01' },
      ],
    });
    const synced = await as(t, p.token).post('/org/my-certificates/sync');
    expect(synced.status).toBe(200);
    const old = synced.body.items.find((c: { family: string }) => c.family === 'HCCDA');
    const fresh = synced.body.items.find((c: { family: string }) => c.family === 'HCCDP');
    expect(old.status).toBe('expired');
    const expiredOnly = await apply(a, {
      personal_account_id: p.id,
      path: 'service',
      certificate_ids: [old.id],
    });
    expect(expiredOnly.body.error_code).toBe('ORG_SPECIALIST_MATERIALS_REQUIRED');
    const ok = await apply(a, {
      personal_account_id: p.id,
      path: 'service',
      certificate_ids: [old.id, fresh.id],
    });
    expect(ok.status).toBe(201);
    expect(ok.body.certificate_ids).toEqual([fresh.id]);
  });

  it('ORG-031 / ORG-018: an org member (preset admin role) cannot apply, withdraw or request cancellation → 403 ORG_ADMIN_REQUIRED', async () => {
    const member = await newMember(t, a, ['admin']);
    const res = await as(t, member.token).post('/org/specialists', {
      personal_account_id: zhang.id,
      path: 'service',
      employment_proof_file_id: 'f',
    });
    expect(res.status).toBe(403);
    expect(res.body.error_code).toBe('ORG_ADMIN_REQUIRED');
  });

  it('ORG-034: reviewer decisions — reject needs a reason, the partner cannot decide, other reviewer roles cannot, decided records cannot be decided again', async () => {
    const p = await newPersonal(t);
    await link(t, a, p);
    const app = await apply(a, { personal_account_id: p.id, path: 'si', employment_proof_file_id: 'f' });
    const partner = await as(t, a.token).post(`/admin/org/specialists/${app.body.id}/approve`);
    expect(partner.status).toBe(403);
    const finance = await newReviewer(t, ['finance']);
    expect((await review(finance.token, app.body.id, 'approve')).status).toBe(403);
    const noReason = await review(pdm.token, app.body.id, 'reject', {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.error_code).toBe('ORG_FIELD_INVALID');
    const rejected = await review(pdm.token, app.body.id, 'reject', {
      reason: 'Employment proof unreadable',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      reject_reason: 'Employment proof unreadable',
      reviewer_id: pdm.id,
    });
    const msgs = await outbox(t, { template: 'org.specialist.rejected', to: a.id });
    expect(String(msgs[0].body)).toContain('Employment proof unreadable');
    const again = await review(pdm.token, app.body.id, 'approve');
    expect(again.status).toBe(409);
    expect((await review(pdm.token, 'no-such-id', 'approve')).status).toBe(404);
    const list = await as(t, pdm.token).get('/admin/org/specialists?status=rejected');
    expect(list.body.items.map((s: { id: string }) => s.id)).toContain(app.body.id);
  });

  it('ORG-034: a refused cancellation keeps the specialist active; the partner admin may also withdraw his request', async () => {
    const p = await newPersonal(t);
    await link(t, a, p);
    const id = await activeSpecialist(p, 'si');
    await as(t, a.token).post(`/org/specialists/${id}/cancellation-requests`);
    const refused = await review(pdm.token, id, 'refuse-cancellation');
    expect(refused.body.status).toBe('active');
    await as(t, a.token).post(`/org/specialists/${id}/cancellation-requests`);
    const withdrawn = await as(t, a.token).post(`/org/specialists/${id}/cancellation-requests/withdraw`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('active');
  });

  it('ORG-036: a specialist occupied by a CTSP project cannot be cancelled → 409 ORG_SPECIALIST_OCCUPIED; once released it can', async () => {
    const p = await newPersonal(t);
    await link(t, a, p);
    const id = await activeSpecialist(p, 'service');
    const occ = await t.http
      .put('/api/v1/admin/test/fakes/specialist-occupancy')
      .send({ personal_account_id: p.id, project_id: 'ctsp-project-1' });
    expect(occ.status).toBe(200);
    const res = await as(t, a.token).post(`/org/specialists/${id}/cancellation-requests`);
    expect(res.status).toBe(409);
    expect(res.body.error_code).toBe('ORG_SPECIALIST_OCCUPIED');
    expect(res.body.error_msg).toBe(
      'Release the CTSP project occupation before cancelling the project specialist.',
    );
    expect(res.body.details.occupied_project_id).toBe('ctsp-project-1');
    await t.http
      .put('/api/v1/admin/test/fakes/specialist-occupancy')
      .send({ personal_account_id: p.id, project_id: null });
    expect((await as(t, a.token).post(`/org/specialists/${id}/cancellation-requests`)).status).toBe(201);
    const bad = await t.http.put('/api/v1/admin/test/fakes/specialist-occupancy').send({ project_id: 'x' });
    expect(bad.status).toBe(400);
  });

  it("ORG-030: a personal account is never an org member or a partner user — its token is refused on partner APIs, and another partner sees none of A's specialists (404)", async () => {
    const p = await newPersonal(t);
    await link(t, a, p);
    const id = await activeSpecialist(p, 'si');
    const asPartner = await as(t, p.token).get('/org/specialists');
    expect(asPartner.status).toBe(403);
    expect(asPartner.body.error_code).toBe('AUTH_TOKEN_TYPE_NOT_ALLOWED');
    const other = await newPartner(t);
    const foreign = await as(t, other.token).get(`/org/specialists/${id}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error_code).toBe('ORG_SPECIALIST_NOT_FOUND');
    expect((await as(t, other.token).post(`/org/specialists/${id}/cancellation-requests`)).status).toBe(404);
    // a personal account id is not an org member: giving it roles answers 404 ORG_MEMBER_NOT_FOUND
    const roles = await as(t, a.token).put(`/org/members/${p.id}/roles`, { role_ids: [] });
    expect(roles.status).toBe(404);
    expect(roles.body.error_code).toBe('ORG_MEMBER_NOT_FOUND');
    const mine = await as(t, a.token).get(`/org/specialists/${id}`);
    expect(mine.body).toMatchObject({ id, personal_account_id: p.id, path: 'si', status: 'active' });
    expect(mine.body.active_since).toBe('2025-06-02T02:00:00.000Z');
  });
});
