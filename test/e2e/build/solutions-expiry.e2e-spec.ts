/**
 * Solution certification over time (build.md BUILD-014…BUILD-018, acceptance scenarios 4, 10, 11, the
 * `solutionCertificationExpiryJob` and the expiry reminders): the clock is travelled through the test hook, jobs
 * run through `POST /api/v1/admin/jobs/{job}/run`, notifications are read from the outbox.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { newPartner, PASSWORD, tokenFor, type PartnerActor } from '../../builders/actors.js';
import {
  createCertificationDraft,
  createSolution,
  joinSoftwarePath,
  reloginSolutionReviewers,
  type SolutionReviewers,
} from '../../builders/build.js';
import { SolutionCertificationService } from '../../../src/modules/build/index.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';

describe('solution certification validity, re-certification and expiry (build.md BUILD-014…BUILD-018)', () => {
  let t: TestApp;
  let p1: PartnerActor;
  let p1Membership: string;
  let p2: PartnerActor;
  let r: SolutionReviewers;
  let s1: string;
  let c1: string;
  let s2: string;
  let c2: string;
  let c2New: string;

  const as = (token: string) => ({
    get: (path: string) => t.http.get(`/api/v1${path}`).set('X-Auth-Token', token),
    post: (path: string, body: object = {}) =>
      t.http.post(`/api/v1${path}`).set('X-Auth-Token', token).send(body),
  });
  /** travels the clock and re-issues every token (tokens live 24 h on the test clock) */
  const travel = async (now: string) => {
    expect((await t.http.put('/api/v1/admin/test/clock').send({ now })).status).toBe(200);
    for (const p of [p1, p2]) p.token = await tokenFor(t, { account: p.accountName, password: PASSWORD });
    r = await reloginSolutionReviewers(t);
  };
  const submit = (partner: PartnerActor, id: string) =>
    as(partner.token).post(`/solution-certifications/${id}/submit`);
  const review = (token: string, id: string, step: string, body: object) =>
    as(token).post(`/admin/solution-certifications/${id}/${step}`, body);
  const get = async (partner: PartnerActor, id: string) => {
    const res = await as(partner.token).get(`/solution-certifications/${id}`);
    expect(res.status).toBe(200);
    return res.body as Record<string, unknown>;
  };
  const runJob = async (job: string) => {
    const res = await t.http.post(`/api/v1/admin/jobs/${job}/run`).send({});
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('succeeded');
    return res.body.summary as Record<string, unknown>;
  };
  const outbox = async (q: Record<string, string>) => {
    const res = await t.http.get('/api/v1/admin/test/outbox').query(q);
    expect(res.status).toBe(200);
    return res.body.items as Array<{
      channel: string;
      to: string;
      template: string;
      params: Record<string, unknown>;
    }>;
  };
  const stage = async () =>
    (await as(p1.token).get(`/paths/memberships/${p1Membership}`)).body.stage as string;
  const passFirstTwoSteps = async (id: string) => {
    expect((await review(r.psa.token, id, 'psa-review', { result: 'pass' })).status).toBe(200);
    expect((await review(r.expert.token, id, 'expert-review', { technical_conclusion: 'pass' })).status).toBe(
      200,
    );
  };

  beforeAll(async () => {
    t = await createTestApp();
    expect(
      (await t.http.put('/api/v1/admin/test/clock').send({ now: '2025-03-14T10:00:00+08:00' })).status,
    ).toBe(200);
    p1 = await newPartner(t);
    p1Membership = await joinSoftwarePath(t, p1);
    p2 = await newPartner(t);
    await joinSoftwarePath(t, p2);
    r = await reloginSolutionReviewers(t);
  });
  beforeEach(async () => {
    expect((await t.http.post('/api/v1/admin/test/reset').send({})).status).toBe(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it('BUILD-014 BUILD-017 BUILD-018 scenario 4: submitted 2025-03-14, approved 2025-03-20 16:00 → valid until 2026-03-19; stage role_certification', async () => {
    s1 = await createSolution(t, p1, { name: 'ERP Cloud' });
    c1 = await createCertificationDraft(t, p1, s1, 'cloud_software');
    expect((await submit(p1, c1)).status).toBe(200);
    s2 = await createSolution(t, p2, { name: 'CRM Cloud' });
    c2 = await createCertificationDraft(t, p2, s2, 'cloud_software');
    expect((await submit(p2, c2)).status).toBe(200);
    await passFirstTwoSteps(c1);
    await passFirstTwoSteps(c2);
    expect(await stage()).toBe('joined');

    await travel('2025-03-20T16:00:00+08:00');
    expect((await review(r.pdmSupervisor.token, c1, 'pdm-review', { result: 'pass' })).status).toBe(200);
    expect((await review(r.pdmSupervisor.token, c2, 'pdm-review', { result: 'pass' })).status).toBe(200);
    const got = await get(p1, c1);
    expect(got).toMatchObject({ status: 'certified', certified_on: '2025-03-20', valid_until: '2026-03-19' });
    expect(got.certificate_no).toMatch(/^CS-2025-\d{6}$/);
    // certificate numbers are unique per type and year
    expect((await get(p2, c2)).certificate_no).not.toBe(got.certificate_no);
    const pdf = await as(p1.token).get(`/solution-certifications/${c1}/certificate`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(await stage()).toBe('role_certification');
  });

  it('BUILD-016 scenario 11: re-certification opens 60 days before valid_until (2026-01-18)', async () => {
    await travel('2026-01-17T12:00:00+08:00');
    c2New = await createCertificationDraft(t, p2, s2, 'cloud_software');
    const early = await submit(p2, c2New);
    expect(early.status).toBe(409);
    expect(early.body.error_code).toBe('SOLUTION_RECERT_TOO_EARLY');
    expect(early.body.details).toMatchObject({ valid_until: '2026-03-19', opens_on: '2026-01-18' });

    await travel('2026-01-18T09:00:00+08:00');
    const ok = await submit(p2, c2New);
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('pending_psa_pre_review');
    await passFirstTwoSteps(c2New);
  });

  it('expiry reminders (decision): 60 days before valid_until, to the partner admin, once', async () => {
    const summary = await runJob('solutionCertificationExpiryReminderJob');
    expect(summary.reminded).toBe(2);
    const mine = (await outbox({ template: 'build.solution_certification.expiry_reminder' })).filter(
      (m) => m.params.certification_id === c1,
    );
    expect(mine.map((m) => m.channel).sort()).toEqual(['email', 'in_app']);
    expect(mine.find((m) => m.channel === 'in_app')?.to).toBe(p1.id);
    expect((await runJob('solutionCertificationExpiryReminderJob')).reminded).toBe(0);
  });

  it('BUILD-016 scenario 11: the new record approved on 2026-02-02 supersedes the old one (valid until 2027-02-01)', async () => {
    await travel('2026-02-02T10:00:00+08:00');
    const approved = await review(r.pdmSupervisor.token, c2New, 'pdm-review', { result: 'pass' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'certified',
      certified_on: '2026-02-02',
      valid_until: '2027-02-01',
      supersedes_id: c2,
    });
    expect((await get(p2, c2)).status).toBe('superseded');
    const old = await as(p2.token).get(`/solution-certifications/${c2}/certificate`);
    expect(old.status).toBe(409);
    expect(old.body.error_code).toBe('CERTIFICATE_NOT_AVAILABLE');
    expect((await as(p2.token).get(`/solution-certifications/${c2New}/certificate`)).status).toBe(200);
  });

  it('BUILD-015 scenario 10: still certified at 2026-03-19 23:59; expired by the job at 2026-03-20 00:05, partner admin notified, stage back to joined', async () => {
    await travel('2026-03-19T23:59:00+08:00');
    expect((await runJob('solutionCertificationExpiryJob')).expired).toBe(0);
    expect((await get(p1, c1)).status).toBe('certified');
    expect((await as(p1.token).get(`/solution-certifications/${c1}/certificate`)).status).toBe(200);

    await travel('2026-03-20T00:05:00+08:00');
    const summary = await runJob('solutionCertificationExpiryJob');
    expect(summary).toMatchObject({ today: '2026-03-20', expired: 1 });
    expect((await get(p1, c1)).status).toBe('expired');
    const cert = await as(p1.token).get(`/solution-certifications/${c1}/certificate`);
    expect(cert.status).toBe(409);
    expect(cert.body.error_code).toBe('CERTIFICATE_NOT_AVAILABLE');
    const expiredMsgs = await outbox({ template: 'build.solution_certification.expired' });
    expect(expiredMsgs).toHaveLength(2);
    expect(expiredMsgs.map((m) => m.channel).sort()).toEqual(['email', 'in_app']);
    expect(expiredMsgs.find((m) => m.channel === 'in_app')?.to).toBe(p1.id);
    expect(expiredMsgs.find((m) => m.channel === 'email')?.to).toMatch(/@example\.test$/);
    expect(await stage()).toBe('joined');
    // P2's superseding record (valid until 2027-02-01) is untouched
    expect((await get(p2, c2New)).status).toBe('certified');
    // BUILD-015: applications that depend on the certification (benefits) are refused from now on
    const certs = t.app.get(SolutionCertificationService);
    await expect(certs.requireValidCertification(p1.id, c1, t.clock.now())).rejects.toMatchObject({
      code: 'SOLUTION_CERT_EXPIRED',
    });
    await expect(certs.requireValidCertification(p2.id, c2New, t.clock.now())).resolves.toMatchObject({
      validUntil: '2027-02-01',
    });
    expect(await certs.listValidCertifications(p1.id, null, t.clock.now())).toEqual([]);
    // a second run changes nothing
    expect((await runJob('solutionCertificationExpiryJob')).expired).toBe(0);
  });

  it('BUILD-015 BUILD-016 an expired record cannot be resubmitted (422 SOLUTION_CERT_EXPIRED); a new application can', async () => {
    const res = await submit(p1, c1);
    expect(res.status).toBe(422);
    expect(res.body.error_code).toBe('SOLUTION_CERT_EXPIRED');
    const renewed = await createCertificationDraft(t, p1, s1, 'cloud_software');
    expect((await submit(p1, renewed)).body.status).toBe('pending_psa_pre_review');
  });
});
