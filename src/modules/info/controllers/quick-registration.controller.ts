import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Ctx, FieldErrorCode, PartnerAdminOnly, ReviewerRoles } from '../../../../libs/auth/index.js';
import type { RequestContext } from '../../../../libs/context/index.js';
import {
  ListQuickRegistrationsQuery,
  RegisterQuickAccountDto,
  StartQuickRegistrationDto,
  VerifyQuickRegistrationDto,
} from '../dto/quick-registration.dto.js';
import { QuickRegistrationService } from '../services/quick-registration.service.js';

/** Quick registration of a new account (FAQ 5.1.14/5.1.15): the partner admin of the current account only. */
@ApiTags('info: quick registration')
@FieldErrorCode('INFO_FIELD_INVALID')
@Controller('api/v1/quick-registrations')
export class QuickRegistrationController {
  constructor(private readonly quickRegistrations: QuickRegistrationService) {}

  @Post()
  @PartnerAdminOnly()
  start(@Ctx() ctx: RequestContext, @Body() dto: StartQuickRegistrationDto) {
    return this.quickRegistrations.start(ctx, dto);
  }

  @Get(':id')
  @PartnerAdminOnly()
  get(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.quickRegistrations.get(ctx, id);
  }

  @Post(':id/verify')
  @HttpCode(200)
  @PartnerAdminOnly()
  verify(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: VerifyQuickRegistrationDto) {
    return this.quickRegistrations.verify(ctx, id, dto.code);
  }

  @Post(':id/register')
  @PartnerAdminOnly()
  register(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: RegisterQuickAccountDto) {
    return this.quickRegistrations.register(ctx, id, dto);
  }
}

/** Operations read the quick registrations (read-only: every change goes through the partner flow or J-INFO-5). */
@ApiTags('admin: quick registration')
@FieldErrorCode('INFO_FIELD_INVALID')
@Controller('api/v1/admin/quick-registrations')
export class AdminQuickRegistrationController {
  constructor(private readonly quickRegistrations: QuickRegistrationService) {}

  @Get()
  @ReviewerRoles('operations')
  list(@Query() q: ListQuickRegistrationsQuery) {
    return this.quickRegistrations.list(q);
  }
}
