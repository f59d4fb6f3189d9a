/**
 * Default program levels (certification-paths.md ProgramLevel, Open point 10): SP `standard` (entry, assigned
 * on joining) < `leading` (领先级) < `core` (核心级). Distributor levels are not named in the FAQ (configuration
 * only, none by default); cloud resellers have none (PROG-016). Rows of `cert_program_level` for a program
 * replace its defaults.
 */
import type { TableProgram } from '../entities/program.entities.js';

export interface LevelDef {
  code: string;
  name: string;
  rank: number;
}

export const DEFAULT_PROGRAM_LEVELS: Readonly<Record<TableProgram, readonly LevelDef[]>> = {
  solution_provider: [
    { code: 'standard', name: 'Standard solution provider', rank: 1 },
    { code: 'leading', name: 'Leading solution provider (领先级)', rank: 2 },
    { code: 'core', name: 'Core solution provider (核心级)', rank: 3 },
  ],
  distributor: [],
  cloud_reseller: [],
};

/** The level after `current` in rank order, or null at the top (or when `current` is unknown and none exist). */
export function nextLevel(levels: readonly LevelDef[], current: string | null): LevelDef | null {
  const sorted = [...levels].sort((a, b) => a.rank - b.rank);
  if (!current) return sorted[0] ?? null;
  const i = sorted.findIndex((l) => l.code === current);
  return i < 0 ? null : (sorted[i + 1] ?? null);
}
