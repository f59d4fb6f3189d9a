/**
 * The admin panel's record actions for project specialists and personal certificates (ORG-026, ORG-034) call
 * the same services as the reviewer API: driven here through AdminJS's own HTTP API with a reviewer session
 * (the browser flow of the panel is covered by test/admin).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createAdminModule } from '../../../src/admin/admin.module.js';
import { newReviewer, PASSWORD, type PartnerActor } from '../../builders/actors.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';
import {
  as,
  joinPaths,
  link,
  newPartner,
  newPersonal,
  outbox,
  type PersonalActor,
  setClock,
} from './personal.helpers.js';

describe('admin panel: specialist and certificate decisions (ORG-026, ORG-034)', () => {
  let t: TestApp;
  let a: PartnerActor;

  beforeAll(async () => {
    t = await createTestApp({}, { admin: createAdminModule });
    await setClock(t, '2025-06-02T10:00:00+08:00');
    a = await newPartner(t);
    await joinPaths(t, a, ['service']);
  });
  afterAll(async () => {
    await t.close();
  });

  async function panel(roles: Array<'pdm' | 'operations' | 'finance'>) {
    const r = await newReviewer(t, roles);
    const agent = request.agent(t.app.getHttpServer());
    const login = await agent.post('/admin/login').type('form').send({ email: r.email, password: PASSWORD });
    expect([200, 302]).toContain(login.status);
    return {
      action: (resource: string, id: string, action: string, payload: object = {}) =>
        agent.post(`/admin/api/resources/${resource}/records/${id}/${action}`).send(payload),
    };
  }

  async function application(person: PersonalActor): Promise<string> {
    const res = await as(t, a.token).post('/org/specialists', {
      personal_account_id: person.id,
      path: 'service',
      employment_proof_file_id: 'file-1',
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  it('ORG-034: a PDM approves an application in the panel → active, audited, partner notified (J-ORG-5); a finance reviewer cannot', async () => {
    const p = await newPersonal(t);
    await link(t, a, p);
    const id = await application(p);
    const finance = await panel(['finance']);
    const denied = await finance.action('ProjectSpecialist', id, 'approve');
    expect(denied.body.notice?.type).not.toBe('success');
    expect((await as(t, a.token).get(`/org/specialists/${id}`)).body.status).toBe('pending_review');
    const pdm = await panel(['pdm']);
    const res = await pdm.action('ProjectSpecialist', id, 'approve');
    expect(res.status).toBe(200);
    expect(res.body.notice.type).toBe('success');
    const view = await as(t, a.token).get(`/org/specialists/${id}`);
    expect(view.body.status).toBe('active');
    expect((await outbox(t, { template: 'org.specialist.approved', to: a.id })).length).toBe(1);
    const again = await pdm.action('ProjectSpecialist', id, 'approve');
    expect(again.body.notice.type).toBe('error');
  });

  it('ORG-034: operations rejects with a reason; cancellation approved in the panel', async () => {
    const p = await newPersonal(t);
    await link(t, a, p);
    const ops = await panel(['operations']);
    const rejectedId = await application(p);
    const rej = await ops.action('ProjectSpecialist', rejectedId, 'reject', { reason: 'No proof' });
    expect(rej.body.notice.type).toBe('success');
    expect((await as(t, a.token).get(`/org/specialists/${rejectedId}`)).body).toMatchObject({
      status: 'rejected',
      reject_reason: 'No proof',
    });
    const id = await application(p);
    await ops.action('ProjectSpecialist', id, 'approve');
    await as(t, a.token).post(`/org/specialists/${id}/cancellation-requests`);
    const done = await ops.action('ProjectSpecialist', id, 'approveCancellation');
    expect(done.body.notice.type).toBe('success');
    expect((await as(t, a.token).get(`/org/specialists/${id}`)).body.status).toBe('cancelled');
  });

  it('ORG-026: operations approves an uploaded HCIE in the panel; a PDM cannot', async () => {
    const p = await newPersonal(t);
    const up = await as(t, p.token).post('/org/my-certificates', {
      family: 'HCIE',
      track: 'Cloud Computing',
      certificate_no: 'HCIE-9',
      issued_on: '2024-01-01',
      valid_to: '2027-01-01',
    });
    expect(up.status).toBe(201);
    const pdm = await panel(['pdm']);
    const denied = await pdm.action('PersonalCertificate', up.body.id, 'approve');
    expect(denied.body.notice?.type).not.toBe('success');
    expect((await as(t, p.token).get('/org/my-certificates')).body.items[0].status).toBe('pending_review');
    const ops = await panel(['operations']);
    const ok = await ops.action('PersonalCertificate', up.body.id, 'approve');
    expect(ok.body.notice.type).toBe('success');
    const mine = await as(t, p.token).get('/org/my-certificates');
    expect(mine.body.items[0]).toMatchObject({ status: 'valid', review_status: 'approved', counted: true });
  });
});
