/**
 * Solutions and cloud software / advanced cloud software certification (build.md BUILD-001…BUILD-019,
 * acceptance scenarios 1–9, 12, 20): partner endpoints, reviewer endpoints under
 * `/api/v1/admin/solution-certifications`, the software path stage read back through the paths API.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { Clock } from '../../../libs/clock/index.js';
import { RequestContext } from '../../../libs/context/index.js';
import { readPdfMetadata } from '../../../libs/pdf/index.js';
import { TransactionRunner } from '../../../libs/persistence/index.js';
import { SOLUTION_FACTS, type SolutionFacts } from '../../../src/modules/build/index.js';
import { newMember, newPartner, newReviewer, type PartnerActor } from '../../builders/actors.js';
import {
  approveCertification,
  certifySolution,
  createCertificationDraft,
  createSolution,
  joinSoftwarePath,
  scenarioOneMaterials,
  solutionReviewers,
  type SolutionReviewers,
} from '../../builders/build.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';

describe('solutions and software certification (build.md BUILD-001…BUILD-019)', () => {
  let t: TestApp;
  let p1: PartnerActor;
  let p1Membership: string;
  let p2: PartnerActor;
  let r: SolutionReviewers;

  const as = (token: string) => ({
    get: (path: string) => t.http.get(`/api/v1${path}`).set('X-Auth-Token', token),
    post: (path: string, body: object = {}) =>
      t.http.post(`/api/v1${path}`).set('X-Auth-Token', token).send(body),
    patch: (path: string, body: object = {}) =>
      t.http.patch(`/api/v1${path}`).set('X-Auth-Token', token).send(body),
    delete: (path: string) => t.http.delete(`/api/v1${path}`).set('X-Auth-Token', token),
  });
  const submit = (partner: PartnerActor, id: string) =>
    as(partner.token).post(`/solution-certifications/${id}/submit`);
  const review = (token: string, id: string, step: string, body: object) =>
    as(token).post(`/admin/solution-certifications/${id}/${step}`, body);
  const status = async (partner: PartnerActor, id: string) => {
    const res = await as(partner.token).get(`/solution-certifications/${id}`);
    expect(res.status).toBe(200);
    return res.body as Record<string, unknown>;
  };
  const downloadPdf = (partner: PartnerActor, id: string) =>
    as(partner.token)
      .get(`/solution-certifications/${id}/certificate`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
  const materialsWithout = (type: string) => scenarioOneMaterials().filter((m) => m.material_type !== type);

  beforeAll(async () => {
    t = await createTestApp();
    expect(
      (await t.http.put('/api/v1/admin/test/clock').send({ now: '2025-03-14T10:00:00+08:00' })).status,
    ).toBe(200);
    p1 = await newPartner(t);
    p1Membership = await joinSoftwarePath(t, p1);
    p2 = await newPartner(t);
    r = await solutionReviewers(t);
  });
  beforeEach(async () => {
    // the frozen test clock never moves the throttling window (10 calls/s per user and operation)
    expect((await t.http.post('/api/v1/admin/test/reset').send({})).status).toBe(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it('BUILD-001 scenario 1: an account without the software path cannot create a solution → 422', async () => {
    const res = await as(p2.token).post('/solutions', { name: 'ERP Cloud', deployment_modes: ['private'] });
    expect(res.status).toBe(422);
    expect(res.body.error_code).toBe('SOLUTION_SOFTWARE_PATH_REQUIRED');
    const ok = await as(p1.token).post('/solutions', { name: 'ERP Cloud', deployment_modes: ['private'] });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      name: 'ERP Cloud',
      deployment_modes: ['private'],
      partner_account_id: p1.id,
    });
  });

  it('solution fields are validated (name 1–100, ≥1 deployment mode) → 400 BUILD_FIELD_INVALID', async () => {
    const res = await as(p1.token).post('/solutions', { name: 'X', deployment_modes: [] });
    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe('BUILD_FIELD_INVALID');
    const long = await as(p1.token).post('/solutions', {
      name: 'x'.repeat(101),
      deployment_modes: ['private'],
    });
    expect(long.status).toBe(400);
  });

  it('BUILD-004 PATH-009 scenario 2: no software copyright certificate → 422 SOLUTION_COPYRIGHT_REQUIRED, still draft', async () => {
    const s = await createSolution(t, p1);
    const c = await createCertificationDraft(t, p1, s, 'cloud_software', {
      materials: materialsWithout('software_copyright_certificate'),
    });
    const res = await submit(p1, c);
    expect(res.status).toBe(422);
    expect(res.body.error_code).toBe('SOLUTION_COPYRIGHT_REQUIRED');
    expect((await status(p1, c)).status).toBe('draft');
    // scenario 2 (baseline) also needs the copyright certificate
    const c2 = await createCertificationDraft(t, p1, s, 'cloud_software', {
      pass_scenario: 'partner_led_baseline_launched',
      materials: [],
    });
    expect((await submit(p1, c2)).body.error_code).toBe('SOLUTION_COPYRIGHT_REQUIRED');
  });

  it('BUILD-005 PATH-009 scenario 3: missing ftr_evidence → 400 SOLUTION_MATERIAL_MISSING with details.material_type', async () => {
    const s = await createSolution(t, p1);
    const c = await createCertificationDraft(t, p1, s, 'cloud_software', {
      materials: materialsWithout('ftr_evidence'),
    });
    const res = await submit(p1, c);
    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe('SOLUTION_MATERIAL_MISSING');
    expect(res.body.details.material_type).toBe('ftr_evidence');
    expect(res.body.error_msg).toBe('Missing material: ftr_evidence.');
    // advanced scenario 1 needs the test report too
    const a = await createCertificationDraft(t, p1, s, 'advanced_cloud_software', {
      materials: materialsWithout('test_report'),
    });
    const resA = await submit(p1, a);
    expect(resA.status).toBe(400);
    expect(resA.body.details.material_type).toBe('test_report');
    // uploading the missing material makes the draft submittable
    const add = await as(p1.token).post(`/solution-certifications/${a}/materials`, {
      material_type: 'test_report',
      file_id: 'file-test-report-late',
    });
    expect(add.status).toBe(201);
    expect((await submit(p1, a)).body.status).toBe('pending_psa_pre_review');
  });

  it('BUILD-006 scenario 12: a baseline scenario without a launched partner-led baseline of the account → 422', async () => {
    const s = await createSolution(t, p1);
    const c = await createCertificationDraft(t, p1, s, 'cloud_software', {
      pass_scenario: 'partner_led_baseline_launched',
      baseline_solution_id: '00000000-0000-4000-8000-000000000000',
      materials: [{ material_type: 'software_copyright_certificate', file_id: 'file-copyright-b' }],
    });
    const res = await submit(p1, c);
    expect(res.status).toBe(422);
    expect(res.body.error_code).toBe('SOLUTION_BASELINE_NOT_LAUNCHED');
    // advanced scenario 2 needs the test report before the baseline is even looked at (BUILD-006)
    const a = await createCertificationDraft(t, p1, s, 'advanced_cloud_software', {
      pass_scenario: 'partner_led_baseline_launched_and_test_report',
      materials: [{ material_type: 'software_copyright_certificate', file_id: 'file-copyright-b2' }],
    });
    const resA = await submit(p1, a);
    expect(resA.status).toBe(400);
    expect(resA.body.details.material_type).toBe('test_report');
  });

  it('BUILD-036 the scenario ecosystem_special_technical cannot be applied for by the partner → 400', async () => {
    const s = await createSolution(t, p1);
    const res = await as(p1.token).post(`/solutions/${s}/certifications`, {
      certification_type: 'advanced_cloud_software',
      pass_scenario: 'ecosystem_special_technical',
    });
    expect(res.status).toBe(400);
    expect(res.body.details.field).toBe('pass_scenario');
    const wrongType = await as(p1.token).post(`/solutions/${s}/certifications`, {
      certification_type: 'cloud_software',
      pass_scenario: 'ftr_one_pager_and_test_report',
    });
    expect(wrongType.status).toBe(400);
  });

  it('BUILD-007 scenario 8: advanced with [CSE, DCS, ECS] → 422 SOLUTION_ARCHITECTURE_STANDARD_NOT_MET; [CSE, DCS, APIG] accepted', async () => {
    const s = await createSolution(t, p1, { cloud_services_used: ['CSE', 'DCS', 'ECS'] });
    const c = await createCertificationDraft(t, p1, s, 'advanced_cloud_software');
    const res = await submit(p1, c);
    expect(res.status).toBe(422);
    expect(res.body.error_code).toBe('SOLUTION_ARCHITECTURE_STANDARD_NOT_MET');
    expect(res.body.details).toMatchObject({ key_services: 0, high_order_services: 2 });
    expect(
      (await as(p1.token).patch(`/solutions/${s}`, { cloud_services_used: ['CSE', 'DCS', 'APIG'] })).status,
    ).toBe(200);
    const ok = await submit(p1, c);
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('pending_psa_pre_review');
    expect(ok.body.architecture_check).toEqual({ key_services: 0, high_order_services: 3, met: true });
    // one key service is enough ("or 1"), and the cloud software type is not checked at all
    const k = await createSolution(t, p1, { cloud_services_used: ['GaussDB', 'ECS'] });
    expect(
      (await submit(p1, await createCertificationDraft(t, p1, k, 'advanced_cloud_software'))).status,
    ).toBe(200);
    const none = await createSolution(t, p1, { cloud_services_used: ['ECS'] });
    expect((await submit(p1, await createCertificationDraft(t, p1, none, 'cloud_software'))).status).toBe(
      200,
    );
  });

  it('the cloud service catalogue lists 12 key and 97 high-order services (F-BUILD-1 seed data)', async () => {
    const res = await as(p1.token).get('/cloud-services');
    expect(res.status).toBe(200);
    const items = res.body.items as Array<{ tier: string; service_code: string }>;
    expect(items.filter((i) => i.tier === 'key')).toHaveLength(12);
    expect(items.filter((i) => i.tier === 'high_order')).toHaveLength(97);
    expect(items.find((i) => i.service_code === 'GaussDB')?.tier).toBe('key');
  });

  it('BUILD-009 BUILD-014 BUILD-017 BUILD-018 happy path: certified today, valid one year, PDF, event → stage role_certification', async () => {
    const before = await as(p1.token).get(`/paths/memberships/${p1Membership}`);
    expect(before.body.stage).toBe('joined');
    const s = await createSolution(t, p1, { name: 'Happy ERP' });
    const c = await createCertificationDraft(t, p1, s, 'cloud_software');
    // BUILD-009: contacting the PDM/PSA is offline guidance, not a gate — the submission goes straight through
    const sub = await submit(p1, c);
    expect(sub.status).toBe(200);
    expect(sub.body).toMatchObject({
      status: 'pending_psa_pre_review',
      submitted_at: '2025-03-14T02:00:00.000Z',
    });
    // certificate not downloadable before certification (BUILD-018)
    expect((await as(p1.token).get(`/solution-certifications/${c}/certificate`)).body.error_code).toBe(
      'CERTIFICATE_NOT_AVAILABLE',
    );
    expect((await review(r.psa.token, c, 'psa-review', { result: 'pass' })).body.status).toBe(
      'pending_expert_review',
    );
    expect(
      (await review(r.expert.token, c, 'expert-review', { technical_conclusion: 'pass' })).body.status,
    ).toBe('pending_pdm_review');
    const approved = await review(r.pdmSupervisor.token, c, 'pdm-review', { result: 'pass' });
    expect(approved.status).toBe(200);
    const got = await status(p1, c);
    expect(got).toMatchObject({ status: 'certified', certified_on: '2025-03-14', valid_until: '2026-03-13' });
    expect(got.certificate_no).toMatch(/^CS-2025-\d{6}$/);
    expect(got.psa_pre_review).toMatchObject({ reviewer_id: r.psa.id, result: 'pass' });
    expect(got.pdm_review).toMatchObject({ reviewer_id: r.pdmSupervisor.id, result: 'pass' });
    const pdf = await downloadPdf(p1, c);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(readPdfMetadata(pdf.body as Buffer)).toMatchObject({
      certificate_no: got.certificate_no,
      certification_type: 'cloud_software',
      solution_name: 'Happy ERP',
      certified_on: '2025-03-14',
      valid_until: '2026-03-13',
      partner_name: p1.companyName,
    });
    // SolutionCertificationChanged → the path module moved the software membership to role certification
    const after = await as(p1.token).get(`/paths/memberships/${p1Membership}`);
    expect(after.body.stage).toBe('role_certification');
  });

  it('BUILD-012 BUILD-013 scenario 5: review steps out of order → 409 CERT_REVIEW_OUT_OF_ORDER', async () => {
    const s = await createSolution(t, p1);
    const c = await createCertificationDraft(t, p1, s, 'cloud_software');
    expect((await submit(p1, c)).status).toBe(200);
    const pdm = await review(r.pdmSupervisor.token, c, 'pdm-review', { result: 'pass' });
    expect(pdm.status).toBe(409);
    expect(pdm.body.error_code).toBe('CERT_REVIEW_OUT_OF_ORDER');
    const expert = await review(r.expert.token, c, 'expert-review', { technical_conclusion: 'pass' });
    expect(expert.status).toBe(409);
    expect(expert.body.error_code).toBe('CERT_REVIEW_OUT_OF_ORDER');
    expect((await review(r.psa.token, c, 'psa-review', { result: 'pass' })).status).toBe(200);
    // PSA cannot review twice; PDM still too early
    expect((await review(r.psa.token, c, 'psa-review', { result: 'pass' })).body.error_code).toBe(
      'CERT_REVIEW_OUT_OF_ORDER',
    );
    expect((await review(r.pdmSupervisor.token, c, 'pdm-review', { result: 'pass' })).status).toBe(409);
    // BUILD-012: only a `pass` conclusion advances; `fail` needs a comment and rejects
    const failNoComment = await review(r.expert.token, c, 'expert-review', { technical_conclusion: 'fail' });
    expect(failNoComment.body.error_code).toBe('REVIEW_COMMENT_REQUIRED');
    const fail = await review(r.expert.token, c, 'expert-review', {
      technical_conclusion: 'fail',
      comment: 'FTR self-check answers contradict the deployment guide',
    });
    expect(fail.body.status).toBe('rejected');
    expect(fail.body.expert_review).toMatchObject({
      technical_conclusion: 'fail',
      reviewer_ids: [r.expert.id],
    });
  });

  it('BUILD-008 BUILD-011 scenario 6: PSA rejection needs a comment; the partner replaces the checklist and resubmits', async () => {
    const s = await createSolution(t, p1, {
      deployment_modes: ['private'],
      software_product_type: 'private_software',
    });
    const c = await createCertificationDraft(t, p1, s, 'cloud_software');
    expect((await submit(p1, c)).status).toBe(200);
    const noComment = await review(r.psa.token, c, 'psa-review', { result: 'reject' });
    expect(noComment.status).toBe(400);
    expect(noComment.body.error_code).toBe('REVIEW_COMMENT_REQUIRED');
    const comment = 'FTR checklist is for SaaS, product is private deployment';
    const rej = await review(r.psa.token, c, 'psa-review', { result: 'reject', comment });
    expect(rej.status).toBe(200);
    const rejected = await status(p1, c);
    expect(rejected).toMatchObject({ status: 'rejected', psa_pre_review: { result: 'reject', comment } });
    // the partner replaces the checklist (single-file type: the new file replaces the old one)
    const old = (rejected.materials as Array<{ material_type: string; file_id: string }>).find(
      (m) => m.material_type === 'ftr_checklist',
    )!;
    const add = await as(p1.token).post(`/solution-certifications/${c}/materials`, {
      material_type: 'ftr_checklist',
      file_id: 'file-ftr-checklist-private',
    });
    expect(add.status).toBe(201);
    const checklists = (add.body.materials as Array<{ material_type: string; file_id: string }>).filter(
      (m) => m.material_type === 'ftr_checklist',
    );
    expect(checklists).toEqual([expect.objectContaining({ file_id: 'file-ftr-checklist-private' })]);
    expect(checklists[0].file_id).not.toBe(old.file_id);
    const again = await submit(p1, c);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      status: 'pending_psa_pre_review',
      resubmission_count: 1,
      psa_pre_review: null,
    });
    // review history kept
    const steps = (again.body.review_history as Array<{ step: string; result: string | null }>).map(
      (h) => `${h.step}:${h.result ?? ''}`,
    );
    expect(steps).toEqual(['submitted:', 'psa_pre_review:reject', 'resubmitted:']);
  });

  it('BUILD-010 scenario 7: a second cloud_software application of the same solution in progress → 409; advanced is independent (BUILD-002, BUILD-003)', async () => {
    const s = await createSolution(t, p1, { cloud_services_used: ['CSE', 'DCS', 'APIG'] });
    const c1 = await createCertificationDraft(t, p1, s, 'cloud_software');
    expect((await submit(p1, c1)).status).toBe(200);
    expect((await review(r.psa.token, c1, 'psa-review', { result: 'pass' })).body.status).toBe(
      'pending_expert_review',
    );
    const c2 = await createCertificationDraft(t, p1, s, 'cloud_software');
    const dup = await submit(p1, c2);
    expect(dup.status).toBe(409);
    expect(dup.body.error_code).toBe('SOLUTION_CERT_IN_PROGRESS');
    // BUILD-002: advanced may be started directly, without a prior cloud software certification
    const adv = await createCertificationDraft(t, p1, s, 'advanced_cloud_software');
    const ok = await submit(p1, adv);
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('pending_psa_pre_review');
    // BUILD-003: both records of the solution are listed independently
    const list = await as(p1.token).get(`/solutions/${s}/certifications`);
    expect(list.body.total_count).toBe(3);
    // a rejected record still blocks (it is in progress until resubmitted or replaced)
    await review(r.expert.token, c1, 'expert-review', {
      technical_conclusion: 'fail',
      comment: 'incomplete FTR',
    });
    expect((await submit(p1, c2)).body.error_code).toBe('SOLUTION_CERT_IN_PROGRESS');
  });

  it('BUILD-013 scenario 9: advanced level-2 approval without the business expert group → 400; with it → certified', async () => {
    const s = await createSolution(t, p1);
    const c = await createCertificationDraft(t, p1, s, 'advanced_cloud_software');
    expect((await submit(p1, c)).status).toBe(200);
    await review(r.psa.token, c, 'psa-review', { result: 'pass' });
    await review(r.expert.token, c, 'expert-review', { technical_conclusion: 'pass' });
    const res = await review(r.pdmSupervisor.token, c, 'pdm-review', {
      result: 'pass',
      business_expert_group_ids: [],
    });
    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe('CERT_BUSINESS_EXPERTS_REQUIRED');
    const noComment = await review(r.pdmSupervisor.token, c, 'pdm-review', { result: 'reject' });
    expect(noComment.body.error_code).toBe('REVIEW_COMMENT_REQUIRED');
    const ok = await review(r.pdmSupervisor.token, c, 'pdm-review', {
      result: 'pass',
      business_expert_group_ids: [r.expert.id],
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      status: 'certified',
      pdm_review: { business_expert_group_ids: [r.expert.id] },
    });
    expect(ok.body.certificate_no).toMatch(/^ACS-\d{4}-\d{6}$/);
    // advanced certification → capability differentiation (BUILD-017)
    expect((await as(p1.token).get(`/paths/memberships/${p1Membership}`)).body.stage).toBe(
      'capability_differentiation',
    );
  });

  it('BUILD-013 level 2 needs the PDM supervisor: a PDM without the flag → 403 REVIEWER_ROLE_REQUIRED', async () => {
    const plainPdm = await newReviewer(t, ['pdm']);
    const s = await createSolution(t, p1);
    const c = await createCertificationDraft(t, p1, s, 'cloud_software');
    await submit(p1, c);
    await review(r.psa.token, c, 'psa-review', { result: 'pass' });
    await review(r.expert.token, c, 'expert-review', { technical_conclusion: 'pass' });
    const res = await review(plainPdm.token, c, 'pdm-review', { result: 'pass' });
    expect(res.status).toBe(403);
    expect(res.body.error_code).toBe('REVIEWER_ROLE_REQUIRED');
    const rej = await review(r.pdmSupervisor.token, c, 'pdm-review', {
      result: 'reject',
      comment: 'one-pager lacks pricing',
    });
    expect(rej.body).toMatchObject({ status: 'rejected', pdm_review: { result: 'reject' } });
  });

  it('permissions: wrong reviewer role → 403; member without build.solution.manage → 403 ORG_PERMISSION_DENIED; view key reads', async () => {
    const s = await createSolution(t, p1);
    const c = await createCertificationDraft(t, p1, s, 'cloud_software');
    await submit(p1, c);
    const wrong = await review(r.expert.token, c, 'psa-review', { result: 'pass' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error_code).toBe('REVIEWER_ROLE_REQUIRED');
    expect((await review(r.psa.token, c, 'expert-review', { technical_conclusion: 'pass' })).status).toBe(
      403,
    );
    const ops = await newReviewer(t, ['operations']);
    expect((await as(ops.token).get(`/admin/solution-certifications/${c}`)).status).toBe(403);
    expect((await as(r.psa.token).get(`/admin/solution-certifications/${c}`)).body.id).toBe(c);
    // partner tokens never reach reviewer routes
    expect((await review(p1.token, c, 'psa-review', { result: 'pass' })).status).toBe(403);

    const noRole = await newMember(t, p1, []);
    expect((await as(noRole.token).get(`/solution-certifications/${c}`)).body.error_code).toBe(
      'ORG_PERMISSION_DENIED',
    );
    // a role without build.solution.manage: the path identity's default build.solution.view reads, nothing more
    const other = await as(p1.token).post('/org/roles', {
      name: 'Baseline only',
      permission_keys: ['build.baseline.manage'],
    });
    expect(other.status).toBe(201);
    const viewer = await newMember(t, p1, [other.body.code as string]);
    expect((await as(viewer.token).get(`/solution-certifications/${c}`)).status).toBe(200);
    const denied = await as(viewer.token).post('/solutions', {
      name: 'By member',
      deployment_modes: ['private'],
    });
    expect(denied.status).toBe(403);
    expect(denied.body.error_code).toBe('ORG_PERMISSION_DENIED');
    expect((await as(viewer.token).post(`/solution-certifications/${c}/withdraw`)).body.error_code).toBe(
      'ORG_PERMISSION_DENIED',
    );
    const role = await as(p1.token).post('/org/roles', {
      name: 'Solution manager',
      permission_keys: ['build.solution.manage'],
    });
    expect(role.status).toBe(201);
    const manager = await newMember(t, p1, [role.body.code as string]);
    const made = await as(manager.token).post('/solutions', {
      name: 'By member',
      deployment_modes: ['private'],
    });
    expect(made.status).toBe(201);
  });

  it('tenancy: another partner gets 404 for solutions, certifications and certificates', async () => {
    const s = await createSolution(t, p1);
    const c = await createCertificationDraft(t, p1, s, 'cloud_software');
    const p3 = await newPartner(t);
    await joinSoftwarePath(t, p3);
    for (const res of [
      await as(p3.token).get(`/solutions/${s}`),
      await as(p3.token).get(`/solution-certifications/${c}`),
      await as(p3.token).get(`/solution-certifications/${c}/certificate`),
      await as(p3.token).post(`/solution-certifications/${c}/submit`),
      await as(p3.token).post(`/solutions/${s}/certifications`, {
        certification_type: 'cloud_software',
        pass_scenario: 'ftr_and_one_pager',
      }),
    ]) {
      expect(res.status).toBe(404);
    }
    expect((await as(p3.token).get('/solution-certifications')).body.total_count).toBe(0);
  });

  it('withdraw (decision): draft / pending PSA → withdrawn, read-only afterwards', async () => {
    const s = await createSolution(t, p1);
    const c = await createCertificationDraft(t, p1, s, 'cloud_software');
    await submit(p1, c);
    const w = await as(p1.token).post(`/solution-certifications/${c}/withdraw`);
    expect(w.status).toBe(200);
    expect(w.body.status).toBe('withdrawn');
    const edit = await as(p1.token).post(`/solution-certifications/${c}/materials`, {
      material_type: 'one_pager',
      file_id: 'file-x',
    });
    expect(edit.status).toBe(409);
    expect(edit.body.error_code).toBe('SOLUTION_CERT_NOT_EDITABLE');
    expect((await submit(p1, c)).body.error_code).toBe('STATE_TRANSITION_INVALID');
  });

  it('BUILD-019 scenario 20: a cloud_software draft blocks the path exit (409 PATH_EXIT_BLOCKED_BY_SOLUTION)', async () => {
    const p4 = await newPartner(t);
    const membership = await joinSoftwarePath(t, p4);
    const s = await createSolution(t, p4);
    await createCertificationDraft(t, p4, s, 'cloud_software');
    const res = await as(p4.token).post(`/paths/memberships/${membership}/exit`);
    expect(res.status).toBe(409);
    expect(res.body.error_code).toBe('PATH_EXIT_BLOCKED_BY_SOLUTION');
    expect(res.body.details.reasons).toEqual(['cloud_software_solution_exists']);
  });

  it('BUILD-019 a solution without any certification record counts as a cloud software record; an advanced draft adds its reason', async () => {
    const p5 = await newPartner(t);
    const membership = await joinSoftwarePath(t, p5);
    const s = await createSolution(t, p5);
    const res = await as(p5.token).post(`/paths/memberships/${membership}/exit`);
    expect(res.body.details.reasons).toEqual(['cloud_software_solution_exists']);
    await createCertificationDraft(t, p5, s, 'advanced_cloud_software');
    const both = await as(p5.token).post(`/paths/memberships/${membership}/exit`);
    expect(both.status).toBe(409);
    expect(both.body.details.reasons).toEqual(['advanced_cloud_software_solution_exists']);
  });

  it('BUILD-036 issueEcosystemTechnicalCertification creates a certified advanced record (scenario 3), valid one year, inside the caller transaction', async () => {
    const p7 = await newPartner(t);
    const membership = await joinSoftwarePath(t, p7);
    const s = await createSolution(t, p7, { name: 'Gauss ERP' });
    const facts = t.app.get<SolutionFacts>(SOLUTION_FACTS);
    const ctx = RequestContext.system(t.app.get(Clock), 'test-ecosystem');
    const out = await t.app.get(TransactionRunner).run(ctx, (tx) =>
      facts.issueEcosystemTechnicalCertification(tx, tx.em!, {
        solutionId: s,
        enrollmentId: '11111111-1111-4111-8111-111111111111',
        program: 'gaussdb',
        certifiedOn: '2025-07-01',
      }),
    );
    expect(out.validUntil).toBe('2026-06-30');
    const got = await status(p7, out.certificationId);
    expect(got).toMatchObject({
      status: 'certified',
      certification_type: 'advanced_cloud_software',
      pass_scenario: 'ecosystem_special_technical',
      ecosystem_program: 'gaussdb',
      certified_on: '2025-07-01',
      valid_until: '2026-06-30',
    });
    expect(got.certificate_no).toMatch(/^ACS-2025-\d{6}$/);
    expect((await downloadPdf(p7, out.certificationId)).status).toBe(200);
    // the event reached the path module: advanced → capability differentiation
    expect((await as(p7.token).get(`/paths/memberships/${membership}`)).body.stage).toBe(
      'capability_differentiation',
    );
    expect((await facts.get(s))?.partnerAccountId).toBe(p7.id);
  });

  it('certifySolution builder yields a certified record for both types (BUILD-017 readers see them)', async () => {
    const p6 = await newPartner(t);
    await joinSoftwarePath(t, p6);
    const cs = await certifySolution(t, p6, 'cloud_software');
    expect((await status(p6, cs.certificationId)).status).toBe('certified');
    const adv = await certifySolution(t, p6, 'advanced_cloud_software');
    expect((await status(p6, adv.certificationId)).certification_type).toBe('advanced_cloud_software');
    const list = await as(p6.token).get('/solution-certifications?status=certified');
    expect(list.body.total_count).toBe(2);
    // approveCertification over an already certified record is out of order
    await expect(approveCertification(t, cs.certificationId, 'cloud_software')).rejects.toThrow(/409/);
  });
});
