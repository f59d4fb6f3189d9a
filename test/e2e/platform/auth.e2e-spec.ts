/**
 * Tokens (api.md API-007…API-009, API-012; acceptance scenarios 1–4): issuance in the simple and the vendor
 * IAM form for partner admins, org members and reviewers, the 24 h lifetime on the injected clock, the two
 * headers that carry a token, logout, login throttling, and hashed storage of passwords and tokens.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { ApiToken, Credential, hashToken, verifyPassword } from '../../../libs/auth/index.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';
import {
  PASSWORD,
  type PartnerActor,
  newAccount,
  newMember,
  newPartner,
  newReviewer,
} from '../../builders/actors.js';

const DAY_MS = 24 * 3600 * 1000;

describe('auth tokens (API-007…API-009, API-012)', () => {
  let t: TestApp;
  let partner: PartnerActor;

  beforeAll(async () => {
    t = await createTestApp();
    partner = await newPartner(t);
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    t.clock.reset();
    await t.http.post('/api/v1/admin/test/reset').send({});
  });

  describe('API-007 issuance', () => {
    it('scenario 1: the simple form answers 201 with X-Subject-Token = body.token and a 24 h lifetime', async () => {
      const res = await t.http
        .post('/api/v1/auth/tokens')
        .send({ account: partner.accountName, password: PASSWORD });
      expect(res.status).toBe(201);
      expect(res.headers['x-subject-token']).toBeTruthy();
      expect(res.body.token).toBe(res.headers['x-subject-token']);
      expect(res.body.token_type).toBe('partner');
      expect(Date.parse(res.body.expires_at) - Date.parse(res.body.issued_at)).toBe(DAY_MS);
      expect(res.body.issued_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/);
      expect(res.body.user).toEqual({
        id: partner.id,
        kind: 'partner_admin',
        partner_account_id: partner.id,
      });
    });

    it('the account name is case-insensitive', async () => {
      const res = await t.http
        .post('/api/v1/auth/tokens')
        .send({ account: partner.accountName.toUpperCase(), password: PASSWORD });
      expect(res.status).toBe(201);
    });

    it('the vendor IAM form (password method, domain scope) answers the vendor token object', async () => {
      const res = await t.http.post('/api/v1/auth/tokens').send({
        auth: {
          identity: {
            methods: ['password'],
            password: {
              user: { name: partner.accountName, password: PASSWORD, domain: { name: partner.accountName } },
            },
          },
          scope: { domain: { name: partner.accountName } },
        },
      });
      expect(res.status).toBe(201);
      const token = res.headers['x-subject-token'];
      expect(token).toBeTruthy();
      expect(res.body.token).toEqual({
        issued_at: res.body.issued_at,
        expires_at: res.body.expires_at,
        token_type: 'partner',
        user: {
          id: partner.id,
          name: partner.accountName,
          domain: { id: partner.id, name: partner.accountName },
        },
      });
      expect(Date.parse(res.body.token.expires_at) - Date.parse(res.body.token.issued_at)).toBe(DAY_MS);
      const use = await t.http.get('/api/v1/info/company').set('X-Auth-Token', token);
      expect(use.status).toBe(200);
    });

    it('the vendor IAM form refuses a method other than password', async () => {
      const res = await t.http.post('/api/v1/auth/tokens').send({
        auth: {
          identity: {
            methods: ['token'],
            password: { user: { name: partner.accountName, password: PASSWORD } },
          },
        },
      });
      expect(res.status).toBe(400);
      expect(res.body.error_code).toBe('AUTH_FIELD_INVALID');
      expect(res.body.details).toEqual({ field: 'auth.identity.methods' });
    });

    it('an org member logs in with {account, member, password} and in the vendor form with the partner domain', async () => {
      const member = await newMember(t, partner, ['admin']);
      const simple = await t.http.get('/api/v1/info/company').set('X-Auth-Token', member.token);
      expect(simple.status).toBe(200);

      const vendor = await t.http.post('/api/v1/auth/tokens').send({
        auth: {
          identity: {
            methods: ['password'],
            password: {
              user: { name: member.login, password: PASSWORD, domain: { name: partner.accountName } },
            },
          },
        },
      });
      expect(vendor.status).toBe(201);
      expect(vendor.body.token.user).toEqual({
        id: member.id,
        name: member.login,
        domain: { id: partner.id, name: partner.accountName },
      });
      const use = await t.http
        .get('/api/v1/info/company')
        .set('X-Auth-Token', vendor.headers['x-subject-token']);
      expect(use.status).toBe(200);
    });

    it('a member login is scoped to its partner: the same member name under another account is refused', async () => {
      const member = await newMember(t, partner, ['admin']);
      const other = await newPartner(t);
      const res = await t.http
        .post('/api/v1/auth/tokens')
        .send({ account: other.accountName, member: member.login, password: PASSWORD });
      expect(res.status).toBe(401);
      expect(res.body.error_code).toBe('AUTH_CREDENTIALS_INVALID');
    });

    it('a reviewer logs in with {reviewer, password} and gets a reviewer token', async () => {
      const reviewer = await newReviewer(t, ['operations']);
      const res = await t.http
        .post('/api/v1/auth/tokens')
        .send({ reviewer: reviewer.email, password: PASSWORD });
      expect(res.status).toBe(201);
      expect(res.body.token_type).toBe('reviewer');
      const jobs = await t.http.get('/api/v1/admin/jobs').set('X-Auth-Token', res.body.token);
      expect(jobs.status).toBe(200);
    });

    it('scenario 2: a wrong password → 401 AUTH_CREDENTIALS_INVALID whose request_id is the X-Request-Id header', async () => {
      const res = await t.http
        .post('/api/v1/auth/tokens')
        .send({ account: partner.accountName, password: 'bad' });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        error_code: 'AUTH_CREDENTIALS_INVALID',
        error_msg: 'The username or password is wrong.',
        request_id: res.headers['x-request-id'],
      });
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
      expect(res.headers['x-subject-token']).toBeUndefined();
    });

    it('an unknown account answers exactly like a wrong password (no account enumeration)', async () => {
      const res = await t.http
        .post('/api/v1/auth/tokens')
        .send({ account: 'no-such-account', password: PASSWORD });
      expect(res.status).toBe(401);
      expect(res.body.error_code).toBe('AUTH_CREDENTIALS_INVALID');
      expect(res.body.error_msg).toBe('The username or password is wrong.');
    });

    it('a reviewer password does not open a partner login of the same name, nor the reverse', async () => {
      const reviewer = await newReviewer(t, ['operations']);
      const res = await t.http
        .post('/api/v1/auth/tokens')
        .send({ account: reviewer.email, password: PASSWORD });
      expect(res.status).toBe(401);
      const res2 = await t.http
        .post('/api/v1/auth/tokens')
        .send({ reviewer: partner.accountName, password: PASSWORD });
      expect(res2.status).toBe(401);
    });
  });

  describe('API-008 token lifetime on the injected clock (formula)', () => {
    it('issued 2025-03-01T02:00:00Z: accepted at 2025-03-02T01:59:59Z, expired at 02:00:00Z', async () => {
      const set = await t.http.put('/api/v1/admin/test/clock').send({ now: '2025-03-01T10:00:00+08:00' });
      expect(set.body.now).toBe('2025-03-01T02:00:00.000Z');
      const account = await newAccount(t);
      const issued = await t.http
        .post('/api/v1/auth/tokens')
        .send({ account: account.accountName, password: PASSWORD });
      expect(issued.body.issued_at).toBe('2025-03-01T02:00:00.000Z');
      expect(issued.body.expires_at).toBe('2025-03-02T02:00:00.000Z');
      const token = issued.body.token as string;

      await t.http.put('/api/v1/admin/test/clock').send({ now: '2025-03-02T01:59:59Z' });
      const before = await t.http.get('/api/v1/messages').set('X-Auth-Token', token);
      expect(before.status).toBe(200);

      await t.http.post('/api/v1/admin/test/clock/advance').send({ ms: 999 });
      const lastMs = await t.http.get('/api/v1/messages').set('X-Auth-Token', token);
      expect(lastMs.status).toBe(200);

      await t.http.put('/api/v1/admin/test/clock').send({ now: '2025-03-02T02:00:00Z' });
      const after = await t.http.get('/api/v1/messages').set('X-Auth-Token', token);
      expect(after.status).toBe(401);
      expect(after.body.error_code).toBe('AUTH_TOKEN_EXPIRED');
      expect(after.body.error_msg).toBe('x_auth_token is expired.');
      expect(after.body.request_id).toBe(after.headers['x-request-id']);
    });

    it('a fresh login after expiry gets a new working token', async () => {
      await t.http.put('/api/v1/admin/test/clock').send({ now: '2025-03-01T02:00:00Z' });
      const first = await t.http
        .post('/api/v1/auth/tokens')
        .send({ account: partner.accountName, password: PASSWORD });
      await t.http.post('/api/v1/admin/test/clock/advance').send({ ms: DAY_MS });
      const old = await t.http.get('/api/v1/info/company').set('X-Auth-Token', first.body.token);
      expect(old.status).toBe(401);
      const second = await t.http
        .post('/api/v1/auth/tokens')
        .send({ account: partner.accountName, password: PASSWORD });
      const fresh = await t.http.get('/api/v1/info/company').set('X-Auth-Token', second.body.token);
      expect(fresh.status).toBe(200);
    });
  });

  describe('API-009 presenting a token', () => {
    it('the token is accepted as X-Auth-Token and as Authorization: Bearer', async () => {
      const x = await t.http.get('/api/v1/info/company').set('X-Auth-Token', partner.token);
      expect(x.status).toBe(200);
      const bearer = await t.http.get('/api/v1/info/company').set('Authorization', `Bearer ${partner.token}`);
      expect(bearer.status).toBe(200);
      expect(bearer.body).toEqual(x.body);
    });

    it.each([
      ['X-Auth-Token: abc', { 'X-Auth-Token': 'abc' }],
      ['no header', {}],
      ['Authorization: Bearer (empty)', { Authorization: 'Bearer ' }],
      ['Authorization: Basic', { Authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }],
      ['a token of 600 characters', { 'X-Auth-Token': 'x'.repeat(600) }],
    ])('scenario 4: %s → 401 AUTH_TOKEN_INVALID "Invalid token"', async (_label, headers) => {
      const res = await t.http.get('/api/v1/info/company').set(headers as Record<string, string>);
      expect(res.status).toBe(401);
      expect(res.body.error_code).toBe('AUTH_TOKEN_INVALID');
      expect(res.body.error_msg).toBe('Invalid token');
    });
  });

  describe('API-012 token types are not interchangeable', () => {
    it('a partner token on a reviewer endpoint → 403 AUTH_TOKEN_TYPE_NOT_ALLOWED', async () => {
      const res = await t.http.get('/api/v1/admin/jobs').set('X-Auth-Token', partner.token);
      expect(res.status).toBe(403);
      expect(res.body.error_code).toBe('AUTH_TOKEN_TYPE_NOT_ALLOWED');
      expect(res.body.error_msg).toBe('This API must be called with a reviewer token');
    });

    it('an org member token on a reviewer endpoint → 403 AUTH_TOKEN_TYPE_NOT_ALLOWED', async () => {
      const member = await newMember(t, partner, ['admin']);
      const res = await t.http.get('/api/v1/admin/jobs').set('X-Auth-Token', member.token);
      expect(res.status).toBe(403);
      expect(res.body.error_code).toBe('AUTH_TOKEN_TYPE_NOT_ALLOWED');
    });

    it('a reviewer token on a partner endpoint → 403 AUTH_TOKEN_TYPE_NOT_ALLOWED', async () => {
      const reviewer = await newReviewer(t, ['admin']);
      const res = await t.http.get('/api/v1/info/company').set('X-Auth-Token', reviewer.token);
      expect(res.status).toBe(403);
      expect(res.body.error_code).toBe('AUTH_TOKEN_TYPE_NOT_ALLOWED');
      expect(res.body.error_msg).toBe('This API must be called with a partner token');
    });

    it('a reviewer without the route role → 403 REVIEWER_ROLE_REQUIRED; the admin role passes every reviewer rule', async () => {
      const pdm = await newReviewer(t, ['pdm']);
      const refused = await t.http.get('/api/v1/admin/jobs').set('X-Auth-Token', pdm.token);
      expect(refused.status).toBe(403);
      expect(refused.body.error_code).toBe('REVIEWER_ROLE_REQUIRED');
      expect(refused.body.details).toEqual({ required_roles: ['operations'] });
      const admin = await newReviewer(t, ['admin']);
      const ok = await t.http.get('/api/v1/admin/jobs').set('X-Auth-Token', admin.token);
      expect(ok.status).toBe(200);
    });
  });

  describe('logout', () => {
    it('DELETE /api/v1/auth/tokens revokes the presented partner token only', async () => {
      const a = await t.http
        .post('/api/v1/auth/tokens')
        .send({ account: partner.accountName, password: PASSWORD });
      const b = await t.http
        .post('/api/v1/auth/tokens')
        .send({ account: partner.accountName, password: PASSWORD });
      const out = await t.http.delete('/api/v1/auth/tokens').set('X-Auth-Token', a.body.token);
      expect(out.status).toBe(204);
      const revoked = await t.http.get('/api/v1/info/company').set('X-Auth-Token', a.body.token);
      expect(revoked.status).toBe(401);
      expect(revoked.body.error_code).toBe('AUTH_TOKEN_INVALID');
      const again = await t.http.delete('/api/v1/auth/tokens').set('X-Auth-Token', a.body.token);
      expect(again.status).toBe(401);
      const other = await t.http.get('/api/v1/info/company').set('X-Auth-Token', b.body.token);
      expect(other.status).toBe(200);
    });

    it('a reviewer and a not-onboarded account can log out too (Bearer form)', async () => {
      const reviewer = await newReviewer(t, ['pdm']);
      const out = await t.http.delete('/api/v1/auth/tokens').set('Authorization', `Bearer ${reviewer.token}`);
      expect(out.status).toBe(204);
      const after = await t.http.get('/api/v1/admin/jobs').set('X-Auth-Token', reviewer.token);
      expect(after.status).toBe(401);

      const account = await newAccount(t);
      const out2 = await t.http.delete('/api/v1/auth/tokens').set('X-Auth-Token', account.token);
      expect(out2.status).toBe(204);
      const after2 = await t.http.get('/api/v1/messages').set('X-Auth-Token', account.token);
      expect(after2.status).toBe(401);
    });

    it('logout without a token → 401 AUTH_TOKEN_INVALID', async () => {
      const res = await t.http.delete('/api/v1/auth/tokens');
      expect(res.status).toBe(401);
      expect(res.body.error_code).toBe('AUTH_TOKEN_INVALID');
    });
  });

  describe('login throttling', () => {
    it('after 5 failures within 15 min the login answers 429 with Retry-After, even with the right password, until the window passes', async () => {
      await t.http.put('/api/v1/admin/test/clock').send({ now: '2025-03-01T02:00:00Z' });
      const account = await newAccount(t);
      for (let i = 0; i < 5; i++) {
        const bad = await t.http
          .post('/api/v1/auth/tokens')
          .send({ account: account.accountName, password: 'bad' });
        expect(bad.status).toBe(401);
        await t.http.post('/api/v1/admin/test/clock/advance').send({ ms: 60_000 });
      }
      // clock: 02:05; oldest failure at 02:00 leaves the window at 02:15
      const throttled = await t.http
        .post('/api/v1/auth/tokens')
        .send({ account: account.accountName, password: PASSWORD });
      expect(throttled.status).toBe(429);
      expect(throttled.body.error_code).toBe('AUTH_LOGIN_THROTTLED');
      expect(throttled.headers['retry-after']).toBe('600');
      expect(throttled.body.request_id).toBe(throttled.headers['x-request-id']);

      // other logins are not affected
      const other = await t.http
        .post('/api/v1/auth/tokens')
        .send({ account: partner.accountName, password: PASSWORD });
      expect(other.status).toBe(201);

      await t.http.put('/api/v1/admin/test/clock').send({ now: '2025-03-01T02:14:59.999Z' });
      const stillThrottled = await t.http
        .post('/api/v1/auth/tokens')
        .send({ account: account.accountName, password: PASSWORD });
      expect(stillThrottled.status).toBe(429);
      expect(stillThrottled.headers['retry-after']).toBe('1');

      await t.http.put('/api/v1/admin/test/clock').send({ now: '2025-03-01T02:15:00Z' });
      const ok = await t.http
        .post('/api/v1/auth/tokens')
        .send({ account: account.accountName, password: PASSWORD });
      expect(ok.status).toBe(201);
    });

    it('a successful login clears the failures', async () => {
      await t.http.put('/api/v1/admin/test/clock').send({ now: '2025-03-01T02:00:00Z' });
      const account = await newAccount(t);
      for (let i = 0; i < 4; i++) {
        await t.http.post('/api/v1/auth/tokens').send({ account: account.accountName, password: 'bad' });
      }
      const ok = await t.http
        .post('/api/v1/auth/tokens')
        .send({ account: account.accountName, password: PASSWORD });
      expect(ok.status).toBe(201);
      for (let i = 0; i < 4; i++) {
        const bad = await t.http
          .post('/api/v1/auth/tokens')
          .send({ account: account.accountName, password: 'bad' });
        expect(bad.status).toBe(401);
      }
      const ok2 = await t.http
        .post('/api/v1/auth/tokens')
        .send({ account: account.accountName, password: PASSWORD });
      expect(ok2.status).toBe(201);
    });
  });

  describe('storage', () => {
    it('passwords are stored as scrypt hashes, never in clear', async () => {
      const repo = t.app.get(DataSource).getRepository(Credential);
      const cred = await repo.findOneOrFail({
        where: { subjectKind: 'partner_admin', login: partner.accountName.toLowerCase() },
      });
      expect(cred.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
      expect(cred.passwordHash).not.toContain(PASSWORD);
      expect(cred.subjectId).toBe(partner.id);
      await expect(verifyPassword(PASSWORD, cred.passwordHash)).resolves.toBe(true);
      await expect(verifyPassword('bad', cred.passwordHash)).resolves.toBe(false);
    });

    it('two credentials with the same password get different salts', async () => {
      const other = await newAccount(t);
      const repo = t.app.get(DataSource).getRepository(Credential);
      const a = await repo.findOneOrFail({ where: { login: partner.accountName.toLowerCase() } });
      const b = await repo.findOneOrFail({ where: { login: other.accountName.toLowerCase() } });
      expect(a.passwordHash).not.toBe(b.passwordHash);
    });

    it('tokens are stored as their SHA-256 only', async () => {
      const res = await t.http
        .post('/api/v1/auth/tokens')
        .send({ account: partner.accountName, password: PASSWORD });
      const token = res.body.token as string;
      const repo = t.app.get(DataSource).getRepository(ApiToken);
      const row = await repo.findOneOrFail({ where: { tokenHash: hashToken(token) } });
      expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.subjectKind).toBe('partner_admin');
      expect(row.partnerAccountId).toBe(partner.id);
      const plain = await repo.count({ where: { tokenHash: token } });
      expect(plain).toBe(0);
    });
  });
});
