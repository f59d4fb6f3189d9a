/**
 * Column helpers that differ per engine, so one entity set serves MySQL/MariaDB and SQLite with the same
 * migrations-first schema. Instants are stored in UTC with millisecond precision.
 */
import { Column, type ColumnOptions } from 'typeorm';
import { dbKind } from './db-kind.js';

/** An instant (UTC). DATETIME(3) on MySQL; TypeORM's datetime text on SQLite. */
export function InstantColumn(opts: Pick<ColumnOptions, 'name' | 'nullable'> = {}): PropertyDecorator {
  if (dbKind() === 'mysql') return Column({ ...opts, type: 'datetime', precision: 3 });
  return Column({ ...opts, type: 'datetime' });
}

/** A calendar date `YYYY-MM-DD` kept as a string (no time zone games). */
export function DateColumn(opts: Pick<ColumnOptions, 'name' | 'nullable'> = {}): PropertyDecorator {
  return Column({ ...opts, type: 'varchar', length: 10 });
}

/** JSON stored as text on both engines (MariaDB's JSON alias drifts in migration checks). */
export function JsonColumn(opts: Pick<ColumnOptions, 'name' | 'nullable'> = {}): PropertyDecorator {
  return Column({ ...opts, type: 'simple-json' });
}

/** A long text. */
export function TextColumn(opts: Pick<ColumnOptions, 'name' | 'nullable'> = {}): PropertyDecorator {
  return Column({ ...opts, type: 'text' });
}
