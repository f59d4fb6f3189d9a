import { defineErrors } from '../../../libs/errors/index.js';

/** Error codes of the build module (GLOSSARY convention 2); one code, one HTTP status. */
export const BuildErrors = defineErrors({
  BUILD_FIELD_INVALID: { status: 400, message: 'Invalid parameter' },
});
