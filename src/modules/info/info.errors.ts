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
  // --- business info verification (FAQ 6.2; INFO-023…INFO-034) ---------------------------------------------
  BUSINESS_INFO_NOT_VERIFIED: { status: 422, message: 'Complete business info verification first.' },
  INFO_PERSONAL_BANK_ACCOUNT_NOT_ALLOWED: {
    status: 422,
    message: 'Only a corporate bank account is accepted; personal accounts are refused.',
  },
  INFO_BANK_ACCOUNT_NAME_MISMATCH: {
    status: 422,
    message: 'The bank account name must be identical to the company name.',
  },
  INFO_ENTERPRISE_CODE_TYPE_INVALID: {
    status: 400,
    message: 'The enterprise code type must be the unified social credit code (uscc).',
  },
  INFO_USCC_MISSING: {
    status: 409,
    message: 'Your company has no unified social credit code on record; ask operations to record it first.',
  },
  INFO_CURRENCY_NOT_EDITABLE: {
    status: 422,
    message: 'The settlement currency is set by the contracting entity and cannot be chosen.',
  },
  INFO_TAXPAYER_TYPE_CHANGE_VIA_TICKET: {
    status: 422,
    message: 'Taxpayer type can only be changed through a ticket.',
  },
  /** decision (INFO-027): `marketplace_goods` and any later change of the invoice mode are set by operations */
  INFO_INVOICE_MODE_CHANGE_VIA_TICKET: {
    status: 422,
    message: 'The invoice mode can only be changed through a ticket.',
  },
  INFO_VERIFICATION_IN_PROGRESS: { status: 409, message: 'A verification is already in progress.' },
  INFO_VERIFICATION_NOT_FOUND: { status: 404, message: 'Business info verification not found.' },
  INFO_AMOUNT_CONFIRMATION_NOT_REQUIRED: {
    status: 409,
    message: 'This partner center verifies the micro-deposit automatically; no amount needs to be entered.',
  },
  INFO_MICRO_DEPOSIT_AMOUNT_MISMATCH: {
    status: 422,
    message: 'The amount does not match the micro-deposit Huawei sent to your account.',
  },
  INFO_VERIFICATION_STATE_INVALID: {
    status: 409,
    message: 'This business info verification is not in a state that allows this step.',
  },
  INFO_BANK_LETTER_NOT_EXPECTED: {
    status: 409,
    message: 'No bank letter is expected now: wait until operations have prepared the draft.',
  },
  INFO_BANK_LETTER_FILE_INVALID: {
    status: 400,
    message: 'Upload one PDF, JPG or PNG file of at most 10 MB.',
  },
  INFO_BANK_LETTER_NOT_FOUND: { status: 404, message: 'Bank letter not found.' },
  INFO_BANK_LETTER_STATE_INVALID: {
    status: 409,
    message: 'This bank letter is not in a state that allows this step.',
  },
  INFO_PHONE_ALREADY_REGISTERED: { status: 409, message: 'This mobile number is already registered.' },
  /** decision (not in the spec): quick registration must not take over an existing account name */
  INFO_ACCOUNT_NAME_TAKEN: { status: 409, message: 'This account name is already registered.' },
  // --- basic info (FAQ 6.1; INFO-012…INFO-022) and deregistration (INFO-035…INFO-040) -----------------------
  INFO_PRIMARY_ACCOUNT_REQUIRED: {
    status: 403,
    message: 'Only the primary account of your company can change business-licence information.',
  },
  INFO_USCC_IMMUTABLE: { status: 422, message: 'The credit code cannot be changed here.' },
  INFO_LICENSE_CODE_MISMATCH: {
    status: 422,
    message:
      'The credit code/organisation code in the uploaded business licence differs from the current one; basic information cannot be changed.',
  },
  INFO_CHANGE_REQUEST_PENDING: {
    status: 409,
    message: 'A change request of your company is already pending review.',
  },
  INFO_CHANGE_REQUEST_NOT_FOUND: { status: 404, message: 'Company info change request not found.' },
  INFO_CHANGE_REQUEST_NOT_PENDING: {
    status: 409,
    message: 'Only a change request pending review can be decided or withdrawn.',
  },
  INFO_EDIT_VIA_TICKET_ONLY: {
    status: 403,
    message: 'Submit a ticket to change logo, contact details or introduction.',
  },
  INFO_NO_CUSTOMER_IDENTITY: {
    status: 403,
    message: 'Reseller accounts cannot buy cloud services; use a separate customer account.',
  },
  INFO_ACCOUNT_NAME_ALREADY_CHANGED: { status: 409, message: 'The account name can only be changed once.' },
  INFO_DEREGISTRATION_BLOCKED: { status: 409, message: 'This account cannot be deregistered.' },
  INFO_LEGAL_ENTITY_NOT_FOUND: { status: 404, message: 'Legal entity not found.' },
  /** decision: operations "fix a missing USCC" only; replacing a recorded USCC is not a ticket action */
  INFO_USCC_ALREADY_SET: { status: 409, message: 'This company already has a credit code on record.' },
  INFO_USCC_TAKEN: {
    status: 409,
    message: 'Another legal entity of this site already has this credit code.',
  },
});
