import { defineErrors } from '../../../libs/errors/index.js';

/** Error codes of the support module (GLOSSARY convention 2); one code, one HTTP status. */
export const SupportErrors = defineErrors({
  SUP_FIELD_INVALID: { status: 400, message: 'Invalid parameter' },
});
