/**
 * Baseline solutions (FAQ 8.3, 2, page 003; build.md BUILD-020…BUILD-030): creation conditions, initiation with
 * OBP guide and verified feature list, PDM initial review and review meeting, CSBI solution ID, joint stages,
 * launch application / rejection / resubmission / launch, termination, the `Offering` view, the meeting
 * reminder, permissions and tenancy. Acceptance scenarios 13–16 of build.md.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import {
  newAccount,
  newPartner,
  newReviewer,
  PASSWORD,
  type PartnerActor,
  tokenFor,
} from '../../builders/actors.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';

describe('baseline solutions (build.md BUILD-020…BUILD-030)', () => {
  let t: TestApp;
  let p1: PartnerActor;
  let p2: PartnerActor;
  let pdm: { id: string; email: string; token: string };
  let psa: { id: string; email: string; token: string };
  let expert: { id: string; email: string; token: string };

  const as = (token: string) => ({
    get: (path: string) => t.http.get(`/api/v1${path}`).set('X-Auth-Token', token),
    post: (path: string, body: object = {}) =>
      t.http.post(`/api/v1${path}`).set('X-Auth-Token', token).send(body),
    put: (path: string, body: object = {}) =>
      t.http.put(`/api/v1${path}`).set('X-Auth-Token', token).send(body),
    patch: (path: string, body: object = {}) =>
      t.http.patch(`/api/v1${path}`).set('X-Auth-Token', token).send(body),
  });
  let now = '2025-04-01T10:00:00+08:00';
  const setClock = async (at: string) => {
    expect((await t.http.put('/api/v1/admin/test/clock').send({ now: at })).status).toBe(200);
  };
  /** Time only moves forward; tokens live 24 hours, so every actor logs in again after a jump. */
  const travel = async (to: string) => {
    now = to;
    await setClock(to);
    for (const p of [p1, p2]) p.token = await tokenFor(t, { account: p.accountName, password: PASSWORD });
    for (const r of [pdm, psa, expert])
      r.token = await tokenFor(t, { reviewer: r.email, password: PASSWORD });
  };
  const outbox = async (q: Record<string, string>) => {
    const res = await t.http.get('/api/v1/admin/test/outbox').query(q);
    expect(res.status).toBe(200);
    return res.body.items as Array<{ channel: string; to: string; template: string; body: string }>;
  };

  const responsibilities = () => ({
    presales: { owner_name: 'Wang Wu', resources: '3 presales consultants' },
    delivery: { owner_name: 'Zhao Liu', resources: '10 delivery engineers' },
    operations_maintenance: { owner_name: 'Sun Qi', resources: '24x7 O&M team' },
    operations: { owner_name: 'Zhou Ba', resources: 'marketing team' },
  });
  const fullBody = (extra: Record<string, unknown> = {}) => ({
    name: `Smart Factory ${randomBytes(2).toString('hex')}`,
    industry_scenario: 'manufacturing / smart factory',
    responsibilities: responsibilities(),
    obp_initiation_guide_file_id: `file-obp-${randomBytes(3).toString('hex')}`,
    feature_list_file_id: `file-features-${randomBytes(3).toString('hex')}`,
    ...extra,
  });

  async function draft(partner: PartnerActor = p1, extra: Record<string, unknown> = {}): Promise<string> {
    const res = await as(partner.token).post('/baseline-solutions', fullBody(extra));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      stage: 'draft',
      lead_type: 'partner_led',
      feature_list_verified: false,
    });
    return res.body.id as string;
  }

  const admin = (token: string, id: string, action: string, body: object = {}) =>
    as(token).post(`/admin/baseline-solutions/${id}/${action}`, body);
  /** a review meeting 9 days after the current test time */
  const meeting = () => ({
    scheduled_at: new Date(Date.parse(now) + 9 * 86_400_000).toISOString(),
    meeting_link: 'https://meet.example.test/b',
  });

  /** Drives a fresh partner-led baseline to `stage` through the real endpoints. */
  async function baselineAt(stage: string, partner: PartnerActor = p1): Promise<string> {
    const id = await draft(partner);
    const steps: Array<[string, () => Promise<{ status: number; body: Record<string, unknown> }>]> = [
      ['draft', async () => admin(psa.token, id, 'verify-feature-list')],
      [
        'initiation_submitted',
        async () => as(partner.token).post(`/baseline-solutions/${id}/submit-initiation`),
      ],
      [
        'initiation_meeting_scheduled',
        async () => admin(pdm.token, id, 'initial-review', { result: 'pass', ...meeting(), psa_id: psa.id }),
      ],
      ['initiated', async () => admin(pdm.token, id, 'meeting-review', { result: 'pass' })],
      [
        'design_verification',
        async () => {
          const code = await as(pdm.token).put(`/admin/baseline-solutions/${id}/solution-code`, {
            solution_code: 'SOL-2025-0001',
          });
          expect(code.status).toBe(200);
          return admin(pdm.token, id, 'advance', { to: 'design_verification' });
        },
      ],
      [
        'configurator_development',
        async () => admin(psa.token, id, 'advance', { to: 'configurator_development' }),
      ],
      ['public_beta', async () => admin(psa.token, id, 'advance', { to: 'public_beta' })],
      [
        'launch_submitted',
        async () =>
          as(partner.token).post(`/baseline-solutions/${id}/submit-launch`, {
            materials: [{ material_type: 'pricing_sheet', file_id: `file-price-${id.slice(0, 6)}` }],
          }),
      ],
      ['launched', async () => admin(pdm.token, id, 'launch-review', { result: 'pass' })],
    ];
    for (const [name, step] of steps) {
      if (name === 'draft' && stage === 'draft') break;
      const res = await step();
      expect([res.status, res.body.error_code ?? name]).toEqual([200, name]);
      if (res.body.stage === stage) break;
    }
    const got = await as(partner.token).get(`/baseline-solutions/${id}`);
    expect(got.body.stage).toBe(stage);
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_PER_SECOND: '100000' });
    await setClock(now);
    p1 = await newPartner(t);
    p2 = await newPartner(t);
    pdm = await newReviewer(t, ['pdm']);
    psa = await newReviewer(t, ['psa']);
    expert = await newReviewer(t, ['expert']);
  });
  afterAll(async () => {
    await t.close();
  });

  it('BUILD-020 a not-onboarded account → 422 BASELINE_PARTNER_NOT_ONBOARDED; a missing responsibility → 400 BASELINE_RESPONSIBILITIES_INCOMPLETE; complete → draft', async () => {
    const fresh = await newAccount(t);
    const notOnboarded = await as(fresh.token).post('/baseline-solutions', fullBody());
    expect([notOnboarded.status, notOnboarded.body.error_code]).toEqual([
      422,
      'BASELINE_PARTNER_NOT_ONBOARDED',
    ]);
    expect(notOnboarded.body.error_msg).toBe('Only onboarded partners can create baseline solutions.');

    const r = responsibilities() as Record<string, unknown>;
    r.operations = { owner_name: 'Zhou Ba', resources: '  ' };
    const incomplete = await as(p1.token).post('/baseline-solutions', fullBody({ responsibilities: r }));
    expect([incomplete.status, incomplete.body.error_code]).toEqual([
      400,
      'BASELINE_RESPONSIBILITIES_INCOMPLETE',
    ]);
    delete r.operations;
    const missing = await as(p1.token).post('/baseline-solutions', fullBody({ responsibilities: r }));
    expect([missing.status, missing.body.error_code]).toEqual([400, 'BASELINE_RESPONSIBILITIES_INCOMPLETE']);

    const ok = await as(p1.token).post('/baseline-solutions', fullBody());
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      stage: 'draft',
      partner_account_id: p1.id,
      responsibilities: { delivery: { owner_name: 'Zhao Liu', resources: '10 delivery engineers' } },
    });
    // the PDM cannot choose a not-onboarded partner for a Huawei-led baseline either
    const hw = await as(pdm.token).post('/admin/baseline-solutions', {
      ...fullBody(),
      partner_account_id: fresh.id,
    });
    expect([hw.status, hw.body.error_code]).toEqual([422, 'BASELINE_PARTNER_NOT_ONBOARDED']);
  });

  it('BUILD-029 a partner cannot create a Huawei-led baseline (403 BASELINE_HUAWEI_LED_ADMIN_ONLY); the PDM creates it for the partner and completes initiation; the partner sees it but cannot submit it', async () => {
    const refused = await as(p1.token).post('/baseline-solutions', fullBody({ lead_type: 'huawei_led' }));
    expect([refused.status, refused.body.error_code]).toEqual([403, 'BASELINE_HUAWEI_LED_ADMIN_ONLY']);

    const created = await as(pdm.token).post('/admin/baseline-solutions', {
      ...fullBody({ obp_initiation_guide_file_id: null }),
      partner_account_id: p1.id,
      psa_id: psa.id,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      lead_type: 'huawei_led',
      stage: 'draft',
      pdm_id: pdm.id,
      psa_id: psa.id,
    });
    const id = created.body.id as string;
    const seen = await as(p1.token).get(`/baseline-solutions/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.lead_type).toBe('huawei_led');
    const partnerSubmit = await as(p1.token).post(`/baseline-solutions/${id}/submit-initiation`);
    expect([partnerSubmit.status, partnerSubmit.body.error_code]).toEqual([
      403,
      'BASELINE_HUAWEI_LED_ADMIN_ONLY',
    ]);
    const partnerEdit = await as(p1.token).patch(`/baseline-solutions/${id}`, { name: 'mine' });
    expect(partnerEdit.body.error_code).toBe('BASELINE_HUAWEI_LED_ADMIN_ONLY');

    // Huawei completes the initiation materials and submits
    expect((await admin(psa.token, id, 'verify-feature-list')).status).toBe(200);
    const noGuide = await admin(pdm.token, id, 'submit-initiation');
    expect([noGuide.status, noGuide.body.error_code]).toEqual([400, 'BASELINE_INITIATION_MATERIAL_MISSING']);
    expect(noGuide.body.details.missing).toEqual(['obp_initiation_guide_file_id']);
    const upd = await as(pdm.token).patch(`/admin/baseline-solutions/${id}`, {
      obp_initiation_guide_file_id: 'file-obp-hw',
    });
    expect(upd.status).toBe(200);
    const sub = await admin(pdm.token, id, 'submit-initiation');
    expect([sub.status, sub.body.stage]).toEqual([200, 'initiation_submitted']);
    // a partner-led baseline is not submitted by the PDM
    const own = await draft();
    expect((await admin(pdm.token, own, 'submit-initiation')).body.error_code).toBe('BASELINE_NOT_EDITABLE');
  });

  it('BUILD-021 scenario 13: OBP guide and feature list uploaded but not verified → 422 BASELINE_FEATURE_LIST_NOT_VERIFIED; missing OBP guide → 400 BASELINE_INITIATION_MATERIAL_MISSING; after PSA verification → initiation_submitted; a replaced feature list must be verified again', async () => {
    const id = await draft();
    const unverified = await as(p1.token).post(`/baseline-solutions/${id}/submit-initiation`);
    expect([unverified.status, unverified.body.error_code]).toEqual([
      422,
      'BASELINE_FEATURE_LIST_NOT_VERIFIED',
    ]);
    expect(unverified.body.error_msg).toBe('The feature list has not passed verification.');
    expect((await as(p1.token).get(`/baseline-solutions/${id}`)).body.stage).toBe('draft');

    expect(
      (await as(p1.token).patch(`/baseline-solutions/${id}`, { obp_initiation_guide_file_id: null })).status,
    ).toBe(200);
    expect((await admin(psa.token, id, 'verify-feature-list')).body.feature_list_verified).toBe(true);
    const noGuide = await as(p1.token).post(`/baseline-solutions/${id}/submit-initiation`);
    expect([noGuide.status, noGuide.body.error_code]).toEqual([400, 'BASELINE_INITIATION_MATERIAL_MISSING']);

    // replacing the feature list resets the verification
    const replaced = await as(p1.token).patch(`/baseline-solutions/${id}`, {
      obp_initiation_guide_file_id: 'file-obp-2',
      feature_list_file_id: 'file-features-2',
    });
    expect(replaced.body.feature_list_verified).toBe(false);
    expect((await as(p1.token).post(`/baseline-solutions/${id}/submit-initiation`)).body.error_code).toBe(
      'BASELINE_FEATURE_LIST_NOT_VERIFIED',
    );
    expect((await admin(psa.token, id, 'verify-feature-list')).status).toBe(200);
    const ok = await as(p1.token).post(`/baseline-solutions/${id}/submit-initiation`);
    expect([ok.status, ok.body.stage]).toEqual([200, 'initiation_submitted']);
    // submitted: no more edits, no second submission
    expect((await as(p1.token).patch(`/baseline-solutions/${id}`, { name: 'x' })).body.error_code).toBe(
      'BASELINE_NOT_EDITABLE',
    );
    const again = await as(p1.token).post(`/baseline-solutions/${id}/submit-initiation`);
    expect([again.status, again.body.error_code]).toEqual([409, 'BASELINE_STAGE_OUT_OF_ORDER']);
  });

  it('BUILD-024 scenario 14: initiated without solution_code → 409 BASELINE_SOLUTION_ID_MISSING; an unknown CSBI code → 422; after recording SOL-2025-0042 the move succeeds and the partner sees the ID', async () => {
    const id = await baselineAt('initiated');
    const early = await as(pdm.token).put(
      `/admin/baseline-solutions/${await baselineAt('initiation_submitted')}/solution-code`,
      {
        solution_code: 'SOL-2025-0041',
      },
    );
    expect([early.status, early.body.error_code]).toEqual([409, 'BASELINE_STAGE_OUT_OF_ORDER']);
    const missing = await admin(pdm.token, id, 'advance', { to: 'design_verification' });
    expect([missing.status, missing.body.error_code]).toEqual([409, 'BASELINE_SOLUTION_ID_MISSING']);
    expect(missing.body.error_msg).toBe('The solution ID from CSBI must be recorded first.');
    const bad = await as(pdm.token).put(`/admin/baseline-solutions/${id}/solution-code`, {
      solution_code: 'sol 42',
    });
    expect([bad.status, bad.body.error_code]).toEqual([422, 'BASELINE_SOLUTION_ID_INVALID']);
    const rec = await as(pdm.token).put(`/admin/baseline-solutions/${id}/solution-code`, {
      solution_code: 'SOL-2025-0042',
    });
    expect([rec.status, rec.body.solution_code]).toEqual([200, 'SOL-2025-0042']);
    const moved = await admin(pdm.token, id, 'advance', { to: 'design_verification' });
    expect([moved.status, moved.body.stage]).toEqual([200, 'design_verification']);
    const seen = await as(p1.token).get(`/baseline-solutions/${id}`);
    expect(seen.body).toMatchObject({ solution_code: 'SOL-2025-0042', stage: 'design_verification' });
  });

  it('BUILD-025 scenario 15: stages cannot be skipped or reversed; the partner cannot apply for launch from design_verification (409 BASELINE_STAGE_OUT_OF_ORDER); PSA advances the joint stages, an expert cannot', async () => {
    const id = await baselineAt('design_verification');
    const launch = await as(p1.token).post(`/baseline-solutions/${id}/submit-launch`, {
      materials: [{ material_type: 'pricing_sheet', file_id: 'file-p1' }],
    });
    expect([launch.status, launch.body.error_code]).toEqual([409, 'BASELINE_STAGE_OUT_OF_ORDER']);
    const skip = await admin(psa.token, id, 'advance', { to: 'public_beta' });
    expect([skip.status, skip.body.error_code]).toEqual([409, 'BASELINE_STAGE_OUT_OF_ORDER']);
    const back = await admin(pdm.token, id, 'advance', { to: 'design_verification' });
    expect(back.body.error_code).toBe('BASELINE_STAGE_OUT_OF_ORDER');
    const byExpert = await admin(expert.token, id, 'advance', { to: 'configurator_development' });
    expect([byExpert.status, byExpert.body.error_code]).toEqual([403, 'REVIEWER_ROLE_REQUIRED']);
    expect((await admin(psa.token, id, 'advance', { to: 'configurator_development' })).body.stage).toBe(
      'configurator_development',
    );
    expect((await admin(psa.token, id, 'advance', { to: 'public_beta' })).body.stage).toBe('public_beta');
    const bogus = await admin(psa.token, id, 'advance', { to: 'launched' });
    expect([bogus.status, bogus.body.error_code]).toEqual([400, 'BUILD_FIELD_INVALID']);
  });

  it('BUILD-026 a launch application needs ≥1 material → 400 BASELINE_LAUNCH_MATERIAL_MISSING', async () => {
    const id = await baselineAt('public_beta');
    const none = await as(p1.token).post(`/baseline-solutions/${id}/submit-launch`, {});
    expect([none.status, none.body.error_code]).toEqual([400, 'BASELINE_LAUNCH_MATERIAL_MISSING']);
    const empty = await as(p1.token).post(`/baseline-solutions/${id}/submit-launch`, { materials: [] });
    expect(empty.body.error_code).toBe('BASELINE_LAUNCH_MATERIAL_MISSING');
    const ok = await as(p1.token).post(`/baseline-solutions/${id}/submit-launch`, {
      materials: [{ material_type: 'launch_plan', file_id: 'file-launch-plan' }],
    });
    expect(ok.body).toMatchObject({
      stage: 'launch_submitted',
      launch_application: {
        materials: [expect.objectContaining({ file_id: 'file-launch-plan' })],
        review_comment: null,
      },
    });
  });

  it('BUILD-025 termination (decision): comment required; any non-terminal stage → terminated, after which every step is refused', async () => {
    const id = await baselineAt('configurator_development');
    expect((await admin(pdm.token, id, 'terminate', {})).body.error_code).toBe('REVIEW_COMMENT_REQUIRED');
    const done = await admin(pdm.token, id, 'terminate', { comment: 'project abandoned' });
    expect(done.body.stage).toBe('terminated');
    expect((await admin(psa.token, id, 'advance', { to: 'public_beta' })).body.error_code).toBe(
      'BASELINE_STAGE_OUT_OF_ORDER',
    );
    expect((await as(p1.token).get(`/baseline-solutions/${id}`)).body.review_history.at(-1)).toMatchObject({
      step: 'terminated',
      comment: 'project abandoned',
    });
  });

  it('build.baseline.manage: a member without the key → 403 ORG_PERMISSION_DENIED, with it → allowed; another partner → 404; partner tokens never reach the reviewer routes', async () => {
    const role = async (keys: string[]) => {
      const res = await as(p1.token).post('/org/roles', {
        name: `R${randomBytes(3).toString('hex')}`,
        permission_keys: keys,
      });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const member = async (roleIds: string[]) => {
      const login = `m${randomBytes(4).toString('hex')}`;
      const res = await as(p1.token).post('/org/members', {
        login_name: login,
        email: `${login}@example.test`,
        password: PASSWORD,
        role_ids: roleIds,
      });
      expect(res.status).toBe(201);
      return tokenFor(t, { account: p1.accountName, member: login, password: PASSWORD });
    };
    const withKey = await member([await role(['build.baseline.manage'])]);
    const withoutKey = await member([await role(['build.solution.manage'])]);
    const id = await draft();

    const denied = await as(withoutKey).post('/baseline-solutions', fullBody());
    expect([denied.status, denied.body.error_code]).toEqual([403, 'ORG_PERMISSION_DENIED']);
    expect((await as(withoutKey).get(`/baseline-solutions/${id}`)).body.error_code).toBe(
      'ORG_PERMISSION_DENIED',
    );
    const created = await as(withKey).post('/baseline-solutions', fullBody());
    expect(created.status).toBe(201);
    expect((await as(withKey).get(`/baseline-solutions/${id}`)).status).toBe(200);

    for (const res of [
      await as(p2.token).get(`/baseline-solutions/${id}`),
      await as(p2.token).patch(`/baseline-solutions/${id}`, { name: 'stolen' }),
      await as(p2.token).post(`/baseline-solutions/${id}/submit-initiation`),
      await as(p2.token).post(`/baseline-solutions/${id}/submit-launch`, {
        materials: [{ material_type: 'x', file_id: 'f' }],
      }),
    ]) {
      expect([res.status, res.body.error_code]).toEqual([404, 'BASELINE_NOT_FOUND']);
    }
    const list = await as(p2.token).get('/baseline-solutions');
    expect(list.body.items.map((b: { id: string }) => b.id)).not.toContain(id);
    const partnerOnAdmin = await admin(p1.token, id, 'verify-feature-list');
    expect([partnerOnAdmin.status, partnerOnAdmin.body.error_code]).toEqual([
      403,
      'AUTH_TOKEN_TYPE_NOT_ALLOWED',
    ]);
    const reviewerOnPartner = await as(pdm.token).get('/baseline-solutions');
    expect(reviewerOnPartner.status).toBe(403);
    const adminList = await as(psa.token).get(`/admin/baseline-solutions?partner_account_id=${p1.id}`);
    expect(adminList.status).toBe(200);
    expect(adminList.body.items.map((b: { id: string }) => b.id)).toContain(id);
    expect((await as(expert.token).get('/admin/baseline-solutions')).body.error_code).toBe(
      'REVIEWER_ROLE_REQUIRED',
    );
  });
  it('BUILD-022 the PDM initial review: past time or missing link → 400 BASELINE_MEETING_INVALID; rejection needs a comment and the partner resubmits; a pass schedules the meeting the partner sees; the 24-hour reminder reaches partner admin, PDM and PSA once', async () => {
    const id = await baselineAt('initiation_submitted');
    const past = await admin(pdm.token, id, 'initial-review', {
      result: 'pass',
      scheduled_at: '2025-04-01T09:59:00+08:00',
      meeting_link: 'https://meet.example.test/x',
    });
    expect([past.status, past.body.error_code]).toEqual([400, 'BASELINE_MEETING_INVALID']);
    const noLink = await admin(pdm.token, id, 'initial-review', {
      result: 'pass',
      scheduled_at: meeting().scheduled_at,
    });
    expect([noLink.status, noLink.body.error_code]).toEqual([400, 'BASELINE_MEETING_INVALID']);
    const noComment = await admin(pdm.token, id, 'initial-review', { result: 'reject' });
    expect([noComment.status, noComment.body.error_code]).toEqual([400, 'REVIEW_COMMENT_REQUIRED']);
    const wrongRole = await admin(psa.token, id, 'initial-review', { result: 'pass', ...meeting() });
    expect([wrongRole.status, wrongRole.body.error_code]).toEqual([403, 'REVIEWER_ROLE_REQUIRED']);

    const rejected = await admin(pdm.token, id, 'initial-review', {
      result: 'reject',
      comment: 'clarify the O&M owner',
    });
    expect([rejected.status, rejected.body.stage]).toEqual([200, 'initiation_rejected']);
    const detail = await as(p1.token).get(`/baseline-solutions/${id}`);
    expect(detail.body.review_history).toEqual([
      expect.objectContaining({ step: 'feature_list_verified' }),
      expect.objectContaining({
        step: 'initial_review',
        result: 'reject',
        comment: 'clarify the O&M owner',
        reviewer_id: pdm.id,
      }),
    ]);
    expect(
      (await outbox({ template: 'build.baseline.initial_review_rejected', partner_account_id: p1.id }))
        .length,
    ).toBe(2);
    expect(
      (
        await as(p1.token).patch(`/baseline-solutions/${id}`, {
          responsibilities: {
            operations_maintenance: { owner_name: 'Qian Jiu', resources: 'O&M team of 5' },
          },
        })
      ).status,
    ).toBe(200);
    expect((await as(p1.token).post(`/baseline-solutions/${id}/submit-initiation`)).body.stage).toBe(
      'initiation_submitted',
    );

    const scheduled = await admin(pdm.token, id, 'initial-review', {
      result: 'pass',
      ...meeting(),
      psa_id: psa.id,
    });
    expect([scheduled.status, scheduled.body.stage]).toEqual([200, 'initiation_meeting_scheduled']);
    const seen = await as(p1.token).get(`/baseline-solutions/${id}`);
    expect(seen.body.review_meeting).toEqual({
      scheduled_at: '2025-04-10T02:00:00.000Z',
      meeting_link: 'https://meet.example.test/b',
    });
    expect(seen.body).toMatchObject({ pdm_id: pdm.id, psa_id: psa.id });
    const inApp = (await outbox({ template: 'build.baseline.meeting_scheduled', to: p1.id })).filter((m) =>
      m.body.includes(`"${seen.body.name}"`),
    );
    expect(inApp).toHaveLength(1);
    expect(inApp[0].body).toContain('https://meet.example.test/b');

    // reminder job: nothing 25 hours before, one set 23 hours before, nothing on a second run
    await travel('2025-04-09T09:00:00+08:00');
    const early = await t.http.post('/api/v1/admin/jobs/baselineMeetingReminderJob/run').send({});
    expect(early.body.summary).toEqual({ reminded: 0 });
    await travel('2025-04-09T11:00:00+08:00');
    const due = await t.http.post('/api/v1/admin/jobs/baselineMeetingReminderJob/run').send({});
    expect([due.status, due.body.status]).toEqual([200, 'succeeded']);
    expect(due.body.summary.reminded).toBeGreaterThanOrEqual(1);
    const reminders = await outbox({
      template: 'build.baseline.meeting_reminder',
      partner_account_id: p1.id,
    });
    const mine = reminders.filter((m) => m.body.includes(seen.body.name));
    expect(mine.map((m) => `${m.channel}:${m.to}`).sort()).toEqual(
      [
        `email:${p1.accountName}@example.test`,
        `email:${pdm.email}`,
        `email:${psa.email}`,
        `in_app:${p1.id}`,
        `in_app:${pdm.id}`,
        `in_app:${psa.id}`,
      ].sort(),
    );
    const again = await t.http.post('/api/v1/admin/jobs/baselineMeetingReminderJob/run').send({});
    expect(again.body.summary).toEqual({ reminded: 0 });
  });

  it('BUILD-023 initiation completes only through a passed meeting review: out of stage → 409 BASELINE_STAGE_OUT_OF_ORDER; a failed meeting → initiation_rejected; a pass → initiated with initiated_on', async () => {
    const id = await baselineAt('initiation_submitted');
    const early = await admin(pdm.token, id, 'meeting-review', { result: 'pass' });
    expect([early.status, early.body.error_code]).toEqual([409, 'BASELINE_STAGE_OUT_OF_ORDER']);
    expect(early.body.error_msg).toBe(
      'Stages must follow create, initiation, design & verification, configurator, public beta, launch.',
    );
    // the PDM cannot jump to design & verification either
    expect((await admin(pdm.token, id, 'advance', { to: 'design_verification' })).body.error_code).toBe(
      'BASELINE_STAGE_OUT_OF_ORDER',
    );
    expect((await admin(pdm.token, id, 'initial-review', { result: 'pass', ...meeting() })).status).toBe(200);
    const failed = await admin(pdm.token, id, 'meeting-review', {
      result: 'reject',
      comment: 'business case unclear',
    });
    expect(failed.body.stage).toBe('initiation_rejected');

    const id2 = await baselineAt('initiation_meeting_scheduled');
    await travel('2025-04-10T15:00:00+08:00');
    const passed = await admin(pdm.token, id2, 'meeting-review', { result: 'pass', comment: 'approved' });
    expect(passed.body).toMatchObject({ stage: 'initiated', initiated_on: '2025-04-10' });
    expect((await outbox({ template: 'build.baseline.initiated', to: p1.id })).length).toBeGreaterThanOrEqual(
      1,
    );
  });

  it('BUILD-030 the Offering view: a baseline counts from its OBP initiation date (joint_offering_since), a marketplace product from its selection decision; terminated baselines are no offering', async () => {
    await travel('2025-05-06T11:00:00+08:00');
    const p = await newPartner(t);
    const scheduled = await baselineAt('initiation_meeting_scheduled', p);
    const initiated = await baselineAt('initiation_meeting_scheduled', p);
    expect((await admin(pdm.token, initiated, 'meeting-review', { result: 'pass' })).body.stage).toBe(
      'initiated',
    );
    const dropped = await baselineAt('draft', p);
    expect((await admin(pdm.token, dropped, 'terminate', { comment: 'dropped' })).status).toBe(200);
    const fake = await t.http.put('/api/v1/admin/test/fakes/marketplace-product').send({
      products: [
        {
          id: 'prod-1',
          partner_account_id: p.id,
          listing_status: 'joint_operation_listed',
          selection_decision_passed_on: '2025-03-01',
          counts_for_pce_assessment: true,
        },
        { id: 'prod-2', partner_account_id: p.id, listing_status: 'listing_application_submitted' },
        { id: 'prod-other', partner_account_id: p1.id, listing_status: 'joint_operation_listed' },
      ],
    });
    expect(fake.status).toBe(200);
    const res = await as(p.token).get('/offerings');
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(
      (res.body.items as Array<Record<string, unknown>>).map((o) => [o.offering_id as string, o]),
    );
    expect(Object.keys(byId).sort()).toEqual([initiated, scheduled, 'prod-1', 'prod-2'].sort());
    expect(byId[scheduled]).toMatchObject({
      offering_type: 'partner_led_baseline',
      joint_offering_since: null,
    });
    expect(byId[initiated]).toMatchObject({
      joint_offering_since: '2025-05-06',
      counts_for_pce_assessment: true,
    });
    expect(byId['prod-1']).toEqual({
      offering_id: 'prod-1',
      partner_account_id: p.id,
      offering_type: 'marketplace_product',
      joint_operation_listed: true,
      counts_for_pce_assessment: true,
      joint_offering_since: '2025-03-01',
    });
    expect(byId['prod-2']).toMatchObject({
      joint_operation_listed: false,
      joint_offering_since: null,
      counts_for_pce_assessment: false,
    });
    await t.http
      .put('/api/v1/admin/test/fakes/marketplace-product')
      .send({ remove: ['prod-1', 'prod-2', 'prod-other'] });
  });

  it('BUILD-027 / BUILD-028 scenario 16: launch rejected with "add pricing sheet", unchanged resubmission → 422 BASELINE_LAUNCH_UNCHANGED, new pricing sheet → launch_submitted, approved at 2025-09-01T10:00+08:00 → launched on 2025-09-01 with the official site URL', async () => {
    const b3 = await baselineAt('launch_submitted');
    const noComment = await admin(pdm.token, b3, 'launch-review', { result: 'reject' });
    expect([noComment.status, noComment.body.error_code]).toEqual([400, 'REVIEW_COMMENT_REQUIRED']);
    const rejected = await admin(pdm.token, b3, 'launch-review', {
      result: 'reject',
      comment: 'add pricing sheet',
    });
    expect(rejected.body.stage).toBe('launch_rejected');
    const seen = await as(p1.token).get(`/baseline-solutions/${b3}`);
    expect(seen.body.stage).toBe('launch_rejected');
    expect(seen.body.launch_application.review_comment).toBe('add pricing sheet');

    const unchanged = await as(p1.token).post(`/baseline-solutions/${b3}/submit-launch`, {});
    expect([unchanged.status, unchanged.body.error_code]).toEqual([422, 'BASELINE_LAUNCH_UNCHANGED']);
    const sameList = await as(p1.token).post(`/baseline-solutions/${b3}/submit-launch`, {
      materials: seen.body.launch_application.materials.map(
        (m: { material_type: string; file_id: string }) => ({
          material_type: m.material_type,
          file_id: m.file_id,
        }),
      ),
    });
    expect(sameList.body.error_code).toBe('BASELINE_LAUNCH_UNCHANGED');
    const resubmitted = await as(p1.token).post(`/baseline-solutions/${b3}/submit-launch`, {
      materials: [
        ...seen.body.launch_application.materials.map((m: { material_type: string; file_id: string }) => ({
          material_type: m.material_type,
          file_id: m.file_id,
        })),
        { material_type: 'pricing_sheet', file_id: 'file-pricing-v2' },
      ],
    });
    expect(resubmitted.body).toMatchObject({
      stage: 'launch_submitted',
      launch_application: { resubmission_count: 1 },
    });

    await travel('2025-09-01T10:00:00+08:00');
    const launched = await admin(pdm.token, b3, 'launch-review', { result: 'pass' });
    expect(launched.body).toMatchObject({
      stage: 'launched',
      launched_on: '2025-09-01',
      official_site_url: `https://example.test/solutions/${b3}`,
    });
    expect((await outbox({ template: 'build.baseline.launched', to: p1.id })).length).toBe(1);
    // BUILD-028: it is an offering
    const offerings = await as(p1.token).get('/offerings');
    expect(offerings.body.items).toContainEqual(
      expect.objectContaining({
        offering_id: b3,
        offering_type: 'partner_led_baseline',
        counts_for_pce_assessment: true,
      }),
    );
    // launched is terminal
    const term = await admin(pdm.token, b3, 'terminate', { comment: 'x' });
    expect([term.status, term.body.error_code]).toEqual([409, 'BASELINE_STAGE_OUT_OF_ORDER']);
  });
});
