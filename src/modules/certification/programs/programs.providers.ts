/**
 * Partner programs (certification-paths.md PROG-*): controllers, providers, exports and entities, spread into
 * CertificationModule.
 */
import { Injectable, type OnModuleInit, type Provider, type Type } from '@nestjs/common';
import { FakeRegistry } from '../../../../libs/testing/index.js';
import { PROGRAM_MEMBERSHIP_VIEWS } from '../ports/membership.port.js';
import { AdminProgramsController, ProgramsController } from './controllers/programs.controllers.js';
import { PROGRAM_TABLE_ENTITIES } from './entities/program.entities.js';
import { InProcessProgramPerformance, PROGRAM_PERFORMANCE_PORT } from './ports/performance.port.js';
import { ProgramsCron } from './programs.cron.js';
import { ProgramMembershipService } from './services/program-membership.service.js';
import { ProgramScorecardService } from './services/program-scorecard.service.js';
import { ProgramSupport } from './services/program-support.js';

/** Registers the performance-system fake (`PUT /api/v1/admin/test/fakes/program-performance`). */
@Injectable()
export class ProgramFakes implements OnModuleInit {
  constructor(
    private readonly registry: FakeRegistry,
    private readonly performance: InProcessProgramPerformance,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.performance, 'program-performance', 'performance');
  }
}

export const PROGRAM_CONTROLLERS: Type[] = [ProgramsController, AdminProgramsController];
export const PROGRAM_PROVIDERS: Provider[] = [
  ProgramSupport,
  ProgramMembershipService,
  ProgramScorecardService,
  InProcessProgramPerformance,
  { provide: PROGRAM_PERFORMANCE_PORT, useExisting: InProcessProgramPerformance },
  ProgramFakes,
  ProgramsCron,
  { provide: PROGRAM_MEMBERSHIP_VIEWS, useExisting: ProgramMembershipService },
];
export const PROGRAM_EXPORTS: Array<Type | symbol> = [
  PROGRAM_MEMBERSHIP_VIEWS,
  ProgramMembershipService,
  ProgramScorecardService,
];
export const PROGRAM_ENTITIES: Type[] = [...PROGRAM_TABLE_ENTITIES];
