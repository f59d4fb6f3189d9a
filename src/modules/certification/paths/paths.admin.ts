/** The paths part of the admin panel (filled by its issue): resources and reviewer record actions. */
import type { ResourceWithOptions } from 'adminjs';
import type { CertificationAdminDeps } from '../certification.admin.js';

export function pathAdminResources(deps: CertificationAdminDeps): ResourceWithOptions[] {
  void deps;
  return [];
}
