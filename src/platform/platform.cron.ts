import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { NotificationService } from '../../libs/notify/index.js';
import { ExclusiveRunner, JobRegistry } from '../../libs/scheduling/index.js';

/** Platform jobs: the notification dispatcher (delivers pending e-mail and SMS of the outbox). */
@Injectable()
export class PlatformCron implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly runner: ExclusiveRunner,
    private readonly notifications: NotificationService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'J-SYS-NOTIFY',
      description: 'Deliver pending e-mail and SMS notifications from the outbox',
      schedule: 'every minute',
      run: (ctx) => this.notifications.dispatch(ctx),
    });
  }

  @Cron('0 * * * * *', { name: 'J-SYS-NOTIFY' })
  async dispatch(): Promise<void> {
    await this.runner.run('J-SYS-NOTIFY', 'cron');
  }
}
