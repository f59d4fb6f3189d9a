import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { ExclusiveRunner, JobRegistry } from '../../../libs/scheduling/index.js';
import { OpportunityJobsService } from './services/opportunity-jobs.service.js';

/** Jobs of the opportunity module (opportunity.md "Deadlines and scheduled jobs"); one line per handler. */
@Injectable()
export class OpportunityCron implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly runner: ExclusiveRunner,
    private readonly jobs: OpportunityJobsService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'opportunity.ho-acceptance-expiry',
      description: 'HOs pending acceptance past their 3-working-day deadline become expired (OPP-062)',
      schedule: 'every 15 minutes',
      run: (ctx) => this.jobs.expireHoAcceptances(ctx),
    });
    this.registry.register({
      name: 'opportunity.verification-sla',
      description:
        'POs not verified within 10 working days of PDM approval are rejected by default (OPP-041)',
      schedule: 'every 15 minutes',
      run: (ctx) => this.jobs.expireVerifications(ctx),
    });
    this.registry.register({
      name: 'opportunity.progress-reminder',
      description: 'In-app reminder for open POs/HOs without a progress update for 30 natural days',
      schedule: 'daily 09:00 Asia/Shanghai',
      run: (ctx) => this.jobs.remindProgress(ctx),
    });
  }

  @Cron('0 */15 * * * *', { name: 'opportunity.ho-acceptance-expiry' })
  async expireHo(): Promise<void> {
    await this.runner.run('opportunity.ho-acceptance-expiry', 'cron');
  }

  @Cron('30 */15 * * * *', { name: 'opportunity.verification-sla' })
  async expireVerification(): Promise<void> {
    await this.runner.run('opportunity.verification-sla', 'cron');
  }

  @Cron('0 0 9 * * *', { name: 'opportunity.progress-reminder', timeZone: 'Asia/Shanghai' })
  async remind(): Promise<void> {
    await this.runner.run('opportunity.progress-reminder', 'cron');
  }
}
