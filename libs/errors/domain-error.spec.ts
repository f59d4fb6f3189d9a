/**
 * One code, one HTTP status, everywhere (GLOSSARY convention 2): `defineErrors` refuses a code declared
 * with two statuses and malformed codes; every code of the assembled catalogue (all modules loaded) has a
 * valid status and a message; the codes the api.md catalogue fixes keep its status and message.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { DomainError, defineErrors, errorCatalogue, isKnownErrorCode, statusOf } from './domain-error.js';

const STATUSES = [400, 401, 403, 404, 409, 422, 429, 500, 503];

describe('defineErrors', () => {
  it('returns a typed fail() that builds DomainErrors with the declared status and message', () => {
    const Spec = defineErrors({ SPEC_THING_MISSING: { status: 404, message: 'Thing not found.' } });
    const err = Spec.fail('SPEC_THING_MISSING', undefined, { field: 'thing_id' });
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'SPEC_THING_MISSING', status: 404, message: 'Thing not found.' });
    expect(err.details).toEqual({ field: 'thing_id' });
    expect(Spec.codes.SPEC_THING_MISSING).toBe('SPEC_THING_MISSING');
    expect(new DomainError('SPEC_THING_MISSING').message).toBe('Thing not found.');
  });

  it('refuses one code with two statuses', () => {
    defineErrors({ SPEC_TWICE: { status: 409, message: 'a' } });
    expect(() => defineErrors({ SPEC_TWICE: { status: 422, message: 'b' } })).toThrow(
      'error code SPEC_TWICE declared with two statuses (409, 422)',
    );
    expect(statusOf('SPEC_TWICE')).toBe(409);
    // the same status twice is allowed (a code shared by two modules)
    expect(() => defineErrors({ SPEC_TWICE: { status: 409, message: 'a' } })).not.toThrow();
  });

  it.each(['spec_lower', 'SPEC-DASH', 'SPEC.DOTTED', '1SPEC', 'SPEC.12'])(
    'refuses the malformed code %s',
    (code) => {
      expect(() => defineErrors({ [code]: { status: 400, message: 'x' } })).toThrow(`bad error code ${code}`);
    },
  );

  it('an unknown code has no status (a programming error, answered 500 by the filter)', () => {
    expect(isKnownErrorCode('SPEC_NEVER_DECLARED')).toBe(false);
    expect(() => statusOf('SPEC_NEVER_DECLARED')).toThrow('not in the catalogue');
  });
});

describe('the assembled catalogue', () => {
  beforeAll(async () => {
    // every module declares its codes when its index loads: load the whole application module graph
    await import('../../src/app.module.js');
  });

  it('every code has an HTTP status of the contract, a message and the code style', () => {
    const bad = [...errorCatalogue()].filter(
      ([code, spec]) =>
        !STATUSES.includes(spec.status) ||
        !spec.message ||
        !(
          /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/.test(code) || ['CBC.0100', 'APIGW.0101', 'APIG.0308'].includes(code)
        ),
    );
    expect(bad).toEqual([]);
    expect(errorCatalogue().size).toBeGreaterThan(40);
  });

  it('every module has its generic field code (400)', () => {
    for (const code of ['FIELD_INVALID', 'AUTH_FIELD_INVALID', 'INFO_FIELD_INVALID', 'ORG_FIELD_INVALID']) {
      expect([code, statusOf(code)]).toEqual([code, 400]);
    }
  });

  it.each([
    ['CBC.0100', 400, 'Request body must be JSON with Content-Type application/json'],
    ['APIGW.0101', 404, 'API not exist or not published in the environment'],
    ['APIG.0308', 429, null],
    ['SYS_INTERNAL_ERROR', 500, 'Internal error, contact support with the request id'],
    ['SYS_UNAVAILABLE', 503, 'Service temporarily unavailable'],
    ['IDEMPOTENCY_KEY_REUSED', 409, 'Idempotency key already used with a different request'],
    ['IDEMPOTENCY_KEY_REQUIRED', 400, 'Header Idempotency-Key is required for this operation'],
    ['AUTH_CREDENTIALS_INVALID', 401, 'The username or password is wrong.'],
    ['AUTH_TOKEN_EXPIRED', 401, 'x_auth_token is expired.'],
    ['AUTH_TOKEN_INVALID', 401, 'Invalid token'],
    ['AUTH_TOKEN_TYPE_NOT_ALLOWED', 403, null],
    ['ORG_PERMISSION_DENIED', 403, 'You have no permission for this operation; ask your partner admin.'],
  ] as const)('api.md catalogue: %s → %i', (code, status, message) => {
    expect(statusOf(code)).toBe(status);
    if (message) expect(new DomainError(code).message).toBe(message);
  });
});
