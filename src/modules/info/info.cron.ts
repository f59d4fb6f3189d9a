import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { ExclusiveRunner, JobRegistry } from '../../../libs/scheduling/index.js';
import { QuickRegistrationService } from './services/quick-registration.service.js';

/** Jobs of the info module (info.md "Deadlines and scheduled jobs"); handlers are one line each. */
@Injectable()
export class InfoCron implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly runner: ExclusiveRunner,
    private readonly quickRegistrations: QuickRegistrationService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'J-INFO-5',
      description:
        'Quick-registration expiry: verified links past expires_at (verified_at + 24 h) become expired',
      schedule: 'hourly',
      run: (ctx) => this.quickRegistrations.expireDue(ctx),
    });
  }

  @Cron('0 0 * * * *', { name: 'J-INFO-5' })
  async expireQuickRegistrations(): Promise<void> {
    await this.runner.run('J-INFO-5', 'cron');
  }
}
