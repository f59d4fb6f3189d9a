/**
 * One column helper for money: DECIMAL(p,s) on MySQL/MariaDB, text on SQLite (which has no exact decimal:
 * NUMERIC affinity turns 12345678901.12345678 into a REAL). Values are decimal.js on the entity either way.
 * The driver is read from the environment when entities are loaded (see libs/persistence/db-kind.ts).
 */
import { Column, type ColumnOptions, type ValueTransformer } from 'typeorm';
import { Decimal } from './money.js';
import { dbKind } from '../persistence/db-kind.js';

export const decimalTransformer = (scale: number): ValueTransformer => ({
  to(value: Decimal | null | undefined): string | null | undefined {
    if (value === null || value === undefined) return value;
    if (!(value instanceof Decimal)) throw new TypeError('money columns take Decimal values');
    return value.toFixed(scale);
  },
  from(value: string | null | undefined): Decimal | null | undefined {
    if (value === null || value === undefined) return value;
    return new Decimal(String(value));
  },
});

export interface MoneyColumnOptions {
  precision?: number;
  scale?: number;
  nullable?: boolean;
  name?: string;
  default?: string;
}

export function MoneyColumn(opts: MoneyColumnOptions = {}): PropertyDecorator {
  const precision = opts.precision ?? 20;
  const scale = opts.scale ?? 8;
  const base: ColumnOptions = {
    name: opts.name,
    nullable: opts.nullable ?? false,
    transformer: decimalTransformer(scale),
  };
  if (dbKind() === 'sqlite') {
    return Column({ ...base, type: 'varchar', length: precision + 2, default: opts.default });
  }
  return Column({ ...base, type: 'decimal', precision, scale, default: opts.default });
}
