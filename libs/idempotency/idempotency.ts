/**
 * `Idempotency-Key` on money-moving endpoints (api.md API-036). The key is stored under a unique index
 * (scope, operation, key) **in the same transaction as the movement**: `execute()` inserts the record first,
 * runs the work, and stores the response before the commit, so parallel requests with one key serialise on
 * that index (MySQL/MariaDB: the second insert waits for the first commit, then fails as a duplicate;
 * SQLite: transactions run one at a time) and money moves once; a later request with the same key and
 * payload gets the stored status and body. Same key with a different payload → 409 IDEMPOTENCY_KEY_REUSED;
 * no key → 400 IDEMPOTENCY_KEY_REQUIRED. A request that fails rolls its key back with everything else (4xx
 * change nothing, API-006), so the client may retry. The scope is the partner account (every user of the
 * account shares its keys) or the reviewer.
 *
 * `begin()` / `complete()` / `release()` are the older reservation steps (outside the work's transaction),
 * kept for callers that cannot run their work inside `execute()`.
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
import { Observable, from, lastValueFrom } from 'rxjs';
import { Column, DataSource, Entity, Index } from 'typeorm';
import { UuidEntity } from '../persistence/uuid-entity.js';
import { Clock } from '../clock/index.js';
import { DomainError } from '../errors/index.js';
import { InstantColumn, JsonColumn } from '../persistence/columns.js';
import { TransactionRunner, isUniqueViolation, sqliteExclusive } from '../persistence/transaction-runner.js';
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

export interface IdempotentResponse {
  status: number;
  body: unknown;
}

/** The key's scope: the partner account for every partner user, the reviewer, or the system job. */
export function idempotencyScope(ctx: RequestContext | undefined): string {
  if (!ctx) return 'anonymous';
  const a = ctx.actor;
  switch (a.kind) {
    case 'partner':
      return `partner:${a.partnerAccountId}`;
    case 'reviewer':
      return `reviewer:${a.reviewerId}`;
    case 'personal':
      return `personal:${a.personalAccountId}`;
    case 'system':
      return `system:${a.job}`;
    case 'anonymous':
      return 'anonymous';
  }
}

function checkKey(key: string | undefined): asserts key is string {
  if (!key) throw new DomainError('IDEMPOTENCY_KEY_REQUIRED');
  if (!KEY_RE.test(key)) {
    throw new DomainError('IDEMPOTENCY_KEY_REQUIRED', 'Idempotency-Key must match ^[A-Za-z0-9_-]{1,64}$.');
  }
}

@Injectable()
export class IdempotencyService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    private readonly tx: TransactionRunner,
  ) {}

  /**
   * Runs `work` once per (scope, operation, key): inside one transaction with the key record, whose stored
   * response is replayed to every later request with the same key and payload.
   */
  async execute(
    ctx: RequestContext,
    scope: string,
    operation: string,
    key: string | undefined,
    hash: string,
    work: (tx: RequestContext) => Promise<IdempotentResponse>,
  ): Promise<IdempotentResponse & { replayed: boolean }> {
    checkKey(key);
    const earlier = await this.earlier(scope, operation, key, hash);
    if (earlier) return earlier;
    try {
      return await this.tx.run(ctx, async (t) => {
        const em = t.em!;
        const rec = em.create(IdempotencyRecord, {
          scope,
          operation,
          key,
          requestHash: hash,
          state: 'in_flight',
          responseStatus: null,
          responseBody: null,
          createdAt: t.now(),
        });
        // a parallel request with the same key waits here for the first one's commit, then fails as a duplicate
        await em.save(rec);
        const result = await work(t);
        await em.update(IdempotencyRecord, rec.id, {
          state: 'done',
          responseStatus: result.status,
          responseBody: (result.body ?? null) as never,
        });
        return { ...result, replayed: false };
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const replay = await this.earlier(scope, operation, key, hash);
      if (replay) return replay;
      throw err;
    }
  }

  private async earlier(
    scope: string,
    operation: string,
    key: string,
    hash: string,
  ): Promise<(IdempotentResponse & { replayed: true }) | null> {
    const existing = await this.dataSource
      .getRepository(IdempotencyRecord)
      .findOne({ where: { scope, operation, key } });
    if (!existing) return null;
    if (existing.requestHash !== hash) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
    if (existing.state !== 'done') throw new DomainError('IDEMPOTENCY_KEY_IN_FLIGHT');
    return { status: existing.responseStatus ?? 200, body: existing.responseBody, replayed: true };
  }

  /** Reserves the key or finds the earlier outcome. Waits briefly for a parallel request with the same key. */
  async begin(
    scope: string,
    operation: string,
    key: string | undefined,
    hash: string,
  ): Promise<IdempotentOutcome> {
    checkKey(key);
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
        await sqliteExclusive(this.dataSource, () => repo.save(rec));
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
        await sqliteExclusive(this.dataSource, () => repo.delete({ id: existing.id, state: 'in_flight' }));
        continue;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new DomainError('IDEMPOTENCY_KEY_IN_FLIGHT');
  }

  async complete(recordId: string, status: number, body: unknown): Promise<void> {
    await sqliteExclusive(this.dataSource, () =>
      this.dataSource
        .getRepository(IdempotencyRecord)
        .update(recordId, { state: 'done', responseStatus: status, responseBody: (body ?? null) as never }),
    );
  }

  async release(recordId: string): Promise<void> {
    await sqliteExclusive(this.dataSource, () =>
      this.dataSource.getRepository(IdempotencyRecord).delete({ id: recordId, state: 'in_flight' }),
    );
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
      ctx: RequestContext;
    }>();
    const res = context.switchToHttp().getResponse<{ statusCode: number; status: (s: number) => void }>();
    const ctx = req.ctx;
    const hash = requestHash(req.method, req.originalUrl.split('?')[0], req.body);
    return from(
      (async () => {
        try {
          const outcome = await this.service.execute(
            ctx,
            idempotencyScope(ctx),
            operation,
            req.headers['idempotency-key'],
            hash,
            async (t) => {
              // the handler's @Ctx() is the transaction-bound context: its services join this transaction
              req.ctx = t;
              const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
              return { status: res.statusCode, body };
            },
          );
          if (outcome.replayed) res.status(outcome.status);
          return outcome.body;
        } finally {
          req.ctx = ctx;
        }
      })(),
    );
  }
}

/**
 * Marks a money-moving handler: requires `Idempotency-Key`, runs the handler once per key inside the key's
 * transaction (its services join it through the request context) and replays the first response.
 */
export function Idempotent(operation: string): MethodDecorator {
  return applyDecorators(
    SetMetadata(IDEMPOTENT_OPERATION, operation),
    UseInterceptors(IdempotencyInterceptor),
  );
}
