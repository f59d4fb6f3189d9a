import { definePermissions } from '../../../libs/auth/index.js';

/** Permission keys checked by the org module's handlers (org.md "Grantable permission keys"). */
export const OrgPermissions = definePermissions('org', {
  SpecialistView: 'org.specialist.view',
});
