import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { ExclusiveRunner, JobRegistry } from '../../../../libs/scheduling/index.js';
import { AnnualReviewService } from './services/annual-review.service.js';
import { PathMembershipService } from './services/path-membership.service.js';

/**
 * Jobs of the development paths (certification-paths.md "Deadlines and scheduled jobs"), one-line handlers.
 * J-PATH-1 also runs per account on every `SolutionCertificationChanged` event (PathMembershipService);
 * J-PATH-1a is retired (build.md sends the solution-certification reminders).
 */
@Injectable()
export class PathsCron implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly runner: ExclusiveRunner,
    private readonly memberships: PathMembershipService,
    private readonly reviews: AnnualReviewService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'J-PATH-1',
      description:
        'Software stage recompute from the valid solution certifications (PATH-006, PATH-007, PATH-010)',
      schedule: 'daily 00:10 Asia/Shanghai',
      run: (ctx) => this.memberships.recomputeAllSoftware(ctx),
    });
    this.registry.register({
      name: 'J-PATH-2',
      description:
        'Annual review opening (1 December): open reviews for certificates ending 31 January next year',
      schedule: '1 December 00:00 Asia/Shanghai',
      run: (ctx) => this.reviews.openReviews(ctx),
    });
    this.registry.register({
      name: 'J-PATH-3',
      description:
        'Annual review reminder 7 days before the deadline; open reviews past the deadline → missed',
      schedule: 'daily 09:00 Asia/Shanghai',
      run: (ctx) => this.reviews.remindAndClose(ctx),
    });
    this.registry.register({
      name: 'J-PATH-4',
      description:
        'Path certificate renewal (31 January): passed → valid_to + 1 year; downgraded → role stage',
      schedule: '31 January 02:00 Asia/Shanghai',
      run: (ctx) => this.reviews.renew(ctx),
    });
    this.registry.register({
      name: 'J-PATH-5',
      description: 'Path certificate expiry: valid_to before today and not renewed → expired, stage joined',
      schedule: '1 February 00:05 Asia/Shanghai, daily after',
      run: (ctx) => this.reviews.expire(ctx),
    });
  }

  @Cron('0 10 0 * * *', { name: 'J-PATH-1', timeZone: 'Asia/Shanghai' })
  async softwareStages(): Promise<void> {
    await this.runner.run('J-PATH-1', 'cron');
  }

  @Cron('0 0 0 1 12 *', { name: 'J-PATH-2', timeZone: 'Asia/Shanghai' })
  async openReviews(): Promise<void> {
    await this.runner.run('J-PATH-2', 'cron');
  }

  @Cron('0 0 9 * * *', { name: 'J-PATH-3', timeZone: 'Asia/Shanghai' })
  async remindReviews(): Promise<void> {
    await this.runner.run('J-PATH-3', 'cron');
  }

  @Cron('0 0 2 31 1 *', { name: 'J-PATH-4', timeZone: 'Asia/Shanghai' })
  async renewCertificates(): Promise<void> {
    await this.runner.run('J-PATH-4', 'cron');
  }

  @Cron('0 5 0 * * *', { name: 'J-PATH-5', timeZone: 'Asia/Shanghai' })
  async expireCertificates(): Promise<void> {
    await this.runner.run('J-PATH-5', 'cron');
  }
}
