import { definePermissions } from '../../../libs/auth/index.js';

/** Permission keys checked by the certification module's handlers (GLOSSARY convention 1). */
export const CertificationPermissions = definePermissions('certification', {});
