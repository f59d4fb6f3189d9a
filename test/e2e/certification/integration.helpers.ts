/**
 * Helpers of the path integration spec (paths-integration.e2e-spec.ts): every fact the path rules read comes from
 * the REAL module that owns it, driven over HTTP — no test double is registered on `CertificationCollaborators`.
 * People and certificates: org (paths.helpers `specialist`); solutions: build (test/builders/build.ts); labels:
 * label certification (test/builders/labels.ts); joint offerings: build baseline solutions (OBP initiation by the
 * PDM); PCE: the opportunity module's enrollment endpoint; SP: the programs endpoints + operations approval.
 */
import { expect } from '@jest/globals';
import type { PartnerActor } from '../../builders/actors.js';
import type { TestApp } from '../../setup/test-app.js';
import { as, joinPath, specialist } from './paths.helpers.js';

export type Reviewers = { ops: { token: string }; pdm: { token: string }; psa: { token: string } };

/** The current instant of the test clock, shifted by `ms`, as ISO 8601. */
export async function clockPlus(t: TestApp, ms: number): Promise<string> {
  const now = (await t.http.get('/api/v1/admin/test/clock')).body.now as string;
  return new Date(new Date(now).getTime() + ms).toISOString();
}

/**
 * A `service` membership at `role_certification` reached the real way (PATH-011…PATH-013): four HCIP project
 * specialists (org), a Huawei Cloud case from `caseDate`, one employment proof, the application and the PDM's
 * approval. Answers the membership id.
 */
export async function serviceAtRoleCertification(
  t: TestApp,
  p: PartnerActor,
  reviewers: Reviewers,
  caseDate: string,
): Promise<string> {
  const id = await joinPath(t, p, 'service');
  const people = [];
  for (let i = 0; i < 4; i++) people.push(await specialist(t, p, 'service', [{ family: 'HCIP' }], reviewers));
  const c = await as(t, p.token).post('/paths/service-cases', {
    title: 'Data centre migration',
    customer_name: 'Customer M',
    project_date: caseDate,
    is_huawei_cloud: true,
    description: 'Migration of a data centre to Huawei Cloud',
  });
  expect(c.status).toBe(201);
  const proof = await as(t, p.token).post('/paths/employment-proofs', {
    file_id: 'file-proof',
    issuer_name: p.companyName,
    covered_personal_account_ids: people.map((x) => x.id),
  });
  expect(proof.status).toBe(201);
  const app = await as(t, p.token).post(`/paths/memberships/${id}/stage-applications`, {
    target_stage: 'role_certification',
    case_ids: [c.body.id],
    employment_proof_ids: [proof.body.id],
  });
  expect(app.status).toBe(201);
  const approved = await as(t, reviewers.pdm.token).post(
    `/admin/paths/stage-applications/${app.body.id}/approve`,
  );
  expect(approved.status).toBe(200);
  return id;
}

/** An SI pre-sales solution expert (HCSP synced from the academy + approved HCIP-Cloud Service Solutions Architect). */
export async function siExpert(t: TestApp, p: PartnerActor, reviewers: Reviewers, extra: string[] = []) {
  return specialist(
    t,
    p,
    'si',
    [
      { family: 'HCSP' },
      { family: 'HCIP', track: 'Cloud Service Solutions Architect' },
      ...extra.map((family) => ({ family, track: 'Solution Architectures' })),
    ],
    reviewers,
  );
}

/**
 * A partner-led baseline solution taken through OBP initiation (build.md BUILD-020…BUILD-023): partner creates it,
 * PSA verifies the feature list, partner submits for initiation, PDM passes the initial review (meeting in one
 * hour) and records the passed initiation meeting → `initiated` today. Answers the baseline id.
 */
export async function initiatedBaseline(t: TestApp, p: PartnerActor, reviewers: Reviewers): Promise<string> {
  const created = await as(t, p.token).post('/baseline-solutions', {
    name: `Joint platform ${Math.random().toString(16).slice(2, 8)}`,
    industry_scenario: 'manufacturing / data platform',
    responsibilities: {
      presales: { owner_name: 'A', resources: 'presales' },
      delivery: { owner_name: 'B', resources: 'delivery' },
      operations_maintenance: { owner_name: 'C', resources: 'O&M' },
      operations: { owner_name: 'D', resources: 'operations' },
    },
    obp_initiation_guide_file_id: 'file-obp',
    feature_list_file_id: 'file-features',
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  expect(
    (await as(t, reviewers.psa.token).post(`/admin/baseline-solutions/${id}/verify-feature-list`)).status,
  ).toBe(200);
  expect((await as(t, p.token).post(`/baseline-solutions/${id}/submit-initiation`)).status).toBe(200);
  const scheduled = await as(t, reviewers.pdm.token).post(`/admin/baseline-solutions/${id}/initial-review`, {
    result: 'pass',
    scheduled_at: await clockPlus(t, 3600_000),
    meeting_link: 'https://meet.example.test/obp',
  });
  expect(scheduled.status).toBe(200);
  expect(scheduled.body.stage).toBe('initiation_meeting_scheduled');
  const initiated = await as(t, reviewers.pdm.token).post(`/admin/baseline-solutions/${id}/meeting-review`, {
    result: 'pass',
  });
  expect(initiated.status).toBe(200);
  expect(initiated.body.stage).toBe('initiated');
  return id;
}
