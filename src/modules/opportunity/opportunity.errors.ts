import { defineErrors } from '../../../libs/errors/index.js';

/** Error codes of the opportunity module (api.md error catalogue; GLOSSARY convention 2): one code, one status. */
export const OpportunityErrors = defineErrors({
  OPP_FIELD_INVALID: { status: 400, message: 'Invalid parameter' },
  OPP_ALREADY_PROCESSED: { status: 409, message: 'Opportunity already processed by another reviewer' },
  OPP_CUSTOMER_CONSENT_REQUIRED: { status: 400, message: 'Customer authorisation must be confirmed' },
  OPP_DUPLICATE: { status: 409, message: 'Duplicate of opportunity for the same customer and demand' },
  OPP_HO_EXPIRED: { status: 409, message: 'HO acceptance window has passed' },
  OPP_HO_PARTNER_INELIGIBLE: { status: 422, message: 'Partner does not meet HO requirements' },
  OPP_INCOMPLETE: { status: 400, message: 'Missing or invalid fields' },
  OPP_INVALID_ASSIGNEE: { status: 422, message: 'Assignee must hold the PDM role' },
  OPP_INVALID_STATE: { status: 409, message: 'Opportunity is not in a state that allows this action' },
  OPP_NOT_EDITABLE: { status: 409, message: 'Submitted opportunities cannot be edited or withdrawn' },
  OPP_NOT_FOUND: { status: 404, message: 'Opportunity not found' },
  OPP_NOT_UPDATABLE: {
    status: 409,
    message: 'Progress can only be updated on approved/accepted, open opportunities',
  },
  OPP_OFFERING_NOT_OWNED: { status: 422, message: 'Offering does not belong to this partner' },
  OPP_ORIGIN_IMMUTABLE: { status: 409, message: 'Opportunity origin cannot be changed' },
  OPP_PCE_AGREEMENT_REQUIRED: {
    status: 400,
    message: 'PCE agreement and update commitment must be accepted',
  },
  OPP_PCE_ALREADY_JOINED: { status: 409, message: 'Already a PCE member' },
  OPP_PCE_ENTRY_UNAVAILABLE: {
    status: 403,
    message: 'PCE entry not available; contact your PDM to be whitelisted',
  },
  OPP_PCE_NOT_JOINED: { status: 403, message: 'Join the PCE program first' },
  OPP_PCE_NOT_ONBOARDED: { status: 422, message: 'Partner must complete onboarding before joining PCE' },
  OPP_PURCHASE_WINDOW: { status: 422, message: 'Expected purchase date must be within the next 12 months' },
  OPP_REASON_REQUIRED: { status: 400, message: 'A reason (and justification) is required' },
  OPP_RESUBMIT_NOT_ALLOWED: { status: 409, message: 'Duplicate opportunities cannot be resubmitted' },
  OPP_VERIFICATION_EXPIRED: { status: 409, message: 'Verification deadline passed' },
  OPP_PCE_ENROLLMENT_NOT_FOUND: { status: 404, message: 'PCE enrollment not found' },
  OPP_REP_OFFICE_INVALID: { status: 400, message: 'Invalid representative office' },
});
