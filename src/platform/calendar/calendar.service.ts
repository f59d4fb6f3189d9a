/**
 * Keeps the one WorkingDayCalendar in step with the `calendar_day` overrides maintained by operations.
 * Overrides are loaded at boot and re-read every minute (other instances' changes), and applied at once
 * on this instance when changed here.
 */
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { AuditService } from '../../../libs/audit/index.js';
import {
  type DayKind,
  HOLIDAY_DATA_LAST_YEAR,
  WorkingDayCalendar,
  isValidDate,
} from '../../../libs/calendar/index.js';
import type { RequestContext } from '../../../libs/context/index.js';
import { DomainError } from '../../../libs/errors/index.js';
import { TransactionRunner } from '../../../libs/persistence/index.js';
import { CalendarDay } from './calendar-day.entity.js';
import { AppConfig, calendarOverrides } from '../../../config/app.config.js';

@Injectable()
export class CalendarService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Calendar');

  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: WorkingDayCalendar,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reload();
  }

  @Interval('calendar-reload', 60_000)
  async reload(): Promise<void> {
    const rows = await this.dataSource.getRepository(CalendarDay).find();
    this.calendar.replaceOverrides([
      ...calendarOverrides(this.config),
      ...rows.map((r) => [r.date, r.kind] as [string, DayKind]),
    ]);
  }

  warnIfPastHolidayData(now: Date): void {
    const year = Number(this.calendar.localDate(now).slice(0, 4));
    if (year > HOLIDAY_DATA_LAST_YEAR) {
      this.logger.warn(
        `holiday package has data up to ${HOLIDAY_DATA_LAST_YEAR}; update chinese-days or add overrides for ${year}`,
      );
    }
  }

  async setDay(
    ctx: RequestContext,
    date: string,
    kind: DayKind | null,
    note?: string,
  ): Promise<Record<string, unknown>> {
    if (!isValidDate(date))
      throw new DomainError('CALENDAR_DAY_INVALID', `Invalid date ${date}`, { field: 'date' });
    await this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const before = await em.findOne(CalendarDay, { where: { date } });
      if (kind === null) await em.delete(CalendarDay, { date });
      else
        await em.save(CalendarDay, {
          date,
          kind,
          note: note ?? null,
          updatedBy: t.actorId,
          updatedAt: t.now(),
        });
      await this.audit.record(t, {
        action: kind === null ? 'calendar_day.cleared' : 'calendar_day.set',
        entityType: 'calendar_day',
        entityId: date,
        before: before ? { kind: before.kind } : null,
        after: kind ? { kind } : null,
      });
    });
    await this.reload();
    return this.day(date);
  }

  day(date: string): Record<string, unknown> {
    if (!isValidDate(date))
      throw new DomainError('CALENDAR_DAY_INVALID', `Invalid date ${date}`, { field: 'date' });
    return {
      date,
      working_day: this.calendar.isWorkingDay(date),
      override: this.calendar.overrideOf(date) ?? null,
    };
  }
}
