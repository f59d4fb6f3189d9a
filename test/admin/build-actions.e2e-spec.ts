/**
 * The solution certification reviewer steps in the admin panel (build.md "Permissions", BUILD-011…BUILD-014):
 * PSA pre-review → level-1 technical review (`expert`) → level-2 business approval by the PDM supervisor, each a
 * record action calling the same SolutionCertificationService method as `POST /api/v1/admin/solution-
 * certifications/:id/{psa,expert,pdm}-review`. The full chain runs in real headless Chromium (playwright-core,
 * /usr/bin/chromium); the refusals are checked through the panel's own HTTP API with a reviewer session. Outcomes
 * are read back over the REST API and the audit log, never from pixels.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import request from 'supertest';
import { AuditService } from '../../libs/audit/index.js';
import { createAdminModule } from '../../src/admin/admin.module.js';
import { newPartner, newReviewer, PASSWORD, type PartnerActor } from '../builders/actors.js';
import {
  createCertificationDraft,
  createSolution,
  joinSoftwarePath,
  newFlaggedReviewer,
  type ReviewerActor,
  type SolutionCertificationType,
  solutionReviewers,
  type SolutionReviewers,
} from '../builders/build.js';
import { createTestApp, type TestApp } from '../setup/test-app.js';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** set ADMIN_TEST_SCREENSHOTS=1 to keep screenshots of the steps in tmp/admin-e2e/ (development aid) */
const SCREENSHOTS = process.env.ADMIN_TEST_SCREENSHOTS === '1' ? 'tmp/admin-e2e' : null;

type Agent = ReturnType<typeof request.agent>;

describe('admin panel: solution certification reviewer steps (headless Chromium + panel API)', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let r: SolutionReviewers;
  let plainPdm: ReviewerActor;
  let ops: ReviewerActor;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    t = await createTestApp({}, { admin: createAdminModule });
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    base = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
    });
    if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
    r = await solutionReviewers(t);
    plainPdm = await newFlaggedReviewer(t, ['pdm']);
    ops = await newReviewer(t, ['operations']);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await t?.close();
    if (process.env.ADMIN_JS_TMP_DIR) rmSync(process.env.ADMIN_JS_TMP_DIR, { recursive: true, force: true });
  });

  // --- browser ---------------------------------------------------------------------------------------------------

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ baseURL: base });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    return page;
  }

  async function shot(page: Page, name: string): Promise<void> {
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/build-${name}.png`, fullPage: true });
  }

  async function login(page: Page, email: string): Promise<void> {
    await page.goto('/admin/login');
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', PASSWORD);
    await Promise.all([
      page.waitForLoadState('domcontentloaded'),
      page.click('form[action="/admin/login"] button'),
    ]);
    await page.getByTestId('opc-dashboard').waitFor();
  }

  const recordUrl = (id: string, action = 'show') =>
    `/admin/resources/SolutionCertification/records/${id}/${action}`;

  /** Opens the record, clicks the action, fills the form (the reason field when given) and submits. */
  async function decide(page: Page, id: string, action: string, reason: string | null, done: string) {
    await page.goto(recordUrl(id));
    await page.getByTestId(`action-${action}`).waitFor();
    await page.getByTestId(`action-${action}`).click();
    await page.getByTestId(`decision-${action}`).waitFor();
    if (reason !== null) await page.fill('#decision-reason', reason);
    await shot(page, `${action}-form`);
    await page.getByTestId('decision-submit').click();
    await page.waitForURL(`**${recordUrl(id)}**`);
    await page.getByText(done).first().waitFor();
    await shot(page, `${action}-done`);
  }

  // --- panel API -------------------------------------------------------------------------------------------------

  async function panel(email: string): Promise<Agent> {
    const agent = request.agent(t.app.getHttpServer());
    const res = await agent.post('/admin/login').type('form').send({ email, password: PASSWORD });
    expect(res.status).toBe(302);
    expect(res.headers.location).not.toContain('/admin/login');
    return agent;
  }

  async function act(
    agent: Agent,
    id: string,
    action: string,
    reason?: string,
  ): Promise<{ type: string; message: string }> {
    const res = await agent
      .post(`/admin/api/resources/SolutionCertification/records/${id}/${action}`)
      .send({ confirmed: 'true', ...(reason === undefined ? {} : { reason }) });
    expect(res.status).toBe(200);
    return res.body.notice as { type: string; message: string };
  }

  async function visibleActions(agent: Agent, id: string): Promise<string[]> {
    const res = await agent.get(`/admin/api/resources/SolutionCertification/records/${id}/show`);
    expect(res.status).toBe(200);
    const actions = (res.body.record?.recordActions ?? []) as Array<{ name: string }>;
    return actions.map((a) => a.name);
  }

  async function sidebar(agent: Agent): Promise<string[]> {
    const res = await agent.get('/admin');
    expect(res.status).toBe(200);
    const m = /window\.REDUX_STATE = (\{.*?\});?\s*\n/s.exec(res.text as string);
    expect(m).not.toBeNull();
    const state = JSON.parse(m![1]) as { resources: Array<{ id: string; href: string | null }> };
    return state.resources.filter((x) => x.href).map((x) => x.id);
  }

  // --- state over REST -------------------------------------------------------------------------------------------

  /** A partner on the software path with a submitted certification application (pending PSA pre-review). */
  async function submitted(
    type: SolutionCertificationType,
  ): Promise<{ partner: PartnerActor; certificationId: string }> {
    const partner = await newPartner(t);
    await joinSoftwarePath(t, partner);
    const solutionId = await createSolution(t, partner);
    const certificationId = await createCertificationDraft(t, partner, solutionId, type);
    const res = await t.http
      .post(`/api/v1/solution-certifications/${certificationId}/submit`)
      .set('X-Auth-Token', partner.token)
      .send({});
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('pending_psa_pre_review');
    return { partner, certificationId };
  }

  /** The application as the reviewer endpoint `GET /api/v1/admin/solution-certifications/:id` shows it. */
  async function reviewerView(id: string): Promise<Record<string, unknown>> {
    const res = await t.http
      .get(`/api/v1/admin/solution-certifications/${id}`)
      .set('X-Auth-Token', r.psa.token);
    expect(res.status).toBe(200);
    return res.body as Record<string, unknown>;
  }

  async function partnerView(p: PartnerActor, id: string): Promise<Record<string, unknown>> {
    const res = await t.http.get(`/api/v1/solution-certifications/${id}`).set('X-Auth-Token', p.token);
    expect(res.status).toBe(200);
    return res.body as Record<string, unknown>;
  }

  const audit = (id: string) => t.app.get(AuditService).forEntity('solution_certification', id);

  it('BUILD-011 BUILD-012 BUILD-013 BUILD-014 PSA pass → expert pass → PDM supervisor approval in the browser certifies the solution', async () => {
    const { partner, certificationId: id } = await submitted('advanced_cloud_software');

    // an expert opens the application before the PSA: no PSA decision offered, no expert decision yet
    const early = await newPage();
    await login(early, r.expert.email);
    await early.goto(recordUrl(id));
    await early.getByText('Pending Psa Pre Review').first().waitFor();
    await shot(early, 'expert-early');
    await expect(early.getByTestId('action-psaPass').count()).resolves.toBe(0);
    await expect(early.getByTestId('action-expertPass').count()).resolves.toBe(0);

    const psa = await newPage();
    await login(psa, r.psa.email);
    // the reject form keeps its button disabled until a comment is typed (BUILD-011)
    await psa.goto(recordUrl(id, 'psaReject'));
    await psa.getByTestId('decision-psaReject').waitFor();
    await expect(psa.getByTestId('decision-submit').isDisabled()).resolves.toBe(true);
    await decide(psa, id, 'psaPass', 'Materials complete', 'Pre-review passed: pending_expert_review.');
    await expect(psa.getByTestId('action-psaPass').count()).resolves.toBe(0);
    expect(await reviewerView(id)).toMatchObject({
      status: 'pending_expert_review',
      psa_pre_review: { reviewer_id: r.psa.id, result: 'pass', comment: 'Materials complete' },
    });

    // the expert's session is the one opened above
    await decide(early, id, 'expertPass', 'FTR and test report reviewed', 'Technical review passed');
    expect(await reviewerView(id)).toMatchObject({
      status: 'pending_pdm_review',
      expert_review: { technical_conclusion: 'pass', comment: 'FTR and test report reviewed' },
    });
    expect((await reviewerView(id)).expert_review).toMatchObject({ reviewer_ids: [r.expert.id] });

    const supervisor = await newPage();
    await login(supervisor, r.pdmSupervisor.email);
    await decide(supervisor, id, 'pdmApprove', r.expert.id, 'Certified:');
    await expect(supervisor.getByTestId('action-pdmApprove').count()).resolves.toBe(0);

    const certified = await partnerView(partner, id);
    expect(certified).toMatchObject({
      status: 'certified',
      certificate_available: true,
      pdm_review: {
        reviewer_id: r.pdmSupervisor.id,
        result: 'pass',
        business_expert_group_ids: [r.expert.id],
      },
    });
    expect(certified.certificate_no).toEqual(expect.any(String));
    expect(certified.certified_on).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/));
    const from = new Date(`${certified.certified_on as string}T00:00:00Z`);
    expect(new Date(`${certified.valid_until as string}T00:00:00Z`).getUTCFullYear()).toBe(
      from.getUTCFullYear() + 1,
    );
    const file = await t.http
      .get(`/api/v1/solution-certifications/${id}/certificate`)
      .set('X-Auth-Token', partner.token);
    expect(file.status).toBe(200);

    // each step audited with its reviewer
    const trail = await audit(id);
    expect(trail.find((a) => a.action === 'solution_certification.psa_pass')).toMatchObject({
      actorKind: 'reviewer',
      actorId: r.psa.id,
    });
    expect(trail.find((a) => a.action === 'solution_certification.expert_pass')).toMatchObject({
      actorKind: 'reviewer',
      actorId: r.expert.id,
    });
    expect(trail.find((a) => a.action === 'solution_certification.certified')).toMatchObject({
      actorKind: 'reviewer',
      actorId: r.pdmSupervisor.id,
    });
  });

  it('BUILD-011 a PSA rejection without a comment is refused; with a comment the partner sees it', async () => {
    const { partner, certificationId: id } = await submitted('cloud_software');
    const psa = await panel(r.psa.email);
    expect(await visibleActions(psa, id)).toEqual(expect.arrayContaining(['psaPass', 'psaReject']));
    for (const blank of [undefined, '', '  ']) {
      const notice = await act(psa, id, 'psaReject', blank);
      expect(notice.type).toBe('error');
      expect(notice.message).toContain('REVIEW_COMMENT_REQUIRED');
    }
    expect(await reviewerView(id)).toMatchObject({ status: 'pending_psa_pre_review', psa_pre_review: null });
    expect((await audit(id)).some((a) => a.actorKind === 'reviewer')).toBe(false);

    expect(await act(psa, id, 'psaReject', 'The FTR evidence is missing pages')).toMatchObject({
      type: 'success',
      message: 'Application rejected: rejected.',
    });
    expect(await partnerView(partner, id)).toMatchObject({
      status: 'rejected',
      psa_pre_review: { result: 'reject', comment: 'The FTR evidence is missing pages' },
    });
    expect((await audit(id)).find((a) => a.action === 'solution_certification.psa_reject')).toMatchObject({
      actorKind: 'reviewer',
      actorId: r.psa.id,
    });
    expect(await visibleActions(psa, id)).not.toContain('psaReject');
  });

  it('BUILD-011 BUILD-012 BUILD-013 reviewers of the wrong role or without the supervisor flag are refused and change nothing', async () => {
    const { certificationId: id } = await submitted('cloud_software');

    // operations do not review solutions: the resource is not offered and the actions are refused
    const opsPanel = await panel(ops.email);
    expect(await sidebar(opsPanel)).not.toContain('SolutionCertification');
    const list = await opsPanel.get('/admin/api/resources/SolutionCertification/actions/list');
    expect(list.body.records ?? []).toEqual([]);
    expect(list.body.notice).toMatchObject({ type: 'error' });
    expect(await act(opsPanel, id, 'psaPass')).toMatchObject({ type: 'error' });

    // the expert sees the application but not the PSA's decision; posting it is refused
    const expert = await panel(r.expert.email);
    expect(await sidebar(expert)).toContain('SolutionCertification');
    const expertActions = await visibleActions(expert, id);
    expect(expertActions).toContain('show');
    expect(expertActions).not.toContain('psaPass');
    expect(await act(expert, id, 'psaPass')).toMatchObject({ type: 'error' });
    expect(await reviewerView(id)).toMatchObject({ status: 'pending_psa_pre_review' });

    const psa = await panel(r.psa.email);
    expect(await act(psa, id, 'psaPass')).toMatchObject({ type: 'success' });
    // the PSA cannot take the next step, and the expert step is not the PDM's
    expect(await visibleActions(psa, id)).not.toContain('expertPass');
    expect(await act(psa, id, 'expertPass')).toMatchObject({ type: 'error' });
    expect(await act(await panel(r.pdmSupervisor.email), id, 'expertPass')).toMatchObject({ type: 'error' });
    expect(await reviewerView(id)).toMatchObject({ status: 'pending_expert_review', expert_review: null });

    // an expert's "fail" needs a comment too
    const fail = await act(expert, id, 'expertFail', '');
    expect(fail.type).toBe('error');
    expect(fail.message).toContain('REVIEW_COMMENT_REQUIRED');
    expect(await act(expert, id, 'expertPass')).toMatchObject({ type: 'success' });
    expect(await reviewerView(id)).toMatchObject({ status: 'pending_pdm_review' });

    // level 2 needs a PDM supervisor: a PDM without the flag is not offered the action and posting it is refused
    const pdm = await panel(plainPdm.email);
    expect(await visibleActions(pdm, id)).not.toContain('pdmApprove');
    expect(await visibleActions(pdm, id)).not.toContain('pdmReject');
    expect(await act(pdm, id, 'pdmApprove', '')).toMatchObject({ type: 'error' });
    expect(await act(expert, id, 'pdmApprove', '')).toMatchObject({ type: 'error' });
    expect(await reviewerView(id)).toMatchObject({ status: 'pending_pdm_review', pdm_review: null });
    const trail = await audit(id);
    expect(trail.filter((a) => a.actorKind === 'reviewer').map((a) => [a.action, a.actorId])).toEqual([
      ['solution_certification.psa_pass', r.psa.id],
      ['solution_certification.expert_pass', r.expert.id],
    ]);

    // the supervisor approves a cloud software certification without business experts (BUILD-013)
    const sup = await panel(r.pdmSupervisor.email);
    const ok = await act(sup, id, 'pdmApprove', '');
    expect(ok.type).toBe('success');
    expect(await reviewerView(id)).toMatchObject({
      status: 'certified',
      pdm_review: { reviewer_id: r.pdmSupervisor.id, business_expert_group_ids: [] },
    });
  });

  it('BUILD-013 advanced certification without a business expert group is refused at level 2', async () => {
    const { certificationId: id } = await submitted('advanced_cloud_software');
    expect(await act(await panel(r.psa.email), id, 'psaPass')).toMatchObject({ type: 'success' });
    expect(await act(await panel(r.expert.email), id, 'expertPass')).toMatchObject({ type: 'success' });
    const sup = await panel(r.pdmSupervisor.email);
    const missing = await act(sup, id, 'pdmApprove', ' ');
    expect(missing.type).toBe('error');
    expect(missing.message).toContain('CERT_BUSINESS_EXPERTS_REQUIRED');
    expect(await reviewerView(id)).toMatchObject({ status: 'pending_pdm_review' });
    const rejected = await act(sup, id, 'pdmReject', 'Business case is not convincing');
    expect(rejected).toMatchObject({ type: 'success', message: 'Application rejected: rejected.' });
    expect(await reviewerView(id)).toMatchObject({
      status: 'rejected',
      pdm_review: { result: 'reject', comment: 'Business case is not convincing' },
    });
  });
});
