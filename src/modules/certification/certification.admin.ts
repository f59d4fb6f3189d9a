/**
 * The certification module's part of the admin panel: paths, programs and capability labels, each from its own
 * file. Services are looked up through `get` (the panel's ModuleRef, non-strict) so each area adds resources
 * without touching the panel module.
 */
import type { Type } from '@nestjs/common';
import type { ResourceWithOptions } from 'adminjs';
import type { AdminKit } from '../../admin/admin-kit.js';
import { labelAdminResources } from './labels/labels.admin.js';
import { pathAdminResources } from './paths/paths.admin.js';
import { programAdminResources } from './programs/programs.admin.js';

export interface CertificationAdminDeps {
  kit: AdminKit;
  get<T>(type: Type<T>): T;
}

export function certificationAdminResources(deps: CertificationAdminDeps): ResourceWithOptions[] {
  return [...pathAdminResources(deps), ...programAdminResources(deps), ...labelAdminResources(deps)];
}
