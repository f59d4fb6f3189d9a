/**
 * Per-operation throttling limits (api.md API-013: default 10 calls/s per user and operation, configurable per
 * operation by reviewers with the `operations` role). The operation is resolved against the routes the
 * application serves, so a typo answers 404 instead of silently limiting nothing; every change is audited.
 * Limits live in the ThrottleService of this instance (the in-memory rate-limiter adapter).
 */
import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AuditService } from '../../../libs/audit/index.js';
import { THROTTLE_DEFAULT_LIMIT, ThrottleService } from '../../../libs/auth/index.js';
import type { RequestContext } from '../../../libs/context/index.js';
import { DomainError } from '../../../libs/errors/index.js';
import { RouteCatalog, type RouteInfo } from '../../../libs/http/index.js';
import { TransactionRunner } from '../../../libs/persistence/index.js';

export interface RateLimitView {
  operation: string;
  limit_per_second: number;
  /** false when the operation uses the default limit */
  configured: boolean;
}

/** audit_log.entity_id holds 64 characters; an operation name can be longer, so the audit row keys its hash */
function operationId(operation: string): string {
  return createHash('sha256').update(operation).digest('hex').slice(0, 40);
}

@Injectable()
export class RateLimitService {
  constructor(
    private readonly throttle: ThrottleService,
    private readonly routes: RouteCatalog,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    @Inject(THROTTLE_DEFAULT_LIMIT) private readonly defaultLimit: number,
  ) {}

  list(): { default_limit_per_second: number; total_count: number; items: RateLimitView[] } {
    const items = this.throttle
      .policies()
      .map((p) => ({ operation: p.operation, limit_per_second: p.limit_per_second, configured: true }))
      .sort((a, b) => a.operation.localeCompare(b.operation));
    return { default_limit_per_second: this.defaultLimit, total_count: items.length, items };
  }

  get(operation: string): RateLimitView {
    const route = this.route(operation);
    return this.view(route);
  }

  /** Sets the operation's limit (`null`: back to the default). */
  async set(ctx: RequestContext, operation: string, limit: number | null): Promise<RateLimitView> {
    const route = this.route(operation);
    const before = this.view(route);
    await this.tx.run(ctx, async (t) => {
      await this.audit.record(t, {
        action: limit === null ? 'rate_limit.cleared' : 'rate_limit.set',
        entityType: 'rate_limit',
        entityId: operationId(route.operation),
        before: { operation: route.operation, limit_per_second: before.limit_per_second },
        after: { operation: route.operation, limit_per_second: limit ?? this.defaultLimit },
      });
    });
    this.throttle.setLimit(route.operation, limit);
    return this.view(route);
  }

  private route(operation: string): RouteInfo {
    const route = this.routes.resolve(operation);
    if (!route) throw new DomainError('RATE_LIMIT_OPERATION_UNKNOWN', undefined, { operation });
    return route;
  }

  private view(route: RouteInfo): RateLimitView {
    const configured = this.throttle.policies().some((p) => p.operation === route.operation);
    return {
      operation: route.operation,
      limit_per_second: this.throttle.limitFor(route.operation),
      configured,
    };
  }
}
