/**
 * Development paths (certification-paths.md PATH-001…PATH-024, J-PATH-1…J-PATH-5): acceptance scenarios 1–16
 * over HTTP. Build facts, benefit records, PCE, program memberships and capability labels come from test doubles
 * registered on the app (paths.helpers.ts); people and certificates go through the org module's endpoints.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { readPdfMetadata } from '../../../libs/pdf/index.js';
import {
  MEMBERSHIP_READER,
  type MembershipReader,
  PATH_STAGE_READER,
  type PathStageReader,
} from '../../../src/modules/certification/index.js';
import {
  newAccount,
  newPartner,
  newReviewer,
  onboardingBody,
  PASSWORD,
  type PartnerActor,
  tokenFor,
} from '../../builders/actors.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';
import {
  as,
  type FakeFacts,
  installFakes,
  joinPath,
  link,
  membership,
  newPersonal,
  outbox,
  relogin,
  runJob,
  setClock,
  solutionCertificationChanged,
  specialist,
} from './paths.helpers.js';

describe('development paths (certification-paths.md PATH-*)', () => {
  let t: TestApp;
  let fakes: FakeFacts;
  let pdm: { token: string; id: string; email: string };
  let psa: { token: string; email: string };
  let ops: { token: string; email: string };
  let reviewers: { ops: { token: string }; pdm: { token: string } };
  // shared across the service / SI / annual-review scenarios (the file runs top to bottom)
  let v: PartnerActor;
  let vMembership: string;
  let s: PartnerActor;
  let sMembership: string;
  let sRoleCertifiedAt: string;

  beforeAll(async () => {
    t = await createTestApp();
    await setClock(t, '2025-06-02T10:00:00+08:00');
    fakes = installFakes(t);
    pdm = await newReviewer(t, ['pdm']);
    psa = await newReviewer(t, ['psa']);
    ops = await newReviewer(t, ['operations']);
    reviewers = { ops, pdm };
  });
  afterAll(async () => {
    await t.close();
  });

  /** Clock travel; tokens live 24 h by the clock, so reviewers and the given partners log in again. */
  async function travel(now: string, ...partners: PartnerActor[]): Promise<void> {
    await setClock(t, now);
    for (const r of [pdm, psa, ops]) r.token = await tokenFor(t, { reviewer: r.email, password: PASSWORD });
    for (const p of partners) await relogin(t, p);
  }

  const apply = (p: PartnerActor, membershipId: string, body: Record<string, unknown>) =>
    as(t, p.token).post(`/paths/memberships/${membershipId}/stage-applications`, body);

  async function evidence(
    p: PartnerActor,
    personIds: string[],
  ): Promise<{ caseId: string; proofId: string }> {
    const c = await as(t, p.token).post('/paths/service-cases', {
      title: 'ERP migration',
      customer_name: 'Customer A',
      project_date: '2025-03-01',
      is_huawei_cloud: true,
      description: 'Migration of an ERP system to Huawei Cloud',
    });
    expect(c.status).toBe(201);
    const proof = await as(t, p.token).post('/paths/employment-proofs', {
      file_id: 'file-proof',
      issuer_name: p.companyName,
      covered_personal_account_ids: personIds,
    });
    expect(proof.status).toBe(201);
    return { caseId: c.body.id, proofId: proof.body.id };
  }

  it('PATH-001 / PATH-003 scenario 1: join software → 201 joined; again → 409 PATH_ALREADY_JOINED; service as well → 201', async () => {
    const a = await newPartner(t);
    const res = await as(t, a.token).post('/paths/memberships', { path: 'software' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ path: 'software', status: 'active', stage: 'joined', title: null });
    const again = await as(t, a.token).post('/paths/memberships', { path: 'software' });
    expect(again.status).toBe(409);
    expect(again.body.error_code).toBe('PATH_ALREADY_JOINED');
    expect((await as(t, a.token).post('/paths/memberships', { path: 'service' })).status).toBe(201);
    const list = await as(t, a.token).get('/paths/memberships');
    expect(list.body.total_count).toBe(2);
    expect(list.body.items.map((m: { path: string }) => m.path).sort()).toEqual(['service', 'software']);
    const bad = await as(t, a.token).post('/paths/memberships', { path: 'hardware' });
    expect(bad.status).toBe(400);
    expect(bad.body.error_code).toBe('CERT_FIELD_INVALID');
    // PATH-024: the stage read model other modules use (MEMBERSHIP_READER → the path tables)
    const other = await newPartner(t);
    const foreign = await as(t, other.token).get(`/paths/memberships/${res.body.id}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error_code).toBe('PATH_NOT_FOUND');
  });

  it('PATH-001 scenario 3: an account with a solution-provider membership → 409 PROG_PATH_EXCLUSIVE (quick registration offered); rejected SP does not block', async () => {
    const sp = await newPartner(t);
    fakes.programs.set(sp.id, [
      { program: 'solution_provider', status: 'active', everActive: true, level: 'standard' },
    ]);
    const res = await as(t, sp.token).post('/paths/memberships', { path: 'service' });
    expect(res.status).toBe(409);
    expect(res.body.error_code).toBe('PROG_PATH_EXCLUSIVE');
    expect(res.body.details).toMatchObject({ quick_registration_available: true });
    fakes.programs.set(sp.id, [
      { program: 'cloud_reseller', status: 'expired', everActive: true, level: null },
    ]);
    expect((await as(t, sp.token).post('/paths/memberships', { path: 'lp' })).body.error_code).toBe(
      'PROG_PATH_EXCLUSIVE',
    );
    fakes.programs.set(sp.id, [
      { program: 'solution_provider', status: 'rejected', everActive: false, level: null },
    ]);
    expect((await as(t, sp.token).post('/paths/memberships', { path: 'service' })).status).toBe(201);
  });

  it('PATH-002 scenario 2: SI is invitation only → 403 PATH_SI_INVITATION_ONLY until the PDM whitelists the legal entity; PSA cannot whitelist', async () => {
    const b = await newPartner(t);
    const res = await as(t, b.token).post('/paths/memberships', { path: 'si' });
    expect(res.status).toBe(403);
    expect(res.body.error_code).toBe('PATH_SI_INVITATION_ONLY');
    const denied = await as(t, psa.token).post('/admin/si-whitelist', {
      partner_account_id: b.id,
      reason: 'x',
    });
    expect(denied.status).toBe(403);
    expect(denied.body.error_code).toBe('REVIEWER_ROLE_REQUIRED');
    const noReason = await as(t, pdm.token).post('/admin/si-whitelist', { partner_account_id: b.id });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error_code).toBe('PATH_REASON_REQUIRED');
    const wl = await as(t, pdm.token).post('/admin/si-whitelist', {
      partner_account_id: b.id,
      reason: 'Strong industry position and customer coverage',
    });
    expect(wl.status).toBe(201);
    expect(wl.body.legal_entity_id).toEqual(expect.any(String));
    // the whitelist is per legal entity (Open point 14): another account of the same company may join too
    const sibling = await newAccount(t, { uscc: b.uscc, company_name: b.companyName });
    await t.http
      .post('/api/v1/onboarding/applications')
      .set('X-Auth-Token', sibling.token)
      .send(onboardingBody(sibling));
    const ok = await as(t, b.token).post('/paths/memberships', { path: 'si' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      path: 'si',
      interlocks: { bp_interlocked: false, customer_list_interlocked: false },
    });
    const list = await as(t, pdm.token).get('/admin/si-whitelist');
    expect(
      list.body.items.some((e: { legal_entity_id: string }) => e.legal_entity_id === wl.body.legal_entity_id),
    ).toBe(true);
  });

  it('permissions: a member without certification.path.manage → 403 ORG_PERMISSION_DENIED; with certification.path.view the list is readable; reviewers cannot act as partners', async () => {
    const a = await newPartner(t);
    const role = await as(t, a.token).post('/org/roles', {
      name: `viewer-${randomBytes(3).toString('hex')}`,
      permission_keys: ['certification.path.view'],
    });
    expect(role.status).toBe(201);
    const login = `m${randomBytes(4).toString('hex')}`;
    const m = await as(t, a.token).post('/org/members', {
      login_name: login,
      email: `${login}@example.test`,
      password: PASSWORD,
      role_ids: [role.body.id],
    });
    expect(m.status).toBe(201);
    const token = await tokenFor(t, { account: a.accountName, member: login, password: PASSWORD });
    const join = await as(t, token).post('/paths/memberships', { path: 'software' });
    expect(join.status).toBe(403);
    expect(join.body.error_code).toBe('ORG_PERMISSION_DENIED');
    expect((await as(t, token).get('/paths/memberships')).status).toBe(200);
    expect((await as(t, pdm.token).post('/paths/memberships', { path: 'software' })).status).toBe(403);
    expect((await as(t, a.token).get('/admin/paths/memberships')).status).toBe(403);
    expect((await as(t, psa.token).get('/admin/paths/memberships')).status).toBe(200);
  });

  it('PATH-006 / PATH-007 / PATH-010 / J-PATH-1 scenarios 5–6: the software stage follows the solution certifications; on-demand evaluation; downgrade notified; role_certified_at kept', async () => {
    await travel('2025-04-10T10:00:00+08:00');
    const a = await newPartner(t);
    const id = await joinPath(t, a, 'software');
    const none = await as(t, a.token).post('/paths/software/stage-evaluation');
    expect(none.status).toBe(422);
    expect(none.body.error_code).toBe('PATH_CRITERIA_NOT_MET');
    expect(none.body.details.unmet).toEqual([{ criterion: 'certified_solutions', required: 1, actual: 0 }]);
    const automatic = await apply(a, id, { target_stage: 'role_certification' });
    expect(automatic.status).toBe(409);
    expect(automatic.body.error_code).toBe('PATH_STAGE_AUTOMATIC');

    const cs = {
      solutionId: 'sol-1',
      certificationId: 'cert-1',
      certificationType: 'cloud_software' as const,
      certifiedOn: '2025-04-10',
      validUntil: '2026-04-09',
    };
    fakes.certs.set(a.id, [cs]);
    await solutionCertificationChanged(t, a.id, cs);
    let m = await membership(t, a, id);
    expect(m).toMatchObject({
      stage: 'role_certification',
      title: 'Cloud Software Partner',
      certificate_valid_to: '2026-04-09',
    });
    expect(m.role_certified_at).toBe('2025-04-10T02:00:00.000Z');

    await travel('2025-05-01T10:00:00+08:00', a);
    const adv = {
      ...cs,
      solutionId: 'sol-2',
      certificationId: 'cert-2',
      certificationType: 'advanced_cloud_software' as const,
      certifiedOn: '2025-05-01',
      validUntil: '2026-04-30',
    };
    fakes.certs.set(a.id, [cs, adv]);
    await solutionCertificationChanged(t, a.id, adv);
    m = await membership(t, a, id);
    expect(m).toMatchObject({
      stage: 'capability_differentiation',
      title: 'Advanced Cloud Software Partner',
    });
    const evaluated = await as(t, a.token).post('/paths/software/stage-evaluation');
    expect(evaluated.status).toBe(200);
    expect(evaluated.body).toMatchObject({ stage: 'capability_differentiation', valid_certifications: 2 });

    await travel('2026-04-15T00:20:00+08:00', a);
    await runJob(t, 'J-PATH-1');
    m = await membership(t, a, id);
    expect(m).toMatchObject({ stage: 'capability_differentiation', certificate_valid_to: '2026-04-30' });

    await travel('2026-05-01T00:20:00+08:00', a);
    await runJob(t, 'J-PATH-1');
    m = await membership(t, a, id);
    expect(m).toMatchObject({
      stage: 'joined',
      certificate: null,
      role_certified_at: '2025-04-10T02:00:00.000Z',
    });
    const msgs = await outbox(t, {
      template: 'certification.path.software_stage_down',
      partner_account_id: a.id,
    });
    expect(msgs.map((x) => x.channel).sort()).toEqual(['email', 'in_app']);
    const certs = await as(t, a.token).get('/paths/certificates');
    expect(certs.body.items.map((c: { status: string }) => c.status).sort()).toEqual(['expired', 'revoked']);

    // PATH-022 scenario 14 (first case): stage fell back to joined but role_certified_at is set
    const exit = await as(t, a.token).post(`/paths/memberships/${id}/exit`);
    expect(exit.status).toBe(409);
    expect(exit.body.error_code).toBe('PATH_EXIT_BLOCKED');
    expect(exit.body.details.reasons).toEqual(['role_certified', 'differentiated']);
  });

  it('PATH-004 / PATH-005 / PATH-011 / PATH-012 / PATH-013 scenarios 7–9: service role application with people, case and employment proof', async () => {
    await travel('2025-09-01T10:00:00+08:00');
    v = await newPartner(t);
    vMembership = await joinPath(t, v, 'service');
    const skip = await apply(v, vMembership, { target_stage: 'capability_differentiation' });
    expect(skip.status).toBe(422);
    expect(skip.body.error_code).toBe('PATH_STAGE_SKIP_NOT_ALLOWED');
    expect(skip.body.error_msg).toBe(
      'Pass role certification before applying for capability differentiation.',
    );

    const p1 = await specialist(t, v, 'service', [{ family: 'HCCDA' }], reviewers);
    const p2 = await specialist(t, v, 'service', [{ family: 'HCCDA' }], reviewers);
    const p3 = await specialist(t, v, 'service', [{ family: 'HCCDP' }], reviewers);

    const oldCase = await as(t, v.token).post('/paths/service-cases', {
      title: 'Old project',
      customer_name: 'Customer O',
      project_date: '2024-08-15',
      is_huawei_cloud: true,
      description: 'An older project',
    });
    expect(oldCase.status).toBe(201);
    const noUrl = await as(t, v.token).post('/paths/service-cases', {
      title: 'Other cloud',
      customer_name: 'Customer N',
      project_date: '2025-03-01',
      is_huawei_cloud: false,
      description: 'Not on Huawei Cloud',
    });
    expect(noUrl.status).toBe(422);
    expect(noUrl.body.error_code).toBe('PATH_CASE_PUBLIC_URL_REQUIRED');
    expect(noUrl.body.error_msg).toBe('Non-Huawei-Cloud cases must be publicly published.');
    const mismatch = await as(t, v.token).post('/paths/employment-proofs', {
      file_id: 'file-x',
      issuer_name: `${v.companyName}（北京）`,
      covered_personal_account_ids: [p1.id],
    });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.error_code).toBe('PATH_EMPLOYMENT_PROOF_ISSUER_MISMATCH');
    const { caseId, proofId } = await evidence(v, [p1.id, p2.id, p3.id]);

    // three persons: certified_persons 4 / 3
    const three = await apply(v, vMembership, {
      target_stage: 'role_certification',
      case_ids: [caseId],
      employment_proof_ids: [proofId],
    });
    expect(three.status).toBe(422);
    expect(three.body.error_code).toBe('PATH_CRITERIA_NOT_MET');
    expect(three.body.details.unmet).toContainEqual({
      criterion: 'certified_persons',
      required: 4,
      actual: 3,
    });

    const p4 = await specialist(t, v, 'service', [{ family: 'HCIP' }], reviewers);
    const tooOld = await apply(v, vMembership, {
      target_stage: 'role_certification',
      case_ids: [oldCase.body.id],
      employment_proof_ids: [proofId],
    });
    expect(tooOld.status).toBe(422);
    expect(tooOld.body.error_code).toBe('PATH_CASE_TOO_OLD');
    expect(tooOld.body.error_msg).toBe('The case must be from the last 12 months.');
    const uncovered = await apply(v, vMembership, {
      target_stage: 'role_certification',
      case_ids: [caseId],
      employment_proof_ids: [proofId],
    });
    expect(uncovered.status).toBe(422);
    expect(uncovered.body.error_code).toBe('PATH_EMPLOYMENT_PROOF_MISSING');
    expect(uncovered.body.details.personal_account_ids).toEqual([p4.id]);
    const p4proof = await as(t, v.token).post('/paths/employment-proofs', {
      file_id: 'file-p4',
      issuer_name: v.companyName,
      covered_personal_account_ids: [p4.id],
    });
    const ok = await apply(v, vMembership, {
      target_stage: 'role_certification',
      case_ids: [caseId],
      employment_proof_ids: [proofId, p4proof.body.id],
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ status: 'pending_review', target_stage: 'role_certification' });
    expect(ok.body.criteria_snapshot).toMatchObject({ certified_persons: 4, working_level_persons: 2 });
    const second = await apply(v, vMembership, { target_stage: 'role_certification', case_ids: [caseId] });
    expect(second.status).toBe(409);
    expect(second.body.error_code).toBe('PATH_APPLICATION_PENDING');
    const foreign = await as(t, (await newPartner(t)).token).post(
      `/paths/stage-applications/${ok.body.id}/withdraw`,
    );
    expect(foreign.status).toBe(404);
    expect(
      (await as(t, psa.token).post(`/admin/paths/stage-applications/${ok.body.id}/approve`)).status,
    ).toBe(403);
    const approved = await as(t, pdm.token).post(`/admin/paths/stage-applications/${ok.body.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    const m = await membership(t, v, vMembership);
    expect(m).toMatchObject({ stage: 'role_certification', certificate_valid_to: '2026-01-31' });
    expect(
      (await outbox(t, { template: 'certification.path.stage_application_approved', to: v.id })).length,
    ).toBe(1);
  });

  it('PATH-011 / PATH-018 scenario 7: four persons of whom only entry level (HCIA uploaded, HCCDA synced from the academy — both count) → working_level_persons 2/0; four HCIP holders → 201', async () => {
    await travel('2025-09-01T10:00:00+08:00');
    const entry = await newPartner(t);
    const id = await joinPath(t, entry, 'service');
    const people = [];
    for (const family of ['HCCDA', 'HCCDA', 'HCCDA', 'HCIA'])
      people.push(await specialist(t, entry, 'service', [{ family }], reviewers));
    const ev = await evidence(
      entry,
      people.map((p) => p.id),
    );
    const res = await apply(entry, id, {
      target_stage: 'role_certification',
      case_ids: [ev.caseId],
      employment_proof_ids: [ev.proofId],
    });
    expect(res.status).toBe(422);
    expect(res.body.details.unmet).toEqual([{ criterion: 'working_level_persons', required: 2, actual: 0 }]);
    expect(res.body.details.criteria).toMatchObject({ certified_persons: 4, working_level_persons: 0 });

    const hcip = await newPartner(t);
    const id2 = await joinPath(t, hcip, 'service');
    const ps = [];
    for (let i = 0; i < 4; i++)
      ps.push(await specialist(t, hcip, 'service', [{ family: 'HCIP' }], reviewers));
    const ev2 = await evidence(
      hcip,
      ps.map((p) => p.id),
    );
    const ok = await apply(hcip, id2, {
      target_stage: 'role_certification',
      case_ids: [ev2.caseId],
      employment_proof_ids: [ev2.proofId],
    });
    expect(ok.status).toBe(201);
    // reject needs a reason (400 PATH_REASON_REQUIRED), then the partner is notified
    const blank = await as(t, pdm.token).post(`/admin/paths/stage-applications/${ok.body.id}/reject`, {
      reason: ' ',
    });
    expect(blank.status).toBe(400);
    expect(blank.body.error_code).toBe('PATH_REASON_REQUIRED');
    const rej = await as(t, pdm.token).post(`/admin/paths/stage-applications/${ok.body.id}/reject`, {
      reason: 'Too few cloud-migration opportunities',
    });
    expect(rej.status).toBe(200);
    expect(rej.body).toMatchObject({
      status: 'rejected',
      reject_reason: 'Too few cloud-migration opportunities',
    });
    expect(
      (await outbox(t, { template: 'certification.path.stage_application_rejected', to: hcip.id })).length,
    ).toBe(1);
    // withdraw: a new application can be withdrawn by the partner
    const again = await apply(hcip, id2, { target_stage: 'role_certification', case_ids: [ev2.caseId] });
    expect(again.status).toBe(201);
    const w = await as(t, hcip.token).post(`/paths/stage-applications/${again.body.id}/withdraw`);
    expect(w.status).toBe(200);
    expect(w.body.status).toBe('withdrawn');
  });

  it('PATH-014 / PATH-015 scenario 10: service differentiation labels, BP materials, BP review, attestations → CTSP', async () => {
    await travel('2025-09-10T10:00:00+08:00', v);
    fakes.labels.set(v.id, ['iot', 'workspace']);
    const bp = { bp_file_id: 'file-bp', company_ppt_file_id: 'file-ppt' };
    const noCore = await apply(v, vMembership, { target_stage: 'capability_differentiation', ...bp });
    expect(noCore.status).toBe(422);
    expect(noCore.body.details.unmet).toEqual([{ criterion: 'core_label', required: 1, actual: 0 }]);
    fakes.labels.set(v.id, ['database']);
    const one = await apply(v, vMembership, { target_stage: 'capability_differentiation', ...bp });
    expect(one.status).toBe(422);
    expect(one.body.details.unmet).toEqual([{ criterion: 'labels', required: 2, actual: 1 }]);
    fakes.labels.set(v.id, ['database', 'iot']);
    const noFiles = await apply(v, vMembership, {
      target_stage: 'capability_differentiation',
      bp_file_id: 'file-bp',
    });
    expect(noFiles.status).toBe(422);
    expect(noFiles.body.error_code).toBe('PATH_BP_MATERIALS_MISSING');
    const ok = await apply(v, vMembership, { target_stage: 'capability_differentiation', ...bp });
    expect(ok.status).toBe(201);
    expect(ok.body.required_attestations).toEqual([
      'capability_certification',
      'dedicated_team',
      'project_practice',
      'bp_review',
    ]);
    const sched = await as(t, pdm.token).post(`/admin/paths/stage-applications/${ok.body.id}/bp-review`, {
      bp_review_at: '2025-09-20T10:00:00+08:00',
    });
    expect(sched.status).toBe(200);
    expect(sched.body).toMatchObject({
      status: 'bp_review_scheduled',
      bp_review_at: '2025-09-20T02:00:00.000Z',
    });
    // StageApplication state table: the partner withdraws only while `pending_review`
    const lateWithdraw = await as(t, v.token).post(`/paths/stage-applications/${ok.body.id}/withdraw`);
    expect(lateWithdraw.status).toBe(409);
    expect(lateWithdraw.body.error_code).toBe('STATE_TRANSITION_INVALID');
    const partial = await as(t, pdm.token).post(
      `/admin/paths/stage-applications/${ok.body.id}/attestations`,
      {
        capability_certification: true,
        dedicated_team: true,
        project_practice: true,
        bp_review: false,
      },
    );
    expect(partial.status).toBe(200);
    const missing = await as(t, pdm.token).post(`/admin/paths/stage-applications/${ok.body.id}/approve`);
    expect(missing.status).toBe(422);
    expect(missing.body.error_code).toBe('PATH_ATTESTATION_MISSING');
    expect(missing.body.details.missing).toEqual(['bp_review']);
    await as(t, pdm.token).post(`/admin/paths/stage-applications/${ok.body.id}/attestations`, {
      bp_review: true,
    });
    const approved = await as(t, pdm.token).post(`/admin/paths/stage-applications/${ok.body.id}/approve`);
    expect(approved.status).toBe(200);
    const m = await membership(t, v, vMembership);
    expect(m).toMatchObject({
      stage: 'capability_differentiation',
      title: 'CTSP',
      certificate_valid_to: '2026-01-31',
    });
    expect(m.differentiated_at).toBe('2025-09-10T02:00:00.000Z');
  });

  it('PATH-019 / PATH-020 scenarios 11–12: SI role (interlocks, pre-sales experts, offerings or labels) and differentiation', async () => {
    await travel('2025-09-15T10:00:00+08:00');
    s = await newPartner(t);
    expect(
      (await as(t, pdm.token).post('/admin/si-whitelist', { partner_account_id: s.id, reason: 'invited' }))
        .status,
    ).toBe(201);
    sMembership = await joinPath(t, s, 'si');
    const expertCerts = [{ family: 'HCSP' }, { family: 'HCIP', track: 'Cloud Service Solutions Architect' }];
    const experts = [];
    for (let i = 0; i < 4; i++) experts.push(await specialist(t, s, 'si', expertCerts, reviewers));
    fakes.labels.set(s.id, ['database']);
    const noLocks = await apply(s, sMembership, { target_stage: 'role_certification' });
    expect(noLocks.status).toBe(422);
    expect(noLocks.body.details.unmet).toEqual([
      { criterion: 'bp_interlock', required: true, actual: false },
      { criterion: 'customer_list_interlock', required: true, actual: false },
    ]);
    expect(
      (
        await as(t, psa.token).put(`/admin/paths/memberships/${sMembership}/interlocks`, {
          bp_interlocked: true,
        })
      ).status,
    ).toBe(403);
    const half = await as(t, pdm.token).put(`/admin/paths/memberships/${sMembership}/interlocks`, {
      bp_interlocked: false,
      customer_list_interlocked: true,
    });
    expect(half.status).toBe(200);
    const bpOnly = await apply(s, sMembership, { target_stage: 'role_certification' });
    expect(bpOnly.body.details.unmet).toEqual([{ criterion: 'bp_interlock', required: true, actual: false }]);
    await as(t, pdm.token).put(`/admin/paths/memberships/${sMembership}/interlocks`, {
      bp_interlocked: true,
    });
    const ok = await apply(s, sMembership, { target_stage: 'role_certification' });
    expect(ok.status).toBe(201);
    expect(ok.body.criteria_snapshot).toMatchObject({ presales_experts: 4, labels: 1 });
    expect(
      (await as(t, pdm.token).post(`/admin/paths/stage-applications/${ok.body.id}/approve`)).status,
    ).toBe(200);
    const sm = await membership(t, s, sMembership);
    expect(sm.stage).toBe('role_certification');
    sRoleCertifiedAt = sm.role_certified_at as string;
    expect(sRoleCertifiedAt).toEqual(expect.stringMatching(/^2025-09-15T/));

    // scenario 12: 10 experts, none with HCIE/HCCDE
    for (let i = 0; i < 6; i++) experts.push(await specialist(t, s, 'si', expertCerts, reviewers));
    fakes.labels.set(s.id, ['database', 'big_data']);
    fakes.offerings.set(s.id, [
      {
        offeringId: 'o1',
        partnerAccountId: s.id,
        offeringType: 'partner_led_baseline',
        jointOfferingSince: '2025-05-01',
        jointOperationListed: false,
        countsForPceAssessment: true,
      },
    ]);
    const noExpert = await apply(s, sMembership, { target_stage: 'capability_differentiation' });
    expect(noExpert.status).toBe(422);
    expect(noExpert.body.details.unmet).toEqual([
      { criterion: 'expert_level_holder', required: 1, actual: 0 },
    ]);
    // one of them obtains an HCCDE (academy sync)
    const e0 = experts[0];
    await t.http.put('/api/v1/admin/test/fakes/academy').send({
      huawei_cloud_account_id: e0.huaweiCloudAccountId,
      certificates: [
        {
          family: 'HCCDE',
          track: 'Solution Architectures',
          certificate_no: `DE-${e0.tenant}`,
          issued_on: '2025-01-01',
          valid_to: '2028-01-01',
        },
      ],
    });
    expect((await as(t, e0.token).post('/org/my-certificates/sync')).status).toBeLessThan(300);
    fakes.labels.set(s.id, ['database']);
    fakes.offerings.set(s.id, [
      ...fakes.offerings.get(s.id)!,
      { ...fakes.offerings.get(s.id)![0], offeringId: 'o2' },
    ]);
    const oneLabel = await apply(s, sMembership, { target_stage: 'capability_differentiation' });
    expect(oneLabel.status).toBe(422);
    expect(oneLabel.body.details.unmet).toEqual([{ criterion: 'labels', required: 2, actual: 1 }]);
    fakes.labels.set(s.id, ['database', 'big_data']);
    fakes.offerings.set(s.id, fakes.offerings.get(s.id)!.slice(0, 1));
    const diff = await apply(s, sMembership, { target_stage: 'capability_differentiation' });
    expect(diff.status).toBe(201);
    expect(diff.body.criteria_snapshot).toMatchObject({
      presales_experts: 10,
      expert_level_holders: 1,
      joint_offerings: 1,
      labels: 2,
    });
  });

  it('PATH-021: LP stages are approved on the reviewer attestation only', async () => {
    const lp = await newPartner(t);
    const id = await joinPath(t, lp, 'lp');
    const app = await apply(lp, id, { target_stage: 'role_certification' });
    expect(app.status).toBe(201);
    expect(app.body.required_attestations).toEqual(['lp_review']);
    const missing = await as(t, pdm.token).post(`/admin/paths/stage-applications/${app.body.id}/approve`);
    expect(missing.status).toBe(422);
    expect(missing.body.error_code).toBe('PATH_ATTESTATION_MISSING');
    await as(t, pdm.token).post(`/admin/paths/stage-applications/${app.body.id}/attestations`, {
      lp_review: true,
    });
    expect(
      (await as(t, pdm.token).post(`/admin/paths/stage-applications/${app.body.id}/approve`)).status,
    ).toBe(200);
    expect((await membership(t, lp, id)).stage).toBe('role_certification');
  });

  it('PATH-008 / PATH-024: other modules read the stage from the path tables (PathStageReader, MEMBERSHIP_READER) — active software membership until the exit', async () => {
    const a = await newPartner(t);
    const reader = t.app.get<PathStageReader>(PATH_STAGE_READER);
    expect(await reader.hasActiveMembership(a.id, 'software')).toBe(false);
    const id = await joinPath(t, a, 'software');
    expect(await reader.hasActiveMembership(a.id, 'software')).toBe(true);
    expect(await reader.stageOf(a.id, 'software')).toBe('joined');
    const views = await t.app.get<MembershipReader>(MEMBERSHIP_READER).pathMemberships(a.id);
    expect(views).toEqual([{ path: 'software', status: 'active', stage: 'joined' }]);
    expect((await as(t, a.token).post(`/paths/memberships/${id}/exit`)).status).toBe(200);
    expect(await reader.hasActiveMembership(a.id, 'software')).toBe(false);
  });

  it('PATH-022 / PATH-023 scenario 13: exit at joined without records → 200 exited, the pending specialist application of the path is cancelled; exit again → 409 PATH_NOT_ACTIVE; re-joining creates a new membership', async () => {
    const e = await newPartner(t);
    const id = await joinPath(t, e, 'software');
    const person = await newPersonal(t);
    await link(t, e, person);
    const spec = await as(t, e.token).post('/org/specialists', {
      personal_account_id: person.id,
      path: 'software',
      employment_proof_file_id: 'f',
    });
    expect(spec.status).toBe(201);
    const other = await newPartner(t);
    expect((await as(t, other.token).post(`/paths/memberships/${id}/exit`)).status).toBe(404);
    const exit = await as(t, e.token).post(`/paths/memberships/${id}/exit`, {});
    expect(exit.status).toBe(200);
    expect(exit.body).toMatchObject({ status: 'exited', stage: 'joined', exited_by: e.id });
    const after = await as(t, e.token).get(`/org/specialists/${spec.body.id}`);
    expect(after.body.status).toBe('cancelled');
    const again = await as(t, e.token).post(`/paths/memberships/${id}/exit`);
    expect(again.status).toBe(409);
    expect(again.body.error_code).toBe('PATH_NOT_ACTIVE');
    const rejoin = await as(t, e.token).post('/paths/memberships', { path: 'software' });
    expect(rejoin.status).toBe(201);
    expect(rejoin.body.id).not.toBe(id);
  });

  it('PATH-022 scenario 14: blocking reasons and their error codes (solution, benefit, program)', async () => {
    const sw = await newPartner(t);
    const swId = await joinPath(t, sw, 'software');
    fakes.solutionRecords.set(sw.id, new Set(['cloud_software']));
    fakes.benefits.set(sw.id, new Set(['test_voucher']));
    const bySolution = await as(t, sw.token).post(`/paths/memberships/${swId}/exit`);
    expect(bySolution.status).toBe(409);
    expect(bySolution.body.error_code).toBe('PATH_EXIT_BLOCKED_BY_SOLUTION');
    expect(bySolution.body.details.reasons).toEqual([
      'cloud_software_solution_exists',
      'test_voucher_exists',
    ]);

    const sv = await newPartner(t);
    const svId = await joinPath(t, sv, 'service');
    fakes.benefits.set(sv.id, new Set(['delivery_support']));
    const byBenefit = await as(t, sv.token).post(`/paths/memberships/${svId}/exit`);
    expect(byBenefit.status).toBe(409);
    expect(byBenefit.body.error_code).toBe('PATH_EXIT_BLOCKED_BY_BENEFIT');
    expect(byBenefit.body.details.reasons).toEqual(['delivery_support_exists']);

    const pce = await newPartner(t);
    const pceId = await joinPath(t, pce, 'software');
    fakes.pce.add(pce.id);
    const byProgram = await as(t, pce.token).post(`/paths/memberships/${pceId}/exit`);
    expect(byProgram.status).toBe(409);
    expect(byProgram.body.error_code).toBe('PATH_EXIT_BLOCKED');
    expect(byProgram.body.details.reasons).toContain('program_joined');
  });

  it('PATH-017 / J-PATH-2 / J-PATH-3 / J-PATH-4 / J-PATH-5 scenarios 15–16: annual review renewal and a missed review', async () => {
    await travel('2025-11-30T10:00:00+08:00', v, s);
    const early = await runJob(t, 'J-PATH-2');
    expect(early.body.summary).toMatchObject({ opened: 0 });
    await travel('2025-12-01T00:00:00+08:00', v, s);
    const opened = await runJob(t, 'J-PATH-2');
    expect(opened.body.summary.opened).toBeGreaterThanOrEqual(2);
    expect((await runJob(t, 'J-PATH-2')).body.summary.opened).toBe(0);
    const vReviews = await as(t, v.token).get('/paths/annual-reviews');
    expect(vReviews.body.items).toHaveLength(1);
    const vReview = vReviews.body.items[0];
    expect(vReview).toMatchObject({ status: 'open', cycle_year: 2025, deadline: '2025-12-31T15:59:59.999Z' });
    const notice = await outbox(t, {
      template: 'certification.path.annual_review_opened',
      partner_account_id: v.id,
    });
    expect(notice.map((n) => n.channel).sort()).toEqual(['email', 'in_app', 'sms']);
    const sReview = (await as(t, s.token).get('/paths/annual-reviews')).body.items[0];

    await travel('2025-12-20T10:00:00+08:00', v, s);
    const foreign = await as(t, s.token).post(`/paths/annual-reviews/${vReview.id}/submission`, {
      materials: {},
    });
    expect(foreign.status).toBe(404);
    const sub = await as(t, v.token).post(`/paths/annual-reviews/${vReview.id}/submission`, {
      materials: { cases: ['case-2025'] },
      file_ids: ['file-review'],
    });
    expect(sub.status).toBe(201);
    expect(sub.body.status).toBe('submitted');

    await travel('2025-12-24T09:00:00+08:00', v, s);
    const remind = await runJob(t, 'J-PATH-3');
    expect(remind.body.summary.reminded).toBeGreaterThanOrEqual(1);
    expect(remind.body.summary.missed).toBe(0);
    expect(
      (await outbox(t, { template: 'certification.path.annual_review_reminder', to: s.id })).length,
    ).toBe(1);

    await travel('2026-01-01T09:00:00+08:00', v, s);
    const close = await runJob(t, 'J-PATH-3');
    expect(close.body.summary.missed).toBeGreaterThanOrEqual(1);
    expect((await as(t, s.token).get('/paths/annual-reviews')).body.items[0].status).toBe('missed');
    expect((await as(t, v.token).get('/paths/annual-reviews')).body.items[0].status).toBe('submitted');
    const late = await as(t, s.token).post(`/paths/annual-reviews/${sReview.id}/submission`, {
      materials: {},
    });
    expect(late.status).toBe(409);
    expect(late.body.error_code).toBe('PATH_REVIEW_NOT_OPEN');
    expect(late.body.error_msg).toBe('The review submission period is closed.');

    await travel('2026-01-20T10:00:00+08:00', v, s);
    expect(
      (
        await as(t, psa.token).post(`/admin/paths/annual-reviews/${vReview.id}/decision`, {
          result: 'passed',
        })
      ).status,
    ).toBe(403);
    const decided = await as(t, pdm.token).post(`/admin/paths/annual-reviews/${vReview.id}/decision`, {
      result: 'passed',
    });
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('passed');

    await travel('2026-01-31T02:00:00+08:00', v, s);
    await runJob(t, 'J-PATH-4');
    expect((await membership(t, v, vMembership)).certificate_valid_to).toBe('2027-01-31');

    await travel('2026-02-01T00:05:00+08:00', v, s);
    await runJob(t, 'J-PATH-5');
    const sm = await membership(t, s, sMembership);
    expect(sm).toMatchObject({
      stage: 'joined',
      certificate: null,
      role_certified_at: sRoleCertifiedAt,
    });
    const sCerts = await as(t, s.token).get('/paths/certificates');
    expect(sCerts.body.items[0].status).toBe('expired');
    expect((await membership(t, v, vMembership)).stage).toBe('capability_differentiation');
    const blocked = await as(t, s.token).post(`/paths/memberships/${sMembership}/exit`);
    expect(blocked.status).toBe(409);
    expect(blocked.body.details.reasons).toContain('role_certified');
  });

  it('PATH-016: the PDM cancels a certification (reason required) → stage joined, certificate revoked, partner notified; certificate download as PDF', async () => {
    const certs = await as(t, v.token).get('/paths/certificates');
    const valid = certs.body.items.find((c: { status: string }) => c.status === 'valid');
    // certificate numbers come from a gap-free sequence per year (libs/persistence nextSequenceValue)
    expect(valid.certificate_no).toMatch(/^PC-20\d{2}-\d{6}$/);
    const file = await as(t, v.token).get(`/paths/certificates/${valid.id}/download`).buffer(true);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toContain('application/pdf');
    const meta = readPdfMetadata(file.body as Buffer);
    expect(meta).toMatchObject({
      path: 'service',
      stage: 'capability_differentiation',
      valid_to: '2027-01-31',
      title: 'CTSP',
    });
    expect((await as(t, s.token).get(`/paths/certificates/${valid.id}/download`)).status).toBe(404);

    const noReason = await as(t, pdm.token).post(
      `/admin/paths/memberships/${vMembership}/cancel-certification`,
      {},
    );
    expect(noReason.status).toBe(400);
    expect(noReason.body.error_code).toBe('PATH_REASON_REQUIRED');
    const done = await as(t, pdm.token).post(`/admin/paths/memberships/${vMembership}/cancel-certification`, {
      reason: 'Periodic review failed: no Huawei Cloud cases',
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ stage: 'joined', certificate: null });
    const after = await as(t, v.token).get('/paths/certificates');
    expect(after.body.items.find((c: { id: string }) => c.id === valid.id).status).toBe('revoked');
    expect(
      (await outbox(t, { template: 'certification.path.certification_cancelled', to: v.id })).length,
    ).toBe(1);
  });
});
