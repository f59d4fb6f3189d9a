/**
 * build.md acceptance scenario 21 (BUILD-030 → certification-paths.md PATH-019): a partner-led baseline counts as
 * a joint offering of an SI-path account from the day its OBP initiation meeting passed — read by the path module
 * through the real `JointOfferingReader` (BASELINE_FACTS), never through a double.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { newPartner, newReviewer, PASSWORD, type PartnerActor, tokenFor } from '../../builders/actors.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';

function as(t: TestApp, token: string) {
  return {
    get: (path: string) => t.http.get(`/api/v1${path}`).set('X-Auth-Token', token),
    post: (path: string, body: object = {}) =>
      t.http.post(`/api/v1${path}`).set('X-Auth-Token', token).send(body),
    put: (path: string, body: object = {}) =>
      t.http.put(`/api/v1${path}`).set('X-Auth-Token', token).send(body),
  };
}

async function joinPath(t: TestApp, p: PartnerActor, path: string): Promise<string> {
  const res = await as(t, p.token).post('/paths/memberships', { path });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

let seq = 0;
/** A linked person with a synced HCSP and an approved HCIP, approved as project specialist of `path`. */
async function specialist(
  t: TestApp,
  partner: PartnerActor,
  path: string,
  reviewers: { ops: { token: string }; pdm: { token: string } },
): Promise<void> {
  const tenant = `p_${randomBytes(5).toString('hex')}`;
  const created = await t.http.post('/api/v1/admin/test/personal-accounts').send({
    tenant_name: tenant,
    password: PASSWORD,
    site: 'cn',
    account_type: 'personal',
    realname_status: 'personal',
    is_partner_account: false,
    email: `${tenant}@example.test`,
  });
  expect(created.status).toBe(201);
  const person = {
    id: created.body.personal_account_id as string,
    hcid: created.body.huawei_cloud_account_id as string,
  };
  const token = await tokenFor(t, { personal: tenant, password: PASSWORD });
  const inv = await as(t, partner.token).post('/org/invitations', { tenant_name: tenant });
  expect(inv.status).toBe(201);
  expect((await as(t, token).post(`/org/invitations/${inv.body.id}/accept`)).status).toBe(200);
  const academy = await t.http.put('/api/v1/admin/test/fakes/academy').send({
    huawei_cloud_account_id: person.hcid,
    certificates: [
      {
        family: 'HCSP',
        track: 'HCSP',
        certificate_no: `HCSP-${++seq}-${tenant}`,
        issued_on: '2024-01-01',
        valid_to: '2028-12-31',
      },
    ],
  });
  expect(academy.status).toBe(200);
  expect((await as(t, token).post('/org/my-certificates/sync')).status).toBeLessThan(300);
  const up = await as(t, token).post('/org/my-certificates', {
    family: 'HCIP',
    track: 'Cloud Service Solutions Architect',
    certificate_no: `HCIP-${++seq}-${tenant}`,
    issued_on: '2024-01-01',
    valid_to: '2028-12-31',
    file_id: 'scan-1',
  });
  expect(up.status).toBe(201);
  expect(
    (await as(t, reviewers.ops.token).post(`/admin/org/certificates/${up.body.id}/approve`)).status,
  ).toBe(200);
  const app = await as(t, partner.token).post('/org/specialists', {
    personal_account_id: person.id,
    path,
    employment_proof_file_id: 'file-emp',
  });
  expect(app.status).toBe(201);
  expect(
    (await as(t, reviewers.pdm.token).post(`/admin/org/specialists/${app.body.id}/approve`)).status,
  ).toBe(200);
}

describe('joint offerings for the SI path (build.md BUILD-030, scenario 21)', () => {
  let t: TestApp;
  let p4: PartnerActor;
  let pdm: { id: string; email: string; token: string };
  let psa: { token: string };
  let ops: { token: string };

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_PER_SECOND: '100000' });
    expect(
      (await t.http.put('/api/v1/admin/test/clock').send({ now: '2025-04-28T10:00:00+08:00' })).status,
    ).toBe(200);
    p4 = await newPartner(t);
    pdm = await newReviewer(t, ['pdm']);
    psa = await newReviewer(t, ['psa']);
    ops = await newReviewer(t, ['operations']);
  });
  afterAll(async () => {
    await t.close();
  });

  it('BUILD-030 scenario 21: the only offering B5 in initiation_meeting_scheduled → PATH-019 answers 422 with offerings_or_labels unmet; after the PDM records the passed meeting on 2025-05-06, B5 is initiated, its Offering has joint_offering_since 2025-05-06 and the criterion is met', async () => {
    const wl = await as(t, pdm.token).post('/admin/si-whitelist', {
      partner_account_id: p4.id,
      reason: 'invited',
    });
    expect(wl.status).toBe(201);
    const membership = await joinPath(t, p4, 'si');
    for (let i = 0; i < 4; i++) await specialist(t, p4, 'si', { ops, pdm });
    const locks = await as(t, pdm.token).put(`/admin/paths/memberships/${membership}/interlocks`, {
      bp_interlocked: true,
      customer_list_interlocked: true,
    });
    expect(locks.status).toBe(200);

    // B5: partner-led, initiation meeting scheduled for 2025-05-06
    const created = await as(t, p4.token).post('/baseline-solutions', {
      name: 'Retail Data Platform',
      industry_scenario: 'retail / data platform',
      responsibilities: {
        presales: { owner_name: 'A', resources: 'presales' },
        delivery: { owner_name: 'B', resources: 'delivery' },
        operations_maintenance: { owner_name: 'C', resources: 'O&M' },
        operations: { owner_name: 'D', resources: 'operations' },
      },
      obp_initiation_guide_file_id: 'file-obp-b5',
      feature_list_file_id: 'file-features-b5',
    });
    expect(created.status).toBe(201);
    const b5 = created.body.id as string;
    expect((await as(t, psa.token).post(`/admin/baseline-solutions/${b5}/verify-feature-list`)).status).toBe(
      200,
    );
    expect((await as(t, p4.token).post(`/baseline-solutions/${b5}/submit-initiation`)).status).toBe(200);
    const scheduled = await as(t, pdm.token).post(`/admin/baseline-solutions/${b5}/initial-review`, {
      result: 'pass',
      scheduled_at: '2025-05-06T10:00:00+08:00',
      meeting_link: 'https://meet.example.test/b5',
    });
    expect(scheduled.body.stage).toBe('initiation_meeting_scheduled');

    const refused = await as(t, p4.token).post(`/paths/memberships/${membership}/stage-applications`, {
      target_stage: 'role_certification',
    });
    expect([refused.status, refused.body.error_code]).toEqual([422, 'PATH_CRITERIA_NOT_MET']);
    expect(refused.body.details.unmet.map((u: { criterion: string }) => u.criterion)).toContain(
      'offerings_or_labels',
    );
    const before = await as(t, p4.token).get('/offerings');
    expect(before.body.items).toEqual([
      expect.objectContaining({ offering_id: b5, joint_offering_since: null }),
    ]);

    expect(
      (await t.http.put('/api/v1/admin/test/clock').send({ now: '2025-05-06T11:30:00+08:00' })).status,
    ).toBe(200);
    pdm.token = await tokenFor(t, { reviewer: pdm.email, password: PASSWORD });
    p4.token = await tokenFor(t, { account: p4.accountName, password: PASSWORD });
    const initiated = await as(t, pdm.token).post(`/admin/baseline-solutions/${b5}/meeting-review`, {
      result: 'pass',
    });
    expect(initiated.body).toMatchObject({ stage: 'initiated', initiated_on: '2025-05-06' });
    const after = await as(t, p4.token).get('/offerings');
    expect(after.body.items).toEqual([
      {
        offering_id: b5,
        partner_account_id: p4.id,
        offering_type: 'partner_led_baseline',
        joint_operation_listed: false,
        counts_for_pce_assessment: true,
        joint_offering_since: '2025-05-06',
      },
    ]);
    const accepted = await as(t, p4.token).post(`/paths/memberships/${membership}/stage-applications`, {
      target_stage: 'role_certification',
    });
    expect(accepted.status).toBe(201);
    expect(JSON.stringify(accepted.body.details ?? {})).not.toContain('offerings_or_labels');
  });
});
