/**
 * API-036 on the suite's engine, against IdempotencyService: the key lives in the transaction of the
 * movement; same key + same payload replays the stored status and body; a different payload → 409
 * IDEMPOTENCY_KEY_REUSED; no key → 400 IDEMPOTENCY_KEY_REQUIRED; N = 3 parallel requests with one key move
 * money once; a failed request rolls its key back with the movement.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { openSpecDb, type SpecDb } from '../../test/setup/spec-db.js';
import { TravellingClock } from '../clock/index.js';
import { RequestContext } from '../context/index.js';
import { DomainError, defineErrors } from '../errors/index.js';
import { DomainEventBus } from '../events/index.js';
import { TransactionRunner } from '../persistence/index.js';
import {
  IdempotencyRecord,
  IdempotencyService,
  type IdempotentResponse,
  idempotencyScope,
  requestHash,
} from './idempotency.js';

@Entity('spec_balance')
class Balance {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** cents, to keep the spec about idempotency rather than money */
  @Column({ type: 'int' })
  cents: number;
}

const SpecErrors = defineErrors({
  SPEC_FUNDS_INSUFFICIENT: { status: 422, message: 'Balance is insufficient.' },
});

const caught = (p: Promise<unknown>): Promise<unknown> => p.then(() => null).catch((e: unknown) => e);

describe('IdempotencyService', () => {
  let db: SpecDb;
  let service: IdempotencyService;
  const clock = new TravellingClock();
  const ctx = () =>
    RequestContext.create({
      clock,
      actor: { kind: 'partner', partnerAccountId: 'p-1', memberId: null, site: 'cn', tokenId: null },
    });
  const scope = 'partner:p-1';
  const balance = async (id: string) =>
    (await db.dataSource.getRepository(Balance).findOneByOrFail({ id })).cents;

  /** a money movement: takes `cents` from the balance, answers 201 with a withdrawal id */
  function withdraw(id: string, cents: number, executions: { n: number }) {
    return async (t: RequestContext): Promise<IdempotentResponse> => {
      executions.n++;
      const row = await t.em!.findOneByOrFail(Balance, { id });
      if (row.cents < cents) throw SpecErrors.fail('SPEC_FUNDS_INSUFFICIENT');
      await t.em!.update(Balance, { id }, { cents: row.cents - cents });
      return { status: 201, body: { withdrawal_id: `w-${executions.n}`, cents } };
    };
  }

  beforeAll(async () => {
    db = await openSpecDb([Balance, IdempotencyRecord]);
    service = new IdempotencyService(
      db.dataSource,
      clock,
      new TransactionRunner(db.dataSource, new DomainEventBus()),
    );
    clock.set(new Date('2025-03-03T02:00:00Z'));
  });
  afterAll(async () => {
    await db.close();
  });

  it('a missing or malformed key → 400 IDEMPOTENCY_KEY_REQUIRED, nothing runs', async () => {
    const runs = { n: 0 };
    for (const key of [undefined, '', 'has space', 'x'.repeat(65), 'ключ']) {
      const err = await caught(
        service.execute(ctx(), scope, 'spec.withdraw', key, 'h', withdraw('none', 1, runs)),
      );
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe('IDEMPOTENCY_KEY_REQUIRED');
      expect((err as DomainError).status).toBe(400);
    }
    expect(runs.n).toBe(0);
  });

  it('same key + same payload replays the original status and body; money moves once', async () => {
    await db.dataSource.getRepository(Balance).save({ id: 'b-replay', cents: 10_000 });
    const runs = { n: 0 };
    const hash = requestHash('POST', '/api/v1/withdrawals', { amount: '10.00' });
    const first = await service.execute(
      ctx(),
      scope,
      'spec.withdraw',
      'w-1',
      hash,
      withdraw('b-replay', 1000, runs),
    );
    expect(first).toEqual({ status: 201, body: { withdrawal_id: 'w-1', cents: 1000 }, replayed: false });
    const second = await service.execute(
      ctx(),
      scope,
      'spec.withdraw',
      'w-1',
      hash,
      withdraw('b-replay', 1000, runs),
    );
    expect(second).toEqual({ status: 201, body: { withdrawal_id: 'w-1', cents: 1000 }, replayed: true });
    expect(runs.n).toBe(1);
    expect(await balance('b-replay')).toBe(9000);
    const rec = await db.dataSource.getRepository(IdempotencyRecord).findOneByOrFail({ key: 'w-1' });
    expect(rec).toMatchObject({
      scope,
      operation: 'spec.withdraw',
      state: 'done',
      responseStatus: 201,
      requestHash: hash,
    });
  });

  it('same key + different payload → 409 IDEMPOTENCY_KEY_REUSED, nothing moves', async () => {
    await db.dataSource.getRepository(Balance).save({ id: 'b-reuse', cents: 10_000 });
    const runs = { n: 0 };
    const ten = requestHash('POST', '/api/v1/withdrawals', { amount: '10.00' });
    const twenty = requestHash('POST', '/api/v1/withdrawals', { amount: '20.00' });
    await service.execute(ctx(), scope, 'spec.withdraw', 'w-2', ten, withdraw('b-reuse', 1000, runs));
    const err = await caught(
      service.execute(ctx(), scope, 'spec.withdraw', 'w-2', twenty, withdraw('b-reuse', 2000, runs)),
    );
    expect((err as DomainError).code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((err as DomainError).status).toBe(409);
    expect(runs.n).toBe(1);
    expect(await balance('b-reuse')).toBe(9000);
  });

  it('the payload hash ignores key order but not values', () => {
    expect(requestHash('POST', '/x', { a: 1, b: { c: 2, d: [1, 2] } })).toBe(
      requestHash('POST', '/x', { b: { d: [1, 2], c: 2 }, a: 1 }),
    );
    expect(requestHash('POST', '/x', { a: 1 })).not.toBe(requestHash('POST', '/x', { a: '1' }));
    expect(requestHash('POST', '/x', { a: [1, 2] })).not.toBe(requestHash('POST', '/x', { a: [2, 1] }));
    expect(requestHash('POST', '/x', {})).not.toBe(requestHash('POST', '/y', {}));
  });

  it('keys are per scope and per operation', async () => {
    await db.dataSource.getRepository(Balance).save({ id: 'b-scope', cents: 10_000 });
    const runs = { n: 0 };
    await service.execute(ctx(), scope, 'spec.withdraw', 'k-1', 'h', withdraw('b-scope', 100, runs));
    await service.execute(ctx(), 'partner:p-2', 'spec.withdraw', 'k-1', 'h', withdraw('b-scope', 100, runs));
    await service.execute(ctx(), scope, 'spec.invoice', 'k-1', 'h', withdraw('b-scope', 100, runs));
    expect(runs.n).toBe(3);
    expect(await balance('b-scope')).toBe(9700);
  });

  it('a failed request rolls back its key with the movement, so the client may retry', async () => {
    await db.dataSource.getRepository(Balance).save({ id: 'b-fail', cents: 500 });
    const runs = { n: 0 };
    const err = await caught(
      service.execute(ctx(), scope, 'spec.withdraw', 'w-3', 'h', withdraw('b-fail', 1000, runs)),
    );
    expect((err as DomainError).code).toBe('SPEC_FUNDS_INSUFFICIENT');
    expect(await db.dataSource.getRepository(IdempotencyRecord).countBy({ key: 'w-3' })).toBe(0);
    expect(await balance('b-fail')).toBe(500);
    await db.dataSource.getRepository(Balance).update({ id: 'b-fail' }, { cents: 5000 });
    const retry = await service.execute(
      ctx(),
      scope,
      'spec.withdraw',
      'w-3',
      'h',
      withdraw('b-fail', 1000, runs),
    );
    expect(retry.replayed).toBe(false);
    expect(await balance('b-fail')).toBe(4000);
  });

  it('N = 3 parallel requests with one key execute once and answer identically', async () => {
    await db.dataSource.getRepository(Balance).save({ id: 'b-par', cents: 10_000 });
    const runs = { n: 0 };
    const hash = requestHash('POST', '/api/v1/withdrawals', { amount: '10.00' });
    const results = await Promise.all(
      Array.from({ length: 3 }, () =>
        service.execute(ctx(), scope, 'spec.withdraw', 'w-par', hash, withdraw('b-par', 1000, runs)),
      ),
    );
    expect(await balance('b-par')).toBe(9000);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(results.map((r) => ({ status: r.status, body: r.body }))).toEqual(
      Array.from({ length: 3 }, () => ({
        status: 201,
        body: { withdrawal_id: expect.any(String), cents: 1000 },
      })),
    );
    expect(new Set(results.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(await db.dataSource.getRepository(IdempotencyRecord).countBy({ key: 'w-par' })).toBe(1);
  });

  it('the scope is the partner account for every user of it, the reviewer, or the job', () => {
    const clockCtx = (actor: Parameters<typeof RequestContext.create>[0]['actor']) =>
      RequestContext.create({ clock, actor });
    expect(
      idempotencyScope(
        clockCtx({ kind: 'partner', partnerAccountId: 'p-1', memberId: 'm-9', site: 'cn', tokenId: null }),
      ),
    ).toBe('partner:p-1');
    expect(
      idempotencyScope(
        clockCtx({ kind: 'reviewer', reviewerId: 'r-1', email: 'r@x', roles: [], flags: [], tokenId: null }),
      ),
    ).toBe('reviewer:r-1');
    expect(idempotencyScope(RequestContext.system(clock, 'J-X'))).toBe('system:J-X');
    expect(idempotencyScope(undefined)).toBe('anonymous');
  });

  describe('reservation steps (begin / complete / release)', () => {
    it('reserve, complete, replay; a different payload → 409; release frees the key', async () => {
      const first = await service.begin(scope, 'spec.legacy', 'l-1', 'h1');
      expect(first.kind).toBe('execute');
      if (first.kind !== 'execute') return;
      const inFlight = await caught(service.begin(scope, 'spec.legacy', 'l-1', 'h2'));
      expect((inFlight as DomainError).code).toBe('IDEMPOTENCY_KEY_REUSED');
      await service.complete(first.recordId, 201, { ok: true });
      expect(await service.begin(scope, 'spec.legacy', 'l-1', 'h1')).toEqual({
        kind: 'replay',
        status: 201,
        body: { ok: true },
      });
      const second = await service.begin(scope, 'spec.legacy', 'l-2', 'h1');
      if (second.kind !== 'execute') throw new Error('expected a reservation');
      await service.release(second.recordId);
      expect((await service.begin(scope, 'spec.legacy', 'l-2', 'h1')).kind).toBe('execute');
    });

    it('a reservation abandoned for over 60 s (by the clock) is taken over', async () => {
      const first = await service.begin(scope, 'spec.legacy', 'l-3', 'h1');
      expect(first.kind).toBe('execute');
      clock.advance(61_000);
      const second = await service.begin(scope, 'spec.legacy', 'l-3', 'h1');
      expect(second.kind).toBe('execute');
    });
  });
});
