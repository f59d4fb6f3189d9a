import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  Ctx,
  FieldErrorCode,
  PartnerAdminOnly,
  RequirePermission,
  ReviewerRoles,
} from '../../../../libs/auth/index.js';
import type { RequestContext } from '../../../../libs/context/index.js';
import { ListOnboardingQuery, RejectOnboardingDto, SubmitOnboardingDto } from '../dto/onboarding.dto.js';
import { InfoPermissions } from '../info.permissions.js';
import { CompanyInfoService } from '../services/company-info.service.js';
import { OnboardingService } from '../services/onboarding.service.js';

/** Partner side of onboarding (FAQ 3): partner admin only, open to accounts that have not joined yet. */
@ApiTags('info: onboarding')
@FieldErrorCode('INFO_FIELD_INVALID')
@Controller('api/v1/onboarding')
export class OnboardingController {
  constructor(private readonly onboarding: OnboardingService) {}

  @Get('precheck')
  @PartnerAdminOnly({ allowNotOnboarded: true })
  precheck(@Ctx() ctx: RequestContext) {
    return this.onboarding.precheck(ctx);
  }

  @Post('applications')
  @PartnerAdminOnly({ allowNotOnboarded: true })
  submit(@Ctx() ctx: RequestContext, @Body() dto: SubmitOnboardingDto) {
    return this.onboarding.submit(ctx, dto);
  }

  @Get('status')
  @PartnerAdminOnly({ allowNotOnboarded: true })
  status(@Ctx() ctx: RequestContext) {
    return this.onboarding.status(ctx);
  }
}

@ApiTags('info: company')
@FieldErrorCode('INFO_FIELD_INVALID')
@Controller('api/v1/info')
export class CompanyInfoController {
  constructor(private readonly company: CompanyInfoService) {}

  @Get('company')
  @RequirePermission(InfoPermissions.CompanyView)
  get(@Ctx() ctx: RequestContext) {
    return this.company.get(ctx);
  }

  /** Account info tab: the accounts of the caller's legal entity (INFO-012 b). */
  @Get('accounts')
  @RequirePermission(InfoPermissions.AccountView)
  accounts(@Ctx() ctx: RequestContext) {
    return this.company.accounts(ctx);
  }
}

/** Reviewer side (operations): the same service the admin-panel actions call. */
@ApiTags('admin: onboarding')
@FieldErrorCode('INFO_FIELD_INVALID')
@Controller('api/v1/admin/onboarding/applications')
export class AdminOnboardingController {
  constructor(private readonly onboarding: OnboardingService) {}

  @Get()
  @ReviewerRoles('operations')
  list(@Query() q: ListOnboardingQuery) {
    return this.onboarding.list(q);
  }

  @Get(':id')
  @ReviewerRoles('operations')
  get(@Param('id') id: string) {
    return this.onboarding.get(id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ReviewerRoles('operations')
  approve(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.onboarding.approve(ctx, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ReviewerRoles('operations')
  reject(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: RejectOnboardingDto) {
    return this.onboarding.reject(ctx, id, dto.reject_reason ?? dto.reason);
  }
}
