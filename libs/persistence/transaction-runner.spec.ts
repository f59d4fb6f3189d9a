/**
 * TransactionRunner and row locks on the suite's engine: deadlocks are retried (the work re-runs, nothing
 * was committed), other errors are not; nested calls join; events go out after commit; `findOneForUpdate`
 * needs a transaction and serialises read-modify-write of one row so no update is lost.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { openSpecDb, specUsingMysql, type SpecDb } from '../../test/setup/spec-db.js';
import { TravellingClock } from '../clock/index.js';
import { RequestContext } from '../context/index.js';
import { type DomainEvent, DomainEventBus } from '../events/index.js';
import {
  TransactionRunner,
  findOneForUpdate,
  isRetryableDbError,
  isUniqueViolation,
  sqliteExclusive,
} from './transaction-runner.js';

@Entity('spec_counter')
class Counter {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'int' })
  value: number;
}

function deadlock(): Error {
  const err = new Error('Deadlock found when trying to get lock; try restarting transaction') as Error & {
    driverError: { code: string };
  };
  err.driverError = { code: 'ER_LOCK_DEADLOCK' };
  return err;
}

describe('TransactionRunner', () => {
  let db: SpecDb;
  let tx: TransactionRunner;
  let bus: DomainEventBus;
  let published: DomainEvent[];
  const clock = new TravellingClock();
  const ctx = () => RequestContext.system(clock, 'spec');

  const value = async (id: string) =>
    (await db.dataSource.getRepository(Counter).findOneByOrFail({ id })).value;

  beforeAll(async () => {
    db = await openSpecDb([Counter]);
    bus = new DomainEventBus();
    bus.on('*', (e) => {
      published.push(e);
    });
    tx = new TransactionRunner(db.dataSource, bus);
  });
  afterAll(async () => {
    await db.close();
  });
  beforeEach(() => {
    published = [];
  });

  it('retries a deadlock once, then succeeds; the first attempt left nothing behind', async () => {
    await db.dataSource.getRepository(Counter).save({ id: 'retry', value: 0 });
    let calls = 0;
    const result = await tx.run(ctx(), async (t) => {
      calls++;
      await t.em!.increment(Counter, { id: 'retry' }, 'value', 1);
      if (calls === 1) throw deadlock();
      return 'done';
    });
    expect(result).toBe('done');
    expect(calls).toBe(2);
    expect(await value('retry')).toBe(1);
  });

  it('gives up after the attempts allowed and throws the deadlock', async () => {
    let calls = 0;
    await expect(
      tx.run(
        ctx(),
        async () => {
          calls++;
          throw deadlock();
        },
        2,
      ),
    ).rejects.toThrow('Deadlock');
    expect(calls).toBe(2);
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    await expect(
      tx.run(ctx(), async () => {
        calls++;
        throw new Error('business rule');
      }),
    ).rejects.toThrow('business rule');
    expect(calls).toBe(1);
  });

  it('classifies driver errors', () => {
    expect(isRetryableDbError(deadlock())).toBe(true);
    expect(isRetryableDbError({ code: 'ER_LOCK_WAIT_TIMEOUT' })).toBe(true);
    expect(isRetryableDbError({ code: 'SQLITE_BUSY' })).toBe(true);
    expect(isRetryableDbError({ code: 'ER_DUP_ENTRY' })).toBe(false);
    expect(isRetryableDbError(new Error('x'))).toBe(false);
    expect(isRetryableDbError(undefined)).toBe(false);
  });

  it('recognises a real unique violation of this engine', async () => {
    await db.dataSource.getRepository(Counter).insert({ id: 'dup', value: 0 });
    const err = await db.dataSource
      .getRepository(Counter)
      .insert({ id: 'dup', value: 1 })
      .then(() => null)
      .catch((e: unknown) => e);
    expect(err).not.toBeNull();
    expect(isUniqueViolation(err)).toBe(true);
    expect(isUniqueViolation(new Error('other'))).toBe(false);
  });

  it('nested calls join the outer transaction and roll back with it', async () => {
    await db.dataSource.getRepository(Counter).save({ id: 'nested', value: 0 });
    await expect(
      tx.run(ctx(), async (outer) => {
        await tx.run(outer, async (inner) => {
          expect(inner.em).toBe(outer.em);
          await inner.em!.increment(Counter, { id: 'nested' }, 'value', 5);
        });
        throw new Error('outer fails');
      }),
    ).rejects.toThrow('outer fails');
    expect(await value('nested')).toBe(0);
  });

  it('publishes queued events after commit, in order, and drops them on rollback', async () => {
    const event = (name: string): DomainEvent => ({ name, payload: {}, occurredAt: clock.now() });
    let seenInside = -1;
    await tx.run(ctx(), async (t) => {
      t.publishAfterCommit(event('spec.one'));
      t.publishAfterCommit(event('spec.two'));
      seenInside = published.length;
    });
    expect(seenInside).toBe(0);
    expect(published.map((e) => e.name)).toEqual(['spec.one', 'spec.two']);
    published = [];
    await expect(
      tx.run(ctx(), async (t) => {
        t.publishAfterCommit(event('spec.never'));
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(published).toEqual([]);
  });

  it('a failing event handler does not undo the committed change', async () => {
    const local = new DomainEventBus();
    local.on('spec.fails', () => {
      throw new Error('handler broke');
    });
    const runner = new TransactionRunner(db.dataSource, local);
    await db.dataSource.getRepository(Counter).save({ id: 'handler', value: 0 });
    await runner.run(ctx(), async (t) => {
      await t.em!.increment(Counter, { id: 'handler' }, 'value', 1);
      t.publishAfterCommit({ name: 'spec.fails', payload: {}, occurredAt: clock.now() });
    });
    expect(await value('handler')).toBe(1);
  });

  it('a write outside any transaction survives the rollback of a transaction open at the same time', async () => {
    // SQLite has one connection: without the shared gate the standalone insert would run inside the open
    // transaction and vanish with its rollback. MySQL/MariaDB: separate connections, nothing to wait for.
    let resume: () => void = () => undefined;
    const paused = new Promise<void>((resolve) => (resume = resolve));
    let entered: () => void = () => undefined;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const failing = tx.run(ctx(), async (t) => {
      await t.em!.insert(Counter, { id: 'in-rolled-back-tx', value: 1 });
      entered();
      await paused;
      throw new Error('rolled back');
    });
    await inside;
    const standalone = sqliteExclusive(db.dataSource, () =>
      db.dataSource.getRepository(Counter).insert({ id: 'standalone', value: 1 }),
    );
    resume();
    await expect(failing).rejects.toThrow('rolled back');
    await standalone;
    const repo = db.dataSource.getRepository(Counter);
    expect(await repo.countBy({ id: 'standalone' })).toBe(1);
    expect(await repo.countBy({ id: 'in-rolled-back-tx' })).toBe(0);
  });

  it('two runners on one data source share the SQLite gate (no nested transactions)', async () => {
    const other = new TransactionRunner(db.dataSource, bus);
    await db.dataSource.getRepository(Counter).save({ id: 'shared', value: 0 });
    let resume: () => void = () => undefined;
    const paused = new Promise<void>((resolve) => (resume = resolve));
    const first = tx.run(ctx(), async (t) => {
      await t.em!.increment(Counter, { id: 'shared' }, 'value', 1);
      await paused;
      throw new Error('first rolls back');
    });
    const second = other.run(ctx(), async (t) => {
      await t.em!.increment(Counter, { id: 'shared' }, 'value', 10);
    });
    resume();
    await expect(first).rejects.toThrow('first rolls back');
    await second;
    expect(await value('shared')).toBe(10);
  });

  describe('findOneForUpdate', () => {
    it('refuses to run outside a transaction', async () => {
      await expect(findOneForUpdate(db.dataSource.manager, Counter, { id: 'x' })).rejects.toThrow(
        'needs a transaction',
      );
    });

    it('reads the row inside a transaction (null when absent)', async () => {
      await db.dataSource.getRepository(Counter).save({ id: 'read', value: 3 });
      const [row, none] = await tx.run(ctx(), async (t) => [
        await findOneForUpdate(t.em!, Counter, { id: 'read' }),
        await findOneForUpdate(t.em!, Counter, { id: 'absent' }),
      ]);
      expect(row?.value).toBe(3);
      expect(none).toBeNull();
    });

    it('N = 5 parallel read-modify-write transactions on one row lose no update', async () => {
      await db.dataSource.getRepository(Counter).save({ id: 'race', value: 0 });
      await Promise.all(
        Array.from({ length: 5 }, () =>
          tx.run(ctx(), async (t) => {
            const row = await findOneForUpdate(t.em!, Counter, { id: 'race' });
            // yield between the read and the write, so unlocked transactions would interleave here
            await new Promise((r) => setImmediate(r));
            await t.em!.update(Counter, { id: 'race' }, { value: row!.value + 1 });
          }),
        ),
      );
      expect(await value('race')).toBe(5);
    });
  });

  it('a real lock-order deadlock is retried and both transactions complete', async () => {
    const repo = db.dataSource.getRepository(Counter);
    await repo.save([
      { id: 'dl-a', value: 0 },
      { id: 'dl-b', value: 0 },
    ]);
    // MySQL/MariaDB: each takes its first row, then both want the other's → InnoDB kills one (ER_LOCK_DEADLOCK),
    // the runner re-runs it. SQLite serialises transactions, so the same code simply runs one after the other.
    let firstLocks = 0;
    let bothLocked: () => void = () => undefined;
    const barrier = new Promise<void>((resolve) => (bothLocked = resolve));
    const crossing = (first: string, second: string) =>
      tx.run(ctx(), async (t) => {
        await findOneForUpdate(t.em!, Counter, { id: first });
        if (specUsingMysql()) {
          firstLocks++;
          if (firstLocks === 2) bothLocked();
          await Promise.race([barrier, new Promise((r) => setTimeout(r, 2000))]);
        }
        await findOneForUpdate(t.em!, Counter, { id: second });
        await t.em!.increment(Counter, { id: first }, 'value', 1);
        await t.em!.increment(Counter, { id: second }, 'value', 1);
      });
    await Promise.all([crossing('dl-a', 'dl-b'), crossing('dl-b', 'dl-a')]);
    expect(await value('dl-a')).toBe(2);
    expect(await value('dl-b')).toBe(2);
  });
});
