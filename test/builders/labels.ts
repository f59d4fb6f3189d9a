/**
 * Builders of capability-label certification (certification-labels.md LABEL-001…LABEL-025), driven entirely over
 * HTTP: the partner creates a draft with evidence for every evaluation item, submits, then the operations
 * specialist (initial review) → label review expert (technical pre-review) → partner (pre-review confirmation)
 * → expert (defense session + technical defense) → countersign group (PDM, expert as label owner, operations
 * specialist) until the label is `active` for the account.
 *
 * The partner must already hold an active `service` or `si` path membership (LABEL-002) and a valid token (log
 * in again after travelling the clock more than 24 h). The builder never travels the clock: the defense session
 * is scheduled at the current (test) clock instant, which counts as held.
 */
import { expect } from '@jest/globals';
import { newReviewer, PASSWORD, tokenFor, type PartnerActor } from './actors.js';
import type { TestApp } from '../setup/test-app.js';

export interface LabelReviewers {
  operations: { id: string; token: string };
  expert: { id: string; token: string };
  pdm: { id: string; token: string };
}

const reviewersOf = new WeakMap<
  TestApp,
  { operations: string; expert: string; pdm: string; ids: Record<string, string> }
>();

/**
 * One operations specialist, one label review expert and one PDM per test app (the countersign group), with
 * tokens issued now — tokens live 24 h by the (travelling) clock, so each call logs the reviewers in again.
 */
export async function labelReviewers(t: TestApp): Promise<LabelReviewers> {
  let r = reviewersOf.get(t);
  if (!r) {
    const operations = await newReviewer(t, ['operations']);
    const expert = await newReviewer(t, ['expert']);
    const pdm = await newReviewer(t, ['pdm']);
    r = {
      operations: operations.email,
      expert: expert.email,
      pdm: pdm.email,
      ids: { operations: operations.id, expert: expert.id, pdm: pdm.id },
    };
    reviewersOf.set(t, r);
  }
  const login = async (role: 'operations' | 'expert' | 'pdm') => ({
    id: r.ids[role],
    token: await tokenFor(t, { reviewer: r[role], password: PASSWORD }),
  });
  return { operations: await login('operations'), expert: await login('expert'), pdm: await login('pdm') };
}

function ok(res: { status: number; body: unknown }, status: number, what: string): void {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
}

/** The catalogue entry of a label (its evaluation items). */
export async function labelCatalogueEntry(
  t: TestApp,
  token: string,
  labelCode: string,
): Promise<{ code: string; evaluation_items: Array<{ item_code: string; mandatory: boolean }> }> {
  const res = await t.http.get('/api/v1/capability-labels').set('X-Auth-Token', token);
  ok(res, 200, 'GET /capability-labels');
  const label = (
    res.body.items as Array<{
      code: string;
      evaluation_items: Array<{ item_code: string; mandatory: boolean }>;
    }>
  ).find((l) => l.code === labelCode);
  if (!label) throw new Error(`label ${labelCode} not in the catalogue`);
  return label;
}

/** Creates a draft with one evidence file per evaluation item and submits it: the application is in `initial_review`. */
export async function submitLabelApplication(
  t: TestApp,
  partner: PartnerActor,
  labelCode: string,
): Promise<{ applicationId: string; itemCodes: string[] }> {
  const label = await labelCatalogueEntry(t, partner.token, labelCode);
  const itemCodes = label.evaluation_items.map((i) => i.item_code);
  const created = await t.http
    .post('/api/v1/label-certifications')
    .set('X-Auth-Token', partner.token)
    .send({
      label_code: labelCode,
      evidence: itemCodes.map((item_code) => ({ item_code, file_ids: [`file-${item_code}`] })),
    });
  ok(created, 201, 'POST /label-certifications');
  const id = created.body.id as string;
  const submitted = await t.http
    .post(`/api/v1/label-certifications/${id}/submit`)
    .set('X-Auth-Token', partner.token)
    .send({});
  ok(submitted, 200, 'submit');
  return { applicationId: id, itemCodes };
}

/**
 * Drives a label application through every step until `PartnerCapabilityLabel.status = active` (LABEL-021):
 * 1 initial review (complete) → 3 technical pre-review → 4 pre-review confirmation → 5 technical defense
 * (no archive needed, every item `pass`) → 8 countersign signed by PDM, expert and operations.
 */
export async function grantLabel(
  t: TestApp,
  partner: PartnerActor,
  labelCode: string,
): Promise<{ applicationId: string }> {
  const r = await labelReviewers(t);
  const { applicationId: id, itemCodes } = await submitLabelApplication(t, partner, labelCode);
  const admin = (token: string, action: string, body: object) =>
    t.http.post(`/api/v1/admin/label-certifications/${id}/${action}`).set('X-Auth-Token', token).send(body);

  ok(await admin(r.operations.token, 'initial-review', { outcome: 'complete' }), 200, 'initial-review');
  ok(
    await admin(r.expert.token, 'pre-review', {
      comments: itemCodes.map((item_code) => ({ item_code, comment: 'no comment' })),
    }),
    200,
    'pre-review',
  );
  const confirmed = await t.http
    .post(`/api/v1/label-certifications/${id}/confirm-pre-review`)
    .set('X-Auth-Token', partner.token)
    .send({ responses: itemCodes.map((item_code) => ({ item_code, confirmed: true })) });
  ok(confirmed, 200, 'confirm-pre-review');
  const now = (await t.http.get('/api/v1/admin/test/clock')).body.now as string;
  ok(
    await admin(r.expert.token, 'defense-sessions', {
      kind: 'technical_defense',
      scheduled_at: now,
      meeting_link: 'https://meeting.example.test/defense',
    }),
    201,
    'defense-sessions',
  );
  ok(
    await admin(r.expert.token, 'defense', {
      outcome: 'no_archive_needed',
      item_results: itemCodes.map((item_code) => ({ item_code, result: 'pass' })),
    }),
    200,
    'defense',
  );
  for (const signer of [r.pdm, r.expert, r.operations]) {
    ok(await admin(signer.token, 'countersign', { decision: 'passed' }), 200, 'countersign');
  }
  const held = await t.http.get('/api/v1/partner-capability-labels').set('X-Auth-Token', partner.token);
  ok(held, 200, 'GET /partner-capability-labels');
  expect(
    (held.body.items as Array<{ label_code: string; status: string }>).some(
      (l) => l.label_code === labelCode && l.status === 'active',
    ),
  ).toBe(true);
  return { applicationId: id };
}

/** Operations revokes a held label (decision, Open point 3): `PartnerCapabilityLabel.status = revoked`. */
export async function revokeLabel(
  t: TestApp,
  partner: PartnerActor,
  labelCode: string,
  reason = 'periodic review failed',
): Promise<void> {
  const r = await labelReviewers(t);
  const list = await t.http
    .get(`/api/v1/admin/partner-capability-labels?partner_account_id=${partner.id}`)
    .set('X-Auth-Token', r.operations.token);
  ok(list, 200, 'GET /admin/partner-capability-labels');
  const held = (list.body.items as Array<{ id: string; label_code: string; status: string }>).find(
    (l) => l.label_code === labelCode && l.status === 'active',
  );
  if (!held) throw new Error(`${partner.id} holds no active ${labelCode}`);
  const res = await t.http
    .post(`/api/v1/admin/partner-capability-labels/${held.id}/revoke`)
    .set('X-Auth-Token', r.operations.token)
    .send({ reason });
  ok(res, 200, 'revoke');
}
