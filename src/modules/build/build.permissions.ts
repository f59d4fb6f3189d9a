import { definePermissions } from '../../../libs/auth/index.js';

/** Permission keys checked by the build module's handlers (GLOSSARY convention 1). */
export const BuildPermissions = definePermissions('build', {
  SolutionView: 'build.solution.view',
  SolutionManage: 'build.solution.manage',
  BaselineManage: 'build.baseline.manage',
});
