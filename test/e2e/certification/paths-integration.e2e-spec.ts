/**
 * Development paths end to end through the REAL modules (certification-paths.md acceptance scenarios 5, 6, 10–12,
 * 14 and PATH-008): no test double is registered on `CertificationCollaborators` — solution certifications come
 * from the build module's review workflow and its expiry job, capability labels from label certification, joint
 * offerings from baseline solutions initiated by the PDM, PCE from the opportunity module's enrollment endpoint,
 * SP memberships from the programs endpoints with the operations approval.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readPdfMetadata } from '../../../libs/pdf/index.js';
import { newPartner, newReviewer, PASSWORD, type PartnerActor, tokenFor } from '../../builders/actors.js';
import {
  certifySolution,
  createCertificationDraft,
  createSolution,
  joinSoftwarePath,
  reloginSolutionReviewers,
} from '../../builders/build.js';
import { grantLabel, revokeLabel } from '../../builders/labels.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';
import {
  clockPlus,
  initiatedBaseline,
  type Reviewers,
  serviceAtRoleCertification,
  siExpert,
} from './integration.helpers.js';
import { as, joinPath, membership, outbox, relogin, runJob, setClock } from './paths.helpers.js';
import { activeSp, partner } from './programs.helpers.js';

describe('development paths through the real modules (certification-paths.md, no collaborator doubles)', () => {
  let t: TestApp;
  let pdm: { id: string; email: string; token: string };
  let psa: { id: string; email: string; token: string };
  let ops: { id: string; email: string; token: string };
  let reviewers: Reviewers;

  beforeAll(async () => {
    // API-013 throttles per user and operation in a sliding second of the frozen test clock
    t = await createTestApp({ RATE_LIMIT_PER_SECOND: '100000' });
    await setClock(t, '2025-04-10T10:00:00+08:00');
    pdm = await newReviewer(t, ['pdm']);
    psa = await newReviewer(t, ['psa']);
    ops = await newReviewer(t, ['operations']);
    reviewers = { ops, pdm, psa };
  });
  afterAll(async () => {
    await t.close();
  });

  /** Clock travel; tokens live 24 h on the test clock, so every actor logs in again. */
  async function travel(now: string, ...partners: PartnerActor[]): Promise<void> {
    await setClock(t, now);
    for (const r of [pdm, psa, ops]) r.token = await tokenFor(t, { reviewer: r.email, password: PASSWORD });
    for (const p of partners) await relogin(t, p);
    await reloginSolutionReviewers(t);
  }

  const apply = (p: PartnerActor, membershipId: string, body: Record<string, unknown>) =>
    as(t, p.token).post(`/paths/memberships/${membershipId}/stage-applications`, body);

  it('PATH-008 / BUILD-001: a cloud software solution cannot be created without the software path (422 SOLUTION_SOFTWARE_PATH_REQUIRED); after joining it can', async () => {
    const p = await newPartner(t);
    const refused = await as(t, p.token).post('/solutions', {
      name: 'Pathless solution',
      deployment_modes: ['multi_tenant'],
      software_product_type: 'saas',
      cloud_services_used: ['CSE', 'DCS', 'APIG'],
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error_code).toBe('SOLUTION_SOFTWARE_PATH_REQUIRED');
    // another path does not help: the rule names the software path
    await joinPath(t, p, 'service');
    const stillRefused = await as(t, p.token).post('/solutions', {
      name: 'Service-path solution',
      deployment_modes: ['multi_tenant'],
      software_product_type: 'saas',
      cloud_services_used: ['CSE', 'DCS', 'APIG'],
    });
    expect(stillRefused.status).toBe(422);
    expect(stillRefused.body.error_code).toBe('SOLUTION_SOFTWARE_PATH_REQUIRED');
    await joinSoftwarePath(t, p);
    const solutionId = await createSolution(t, p, { name: 'After joining' });
    const got = await as(t, p.token).get(`/solutions/${solutionId}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id: solutionId, partner_account_id: p.id, name: 'After joining' });
  });

  it('PATH-006 / PATH-007 / PATH-010 scenarios 5–6 with real solution certifications: role after a cloud software certification, differentiation after an advanced one, fallback and downgrade when the build expiry job expires them; on-demand evaluation; path certificate', async () => {
    const a = await newPartner(t);
    const id = await joinSoftwarePath(t, a);
    const none = await as(t, a.token).post('/paths/software/stage-evaluation');
    expect(none.status).toBe(422);
    expect(none.body.error_code).toBe('PATH_CRITERIA_NOT_MET');
    const automatic = await apply(a, id, { target_stage: 'role_certification' });
    expect(automatic.status).toBe(409);
    expect(automatic.body.error_code).toBe('PATH_STAGE_AUTOMATIC');

    // S1: cloud software certified 2025-04-10 (valid until 2026-04-09)
    await certifySolution(t, a, 'cloud_software');
    let m = await membership(t, a, id);
    expect(m).toMatchObject({
      stage: 'role_certification',
      title: 'Cloud Software Partner',
      certificate_valid_to: '2026-04-09',
    });
    expect(m.role_certified_at).toBe('2025-04-10T02:00:00.000Z');

    // S2: advanced certified 2025-05-01 (valid until 2026-04-30)
    await travel('2025-05-01T10:00:00+08:00', a);
    await certifySolution(t, a, 'advanced_cloud_software');
    m = await membership(t, a, id);
    expect(m).toMatchObject({
      stage: 'capability_differentiation',
      title: 'Advanced Cloud Software Partner',
      certificate_valid_to: '2026-04-30',
    });
    expect(m.differentiated_at).toBe('2025-05-01T02:00:00.000Z');
    const evaluated = await as(t, a.token).post('/paths/software/stage-evaluation');
    expect(evaluated.status).toBe(200);
    expect(evaluated.body).toMatchObject({ stage: 'capability_differentiation', valid_certifications: 2 });

    // S3: another cloud software certification 2025-06-01 (valid until 2026-05-31)
    await travel('2025-06-01T10:00:00+08:00', a);
    await certifySolution(t, a, 'cloud_software');
    expect((await membership(t, a, id)).stage).toBe('capability_differentiation');
    const certs = await as(t, a.token).get('/paths/certificates');
    expect(certs.status).toBe(200);
    const valid = certs.body.items.find((c: { status: string }) => c.status === 'valid');
    expect(valid).toMatchObject({ stage: 'capability_differentiation', valid_to: '2026-04-30' });
    const file = await as(t, a.token).get(`/paths/certificates/${valid.id}/download`).buffer(true);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toContain('application/pdf');
    expect(readPdfMetadata(file.body as Buffer)).toMatchObject({
      path: 'software',
      stage: 'capability_differentiation',
      valid_to: '2026-04-30',
      title: 'Advanced Cloud Software Partner',
    });

    // 2026-04-10: the build expiry job expires S1; the advanced S2 still holds differentiation
    await travel('2026-04-10T00:05:00+08:00', a);
    expect((await runJob(t, 'solutionCertificationExpiryJob')).body.summary).toMatchObject({ expired: 1 });
    expect((await membership(t, a, id)).stage).toBe('capability_differentiation');

    // 2026-05-01: S2 expires → fallback to role_certification on S3 (certificate valid to 2026-05-31)
    await travel('2026-05-01T00:05:00+08:00', a);
    expect((await runJob(t, 'solutionCertificationExpiryJob')).body.summary).toMatchObject({ expired: 1 });
    m = await membership(t, a, id);
    expect(m).toMatchObject({
      stage: 'role_certification',
      title: 'Cloud Software Partner',
      certificate_valid_to: '2026-05-31',
      differentiated_at: '2025-05-01T02:00:00.000Z',
    });
    const fallback = await as(t, a.token).post('/paths/software/stage-evaluation');
    expect(fallback.status).toBe(200);
    expect(fallback.body).toMatchObject({ stage: 'role_certification', valid_certifications: 1 });

    // 2026-06-01: S3 expires → joined, partner notified, role_certified_at kept; J-PATH-1 agrees
    await travel('2026-06-01T00:05:00+08:00', a);
    expect((await runJob(t, 'solutionCertificationExpiryJob')).body.summary).toMatchObject({ expired: 1 });
    await runJob(t, 'J-PATH-1');
    m = await membership(t, a, id);
    expect(m).toMatchObject({
      stage: 'joined',
      certificate: null,
      role_certified_at: '2025-04-10T02:00:00.000Z',
    });
    const down = await outbox(t, {
      template: 'certification.path.software_stage_down',
      partner_account_id: a.id,
    });
    expect(down.length).toBeGreaterThanOrEqual(2);
    expect(new Set(down.map((x) => x.channel))).toEqual(new Set(['email', 'in_app']));
    const history = await as(t, a.token).get('/paths/certificates');
    expect(history.body.items.some((c: { status: string }) => c.status === 'valid')).toBe(false);
    expect(history.body.items.length).toBeGreaterThanOrEqual(2);
    const gone = await as(t, a.token).post('/paths/software/stage-evaluation');
    expect(gone.status).toBe(422);
    expect(gone.body.error_code).toBe('PATH_CRITERIA_NOT_MET');
    // PATH-022: stage joined again, but the account was certified and holds solution records
    const exit = await as(t, a.token).post(`/paths/memberships/${id}/exit`);
    expect(exit.status).toBe(409);
    expect(exit.body.error_code).toBe('PATH_EXIT_BLOCKED');
    expect(exit.body.details.reasons).toEqual([
      'role_certified',
      'differentiated',
      'cloud_software_solution_exists',
      'advanced_cloud_software_solution_exists',
    ]);
  });

  it('PATH-022 / PATH-001 scenario 14 with real records: draft cloud software solution → 409 PATH_EXIT_BLOCKED_BY_SOLUTION; PCE joined through the opportunity module → 409 PATH_EXIT_BLOCKED (program_joined); a real SP member cannot join a path → 409 PROG_PATH_EXCLUSIVE', async () => {
    await travel('2026-06-10T10:00:00+08:00');
    // a software membership at joined with a draft cloud software certification of a real solution
    const sw = await newPartner(t);
    const swMembership = await joinSoftwarePath(t, sw);
    const solutionId = await createSolution(t, sw, { name: 'Draft only' });
    await createCertificationDraft(t, sw, solutionId, 'cloud_software');
    const bySolution = await as(t, sw.token).post(`/paths/memberships/${swMembership}/exit`);
    expect(bySolution.status).toBe(409);
    expect(bySolution.body.error_code).toBe('PATH_EXIT_BLOCKED_BY_SOLUTION');
    expect(bySolution.body.details.reasons).toEqual(['cloud_software_solution_exists']);
    expect((await membership(t, sw, swMembership)).status).toBe('active');
    // tenancy: another partner neither sees nor exits the membership
    const stranger = await newPartner(t);
    const foreign = await as(t, stranger.token).post(`/paths/memberships/${swMembership}/exit`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error_code).toBe('PATH_NOT_FOUND');

    // an account that joined PCE through the opportunity module's enrollment endpoint
    const pce = await newPartner(t);
    const pceMembership = await joinPath(t, pce, 'software');
    const enrolled = await as(t, pce.token).post('/pce/enrollment', {
      agreement_accepted: true,
      update_commitment: true,
    });
    expect(enrolled.status).toBe(201);
    expect(enrolled.body.status).toBe('active');
    const byProgram = await as(t, pce.token).post(`/paths/memberships/${pceMembership}/exit`);
    expect(byProgram.status).toBe(409);
    expect(byProgram.body.error_code).toBe('PATH_EXIT_BLOCKED');
    expect(byProgram.body.details.reasons).toEqual(['program_joined']);
    const joined = await as(t, pce.token).get('/programs/joined');
    expect(joined.status).toBe(200);
    expect(JSON.stringify(joined.body)).toContain('"pce"');
    // PCE does not block joining another path (exclusivity matrix: path ✔ with PCE)
    expect((await as(t, pce.token).post('/paths/memberships', { path: 'service' })).status).toBe(201);

    // a real solution-provider membership: application + operations approval
    const sp = await partner(t);
    const spMembership = await activeSp(t, ops, sp);
    expect(spMembership).toMatchObject({ program: 'solution_provider', status: 'active' });
    const refused = await as(t, sp.token).post('/paths/memberships', { path: 'software' });
    expect(refused.status).toBe(409);
    expect(refused.body.error_code).toBe('PROG_PATH_EXCLUSIVE');
    expect(refused.body.details).toMatchObject({ quick_registration_available: true });
    expect((await as(t, sp.token).get('/paths/memberships')).body.total_count).toBe(0);
  });

  it('PATH-014 / PATH-015 scenario 10 with labels granted by label certification: cn iot + workspace → 422 core_label; database + iot → 201; attestations + approval → CTSP', async () => {
    const v = await newPartner(t);
    const id = await serviceAtRoleCertification(t, v, reviewers, '2026-03-01');
    expect((await membership(t, v, id)).stage).toBe('role_certification');
    const bp = { bp_file_id: 'file-bp', company_ppt_file_id: 'file-ppt' };

    await grantLabel(t, v, 'iot');
    await grantLabel(t, v, 'workspace');
    const noCore = await apply(v, id, { target_stage: 'capability_differentiation', ...bp });
    expect(noCore.status).toBe(422);
    expect(noCore.body.error_code).toBe('PATH_CRITERIA_NOT_MET');
    expect(noCore.body.details.unmet).toEqual([{ criterion: 'core_label', required: 1, actual: 0 }]);

    await revokeLabel(t, v, 'workspace');
    const one = await apply(v, id, { target_stage: 'capability_differentiation', ...bp });
    expect(one.status).toBe(422);
    expect(one.body.details.unmet).toHaveLength(2);
    expect(one.body.details.unmet).toEqual(
      expect.arrayContaining([
        { criterion: 'labels', required: 2, actual: 1 },
        { criterion: 'core_label', required: 1, actual: 0 },
      ]),
    );

    await grantLabel(t, v, 'database');
    const ok = await apply(v, id, { target_stage: 'capability_differentiation', ...bp });
    expect(ok.status).toBe(201);
    expect(ok.body.status).toBe('pending_review');
    expect(ok.body.criteria_snapshot).toMatchObject({ labels: 2, core_labels: 1 });

    const appId = ok.body.id as string;
    const sched = await as(t, pdm.token).post(`/admin/paths/stage-applications/${appId}/bp-review`, {
      bp_review_at: await clockPlus(t, 5 * 86_400_000),
    });
    expect(sched.status).toBe(200);
    expect(sched.body.status).toBe('bp_review_scheduled');
    const attested = await as(t, pdm.token).post(`/admin/paths/stage-applications/${appId}/attestations`, {
      capability_certification: true,
      dedicated_team: true,
      project_practice: true,
      bp_review: true,
    });
    expect(attested.status).toBe(200);
    const approved = await as(t, pdm.token).post(`/admin/paths/stage-applications/${appId}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    const m = await membership(t, v, id);
    expect(m).toMatchObject({ stage: 'capability_differentiation', title: 'CTSP' });
    expect(m.differentiated_at).toEqual(expect.any(String));
  });

  it('PATH-019 / PATH-020 scenarios 11–12 with a real joint offering (partner-led baseline initiated by the PDM) and real labels', async () => {
    const s = await newPartner(t);
    const wl = await as(t, pdm.token).post('/admin/si-whitelist', {
      partner_account_id: s.id,
      reason: 'invited',
    });
    expect(wl.status).toBe(201);
    const id = await joinPath(t, s, 'si');
    const experts = [];
    for (let i = 0; i < 4; i++) experts.push(await siExpert(t, s, reviewers));
    const locks = await as(t, pdm.token).put(`/admin/paths/memberships/${id}/interlocks`, {
      bp_interlocked: true,
      customer_list_interlocked: true,
    });
    expect(locks.status).toBe(200);

    // scenario 11: nothing jointly built and no label yet
    const none = await apply(s, id, { target_stage: 'role_certification' });
    expect(none.status).toBe(422);
    expect(none.body.error_code).toBe('PATH_CRITERIA_NOT_MET');
    expect(none.body.details.unmet).toEqual([{ criterion: 'offerings_or_labels', required: 1, actual: 0 }]);

    const baselineId = await initiatedBaseline(t, s, reviewers);
    const offerings = await as(t, s.token).get('/offerings');
    expect(offerings.body.items).toEqual([
      expect.objectContaining({ offering_id: baselineId, joint_offering_since: '2026-06-10' }),
    ]);
    const role = await apply(s, id, { target_stage: 'role_certification' });
    expect(role.status).toBe(201);
    expect(role.body.criteria_snapshot).toMatchObject({ presales_experts: 4, joint_offerings: 1, labels: 0 });
    expect(
      (await as(t, pdm.token).post(`/admin/paths/stage-applications/${role.body.id}/approve`)).status,
    ).toBe(200);
    expect((await membership(t, s, id)).stage).toBe('role_certification');

    // scenario 12: ten experts, one of them with an HCCDE
    for (let i = 0; i < 5; i++) experts.push(await siExpert(t, s, reviewers));
    experts.push(await siExpert(t, s, reviewers, ['HCCDE']));
    await grantLabel(t, s, 'database');
    const oneLabel = await apply(s, id, { target_stage: 'capability_differentiation' });
    expect(oneLabel.status).toBe(422);
    expect(oneLabel.body.details.unmet).toHaveLength(2);
    expect(oneLabel.body.details.unmet).toEqual(
      expect.arrayContaining([
        { criterion: 'offerings_plus_labels', required: 3, actual: 2 },
        { criterion: 'labels', required: 2, actual: 1 },
      ]),
    );
    await grantLabel(t, s, 'big_data');
    const diff = await apply(s, id, { target_stage: 'capability_differentiation' });
    expect(diff.status).toBe(201);
    expect(diff.body.criteria_snapshot).toMatchObject({
      presales_experts: 10,
      expert_level_holders: 1,
      joint_offerings: 1,
      labels: 2,
    });
  });
});
