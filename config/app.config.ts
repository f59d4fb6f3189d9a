/**
 * Typed configuration, read from the environment and validated at boot: a bad value stops the start with a
 * clear message listing every problem.
 */
import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  validateSync,
} from 'class-validator';
import { isValidTimeZone } from '../libs/calendar/zoned.js';

const bool = ({ value }: { value: unknown }): unknown =>
  value === undefined || value === ''
    ? undefined
    : value === true || value === 'true' || value === '1'
      ? true
      : value === false || value === 'false' || value === '0'
        ? false
        : value;
const int = ({ value }: { value: unknown }): unknown =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;

export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(int)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsIn(['sqlite', 'mysql', 'mariadb'])
  DB_TYPE: 'sqlite' | 'mysql' | 'mariadb' = 'sqlite';

  /** SQLite file (embedded default) */
  @IsString()
  SQLITE_PATH = 'var/partner-center.sqlite';

  @IsString()
  DB_HOST = '127.0.0.1';

  @Transform(int)
  @IsInt()
  @Min(1)
  @Max(65535)
  DB_PORT = 3306;

  @IsString()
  DB_USER = 'partner_center';

  @IsString()
  DB_PASSWORD = '';

  @IsString()
  DB_NAME = 'partner_center';

  /** seed demo accounts; defaults to true on the embedded SQLite database only */
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  DEMO_DATA?: boolean;

  /** mount the black-box test hooks (api.md API-037); refused in production */
  @Transform(bool)
  @IsBoolean()
  TEST_HOOKS = false;

  @Transform(bool)
  @IsBoolean()
  CRON_ENABLED = true;

  @IsString()
  BUSINESS_TIME_ZONE = 'Asia/Shanghai';

  /** extra calendar days, e.g. `2027-01-01:holiday,2027-02-06:working_day` */
  @IsString()
  CALENDAR_OVERRIDES = '';

  @Transform(int)
  @IsInt()
  @Min(60_000)
  TOKEN_TTL_MS = 24 * 3600 * 1000;

  @Transform(int)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES = 5;

  @Transform(int)
  @IsInt()
  @Min(1000)
  LOGIN_WINDOW_MS = 15 * 60 * 1000;

  /**
   * info.md Open point 3 (`requireAmountConfirmation`): when true, a micro-deposit that arrived leaves the
   * verification `verifying` until the partner confirms the random amount (3 attempts). Off by default, as the
   * spec decides (FAQ 6.2.8: verification is automatic).
   */
  @Transform(bool)
  @IsBoolean()
  BUSINESS_INFO_REQUIRE_AMOUNT_CONFIRMATION = false;

  /** API-013 default calls per second per user and operation */
  @Transform(int)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_SECOND = 10;

  /**
   * org.md Open point 3: the table 7-1 defaults are added to a member whose only role is the preset
   * customer manager too (literal 7.1.1). `false` gives such a member only the fixed customer-manager keys.
   */
  @Transform(bool)
  @IsBoolean()
  ORG_DEFAULTS_FOR_CUSTOMER_MANAGER = true;

  /**
   * certification-labels.md Open point 1: the day type of every capability-label step SLA. Natural days by
   * decision (FAQ 9.1's 52–103-day cycle fits the 93-day sum only in natural days); either way due times come
   * from the one WorkingDayCalendar.
   */
  @IsIn(['natural', 'working'])
  LABEL_SLA_DAY_TYPE: 'natural' | 'working' = 'natural';

  /** certification-labels.md LABEL-002: paths whose active membership lets an account apply (comma list) */
  @Matches(/^\s*(software|service|si|lp)\s*(,\s*(software|service|si|lp)\s*)*$/, {
    message: 'LABEL_APPLICANT_PATHS must be a comma list of software, service, si, lp',
  })
  LABEL_APPLICANT_PATHS = 'service,si';

  @IsOptional()
  @IsString()
  SMTP_URL?: string;

  @IsString()
  MAIL_FROM = 'partner-center@localhost';

  /** secret for admin-panel session cookies; required in production */
  @IsString()
  SESSION_SECRET = 'dev-only-session-secret-change-me';

  @IsIn(['silent', 'error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL = 'log';

  get isSqlite(): boolean {
    return this.DB_TYPE === 'sqlite';
  }

  get demoData(): boolean {
    return this.DEMO_DATA ?? this.isSqlite;
  }
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const raw: Record<string, unknown> = {};
  for (const k of [...known, 'DEMO_DATA', 'SMTP_URL']) if (env[k] !== undefined) raw[k] = env[k];
  const cfg = plainToInstance(AppConfig, raw);
  const problems = validateSync(cfg, { forbidUnknownValues: false }).flatMap((e) =>
    Object.values(e.constraints ?? {}).map((m) => `${e.property}=${JSON.stringify(raw[e.property])}: ${m}`),
  );
  if (!isValidTimeZone(cfg.BUSINESS_TIME_ZONE)) problems.push(`BUSINESS_TIME_ZONE: unknown time zone`);
  for (const part of cfg.CALENDAR_OVERRIDES.split(',').filter(Boolean)) {
    if (!/^\d{4}-\d{2}-\d{2}:(holiday|working_day)$/.test(part.trim())) {
      problems.push(`CALENDAR_OVERRIDES: "${part}" is not YYYY-MM-DD:holiday|working_day`);
    }
  }
  if (cfg.NODE_ENV === 'production') {
    if (cfg.TEST_HOOKS) problems.push('TEST_HOOKS=true is refused in production');
    if (cfg.SESSION_SECRET === new AppConfig().SESSION_SECRET)
      problems.push('SESSION_SECRET must be set in production');
  }
  if (problems.length) throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return cfg;
}

export function calendarOverrides(cfg: AppConfig): Array<[string, 'holiday' | 'working_day']> {
  return cfg.CALENDAR_OVERRIDES.split(',')
    .filter(Boolean)
    .map((p) => p.trim().split(':') as [string, 'holiday' | 'working_day']);
}
