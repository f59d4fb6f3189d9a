import { defineErrors } from '../../../libs/errors/index.js';

/** Error codes of the delivery module (GLOSSARY convention 2); one code, one HTTP status. */
export const DeliveryErrors = defineErrors({
  DLV_FIELD_INVALID: { status: 400, message: 'Invalid parameter' },
});
