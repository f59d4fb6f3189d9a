import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { ExclusiveRunner, JobRegistry } from '../../../../libs/scheduling/index.js';
import { LabelSlaService } from './services/label-sla.service.js';

/**
 * Jobs of capability-label certification (certification-labels.md "Deadlines and scheduled jobs"), one-line
 * handlers through the ExclusiveRunner. The result notification is not a job: it is written to the outbox in
 * the transaction of the countersign (LABEL-018) and delivered by J-SYS-NOTIFY.
 */
@Injectable()
export class LabelsCron implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly runner: ExclusiveRunner,
    private readonly sla: LabelSlaService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'labelSlaReminderJob',
      description:
        'Label step SLA reminders (F-LABEL-1): Huawei steps due−1d and due; partner steps due−3d, due−1d, due',
      schedule: 'every 30 minutes',
      run: (ctx) => this.sla.sendReminders(ctx),
    });
    this.registry.register({
      name: 'labelSlaBreachJob',
      description:
        'Label step SLA breach (LABEL-014): now > due_at → sla_breached = true and escalation, no decision',
      schedule: 'every 30 minutes',
      run: (ctx) => this.sla.flagBreaches(ctx),
    });
    this.registry.register({
      name: 'labelDefenseReminderJob',
      description: 'Defense / clarification session reminder 24 hours before scheduled_at (decision)',
      schedule: 'every 30 minutes',
      run: (ctx) => this.sla.remindDefenses(ctx),
    });
  }

  @Cron('0 */30 * * * *', { name: 'labelSlaReminderJob' })
  async reminders(): Promise<void> {
    await this.runner.run('labelSlaReminderJob', 'cron');
  }

  @Cron('0 */30 * * * *', { name: 'labelSlaBreachJob' })
  async breaches(): Promise<void> {
    await this.runner.run('labelSlaBreachJob', 'cron');
  }

  @Cron('0 */30 * * * *', { name: 'labelDefenseReminderJob' })
  async defenses(): Promise<void> {
    await this.runner.run('labelDefenseReminderJob', 'cron');
  }
}
