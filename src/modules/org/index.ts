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

export { PersonalAccountService } from './services/personal-account.service.js';
export { LinkService } from './services/link.service.js';
export { SpecialistService, SPECIALIST_REVIEWER_ROLES } from './services/specialist.service.js';
export { CertificateService, CERTIFICATE_REVIEWER_ROLES } from './services/certificate.service.js';
export {
  SPECIALIST_OCCUPANCY_PORT,
  type SpecialistOccupancyPort,
} from './ports/specialist-occupancy.port.js';
export { orgAdminResources } from './org.admin.js';
export { TestPersonalAccountDto } from './dto/personal.dto.js';
import { OrgMember, OrgMemberRole, Role } from './entities/org-member.entity.js';
export { OrgMember, OrgMemberRole, Role };
// members, roles, customer managers (ORG-001…ORG-017)
export { CustomerScopePolicy, type CustomerScope } from './services/customer-scope.policy.js';
export {
  CustomerManagerAssignmentService,
  ASSIGN_MANAGER_KEY,
  type AssignmentView,
} from './services/customer-manager.service.js';
export { OrgRoleService } from './services/org-role.service.js';
export { IAM_PORT, type IamPort, type IamUser } from './ports/iam.port.js';
import {
  CustomerManagerAssignment,
  CustomerManagerSupervision,
} from './entities/customer-manager.entities.js';
export { CustomerManagerAssignment, CustomerManagerSupervision };
import {
  LinkInvitation,
  PersonalAccount,
  PersonalAccountLink,
  PersonalCertificate,
  ProjectSpecialist,
} from './entities/personal.entities.js';
export { LinkInvitation, PersonalAccount, PersonalAccountLink, PersonalCertificate, ProjectSpecialist };
export const ORG_ENTITIES = [
  OrgMember,
  Role,
  OrgMemberRole,
  PersonalAccount,
  LinkInvitation,
  PersonalAccountLink,
  ProjectSpecialist,
  PersonalCertificate,
  CustomerManagerAssignment,
  CustomerManagerSupervision,
];
