import { defineErrors } from '../../../libs/errors/index.js';

/** Error codes of the sales module (GLOSSARY convention 2); one code, one HTTP status. */
export const SalesErrors = defineErrors({
  SALES_FIELD_INVALID: { status: 400, message: 'Invalid parameter' },
});
