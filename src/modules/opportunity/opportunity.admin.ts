/** The opportunity module's part of the admin panel (filled by its issue): resources and reviewer record actions. */
import type { Type } from '@nestjs/common';
import type { ResourceWithOptions } from 'adminjs';
import type { AdminKit } from '../../admin/admin-kit.js';

export interface OpportunityAdminDeps {
  kit: AdminKit;
  get<T>(type: Type<T>): T;
}

export function opportunityAdminResources(deps: OpportunityAdminDeps): ResourceWithOptions[] {
  void deps;
  return [];
}
