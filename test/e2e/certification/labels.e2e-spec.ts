/**
 * Capability-label certification (certification-labels.md LABEL-001…LABEL-025, F-LABEL-1, F-LABEL-2; FAQ 9):
 * the acceptance scenarios over HTTP, the eight reviewer steps on `/api/v1/admin/label-certifications/…`, the
 * SLA jobs run through `POST /api/v1/admin/jobs/{job}/run` after clock travel, notifications read from the
 * outbox hook, tenancy and permissions.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  newMember,
  newPartner,
  newReviewer,
  PASSWORD,
  tokenFor,
  type PartnerActor,
} from '../../builders/actors.js';
import { grantLabel, labelReviewers, revokeLabel, submitLabelApplication } from '../../builders/labels.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';
import {
  CAPABILITY_LABEL_READER,
  type CapabilityLabelReader,
  LabelCatalogueService,
} from '../../../src/modules/certification/index.js';
import { DataSource } from 'typeorm';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('capability-label certification (certification-labels.md)', () => {
  let t: TestApp;
  let p1: PartnerActor;
  let ops: { id: string; token: string };
  let expert: { id: string; token: string };
  let pdm: { id: string; token: string };

  /** partners of the running test: their tokens are renewed after clock travel (tokens live 24 h) */
  let live: PartnerActor[] = [];
  const setClock = async (now: string) => {
    const res = await t.http.put('/api/v1/admin/test/clock').send({ now });
    expect(res.status).toBe(200);
    ({ operations: ops, expert, pdm } = await labelReviewers(t));
    for (const p of live) p.token = await tokenFor(t, { account: p.accountName, password: PASSWORD });
  };
  const runJob = async (job: string) => {
    const res = await t.http.post(`/api/v1/admin/jobs/${job}/run`).send({});
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('succeeded');
    return res.body as Body;
  };
  const outbox = async (q: Record<string, string>): Promise<Body[]> => {
    const res = await t.http.get('/api/v1/admin/test/outbox').query(q);
    expect(res.status).toBe(200);
    return res.body.items as Body[];
  };
  const as = (token: string) => ({
    get: (path: string) => t.http.get(`/api/v1${path}`).set('X-Auth-Token', token),
    post: (path: string, body: object = {}) =>
      t.http.post(`/api/v1${path}`).set('X-Auth-Token', token).send(body),
    put: (path: string, body: object = {}) =>
      t.http.put(`/api/v1${path}`).set('X-Auth-Token', token).send(body),
    delete: (path: string) => t.http.delete(`/api/v1${path}`).set('X-Auth-Token', token),
  });
  const adminPost = (token: string, id: string, action: string, body: object = {}) =>
    as(token).post(`/admin/label-certifications/${id}/${action}`, body);
  const read = async (partner: PartnerActor, id: string): Promise<Body> => {
    const res = await as(partner.token).get(`/label-certifications/${id}`);
    expect(res.status).toBe(200);
    return res.body as Body;
  };
  const joinPath = async (partner: PartnerActor, path = 'service') => {
    const res = await as(partner.token).post('/paths/memberships', { path });
    expect(res.status).toBe(201);
  };
  async function servicePartner(): Promise<PartnerActor> {
    const p = await newPartner(t);
    await joinPath(p);
    live.push(p);
    return p;
  }
  const draft = (partner: PartnerActor, label = 'database', items = ['DB-01', 'DB-02']) =>
    as(partner.token).post('/label-certifications', {
      label_code: label,
      evidence: items.map((item_code) => ({ item_code, file_ids: [`f-${item_code}`] })),
    });

  /** An application of `partner` moved to the given step (the clock is whatever the caller set). */
  async function toStep(partner: PartnerActor, step: string): Promise<string> {
    const { applicationId: id } = await submitLabelApplication(t, partner, 'database');
    if (step === 'initial_review') return id;
    if (step === 'supplementing_materials') {
      expect(
        (
          await adminPost(ops.token, id, 'initial-review', {
            outcome: 'incomplete',
            items: ['DB-02'],
            comment: 'more',
          })
        ).status,
      ).toBe(200);
      return id;
    }
    expect((await adminPost(ops.token, id, 'initial-review', { outcome: 'complete' })).status).toBe(200);
    if (step === 'technical_pre_review') return id;
    const pre = await adminPost(expert.token, id, 'pre-review', {
      comments: [
        { item_code: 'DB-01', comment: 'clarify the migration tooling' },
        { item_code: 'DB-02', comment: 'name the customer' },
      ],
    });
    expect(pre.status).toBe(200);
    if (step === 'pre_review_confirmation') return id;
    const conf = await as(partner.token).post(`/label-certifications/${id}/confirm-pre-review`, {
      responses: [
        { item_code: 'DB-01', partner_response: 'DRS and UGO' },
        { item_code: 'DB-02', confirmed: true },
      ],
    });
    expect(conf.status).toBe(200);
    if (step === 'technical_defense') return id;
    const now = (await t.http.get('/api/v1/admin/test/clock')).body.now as string;
    expect(
      (
        await adminPost(expert.token, id, 'defense-sessions', {
          kind: 'technical_defense',
          scheduled_at: now,
          meeting_link: 'https://m.example.test/1',
        })
      ).status,
    ).toBe(201);
    if (step === 'supplementing_archive' || step === 'archive_re_review') {
      const d = await adminPost(expert.token, id, 'defense', {
        outcome: 'archive_needed',
        archive_materials: ['signed acceptance report'],
      });
      expect(d.status).toBe(200);
      if (step === 'supplementing_archive') return id;
      const up = await as(partner.token).post(`/label-certifications/${id}/archive-materials`, {
        file_ids: ['f-archive-1'],
      });
      expect(up.status).toBe(200);
      return id;
    }
    const d = await adminPost(expert.token, id, 'defense', {
      outcome: 'no_archive_needed',
      item_results: [
        { item_code: 'DB-01', result: 'pass' },
        { item_code: 'DB-02', result: 'pass' },
      ],
    });
    expect(d.status).toBe(200);
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    await setClock('2025-07-01T10:15:00+08:00');
    ({ operations: ops, expert, pdm } = await labelReviewers(t));
    p1 = await servicePartner();
  });
  beforeEach(() => {
    live = [];
  });
  afterAll(async () => {
    await t.close();
  });

  // --- catalogue ------------------------------------------------------------------------------------------------

  it('LABEL-001 seed catalogue on first use: concurrent first reads all succeed and store each label once', async () => {
    const labels = t.app.get(LabelCatalogueService);
    const db = t.app.get(DataSource);
    const stored = async () =>
      ((await db.query('SELECT code, level, active FROM capability_label')) as Body[]).map((r) => ({
        code: r.code as string,
        level: Number(r.level),
        active: Boolean(Number(r.active)),
      }));
    // simulate a fresh process whose catalogue lost one seed row: the next first use re-inserts only it
    await db.query('DELETE FROM capability_label WHERE code = ?', ['iot']);
    (labels as unknown as { seeded: boolean }).seeded = false;
    const reads = await Promise.all([1, 2, 3, 4].map(() => as(p1.token).get('/capability-labels')));
    for (const r of reads) {
      expect(r.status).toBe(200);
      expect(r.body.total_count).toBe(18);
    }
    const rows = await stored();
    expect(rows).toHaveLength(18);
    expect(new Set(rows.map((l) => l.code)).size).toBe(18);
    expect(rows.find((l) => l.code === 'iot')).toEqual({ code: 'iot', level: 1, active: true });
  });

  it('LABEL-001 / LABEL-023 the catalogue holds the 18 seed level-1 labels with their evaluation items', async () => {
    const res = await as(p1.token).get('/capability-labels');
    expect(res.status).toBe(200);
    const codes = (res.body.items as Body[]).map((l) => l.code).sort();
    expect(codes).toHaveLength(18);
    expect(codes).toEqual(
      expect.arrayContaining([
        'cloud_adoption_planning_implementation',
        'database',
        'application_modernization',
        'sap',
        'iot',
      ]),
    );
    const db = (res.body.items as Body[]).find((l) => l.code === 'database')!;
    expect(db).toMatchObject({
      level: 1,
      active: true,
      improvement_incentive_scope: 'global',
      name_en: 'Database service capability',
    });
    expect(db.evaluation_items.map((i: Body) => [i.item_code, i.mandatory])).toEqual([
      ['DB-01', true],
      ['DB-02', true],
    ]);
  });

  it('LABEL-001 scenario 1: inactive label → 422 LABEL_INACTIVE; unknown label → 404 LABEL_NOT_FOUND', async () => {
    const off = await as(ops.token).put('/admin/capability-labels/sap', { active: false });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    const inactive = await as(p1.token).post('/label-certifications', { label_code: 'sap' });
    expect(inactive.status).toBe(422);
    expect(inactive.body).toMatchObject({
      error_code: 'LABEL_INACTIVE',
      error_msg: 'This capability label is not open for certification.',
    });
    const unknown = await as(p1.token).post('/label-certifications', { label_code: 'no_such_label' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error_code).toBe('LABEL_NOT_FOUND');
    // catalogue maintenance is operations-only
    expect((await as(expert.token).put('/admin/capability-labels/sap', { active: true })).status).toBe(403);
    expect((await as(ops.token).put('/admin/capability-labels/sap', { active: true })).status).toBe(200);
  });

  it('LABEL-002 scenario 2: an account without an active path membership → 422 LABEL_PATH_REQUIRED', async () => {
    const p2 = await newPartner(t);
    const res = await as(p2.token).post('/label-certifications', { label_code: 'database' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      error_code: 'LABEL_PATH_REQUIRED',
      error_msg: 'Join a development path before applying for a capability label.',
    });
    // a software-path account is not an applicant path by default (Open point 4)
    await joinPath(p2, 'software');
    expect(
      (await as(p2.token).post('/label-certifications', { label_code: 'database' })).body.error_code,
    ).toBe('LABEL_PATH_REQUIRED');
  });

  it('LABEL-005 scenario 3: submitting a draft with evidence only for DB-01 → 400 LABEL_EVIDENCE_MISSING details.item_code = DB-02', async () => {
    const p = await servicePartner();
    const d = await draft(p, 'database', ['DB-01']);
    expect(d.status).toBe(201);
    expect(d.body.status).toBe('draft');
    const res = await as(p.token).post(`/label-certifications/${d.body.id}/submit`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error_code: 'LABEL_EVIDENCE_MISSING',
      error_msg: 'Evidence missing for item DB-02.',
      details: { item_code: 'DB-02' },
    });
    const upd = await as(p.token).put(`/label-certifications/${d.body.id}/evidence`, {
      evidence: [{ item_code: 'DB-02', file_ids: ['f-db-02'] }],
    });
    expect(upd.status).toBe(200);
    expect((await as(p.token).post(`/label-certifications/${d.body.id}/submit`)).body.status).toBe(
      'initial_review',
    );
  });

  it('LABEL-006 / F-LABEL-1 / LABEL-016 scenario 6: submitted at 2025-07-01T10:15+08:00 → initial_review due 2025-07-04T15:59:59.999Z', async () => {
    await setClock('2025-07-01T10:15:00+08:00');
    const p = await servicePartner();
    const d = await draft(p);
    const sub = await as(p.token).post(`/label-certifications/${d.body.id}/submit`);
    expect(sub.status).toBe(200);
    const v = await read(p, d.body.id);
    expect(v.status).toBe('initial_review');
    expect(v.current_step_due_at).toBe('2025-07-04T15:59:59.999Z');
    expect(v.current_step_entered_at).toBe('2025-07-01T02:15:00.000Z');
    expect(v.submitted_at).toBe('2025-07-01T02:15:00.000Z');
    expect(v.steps).toEqual([
      expect.objectContaining({
        step: 'initial_review',
        step_number: 1,
        owner_side: 'huawei',
        entered_at: '2025-07-01T02:15:00.000Z',
        sla_days: 3,
        sla_day_type: 'natural',
        due_at: '2025-07-04T15:59:59.999Z',
        completed_at: null,
        sla_breached: false,
      }),
    ]);
    // F-LABEL-2: straight path maximum 3 + 10 + 20 + 10 + 5 = 48 days from entering step 1
    expect(v.expected_completion_by).toBe('2025-08-18T15:59:59.999Z');
  });

  it('LABEL-003 scenario 4: another database certification while one is in technical_pre_review → 409 LABEL_CERT_IN_PROGRESS', async () => {
    const p = await servicePartner();
    const id = await toStep(p, 'technical_pre_review');
    expect((await read(p, id)).status).toBe('technical_pre_review');
    const res = await draft(p);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      error_code: 'LABEL_CERT_IN_PROGRESS',
      error_msg: 'A certification for this label is already in progress.',
    });
    // concurrent drafts for one label: exactly one wins
    const racing = await Promise.all([
      draft(p, 'iot', ['IOT-01', 'IOT-02']),
      draft(p, 'iot', ['IOT-01', 'IOT-02']),
    ]);
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(racing.find((r) => r.status === 409)!.body.error_code).toBe('LABEL_CERT_IN_PROGRESS');
    // another label is independent
    expect((await draft(p, 'big_data', ['BD-01', 'BD-02'])).status).toBe(201);
  });

  it('LABEL-007 scenario 7: incomplete without items → 400 LABEL_SUPPLEMENT_ITEMS_REQUIRED; with items → supplementing_materials due 2025-07-23, partner notified in-app and by e-mail', async () => {
    await setClock('2025-07-01T10:15:00+08:00');
    const p = await servicePartner();
    const { applicationId: id } = await submitLabelApplication(t, p, 'database');
    const bad = await adminPost(ops.token, id, 'initial-review', { outcome: 'incomplete' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      error_code: 'LABEL_SUPPLEMENT_ITEMS_REQUIRED',
      error_msg: 'Name the items that need supplementary materials.',
    });
    // the step belongs to operations: an expert gets 403
    expect((await adminPost(expert.token, id, 'initial-review', { outcome: 'complete' })).status).toBe(403);
    await setClock('2025-07-03T09:00:00+08:00');
    const ok = await adminPost(ops.token, id, 'initial-review', {
      outcome: 'incomplete',
      items: ['DB-02'],
      comment: 'add migration evidence',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('supplementing_materials');
    expect(ok.body.current_step_due_at).toBe('2025-07-23T15:59:59.999Z');
    expect(ok.body.supplement_items).toEqual(['DB-02']);
    const msgs = await outbox({
      partner_account_id: p.id,
      template: 'certification.label.supplement_requested',
    });
    expect(msgs.map((m) => m.channel).sort()).toEqual(['email', 'in_app']);
    expect(msgs.find((m) => m.channel === 'email')!.to).toBe(`${p.accountName}@example.test`);
    // LABEL-016: the partner sees the step 1 outcome and comment
    const v = await read(p, id);
    expect(v.steps.map((s: Body) => [s.step, s.outcome, s.comment])).toEqual([
      ['initial_review', 'incomplete', 'add migration evidence'],
      ['supplementing_materials', null, null],
    ]);
    // the loop back: supplement → initial_review (second visit)
    expect(
      (await as(p.token).post(`/label-certifications/${id}/supplement`, { evidence: [] })).body.error_code,
    ).toBe('LABEL_FILES_REQUIRED');
    const sup = await as(p.token).post(`/label-certifications/${id}/supplement`, {
      evidence: [{ item_code: 'DB-02', file_ids: ['f-db-02-v2'] }],
    });
    expect(sup.status).toBe(200);
    expect(sup.body.status).toBe('initial_review');
    expect(sup.body.steps.map((s: Body) => [s.step, s.visit, s.outcome])).toEqual([
      ['initial_review', 1, 'incomplete'],
      ['supplementing_materials', 1, 'resubmitted'],
      ['initial_review', 2, null],
    ]);
    expect(sup.body.current_step_due_at).toBe('2025-07-06T15:59:59.999Z');
  });

  it('LABEL-014 / LABEL-011 scenario 8: partner reminder at due−3d (one reminder), breach after due_at flags the step and tells the PDM, status unchanged', async () => {
    await setClock('2025-07-03T09:00:00+08:00');
    const p = await servicePartner();
    const id = await toStep(p, 'supplementing_materials');
    expect((await read(p, id)).current_step_due_at).toBe('2025-07-23T15:59:59.999Z');
    await setClock('2025-07-21T00:00:00+08:00');
    await runJob('labelSlaReminderJob');
    const reminders = await outbox({
      partner_account_id: p.id,
      template: 'certification.label.sla_reminder',
    });
    expect(reminders.filter((m) => m.channel === 'email')).toHaveLength(1);
    expect(reminders.filter((m) => m.channel === 'email')[0].to).toBe(`${p.accountName}@example.test`);
    expect(reminders.filter((m) => m.channel === 'in_app')).toHaveLength(1);
    expect(reminders.filter((m) => m.channel === 'sms')).toHaveLength(0);
    expect(reminders[0].params).toMatchObject({ reminder: 'due_minus_3d', step: 'supplementing_materials' });
    // running again sends nothing new (idempotent)
    await runJob('labelSlaReminderJob');
    expect(
      await outbox({ partner_account_id: p.id, template: 'certification.label.sla_reminder' }),
    ).toHaveLength(2);
    await setClock('2025-07-24T00:00:00+08:00');
    await runJob('labelSlaBreachJob');
    const v = await read(p, id);
    expect(v.status).toBe('supplementing_materials');
    const step = v.steps.find((s: Body) => s.step === 'supplementing_materials');
    expect(step.sla_breached).toBe(true);
    const pdmMsgs = await outbox({
      partner_account_id: p.id,
      template: 'certification.label.sla_breached',
      to: 'reviewers:pdm',
    });
    expect(pdmMsgs).toHaveLength(1);
    expect(pdmMsgs[0].channel).toBe('in_app');
  });

  it('LABEL-014 / LABEL-008 scenario 9: a Huawei step breach flags and escalates to the supervisor, never decides; 23:30 on the due day leaves it unflagged', async () => {
    await setClock('2025-07-05T09:00:00+08:00');
    const p = await servicePartner();
    const id = await toStep(p, 'technical_pre_review');
    const v0 = await read(p, id);
    expect(v0.current_step_due_at).toBe('2025-07-15T15:59:59.999Z');
    await setClock('2025-07-15T23:30:00+08:00');
    await runJob('labelSlaBreachJob');
    expect((await read(p, id)).steps.find((s: Body) => s.step === 'technical_pre_review').sla_breached).toBe(
      false,
    );
    await setClock('2025-07-16T00:00:00+08:00');
    await runJob('labelSlaBreachJob');
    const v = await read(p, id);
    expect(v.status).toBe('technical_pre_review');
    expect(v.final_result).toBeNull();
    expect(v.steps.find((s: Body) => s.step === 'technical_pre_review').sla_breached).toBe(true);
    const sup = await outbox({
      partner_account_id: p.id,
      template: 'certification.label.sla_breached',
      to: 'reviewers:supervisor',
    });
    expect(sup).toHaveLength(1);
  });

  it('LABEL-014 / LABEL-006 / F-LABEL-1 natural days over a weekend and a holiday: due time not extended, Huawei reminders at due−1d and due, then the breach flag', async () => {
    // entered Friday 2025-07-04 16:00 (+08:00); Monday 2025-07-07 is declared a holiday by operations
    await setClock('2025-07-04T16:00:00+08:00');
    const holiday = await as(ops.token).put('/admin/calendar/days/2025-07-07', { kind: 'holiday' });
    expect(holiday.status).toBe(200);
    const p = await servicePartner();
    const { applicationId: id } = await submitLabelApplication(t, p, 'database');
    // 3 natural days (Open point 1): Sat, Sun, Mon(holiday) → 2025-07-07 23:59:59.999 Asia/Shanghai
    expect((await read(p, id)).current_step_due_at).toBe('2025-07-07T15:59:59.999Z');
    await setClock('2025-07-06T12:00:00+08:00');
    await runJob('labelSlaReminderJob');
    await runJob('labelSlaBreachJob');
    expect(
      await outbox({ partner_account_id: p.id, template: 'certification.label.sla_reminder' }),
    ).toHaveLength(0);
    await setClock('2025-07-07T00:00:00+08:00');
    await runJob('labelSlaReminderJob');
    const r1 = await outbox({ partner_account_id: p.id, template: 'certification.label.sla_reminder' });
    expect(r1.map((m) => [m.channel, m.to, m.params.reminder])).toEqual([
      ['in_app', 'reviewers:operations', 'due_minus_1d'],
    ]);
    await runJob('labelSlaBreachJob');
    expect((await read(p, id)).steps[0].sla_breached).toBe(false);
    await setClock('2025-07-08T00:00:00+08:00');
    await runJob('labelSlaReminderJob');
    await runJob('labelSlaBreachJob');
    const r2 = await outbox({ partner_account_id: p.id, template: 'certification.label.sla_reminder' });
    expect(r2.map((m) => m.params.reminder)).toEqual(['due_minus_1d', 'due']);
    const v = await read(p, id);
    expect(v.status).toBe('initial_review');
    expect(v.steps[0].sla_breached).toBe(true);
    expect(v.steps[0].reminders_sent.map((r: Body) => r.key)).toEqual(['due_minus_1d', 'due']);
    await as(ops.token).delete('/admin/calendar/days/2025-07-07');
  });

  it('LABEL-009 scenario 10: confirming after answering only DB-01 → 422 LABEL_COMMENTS_UNANSWERED', async () => {
    const p = await servicePartner();
    const id = await toStep(p, 'pre_review_confirmation');
    const v = await read(p, id);
    expect(v.current_step_due_at).not.toBeNull();
    expect(v.item_results.map((r: Body) => r.pre_review_comment)).toEqual([
      'clarify the migration tooling',
      'name the customer',
    ]);
    const res = await as(p.token).post(`/label-certifications/${id}/confirm-pre-review`, {
      responses: [{ item_code: 'DB-01', partner_response: 'DRS' }],
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      error_code: 'LABEL_COMMENTS_UNANSWERED',
      error_msg: 'Answer or confirm every pre-review comment.',
      details: { item_codes: ['DB-02'] },
    });
    const ok = await as(p.token).post(`/label-certifications/${id}/confirm-pre-review`, {
      responses: [
        { item_code: 'DB-01', partner_response: 'DRS' },
        { item_code: 'DB-02', confirmed: true },
      ],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('technical_defense');
    // LABEL-010: step 5 SLA = 10 days
    expect(ok.body.steps.at(-1)).toMatchObject({ step: 'technical_defense', sla_days: 10 });
  });

  it('LABEL-010 scenario 11: moving to countersign without a held defense → 409 LABEL_DEFENSE_NOT_HELD (a future session is not held)', async () => {
    await setClock('2025-08-01T10:00:00+08:00');
    const p = await servicePartner();
    const id = await toStep(p, 'technical_defense');
    const body = {
      outcome: 'no_archive_needed',
      item_results: [
        { item_code: 'DB-01', result: 'pass' },
        { item_code: 'DB-02', result: 'pass' },
      ],
    };
    const res = await adminPost(expert.token, id, 'defense', body);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      error_code: 'LABEL_DEFENSE_NOT_HELD',
      error_msg: 'The technical defense has not been held yet.',
    });
    const s = await adminPost(expert.token, id, 'defense-sessions', {
      kind: 'technical_defense',
      scheduled_at: '2025-08-02T10:00:00+08:00',
      meeting_link: 'https://m.example.test/2',
    });
    expect(s.status).toBe(201);
    expect((await adminPost(expert.token, id, 'defense', body)).body.error_code).toBe(
      'LABEL_DEFENSE_NOT_HELD',
    );
    // decision: defense reminder 24 h before the session
    await setClock('2025-08-01T11:00:00+08:00');
    await runJob('labelDefenseReminderJob');
    expect(
      (await outbox({ partner_account_id: p.id, template: 'certification.label.defense_reminder' })).length,
    ).toBeGreaterThan(0);
    await setClock('2025-08-02T11:00:00+08:00');
    const ok = await adminPost(expert.token, id, 'defense', body);
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('countersign');
    expect(ok.body.defense_sessions[0]).toMatchObject({
      kind: 'technical_defense',
      meeting_link: 'https://m.example.test/2',
    });
  });

  it('LABEL-013 scenario 12: the countersign group posting passed during technical_pre_review → 409 LABEL_STEP_OUT_OF_ORDER', async () => {
    const p = await servicePartner();
    const id = await toStep(p, 'technical_pre_review');
    const res = await adminPost(pdm.token, id, 'countersign', { decision: 'passed' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      error_code: 'LABEL_STEP_OUT_OF_ORDER',
      error_msg: 'Step transitions must follow the certification process.',
    });
    // the partner cannot withdraw a Huawei-side step either
    expect((await as(p.token).post(`/label-certifications/${id}/withdraw`)).body.error_code).toBe(
      'LABEL_STEP_OUT_OF_ORDER',
    );
  });

  it('LABEL-021 / LABEL-018 / LABEL-012 / LABEL-023 scenario 13: the last signer passes at 2025-09-10T11:00+08:00 → label active, granted_at 03:00Z, one "passed" e-mail', async () => {
    await setClock('2025-09-01T10:00:00+08:00');
    const p = await servicePartner();
    const id = await toStep(p, 'archive_re_review');
    const v7 = await read(p, id);
    expect(v7.steps.at(-1)).toMatchObject({
      step: 'archive_re_review',
      sla_days: 5,
      due_at: '2025-09-06T15:59:59.999Z',
    });
    const acc = await adminPost(ops.token, id, 'archive-review', {
      outcome: 'accepted',
      item_results: [
        { item_code: 'DB-01', result: 'pass' },
        { item_code: 'DB-02', result: 'pass' },
      ],
    });
    expect(acc.status).toBe(200);
    expect(acc.body.status).toBe('countersign');
    expect(acc.body.steps.at(-1)).toMatchObject({ step: 'countersign', sla_days: 5 });
    expect((await adminPost(pdm.token, id, 'countersign', { decision: 'passed' })).body.status).toBe(
      'countersign',
    );
    expect((await adminPost(pdm.token, id, 'countersign', { decision: 'passed' })).body.error_code).toBe(
      'LABEL_ALREADY_SIGNED',
    );
    expect((await adminPost(expert.token, id, 'countersign', { decision: 'passed' })).body.status).toBe(
      'countersign',
    );
    await setClock('2025-09-10T11:00:00+08:00');
    const last = await adminPost(ops.token, id, 'countersign', { decision: 'passed' });
    expect(last.status).toBe(200);
    expect(last.body).toMatchObject({ status: 'passed', final_result: 'passed', archived: true });
    expect(last.body.result_email_sent_at).toBe('2025-09-10T03:00:00.000Z');
    expect(last.body.countersignatures.map((s: Body) => s.role)).toEqual(['pdm', 'expert', 'operations']);
    const held = await as(p.token).get('/partner-capability-labels');
    expect(held.status).toBe(200);
    expect(held.body.items).toEqual([
      expect.objectContaining({
        label_code: 'database',
        granted_at: '2025-09-10T03:00:00.000Z',
        status: 'active',
        source_certification_id: id,
      }),
    ]);
    const emails = await outbox({
      partner_account_id: p.id,
      template: 'certification.label.result',
      channel: 'email',
    });
    expect(emails).toHaveLength(1);
    expect(emails[0].to).toBe(`${p.accountName}@example.test`);
    expect(emails[0].subject).toContain('passed');
    expect(
      await outbox({ partner_account_id: p.id, template: 'certification.label.result', channel: 'in_app' }),
    ).toHaveLength(1);
    // LABEL-023: the reader other modules use
    const reader = t.app.get<CapabilityLabelReader>(CAPABILITY_LABEL_READER);
    const valid = await reader.listValid(p.id);
    expect(valid.map((l) => [l.labelCode, l.status, l.grantedAt.toISOString()])).toEqual([
      ['database', 'active', '2025-09-10T03:00:00.000Z'],
    ]);
    // LABEL-004 scenario 5: a new database certification → 409 LABEL_ALREADY_HELD
    const again = await draft(p);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      error_code: 'LABEL_ALREADY_HELD',
      error_msg: 'Your account already holds this label.',
    });
  });

  it('LABEL-017 / LABEL-018 / LABEL-020 scenario 14: failed without a suggestion → 400; with it → failed, item results and suggestion visible, one "failed" e-mail', async () => {
    const p = await servicePartner();
    const id = await toStep(p, 'countersign');
    const noSuggestion = await adminPost(pdm.token, id, 'countersign', {
      decision: 'failed',
      item_results: [{ item_code: 'DB-02', result: 'fail' }],
    });
    expect(noSuggestion.status).toBe(400);
    expect(noSuggestion.body).toMatchObject({
      error_code: 'LABEL_IMPROVEMENT_SUGGESTION_REQUIRED',
      error_msg: 'Every failed evaluation item needs an improvement suggestion.',
    });
    // a passed signature with a failed mandatory item is refused (decision)
    expect(
      (
        await adminPost(pdm.token, id, 'countersign', {
          decision: 'passed',
          item_results: [{ item_code: 'DB-02', result: 'fail', improvement_suggestion: 'x' }],
        })
      ).body.error_code,
    ).toBe('LABEL_MANDATORY_ITEM_FAILED');
    const res = await adminPost(pdm.token, id, 'countersign', {
      decision: 'failed',
      item_results: [
        {
          item_code: 'DB-02',
          result: 'fail',
          improvement_suggestion: 'Provide 2 production migration cases',
        },
      ],
      comment: 'cases missing',
    });
    expect(res.status).toBe(200);
    const v = await read(p, id);
    expect(v.status).toBe('failed');
    expect(v.final_result).toBe('failed');
    expect(
      v.item_results.map((r: Body) => ({
        item_code: r.item_code,
        result: r.result,
        improvement_suggestion: r.improvement_suggestion,
      })),
    ).toEqual([
      { item_code: 'DB-01', result: 'pass', improvement_suggestion: null },
      { item_code: 'DB-02', result: 'fail', improvement_suggestion: 'Provide 2 production migration cases' },
    ]);
    // LABEL-020: every step with outcome and comment, including pre-review comments and answers
    expect(v.steps.map((s: Body) => s.step)).toEqual([
      'initial_review',
      'technical_pre_review',
      'pre_review_confirmation',
      'technical_defense',
      'countersign',
    ]);
    expect(v.steps.at(-1)).toMatchObject({ outcome: 'failed', comment: 'cases missing' });
    expect(v.item_results[0]).toMatchObject({
      pre_review_comment: 'clarify the migration tooling',
      partner_response: 'DRS and UGO',
    });
    const emails = await outbox({
      partner_account_id: p.id,
      template: 'certification.label.result',
      channel: 'email',
    });
    expect(emails).toHaveLength(1);
    expect(emails[0].subject).toContain('failed');
    expect(emails[0].body).toContain('Provide 2 production migration cases');
    expect((await as(p.token).get('/partner-capability-labels')).body.items).toEqual([]);

    // LABEL-022 scenario 16: reapply after failure is accepted
    const again = await draft(p);
    expect(again.status).toBe(201);
    const sub = await as(p.token).post(`/label-certifications/${again.body.id}/submit`);
    expect(sub.status).toBe(200);
    expect(sub.body.status).toBe('initial_review');
  });

  it('LABEL-015 scenario 15: closing supplementing_archive before its due time → 409 LABEL_CLOSE_TOO_EARLY; after it → closed PARTNER_SLA_EXPIRED', async () => {
    await setClock('2025-08-10T10:00:00+08:00');
    const p = await servicePartner();
    const id = await toStep(p, 'supplementing_archive');
    const v = await read(p, id);
    expect(v.current_step_due_at).toBe('2025-08-30T15:59:59.999Z');
    // a Huawei-side step cannot be closed
    const q = await servicePartner();
    const other = await toStep(q, 'technical_pre_review');
    expect((await adminPost(ops.token, other, 'close')).body.error_code).toBe('LABEL_STEP_OUT_OF_ORDER');
    await setClock('2025-08-30T18:00:00+08:00');
    const early = await adminPost(ops.token, id, 'close');
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      error_code: 'LABEL_CLOSE_TOO_EARLY',
      error_msg: 'The partner step is not overdue yet.',
    });
    expect((await adminPost(expert.token, id, 'close')).status).toBe(403);
    await setClock('2025-08-31T09:00:00+08:00');
    const ok = await adminPost(ops.token, id, 'close');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'closed', closed_reason: 'PARTNER_SLA_EXPIRED', archived: true });
    // LABEL-022: a closed application does not block a new one
    expect((await draft(p)).status).toBe(201);
  });

  it('LABEL-019 scenario 17: clarification in initial_review → 409 LABEL_CLARIFICATION_NOT_ALLOWED; in pre_review_confirmation → accepted via pdm', async () => {
    const p = await servicePartner();
    const { applicationId: early } = await submitLabelApplication(t, p, 'big_data');
    const refused = await as(p.token).post(`/label-certifications/${early}/clarifications`, {
      requested_via: 'pdm',
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      error_code: 'LABEL_CLARIFICATION_NOT_ALLOWED',
      error_msg: 'Clarification can be requested only during technical review steps.',
    });
    const id = await toStep(p, 'pre_review_confirmation');
    const ok = await as(p.token).post(`/label-certifications/${id}/clarifications`, {
      requested_via: 'pdm',
      question: 'How do we evidence hybrid migrations?',
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ kind: 'clarification', requested_via: 'pdm' });
    expect((await read(p, id)).defense_sessions).toEqual([
      expect.objectContaining({ kind: 'clarification', requested_via: 'pdm' }),
    ]);
    expect(
      await outbox({
        partner_account_id: p.id,
        template: 'certification.label.clarification_requested',
        to: 'reviewers:pdm',
      }),
    ).toHaveLength(1);
    // org members cannot request clarifications (partner admin only)
    const m = await newMember(t, p, ['admin']);
    expect(
      (await as(m.token).post(`/label-certifications/${id}/clarifications`, { requested_via: 'pdm' })).status,
    ).toBe(403);
  });

  it('LABEL-012 / F-LABEL-2 archive loops: at most 2 more_needed loops (Open point 6), comment required', async () => {
    await setClock('2025-10-10T10:00:00+08:00');
    const p = await servicePartner();
    const id = await toStep(p, 'archive_re_review');
    expect(
      (await adminPost(expert.token, id, 'archive-review', { outcome: 'more_needed' })).body.error_code,
    ).toBe('LABEL_COMMENT_REQUIRED');
    for (let loop = 1; loop <= 2; loop++) {
      const more = await adminPost(expert.token, id, 'archive-review', {
        outcome: 'more_needed',
        comment: `round ${loop}`,
      });
      expect(more.status).toBe(200);
      expect(more.body).toMatchObject({ status: 'supplementing_archive', archive_loops: loop });
      const up = await as(p.token).post(`/label-certifications/${id}/archive-materials`, {
        file_ids: [`f-arch-${loop}`],
      });
      expect(up.body.status).toBe('archive_re_review');
    }
    const third = await adminPost(expert.token, id, 'archive-review', {
      outcome: 'more_needed',
      comment: 'round 3',
    });
    expect(third.status).toBe(409);
    expect(third.body.error_code).toBe('LABEL_ARCHIVE_LOOPS_EXHAUSTED');
    const v = await read(p, id);
    expect(v.steps.filter((s: Body) => s.step === 'supplementing_archive').map((s: Body) => s.visit)).toEqual(
      [1, 2, 3],
    );
    expect(v.archive_files.map((f: Body) => f.round)).toEqual([1, 2, 3]);
  });

  it('withdraw (decision): a draft or partner-owned step can be withdrawn; terminal states are archived', async () => {
    const p = await servicePartner();
    const id = await toStep(p, 'pre_review_confirmation');
    const w = await as(p.token).post(`/label-certifications/${id}/withdraw`);
    expect(w.status).toBe(200);
    expect(w.body).toMatchObject({ status: 'withdrawn', archived: true, current_step: null });
    const list = await as(p.token).get('/label-certifications');
    expect(list.body.items.map((i: Body) => [i.id, i.status])).toEqual([[id, 'withdrawn']]);
  });

  it('tenancy and permissions: another partner gets 404; members need certification.label.apply / .view; partner tokens never reach reviewer routes', async () => {
    const p = await servicePartner();
    const { applicationId: id } = await submitLabelApplication(t, p, 'database');
    const other = await servicePartner();
    const foreign = await as(other.token).get(`/label-certifications/${id}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error_code).toBe('LABEL_CERT_NOT_FOUND');
    expect((await as(other.token).post(`/label-certifications/${id}/withdraw`)).status).toBe(404);
    expect((await as(other.token).get('/label-certifications')).body.items).toEqual([]);

    const role = async (keys: string[]) => {
      const r = await as(p.token).post('/org/roles', {
        name: `r-${keys.join('-') || 'none'}`,
        permission_keys: keys,
      });
      expect([r.status, r.body]).toEqual([201, expect.anything()]);
      return r.body.code as string;
    };
    const viewer = await newMember(t, p, [await role(['certification.label.view'])]);
    const applicant = await newMember(t, p, [await role(['certification.label.apply'])]);
    const nobody = await newMember(t, p, [await role(['org.specialist.view'])]);
    expect((await as(viewer.token).get(`/label-certifications/${id}`)).status).toBe(200);
    expect((await as(viewer.token).get('/partner-capability-labels')).status).toBe(200);
    const denied = await as(viewer.token).post('/label-certifications', { label_code: 'big_data' });
    expect(denied.status).toBe(403);
    expect(denied.body.error_code).toBe('ORG_PERMISSION_DENIED');
    expect((await as(nobody.token).get(`/label-certifications/${id}`)).body.error_code).toBe(
      'ORG_PERMISSION_DENIED',
    );
    expect((await as(applicant.token).get(`/label-certifications/${id}`)).status).toBe(200);
    const created = await as(applicant.token).post('/label-certifications', { label_code: 'big_data' });
    expect(created.status).toBe(201);

    expect(
      (await as(p.token).post(`/admin/label-certifications/${id}/initial-review`, { outcome: 'complete' }))
        .status,
    ).toBe(403);
    const psa = await newReviewer(t, ['psa']);
    expect((await adminPost(psa.token, id, 'initial-review', { outcome: 'complete' })).status).toBe(403);
    expect((await adminPost(ops.token, id, 'pre-review', { comments: [] })).status).toBe(403);
    expect((await adminPost(psa.token, id, 'countersign', { decision: 'passed' })).status).toBe(403);
  });

  it('LABEL-023 / F-LABEL-3 grantLabel builder and revocation: revoked labels are no longer valid (Open point 3)', async () => {
    const p = await servicePartner();
    await grantLabel(t, p, 'iot');
    await grantLabel(t, p, 'database');
    const reader = t.app.get<CapabilityLabelReader>(CAPABILITY_LABEL_READER);
    expect((await reader.listValid(p.id)).map((l) => l.labelCode).sort()).toEqual(['database', 'iot']);
    const noReason = await as(ops.token).post(
      `/admin/partner-capability-labels/${(await reader.listValid(p.id))[0].id}/revoke`,
      {
        reason: ' ',
      },
    );
    expect(noReason.body.error_code).toBe('LABEL_REASON_REQUIRED');
    await revokeLabel(t, p, 'iot');
    expect((await reader.listValid(p.id)).map((l) => l.labelCode)).toEqual(['database']);
    const held = await as(p.token).get('/partner-capability-labels');
    expect(held.body.items.map((l: Body) => [l.label_code, l.status]).sort()).toEqual([
      ['database', 'active'],
      ['iot', 'revoked'],
    ]);
    // a revoked label may be applied for again
    expect((await draft(p, 'iot', ['IOT-01', 'IOT-02'])).status).toBe(201);
    // the partner finder received the held labels (FAQ 2)
    const finder = await t.http.get('/api/v1/admin/test/fakes');
    const state = (finder.body.items as Body[]).find((f) => f.port === 'PartnerFinderPort')!.state;
    expect(state.calls.at(-1)).toEqual({ partner_account_id: p.id, label_codes: ['database'] });
  });

  it('LABEL-025 person assessments are recorded by operations', async () => {
    const res = await as(ops.token).post('/admin/person-capability-assessments', {
      personal_account_id: 'person-1',
      role: 'service_expert',
      passed_at: '2025-06-01T02:00:00.000Z',
      assessor_ids: [expert.id],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      personal_account_id: 'person-1',
      role: 'service_expert',
      passed_at: '2025-06-01T02:00:00.000Z',
    });
    expect(
      (
        await as(expert.token).post('/admin/person-capability-assessments', {
          personal_account_id: 'x',
          role: 'service_expert',
        })
      ).status,
    ).toBe(403);
    const list = await as(pdm.token).get('/admin/person-capability-assessments?personal_account_id=person-1');
    expect(list.body.items).toHaveLength(1);
  });

  it('LABEL-024 delivery needs an active label at benefit time: the reader answers the active labels only', async () => {
    const p = await servicePartner();
    const reader = t.app.get<CapabilityLabelReader>(CAPABILITY_LABEL_READER);
    expect(await reader.listValid(p.id)).toEqual([]);
    await grantLabel(t, p, 'sap');
    expect((await reader.listValid(p.id)).map((l) => l.labelCode)).toEqual(['sap']);
  });
});
