/**
 * Concurrency of linking (ORG-020 #2, ORG-021, ORG-022): parallel acceptances of one invitation, parallel
 * acceptances of two partners' invitations, parallel invitations of one pair. Row locks on the personal
 * account serialise them on MySQL/MariaDB (run with DB_TYPE=mariadb); SQLite serialises writers.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { PersonalAccountLink } from '../../../src/modules/org/index.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';
import { as, invite, newPartner, newPersonal, setClock } from './personal.helpers.js';

describe('linking under concurrency (ORG-020, ORG-021, ORG-022)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await setClock(t, '2025-03-01T10:00:00+08:00');
  });
  afterEach(async () => {
    await t.http.post('/api/v1/admin/test/reset').send({});
  });
  afterAll(async () => {
    await t.close();
  });

  const activeLinks = (personalAccountId: string) =>
    t.app
      .get(DataSource)
      .getRepository(PersonalAccountLink)
      .count({ where: { personalAccountId, status: 'active' } });

  it('ORG-022: two parallel acceptances of one invitation → exactly one link (one 200, one 409 ORG_INVITE_NOT_PENDING)', async () => {
    for (let round = 0; round < 3; round++) {
      const a = await newPartner(t);
      const p = await newPersonal(t);
      const inv = await invite(t, a, p);
      expect(inv.status).toBe(201);
      const results = await Promise.all([
        as(t, p.token).post(`/org/invitations/${inv.body.id}/accept`),
        as(t, p.token).post(`/org/invitations/${inv.body.id}/accept`),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.status === 409)!.body.error_code).toBe('ORG_INVITE_NOT_PENDING');
      expect(await activeLinks(p.id)).toBe(1);
    }
  });

  it("ORG-020 #2: parallel acceptances of two partners' invitations → one link, the other 409 ORG_INVITEE_ALREADY_LINKED", async () => {
    const a = await newPartner(t);
    const b = await newPartner(t);
    const p = await newPersonal(t);
    const ia = await invite(t, a, p);
    const ib = await invite(t, b, p);
    const results = await Promise.all([
      as(t, p.token).post(`/org/invitations/${ia.body.id}/accept`),
      as(t, p.token).post(`/org/invitations/${ib.body.id}/accept`),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.error_code).toBe('ORG_INVITEE_ALREADY_LINKED');
    expect(await activeLinks(p.id)).toBe(1);
  });

  it('ORG-021: two parallel invitations of one pair → one 201, one 409 ORG_INVITE_PENDING_EXISTS', async () => {
    const a = await newPartner(t);
    const p = await newPersonal(t);
    const results = await Promise.all([invite(t, a, p), invite(t, a, p)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.error_code).toBe('ORG_INVITE_PENDING_EXISTS');
  });
});
