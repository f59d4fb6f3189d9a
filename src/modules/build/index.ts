// Public surface of the build module: other modules import only from here.
export * from './build.module.js';
export * from './build.permissions.js';
export * from './build.errors.js';
export * from './build.contracts.js';
export { buildAdminResources, type BuildAdminDeps } from './build.admin.js';
import { BASELINE_ENTITIES } from './baseline/baseline.providers.js';
import { SOLUTION_ENTITIES } from './solutions/solutions.providers.js';
export const BUILD_ENTITIES = [...SOLUTION_ENTITIES, ...BASELINE_ENTITIES];
// solutions & software certification (BUILD-001…BUILD-019)
export { SolutionCertificationService } from './solutions/services/solution-certification.service.js';
export {
  CloudServiceCatalogService,
  type CloudServiceView,
} from './solutions/services/cloud-service-catalog.service.js';
export { SolutionErrors } from './solutions/solutions.errors.js';
export { SOLUTION_CERT_EXPIRY_JOB, SOLUTION_CERT_REMINDER_JOB } from './solutions/solutions.cron.js';
// baseline solutions, offerings & ecosystem special programs (BUILD-020…BUILD-036)
export { BaselineService, type BaselineView } from './baseline/services/baseline.service.js';
export {
  EcosystemService,
  type EnrollmentView,
  type MembershipView,
} from './baseline/services/ecosystem.service.js';
export { OfferingService, type OfferingView } from './baseline/services/offering.service.js';
export {
  MARKETPLACE_PRODUCT_PORT,
  type MarketplaceProduct,
  type MarketplaceProductPort,
} from './baseline/ports/baseline-ports.js';
export { BaselineErrors } from './baseline/baseline.errors.js';
export { ECOSYSTEM_EXPIRY_JOB, BASELINE_MEETING_REMINDER_JOB } from './baseline/baseline.cron.js';
export type { BaselineStage, EcosystemProgram } from './baseline/domain/baseline-rules.js';
