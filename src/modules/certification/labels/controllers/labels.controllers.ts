/**
 * Capability-label certification endpoints (certification-labels.md "Permissions"; api.md transport
 * conventions). Thin controllers: one access declaration and one delegating line each. The catalogue is open to
 * any partner user; held labels and applications need `certification.label.view` or `.apply` (either key).
 */
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AnyPartner,
  Ctx,
  FieldErrorCode,
  PartnerAdminOnly,
  RequireAnyPermission,
  RequirePermission,
  ReviewerRoles,
} from '../../../../../libs/auth/index.js';
import type { RequestContext } from '../../../../../libs/context/index.js';
import {
  ArchiveMaterialsDto,
  ArchiveReviewDto,
  ClarificationDto,
  CloseDto,
  ConfirmPreReviewDto,
  CountersignDto,
  CreateCapabilityLabelDto,
  CreateLabelCertificationDto,
  DefenseDto,
  DefenseSessionDto,
  EvidenceUpdateDto,
  HeldLabelsQuery,
  InitialReviewDto,
  ListLabelCertificationsQuery,
  PersonAssessmentDto,
  PreReviewDto,
  ReasonDto,
  UpdateCapabilityLabelDto,
} from '../dto/labels.dto.js';
import { LabelPermissions } from '../labels.permissions.js';
import { LabelCatalogueService } from '../services/label-catalogue.service.js';
import { LabelCertificationService } from '../services/label-certification.service.js';
import { PartnerLabelService } from '../services/partner-label.service.js';

/** The partner side. */
@ApiTags('certification: capability labels')
@FieldErrorCode('CERT_FIELD_INVALID')
@Controller('api/v1')
export class LabelsController {
  constructor(
    private readonly catalogue: LabelCatalogueService,
    private readonly certifications: LabelCertificationService,
    private readonly held: PartnerLabelService,
  ) {}

  @Get('capability-labels')
  @AnyPartner()
  listLabels(@Ctx() ctx: RequestContext) {
    return this.catalogue.list(ctx);
  }

  @Get('partner-capability-labels')
  @RequireAnyPermission([LabelPermissions.LabelView, LabelPermissions.LabelApply])
  heldLabels(@Ctx() ctx: RequestContext) {
    return this.held.listForPartner(ctx);
  }

  @Post('label-certifications')
  @RequirePermission(LabelPermissions.LabelApply)
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateLabelCertificationDto) {
    return this.certifications.create(ctx, dto);
  }

  @Get('label-certifications')
  @RequireAnyPermission([LabelPermissions.LabelView, LabelPermissions.LabelApply])
  list(@Ctx() ctx: RequestContext, @Query() q: ListLabelCertificationsQuery) {
    return this.certifications.listForPartner(ctx, q);
  }

  @Get('label-certifications/:id')
  @RequireAnyPermission([LabelPermissions.LabelView, LabelPermissions.LabelApply])
  get(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.certifications.getForPartner(ctx, id);
  }

  @Put('label-certifications/:id/evidence')
  @RequirePermission(LabelPermissions.LabelApply)
  evidence(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: EvidenceUpdateDto) {
    return this.certifications.updateEvidence(ctx, id, dto);
  }

  @Post('label-certifications/:id/submit')
  @HttpCode(200)
  @RequirePermission(LabelPermissions.LabelApply)
  submit(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.certifications.submit(ctx, id);
  }

  @Post('label-certifications/:id/supplement')
  @HttpCode(200)
  @RequirePermission(LabelPermissions.LabelApply)
  supplement(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: EvidenceUpdateDto) {
    return this.certifications.supplement(ctx, id, dto);
  }

  @Post('label-certifications/:id/confirm-pre-review')
  @HttpCode(200)
  @RequirePermission(LabelPermissions.LabelApply)
  confirm(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: ConfirmPreReviewDto) {
    return this.certifications.confirmPreReview(ctx, id, dto);
  }

  @Post('label-certifications/:id/archive-materials')
  @HttpCode(200)
  @RequirePermission(LabelPermissions.LabelApply)
  archive(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: ArchiveMaterialsDto) {
    return this.certifications.uploadArchive(ctx, id, dto);
  }

  @Post('label-certifications/:id/withdraw')
  @HttpCode(200)
  @RequirePermission(LabelPermissions.LabelApply)
  withdraw(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.certifications.withdraw(ctx, id);
  }

  @Post('label-certifications/:id/clarifications')
  @PartnerAdminOnly()
  clarification(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: ClarificationDto) {
    return this.certifications.requestClarification(ctx, id, dto);
  }
}

/** The reviewer side (`/api/v1/admin/…`), the same services as the admin-panel actions. */
@ApiTags('certification: capability labels (admin)')
@FieldErrorCode('CERT_FIELD_INVALID')
@Controller('api/v1/admin')
export class LabelsAdminController {
  constructor(
    private readonly catalogue: LabelCatalogueService,
    private readonly certifications: LabelCertificationService,
    private readonly held: PartnerLabelService,
  ) {}

  @Get('capability-labels')
  @ReviewerRoles('operations', 'pdm', 'expert')
  listLabels(@Ctx() ctx: RequestContext) {
    return this.catalogue.list(ctx);
  }

  @Post('capability-labels')
  @ReviewerRoles('operations')
  createLabel(@Ctx() ctx: RequestContext, @Body() dto: CreateCapabilityLabelDto) {
    return this.catalogue.create(ctx, dto);
  }

  @Put('capability-labels/:code')
  @ReviewerRoles('operations')
  updateLabel(
    @Ctx() ctx: RequestContext,
    @Param('code') code: string,
    @Body() dto: UpdateCapabilityLabelDto,
  ) {
    return this.catalogue.update(ctx, code, dto);
  }

  @Get('label-certifications')
  @ReviewerRoles('operations', 'pdm', 'expert')
  list(@Ctx() ctx: RequestContext, @Query() q: ListLabelCertificationsQuery) {
    return this.certifications.listForReviewer(ctx, q);
  }

  @Get('label-certifications/:id')
  @ReviewerRoles('operations', 'pdm', 'expert')
  get(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.certifications.getForReviewer(ctx, id);
  }

  @Post('label-certifications/:id/initial-review')
  @HttpCode(200)
  @ReviewerRoles('operations')
  initialReview(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: InitialReviewDto) {
    return this.certifications.initialReview(ctx, id, dto);
  }

  @Post('label-certifications/:id/pre-review')
  @HttpCode(200)
  @ReviewerRoles('expert')
  preReview(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: PreReviewDto) {
    return this.certifications.preReview(ctx, id, dto);
  }

  @Post('label-certifications/:id/defense-sessions')
  @ReviewerRoles('expert', 'pdm', 'operations')
  session(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: DefenseSessionDto) {
    return this.certifications.scheduleSession(ctx, id, dto);
  }

  @Post('label-certifications/:id/defense')
  @HttpCode(200)
  @ReviewerRoles('expert')
  defense(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: DefenseDto) {
    return this.certifications.defense(ctx, id, dto);
  }

  @Post('label-certifications/:id/archive-review')
  @HttpCode(200)
  @ReviewerRoles('expert', 'operations')
  archiveReview(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: ArchiveReviewDto) {
    return this.certifications.archiveReview(ctx, id, dto);
  }

  @Post('label-certifications/:id/countersign')
  @HttpCode(200)
  @ReviewerRoles('pdm', 'expert', 'operations')
  countersign(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: CountersignDto) {
    return this.certifications.countersign(ctx, id, dto);
  }

  @Post('label-certifications/:id/close')
  @HttpCode(200)
  @ReviewerRoles('operations')
  close(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: CloseDto) {
    return this.certifications.close(ctx, id, dto);
  }

  @Get('partner-capability-labels')
  @ReviewerRoles('operations', 'pdm', 'expert')
  heldLabels(@Query() q: HeldLabelsQuery) {
    return this.held.listForReviewer(q);
  }

  @Post('partner-capability-labels/:id/revoke')
  @HttpCode(200)
  @ReviewerRoles('operations')
  revoke(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: ReasonDto) {
    return this.held.revoke(ctx, id, dto.reason);
  }

  @Get('person-capability-assessments')
  @ReviewerRoles('operations', 'pdm', 'expert')
  assessments(@Query('personal_account_id') personalAccountId?: string) {
    return this.held.listAssessments(personalAccountId);
  }

  @Post('person-capability-assessments')
  @ReviewerRoles('operations')
  recordAssessment(@Ctx() ctx: RequestContext, @Body() dto: PersonAssessmentDto) {
    return this.held.recordAssessment(ctx, dto);
  }
}
