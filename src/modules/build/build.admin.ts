/** The build module's part of the admin panel: solutions/certifications and baseline/ecosystem, each from its file. */
import type { Type } from '@nestjs/common';
import type { ResourceWithOptions } from 'adminjs';
import type { AdminKit } from '../../admin/admin-kit.js';
import { baselineAdminResources } from './baseline/baseline.admin.js';
import { solutionAdminResources } from './solutions/solutions.admin.js';

export interface BuildAdminDeps {
  kit: AdminKit;
  get<T>(type: Type<T>): T;
}

export function buildAdminResources(deps: BuildAdminDeps): ResourceWithOptions[] {
  return [...solutionAdminResources(deps), ...baselineAdminResources(deps)];
}
