/**
 * The reviewer panel in a real browser: the app with the AdminJS module listens on a random port and headless
 * Chromium (playwright-core, Debian's /usr/bin/chromium) logs in at /admin/login and works the onboarding
 * queue. Outcomes are checked through the API and the services, never through pixels.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { AuditService } from '../../libs/audit/index.js';
import { AdminSession } from '../../src/admin/admin-session.entity.js';
import { ADMIN_SESSION_TTL_MS, createAdminModule } from '../../src/admin/admin.module.js';
import { newAccount, newReviewer, onboardingBody, PASSWORD, type PartnerActor } from '../builders/actors.js';
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

describe('admin panel: onboarding manual review (headless Chromium)', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
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
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await t?.close();
    if (process.env.ADMIN_JS_TMP_DIR) rmSync(process.env.ADMIN_JS_TMP_DIR, { recursive: true, force: true });
  });

  /** a fresh browser context (own cookies) per actor */
  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ baseURL: base });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    return page;
  }

  async function shot(page: Page, name: string): Promise<void> {
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
  }

  async function login(page: Page, email: string, password: string): Promise<void> {
    await page.goto('/admin/login');
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', password);
    await Promise.all([
      page.waitForLoadState('domcontentloaded'),
      page.click('form[action="/admin/login"] button'),
    ]);
  }

  /** An account whose onboarding lands in manual review: the registry fake answers `mismatch` (INFO-008). */
  async function applicationInManualReview(): Promise<{ partner: PartnerActor; applicationId: string }> {
    const fake = await t.http.put('/api/v1/admin/test/fakes/company-registry').send({ default: 'mismatch' });
    expect(fake.status).toBe(200);
    const partner = await newAccount(t);
    const res = await t.http
      .post('/api/v1/onboarding/applications')
      .set('X-Auth-Token', partner.token)
      .send(onboardingBody(partner));
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('manual_review');
    return { partner, applicationId: res.body.application_id as string };
  }

  async function onboardingStatus(partner: PartnerActor): Promise<string> {
    const res = await t.http.get('/api/v1/onboarding/status').set('X-Auth-Token', partner.token);
    expect(res.status).toBe(200);
    return res.body.status as string;
  }

  it('INFO-008 an operations reviewer approves an application in manual review from the panel', async () => {
    const { partner, applicationId } = await applicationInManualReview();
    const reviewer = await newReviewer(t, ['operations']);
    const page = await newPage();

    await login(page, reviewer.email, PASSWORD);
    await page.getByTestId('opc-dashboard').waitFor();
    // the work queue shows as many applications as the reviewer API lists
    const queue = await t.http
      .get('/api/v1/admin/onboarding/applications')
      .query({ status: 'manual_review' })
      .set('X-Auth-Token', reviewer.token);
    expect(queue.status).toBe(200);
    const card = await page.getByTestId('dashboard-manual-review').innerText();
    expect(card).toContain(String(queue.body.total_count));
    expect(card).toContain('awaiting manual review');
    await shot(page, '01-dashboard');

    await page.goto(`/admin/resources/OnboardingApplication/records/${applicationId}/show`);
    await page.getByTestId('action-approve').waitFor();
    await shot(page, '02-application');
    await page.getByTestId('action-approve').click();
    await page.getByTestId('decision-approve').waitFor();
    await shot(page, '03-approve-form');
    await page.getByTestId('decision-submit').click();
    await page.waitForURL(`**/admin/resources/OnboardingApplication/records/${applicationId}/show**`);
    await page.getByText('Application approved').first().waitFor();
    await shot(page, '04-approved');
    // the action disappears once the application has left manual review
    await expect(page.getByTestId('action-approve').count()).resolves.toBe(0);

    // the partner sees the result through the API (INFO-008) and may use the partner center
    await expect(onboardingStatus(partner)).resolves.toBe('approved');
    const company = await t.http.get('/api/v1/info/company').set('X-Auth-Token', partner.token);
    expect(company.status).toBe(200);

    // audited with the reviewer as actor, in the same transitions as through the API
    const audit = await t.app.get(AuditService).forEntity('onboarding_application', applicationId);
    const decision = audit.find((a) => a.action === 'onboarding.approved_by_reviewer');
    expect(decision).toMatchObject({ actorKind: 'reviewer', actorId: reviewer.id });
    const accountAudit = await t.app.get(AuditService).forEntity('partner_account', partner.id);
    expect(accountAudit.some((a) => a.actorKind === 'reviewer' && a.actorId === reviewer.id)).toBe(true);

    // the result goes out by in-app message, e-mail and SMS (INFO-008)
    const outbox = await t.http
      .get('/api/v1/admin/test/outbox')
      .query({ partner_account_id: partner.id, template: 'onboarding.approved' });
    expect(outbox.status).toBe(200);
    const channels = (outbox.body.items as Array<{ channel: string }>).map((n) => n.channel).sort();
    expect(channels).toEqual(['email', 'in_app', 'sms']);
  });

  it('INFO-007 an operations reviewer rejects with a reason; the partner sees it and may apply again', async () => {
    const { partner, applicationId } = await applicationInManualReview();
    const reviewer = await newReviewer(t, ['operations']);
    const page = await newPage();
    await login(page, reviewer.email, PASSWORD);
    await page.getByTestId('opc-dashboard').waitFor();

    await page.goto(`/admin/resources/OnboardingApplication/records/${applicationId}/reject`);
    await page.getByTestId('decision-reject').waitFor();
    // the reason is required: the button stays disabled without one
    await expect(page.getByTestId('decision-submit').isDisabled()).resolves.toBe(true);
    await page.fill('#decision-reason', 'Business licence copy is unreadable');
    await shot(page, '05-reject-form');
    await page.getByTestId('decision-submit').click();
    await page.waitForURL(`**/admin/resources/OnboardingApplication/records/${applicationId}/show**`);
    await page.getByText('Application rejected').first().waitFor();

    const status = await t.http.get('/api/v1/onboarding/status').set('X-Auth-Token', partner.token);
    expect(status.body).toMatchObject({
      status: 'rejected',
      reject_reason: 'Business licence copy is unreadable',
    });
    const again = await t.http
      .post('/api/v1/onboarding/applications')
      .set('X-Auth-Token', partner.token)
      .send(onboardingBody(partner));
    expect(again.status).toBe(201);
    expect(again.body.application_id).not.toBe(applicationId);
    const audit = await t.app.get(AuditService).forEntity('onboarding_application', applicationId);
    expect(audit.find((a) => a.action === 'onboarding.rejected')).toMatchObject({
      actorKind: 'reviewer',
      actorId: reviewer.id,
    });
  });

  it('a decision the state machine refuses is shown to the reviewer as an error notice', async () => {
    const { applicationId } = await applicationInManualReview();
    const first = await newReviewer(t, ['operations']);
    const second = await newReviewer(t, ['admin']);
    const a = await newPage();
    const b = await newPage();
    await login(a, first.email, PASSWORD);
    await login(b, second.email, PASSWORD);
    // both open the approve form; the first approves, the second's approval comes too late
    for (const page of [a, b]) {
      await page.getByTestId('opc-dashboard').waitFor();
      await page.goto(`/admin/resources/OnboardingApplication/records/${applicationId}/approve`);
      await page.getByTestId('decision-approve').waitFor();
    }
    await a.getByTestId('decision-submit').click();
    await a.getByText('Application approved').first().waitFor();
    await b.getByTestId('decision-submit').click();
    await b.getByText('INFO_ONBOARDING_NOT_IN_REVIEW').first().waitFor();
    await shot(b, '06-not-in-review');
    const audit = await t.app.get(AuditService).forEntity('onboarding_application', applicationId);
    expect(audit.filter((x) => x.action === 'onboarding.approved_by_reviewer')).toHaveLength(1);
  });

  it("a partner's credentials are refused by the admin login form (reviewers only)", async () => {
    const partner = await newAccount(t);
    const page = await newPage();
    // the partner admin's login name and password, and its e-mail address as "email"
    for (const login_ of [partner.accountName, `${partner.accountName}@example.test`]) {
      await login(page, login_, PASSWORD);
      expect(new URL(page.url()).pathname).toBe('/admin/login');
      await page.getByText('Wrong email and/or password').waitFor();
    }
    await shot(page, '07-partner-refused');
    // and the panel stays closed
    await page.goto('/admin/resources/OnboardingApplication');
    expect(new URL(page.url()).pathname).toBe('/admin/login');
  });

  it('a reviewer without operations sees no onboarding decisions and cannot run them', async () => {
    const { partner, applicationId } = await applicationInManualReview();
    const pdm = await newReviewer(t, ['pdm']);
    const page = await newPage();
    await login(page, pdm.email, PASSWORD);
    await page.getByTestId('opc-dashboard').waitFor();
    await expect(page.getByTestId('dashboard-manual-review').count()).resolves.toBe(0);

    // the read-only partner data is there, the onboarding queue and its actions are not
    await page.goto('/admin/resources/PartnerAccount');
    await page.locator(`[data-id="${partner.id}"]`).waitFor();
    await page.goto(`/admin/resources/OnboardingApplication/records/${applicationId}/show`);
    await page.waitForLoadState('networkidle');
    await shot(page, '08-pdm-application');
    await expect(page.getByTestId('action-approve').count()).resolves.toBe(0);
    await expect(page.getByTestId('action-reject').count()).resolves.toBe(0);

    // posting to the action directly (with the pdm's session) is refused and changes nothing
    const res = await page.request.post(
      `/admin/api/resources/OnboardingApplication/records/${applicationId}/approve`,
      { multipart: { confirmed: 'true' } },
    );
    // AdminJS answers a ForbiddenError as an error notice with the record's data withheld
    const body = (await res.json()) as { notice?: { type: string }; record?: { params: object } };
    expect(body.notice?.type).toBe('error');
    expect(body.record?.params).toEqual({});
    await expect(onboardingStatus(partner)).resolves.toBe('manual_review');
    const audit = await t.app.get(AuditService).forEntity('onboarding_application', applicationId);
    expect(audit.some((a) => a.actorKind === 'reviewer')).toBe(false);
  });

  it('sessions live in the shared admin_session table, expire by the clock and end at logout', async () => {
    const reviewer = await newReviewer(t, ['operations']);
    const sessions = t.app.get(DataSource).getRepository(AdminSession);
    const sessionsOf = async () =>
      (await sessions.find()).filter((row) => row.data.includes(`"id":"${reviewer.id}"`));
    const page = await newPage();
    await login(page, reviewer.email, PASSWORD);
    await page.getByTestId('opc-dashboard').waitFor();
    const [session] = await sessionsOf();
    expect(session).toBeDefined();
    expect(JSON.parse(session.data)).toMatchObject({
      adminUser: { id: reviewer.id, email: reviewer.email, roles: ['operations'] },
    });

    // idle for longer than the session lifetime (by the injected clock): back to the login form
    t.clock.advance(ADMIN_SESSION_TTL_MS + 1000);
    try {
      await page.goto('/admin');
      expect(new URL(page.url()).pathname).toBe('/admin/login');
      expect(await sessions.count({ where: { sid: session.sid } })).toBe(0);
    } finally {
      t.clock.reset();
    }

    await login(page, reviewer.email, PASSWORD);
    await page.getByTestId('opc-dashboard').waitFor();
    expect(await sessionsOf()).toHaveLength(1);
    await page.goto('/admin/logout');
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    expect(await sessionsOf()).toHaveLength(0);
  });
});
