import { defineErrors } from './domain-error.js';

/**
 * Cross-cutting codes (api.md catalogue, GLOSSARY convention 2). The vendor codes CBC.0100, APIGW.0101 and
 * APIG.0308 are answered by the gateway layer for every path (api.md Open point 12).
 */
export const CommonErrors = defineErrors({
  'CBC.0100': { status: 400, message: 'Request body must be JSON with Content-Type application/json' },
  'APIGW.0101': { status: 404, message: 'API not exist or not published in the environment' },
  'APIG.0308': {
    status: 429,
    message: 'The throttling threshold has been reached: policy user over ratelimit,limit:10,time:1 second',
  },
  SYS_INTERNAL_ERROR: { status: 500, message: 'Internal error, contact support with the request id' },
  SYS_UNAVAILABLE: { status: 503, message: 'Service temporarily unavailable' },
  FIELD_INVALID: { status: 400, message: 'Invalid parameter' },
  AUTH_FIELD_INVALID: { status: 400, message: 'Invalid parameter' },
  AUTH_CREDENTIALS_INVALID: { status: 401, message: 'The username or password is wrong.' },
  AUTH_TOKEN_EXPIRED: { status: 401, message: 'x_auth_token is expired.' },
  AUTH_TOKEN_INVALID: { status: 401, message: 'Invalid token' },
  AUTH_LOGIN_THROTTLED: { status: 429, message: 'Too many failed logins; try again later.' },
  AUTH_TOKEN_TYPE_NOT_ALLOWED: { status: 403, message: 'This API must be called with another token type' },
  ORG_PERMISSION_DENIED: {
    status: 403,
    message: 'You have no permission for this operation; ask your partner admin.',
  },
  ORG_ADMIN_REQUIRED: {
    status: 403,
    message: 'Only the partner administrator can manage organization members.',
  },
  REVIEWER_ROLE_REQUIRED: { status: 403, message: 'Your reviewer role does not allow this action.' },
  IDEMPOTENCY_KEY_REQUIRED: { status: 400, message: 'Header Idempotency-Key is required for this operation' },
  IDEMPOTENCY_KEY_REUSED: { status: 409, message: 'Idempotency key already used with a different request' },
  IDEMPOTENCY_KEY_IN_FLIGHT: {
    status: 409,
    message: 'A request with this Idempotency-Key is still being processed; retry shortly.',
  },
  STATE_TRANSITION_INVALID: { status: 409, message: 'This action is not possible in the current state.' },
  JOB_NOT_FOUND: { status: 404, message: 'No such job.' },
  JOB_ALREADY_RUNNING: { status: 409, message: 'The job is already running on another instance.' },
  TEST_FAKE_NOT_FOUND: { status: 404, message: 'No such external-system fake.' },
  TEST_FAKE_CONFIG_INVALID: { status: 400, message: 'The fake cannot apply this configuration.' },
  CALENDAR_DAY_INVALID: { status: 400, message: 'Invalid calendar day.' },
  RATE_LIMIT_OPERATION_UNKNOWN: {
    status: 404,
    message: 'No such operation; name it "<METHOD> <route>", e.g. "GET /api/v1/info/company".',
  },
});
