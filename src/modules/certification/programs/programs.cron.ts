import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { ExclusiveRunner, JobRegistry } from '../../../../libs/scheduling/index.js';
import { ProgramMembershipService } from './services/program-membership.service.js';
import { ProgramScorecardService } from './services/program-scorecard.service.js';

/** Jobs of the partner programs (certification-paths.md J-PROG-1…J-PROG-3); handlers are one line each. */
@Injectable()
export class ProgramsCron implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly runner: ExclusiveRunner,
    private readonly programs: ProgramMembershipService,
    private readonly scorecards: ProgramScorecardService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'J-PROG-1',
      description: 'Assessment import: previous-year results from the performance system (5.1.9, 5.2.6)',
      schedule: '31 January 00:30 Asia/Shanghai',
      run: (ctx) => this.scorecards.importAssessments(ctx),
    });
    this.registry.register({
      name: 'J-PROG-2',
      description:
        'Program renewal: SP / distributor with a passed assessment, cloud resellers of active distributors',
      schedule: '31 January 02:00 Asia/Shanghai',
      run: (ctx) => this.programs.renewDue(ctx),
    });
    this.registry.register({
      name: 'J-PROG-3',
      description: 'Program expiry: active memberships past valid_to become expired (PROG-022 cascade)',
      schedule: 'daily 00:05 Asia/Shanghai',
      run: (ctx) => this.programs.expireDue(ctx),
    });
  }

  @Cron('0 30 0 31 1 *', { name: 'J-PROG-1', timeZone: 'Asia/Shanghai' })
  async importAssessments(): Promise<void> {
    await this.runner.run('J-PROG-1', 'cron');
  }

  @Cron('0 0 2 31 1 *', { name: 'J-PROG-2', timeZone: 'Asia/Shanghai' })
  async renew(): Promise<void> {
    await this.runner.run('J-PROG-2', 'cron');
  }

  @Cron('0 5 0 * * *', { name: 'J-PROG-3', timeZone: 'Asia/Shanghai' })
  async expire(): Promise<void> {
    await this.runner.run('J-PROG-3', 'cron');
  }
}
