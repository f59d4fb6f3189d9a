import { defineErrors } from '../../../libs/errors/index.js';

/** Error codes of the benefits module (GLOSSARY convention 2); one code, one HTTP status. */
export const BenefitsErrors = defineErrors({
  BEN_FIELD_INVALID: { status: 400, message: 'Invalid parameter' },
});
