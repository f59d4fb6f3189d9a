/**
 * Gap-free counters for human-readable numbers (certificate numbers `CS-2026-000123` …): one row per sequence
 * name, incremented under a row lock in the caller's transaction, so two approvals committing at the same
 * moment never draw the same number (MAX()+1 would, on MySQL). The first use of a name inserts its row; a
 * concurrent first insert loses on the primary key and simply locks the winner's row.
 */
import { Column, Entity, type EntityManager, PrimaryColumn } from 'typeorm';
import { findOneForUpdate } from './transaction-runner.js';

@Entity('number_sequence')
export class NumberSequence {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name: string;

  @Column({ name: 'last_value', type: 'int' })
  lastValue: number;
}

/** The next value of the sequence (1, 2, …), inside the caller's transaction (`t.em`). */
export async function nextSequenceValue(em: EntityManager, name: string): Promise<number> {
  let row = await findOneForUpdate(em, NumberSequence, { name });
  if (!row) {
    try {
      await em.insert(NumberSequence, { name, lastValue: 0 });
    } catch {
      // another transaction created it first; its row is locked below
    }
    row = await findOneForUpdate(em, NumberSequence, { name });
    if (!row) throw new Error(`number sequence ${name} could not be created`);
  }
  const value = row.lastValue + 1;
  await em.update(NumberSequence, { name }, { lastValue: value });
  return value;
}
