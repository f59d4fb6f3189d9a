import { definePermissions } from '../../../libs/auth/index.js';

/** Permission keys checked by the opportunity module's handlers (GLOSSARY convention 1). */
export const OpportunityPermissions = definePermissions('opportunity', {});
