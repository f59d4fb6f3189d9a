/**
 * Configurable decisions of capability-label certification (certification-labels.md Open points 1 and 4):
 * - `LABEL_SLA_DAY_TYPE` (`natural` | `working`, default `natural`): the day type of every step SLA
 *   (`label_sla_day_type`). Natural days by decision: FAQ 9.1's 52–103-day cycle fits the 93-day sum only in
 *   natural days. Either way the due time comes from the one WorkingDayCalendar.
 * - `LABEL_APPLICANT_PATHS` (comma list, default `service,si`): the development paths whose active membership
 *   makes an account eligible to apply (LABEL-002).
 * Read once at start-up from the process environment (the module's own settings; not in AppConfig so the
 * module stays self-contained — move them there when the configuration is consolidated).
 */
import { Injectable } from '@nestjs/common';
import type { DevelopmentPath } from '../../ports/membership.port.js';
import type { SlaDayType } from '../domain/label-steps.js';

const PATHS: readonly DevelopmentPath[] = ['software', 'service', 'si', 'lp'];

@Injectable()
export class LabelSettings {
  slaDayType: SlaDayType;
  applicantPaths: readonly DevelopmentPath[];

  constructor() {
    const dayType = (process.env.LABEL_SLA_DAY_TYPE ?? 'natural').trim();
    if (dayType !== 'natural' && dayType !== 'working') {
      throw new Error(`LABEL_SLA_DAY_TYPE must be natural or working, got ${dayType}`);
    }
    this.slaDayType = dayType;
    const paths = (process.env.LABEL_APPLICANT_PATHS ?? 'service,si')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    for (const p of paths) {
      if (!PATHS.includes(p as DevelopmentPath)) throw new Error(`LABEL_APPLICANT_PATHS: unknown path ${p}`);
    }
    this.applicantPaths = paths as DevelopmentPath[];
  }
}
