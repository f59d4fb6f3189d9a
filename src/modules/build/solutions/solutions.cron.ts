import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { ExclusiveRunner, JobRegistry } from '../../../../libs/scheduling/index.js';
import { SolutionCertificationService } from './services/solution-certification.service.js';

export const SOLUTION_CERT_EXPIRY_JOB = 'solutionCertificationExpiryJob';
export const SOLUTION_CERT_REMINDER_JOB = 'solutionCertificationExpiryReminderJob';

/** Jobs of solutions and software certification (build.md "Deadlines and scheduled jobs"). */
@Injectable()
export class SolutionsCron implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly runner: ExclusiveRunner,
    private readonly certifications: SolutionCertificationService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: SOLUTION_CERT_EXPIRY_JOB,
      description:
        'Solution certification expiry (BUILD-015): certified records with valid_until before today (Asia/Shanghai) become expired; partner admin notified',
      schedule: 'daily 00:05 Asia/Shanghai',
      run: (ctx) => this.certifications.expireDue(ctx),
    });
    this.registry.register({
      name: SOLUTION_CERT_REMINDER_JOB,
      description:
        'Solution certification expiry reminders (decision): 60, 30 and 7 natural days before valid_until, to the partner admin and the owning org member',
      schedule: 'daily 09:00 Asia/Shanghai',
      run: (ctx) => this.certifications.remindDue(ctx),
    });
  }

  @Cron('0 5 0 * * *', { name: SOLUTION_CERT_EXPIRY_JOB, timeZone: 'Asia/Shanghai' })
  async expire(): Promise<void> {
    await this.runner.run(SOLUTION_CERT_EXPIRY_JOB, 'cron');
  }

  @Cron('0 0 9 * * *', { name: SOLUTION_CERT_REMINDER_JOB, timeZone: 'Asia/Shanghai' })
  async remind(): Promise<void> {
    await this.runner.run(SOLUTION_CERT_REMINDER_JOB, 'cron');
  }
}
