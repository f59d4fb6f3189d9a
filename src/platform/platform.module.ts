import { type DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuditService } from '../../libs/audit/index.js';
import {
  AUTH_OPTIONS,
  AuthService,
  REVIEWER_PRINCIPALS,
  THROTTLE_DEFAULT_LIMIT,
  ThrottleService,
} from '../../libs/auth/index.js';
import { WorkingDayCalendar } from '../../libs/calendar/index.js';
import { Clock, SystemClock, TravellingClock } from '../../libs/clock/index.js';
import { DomainEventBus } from '../../libs/events/index.js';
import { RouteCatalog } from '../../libs/http/index.js';
import { IdempotencyInterceptor, IdempotencyService } from '../../libs/idempotency/index.js';
import {
  EMAIL_TRANSPORT,
  LogEmailTransport,
  LogSmsTransport,
  NotificationService,
  SMS_TRANSPORT,
  SmtpEmailTransport,
} from '../../libs/notify/index.js';
import { TransactionRunner } from '../../libs/persistence/index.js';
import { ExclusiveRunner, JobRegistry } from '../../libs/scheduling/index.js';
import { FakeRegistry } from '../../libs/testing/index.js';
import { AppConfig, calendarOverrides } from '../../config/app.config.js';
import { AuthController } from './auth/auth.controller.js';
import { CalendarController } from './calendar/calendar.controller.js';
import { CalendarService } from './calendar/calendar.service.js';
import { HealthController } from './health/health.controller.js';
import { JobsController } from './jobs/jobs.controller.js';
import { MessagesController } from './messages/messages.controller.js';
import { PlatformCron } from './platform.cron.js';
import { RateLimitService } from './rate-limits/rate-limit.service.js';
import { RateLimitsController } from './rate-limits/rate-limits.controller.js';
import { ReviewerService } from './reviewers/reviewer.service.js';

/**
 * The mechanisms every module uses, provided once and globally: clock, calendar, transactions, audit,
 * notifications, scheduling, auth, throttling, idempotency, fakes; plus the cross-cutting endpoints
 * (tokens, health, calendar, messages, jobs, rate limits).
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(cfg: AppConfig): DynamicModule {
    const travelling = cfg.TEST_HOOKS || cfg.NODE_ENV === 'test';
    const providers = [
      { provide: AppConfig, useValue: cfg },
      { provide: Clock, useValue: travelling ? new TravellingClock() : new SystemClock() },
      {
        provide: WorkingDayCalendar,
        useValue: new WorkingDayCalendar(cfg.BUSINESS_TIME_ZONE, calendarOverrides(cfg)),
      },
      {
        provide: AUTH_OPTIONS,
        useValue: {
          tokenTtlMs: cfg.TOKEN_TTL_MS,
          loginMaxFailures: cfg.LOGIN_MAX_FAILURES,
          loginWindowMs: cfg.LOGIN_WINDOW_MS,
        },
      },
      { provide: THROTTLE_DEFAULT_LIMIT, useValue: cfg.RATE_LIMIT_PER_SECOND },
      {
        provide: EMAIL_TRANSPORT,
        useValue: cfg.SMTP_URL
          ? new SmtpEmailTransport(cfg.SMTP_URL, cfg.MAIL_FROM)
          : new LogEmailTransport(),
      },
      { provide: SMS_TRANSPORT, useValue: new LogSmsTransport() },
      DomainEventBus,
      TransactionRunner,
      AuditService,
      NotificationService,
      JobRegistry,
      ExclusiveRunner,
      FakeRegistry,
      AuthService,
      ThrottleService,
      IdempotencyService,
      IdempotencyInterceptor,
      ReviewerService,
      { provide: REVIEWER_PRINCIPALS, useExisting: ReviewerService },
      CalendarService,
      PlatformCron,
      RouteCatalog,
      RateLimitService,
    ];
    return {
      module: PlatformModule,
      imports: [DiscoveryModule],
      controllers: [
        AuthController,
        HealthController,
        CalendarController,
        MessagesController,
        JobsController,
        RateLimitsController,
      ],
      providers,
      exports: providers.map((p) => ('provide' in p ? p.provide : p)),
    };
  }
}
