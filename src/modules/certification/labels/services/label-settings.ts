/**
 * Configurable decisions of capability-label certification (certification-labels.md Open points 1 and 4), from
 * the typed AppConfig (validated at boot):
 * - `LABEL_SLA_DAY_TYPE` (`natural` | `working`, default `natural`): the day type of every step SLA.
 * - `LABEL_APPLICANT_PATHS` (comma list, default `service,si`): the development paths whose active membership
 *   makes an account eligible to apply (LABEL-002).
 */
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../../../config/app.config.js';
import type { DevelopmentPath } from '../../ports/membership.port.js';
import type { SlaDayType } from '../domain/label-steps.js';

@Injectable()
export class LabelSettings {
  readonly slaDayType: SlaDayType;
  readonly applicantPaths: readonly DevelopmentPath[];

  constructor(config: AppConfig) {
    this.slaDayType = config.LABEL_SLA_DAY_TYPE;
    this.applicantPaths = config.LABEL_APPLICANT_PATHS.split(',')
      .map((p) => p.trim())
      .filter(Boolean) as DevelopmentPath[];
  }
}
