import type { RequestContext, ReviewerRole } from '../context/index.js';
import { DomainError } from '../errors/index.js';

/**
 * The in-service form of `@ReviewerRoles(...)` for a step narrower than its endpoint (or an AdminJS action):
 * the actor must hold one of `roles` (`admin` passes every check), otherwise 403 REVIEWER_ROLE_REQUIRED.
 */
export function requireReviewerRole(ctx: RequestContext, roles: readonly ReviewerRole[]): void {
  if (!ctx.hasReviewerRole(...roles)) throw new DomainError('REVIEWER_ROLE_REQUIRED');
}
