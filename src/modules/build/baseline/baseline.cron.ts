import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { ExclusiveRunner, JobRegistry } from '../../../../libs/scheduling/index.js';
import { BaselineService } from './services/baseline.service.js';
import { EcosystemService } from './services/ecosystem.service.js';

export const ECOSYSTEM_EXPIRY_JOB = 'ecosystemEnrollmentExpiryJob';
export const BASELINE_MEETING_REMINDER_JOB = 'baselineMeetingReminderJob';

/**
 * Jobs of baseline solutions and ecosystem programs (build.md "Deadlines and scheduled jobs"): the ecosystem
 * technical certification expires with its advanced certification (BUILD-036 — also applied at once when
 * `solutionCertificationExpiryJob` publishes the certification's expiry; this job is the idempotent sweep run right
 * after it), and the review-meeting reminder 24 hours before the meeting (decision).
 */
@Injectable()
export class BaselineCron implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly runner: ExclusiveRunner,
    private readonly ecosystem: EcosystemService,
    private readonly baselines: BaselineService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: ECOSYSTEM_EXPIRY_JOB,
      description:
        'Ecosystem technical certification expiry: certified enrollments with valid_until before today (Asia/Shanghai) become expired, with their advanced certification',
      schedule: 'daily 00:06 Asia/Shanghai',
      run: (ctx) => this.ecosystem.expireDue(ctx),
    });
    this.registry.register({
      name: BASELINE_MEETING_REMINDER_JOB,
      description:
        'Baseline review meeting reminder: 24 hours before review_meeting.scheduled_at, partner admin, PDM and PSA get an in-app message and an e-mail',
      schedule: 'every 15 minutes',
      run: (ctx) => this.baselines.remindMeetings(ctx),
    });
  }

  @Cron('0 6 0 * * *', { name: ECOSYSTEM_EXPIRY_JOB, timeZone: 'Asia/Shanghai' })
  async expireEnrollments(): Promise<void> {
    await this.runner.run(ECOSYSTEM_EXPIRY_JOB, 'cron');
  }

  @Cron('0 */15 * * * *', { name: BASELINE_MEETING_REMINDER_JOB })
  async remindMeetings(): Promise<void> {
    await this.runner.run(BASELINE_MEETING_REMINDER_JOB, 'cron');
  }
}
