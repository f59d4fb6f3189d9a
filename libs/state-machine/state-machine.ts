/**
 * State machines as data (STYLE "Domain mechanics"): a transition table, guards that veto with a reason, and
 * one `transition()` that checks both, sets the status, saves, audits in the same transaction and queues a
 * domain event that is published after commit. Nobody sets `status` directly.
 */
import type { RequestContext } from '../context/index.js';
import { DomainError } from '../errors/index.js';
import type { AuditService } from '../audit/index.js';

export interface Stateful<S extends string> {
  id: string;
  status: S;
}

/** A guard returns null to allow, or a DomainError (or its code) to veto the transition. */
export type Guard<S extends string, E extends Stateful<S>> = (
  ctx: RequestContext,
  entity: E,
  to: S,
) => DomainError | null | Promise<DomainError | null>;

export interface StateMachineDefinition<S extends string, E extends Stateful<S>> {
  /** entity type name used in audit rows and event names, e.g. `onboarding_application` */
  entityType: string;
  /** event name prefix, e.g. `info.onboarding` → `info.onboarding.approved` */
  eventPrefix: string;
  transitions: { readonly [K in S]: readonly S[] };
  guards?: ReadonlyArray<{ from?: S | readonly S[]; to?: S | readonly S[]; guard: Guard<S, E> }>;
  /** projection of the entity written to the audit log before/after */
  snapshot?: (entity: E) => Record<string, unknown>;
  /** the owning partner account, for audit scoping */
  partnerAccountId?: (entity: E) => string | null;
  /** error code used when the table does not allow the move (default STATE_TRANSITION_INVALID, 409) */
  invalidTransitionCode?: string;
}

function matches<S extends string>(sel: S | readonly S[] | undefined, value: S): boolean {
  if (sel === undefined) return true;
  return typeof sel === 'string' ? sel === value : sel.includes(value);
}

export class StateMachine<S extends string, E extends Stateful<S>> {
  constructor(
    readonly definition: StateMachineDefinition<S, E>,
    private readonly audit: AuditService,
  ) {}

  canTransition(from: S, to: S): boolean {
    return (this.definition.transitions[from] ?? []).includes(to);
  }

  /** Reasons a transition would be refused (table or guards), without changing anything. */
  async check(ctx: RequestContext, entity: E, to: S): Promise<DomainError | null> {
    if (!this.canTransition(entity.status, to)) {
      return new DomainError(
        this.definition.invalidTransitionCode ?? 'STATE_TRANSITION_INVALID',
        `Cannot move ${this.definition.entityType} from ${entity.status} to ${to}.`,
        { from: entity.status, to },
      );
    }
    for (const g of this.definition.guards ?? []) {
      if (matches(g.from, entity.status) && matches(g.to, to)) {
        const veto = await g.guard(ctx, entity, to);
        if (veto) return veto;
      }
    }
    return null;
  }

  /**
   * Moves `entity` to `to`: table and guards first, then `mutate` (other fields of the same change), save,
   * audit and an after-commit event `${eventPrefix}.${to}`. Must run inside a transaction.
   */
  async transition(
    ctx: RequestContext,
    entity: E,
    to: S,
    opts: { action?: string; mutate?: (e: E) => void; eventPayload?: Record<string, unknown> } = {},
  ): Promise<E> {
    if (!ctx.em) throw new Error('transition() must run inside a transaction');
    const veto = await this.check(ctx, entity, to);
    if (veto) throw veto;
    const snap = this.definition.snapshot ?? ((e: E) => ({ status: e.status }));
    const before = snap(entity);
    const from = entity.status;
    entity.status = to;
    opts.mutate?.(entity);
    await ctx.em.save(entity);
    const after = snap(entity);
    await this.audit.record(ctx, {
      action: opts.action ?? `${this.definition.entityType}.${from}->${to}`,
      entityType: this.definition.entityType,
      entityId: entity.id,
      partnerAccountId: this.definition.partnerAccountId?.(entity) ?? null,
      before,
      after,
    });
    ctx.publishAfterCommit({
      name: `${this.definition.eventPrefix}.${to}`,
      payload: { id: entity.id, from, to, ...(opts.eventPayload ?? {}) },
      occurredAt: ctx.now(),
      requestId: ctx.requestId,
    });
    return entity;
  }

  /** Records the creation of an entity in its initial state (save + audit + event). */
  async create(
    ctx: RequestContext,
    entity: E,
    opts: { action?: string; eventPayload?: Record<string, unknown> } = {},
  ): Promise<E> {
    if (!ctx.em) throw new Error('create() must run inside a transaction');
    await ctx.em.save(entity);
    const snap = this.definition.snapshot ?? ((e: E) => ({ status: e.status }));
    await this.audit.record(ctx, {
      action: opts.action ?? `${this.definition.entityType}.created`,
      entityType: this.definition.entityType,
      entityId: entity.id,
      partnerAccountId: this.definition.partnerAccountId?.(entity) ?? null,
      before: null,
      after: snap(entity),
    });
    ctx.publishAfterCommit({
      name: `${this.definition.eventPrefix}.${entity.status}`,
      payload: { id: entity.id, from: null, to: entity.status, ...(opts.eventPayload ?? {}) },
      occurredAt: ctx.now(),
      requestId: ctx.requestId,
    });
    return entity;
  }

  /** The transition table as rows, for docs and the admin panel. */
  table(): Array<{ from: S; to: S }> {
    return (Object.entries(this.definition.transitions) as Array<[S, readonly S[]]>).flatMap(([from, tos]) =>
      tos.map((to) => ({ from, to })),
    );
  }
}
