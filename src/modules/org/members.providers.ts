/**
 * The members-and-roles part of the org module (org.md ORG-001…ORG-017): controllers, providers and exports,
 * spread into OrgModule so this part and the personal-account part grow in separate files.
 */
import type { Provider, Type } from '@nestjs/common';
import { CustomerManagerAssignmentsController } from './controllers/customer-managers.controller.js';
import { OrgMembersController } from './controllers/members.controller.js';
import { OrgRolesController } from './controllers/roles.controller.js';
import { IAM_PORT, InProcessIam } from './ports/iam.port.js';
import { CustomerManagerAssignmentService } from './services/customer-manager.service.js';
import { CustomerScopePolicy } from './services/customer-scope.policy.js';
import { OrgMembersLifecycle } from './services/org-members.lifecycle.js';
import { OrgRoleService } from './services/org-role.service.js';

export const MEMBER_CONTROLLERS: Type[] = [
  OrgMembersController,
  OrgRolesController,
  CustomerManagerAssignmentsController,
];

export const MEMBER_PROVIDERS: Provider[] = [
  InProcessIam,
  { provide: IAM_PORT, useExisting: InProcessIam },
  OrgRoleService,
  CustomerScopePolicy,
  CustomerManagerAssignmentService,
  OrgMembersLifecycle,
];

export const MEMBER_EXPORTS = [
  IAM_PORT,
  CustomerScopePolicy,
  CustomerManagerAssignmentService,
  OrgRoleService,
];
