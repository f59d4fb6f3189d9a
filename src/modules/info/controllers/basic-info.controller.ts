import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AnyPartner,
  Ctx,
  FieldErrorCode,
  PartnerAdminOnly,
  RequirePermission,
  ReviewerRoles,
} from '../../../../libs/auth/index.js';
import type { RequestContext } from '../../../../libs/context/index.js';
import {
  AccountContactDto,
  AccountNameDto,
  AdminCompanyDetailsDto,
  BusinessContactDto,
  CompanyDetailsDto,
  CreateChangeRequestDto,
  DeregistrationEventDto,
  ExpansionFlagsDto,
  ListChangeRequestsQuery,
  MessageSettingsDto,
  PartnerPrimaryAccountDto,
  RejectChangeRequestDto,
  SetPrimaryAccountDto,
  SetUsccDto,
} from '../dto/basic-info.dto.js';
import { InfoPermissions } from '../info.permissions.js';
import { AccountEligibilityService } from '../services/account-eligibility.service.js';
import { BasicInfoService } from '../services/basic-info.service.js';
import { CompanyChangeService } from '../services/company-change.service.js';
import { InfoOperationsService } from '../services/info-operations.service.js';

/** Basic info, partner side (FAQ 6.1; info.md INFO-012…INFO-022). */
@ApiTags('info: basic info')
@FieldErrorCode('INFO_FIELD_INVALID')
@Controller('api/v1/info')
export class BasicInfoController {
  constructor(
    private readonly changes: CompanyChangeService,
    private readonly basic: BasicInfoService,
  ) {}

  /** INFO-013: licence changes are the primary account's partner admin's, never an org member's. */
  @Post('company/change-requests')
  @PartnerAdminOnly()
  requestChange(@Ctx() ctx: RequestContext, @Body() dto: CreateChangeRequestDto) {
    return this.changes.create(ctx, dto);
  }

  @Get('company/change-requests')
  @RequirePermission(InfoPermissions.CompanyView)
  listChanges(@Ctx() ctx: RequestContext, @Query() q: ListChangeRequestsQuery) {
    return this.changes.listOwn(ctx, q);
  }

  @Post('company/change-requests/:id/withdraw')
  @HttpCode(200)
  @PartnerAdminOnly()
  withdraw(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.changes.withdraw(ctx, id);
  }

  /** INFO-017: always 403 INFO_EDIT_VIA_TICKET_ONLY (declared for any partner user so the answer is that). */
  @Patch('company/details')
  @AnyPartner()
  editDetails(@Ctx() ctx: RequestContext, @Body() _dto: CompanyDetailsDto) {
    return this.basic.refuseDetailsEdit(ctx);
  }

  /** INFO-010: always 403 INFO_EDIT_VIA_TICKET_ONLY. */
  @Put('company/primary-account')
  @AnyPartner()
  setPrimary(@Ctx() ctx: RequestContext, @Body() _dto: PartnerPrimaryAccountDto) {
    return this.basic.refusePrimaryChange(ctx);
  }

  @Put('account-contact')
  @RequirePermission(InfoPermissions.AccountEdit)
  updateContact(@Ctx() ctx: RequestContext, @Body() dto: AccountContactDto) {
    return this.basic.updateContact(ctx, dto);
  }

  @Get('profile')
  @RequirePermission(InfoPermissions.ProfileView)
  profile(@Ctx() ctx: RequestContext) {
    return this.basic.profile(ctx);
  }

  /** INFO-021: every user edits their own business contact (the admin the account's, a member its own). */
  @Put('profile/business-contact')
  @AnyPartner()
  businessContact(@Ctx() ctx: RequestContext, @Body() dto: BusinessContactDto) {
    return this.basic.updateBusinessContact(ctx, dto);
  }

  /** INFO-020: the partner admin only (the account owner renames its Huawei Cloud account). */
  @Put('profile/account-name')
  @PartnerAdminOnly()
  rename(@Ctx() ctx: RequestContext, @Body() dto: AccountNameDto) {
    return this.basic.renameAccount(ctx, dto);
  }

  @Get('message-settings')
  @RequirePermission(InfoPermissions.AccountView)
  messageSettings(@Ctx() ctx: RequestContext) {
    return this.basic.messageSettings(ctx);
  }

  @Put('message-settings')
  @RequirePermission(InfoPermissions.AccountEdit)
  updateMessageSettings(@Ctx() ctx: RequestContext, @Body() dto: MessageSettingsDto) {
    return this.basic.updateMessageSettings(ctx, dto);
  }
}

/**
 * Customer identity and deregistration eligibility of one account (INFO-019, INFO-035). A partner asks for its
 * own account (any other id is 404). Decision: customer identity is readable by any user of the account; the
 * deregistration check is the partner admin's (Permissions: org member ✘).
 */
@ApiTags('info: accounts')
@FieldErrorCode('INFO_FIELD_INVALID')
@Controller('api/v1/accounts')
export class AccountEligibilityController {
  constructor(private readonly eligibility: AccountEligibilityService) {}

  @Get(':id/customer-identity')
  @AnyPartner()
  customerIdentity(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.eligibility.customerIdentity(ctx, id);
  }

  @Get(':id/purchase-eligibility')
  @AnyPartner()
  purchaseEligibility(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.eligibility.purchaseEligibility(ctx, id);
  }

  @Get(':id/deregistration-eligibility')
  @PartnerAdminOnly()
  deregistrationEligibility(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.eligibility.eligibility(ctx, id);
  }
}

/**
 * Reviewer and integration side. Decision: the account-center and console/billing integrations call with a
 * reviewer service account holding the `operations` role — operations own partner-account data in the spec's
 * Permissions table ("Check deregistration eligibility: operations, account-center integration").
 */
@ApiTags('admin: partner info')
@FieldErrorCode('INFO_FIELD_INVALID')
@Controller('api/v1/admin')
export class AdminBasicInfoController {
  constructor(
    private readonly changes: CompanyChangeService,
    private readonly ops: InfoOperationsService,
    private readonly eligibility: AccountEligibilityService,
    private readonly basic: BasicInfoService,
  ) {}

  /** info.md Permissions: operations edit an account's contact on a ticket (INFO-018). */
  @Put('accounts/:id/contact')
  @ReviewerRoles('operations')
  setContact(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: AccountContactDto) {
    return this.basic.updateContact(ctx, dto, id);
  }

  /** info.md Permissions: operations edit an account's message settings on a ticket (INFO-022). */
  @Put('accounts/:id/message-settings')
  @ReviewerRoles('operations')
  setMessageSettings(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: MessageSettingsDto) {
    return this.basic.updateMessageSettings(ctx, dto, id);
  }

  @Get('info/company-change-requests')
  @ReviewerRoles('operations')
  listChanges(@Query() q: ListChangeRequestsQuery) {
    return this.changes.list(q);
  }

  @Get('info/company-change-requests/:id')
  @ReviewerRoles('operations')
  getChange(@Param('id') id: string) {
    return this.changes.get(id);
  }

  @Post('info/company-change-requests/:id/approve')
  @HttpCode(200)
  @ReviewerRoles('operations')
  approveChange(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.changes.approve(ctx, id);
  }

  @Post('info/company-change-requests/:id/reject')
  @HttpCode(200)
  @ReviewerRoles('operations')
  rejectChange(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: RejectChangeRequestDto) {
    return this.changes.reject(ctx, id, dto.reject_reason);
  }

  @Put('info/legal-entities/:id/primary-account')
  @ReviewerRoles('operations')
  setPrimary(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: SetPrimaryAccountDto) {
    return this.ops.setPrimaryAccount(ctx, id, dto.partner_account_id, dto.ticket_no);
  }

  @Put('info/legal-entities/:id/uscc')
  @ReviewerRoles('operations')
  setUscc(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: SetUsccDto) {
    return this.ops.setMissingUscc(ctx, id, dto.uscc, dto.ticket_no);
  }

  @Put('info/legal-entities/:id/details')
  @ReviewerRoles('operations')
  setDetails(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: AdminCompanyDetailsDto) {
    return this.ops.updateCompanyDetails(ctx, id, dto, dto.ticket_no);
  }

  @Put('info/accounts/:id/expansion-flags')
  @ReviewerRoles('operations')
  setFlags(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: ExpansionFlagsDto) {
    return this.ops.setExpansionFlags(ctx, id, dto, dto.ticket_no);
  }

  @Get('accounts/:id/customer-identity')
  @ReviewerRoles('operations')
  customerIdentity(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.eligibility.customerIdentity(ctx, id);
  }

  @Get('accounts/:id/purchase-eligibility')
  @ReviewerRoles('operations')
  purchaseEligibility(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.eligibility.purchaseEligibility(ctx, id);
  }

  @Get('accounts/:id/deregistration-eligibility')
  @ReviewerRoles('operations')
  deregistrationEligibility(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.eligibility.eligibility(ctx, id);
  }

  @Post('integrations/account-center/deregistrations')
  @HttpCode(200)
  @ReviewerRoles('operations')
  deregistered(@Ctx() ctx: RequestContext, @Body() dto: DeregistrationEventDto) {
    return this.eligibility.recordDeregistration(ctx, dto);
  }
}
