/**
 * Every write runs in one transaction (STYLE "Transactions"). Deadlocks and lock-wait timeouts are retried
 * with a short back-off; events queued on the context are published only after commit.
 */
import { Injectable, Logger } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  DataSource,
  type EntityManager,
  type ObjectLiteral,
  type EntityTarget,
  type FindOptionsWhere,
} from 'typeorm';
import type { RequestContext } from '../context/index.js';
import { DomainEventBus } from '../events/index.js';
import { dbKind } from './db-kind.js';

const RETRYABLE_MYSQL = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

export function isRetryableDbError(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return !!code && (RETRYABLE_MYSQL.has(code) || code === 'SQLITE_BUSY');
}

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return (
    code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/**
 * SQLite: TypeORM's better-sqlite3 driver has ONE connection, so two overlapping transactions would nest as
 * savepoints of each other (a rollback of one undoes the other's "committed" work). Any transaction that awaits
 * real I/O (password hashing, an external port) lets another request's transaction start in between. So on
 * SQLite the runner admits one transaction at a time per data source; a call made from inside the running
 * transaction (even with a context that lost its manager) joins it instead of waiting for itself.
 */
class SqliteGate {
  private tail: Promise<void> = Promise.resolve();
  /** `held` turns false on release, so work that outlives the holder (a timer) queues like anyone else */
  private readonly inside = new AsyncLocalStorage<{ held: boolean }>();

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.inside.getStore()?.held) return fn();
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    const holder = { held: true };
    try {
      return await this.inside.run(holder, fn);
    } finally {
      holder.held = false;
      release();
    }
  }
}

const sqliteGates = new WeakMap<DataSource, SqliteGate>();

function isSqliteDataSource(dataSource: DataSource): boolean {
  const type = dataSource.options.type;
  return type === 'better-sqlite3' || type === 'sqlite';
}

/**
 * SQLite: runs `fn` when no transaction of this data source is open (or at once from inside the running one),
 * so a write made outside TransactionRunner — issuing a token, recording a job run, marking a notification
 * sent — never lands inside another request's open transaction and vanishes with its rollback. One gate per
 * data source, shared by every TransactionRunner on it. Other engines: runs `fn` directly (own connections).
 */
export function sqliteExclusive<T>(dataSource: DataSource, fn: () => Promise<T>): Promise<T> {
  if (!isSqliteDataSource(dataSource)) return fn();
  let gate = sqliteGates.get(dataSource);
  if (!gate) {
    gate = new SqliteGate();
    sqliteGates.set(dataSource, gate);
  }
  return gate.run(fn);
}

@Injectable()
export class TransactionRunner {
  private readonly logger = new Logger('TransactionRunner');

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEventBus,
  ) {}

  /**
   * Runs `work` in a transaction bound to a context copy. Nested calls join the outer transaction.
   * `attempts` bounds deadlock retries (the work must be safe to re-run: it is, since nothing committed).
   */
  async run<T>(ctx: RequestContext, work: (tx: RequestContext) => Promise<T>, attempts = 3): Promise<T> {
    if (ctx.inTransaction) return work(ctx);
    return sqliteExclusive(this.dataSource, () => this.runWithRetry(ctx, work, attempts));
  }

  private async runWithRetry<T>(
    ctx: RequestContext,
    work: (tx: RequestContext) => Promise<T>,
    attempts: number,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      let tx: RequestContext | null = null;
      try {
        const result = await this.dataSource.transaction(async (em) => {
          tx = ctx.withManager(em);
          return work(tx);
        });
        const queued = (tx as RequestContext | null)?.drainEvents() ?? [];
        for (const event of queued) await this.events.publish(event);
        return result;
      } catch (err) {
        if (attempt < attempts && isRetryableDbError(err)) {
          this.logger.warn(
            `retrying transaction after ${String((err as Error).message)} (attempt ${attempt})`,
          );
          await new Promise((r) => setTimeout(r, 20 * attempt + Math.floor(Math.random() * 20)));
          continue;
        }
        throw err;
      }
    }
  }

  manager(ctx: RequestContext): EntityManager {
    return ctx.em ?? this.dataSource.manager;
  }
}

/**
 * Reads one row for update: `SELECT … FOR UPDATE` on MySQL/MariaDB; a plain read on SQLite, which serialises
 * writers anyway (`pessimistic_write` throws there).
 */
export async function findOneForUpdate<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  where: FindOptionsWhere<T>,
): Promise<T | null> {
  if (!em.queryRunner?.isTransactionActive) throw new Error('findOneForUpdate needs a transaction');
  if (dbKind() === 'mysql') return em.findOne(entity, { where, lock: { mode: 'pessimistic_write' } });
  return em.findOne(entity, { where });
}
