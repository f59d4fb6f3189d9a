/**
 * Personal certificates (FAQ 7.2.6–7.2.8, 4.2.1, 4.2.11, 4.2.12; org.md ORG-024…ORG-029, ORG-035, J-ORG-3,
 * J-ORG-4): acceptance scenarios 18–20, academy sync through the `academy` fake, expiry with time travel.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { newMember, newReviewer, type PartnerActor } from '../../builders/actors.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';
import {
  as,
  link,
  newPartner,
  newPersonal,
  outbox,
  type PersonalActor,
  relogin,
  runJob,
  setClock,
} from './personal.helpers.js';

describe('personal certificates (org.md ORG-024…ORG-029, J-ORG-3, J-ORG-4)', () => {
  let t: TestApp;
  let a: PartnerActor;
  let ops: { token: string; id: string };
  let zhang: PersonalActor;
  let li: PersonalActor;

  beforeAll(async () => {
    t = await createTestApp();
    await setClock(t, '2025-06-02T10:00:00+08:00');
    a = await newPartner(t);
    ops = await newReviewer(t, ['operations']);
    zhang = await newPersonal(t, { tenant: 'zhang_san' });
    li = await newPersonal(t, { tenant: 'li_si' });
    await link(t, a, zhang);
  });
  afterEach(async () => {
    await t.http.post('/api/v1/admin/test/reset').send({});
  });
  afterAll(async () => {
    await t.close();
  });

  const upload = (who: PersonalActor, body: Record<string, unknown>) =>
    as(t, who.token).post('/org/my-certificates', body);
  const hcip = (no: string) => ({
    family: 'HCIP',
    track: 'Cloud Service Solutions Architect',
    certificate_no: no,
    issued_on: '2024-05-01',
    valid_to: '2027-05-01',
    file_id: 'scan-1',
  });
  async function academy(who: PersonalActor, certificates: Array<Record<string, unknown>>): Promise<void> {
    const res = await t.http
      .put('/api/v1/admin/test/fakes/academy')
      .send({ huawei_cloud_account_id: who.huaweiCloudAccountId, certificates });
    expect(res.status).toBe(200);
  }

  it('ORG-025 / ORG-026 / ORG-027 / ORG-024 scenario 18: HCCDP upload refused; HCIP pending and not counted until operations approves; the same number elsewhere is 409 until deleted; synced certificates cannot be deleted', async () => {
    const hccdp = await upload(zhang, { ...hcip('HCCDP-1'), family: 'HCCDP' });
    expect(hccdp.status).toBe(422);
    expect(hccdp.body.error_code).toBe('ORG_CERT_SYNC_ONLY');
    expect(hccdp.body.error_msg).toBe(
      'Developer and professional certificates are synchronised automatically.',
    );

    const up = await upload(zhang, hcip('HCIP-2024-000123'));
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({
      status: 'pending_review',
      review_status: 'pending_review',
      counted: false,
    });
    let shared = await as(t, a.token).get(`/org/linked-accounts/${zhang.id}/certificates`);
    expect(shared.body.items.find((c: { id: string }) => c.id === up.body.id).counted).toBe(false);
    expect((await as(t, a.token).get('/org/certificate-summary')).body.persons_with_level.working).toBe(0);

    const approved = await as(t, ops.token).post(`/admin/org/certificates/${up.body.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'valid', review_status: 'approved', counted: true });
    shared = await as(t, a.token).get(`/org/linked-accounts/${zhang.id}/certificates`);
    expect(shared.body.items.find((c: { id: string }) => c.id === up.body.id)).toMatchObject({
      family: 'HCIP',
      certificate_no: 'HCIP-2024-000123',
      counted: true,
    });

    const dup = await upload(li, hcip('HCIP-2024-000123'));
    expect(dup.status).toBe(409);
    expect(dup.body.error_code).toBe('ORG_CERT_DUPLICATE');
    const notMine = await as(t, li.token).delete(`/org/my-certificates/${up.body.id}`);
    expect(notMine.status).toBe(403);
    expect(notMine.body.error_code).toBe('ORG_CERT_NOT_OWNER');
    const del = await as(t, zhang.token).delete(`/org/my-certificates/${up.body.id}`);
    expect(del.status).toBe(200);
    expect(del.body.status).toBe('deleted');
    const moved = await upload(li, hcip('HCIP-2024-000123'));
    expect(moved.status).toBe(201);

    await academy(zhang, [
      { family: 'HCCDA', certificate_no: 'HCCDA-77', issued_on: '2024-01-01', valid_to: '2027-01-01' },
    ]);
    const synced = await as(t, zhang.token).post('/org/my-certificates/sync');
    const hccda = synced.body.items.find((c: { family: string }) => c.family === 'HCCDA');
    expect(hccda).toMatchObject({ source: 'academy_sync', review_status: 'not_required', status: 'valid' });
    const delSynced = await as(t, zhang.token).delete(`/org/my-certificates/${hccda.id}`);
    expect(delSynced.status).toBe(422);
    expect(delSynced.body.error_code).toBe('ORG_CERT_SYNC_ONLY');
  });

  it('ORG-026: missing or malformed fields → 400 ORG_FIELD_INVALID; a rejected upload needs a reason and does not count; partners and other reviewers cannot review', async () => {
    for (const body of [
      { family: 'HCIA', track: 'x', issued_on: '2024-01-01' },
      { ...hcip('HCIP-X'), issued_on: '2024-02-30' },
      { ...hcip('HCIP-X'), family: 'HCXX' },
      { ...hcip('HCIP-X'), valid_to: '2020-01-01' },
    ]) {
      const res = await upload(zhang, body);
      expect(res.status).toBe(400);
      expect(res.body.error_code).toBe('ORG_FIELD_INVALID');
    }
    const pmp = await upload(zhang, { ...hcip('PMP-1'), family: 'PMP', track: 'PMP' });
    expect(pmp.status).toBe(201);
    expect((await as(t, ops.token).post(`/admin/org/certificates/${pmp.body.id}/reject`, {})).status).toBe(
      400,
    );
    expect((await as(t, a.token).post(`/admin/org/certificates/${pmp.body.id}/approve`)).status).toBe(403);
    const pdm = await newReviewer(t, ['pdm']);
    expect((await as(t, pdm.token).post(`/admin/org/certificates/${pmp.body.id}/approve`)).status).toBe(403);
    const rej = await as(t, ops.token).post(`/admin/org/certificates/${pmp.body.id}/reject`, {
      reason: 'Scan unreadable',
    });
    expect(rej.status).toBe(200);
    expect(rej.body).toMatchObject({ status: 'rejected', review_status: 'rejected', counted: false });
    expect((await as(t, ops.token).post(`/admin/org/certificates/${pmp.body.id}/approve`)).status).toBe(409);
    const queue = await as(t, ops.token).get('/admin/org/certificates?status=rejected');
    expect(queue.body.items.map((c: { id: string }) => c.id)).toContain(pmp.body.id);
    const asPartner = await as(t, a.token).post('/org/my-certificates', hcip('HCIP-P'));
    expect(asPartner.status).toBe(403);
  });

  it('ORG-029 scenario 19: HCSA + HCSP count 1 only on the same personal account; a higher level replaces a lower one', async () => {
    const b = await newPartner(t);
    const p1 = await newPersonal(t);
    const p2 = await newPersonal(t);
    const p3 = await newPersonal(t);
    const p3other = await newPersonal(t);
    for (const p of [p1, p2, p3]) await link(t, b, p);
    const cert = (family: string, no: string) => ({
      family,
      certificate_no: no,
      issued_on: '2025-01-01',
      valid_to: '2028-01-01',
    });
    await academy(p1, [cert('HCSA', 'SA-1'), cert('HCSP', 'SP-1'), cert('HCCDE', 'DE-1')]);
    await academy(p2, [cert('HCSP', 'SP-2')]);
    await academy(p3, [cert('HCSA', 'SA-3')]);
    await academy(p3other, [cert('HCSP', 'SP-3')]);
    const run = await runJob(t, 'J-ORG-4');
    // only linked accounts are synced by the job: p3's HCSP on his other (unlinked) account is not synced here
    expect(run.body.summary.created).toBe(5);
    await as(t, p3other.token).post('/org/my-certificates/sync');
    const summary = await as(t, b.token).get('/org/certificate-summary');
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({
      linked_accounts: 3,
      professional_count: 1,
      persons_with_level: { entry: 1, working: 1, expert: 1 },
    });
    // a second sync is idempotent
    expect((await runJob(t, 'J-ORG-4')).body.summary.created).toBe(0);
    const detail = await as(t, b.token).get(`/org/linked-accounts/${p1.id}/certificates`);
    expect(detail.body.last_synced_at).toBe('2025-06-02T02:00:00.000Z');
  });

  it('J-ORG-3 time travel: valid_to is inclusive (Asia/Shanghai); the day after, the certificate expires, stops counting and the partner admin gets a digest', async () => {
    const p = await newPersonal(t);
    await link(t, a, p);
    await academy(p, [
      { family: 'HCCDP', certificate_no: 'DP-EXP', issued_on: '2023-01-01', valid_to: '2025-06-30' },
    ]);
    await as(t, p.token).post('/org/my-certificates/sync');
    await setClock(t, '2025-06-30T23:59:00+08:00');
    await runJob(t, 'J-ORG-3');
    await relogin(t, a);
    let certs = await as(t, a.token).get(`/org/linked-accounts/${p.id}/certificates`);
    expect(certs.body.items[0]).toMatchObject({ status: 'valid', counted: true });
    await setClock(t, '2025-07-01T00:30:00+08:00');
    const run = await runJob(t, 'J-ORG-3');
    expect(run.body.summary).toMatchObject({ expired: 1, today: '2025-07-01' });
    expect((await runJob(t, 'J-ORG-3')).body.summary.expired).toBe(0);
    await relogin(t, a);
    certs = await as(t, a.token).get(`/org/linked-accounts/${p.id}/certificates`);
    expect(certs.body.items[0]).toMatchObject({ status: 'expired', counted: false });
    const digest = await outbox(t, { template: 'org.certificate.expired_digest', to: a.id });
    expect(String(digest[digest.length - 1].body)).toContain('HCCDP DP-EXP');
  });

  it('ORG-024: members with org.specialist.view see linked accounts and certificates; without it → 403 ORG_PERMISSION_DENIED; another partner → 404 ORG_LINK_NOT_FOUND', async () => {
    await setClock(t, '2025-07-02T10:00:00+08:00');
    await relogin(t, a);
    const viewer = await newMember(t, a, ['admin']);
    const blind = await newMember(t, a, ['customer_manager']);
    expect((await as(t, viewer.token).get(`/org/linked-accounts/${zhang.id}/certificates`)).status).toBe(200);
    const denied = await as(t, blind.token).get(`/org/linked-accounts/${zhang.id}/certificates`);
    expect(denied.status).toBe(403);
    expect(denied.body.error_code).toBe('ORG_PERMISSION_DENIED');
    const other = await newPartner(t);
    const foreign = await as(t, other.token).get(`/org/linked-accounts/${zhang.id}/certificates`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error_code).toBe('ORG_LINK_NOT_FOUND');
    expect((await as(t, other.token).get('/org/linked-accounts')).body.total_count).toBe(0);
  });

  it('ORG-035 scenario 20: exam-voucher users are linked accounts with a bound e-mail (specialist or not)', async () => {
    await setClock(t, '2025-07-03T10:00:00+08:00');
    const c = await newPartner(t);
    const u1 = await newPersonal(t);
    const u2 = await newPersonal(t, { email: null });
    await link(t, c, u1);
    await link(t, c, u2);
    const all = await as(t, c.token).get('/org/linked-accounts');
    expect(all.body.total_count).toBe(2);
    const eligible = await as(t, c.token).get('/org/linked-accounts?eligible_for=exam_voucher');
    expect(eligible.status).toBe(200);
    expect(eligible.body.items.map((i: { personal_account_id: string }) => i.personal_account_id)).toEqual([
      u1.id,
    ]);
    expect((await as(t, c.token).get('/org/linked-accounts?eligible_for=other')).status).toBe(400);
  });
});
