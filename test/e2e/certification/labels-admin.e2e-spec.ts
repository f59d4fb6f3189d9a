/**
 * The admin panel's record actions for capability-label certification (certification-labels.md reviewer steps):
 * every step decided in AdminJS calls the same service as `/api/v1/admin/label-certifications/…` — driven here
 * through AdminJS's own HTTP API with reviewer sessions; a reviewer of another role cannot act.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createAdminModule } from '../../../src/admin/admin.module.js';
import { newPartner, newReviewer, PASSWORD, type PartnerActor } from '../../builders/actors.js';
import { submitLabelApplication } from '../../builders/labels.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';

type ReviewerRole = 'pdm' | 'operations' | 'expert' | 'psa';
type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('admin panel: capability-label certification steps', () => {
  let t: TestApp;
  let p: PartnerActor;

  beforeAll(async () => {
    t = await createTestApp({}, { admin: createAdminModule });
    await t.http.put('/api/v1/admin/test/clock').send({ now: '2025-09-01T10:00:00+08:00' });
    p = await newPartner(t);
    expect(
      (await t.http.post('/api/v1/paths/memberships').set('X-Auth-Token', p.token).send({ path: 'service' }))
        .status,
    ).toBe(201);
  });
  afterAll(async () => {
    await t.close();
  });

  async function panel(roles: ReviewerRole[]) {
    const r = await newReviewer(t, roles);
    const agent = request.agent(t.app.getHttpServer());
    const login = await agent.post('/admin/login').type('form').send({ email: r.email, password: PASSWORD });
    expect([200, 302]).toContain(login.status);
    return {
      action: (resource: string, id: string, action: string, payload: object = {}) =>
        agent.post(`/admin/api/resources/${resource}/records/${id}/${action}`).send(payload),
    };
  }
  const state = async (id: string) =>
    (await t.http.get(`/api/v1/label-certifications/${id}`).set('X-Auth-Token', p.token)).body as Body;

  it('LABEL-007 / LABEL-008 / LABEL-010 / LABEL-013 / LABEL-021 every reviewer step through the panel, each by its role, up to passed', async () => {
    const { applicationId: id } = await submitLabelApplication(t, p, 'database');
    const ops = await panel(['operations']);
    const expert = await panel(['expert']);
    const pdm = await panel(['pdm']);
    const psa = await panel(['psa']);

    const denied = await psa.action('LabelCertification', id, 'materialsComplete');
    expect(denied.body.notice?.type).not.toBe('success');
    expect((await expert.action('LabelCertification', id, 'materialsComplete')).body.notice?.type).not.toBe(
      'success',
    );

    const sup = await ops.action('LabelCertification', id, 'requestSupplement', {
      reason: 'DB-02: add migration evidence',
    });
    expect(sup.body.notice).toMatchObject({ type: 'success' });
    expect(await state(id)).toMatchObject({ status: 'supplementing_materials', supplement_items: ['DB-02'] });
    await t.http
      .post(`/api/v1/label-certifications/${id}/supplement`)
      .set('X-Auth-Token', p.token)
      .send({ evidence: [{ item_code: 'DB-02', file_ids: ['f2'] }] });
    expect((await ops.action('LabelCertification', id, 'materialsComplete')).body.notice.type).toBe(
      'success',
    );
    const pre = await expert.action('LabelCertification', id, 'preReview', {
      reason: 'DB-01: name the tools\nDB-02: no comment',
    });
    expect(pre.body.notice.type).toBe('success');
    expect((await state(id)).status).toBe('pre_review_confirmation');
    await t.http
      .post(`/api/v1/label-certifications/${id}/confirm-pre-review`)
      .set('X-Auth-Token', p.token)
      .send({
        responses: [
          { item_code: 'DB-01', partner_response: 'DRS' },
          { item_code: 'DB-02', confirmed: true },
        ],
      });
    const early = await expert.action('LabelCertification', id, 'defenseToCountersign', {
      reason: 'DB-01 pass\nDB-02 pass',
    });
    expect(early.body.notice).toMatchObject({ type: 'error' });
    expect(early.body.notice.message).toContain('LABEL_DEFENSE_NOT_HELD');
    const sched = await expert.action('LabelCertification', id, 'scheduleDefense', {
      reason: '2025-09-01T10:00:00+08:00 https://meeting.example.test/9',
    });
    expect(sched.body.notice.type).toBe('success');
    expect(
      (
        await expert.action('LabelCertification', id, 'defenseToCountersign', {
          reason: 'DB-01 pass\nDB-02 pass',
        })
      ).body.notice.type,
    ).toBe('success');
    expect((await state(id)).status).toBe('countersign');
    for (const signer of [pdm, expert, ops]) {
      expect((await signer.action('LabelCertification', id, 'countersignPass')).body.notice.type).toBe(
        'success',
      );
    }
    const v = await state(id);
    expect(v).toMatchObject({ status: 'passed', final_result: 'passed' });
    const held = await t.http.get('/api/v1/partner-capability-labels').set('X-Auth-Token', p.token);
    expect(held.body.items.map((l: { label_code: string }) => l.label_code)).toEqual(['database']);

    // operations revoke the held label in the panel (Open point 3)
    const heldId = held.body.items[0].id as string;
    expect(
      (await expert.action('PartnerCapabilityLabel', heldId, 'revoke', { reason: 'x' })).body.notice?.type,
    ).not.toBe('success');
    expect(
      (await ops.action('PartnerCapabilityLabel', heldId, 'revoke', { reason: 'periodic review failed' }))
        .body.notice.type,
    ).toBe('success');
    expect(
      (await t.http.get('/api/v1/partner-capability-labels').set('X-Auth-Token', p.token)).body.items[0]
        .status,
    ).toBe('revoked');
  });

  it('LABEL-017 / LABEL-012 archive loop and a failed countersign with suggestions through the panel', async () => {
    const { applicationId: id } = await submitLabelApplication(t, p, 'big_data');
    const ops = await panel(['operations']);
    const expert = await panel(['expert']);
    await ops.action('LabelCertification', id, 'materialsComplete');
    await expert.action('LabelCertification', id, 'preReview', { reason: 'BD-01: no comment' });
    await t.http
      .post(`/api/v1/label-certifications/${id}/confirm-pre-review`)
      .set('X-Auth-Token', p.token)
      .send({ responses: [{ item_code: 'BD-01', confirmed: true }] });
    await expert.action('LabelCertification', id, 'scheduleDefense', { reason: '2025-09-01T09:00:00+08:00' });
    expect(
      (
        await expert.action('LabelCertification', id, 'requestArchive', {
          reason: 'acceptance report; invoices',
        })
      ).body.notice.type,
    ).toBe('success');
    expect((await state(id)).archive_materials).toEqual(['acceptance report', 'invoices']);
    await t.http
      .post(`/api/v1/label-certifications/${id}/archive-materials`)
      .set('X-Auth-Token', p.token)
      .send({ file_ids: ['a1'] });
    expect(
      (await ops.action('LabelCertification', id, 'moreArchive', { reason: 'invoice unreadable' })).body
        .notice.type,
    ).toBe('success');
    await t.http
      .post(`/api/v1/label-certifications/${id}/archive-materials`)
      .set('X-Auth-Token', p.token)
      .send({ file_ids: ['a2'] });
    expect(
      (
        await ops.action('LabelCertification', id, 'acceptArchive', {
          reason: 'BD-01 pass\nBD-02 fail: show two cases',
        })
      ).body.notice.type,
    ).toBe('success');
    const pdm = await panel(['pdm']);
    const noSuggestion = await pdm.action('LabelCertification', id, 'countersignFail', {
      reason: 'BD-01 fail',
    });
    expect(noSuggestion.body.notice.message).toContain('LABEL_IMPROVEMENT_SUGGESTION_REQUIRED');
    expect(
      (
        await pdm.action('LabelCertification', id, 'countersignFail', {
          reason: 'BD-02 fail: show two cases',
        })
      ).body.notice.type,
    ).toBe('success');
    const v = await state(id);
    expect(v.status).toBe('failed');
    expect(v.item_results.find((r: { item_code: string }) => r.item_code === 'BD-02')).toMatchObject({
      result: 'fail',
      improvement_suggestion: 'show two cases',
    });
  });
});
