/**
 * Tenancy helpers: every partner-owned row carries `partner_account_id`, and every query a partner causes is
 * scoped by the partner of the request context (never by an id from the request body, api.md API-018).
 * A row of another partner is reported exactly like a missing one (404), so existence does not leak.
 */
import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import type { RequestContext } from '../context/index.js';
import type { DomainError } from '../errors/index.js';

export interface PartnerOwned {
  partnerAccountId: string;
}

/** `where` restricted to the context's partner account. */
export function scopedWhere<T extends PartnerOwned & ObjectLiteral>(
  ctx: RequestContext,
  where: FindOptionsWhere<T> = {},
): FindOptionsWhere<T> {
  return { ...where, partnerAccountId: ctx.partnerAccountId } as FindOptionsWhere<T>;
}

/** Loads a row owned by the context's partner, or throws `notFound()` (also for other partners' rows). */
export async function findOwnedOrFail<T extends PartnerOwned & ObjectLiteral>(
  em: EntityManager,
  ctx: RequestContext,
  entity: EntityTarget<T>,
  where: FindOptionsWhere<T>,
  notFound: () => DomainError,
): Promise<T> {
  const row = await em.findOne(entity, { where: scopedWhere<T>(ctx, where) });
  if (!row) throw notFound();
  return row;
}

/** Refuses a body/query `partner_account_id` that is not the caller's (api.md API-018). */
export function assertOwnPartnerId(
  ctx: RequestContext,
  partnerAccountId: string | undefined,
  notFound: () => DomainError,
): void {
  if (partnerAccountId !== undefined && partnerAccountId !== ctx.partnerAccountId) throw notFound();
}
