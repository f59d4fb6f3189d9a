// Public surface of the opportunity module: other modules import only from here.
export * from './opportunity.module.js';
export * from './opportunity.permissions.js';
export * from './opportunity.errors.js';
export { opportunityAdminResources, type OpportunityAdminDeps } from './opportunity.admin.js';
import type { Type } from '@nestjs/common';
import { OPPORTUNITY_ENTITY_TYPES } from './opportunity.providers.js';
export const OPPORTUNITY_ENTITIES: Type[] = [...OPPORTUNITY_ENTITY_TYPES];
export { PceEnrollmentService, CURRENT_PCE_AGREEMENT_VERSION } from './services/pce-enrollment.service.js';
export { OpportunityService } from './services/opportunity.service.js';
export { OpportunityReviewService } from './services/opportunity-review.service.js';
export { CRM_GATEWAY, type CrmGateway } from './ports/crm.port.js';
export {
  Opportunity,
  PceEnrollment,
  PceWhitelistEntry,
  ProgressUpdate,
  OpportunityFeedback,
  RepOffice,
} from './entities/opportunity.entities.js';
