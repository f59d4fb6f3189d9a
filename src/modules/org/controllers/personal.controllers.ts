/**
 * Linking personal accounts, certificates and project specialists (org.md ORG-018…ORG-037). Thin controllers:
 * one access declaration and one delegating line each; every rule lives in the services.
 */
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  Ctx,
  FieldErrorCode,
  PartnerAdminOnly,
  PersonalAccountOnly,
  RequirePermission,
  ReviewerRoles,
} from '../../../../libs/auth/index.js';
import type { RequestContext } from '../../../../libs/context/index.js';
import {
  ApplySpecialistDto,
  InviteDto,
  ListCertificatesQuery,
  ListLinkedAccountsQuery,
  ListSpecialistsQuery,
  ReasonDto,
  UploadCertificateDto,
} from '../dto/personal.dto.js';
import { OrgPermissions } from '../org.permissions.js';
import { CertificateService } from '../services/certificate.service.js';
import { LinkService } from '../services/link.service.js';
import { PersonalAccountService } from '../services/personal-account.service.js';
import { SpecialistService } from '../services/specialist.service.js';

/** The partner side: invitations, links, linked accounts and their certificates. */
@ApiTags('org: linked personal accounts')
@FieldErrorCode('ORG_FIELD_INVALID')
@Controller('api/v1/org')
export class LinksController {
  constructor(
    private readonly links: LinkService,
    private readonly certificates: CertificateService,
  ) {}

  @Post('invitations')
  @PartnerAdminOnly()
  invite(@Ctx() ctx: RequestContext, @Body() dto: InviteDto) {
    return this.links.invite(ctx, dto);
  }

  @Get('invitations')
  @RequirePermission(OrgPermissions.SpecialistView)
  invitations(@Ctx() ctx: RequestContext) {
    return this.links.listForPartner(ctx);
  }

  @Delete('invitations/:id')
  @PartnerAdminOnly()
  revoke(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.links.revoke(ctx, id);
  }

  @Delete('links/:id')
  @PartnerAdminOnly()
  unlink(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.links.unlink(ctx, id);
  }

  @Get('linked-accounts')
  @RequirePermission(OrgPermissions.SpecialistView)
  linkedAccounts(@Ctx() ctx: RequestContext, @Query() q: ListLinkedAccountsQuery) {
    return this.links.linkedAccounts(ctx, q);
  }

  /** `:id` is the personal account id of the linked account. */
  @Get('linked-accounts/:id/certificates')
  @RequirePermission(OrgPermissions.SpecialistView)
  linkedCertificates(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.certificates.ofLinkedAccount(ctx, id);
  }

  @Get('certificate-summary')
  @RequirePermission(OrgPermissions.SpecialistView)
  certificateSummary(@Ctx() ctx: RequestContext) {
    return this.certificates.summary(ctx);
  }
}

/** The personal account's own pages: invitations addressed to it and its certificates ("personal qualifications"). */
@ApiTags('org: personal account')
@FieldErrorCode('ORG_FIELD_INVALID')
@Controller('api/v1/org')
export class PersonalAccountController {
  constructor(
    private readonly personalAccounts: PersonalAccountService,
    private readonly links: LinkService,
    private readonly certificates: CertificateService,
  ) {}

  @Get('me')
  @PersonalAccountOnly()
  me(@Ctx() ctx: RequestContext) {
    return this.personalAccounts.me(ctx);
  }

  @Get('my-link')
  @PersonalAccountOnly()
  async myLink(@Ctx() ctx: RequestContext) {
    return { link: await this.links.myLink(ctx) };
  }

  @Get('my-invitations')
  @PersonalAccountOnly()
  myInvitations(@Ctx() ctx: RequestContext) {
    return this.links.listForPersonal(ctx);
  }

  @Post('invitations/:id/accept')
  @HttpCode(200)
  @PersonalAccountOnly()
  accept(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.links.accept(ctx, id);
  }

  @Post('invitations/:id/decline')
  @HttpCode(200)
  @PersonalAccountOnly()
  decline(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.links.decline(ctx, id);
  }

  @Get('my-certificates')
  @PersonalAccountOnly()
  myCertificates(@Ctx() ctx: RequestContext) {
    return this.certificates.mine(ctx);
  }

  @Post('my-certificates')
  @PersonalAccountOnly()
  upload(@Ctx() ctx: RequestContext, @Body() dto: UploadCertificateDto) {
    return this.certificates.upload(ctx, dto);
  }

  @Delete('my-certificates/:id')
  @PersonalAccountOnly()
  deleteCertificate(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.certificates.delete(ctx, id);
  }

  /** J-ORG-4 on demand for the own account. */
  @Post('my-certificates/sync')
  @HttpCode(200)
  @PersonalAccountOnly()
  sync(@Ctx() ctx: RequestContext) {
    return this.certificates.syncMine(ctx);
  }
}

/** Project specialists, partner side. */
@ApiTags('org: project specialists')
@FieldErrorCode('ORG_FIELD_INVALID')
@Controller('api/v1/org/specialists')
export class SpecialistsController {
  constructor(private readonly specialists: SpecialistService) {}

  @Post()
  @PartnerAdminOnly()
  apply(@Ctx() ctx: RequestContext, @Body() dto: ApplySpecialistDto) {
    return this.specialists.apply(ctx, dto);
  }

  @Get()
  @RequirePermission(OrgPermissions.SpecialistView)
  list(@Ctx() ctx: RequestContext, @Query() q: ListSpecialistsQuery) {
    return this.specialists.listForPartner(ctx, q);
  }

  @Get(':id')
  @RequirePermission(OrgPermissions.SpecialistView)
  get(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.specialists.getForPartner(ctx, id);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @PartnerAdminOnly()
  withdraw(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.specialists.withdraw(ctx, id);
  }

  @Post(':id/cancellation-requests')
  @PartnerAdminOnly()
  requestCancellation(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.specialists.requestCancellation(ctx, id);
  }

  @Post(':id/cancellation-requests/withdraw')
  @HttpCode(200)
  @PartnerAdminOnly()
  withdrawCancellation(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.specialists.withdrawCancellation(ctx, id);
  }
}

/** Reviewer decisions on specialists (PDM, operations) — the admin panel's record actions call the same service. */
@ApiTags('admin: project specialists')
@FieldErrorCode('ORG_FIELD_INVALID')
@Controller('api/v1/admin/org/specialists')
export class AdminSpecialistsController {
  constructor(private readonly specialists: SpecialistService) {}

  @Get()
  @ReviewerRoles('pdm', 'operations')
  list(@Query() q: ListSpecialistsQuery) {
    return this.specialists.listForReviewer(q);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ReviewerRoles('pdm', 'operations')
  approve(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.specialists.approve(ctx, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ReviewerRoles('pdm', 'operations')
  reject(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: ReasonDto) {
    return this.specialists.reject(ctx, id, dto.reason);
  }

  @Post(':id/approve-cancellation')
  @HttpCode(200)
  @ReviewerRoles('pdm', 'operations')
  approveCancellation(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.specialists.approveCancellation(ctx, id);
  }

  @Post(':id/refuse-cancellation')
  @HttpCode(200)
  @ReviewerRoles('pdm', 'operations')
  refuseCancellation(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.specialists.refuseCancellation(ctx, id);
  }
}

/** Operations review uploaded HCIA/HCIP/HCIE/PMP certificates (ORG-026). */
@ApiTags('admin: personal certificates')
@FieldErrorCode('ORG_FIELD_INVALID')
@Controller('api/v1/admin/org/certificates')
export class AdminCertificatesController {
  constructor(private readonly certificates: CertificateService) {}

  @Get()
  @ReviewerRoles('operations')
  list(@Query() q: ListCertificatesQuery) {
    return this.certificates.listForReviewer(q);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ReviewerRoles('operations')
  approve(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.certificates.approve(ctx, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ReviewerRoles('operations')
  reject(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: ReasonDto) {
    return this.certificates.reject(ctx, id, dto.reason);
  }
}
