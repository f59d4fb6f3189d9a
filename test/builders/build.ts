/**
 * Builders of the build module (build.md BUILD-001…BUILD-019): a certified cloud software / advanced cloud
 * software solution driven entirely over HTTP — create the solution, create the certification draft with its
 * materials (file_id references), submit, then PSA pre-review → expert level-1 review → PDM supervisor level-2
 * review. The partner must already have joined the `software` path (BUILD-001).
 *
 * Throttling: every call makes one request per operation and actor; with the frozen test clock the API-013
 * window (10 calls/s per user and operation) does not move, so after ~10 builder calls for the same partner call
 * `POST /api/v1/admin/test/reset` (or advance the clock) in a `beforeEach`.
 */
import { randomBytes } from 'node:crypto';
import { Clock } from '../../libs/clock/index.js';
import { RequestContext, type ReviewerRole } from '../../libs/context/index.js';
import { ReviewerService } from '../../src/platform/index.js';
import type { TestApp } from '../setup/test-app.js';
import { PASSWORD, tokenFor, type PartnerActor } from './actors.js';

export type SolutionCertificationType = 'cloud_software' | 'advanced_cloud_software';

export interface ReviewerActor {
  id: string;
  email: string;
  token: string;
}

/** A reviewer with roles and spec-named flags (e.g. `pdm` + `supervisor`, build.md "PDM supervisor"). */
export async function newFlaggedReviewer(
  t: TestApp,
  roles: ReviewerRole[],
  flags: string[] = [],
): Promise<ReviewerActor> {
  const email = `rev-${randomBytes(4).toString('hex')}@example.test`;
  const ctx = RequestContext.system(t.app.get(Clock), 'test');
  const r = await t.app
    .get(ReviewerService)
    .upsert(ctx, { email, name: email, roles, flags, password: PASSWORD });
  const token = await tokenFor(t, { reviewer: email, password: PASSWORD });
  return { id: r.id, email, token };
}

export interface SolutionReviewers {
  psa: ReviewerActor;
  expert: ReviewerActor;
  pdmSupervisor: ReviewerActor;
}

const reviewersOf = new WeakMap<TestApp, SolutionReviewers>();

/** PSA, software technical expert and PDM supervisor, created once per test app. */
export async function solutionReviewers(t: TestApp): Promise<SolutionReviewers> {
  let r = reviewersOf.get(t);
  if (!r) {
    r = {
      psa: await newFlaggedReviewer(t, ['psa']),
      expert: await newFlaggedReviewer(t, ['expert']),
      pdmSupervisor: await newFlaggedReviewer(t, ['pdm'], ['supervisor']),
    };
    reviewersOf.set(t, r);
  }
  return r;
}

/** Re-issues the reviewers' tokens (tokens live 24 h on the test clock: call after travelling the clock). */
export async function reloginSolutionReviewers(t: TestApp): Promise<SolutionReviewers> {
  const r = await solutionReviewers(t);
  for (const who of [r.psa, r.expert, r.pdmSupervisor]) {
    who.token = await tokenFor(t, { reviewer: who.email, password: PASSWORD });
  }
  return r;
}

/** The complete material set of scenario 1 (BUILD-004, BUILD-005); `file_id`s are object-storage references. */
export function scenarioOneMaterials(tag = randomBytes(3).toString('hex')) {
  return [
    { material_type: 'software_copyright_certificate', file_id: `file-copyright-${tag}` },
    { material_type: 'ftr_checklist', file_id: `file-ftr-checklist-${tag}` },
    { material_type: 'ftr_evidence', file_id: `file-ftr-evidence-${tag}` },
    { material_type: 'one_pager', file_id: `file-one-pager-${tag}` },
    { material_type: 'test_report', file_id: `file-test-report-${tag}` },
  ];
}

function check(res: { status: number; body: unknown }, expected: number, what: string): void {
  if (res.status !== expected) {
    throw new Error(`${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

/** POST /solutions: a solution that meets the "3 or 1" standard (CSE, DCS, APIG = 3 high-order services). */
export async function createSolution(
  t: TestApp,
  partner: { token: string },
  body: Record<string, unknown> = {},
): Promise<string> {
  const res = await t.http
    .post('/api/v1/solutions')
    .set('X-Auth-Token', partner.token)
    .send({
      name: `Solution ${randomBytes(3).toString('hex')}`,
      deployment_modes: ['multi_tenant'],
      software_product_type: 'saas',
      cloud_services_used: ['CSE', 'DCS', 'APIG'],
      ...body,
    });
  check(res, 201, 'create solution');
  return res.body.id as string;
}

/** A complete scenario-1 draft of the type for the solution (not submitted). */
export async function createCertificationDraft(
  t: TestApp,
  partner: { token: string },
  solutionId: string,
  type: SolutionCertificationType,
  body: Record<string, unknown> = {},
): Promise<string> {
  const res = await t.http
    .post(`/api/v1/solutions/${solutionId}/certifications`)
    .set('X-Auth-Token', partner.token)
    .send({
      certification_type: type,
      pass_scenario: type === 'cloud_software' ? 'ftr_and_one_pager' : 'ftr_one_pager_and_test_report',
      materials: scenarioOneMaterials(),
      ...body,
    });
  check(res, 201, 'create certification');
  return res.body.id as string;
}

/** PSA pass → expert pass → PDM supervisor approval (with the business expert group for advanced). */
export async function approveCertification(
  t: TestApp,
  certificationId: string,
  type: SolutionCertificationType,
): Promise<void> {
  const r = await solutionReviewers(t);
  const base = `/api/v1/admin/solution-certifications/${certificationId}`;
  check(
    await t.http.post(`${base}/psa-review`).set('X-Auth-Token', r.psa.token).send({ result: 'pass' }),
    200,
    'PSA pre-review',
  );
  check(
    await t.http
      .post(`${base}/expert-review`)
      .set('X-Auth-Token', r.expert.token)
      .send({ technical_conclusion: 'pass' }),
    200,
    'expert review',
  );
  check(
    await t.http
      .post(`${base}/pdm-review`)
      .set('X-Auth-Token', r.pdmSupervisor.token)
      .send({
        result: 'pass',
        ...(type === 'advanced_cloud_software' ? { business_expert_group_ids: [r.expert.id] } : {}),
      }),
    200,
    'PDM review',
  );
}

/**
 * A `certified` solution certification of the type, certified today (the test clock). The partner must already
 * be on the `software` path.
 */
export async function certifySolution(
  t: TestApp,
  partner: PartnerActor,
  type: SolutionCertificationType,
): Promise<{ solutionId: string; certificationId: string }> {
  const solutionId = await createSolution(t, partner);
  const certificationId = await createCertificationDraft(t, partner, solutionId, type);
  check(
    await t.http
      .post(`/api/v1/solution-certifications/${certificationId}/submit`)
      .set('X-Auth-Token', partner.token)
      .send({}),
    200,
    'submit certification',
  );
  await approveCertification(t, certificationId, type);
  const res = await t.http
    .get(`/api/v1/solution-certifications/${certificationId}`)
    .set('X-Auth-Token', partner.token);
  check(res, 200, 'read certification');
  if (res.body.status !== 'certified') throw new Error(`certification not certified: ${res.body.status}`);
  return { solutionId, certificationId };
}

/** Joins the `software` development path through the paths API (certification-paths.md PATH-001). */
export async function joinSoftwarePath(t: TestApp, partner: { token: string }): Promise<string> {
  const res = await t.http
    .post('/api/v1/paths/memberships')
    .set('X-Auth-Token', partner.token)
    .send({ path: 'software' });
  check(res, 201, 'join software path');
  return res.body.id as string;
}
