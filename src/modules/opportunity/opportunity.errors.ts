import { defineErrors } from '../../../libs/errors/index.js';

/** Error codes of the opportunity module (GLOSSARY convention 2); one code, one HTTP status. */
export const OpportunityErrors = defineErrors({
  OPP_FIELD_INVALID: { status: 400, message: 'Invalid parameter' },
});
