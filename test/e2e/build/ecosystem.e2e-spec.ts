/**
 * Ecosystem special programs (FAQ 8.2.2; build.md BUILD-031…BUILD-036): program membership (software path first,
 * PDM approval), solution admission (baseline initiated / marketplace application submitted), technical
 * certification (admitted + released, software technical expert) creating the advanced cloud software
 * certification, expiry together with it, permissions and tenancy. Acceptance scenarios 17–19 of build.md.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { newPartner, newReviewer, PASSWORD, type PartnerActor, tokenFor } from '../../builders/actors.js';
import { createSolution } from '../../builders/build.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';

describe('ecosystem special programs (build.md BUILD-031…BUILD-036)', () => {
  let t: TestApp;
  let p1: PartnerActor;
  let p2: PartnerActor;
  let pdm: { id: string; email: string; token: string };
  let psa: { id: string; email: string; token: string };
  let expert: { id: string; email: string; token: string };
  let now = '2025-06-02T10:00:00+08:00';

  const as = (token: string) => ({
    get: (path: string) => t.http.get(`/api/v1${path}`).set('X-Auth-Token', token),
    post: (path: string, body: object = {}) =>
      t.http.post(`/api/v1${path}`).set('X-Auth-Token', token).send(body),
    put: (path: string, body: object = {}) =>
      t.http.put(`/api/v1${path}`).set('X-Auth-Token', token).send(body),
    delete: (path: string) => t.http.delete(`/api/v1${path}`).set('X-Auth-Token', token),
  });
  /** Time only moves forward; tokens live 24 hours, so every actor logs in again after a jump. */
  const travel = async (to: string) => {
    now = to;
    expect((await t.http.put('/api/v1/admin/test/clock').send({ now: to })).status).toBe(200);
    for (const p of [p1, p2]) p.token = await tokenFor(t, { account: p.accountName, password: PASSWORD });
    for (const r of [pdm, psa, expert])
      r.token = await tokenFor(t, { reviewer: r.email, password: PASSWORD });
  };
  const runJob = async (job: string) => {
    const res = await t.http.post(`/api/v1/admin/jobs/${job}/run`).send({});
    expect([res.status, res.body.status]).toEqual([200, 'succeeded']);
    return res.body.summary as Record<string, unknown>;
  };
  const setProducts = async (products: object[]) => {
    const res = await t.http.put('/api/v1/admin/test/fakes/marketplace-product').send({ products });
    expect(res.status).toBe(200);
  };

  async function joinSoftwarePath(p: PartnerActor): Promise<string> {
    const res = await as(p.token).post('/paths/memberships', { path: 'software' });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function joinProgram(p: PartnerActor, program: string): Promise<string> {
    const applied = await as(p.token).post(`/ecosystem-programs/${program}/membership`);
    expect([applied.status, applied.body.status]).toEqual([201, 'applied']);
    const joined = await as(pdm.token).post(`/admin/ecosystem-memberships/${applied.body.id}/review`, {
      result: 'pass',
    });
    expect([joined.status, joined.body.status]).toEqual([200, 'joined']);
    return applied.body.id as string;
  }

  const admin = (token: string, id: string, action: string, body: object = {}) =>
    as(token).post(`/admin/baseline-solutions/${id}/${action}`, body);

  /** A partner-led baseline of `p` linked to `solutionId`, driven to `stage`. */
  async function baselineAt(p: PartnerActor, solutionId: string | null, stage: string): Promise<string> {
    const res = await as(p.token).post('/baseline-solutions', {
      name: `GaussDB Migration ${randomBytes(2).toString('hex')}`,
      industry_scenario: 'finance / core banking',
      solution_id: solutionId,
      responsibilities: {
        presales: { owner_name: 'A', resources: 'presales' },
        delivery: { owner_name: 'B', resources: 'delivery' },
        operations_maintenance: { owner_name: 'C', resources: 'O&M' },
        operations: { owner_name: 'D', resources: 'operations' },
      },
      obp_initiation_guide_file_id: 'file-obp',
      feature_list_file_id: 'file-features',
    });
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    await advanceBaseline(p, id, stage);
    return id;
  }

  async function advanceBaseline(p: PartnerActor, id: string, stage: string): Promise<void> {
    const meeting = {
      scheduled_at: new Date(Date.parse(now) + 3 * 86_400_000).toISOString(),
      meeting_link: 'https://meet.example.test/eco',
    };
    const steps: Record<string, () => Promise<{ status: number; body: Record<string, unknown> }>> = {
      draft: async () => {
        expect((await admin(psa.token, id, 'verify-feature-list')).status).toBe(200);
        return as(p.token).post(`/baseline-solutions/${id}/submit-initiation`);
      },
      initiation_submitted: async () =>
        admin(pdm.token, id, 'initial-review', { result: 'pass', ...meeting }),
      initiation_meeting_scheduled: async () => admin(pdm.token, id, 'meeting-review', { result: 'pass' }),
      initiated: async () => {
        expect(
          (
            await as(pdm.token).put(`/admin/baseline-solutions/${id}/solution-code`, {
              solution_code: 'SOL-ECO-0001',
            })
          ).status,
        ).toBe(200);
        return admin(pdm.token, id, 'advance', { to: 'design_verification' });
      },
      design_verification: async () => admin(psa.token, id, 'advance', { to: 'configurator_development' }),
      configurator_development: async () => admin(psa.token, id, 'advance', { to: 'public_beta' }),
      public_beta: async () =>
        as(p.token).post(`/baseline-solutions/${id}/submit-launch`, {
          materials: [{ material_type: 'launch_plan', file_id: `file-launch-${id.slice(0, 6)}` }],
        }),
      launch_submitted: async () => admin(pdm.token, id, 'launch-review', { result: 'pass' }),
    };
    for (;;) {
      const current = (await as(p.token).get(`/baseline-solutions/${id}`)).body.stage as string;
      if (current === stage) return;
      const step = steps[current];
      if (!step) throw new Error(`cannot advance ${current} to ${stage}`);
      const res = await step();
      expect([res.status, res.body.error_code]).toEqual([200, undefined]);
    }
  }

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_PER_SECOND: '100000' });
    expect((await t.http.put('/api/v1/admin/test/clock').send({ now })).status).toBe(200);
    p1 = await newPartner(t);
    p2 = await newPartner(t);
    pdm = await newReviewer(t, ['pdm']);
    psa = await newReviewer(t, ['psa']);
    expert = await newReviewer(t, ['expert']);
  });
  afterAll(async () => {
    await t.close();
  });

  it('BUILD-031 joining a program needs the software path (422 ECOSYSTEM_SOFTWARE_PATH_REQUIRED); the PDM approves or rejects (comment required); a second application → 409; admission needs the joined program (422 ECOSYSTEM_PROGRAM_NOT_JOINED)', async () => {
    const noPath = await as(p1.token).post('/ecosystem-programs/gaussdb/membership');
    expect([noPath.status, noPath.body.error_code]).toEqual([422, 'ECOSYSTEM_SOFTWARE_PATH_REQUIRED']);
    expect(noPath.body.error_msg).toBe(
      'Join the software development path before joining an ecosystem special program.',
    );
    const unknown = await as(p1.token).post('/ecosystem-programs/oracle/membership');
    expect([unknown.status, unknown.body.error_code]).toEqual([400, 'BUILD_FIELD_INVALID']);

    await joinSoftwarePath(p1);
    const applied = await as(p1.token).post('/ecosystem-programs/kunpeng/membership');
    expect(applied.body).toMatchObject({ program: 'kunpeng', status: 'applied', partner_account_id: p1.id });
    const dup = await as(p1.token).post('/ecosystem-programs/kunpeng/membership');
    expect([dup.status, dup.body.error_code]).toEqual([409, 'ECOSYSTEM_MEMBERSHIP_EXISTS']);
    const byPsa = await as(psa.token).post(`/admin/ecosystem-memberships/${applied.body.id}/review`, {
      result: 'pass',
    });
    expect([byPsa.status, byPsa.body.error_code]).toEqual([403, 'REVIEWER_ROLE_REQUIRED']);
    const noComment = await as(pdm.token).post(`/admin/ecosystem-memberships/${applied.body.id}/review`, {
      result: 'reject',
    });
    expect([noComment.status, noComment.body.error_code]).toEqual([400, 'REVIEW_COMMENT_REQUIRED']);
    const rejected = await as(pdm.token).post(`/admin/ecosystem-memberships/${applied.body.id}/review`, {
      result: 'reject',
      comment: 'no Kunpeng-compatible product yet',
    });
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      review_comment: 'no Kunpeng-compatible product yet',
    });

    const s = await createSolution(t, p1);
    const b = await baselineAt(p1, s, 'initiated');
    const notJoined = await as(p1.token).post('/ecosystem-enrollments', {
      solution_id: s,
      program: 'kunpeng',
      baseline_solution_id: b,
    });
    expect([notJoined.status, notJoined.body.error_code]).toEqual([422, 'ECOSYSTEM_PROGRAM_NOT_JOINED']);
    // a rejected account applies again on the same record
    const again = await as(p1.token).post('/ecosystem-programs/kunpeng/membership');
    expect([again.status, again.body.id, again.body.status]).toEqual([201, applied.body.id, 'applied']);
    expect(
      (await as(pdm.token).post(`/admin/ecosystem-memberships/${applied.body.id}/review`, { result: 'pass' }))
        .body.status,
    ).toBe('joined');
    const ok = await as(p1.token).post('/ecosystem-enrollments', {
      solution_id: s,
      program: 'kunpeng',
      baseline_solution_id: b,
    });
    expect([ok.status, ok.body.admission_status]).toEqual([201, 'pending_review']);
    const list = await as(p1.token).get('/ecosystem-programs/memberships');
    expect(list.body.items).toEqual([expect.objectContaining({ program: 'kunpeng', status: 'joined' })]);
  });

  it('BUILD-032 scenario 17: S3 linked to B4 in initiation_submitted → 422 ECOSYSTEM_ADMISSION_NOT_READY; after B4 is initiated the request creates admission_status = pending_review; BUILD-034 a second request → 409 ECOSYSTEM_ENROLLMENT_EXISTS', async () => {
    await joinProgram(p1, 'gaussdb');
    const s3 = await createSolution(t, p1);
    const b4 = await baselineAt(p1, s3, 'initiation_submitted');
    const early = await as(p1.token).post('/ecosystem-enrollments', { solution_id: s3, program: 'gaussdb' });
    expect([early.status, early.body.error_code]).toEqual([422, 'ECOSYSTEM_ADMISSION_NOT_READY']);
    expect(early.body.error_msg).toBe(
      'Baseline solutions must be initiated; marketplace products must have a submitted application.',
    );
    await advanceBaseline(p1, b4, 'initiated');
    const ok = await as(p1.token).post('/ecosystem-enrollments', { solution_id: s3, program: 'gaussdb' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      solution_id: s3,
      program: 'gaussdb',
      release_vehicle: 'baseline_solution',
      baseline_solution_id: b4,
      admission_status: 'pending_review',
      technical_status: 'not_applied',
      released: false,
    });
    const dup = await as(p1.token).post('/ecosystem-enrollments', { solution_id: s3, program: 'gaussdb' });
    expect([dup.status, dup.body.error_code]).toEqual([409, 'ECOSYSTEM_ENROLLMENT_EXISTS']);
    // a solution without any release vehicle is not ready either
    const bare = await createSolution(t, p1);
    expect(
      (await as(p1.token).post('/ecosystem-enrollments', { solution_id: bare, program: 'gaussdb' })).body
        .error_code,
    ).toBe('ECOSYSTEM_ADMISSION_NOT_READY');
  });

  it('BUILD-032 / BUILD-033 marketplace products: a draft listing is not ready; listing_application_submitted is admitted; technical certification waits for joint_operation_listed (released)', async () => {
    await joinProgram(p1, 'harmonyos');
    const s = await createSolution(t, p1);
    await setProducts([{ id: 'mp-1', partner_account_id: p1.id, listing_status: 'draft' }]);
    const notReady = await as(p1.token).post('/ecosystem-enrollments', {
      solution_id: s,
      program: 'harmonyos',
      marketplace_product_id: 'mp-1',
    });
    expect([notReady.status, notReady.body.error_code]).toEqual([422, 'ECOSYSTEM_ADMISSION_NOT_READY']);
    const foreign = await as(p1.token).post('/ecosystem-enrollments', {
      solution_id: s,
      program: 'harmonyos',
      marketplace_product_id: 'mp-missing',
    });
    expect([foreign.status, foreign.body.error_code]).toEqual([404, 'MARKETPLACE_PRODUCT_NOT_FOUND']);
    await setProducts([
      { id: 'mp-1', partner_account_id: p1.id, listing_status: 'listing_application_submitted' },
    ]);
    const e = await as(p1.token).post('/ecosystem-enrollments', {
      solution_id: s,
      program: 'harmonyos',
      marketplace_product_id: 'mp-1',
    });
    expect(e.body).toMatchObject({
      release_vehicle: 'marketplace_product',
      marketplace_product_id: 'mp-1',
      released: false,
    });
    expect(
      (
        await as(pdm.token).post(`/admin/ecosystem-enrollments/${e.body.id}/admission-review`, {
          result: 'pass',
        })
      ).body.admission_status,
    ).toBe('admitted');
    const notReleased = await as(p1.token).post(
      `/ecosystem-enrollments/${e.body.id}/technical-certification`,
    );
    expect([notReleased.status, notReleased.body.error_code]).toEqual([422, 'ECOSYSTEM_TECHNICAL_NOT_READY']);
    await setProducts([{ id: 'mp-1', partner_account_id: p1.id, listing_status: 'joint_operation_listed' }]);
    expect((await as(p1.token).get(`/ecosystem-enrollments/${e.body.id}`)).body.released).toBe(true);
    const requested = await as(p1.token).post(`/ecosystem-enrollments/${e.body.id}/technical-certification`);
    expect([requested.status, requested.body.technical_status]).toEqual([200, 'pending_review']);
    // BUILD-034: one pending technical review at a time
    const twice = await as(p1.token).post(`/ecosystem-enrollments/${e.body.id}/technical-certification`);
    expect([twice.status, twice.body.error_code]).toEqual([409, 'ECOSYSTEM_ENROLLMENT_EXISTS']);
    const noComment = await as(expert.token).post(
      `/admin/ecosystem-enrollments/${e.body.id}/technical-review`,
      { result: 'reject' },
    );
    expect(noComment.body.error_code).toBe('REVIEW_COMMENT_REQUIRED');
    const rejected = await as(expert.token).post(
      `/admin/ecosystem-enrollments/${e.body.id}/technical-review`,
      {
        result: 'reject',
        comment: 'HarmonyOS test report missing',
      },
    );
    expect(rejected.body.technical_status).toBe('rejected');
    expect(
      (await as(p1.token).post(`/ecosystem-enrollments/${e.body.id}/technical-certification`)).body
        .technical_status,
    ).toBe('pending_review');
  });

  it('BUILD-033 scenario 19: S3 admitted and B4 in public_beta → technical certification 422 ECOSYSTEM_TECHNICAL_NOT_READY; not yet admitted → same 422; BUILD-035 admitted and not released is the voucher/NRE window (released = false), certified the MDF one', async () => {
    await joinProgram(p1, 'ascend_pangu');
    const s3 = await createSolution(t, p1);
    const b4 = await baselineAt(p1, s3, 'initiated');
    const e = await as(p1.token).post('/ecosystem-enrollments', { solution_id: s3, program: 'ascend_pangu' });
    expect(e.status).toBe(201);
    const notAdmitted = await as(p1.token).post(
      `/ecosystem-enrollments/${e.body.id}/technical-certification`,
    );
    expect([notAdmitted.status, notAdmitted.body.error_code]).toEqual([422, 'ECOSYSTEM_TECHNICAL_NOT_READY']);
    expect(notAdmitted.body.details).toMatchObject({ admission_status: 'pending_review' });
    const byExpert = await as(expert.token).post(
      `/admin/ecosystem-enrollments/${e.body.id}/admission-review`,
      { result: 'pass' },
    );
    expect([byExpert.status, byExpert.body.error_code]).toEqual([403, 'REVIEWER_ROLE_REQUIRED']);
    const admitted = await as(pdm.token).post(`/admin/ecosystem-enrollments/${e.body.id}/admission-review`, {
      result: 'pass',
    });
    expect(admitted.body).toMatchObject({
      admission_status: 'admitted',
      technical_status: 'not_applied',
      released: false,
    });
    await advanceBaseline(p1, b4, 'public_beta');
    const beta = await as(p1.token).post(`/ecosystem-enrollments/${e.body.id}/technical-certification`);
    expect([beta.status, beta.body.error_code]).toEqual([422, 'ECOSYSTEM_TECHNICAL_NOT_READY']);
    expect(beta.body.error_msg).toBe('The solution must be admitted and released first.');
    expect(beta.body.details).toEqual({ admission_status: 'admitted', released: false });
    await advanceBaseline(p1, b4, 'launched');
    const released = await as(p1.token).get(`/ecosystem-enrollments/${e.body.id}`);
    expect(released.body).toMatchObject({ admission_status: 'admitted', released: true });
    const list = await as(p1.token).get('/ecosystem-enrollments?program=ascend_pangu');
    expect(list.body.items.map((x: { id: string }) => x.id)).toEqual([e.body.id]);
  });

  it('BUILD-036 scenario 18: the expert certifies at 2025-07-01T11:00+08:00 → technical_status certified, an advanced cloud software certification (scenario ecosystem_special_technical, 2025-07-01 → 2026-06-30) exists, the account reaches capability differentiation; both expire together', async () => {
    const p = await newPartner(t);
    const membership = await joinSoftwarePath(p);
    await joinProgram(p, 'gaussdb');
    const s3 = await createSolution(t, p);
    const b4 = await baselineAt(p, s3, 'initiated');
    const e = await as(p.token).post('/ecosystem-enrollments', { solution_id: s3, program: 'gaussdb' });
    expect(
      (
        await as(pdm.token).post(`/admin/ecosystem-enrollments/${e.body.id}/admission-review`, {
          result: 'pass',
        })
      ).status,
    ).toBe(200);
    await advanceBaseline(p, b4, 'launched');
    const requested = await as(p.token).post(`/ecosystem-enrollments/${e.body.id}/technical-certification`);
    expect(requested.body.technical_status).toBe('pending_review');
    const byPdm = await as(pdm.token).post(`/admin/ecosystem-enrollments/${e.body.id}/technical-review`, {
      result: 'pass',
    });
    expect([byPdm.status, byPdm.body.error_code]).toEqual([403, 'REVIEWER_ROLE_REQUIRED']);

    await travel('2025-07-01T11:00:00+08:00');
    p.token = await tokenFor(t, { account: p.accountName, password: PASSWORD });
    const certified = await as(expert.token).post(
      `/admin/ecosystem-enrollments/${e.body.id}/technical-review`,
      { result: 'pass' },
    );
    expect(certified.status).toBe(200);
    expect(certified.body).toMatchObject({
      technical_status: 'certified',
      technical_certified_on: '2025-07-01',
      valid_until: '2026-06-30',
      released: true,
    });
    const certId = certified.body.certification_id as string;
    const cert = await as(p.token).get(`/solution-certifications/${certId}`);
    expect(cert.status).toBe(200);
    expect(cert.body).toMatchObject({
      solution_id: s3,
      certification_type: 'advanced_cloud_software',
      pass_scenario: 'ecosystem_special_technical',
      status: 'certified',
      certified_on: '2025-07-01',
      valid_until: '2026-06-30',
    });
    expect((await as(p.token).get(`/paths/memberships/${membership}`)).body.stage).toBe(
      'capability_differentiation',
    );

    // the day after valid_until both expire (solutionCertificationExpiryJob + this module's sweep)
    await travel('2026-06-30T23:59:00+08:00');
    expect(await runJob('ecosystemEnrollmentExpiryJob')).toEqual({ expired: 0 });
    await travel('2026-07-01T00:05:00+08:00');
    p.token = await tokenFor(t, { account: p.accountName, password: PASSWORD });
    await runJob('solutionCertificationExpiryJob');
    expect((await as(p.token).get(`/solution-certifications/${certId}`)).body.status).toBe('expired');
    const expired = await as(p.token).get(`/ecosystem-enrollments/${e.body.id}`);
    expect(expired.body).toMatchObject({ technical_status: 'expired', admission_status: 'admitted' });
    expect(await runJob('ecosystemEnrollmentExpiryJob')).toEqual({ expired: 0 });
    // after expiry the partner may apply again (re-certification, 8.2.1.4)
    const again = await as(p.token).post(`/ecosystem-enrollments/${e.body.id}/technical-certification`);
    expect(again.body.technical_status).toBe('pending_review');
  });

  it('BUILD-036 ecosystemEnrollmentExpiryJob alone expires a certified enrollment past valid_until (idempotent sweep)', async () => {
    const p = await newPartner(t);
    await joinSoftwarePath(p);
    await joinProgram(p, 'kunpeng');
    const s = await createSolution(t, p);
    await setProducts([
      { id: `mp-${p.id.slice(0, 8)}`, partner_account_id: p.id, listing_status: 'joint_operation_listed' },
    ]);
    const e = await as(p.token).post('/ecosystem-enrollments', {
      solution_id: s,
      program: 'kunpeng',
      marketplace_product_id: `mp-${p.id.slice(0, 8)}`,
    });
    expect(e.body.released).toBe(true);
    await as(pdm.token).post(`/admin/ecosystem-enrollments/${e.body.id}/admission-review`, {
      result: 'pass',
    });
    await as(p.token).post(`/ecosystem-enrollments/${e.body.id}/technical-certification`);
    const c = await as(expert.token).post(`/admin/ecosystem-enrollments/${e.body.id}/technical-review`, {
      result: 'pass',
    });
    expect(c.body.technical_status).toBe('certified');
    const until = c.body.valid_until as string;
    const dayAfter = new Date(Date.parse(`${until}T12:00:00+08:00`) + 86_400_000).toISOString();
    await travel(dayAfter);
    expect(await runJob('ecosystemEnrollmentExpiryJob')).toEqual({ expired: 1 });
    expect(await runJob('ecosystemEnrollmentExpiryJob')).toEqual({ expired: 0 });
    const token = await tokenFor(t, { account: p.accountName, password: PASSWORD });
    expect((await as(token).get(`/ecosystem-enrollments/${e.body.id}`)).body.technical_status).toBe(
      'expired',
    );
  });

  it('permissions and tenancy: org members cannot join programs (ORG_ADMIN_REQUIRED); admission needs build.solution.manage (ORG_PERMISSION_DENIED); another partner gets 404; leaving is blocked while an enrollment is pending', async () => {
    const login = `m${randomBytes(4).toString('hex')}`;
    const role = await as(p1.token).post('/org/roles', {
      name: `R${randomBytes(3).toString('hex')}`,
      permission_keys: ['build.baseline.manage'],
    });
    expect(role.status).toBe(201);
    expect(
      (
        await as(p1.token).post('/org/members', {
          login_name: login,
          email: `${login}@example.test`,
          password: PASSWORD,
          role_ids: [role.body.id],
        })
      ).status,
    ).toBe(201);
    const member = await tokenFor(t, { account: p1.accountName, member: login, password: PASSWORD });
    const join = await as(member).post('/ecosystem-programs/gaussdb/membership');
    expect([join.status, join.body.error_code]).toEqual([403, 'ORG_ADMIN_REQUIRED']);
    const s = await createSolution(t, p1);
    const admission = await as(member).post('/ecosystem-enrollments', { solution_id: s, program: 'gaussdb' });
    expect([admission.status, admission.body.error_code]).toEqual([403, 'ORG_PERMISSION_DENIED']);

    // P2 (on the software path itself) sees none of P1's data
    await joinSoftwarePath(p2);
    const mine = (await as(p1.token).get('/ecosystem-enrollments')).body.items[0] as { id: string };
    for (const res of [
      await as(p2.token).get(`/ecosystem-enrollments/${mine.id}`),
      await as(p2.token).post(`/ecosystem-enrollments/${mine.id}/technical-certification`),
    ]) {
      expect(res.status).toBe(404);
    }
    await joinProgram(p2, 'gaussdb');
    const foreignSolution = await as(p2.token).post('/ecosystem-enrollments', {
      solution_id: s,
      program: 'gaussdb',
    });
    expect([foreignSolution.status, foreignSolution.body.error_code]).toEqual([
      404,
      'ECOSYSTEM_SOLUTION_NOT_FOUND',
    ]);
    expect((await as(p2.token).get('/ecosystem-enrollments')).body.items).toEqual([]);

    // leaving is blocked while an admission of the program is pending
    const b = await baselineAt(p1, s, 'initiated');
    const pending = await as(p1.token).post('/ecosystem-enrollments', {
      solution_id: s,
      program: 'gaussdb',
      baseline_solution_id: b,
    });
    expect(pending.body.admission_status).toBe('pending_review');
    const blocked = await as(p1.token).delete('/ecosystem-programs/gaussdb/membership');
    expect([blocked.status, blocked.body.error_code]).toEqual([409, 'ECOSYSTEM_LEAVE_BLOCKED']);
    // every pending gaussdb admission of P1 (scenario 17's included) is decided first
    const open = await as(p1.token).get(
      '/ecosystem-enrollments?program=gaussdb&admission_status=pending_review',
    );
    expect(open.body.items.map((x: { id: string }) => x.id)).toContain(pending.body.id);
    for (const x of open.body.items as Array<{ id: string }>) {
      const r = await as(pdm.token).post(`/admin/ecosystem-enrollments/${x.id}/admission-review`, {
        result: 'reject',
        comment: 'not a database workload',
      });
      expect(r.body.admission_status).toBe('rejected');
    }
    const left = await as(p1.token).delete('/ecosystem-programs/gaussdb/membership');
    expect([left.status, left.body.status]).toEqual([200, 'left']);
    const reviewerList = await as(psa.token).get(`/admin/ecosystem-enrollments?partner_account_id=${p1.id}`);
    expect(reviewerList.status).toBe(200);
    expect(reviewerList.body.items.length).toBeGreaterThanOrEqual(3);
  });
});
