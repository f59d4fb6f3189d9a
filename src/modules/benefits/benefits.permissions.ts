import { definePermissions } from '../../../libs/auth/index.js';

/** Permission keys checked by the benefits module's handlers (GLOSSARY convention 1). */
export const BenefitsPermissions = definePermissions('benefits', {});
