import { defineErrors } from '../../../libs/errors/index.js';

/** Error codes of the info module (info.md, GLOSSARY convention 2); one code, one HTTP status. */
export const InfoErrors = defineErrors({
  INFO_FIELD_INVALID: { status: 400, message: 'Invalid parameter' },
  INFO_USCC_INVALID: {
    status: 400,
    message: 'The unified social credit code must be 18 digits or upper-case letters.',
  },
  INFO_ENTITY_CODE_REQUIRED: {
    status: 400,
    message: 'Give exactly one of the unified social credit code or the organisation code.',
  },
  INFO_ORG_CODE_INVALID: { status: 400, message: 'The organisation code must be 9 characters.' },
  INFO_TAX_CODE_INVALID: { status: 400, message: 'The tax code must be 15 or 18 characters.' },
  INFO_ENTERPRISE_REALNAME_REQUIRED: {
    status: 422,
    message:
      'Complete enterprise real-name verification in the account center before joining the partner network.',
  },
  INFO_REALNAME_MISMATCH: {
    status: 422,
    message:
      "Company name or credit code differs from the account's enterprise real-name data; change it in the account center first.",
  },
  INFO_ONBOARDING_EXISTS: {
    status: 409,
    message: 'This account already has an onboarding application in progress or is already a partner.',
  },
  INFO_SITE_MISMATCH: {
    status: 422,
    message: 'Accounts of the China site cannot join the partner network of another site.',
  },
  INFO_NOT_ONBOARDED: { status: 403, message: 'Join the partner network first.' },
  INFO_ACCOUNT_DEREGISTERED: { status: 403, message: 'This account has been deregistered.' },
  INFO_ONBOARDING_NOT_FOUND: { status: 404, message: 'Onboarding application not found.' },
  INFO_ONBOARDING_NOT_IN_REVIEW: {
    status: 409,
    message: 'Only an application in manual review can be decided.',
  },
  INFO_REJECT_REASON_REQUIRED: { status: 400, message: 'A rejection needs a reason.' },
  INFO_ACCOUNT_NOT_FOUND: { status: 404, message: 'Partner account not found.' },
  INFO_QUICK_REG_CODE_INVALID: { status: 422, message: 'The verification code is wrong or expired.' },
  INFO_QUICK_REG_LINK_EXPIRED: { status: 409, message: 'The registration link has expired; verify again.' },
  INFO_QUICK_REG_NOT_FOUND: { status: 404, message: 'Quick registration not found.' },
  INFO_QUICK_REG_STATE_INVALID: {
    status: 409,
    message: 'This quick registration is not in a state that allows this step.',
  },
  INFO_PHONE_ALREADY_REGISTERED: { status: 409, message: 'This mobile number is already registered.' },
  /** decision (not in the spec): quick registration must not take over an existing account name */
  INFO_ACCOUNT_NAME_TAKEN: { status: 409, message: 'This account name is already registered.' },
});
