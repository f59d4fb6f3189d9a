/**
 * Credentials, token issuance and verification, and login throttling. Tokens are opaque random strings valid
 * 24 h by the injected clock (API-008: accepted while now < expires_at); only their hash is stored.
 */
import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { Clock } from '../clock/index.js';
import { sqliteExclusive } from '../persistence/transaction-runner.js';
import { DomainError } from '../errors/index.js';
import { ApiToken, Credential, type SubjectKind } from './auth.entities.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.js';
import { SlidingWindowLimiter } from './sliding-window.js';

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export interface AuthOptions {
  tokenTtlMs: number;
  loginMaxFailures: number;
  loginWindowMs: number;
}

export interface IssuedToken {
  token: string;
  issuedAt: Date;
  expiresAt: Date;
  subjectKind: SubjectKind;
  subjectId: string;
  partnerAccountId: string | null;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class AuthService {
  private readonly failures: SlidingWindowLimiter;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {
    this.failures = new SlidingWindowLimiter(options.loginWindowMs);
  }

  /** Creates or replaces a principal's credential (called by the owning module inside its transaction). */
  async setCredential(
    em: EntityManager,
    input: {
      subjectKind: SubjectKind;
      login: string;
      subjectId: string;
      partnerAccountId: string | null;
      password: string;
    },
  ): Promise<void> {
    const login = input.login.toLowerCase();
    const passwordHash = await hashPassword(input.password);
    const existing = await em.findOne(Credential, { where: { subjectKind: input.subjectKind, login } });
    if (existing) {
      await em.update(Credential, existing.id, {
        passwordHash,
        subjectId: input.subjectId,
        disabled: false,
        updatedAt: this.clock.now(),
      });
      return;
    }
    await em.save(
      em.create(Credential, {
        subjectKind: input.subjectKind,
        login,
        subjectId: input.subjectId,
        partnerAccountId: input.partnerAccountId,
        passwordHash,
        disabled: false,
        updatedAt: this.clock.now(),
      }),
    );
  }

  async disableCredentials(em: EntityManager, subjectKind: SubjectKind, subjectId: string): Promise<void> {
    await em.update(Credential, { subjectKind, subjectId }, { disabled: true, updatedAt: this.clock.now() });
    await this.revokeTokens(em, subjectKind, subjectId);
  }

  /** Lets a disabled principal log in again with its existing password (tokens stay revoked). */
  async enableCredentials(em: EntityManager, subjectKind: SubjectKind, subjectId: string): Promise<void> {
    await em.update(Credential, { subjectKind, subjectId }, { disabled: false, updatedAt: this.clock.now() });
  }

  /** Signs a principal out everywhere: every token it holds is revoked; its credential is untouched. */
  async revokeTokens(em: EntityManager, subjectKind: SubjectKind, subjectId: string): Promise<void> {
    await em.update(
      ApiToken,
      { subjectKind, subjectId, revokedAt: IsNull() },
      { revokedAt: this.clock.now() },
    );
  }

  /**
   * Verifies a login and issues a token. Repeated failures for one login are throttled: after
   * `loginMaxFailures` failures within the window, further attempts answer 429 with Retry-After, even with
   * the right password, until the oldest failure leaves the window.
   */
  async login(subjectKind: SubjectKind, login: string, password: string): Promise<IssuedToken> {
    const key = `${subjectKind}:${login.toLowerCase()}`;
    const now = this.clock.nowMs();
    if (this.failures.count(key, now) >= this.options.loginMaxFailures) {
      const oldest = this.failures.oldest(key, now) ?? now;
      const retryAfter = Math.max(1, Math.ceil((oldest + this.options.loginWindowMs - now) / 1000));
      const err = new DomainError('AUTH_LOGIN_THROTTLED', undefined, { retry_after_seconds: retryAfter });
      err.headers = { 'Retry-After': String(retryAfter) };
      throw err;
    }
    const cred = await this.dataSource
      .getRepository(Credential)
      .findOne({ where: { subjectKind, login: login.toLowerCase() } });
    const ok = await verifyPassword(password, cred?.passwordHash ?? DUMMY_HASH);
    if (!cred || !ok || cred.disabled) {
      this.failures.record(key, now);
      throw new DomainError('AUTH_CREDENTIALS_INVALID');
    }
    this.failures.clear(key);
    return this.issue(cred.subjectKind, cred.subjectId, cred.partnerAccountId);
  }

  async issue(
    subjectKind: SubjectKind,
    subjectId: string,
    partnerAccountId: string | null,
  ): Promise<IssuedToken> {
    const token = randomBytes(32).toString('base64url');
    const issuedAt = this.clock.now();
    const expiresAt = new Date(issuedAt.getTime() + this.options.tokenTtlMs);
    const tokens = this.dataSource.getRepository(ApiToken);
    await sqliteExclusive(this.dataSource, () =>
      tokens.save(
        tokens.create({
          tokenHash: hashToken(token),
          subjectKind,
          subjectId,
          partnerAccountId,
          issuedAt,
          expiresAt,
          revokedAt: null,
        }),
      ),
    );
    return { token, issuedAt, expiresAt, subjectKind, subjectId, partnerAccountId };
  }

  /** Resolves a presented token; throws AUTH_TOKEN_INVALID / AUTH_TOKEN_EXPIRED. */
  async verify(token: string | undefined): Promise<ApiToken> {
    if (!token || token.length > 512) throw new DomainError('AUTH_TOKEN_INVALID');
    const row = await this.dataSource
      .getRepository(ApiToken)
      .findOne({ where: { tokenHash: hashToken(token) } });
    if (!row || row.revokedAt) throw new DomainError('AUTH_TOKEN_INVALID');
    if (!(this.clock.nowMs() < row.expiresAt.getTime())) throw new DomainError('AUTH_TOKEN_EXPIRED');
    return row;
  }

  async revoke(token: string): Promise<void> {
    await sqliteExclusive(this.dataSource, () =>
      this.dataSource
        .getRepository(ApiToken)
        .update({ tokenHash: hashToken(token), revokedAt: IsNull() }, { revokedAt: this.clock.now() }),
    );
  }

  /** For tests and operations: forget recorded login failures. */
  resetLoginFailures(): void {
    this.failures.clear();
  }
}
