import { defineErrors } from '../../../libs/errors/index.js';

/** Error codes of the certification module (GLOSSARY convention 2); one code, one HTTP status. */
export const CertificationErrors = defineErrors({
  CERT_FIELD_INVALID: { status: 400, message: 'Invalid parameter' },
});
