import { definePermissions } from '../../../libs/auth/index.js';

/** Permission keys checked by the delivery module's handlers (GLOSSARY convention 1). */
export const DeliveryPermissions = definePermissions('delivery', {});
