// Public surface of the build module: other modules import only from here.
export * from './build.module.js';
export * from './build.permissions.js';
export * from './build.errors.js';
export * from './build.contracts.js';
export { buildAdminResources, type BuildAdminDeps } from './build.admin.js';
import { BASELINE_ENTITIES } from './baseline/baseline.providers.js';
import { SOLUTION_ENTITIES } from './solutions/solutions.providers.js';
export const BUILD_ENTITIES = [...SOLUTION_ENTITIES, ...BASELINE_ENTITIES];
