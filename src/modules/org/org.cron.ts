import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { ExclusiveRunner, JobRegistry } from '../../../libs/scheduling/index.js';
import { CertificateService } from './services/certificate.service.js';
import { LinkService } from './services/link.service.js';

/**
 * Jobs of the org module (org.md "Deadlines and scheduled jobs"); handlers are one line each. J-ORG-2
 * (invitation notification) and J-ORG-5 (specialist decision notifications) are event-triggered, not
 * scheduled: they are written to the outbox in the transaction of the invitation / decision
 * (LinkService.invite, SpecialistService.review) and delivered by J-SYS-NOTIFY.
 */
@Injectable()
export class OrgCron implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly runner: ExclusiveRunner,
    private readonly links: LinkService,
    private readonly certificates: CertificateService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'J-ORG-1',
      description:
        'Link-invitation expiry: pending invitations past expires_at (7 natural days) become expired',
      schedule: 'hourly',
      run: (ctx) => this.links.expireDue(ctx),
    });
    this.registry.register({
      name: 'J-ORG-3',
      description:
        'Certificate expiry: certificates with valid_to before today (Asia/Shanghai) become expired',
      schedule: 'daily 00:30 Asia/Shanghai',
      run: (ctx) => this.certificates.expireDue(ctx),
    });
    this.registry.register({
      name: 'J-ORG-4',
      description: 'Academy sync: HCCDx/HCSA/HCSP certificates of every linked personal account',
      schedule: 'daily 02:00 Asia/Shanghai',
      run: (ctx) => this.certificates.syncAll(ctx),
    });
  }

  @Cron('0 0 * * * *', { name: 'J-ORG-1' })
  async expireInvitations(): Promise<void> {
    await this.runner.run('J-ORG-1', 'cron');
  }

  @Cron('0 30 0 * * *', { name: 'J-ORG-3', timeZone: 'Asia/Shanghai' })
  async expireCertificates(): Promise<void> {
    await this.runner.run('J-ORG-3', 'cron');
  }

  @Cron('0 0 2 * * *', { name: 'J-ORG-4', timeZone: 'Asia/Shanghai' })
  async syncAcademy(): Promise<void> {
    await this.runner.run('J-ORG-4', 'cron');
  }
}
