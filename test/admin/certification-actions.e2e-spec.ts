/**
 * The certification reviewer steps in the admin panel (certification-paths.md "Permissions"): the paths and
 * programs record actions call the same services as `/api/v1/admin/paths/…` and `/api/v1/admin/programs/…`.
 * State is set up over the REST API (paths / programs helpers), the reviewer steps are driven through the panel's
 * own HTTP API with a logged-in reviewer session (the cancellation of a certification also in real headless
 * Chromium: log in, open the membership, click the action, fill the reason, submit), and the outcome is read back over the reviewer REST API and the
 * audit log. A reviewer of the wrong role does not see the action (the record's `recordActions`), and posting it
 * anyway answers an error notice and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import request from 'supertest';
import { AuditService } from '../../libs/audit/index.js';
import type { ReviewerRole } from '../../libs/context/index.js';
import { createAdminModule } from '../../src/admin/admin.module.js';
import { newPartner, newReviewer, PASSWORD, type PartnerActor } from '../builders/actors.js';
import {
  as,
  type FakeFacts,
  installFakes,
  joinPath,
  outbox,
  setClock,
  specialist,
} from '../e2e/certification/paths.helpers.js';
import { partner as programPartner } from '../e2e/certification/programs.helpers.js';
import { createTestApp, type TestApp } from '../setup/test-app.js';

type Reviewer = { id: string; email: string; token: string };
type Agent = ReturnType<typeof request.agent>;
type RecordJson = { id: string; params: Record<string, unknown>; recordActions?: Array<{ name: string }> };

describe('admin panel: certification reviewer actions (panel API + headless Chromium)', () => {
  let t: TestApp;
  let fakes: FakeFacts;
  let browser: Browser;
  let base: string;
  const r = {} as Record<'pdm' | 'psa' | 'ops' | 'bd' | 'expert', Reviewer>;

  beforeAll(async () => {
    t = await createTestApp({}, { admin: createAdminModule });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
      ],
    });
    await setClock(t, '2025-09-01T10:00:00+08:00');
    fakes = installFakes(t);
    const roles: Array<[keyof typeof r, ReviewerRole]> = [
      ['pdm', 'pdm'],
      ['psa', 'psa'],
      ['ops', 'operations'],
      ['bd', 'bd'],
      ['expert', 'expert'],
    ];
    for (const [key, role] of roles) r[key] = await newReviewer(t, [role]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (process.env.ADMIN_JS_TMP_DIR) rmSync(process.env.ADMIN_JS_TMP_DIR, { recursive: true, force: true });
  });

  /** A panel session of the reviewer (AdminJS login form → session cookie). */
  async function panel(who: Reviewer): Promise<Agent> {
    const agent = request.agent(t.app.getHttpServer());
    const login = await agent
      .post('/admin/login')
      .type('form')
      .send({ email: who.email, password: PASSWORD });
    expect(login.status).toBe(302);
    expect(login.headers.location).not.toContain('/admin/login');
    return agent;
  }

  /** POST of a record action, as the RecordDecision form sends it. */
  async function act(
    agent: Agent,
    resource: string,
    id: string,
    action: string,
    reason?: string,
  ): Promise<{ type: string; message: string }> {
    const res = await agent
      .post(`/admin/api/resources/${resource}/records/${id}/${action}`)
      .send({ confirmed: 'true', ...(reason === undefined ? {} : { reason }) });
    expect(res.status).toBe(200);
    expect(res.body.notice).toBeDefined();
    return res.body.notice as { type: string; message: string };
  }

  /** The record as the panel's show page loads it, with the record actions the reviewer may see. */
  async function show(agent: Agent, resource: string, id: string): Promise<RecordJson> {
    const res = await agent.get(`/admin/api/resources/${resource}/records/${id}/show`);
    expect(res.status).toBe(200);
    return res.body.record as RecordJson;
  }

  async function visibleActions(agent: Agent, resource: string, id: string): Promise<string[]> {
    return ((await show(agent, resource, id)).recordActions ?? []).map((a) => a.name);
  }

  /** The resource's list as the panel's sidebar link opens it; refused → no records and an error notice. */
  async function list(agent: Agent, resource: string): Promise<{ records: RecordJson[]; notice?: object }> {
    const res = await agent.get(`/admin/api/resources/${resource}/actions/list`);
    return { records: (res.body.records ?? []) as RecordJson[], notice: res.body.notice as object };
  }

  /** The resources the panel offers the reviewer (AdminJS hides resources without an accessible list). */
  async function sidebar(agent: Agent): Promise<string[]> {
    const res = await agent.get('/admin');
    expect(res.status).toBe(200);
    const m = /window\.REDUX_STATE = (\{.*?\});?\s*\n/s.exec(res.text as string);
    expect(m).not.toBeNull();
    const state = JSON.parse(m![1]) as { resources: Array<{ id: string; href: string | null }> };
    return state.resources.filter((x) => x.href).map((x) => x.id);
  }

  const audit = (entityType: string, id: string) => t.app.get(AuditService).forEntity(entityType, id);

  async function stageApplication(id: string): Promise<Record<string, unknown>> {
    const res = await as(t, r.pdm.token).get(`/admin/paths/stage-applications/${id}`);
    expect(res.status).toBe(200);
    return res.body as Record<string, unknown>;
  }

  async function pathMembership(id: string): Promise<Record<string, unknown>> {
    const res = await as(t, r.pdm.token).get(`/admin/paths/memberships/${id}`);
    expect(res.status).toBe(200);
    return res.body as Record<string, unknown>;
  }

  async function programMembership(id: string): Promise<Record<string, unknown>> {
    const res = await as(t, r.ops.token).get(`/admin/programs/memberships/${id}`);
    expect(res.status).toBe(200);
    return res.body as Record<string, unknown>;
  }

  /** A service-path partner with four approved project specialists, a recent case and employment proof. */
  async function serviceRoleApplication(): Promise<{ v: PartnerActor; membershipId: string; appId: string }> {
    const v = await newPartner(t);
    const membershipId = await joinPath(t, v, 'service');
    const people = [];
    for (const family of ['HCCDA', 'HCCDA', 'HCCDP', 'HCIP'])
      people.push(await specialist(t, v, 'service', [{ family }], { ops: r.ops, pdm: r.pdm }));
    const c = await as(t, v.token).post('/paths/service-cases', {
      title: 'ERP migration',
      customer_name: 'Customer A',
      project_date: '2025-03-01',
      is_huawei_cloud: true,
      description: 'Migration of an ERP system to Huawei Cloud',
    });
    expect(c.status).toBe(201);
    const proof = await as(t, v.token).post('/paths/employment-proofs', {
      file_id: 'file-proof',
      issuer_name: v.companyName,
      covered_personal_account_ids: people.map((p) => p.id),
    });
    expect(proof.status).toBe(201);
    const app = await as(t, v.token).post(`/paths/memberships/${membershipId}/stage-applications`, {
      target_stage: 'role_certification',
      case_ids: [c.body.id],
      employment_proof_ids: [proof.body.id],
    });
    expect(app.status).toBe(201);
    expect(app.body.status).toBe('pending_review');
    return { v, membershipId, appId: app.body.id as string };
  }

  it('PATH-004 PATH-014 PATH-015 the PDM approves service stage applications from the panel (BP review, attestations); psa / operations / expert cannot', async () => {
    const { v, membershipId, appId } = await serviceRoleApplication();

    // the PSA and operations see the application (viewers) but not the PDM's decisions; posting them is refused
    for (const who of [r.psa, r.ops]) {
      const agent = await panel(who);
      const actions = await visibleActions(agent, 'StageApplication', appId);
      expect(actions).toContain('show');
      expect(actions).not.toEqual(expect.arrayContaining(['approve']));
      expect(actions).not.toContain('attestAll');
      expect(actions).not.toContain('reject');
      expect(await act(agent, 'StageApplication', appId, 'approve')).toMatchObject({ type: 'error' });
    }
    // an expert does not work on development paths: the resource is not offered at all
    const expert = await panel(r.expert);
    expect(await sidebar(expert)).not.toContain('StageApplication');
    expect(await sidebar(expert)).not.toContain('PathMembership');
    const refused = await list(expert, 'StageApplication');
    expect(refused.records).toEqual([]);
    expect(refused.notice).toMatchObject({ type: 'error' });
    expect(await stageApplication(appId)).toMatchObject({ status: 'pending_review', reviewer_id: null });
    expect((await audit('stage_application', appId)).some((a) => a.actorKind === 'reviewer')).toBe(false);

    // the PDM sees the decisions and approves the role certification
    const pdm = await panel(r.pdm);
    expect(await sidebar(pdm)).toEqual(expect.arrayContaining(['StageApplication', 'PathMembership']));
    expect(await visibleActions(pdm, 'StageApplication', appId)).toEqual(
      expect.arrayContaining(['approve', 'reject', 'attestAll']),
    );
    expect(await visibleActions(pdm, 'StageApplication', appId)).not.toContain('scheduleBpReview');
    const approved = await act(pdm, 'StageApplication', appId, 'approve');
    expect(approved).toMatchObject({
      type: 'success',
      message: 'Application approved (role_certification).',
    });
    expect(await stageApplication(appId)).toMatchObject({ status: 'approved', reviewer_id: r.pdm.id });
    expect(await pathMembership(membershipId)).toMatchObject({
      stage: 'role_certification',
      certificate_valid_to: '2026-01-31',
    });
    expect(
      (await audit('stage_application', appId)).find((a) => a.action === 'stage_application.approved'),
    ).toMatchObject({ actorKind: 'reviewer', actorId: r.pdm.id });
    expect(
      await outbox(t, { template: 'certification.path.stage_application_approved', to: v.id }),
    ).toHaveLength(1);
    // decided: the decisions disappear from the record
    expect(await visibleActions(pdm, 'StageApplication', appId)).not.toContain('approve');

    // capability differentiation (CTSP): BP review meeting and four attestations
    fakes.labels.set(v.id, ['database', 'iot']);
    const diff = await as(t, v.token).post(`/paths/memberships/${membershipId}/stage-applications`, {
      target_stage: 'capability_differentiation',
      bp_file_id: 'file-bp',
      company_ppt_file_id: 'file-ppt',
    });
    expect(diff.status).toBe(201);
    const diffId = diff.body.id as string;
    expect(await visibleActions(pdm, 'StageApplication', diffId)).toEqual(
      expect.arrayContaining(['scheduleBpReview', 'attestAll', 'approve']),
    );
    // approving before the attestations is refused by the service and shown as an error notice
    const early = await act(pdm, 'StageApplication', diffId, 'approve');
    expect(early.type).toBe('error');
    expect(early.message).toContain('PATH_ATTESTATION_MISSING');
    // a meeting time that is no date is refused
    expect(await act(pdm, 'StageApplication', diffId, 'scheduleBpReview', 'next Tuesday')).toMatchObject({
      type: 'error',
    });
    expect(await stageApplication(diffId)).toMatchObject({ status: 'pending_review', bp_review_at: null });

    expect(
      await act(pdm, 'StageApplication', diffId, 'scheduleBpReview', '2025-09-20T10:00:00+08:00'),
    ).toMatchObject({ type: 'success' });
    expect(await stageApplication(diffId)).toMatchObject({
      status: 'bp_review_scheduled',
      bp_review_at: '2025-09-20T02:00:00.000Z',
    });
    // psa cannot record attestations
    expect(await act(await panel(r.psa), 'StageApplication', diffId, 'attestAll')).toMatchObject({
      type: 'error',
    });
    expect((await stageApplication(diffId)).attestations).toEqual({});

    expect(await act(pdm, 'StageApplication', diffId, 'attestAll')).toMatchObject({
      type: 'success',
      message: 'Attestations recorded.',
    });
    expect((await stageApplication(diffId)).attestations).toEqual({
      capability_certification: true,
      dedicated_team: true,
      project_practice: true,
      bp_review: true,
    });
    expect(await act(pdm, 'StageApplication', diffId, 'approve')).toMatchObject({
      type: 'success',
      message: 'Application approved (capability_differentiation).',
    });
    expect(await stageApplication(diffId)).toMatchObject({ status: 'approved', reviewer_id: r.pdm.id });
    expect(await pathMembership(membershipId)).toMatchObject({
      stage: 'capability_differentiation',
      title: 'CTSP',
      certificate_valid_to: '2026-01-31',
    });
    const trail = await audit('stage_application', diffId);
    for (const action of [
      'stage_application.bp_review_scheduled',
      'stage_application.attested',
      'stage_application.approved',
    ]) {
      expect(trail.find((a) => a.action === action)).toMatchObject({
        actorKind: 'reviewer',
        actorId: r.pdm.id,
      });
    }
  });

  /** An LP membership certified at role_certification (attestation only, PATH-021) over the reviewer API. */
  async function certifiedLp(): Promise<{ lp: PartnerActor; membershipId: string }> {
    const lp = await newPartner(t);
    const membershipId = await joinPath(t, lp, 'lp');
    const app = await as(t, lp.token).post(`/paths/memberships/${membershipId}/stage-applications`, {
      target_stage: 'role_certification',
    });
    expect(app.status).toBe(201);
    const base = `/admin/paths/stage-applications/${app.body.id}`;
    expect((await as(t, r.pdm.token).post(`${base}/attestations`, { lp_review: true })).status).toBe(200);
    expect((await as(t, r.pdm.token).post(`${base}/approve`)).status).toBe(200);
    expect(await pathMembership(membershipId)).toMatchObject({ stage: 'role_certification' });
    return { lp, membershipId };
  }

  it('PATH-016 the PDM cancels a certification from the panel; the reason is required; operations cannot', async () => {
    const { lp, membershipId } = await certifiedLp();
    const certs = await as(t, lp.token).get('/paths/certificates');
    const cert = (certs.body.items as Array<{ id: string; status: string }>).find(
      (c) => c.status === 'valid',
    );
    expect(cert).toBeDefined();

    const trailBefore = (await audit('path_membership', membershipId)).length;
    const ops = await panel(r.ops);
    expect(await visibleActions(ops, 'PathMembership', membershipId)).not.toContain('cancelCertification');
    expect(await act(ops, 'PathMembership', membershipId, 'cancelCertification', 'no cases')).toMatchObject({
      type: 'error',
    });
    expect(await pathMembership(membershipId)).toMatchObject({ stage: 'role_certification' });

    const pdm = await panel(r.pdm);
    expect(await visibleActions(pdm, 'PathMembership', membershipId)).toContain('cancelCertification');
    for (const blank of [undefined, '', '   ']) {
      const notice = await act(pdm, 'PathMembership', membershipId, 'cancelCertification', blank);
      expect(notice.type).toBe('error');
      expect(notice.message).toContain('PATH_REASON_REQUIRED');
    }
    expect(await pathMembership(membershipId)).toMatchObject({ stage: 'role_certification' });
    expect(await audit('path_membership', membershipId)).toHaveLength(trailBefore);

    // the PDM cancels in the browser: the reason is required by the form, then the result is shown on the record
    const context = await browser.newContext({ baseURL: base });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      await page.goto('/admin/login');
      await page.fill('input[name="email"]', r.pdm.email);
      await page.fill('input[name="password"]', PASSWORD);
      await page.click('form[action="/admin/login"] button');
      await page.getByTestId('opc-dashboard').waitFor();
      const show = `/admin/resources/PathMembership/records/${membershipId}/show`;
      await page.goto(show);
      await page.getByTestId('action-cancelCertification').click();
      await page.getByTestId('decision-cancelCertification').waitFor();
      await expect(page.getByTestId('decision-submit').isDisabled()).resolves.toBe(true);
      await page.fill('#decision-reason', 'Periodic review failed: no LP activity');
      await page.getByTestId('decision-submit').click();
      await page.waitForURL(`**${show}**`);
      await page.getByText('Certification cancelled; stage is joined.').first().waitFor();
      await expect(page.getByTestId('action-cancelCertification').count()).resolves.toBe(0);
    } finally {
      await context.close();
    }
    expect(await pathMembership(membershipId)).toMatchObject({ stage: 'joined', certificate: null });
    const after = await as(t, lp.token).get('/paths/certificates');
    expect(
      (after.body.items as Array<{ id: string; status: string }>).find((c) => c.id === cert!.id),
    ).toMatchObject({ status: 'revoked' });
    const mail = await outbox(t, { template: 'certification.path.certification_cancelled', to: lp.id });
    expect(mail.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(mail)).toContain('Periodic review failed: no LP activity');
    const trail = await audit('path_membership', membershipId);
    expect(trail).toHaveLength(trailBefore + 1);
    const cancelled = trail.find(
      (a) => a.action === 'path_membership.stage_changed' && a.after?.stage === 'joined',
    );
    expect(cancelled).toMatchObject({
      actorKind: 'reviewer',
      actorId: r.pdm.id,
    });
    // nothing left to cancel: the action is gone and a second post is refused
    expect(await visibleActions(pdm, 'PathMembership', membershipId)).not.toContain('cancelCertification');
    expect(await act(pdm, 'PathMembership', membershipId, 'cancelCertification', 'again')).toMatchObject({
      type: 'error',
    });
  });

  it('PROG-003 PROG-020 operations approve a solution-provider application from the panel; a PDM or a PSA neither sees nor performs it', async () => {
    const p = await programPartner(t);
    const applied = await as(t, p.token).post('/programs/solution-provider/applications', {
      representative_office: 'Beijing',
    });
    expect(applied.status).toBe(201);
    const id = applied.body.id as string;

    const psa = await panel(r.psa);
    expect(await visibleActions(psa, 'ProgramMembership', id)).not.toContain('approve');
    expect(await act(psa, 'ProgramMembership', id, 'approve')).toMatchObject({ type: 'error' });
    // SP applications are decided by operations: the PDM (who decides cloud-reseller applications) is not offered
    // the action on an SP record and posting it is refused
    const pdm = await panel(r.pdm);
    expect(await visibleActions(pdm, 'ProgramMembership', id)).not.toContain('approve');
    const byPdm = await act(pdm, 'ProgramMembership', id, 'approve');
    expect(byPdm.type).toBe('error');
    expect(byPdm.message).toContain('REVIEWER_ROLE_REQUIRED');
    expect(await programMembership(id)).toMatchObject({ status: 'pending_review' });
    expect((await audit('program_membership', id)).some((a) => a.actorKind === 'reviewer')).toBe(false);

    const ops = await panel(r.ops);
    expect(await visibleActions(ops, 'ProgramMembership', id)).toEqual(
      expect.arrayContaining(['approve', 'reject']),
    );
    expect(await act(ops, 'ProgramMembership', id, 'approve')).toMatchObject({
      type: 'success',
      message: 'Membership solution_provider is now active.',
    });
    const m = await programMembership(id);
    expect(m).toMatchObject({ status: 'active', program: 'solution_provider' });
    expect(m.level).toBeTruthy();
    const joined = await as(t, p.token).get(`/programs/memberships/${id}`);
    expect(joined.body.status).toBe('active');
    expect(
      (await audit('program_membership', id)).find((a) => a.action === 'program_membership.sp_approved'),
    ).toMatchObject({ actorKind: 'reviewer', actorId: r.ops.id });
    expect(
      await outbox(t, { template: 'certification.solution_provider.approved', to: p.id }),
    ).not.toHaveLength(0);
    expect(await visibleActions(ops, 'ProgramMembership', id)).not.toContain('approve');
  });

  it('PROG-012 the PDM records a solution provider exit from the panel; operations do not see it, a channel manager is refused', async () => {
    const p = await programPartner(t);
    const applied = await as(t, p.token).post('/programs/solution-provider/applications', {
      representative_office: 'Shanghai',
    });
    expect(applied.status).toBe(201);
    const id = applied.body.id as string;
    expect((await as(t, r.ops.token).post(`/admin/programs/memberships/${id}/approve`)).status).toBe(200);

    const ops = await panel(r.ops);
    expect(await visibleActions(ops, 'ProgramMembership', id)).not.toContain('exit');
    expect(await act(ops, 'ProgramMembership', id, 'exit', 'ticket 1')).toMatchObject({ type: 'error' });
    // bd may record cloud-reseller exits only; the SP exit is the PDM's
    const bd = await panel(r.bd);
    expect(await visibleActions(bd, 'ProgramMembership', id)).not.toContain('exit');
    const byBd = await act(bd, 'ProgramMembership', id, 'exit', 'ticket 2');
    expect(byBd.type).toBe('error');
    expect(byBd.message).toContain('REVIEWER_ROLE_REQUIRED');
    const pdm = await panel(r.pdm);
    const blank = await act(pdm, 'ProgramMembership', id, 'exit', ' ');
    expect(blank.type).toBe('error');
    expect(await programMembership(id)).toMatchObject({ status: 'active' });

    expect(await visibleActions(pdm, 'ProgramMembership', id)).toContain('exit');
    expect(
      await act(pdm, 'ProgramMembership', id, 'exit', 'Offline exit request, ticket EX-42'),
    ).toMatchObject({
      type: 'success',
      message: 'Membership solution_provider exited.',
    });
    const m = await programMembership(id);
    expect(m).toMatchObject({ status: 'exited', exit_reason: 'Offline exit request, ticket EX-42' });
    expect(
      (await audit('program_membership', id)).find(
        (a) => a.action === 'program_membership.solution_provider_exited',
      ),
    ).toMatchObject({ actorKind: 'reviewer', actorId: r.pdm.id });
    expect(
      await outbox(t, { template: 'certification.solution_provider.exited', to: p.id }),
    ).not.toHaveLength(0);
    expect(await visibleActions(pdm, 'ProgramMembership', id)).not.toContain('exit');
  });
});
