/**
 * `Idempotency-Key` on money-moving POSTs (api.md API-036). The first request reserves the key under a
 * unique index (scope, operation, key) before the handler runs, so parallel requests with one key serialise
 * on that index and money moves once; its response is stored and replayed for the same key and payload.
 * Same key with a different payload → 409 IDEMPOTENCY_KEY_REUSED; no key → 400 IDEMPOTENCY_KEY_REQUIRED.
 * A request that fails releases its key (4xx change nothing, API-006), so the client may retry.
 */
import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
  SetMetadata,
  UseInterceptors,
  applyDecorators,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHash } from 'node:crypto';
import { Observable, from } from 'rxjs';
import { Column, DataSource, Entity, Index } from 'typeorm';
import { UuidEntity } from '../persistence/uuid-entity.js';
import { Clock } from '../clock/index.js';
import { DomainError } from '../errors/index.js';
import { InstantColumn, JsonColumn } from '../persistence/columns.js';
import { isUniqueViolation } from '../persistence/transaction-runner.js';
import type { RequestContext } from '../context/index.js';

@Entity('idempotency_record')
@Index('uq_idempotency_scope_op_key', ['scope', 'operation', 'key'], { unique: true })
export class IdempotencyRecord extends UuidEntity {
  /** the partner account (or reviewer) the key belongs to */
  @Column({ type: 'varchar', length: 64 })
  scope: string;

  @Column({ type: 'varchar', length: 64 })
  operation: string;

  @Column({ name: 'idem_key', type: 'varchar', length: 64 })
  key: string;

  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash: string;

  @Column({ type: 'varchar', length: 12 })
  state: 'in_flight' | 'done';

  @Column({ name: 'response_status', type: 'int', nullable: true })
  responseStatus: number | null;

  @JsonColumn({ name: 'response_body', nullable: true })
  responseBody: unknown;

  @InstantColumn({ name: 'created_at' })
  createdAt: Date;
}

const IDEMPOTENT_OPERATION = 'idempotent_operation';
const KEY_RE = /^[A-Za-z0-9_-]{1,64}$/;
const STALE_MS = 60_000;

function stableStringify(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  return `{${Object.keys(v as object)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableStringify((v as Record<string, unknown>)[k])}`)
    .join(',')}}`;
}

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${stableStringify(body ?? null)}`)
    .digest('hex');
}

export type IdempotentOutcome =
  { kind: 'execute'; recordId: string } | { kind: 'replay'; status: number; body: unknown };

@Injectable()
export class IdempotencyService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Reserves the key or finds the earlier outcome. Waits briefly for a parallel request with the same key. */
  async begin(
    scope: string,
    operation: string,
    key: string | undefined,
    hash: string,
  ): Promise<IdempotentOutcome> {
    if (!key) throw new DomainError('IDEMPOTENCY_KEY_REQUIRED');
    if (!KEY_RE.test(key)) {
      throw new DomainError('IDEMPOTENCY_KEY_REQUIRED', 'Idempotency-Key must match ^[A-Za-z0-9_-]{1,64}$.');
    }
    const repo = this.dataSource.getRepository(IdempotencyRecord);
    for (let attempt = 0; attempt < 100; attempt++) {
      try {
        const rec = repo.create({
          scope,
          operation,
          key,
          requestHash: hash,
          state: 'in_flight',
          responseStatus: null,
          responseBody: null,
          createdAt: this.clock.now(),
        });
        await repo.save(rec);
        return { kind: 'execute', recordId: rec.id };
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
      }
      const existing = await repo.findOne({ where: { scope, operation, key } });
      if (!existing) continue; // released in between: try to reserve again
      if (existing.requestHash !== hash) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
      if (existing.state === 'done') {
        return { kind: 'replay', status: existing.responseStatus ?? 200, body: existing.responseBody };
      }
      if (this.clock.nowMs() - existing.createdAt.getTime() > STALE_MS) {
        await repo.delete({ id: existing.id, state: 'in_flight' });
        continue;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new DomainError('IDEMPOTENCY_KEY_IN_FLIGHT');
  }

  async complete(recordId: string, status: number, body: unknown): Promise<void> {
    await this.dataSource
      .getRepository(IdempotencyRecord)
      .update(recordId, { state: 'done', responseStatus: status, responseBody: (body ?? null) as never });
  }

  async release(recordId: string): Promise<void> {
    await this.dataSource.getRepository(IdempotencyRecord).delete({ id: recordId, state: 'in_flight' });
  }
}

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly service: IdempotencyService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const operation = this.reflector.get<string>(IDEMPOTENT_OPERATION, context.getHandler());
    const req = context.switchToHttp().getRequest<{
      method: string;
      originalUrl: string;
      body: unknown;
      headers: Record<string, string | undefined>;
      ctx?: RequestContext;
    }>();
    const res = context.switchToHttp().getResponse<{ statusCode: number; status: (s: number) => void }>();
    const ctx = req.ctx;
    const scope = ctx ? ctx.actorId : 'anonymous';
    const hash = requestHash(req.method, req.originalUrl.split('?')[0], req.body);
    return from(
      (async () => {
        const outcome = await this.service.begin(scope, operation, req.headers['idempotency-key'], hash);
        if (outcome.kind === 'replay') {
          res.status(outcome.status);
          return outcome.body;
        }
        try {
          const body = await new Promise<unknown>((resolve, reject) => {
            next.handle().subscribe({ next: resolve, error: reject });
          });
          await this.service.complete(outcome.recordId, res.statusCode, body);
          return body;
        } catch (err) {
          await this.service.release(outcome.recordId);
          throw err;
        }
      })(),
    );
  }
}

/** Marks a money-moving handler: requires `Idempotency-Key` and replays the first response. */
export function Idempotent(operation: string): MethodDecorator {
  return applyDecorators(
    SetMetadata(IDEMPOTENT_OPERATION, operation),
    UseInterceptors(IdempotencyInterceptor),
  );
}
