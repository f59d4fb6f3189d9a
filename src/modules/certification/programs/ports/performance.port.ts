/**
 * The performance / assessment system (certification-paths.md "External systems"):
 * `ProgramPerformancePort.getScorecard(legalEntityId, program, year)` and `listAssessments(year)`. The in-process
 * adapter is also the test fake, configured per legal entity through `PUT /api/v1/admin/test/fakes/program-performance`.
 */
import { Injectable } from '@nestjs/common';
import { Decimal } from '../../../../../libs/money/index.js';
import type { ConfigurableFake } from '../../../../../libs/testing/index.js';
import type { AssessmentResult, TableProgram } from '../entities/program.entities.js';

export interface ScorecardIndicator {
  code: string;
  /** decimal strings */
  target: string;
  actual: string;
  met: boolean;
}

export interface ScorecardData {
  legalEntityId: string;
  program: TableProgram;
  year: number;
  currentLevel: string | null;
  nextLevel: string | null;
  indicators: ScorecardIndicator[];
  allMet: boolean;
}

export interface AssessmentRecord {
  legalEntityId: string;
  program: TableProgram;
  year: number;
  result: AssessmentResult;
  resultingLevel: string | null;
}

export interface ProgramPerformancePort {
  /** null when the performance system has no scorecard for the entity */
  getScorecard(legalEntityId: string, program: TableProgram, year: number): Promise<ScorecardData | null>;
  listAssessments(year: number): Promise<AssessmentRecord[]>;
}

export const PROGRAM_PERFORMANCE_PORT = Symbol('PROGRAM_PERFORMANCE_PORT');

const PROGRAMS: readonly TableProgram[] = ['solution_provider', 'distributor', 'cloud_reseller'];

function program(v: unknown): TableProgram {
  if (!PROGRAMS.includes(v as TableProgram)) throw new RangeError(`unknown program ${String(v)}`);
  return v as TableProgram;
}

function decimalString(v: unknown, field: string): string {
  if ((typeof v !== 'string' && typeof v !== 'number') || String(v).trim() === '') {
    throw new RangeError(`${field} must be a decimal`);
  }
  return new Decimal(String(v)).toString();
}

/**
 * Fixtures per legal entity. Body (any combination):
 * `{ "scorecard": { "legal_entity_id", "program", "year"?, "current_level"?, "next_level"?,
 *    "indicators": [{ "code", "target", "actual" }] } }` — `met` = actual ≥ target, `all_met` = every indicator met
 *   (false without indicators); a scorecard without `year` answers every year;
 * `{ "assessments": [{ "legal_entity_id", "program", "year", "result": "passed"|"failed", "resulting_level"? }] }`
 *   adds results that `listAssessments(year)` (J-PROG-1) returns.
 */
@Injectable()
export class InProcessProgramPerformance implements ProgramPerformancePort, ConfigurableFake {
  readonly portName = 'ProgramPerformancePort';
  private readonly scorecards = new Map<string, Omit<ScorecardData, 'year'> & { year: number | null }>();
  private assessments: AssessmentRecord[] = [];

  async getScorecard(legalEntityId: string, p: TableProgram, year: number): Promise<ScorecardData | null> {
    const s =
      this.scorecards.get(`${legalEntityId}:${p}:${year}`) ?? this.scorecards.get(`${legalEntityId}:${p}:*`);
    return s ? { ...s, year, indicators: s.indicators.map((i) => ({ ...i })) } : null;
  }

  async listAssessments(year: number): Promise<AssessmentRecord[]> {
    return this.assessments.filter((a) => a.year === year).map((a) => ({ ...a }));
  }

  configure(body: Record<string, unknown>): void {
    const sc = body.scorecard as Record<string, unknown> | undefined;
    if (sc) {
      const legalEntityId = sc.legal_entity_id;
      if (typeof legalEntityId !== 'string' || !legalEntityId)
        throw new RangeError('legal_entity_id is required');
      const p = program(sc.program);
      const year = sc.year === undefined ? null : Number(sc.year);
      if (year !== null && !Number.isInteger(year)) throw new RangeError('year must be an integer');
      const indicators = ((sc.indicators as Array<Record<string, unknown>> | undefined) ?? []).map((i) => {
        if (typeof i.code !== 'string' || !i.code) throw new RangeError('indicator code is required');
        const target = decimalString(i.target, 'target');
        const actual = decimalString(i.actual, 'actual');
        return { code: i.code, target, actual, met: new Decimal(actual).gte(target) };
      });
      this.scorecards.set(`${legalEntityId}:${p}:${year ?? '*'}`, {
        legalEntityId,
        program: p,
        year,
        currentLevel: typeof sc.current_level === 'string' ? sc.current_level : null,
        nextLevel: typeof sc.next_level === 'string' ? sc.next_level : null,
        indicators,
        allMet: indicators.length > 0 && indicators.every((i) => i.met),
      });
    }
    if (Array.isArray(body.assessments)) {
      for (const a of body.assessments as Array<Record<string, unknown>>) {
        if (typeof a.legal_entity_id !== 'string' || !a.legal_entity_id)
          throw new RangeError('legal_entity_id is required');
        if (a.result !== 'passed' && a.result !== 'failed')
          throw new RangeError('result must be passed or failed');
        const year = Number(a.year);
        if (!Number.isInteger(year)) throw new RangeError('year must be an integer');
        const rec: AssessmentRecord = {
          legalEntityId: a.legal_entity_id,
          program: program(a.program),
          year,
          result: a.result,
          resultingLevel: typeof a.resulting_level === 'string' ? a.resulting_level : null,
        };
        this.assessments = this.assessments.filter(
          (x) => !(x.legalEntityId === rec.legalEntityId && x.program === rec.program && x.year === rec.year),
        );
        this.assessments.push(rec);
      }
    }
  }

  reset(): void {
    this.scorecards.clear();
    this.assessments = [];
  }

  describe(): Record<string, unknown> {
    return { scorecards: this.scorecards.size, assessments: this.assessments.length };
  }
}
