/** The baseline part of the admin panel (filled by its issue): resources and reviewer record actions. */
import type { ResourceWithOptions } from 'adminjs';
import type { BuildAdminDeps } from '../build.admin.js';

export function baselineAdminResources(deps: BuildAdminDeps): ResourceWithOptions[] {
  void deps;
  return [];
}
