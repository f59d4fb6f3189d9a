/**
 * Gap-free counters for human-readable numbers (certificate numbers `CS-2026-000123` …): one row per sequence
 * name, incremented under a row lock in the caller's transaction, so two approvals committing at the same
 * moment never draw the same number (MAX()+1 would, on MySQL). On MySQL one upsert creates or increments the
 * row; on SQLite (serialised transactions) the row is read, created when missing, and updated.
 */
import { Column, Entity, type EntityManager, PrimaryColumn } from 'typeorm';
import { dbKind } from './db-kind.js';
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
  if (!em.queryRunner?.isTransactionActive) throw new Error('nextSequenceValue needs a transaction');
  if (dbKind() === 'mysql') {
    // one statement creates or increments the row and keeps it locked to the end of the transaction (a
    // SELECT … FOR UPDATE of a missing row takes a gap lock on which two first inserts deadlock)
    await em.query(
      'INSERT INTO number_sequence (name, last_value) VALUES (?, 1) ON DUPLICATE KEY UPDATE last_value = last_value + 1',
      [name],
    );
    const [row] = (await em.query('SELECT last_value FROM number_sequence WHERE name = ?', [name])) as Array<{
      last_value: number | string;
    }>;
    return Number(row.last_value);
  }
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
