/**
 * Number sequences on the suite's engine: values are consecutive per name, names are independent, and
 * concurrent transactions — two application instances on MySQL — never draw the same value.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openSpecDb, type SpecDb } from '../../test/setup/spec-db.js';
import { TravellingClock } from '../clock/index.js';
import { RequestContext } from '../context/index.js';
import { DomainEventBus } from '../events/index.js';
import { NumberSequence, nextSequenceValue } from './number-sequence.js';
import { TransactionRunner } from './transaction-runner.js';

describe('nextSequenceValue', () => {
  let db: SpecDb;
  const clock = new TravellingClock();
  const ctx = () => RequestContext.system(clock, 'spec');

  beforeAll(async () => {
    db = await openSpecDb([NumberSequence]);
  });
  afterAll(async () => {
    await db.close();
  });

  it('counts 1, 2, 3 per name, each name on its own', async () => {
    const tx = new TransactionRunner(db.dataSource, new DomainEventBus());
    const next = (name: string) => tx.run(ctx(), (t) => nextSequenceValue(t.em!, name));
    expect([await next('a'), await next('a'), await next('b'), await next('a')]).toEqual([1, 2, 1, 3]);
  });

  it('concurrent draws from two instances are all distinct and gap-free', async () => {
    const other = await db.secondInstance();
    try {
      const runners = [db.dataSource, other].map((ds) => new TransactionRunner(ds, new DomainEventBus()));
      const draws = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          runners[i % 2].run(ctx(), (t) => nextSequenceValue(t.em!, 'race')),
        ),
      );
      expect([...draws].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    } finally {
      await other.destroy();
    }
  });
});
