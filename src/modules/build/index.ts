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
