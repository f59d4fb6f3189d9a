import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../../setup/test-app.js';
import { newAccount, newPartner, onboardingBody } from '../../builders/actors.js';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('health answers ok with the database', async () => {
    const res = await t.http.get('/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
  });

  it('INFO-008 onboarding auto-approves with a passing registry', async () => {
    const p = await newPartner(t);
    const res = await t.http.get('/api/v1/info/company').set('X-Auth-Token', p.token);
    expect(res.status).toBe(200);
    expect(res.body.uscc).toBe(p.uscc);
  });

  it('INFO-001 16-char USCC is refused', async () => {
    const a = await newAccount(t);
    const res = await t.http
      .post('/api/v1/onboarding/applications')
      .set('X-Auth-Token', a.token)
      .send(onboardingBody(a, { uscc: '9131011755741520' }));
    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe('INFO_USCC_INVALID');
  });
});
