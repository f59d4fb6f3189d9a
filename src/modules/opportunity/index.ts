// Public surface of the opportunity module: other modules import only from here.
export * from './opportunity.module.js';
export * from './opportunity.permissions.js';
export * from './opportunity.errors.js';
export { opportunityAdminResources, type OpportunityAdminDeps } from './opportunity.admin.js';
import type { Type } from '@nestjs/common';
export const OPPORTUNITY_ENTITIES: Type[] = [];
