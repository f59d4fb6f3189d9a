/**
 * Black-box test hooks (api.md API-037), mounted only when the server runs with TEST_HOOKS=true (refused in
 * production); elsewhere these paths are unknown routes (404 APIGW.0101). No token needed.
 */
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { AuthService, Ctx, TestHook, ThrottleService } from '../../../libs/auth/index.js';
import { Clock, TravellingClock } from '../../../libs/clock/index.js';
import type { RequestContext, Site } from '../../../libs/context/index.js';
import { DomainError } from '../../../libs/errors/index.js';
import { NotificationService, type NotificationChannel } from '../../../libs/notify/index.js';
import { ExclusiveRunner } from '../../../libs/scheduling/index.js';
import { FakeRegistry } from '../../../libs/testing/index.js';
import { PartnerAccountService, type RealNameType } from '../../modules/info/index.js';

/** Instants the clock hooks accept: years 1970–9999 (a `Date` beyond that cannot be answered in ISO-8601). */
const MIN_INSTANT_MS = 0;
const MAX_INSTANT_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
/** One clock advance moves at most ~100 years (forward only: travel back with `PUT test/clock`). */
const MAX_ADVANCE_MS = 100 * 366 * 24 * 3600 * 1000;

export class SetClockDto {
  /** ISO-8601 with any offset; a date-time without an offset is read as UTC */
  @IsISO8601({ strict: true })
  now: string;
}

export class AdvanceClockDto {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_ADVANCE_MS)
  ms: number;
}

function parseInstant(text: string): Date {
  const withZone = /T.*(Z|[+-]\d{2}(:?\d{2})?)$/i.test(text) || !text.includes('T') ? text : `${text}Z`;
  const instant = new Date(withZone);
  const ms = instant.getTime();
  if (Number.isNaN(ms) || ms < MIN_INSTANT_MS || ms > MAX_INSTANT_MS) {
    throw new DomainError(
      'FIELD_INVALID',
      'Invalid parameter: now must be an instant between 1970 and 9999',
      {
        field: 'now',
      },
    );
  }
  return instant;
}

function advanceWithinRange(clock: TravellingClock, ms: number): void {
  if (clock.nowMs() + ms > MAX_INSTANT_MS) {
    throw new DomainError('FIELD_INVALID', 'Invalid parameter: ms moves the clock past 9999', {
      field: 'ms',
    });
  }
  clock.advance(ms);
}

export class OutboxQuery {
  @IsOptional()
  @IsIn(['sms', 'email', 'in_app'])
  channel?: NotificationChannel;

  @IsOptional()
  @IsString()
  to?: string;

  @IsOptional()
  @IsString()
  template?: string;

  @IsOptional()
  @IsString()
  partner_account_id?: string;
}

export class TestAccountDto {
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{1,63}$/)
  account_name: string;

  @IsString()
  @Length(6, 128)
  password: string;

  @IsOptional()
  @IsIn(['cn', 'intl', 'eu'])
  site?: Site;

  @IsOptional()
  @IsIn(['none', 'personal', 'enterprise'])
  realname_type?: RealNameType;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  company_name?: string;

  @IsOptional()
  @IsString()
  uscc?: string;

  @IsOptional()
  @IsString()
  org_code?: string;

  @IsOptional()
  @IsString()
  mobile?: string;

  @IsOptional()
  @IsEmail()
  email?: string;
}

@ApiTags('test hooks (TEST_HOOKS=true only)')
@Controller('api/v1/admin')
export class TestHooksController {
  constructor(
    @Inject(Clock) private readonly clock: Clock,
    private readonly runner: ExclusiveRunner,
    private readonly notifications: NotificationService,
    private readonly fakes: FakeRegistry,
    private readonly accounts: PartnerAccountService,
    private readonly auth: AuthService,
    private readonly throttle: ThrottleService,
  ) {}

  private travelling(): TravellingClock {
    if (!(this.clock instanceof TravellingClock)) throw new Error('test hooks need the travelling clock');
    return this.clock;
  }

  @Get('test/clock')
  @TestHook()
  getClock() {
    const c = this.travelling();
    return { now: c.now().toISOString(), frozen: c.frozen };
  }

  /** Freezes the injected clock at the instant (any offset; answered in UTC). */
  @Put('test/clock')
  @TestHook()
  setClock(@Body() dto: SetClockDto) {
    this.travelling().set(parseInstant(dto.now));
    return this.getClock();
  }

  @Post('test/clock/advance')
  @HttpCode(200)
  @TestHook()
  advance(@Body() dto: AdvanceClockDto) {
    advanceWithinRange(this.travelling(), dto.ms);
    return this.getClock();
  }

  /** Back to the system time. */
  @Delete('test/clock')
  @TestHook()
  resetClock() {
    this.travelling().reset();
    return this.getClock();
  }

  /** Runs one named cron job now, through the exclusive runner, and answers its summary. */
  @Post('jobs/:job/run')
  @HttpCode(200)
  @TestHook()
  runJob(@Param('job') job: string) {
    return this.runner.run(job, 'test');
  }

  @Get('test/outbox')
  @TestHook()
  async outbox(@Query() q: OutboxQuery) {
    const { total_count, items } = await this.notifications.list({
      channel: q.channel,
      to: q.to,
      template: q.template,
      partnerAccountId: q.partner_account_id,
      limit: 1000,
    });
    return {
      total_count,
      items: items.map((n) => ({
        id: n.id,
        channel: n.channel,
        to: n.recipient,
        partner_account_id: n.partnerAccountId,
        template: n.template,
        language: n.language,
        subject: n.subject,
        body: n.body,
        params: n.params,
        status: n.status,
        created_at: n.createdAt.toISOString(),
      })),
    };
  }

  @Get('test/fakes')
  @TestHook()
  listFakes() {
    return { items: this.fakes.list().map((f) => ({ port: f.portName, state: f.describe() })) };
  }

  /** Configures the in-process fake of an external system; the body is the fake's own settings. */
  @Put('test/fakes/:port')
  @TestHook()
  configureFake(@Param('port') port: string, @Body() body: Record<string, unknown>) {
    return this.fakes.configure(port, body);
  }

  /** Registers a Huawei Cloud account (with its login and real-name data) that can then onboard. */
  @Post('test/accounts')
  @TestHook()
  async createAccount(@Ctx() ctx: RequestContext, @Body() dto: TestAccountDto) {
    const a = await this.accounts.registerCloudAccount(ctx, {
      accountName: dto.account_name,
      password: dto.password,
      site: dto.site ?? 'cn',
      realnameType: dto.realname_type ?? 'enterprise',
      companyName: dto.company_name ?? null,
      uscc: dto.uscc ?? null,
      orgCode: dto.org_code ?? null,
      mobile: dto.mobile ?? null,
      email: dto.email ?? null,
    });
    return {
      partner_account_id: a.id,
      huawei_account_id: a.huaweiAccountId,
      account_name: a.accountName,
      site: a.site,
      status: a.status,
    };
  }

  /** Clears throttling windows, login failures and fake settings (not the database). */
  @Post('test/reset')
  @HttpCode(200)
  @TestHook()
  reset() {
    this.throttle.reset();
    this.auth.resetLoginFailures();
    this.fakes.resetAll();
    return { reset: true };
  }
}
