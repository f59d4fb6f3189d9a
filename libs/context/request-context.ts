/**
 * The request context travels first into every service method (Vendure's `ctx`): who acts, for which partner
 * account, with which permissions, inside which transaction (EntityManager), at what time (Clock).
 * The same services serve REST handlers, AdminJS actions, cron jobs and tests; each builds a context.
 */
import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Clock } from '../clock/index.js';
import type { DomainEvent } from '../events/event-bus.js';

export type Site = 'cn' | 'intl' | 'eu';
export const SITES: readonly Site[] = ['cn', 'intl', 'eu'];

export const REVIEWER_ROLES = [
  'pdm',
  'psa',
  'tse',
  'expert',
  'psm',
  'bd',
  'operations',
  'finance',
  'admin',
] as const;
export type ReviewerRole = (typeof REVIEWER_ROLES)[number];

export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'partner';
      partnerAccountId: string;
      /** null for the partner admin (the account owner); the org member's id otherwise */
      memberId: string | null;
      site: Site;
      tokenId: string | null;
    }
  | {
      kind: 'reviewer';
      reviewerId: string;
      email: string;
      roles: readonly ReviewerRole[];
      flags: readonly string[];
      tokenId: string | null;
    }
  | {
      /** an individual's own Huawei account (personal account, org.md), e.g. accepting a link invitation */
      kind: 'personal';
      personalAccountId: string;
      site: Site;
      tokenId: string | null;
    }
  | { kind: 'system'; job: string };

export function newRequestId(): string {
  return randomBytes(16).toString('hex');
}

export class RequestContext {
  private readonly afterCommitEvents: DomainEvent[];

  private constructor(
    readonly requestId: string,
    readonly actor: Actor,
    readonly clock: Clock,
    readonly permissions: ReadonlySet<string>,
    readonly em: EntityManager | null,
    afterCommit: DomainEvent[],
  ) {
    this.afterCommitEvents = afterCommit;
  }

  static create(opts: {
    clock: Clock;
    actor?: Actor;
    requestId?: string;
    permissions?: Iterable<string>;
  }): RequestContext {
    return new RequestContext(
      opts.requestId ?? newRequestId(),
      opts.actor ?? { kind: 'anonymous' },
      opts.clock,
      new Set(opts.permissions ?? []),
      null,
      [],
    );
  }

  static system(clock: Clock, job: string): RequestContext {
    return RequestContext.create({ clock, actor: { kind: 'system', job } });
  }

  now(): Date {
    return this.clock.now();
  }

  /** A copy bound to a transaction's EntityManager; events queued on it are published after commit. */
  withManager(em: EntityManager): RequestContext {
    return new RequestContext(this.requestId, this.actor, this.clock, this.permissions, em, []);
  }

  withActor(actor: Actor, permissions: Iterable<string> = []): RequestContext {
    return new RequestContext(
      this.requestId,
      actor,
      this.clock,
      new Set(permissions),
      this.em,
      this.afterCommitEvents,
    );
  }

  /** Queue an event to publish once the surrounding transaction has committed. */
  publishAfterCommit(event: DomainEvent): void {
    this.afterCommitEvents.push(event);
  }

  drainEvents(): DomainEvent[] {
    return this.afterCommitEvents.splice(0, this.afterCommitEvents.length);
  }

  get inTransaction(): boolean {
    return this.em !== null;
  }

  /** The partner account the actor acts for; throws for non-partner actors (a programming error). */
  get partnerAccountId(): string {
    if (this.actor.kind !== 'partner') throw new Error('not a partner context');
    return this.actor.partnerAccountId;
  }

  get isPartnerAdmin(): boolean {
    return this.actor.kind === 'partner' && this.actor.memberId === null;
  }

  /** Identifier of the actor for audit rows: `partner:<account>[/member]`, `reviewer:<id>`, `system:<job>`. */
  get actorId(): string {
    const a = this.actor;
    switch (a.kind) {
      case 'partner':
        return a.memberId ? `${a.partnerAccountId}/${a.memberId}` : a.partnerAccountId;
      case 'reviewer':
        return a.reviewerId;
      case 'personal':
        return `personal:${a.personalAccountId}`;
      case 'system':
        return a.job;
      case 'anonymous':
        return 'anonymous';
    }
  }

  /** The Huawei reviewer the actor is (for `reviewer_id` columns); null for every other actor. */
  get reviewerId(): string | null {
    return this.actor.kind === 'reviewer' ? this.actor.reviewerId : null;
  }

  /** The personal account the actor is; throws for other actors (a programming error). */
  get personalAccountId(): string {
    if (this.actor.kind !== 'personal') throw new Error('not a personal-account context');
    return this.actor.personalAccountId;
  }

  hasPermission(key: string): boolean {
    return this.permissions.has(key);
  }

  hasReviewerRole(...roles: ReviewerRole[]): boolean {
    return this.actor.kind === 'reviewer' && this.actor.roles.some((r) => r === 'admin' || roles.includes(r));
  }
}
