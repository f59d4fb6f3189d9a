// Public surface of the org module: other modules import only from here.
export * from './org.module.js';
export * from './org.permissions.js';
export * from './org.errors.js';
export { OrgMemberService, MAX_ROLES_PER_MEMBER } from './services/org-member.service.js';
export {
  OrgPermissionService,
  PRESET_ROLES,
  CUSTOMER_MANAGER_KEYS,
} from './services/org-permission.service.js';

import { OrgMember, OrgMemberRole, Role } from './entities/org-member.entity.js';
export { OrgMember, OrgMemberRole, Role };
export const ORG_ENTITIES = [OrgMember, Role, OrgMemberRole];
