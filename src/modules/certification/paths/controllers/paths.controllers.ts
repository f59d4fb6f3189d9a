/**
 * Path endpoints (certification-paths.md acceptance-scenario endpoints; api.md module endpoint index): the partner
 * side under `/api/v1/paths`, the PDM side under `/api/v1/admin/…`. Thin: one access declaration, one line.
 */
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Ctx, FieldErrorCode, RequirePermission, ReviewerRoles } from '../../../../../libs/auth/index.js';
import type { RequestContext } from '../../../../../libs/context/index.js';
import { fileDownload, PageQuery } from '../../../../../libs/http/index.js';
import {
  AnnualReviewDecisionDto,
  AnnualReviewSubmissionDto,
  AttestationsDto,
  BpReviewDto,
  InterlocksDto,
  JoinPathDto,
  ListStageApplicationsQuery,
  PathReasonDto,
  RegisterEmploymentProofDto,
  RegisterServiceCaseDto,
  ReviewerAnnualReviewQuery,
  ReviewerApplicationQuery,
  ReviewerMembershipQuery,
  SiWhitelistDto,
  SubmitStageApplicationDto,
} from '../dto/paths.dto.js';
import { PathPermissions } from '../paths.permissions.js';
import { AnnualReviewService } from '../services/annual-review.service.js';
import { PathCertificateService } from '../services/path-certificate.service.js';
import { PathMembershipService } from '../services/path-membership.service.js';
import { StageApplicationService } from '../services/stage-application.service.js';

@ApiTags('certification: development paths')
@FieldErrorCode('CERT_FIELD_INVALID')
@Controller('api/v1/paths')
export class PathsController {
  constructor(
    private readonly memberships: PathMembershipService,
    private readonly applications: StageApplicationService,
    private readonly reviews: AnnualReviewService,
    private readonly certificates: PathCertificateService,
  ) {}

  /** PATH-001…PATH-003 */
  @Post('memberships')
  @RequirePermission(PathPermissions.PathManage)
  join(@Ctx() ctx: RequestContext, @Body() dto: JoinPathDto) {
    return this.memberships.join(ctx, dto.path);
  }

  @Get('memberships')
  @RequirePermission(PathPermissions.PathView)
  list(@Ctx() ctx: RequestContext) {
    return this.memberships.listForPartner(ctx);
  }

  @Get('memberships/:id')
  @RequirePermission(PathPermissions.PathView)
  get(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.memberships.getForPartner(ctx, id);
  }

  /** PATH-022, PATH-023 */
  @Post('memberships/:id/exit')
  @HttpCode(200)
  @RequirePermission(PathPermissions.PathManage)
  exit(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.memberships.exit(ctx, id);
  }

  /** PATH-004, PATH-005, PATH-011…PATH-021 */
  @Post('memberships/:id/stage-applications')
  @RequirePermission(PathPermissions.PathManage)
  apply(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: SubmitStageApplicationDto) {
    return this.applications.submit(ctx, id, dto);
  }

  @Get('stage-applications')
  @RequirePermission(PathPermissions.PathView)
  applicationsList(@Ctx() ctx: RequestContext, @Query() q: ListStageApplicationsQuery) {
    return this.applications.listForPartner(ctx, q);
  }

  @Get('stage-applications/:id')
  @RequirePermission(PathPermissions.PathView)
  application(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.applications.getForPartner(ctx, id);
  }

  @Post('stage-applications/:id/withdraw')
  @HttpCode(200)
  @RequirePermission(PathPermissions.PathManage)
  withdraw(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.applications.withdraw(ctx, id);
  }

  /** PATH-006, PATH-007 */
  @Post('software/stage-evaluation')
  @HttpCode(200)
  @RequirePermission(PathPermissions.PathManage)
  evaluate(@Ctx() ctx: RequestContext) {
    return this.memberships.evaluateSoftware(ctx);
  }

  /** PATH-012 */
  @Post('service-cases')
  @RequirePermission(PathPermissions.PathManage)
  registerCase(@Ctx() ctx: RequestContext, @Body() dto: RegisterServiceCaseDto) {
    return this.applications.registerCase(ctx, dto);
  }

  @Get('service-cases')
  @RequirePermission(PathPermissions.PathView)
  cases(@Ctx() ctx: RequestContext) {
    return this.applications.listCases(ctx);
  }

  /** PATH-013 */
  @Post('employment-proofs')
  @RequirePermission(PathPermissions.PathManage)
  registerProof(@Ctx() ctx: RequestContext, @Body() dto: RegisterEmploymentProofDto) {
    return this.applications.registerEmploymentProof(ctx, dto);
  }

  @Get('employment-proofs')
  @RequirePermission(PathPermissions.PathView)
  proofs(@Ctx() ctx: RequestContext) {
    return this.applications.listEmploymentProofs(ctx);
  }

  /** PATH-017 */
  @Get('annual-reviews')
  @RequirePermission(PathPermissions.PathView)
  annualReviews(@Ctx() ctx: RequestContext) {
    return this.reviews.listForPartner(ctx);
  }

  @Post('annual-reviews/:id/submission')
  @RequirePermission(PathPermissions.PathManage)
  submitReview(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: AnnualReviewSubmissionDto) {
    return this.reviews.submit(ctx, id, { ...dto });
  }

  @Get('certificates')
  @RequirePermission(PathPermissions.PathView)
  certificatesList(@Ctx() ctx: RequestContext) {
    return this.certificates.listForPartner(ctx);
  }

  @Get('certificates/:id/download')
  @RequirePermission(PathPermissions.PathView)
  async download(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return fileDownload(await this.certificates.download(ctx, id));
  }
}

/** The PDM side (and read access for PSA / operations); every action also exists in the admin panel. */
@ApiTags('certification: development paths (reviewers)')
@FieldErrorCode('CERT_FIELD_INVALID')
@Controller('api/v1/admin')
export class PathsAdminController {
  constructor(
    private readonly memberships: PathMembershipService,
    private readonly applications: StageApplicationService,
    private readonly reviews: AnnualReviewService,
  ) {}

  @Get('paths/memberships')
  @ReviewerRoles('pdm', 'psa', 'operations')
  memberships_(@Query() q: ReviewerMembershipQuery) {
    return this.memberships.listForReviewer(q);
  }

  @Get('paths/memberships/:id')
  @ReviewerRoles('pdm', 'psa', 'operations')
  membership(@Param('id') id: string) {
    return this.memberships.getForReviewer(id);
  }

  /** 4.3.3, 4.3.7 */
  @Put('paths/memberships/:id/interlocks')
  @ReviewerRoles('pdm')
  interlocks(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: InterlocksDto) {
    return this.memberships.setInterlocks(ctx, id, dto);
  }

  /** PATH-016 */
  @Post('paths/memberships/:id/cancel-certification')
  @HttpCode(200)
  @ReviewerRoles('pdm')
  cancel(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: PathReasonDto) {
    return this.memberships.cancelCertification(ctx, id, dto.reason ?? '');
  }

  /** PATH-002 */
  @Get('si-whitelist')
  @ReviewerRoles('pdm', 'psa', 'operations')
  whitelist(@Query() q: PageQuery) {
    return this.memberships.listWhitelist(q);
  }

  @Post('si-whitelist')
  @ReviewerRoles('pdm')
  whitelistAdd(@Ctx() ctx: RequestContext, @Body() dto: SiWhitelistDto) {
    return this.memberships.addToWhitelist(ctx, { ...dto, reason: dto.reason ?? '' });
  }

  @Delete('si-whitelist/:id')
  @ReviewerRoles('pdm')
  whitelistRemove(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.memberships.removeFromWhitelist(ctx, id);
  }

  @Get('paths/stage-applications')
  @ReviewerRoles('pdm', 'psa', 'operations')
  applications_(@Query() q: ReviewerApplicationQuery) {
    return this.applications.listForReviewer(q);
  }

  @Get('paths/stage-applications/:id')
  @ReviewerRoles('pdm', 'psa', 'operations')
  application(@Param('id') id: string) {
    return this.applications.getForReviewer(id);
  }

  /** PATH-015 */
  @Post('paths/stage-applications/:id/bp-review')
  @HttpCode(200)
  @ReviewerRoles('pdm')
  bpReview(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: BpReviewDto) {
    return this.applications.scheduleBpReview(ctx, id, new Date(dto.bp_review_at));
  }

  @Post('paths/stage-applications/:id/attestations')
  @HttpCode(200)
  @ReviewerRoles('pdm')
  attest(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: AttestationsDto) {
    return this.applications.attest(ctx, id, dto);
  }

  @Post('paths/stage-applications/:id/approve')
  @HttpCode(200)
  @ReviewerRoles('pdm')
  approve(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.applications.approve(ctx, id);
  }

  @Post('paths/stage-applications/:id/reject')
  @HttpCode(200)
  @ReviewerRoles('pdm')
  reject(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: PathReasonDto) {
    return this.applications.reject(ctx, id, dto.reason ?? '');
  }

  /** PATH-017 */
  @Get('paths/annual-reviews')
  @ReviewerRoles('pdm', 'psa', 'operations')
  annualReviews(@Query() q: ReviewerAnnualReviewQuery) {
    return this.reviews.listForReviewer(q);
  }

  @Post('paths/annual-reviews/:id/decision')
  @HttpCode(200)
  @ReviewerRoles('pdm')
  decide(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: AnnualReviewDecisionDto) {
    return this.reviews.decide(ctx, id, dto.result, dto.comment ?? null);
  }
}
