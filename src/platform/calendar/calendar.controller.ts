import { Body, Controller, Delete, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Ctx, ReviewerRoles } from '../../../libs/auth/index.js';
import type { RequestContext } from '../../../libs/context/index.js';
import { CalendarService } from './calendar.service.js';

export class CalendarDayDto {
  @IsIn(['holiday', 'working_day'])
  kind: 'holiday' | 'working_day';

  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}

/** api.md transport conventions: operations maintain holidays and make-up working days. */
@ApiTags('admin: calendar')
@Controller('api/v1/admin/calendar/days')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get(':date')
  @ReviewerRoles('operations')
  get(@Param('date') date: string) {
    return this.calendar.day(date);
  }

  @Put(':date')
  @ReviewerRoles('operations')
  set(@Ctx() ctx: RequestContext, @Param('date') date: string, @Body() dto: CalendarDayDto) {
    return this.calendar.setDay(ctx, date, dto.kind, dto.note);
  }

  @Delete(':date')
  @ReviewerRoles('operations')
  clear(@Ctx() ctx: RequestContext, @Param('date') date: string) {
    return this.calendar.setDay(ctx, date, null);
  }
}
