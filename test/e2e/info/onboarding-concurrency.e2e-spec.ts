/**
 * Onboarding and quick registration under concurrency (info.md INFO-007, INFO-010, INFO-043): meaningful on
 * MySQL/MariaDB, where requests run on separate connections (row locks + unique keys decide); on SQLite the
 * transaction runner admits one transaction at a time (the single connection would otherwise nest them).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../../setup/test-app.js';
import { newAccount, newPartner, onboardingBody, PASSWORD, uniqueUscc } from '../../builders/actors.js';

describe('onboarding concurrency', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('INFO-007 two parallel submissions of one account: exactly one 201 and one 409 INFO_ONBOARDING_EXISTS', async () => {
    for (const result of ['pass', 'mismatch'] as const) {
      const a = await newAccount(t);
      await t.http.put('/api/v1/admin/test/fakes/company-registry').send({ [a.uscc]: result });
      const submit = () =>
        t.http.post('/api/v1/onboarding/applications').set('X-Auth-Token', a.token).send(onboardingBody(a));
      const answers = await Promise.all([submit(), submit(), submit()]);
      const statuses = answers.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409, 409]);
      for (const r of answers.filter((x) => x.status === 409)) {
        expect(r.body.error_code).toBe('INFO_ONBOARDING_EXISTS');
      }
      const created = answers.find((r) => r.status === 201)!;
      expect(created.body.status).toBe(result === 'pass' ? 'approved' : 'manual_review');
    }
  });

  it('INFO-010 two accounts of one new company submitting at the same moment: both approved, one primary', async () => {
    const uscc = uniqueUscc();
    const company = `并发测试${uscc}有限公司`;
    const accounts = await Promise.all([1, 2, 3].map(() => newAccount(t, { uscc, company_name: company })));
    const answers = await Promise.all(
      accounts.map((a) =>
        t.http.post('/api/v1/onboarding/applications').set('X-Auth-Token', a.token).send(onboardingBody(a)),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(answers.map((r) => r.body.status)).toEqual(['approved', 'approved', 'approved']);
    expect(answers.filter((r) => r.body.is_primary === true)).toHaveLength(1);
    expect(answers.filter((r) => r.body.fast_onboarding === true)).toHaveLength(2);
    expect(new Set(answers.map((r) => r.body.legal_entity_id)).size).toBe(1);
    const company0 = await t.http.get('/api/v1/info/company').set('X-Auth-Token', accounts[0].token);
    const primary = answers.find((r) => r.body.is_primary)!;
    expect(company0.body.primary_account_id).toBe(primary.body.partner_account_id);
  });

  it('INFO-043 one verified link registers one account: two parallel registrations → one 201 and one 409 INFO_QUICK_REG_STATE_INVALID', async () => {
    const s = await newPartner(t);
    const qr = await t.http.post('/api/v1/quick-registrations').set('X-Auth-Token', s.token).send({});
    const v = await t.http
      .post(`/api/v1/quick-registrations/${qr.body.id}/verify`)
      .set('X-Auth-Token', s.token)
      .send({ code: '123456' });
    expect(v.body.status).toBe('verified');
    const register = (n: number) =>
      t.http
        .post(`/api/v1/quick-registrations/${qr.body.id}/register`)
        .set('X-Auth-Token', s.token)
        .send({
          account_name: `${s.accountName}-new${n}`,
          password: PASSWORD,
          mobile: `135${String(process.pid % 1000).padStart(3, '0')}0000${n}`,
        });
    const answers = await Promise.all([register(1), register(2)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(answers.find((r) => r.status === 409)!.body.error_code).toBe('INFO_QUICK_REG_STATE_INVALID');
    const accounts = await t.http.get('/api/v1/info/accounts').set('X-Auth-Token', s.token);
    expect(accounts.body.total_count).toBe(1); // the new account is registered, not yet onboarded
  });
});
