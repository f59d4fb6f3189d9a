import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { ExclusiveRunner, JobRegistry } from '../../../libs/scheduling/index.js';
import { QuickRegistrationService } from './services/quick-registration.service.js';
import { BusinessInfoVerificationService } from './services/business-verification.service.js';

/** Jobs of the info module (info.md "Deadlines and scheduled jobs"); handlers are one line each. */
@Injectable()
export class InfoCron implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly runner: ExclusiveRunner,
    private readonly quickRegistrations: QuickRegistrationService,
    private readonly businessVerifications: BusinessInfoVerificationService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'J-INFO-2',
      description:
        'Business info verification: collect micro-deposit results; verifying past submitted_at + 3 h → manual_review',
      schedule: 'every 15 min',
      run: (ctx) => this.businessVerifications.pollAndEscalate(ctx),
    });
    this.registry.register({
      name: 'J-INFO-3',
      description:
        'Bank-letter SLA: signed letters still unreviewed after the 5th working day after upload are flagged overdue',
      schedule: 'daily 09:00 Asia/Shanghai',
      run: (ctx) => this.businessVerifications.flagOverdueLetters(ctx),
    });
    this.registry.register({
      name: 'J-INFO-4',
      description:
        'Contracting-entity switch: verifying record for the new entity from the last verified data',
      schedule: 'every 15 min',
      run: (ctx) => this.businessVerifications.processDueSwitches(ctx),
    });
    this.registry.register({
      name: 'J-INFO-5',
      description:
        'Quick-registration expiry: verified links past expires_at (verified_at + 24 h) become expired',
      schedule: 'hourly',
      run: (ctx) => this.quickRegistrations.expireDue(ctx),
    });
  }

  @Cron('0 */15 * * * *', { name: 'J-INFO-2' })
  async businessVerificationTimeout(): Promise<void> {
    await this.runner.run('J-INFO-2', 'cron');
  }

  @Cron('0 0 9 * * *', { name: 'J-INFO-3', timeZone: 'Asia/Shanghai' })
  async bankLetterSla(): Promise<void> {
    await this.runner.run('J-INFO-3', 'cron');
  }

  @Cron('0 */15 * * * *', { name: 'J-INFO-4' })
  async contractingEntitySwitch(): Promise<void> {
    await this.runner.run('J-INFO-4', 'cron');
  }

  @Cron('0 0 * * * *', { name: 'J-INFO-5' })
  async expireQuickRegistrations(): Promise<void> {
    await this.runner.run('J-INFO-5', 'cron');
  }
}
