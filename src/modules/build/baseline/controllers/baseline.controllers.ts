import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AnyPartner,
  Ctx,
  FieldErrorCode,
  PartnerAdminOnly,
  RequirePermission,
  ReviewerRoles,
} from '../../../../../libs/auth/index.js';
import type { RequestContext } from '../../../../../libs/context/index.js';
import { BuildPermissions } from '../../build.permissions.js';
import {
  AdminCreateBaselineDto,
  AdminListEnrollmentsQuery,
  AdminListMembershipsQuery,
  AdvanceStageDto,
  BaselineDecisionDto,
  CommentDto,
  CreateBaselineDto,
  InitialReviewDto,
  ListBaselinesQuery,
  ListEnrollmentsQuery,
  ListMembershipsQuery,
  ProgramParam,
  RequestAdmissionDto,
  ScheduleMeetingDto,
  SolutionCodeDto,
  SubmitLaunchDto,
  UpdateBaselineDto,
} from '../dto/baseline.dto.js';
import { BaselineService } from '../services/baseline.service.js';
import { EcosystemService } from '../services/ecosystem.service.js';
import { OfferingService } from '../services/offering.service.js';

/** Baseline solutions, partner side (BUILD-020…BUILD-029): partner admin or org member with `build.baseline.manage`. */
@ApiTags('build: baseline solutions')
@FieldErrorCode('BUILD_FIELD_INVALID')
@Controller('api/v1/baseline-solutions')
export class BaselineSolutionsController {
  constructor(private readonly baselines: BaselineService) {}

  /** BUILD-020: a not-onboarded account gets the rule's own 422 BASELINE_PARTNER_NOT_ONBOARDED. */
  @Post()
  @RequirePermission(BuildPermissions.BaselineManage, { allowNotOnboarded: true })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateBaselineDto) {
    return this.baselines.create(ctx, dto);
  }

  @Get()
  @RequirePermission(BuildPermissions.BaselineManage)
  list(@Ctx() ctx: RequestContext, @Query() q: ListBaselinesQuery) {
    return this.baselines.listForPartner(ctx, q);
  }

  @Get(':id')
  @RequirePermission(BuildPermissions.BaselineManage)
  get(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.baselines.getForPartner(ctx, id);
  }

  @Patch(':id')
  @RequirePermission(BuildPermissions.BaselineManage)
  update(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: UpdateBaselineDto) {
    return this.baselines.update(ctx, id, dto);
  }

  @Post(':id/submit-initiation')
  @HttpCode(200)
  @RequirePermission(BuildPermissions.BaselineManage)
  submitInitiation(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.baselines.submitInitiation(ctx, id);
  }

  @Post(':id/submit-launch')
  @HttpCode(200)
  @RequirePermission(BuildPermissions.BaselineManage)
  submitLaunch(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: SubmitLaunchDto) {
    return this.baselines.submitLaunch(ctx, id, dto.materials);
  }
}

/** The account's offerings (build.md `Offering` view, BUILD-030). */
@ApiTags('build: offerings')
@FieldErrorCode('BUILD_FIELD_INVALID')
@Controller('api/v1/offerings')
export class OfferingsController {
  constructor(private readonly offerings: OfferingService) {}

  @Get()
  @AnyPartner()
  list(@Ctx() ctx: RequestContext) {
    return this.offerings.listForPartner(ctx.partnerAccountId);
  }
}

/** Reviewer steps on baseline solutions (PDM; PSA for feature-list verification and joint stages). */
@ApiTags('admin: baseline solutions')
@FieldErrorCode('BUILD_FIELD_INVALID')
@Controller('api/v1/admin/baseline-solutions')
export class AdminBaselineSolutionsController {
  constructor(private readonly baselines: BaselineService) {}

  /** BUILD-029: Huawei-led baseline for the chosen partner. */
  @Post()
  @ReviewerRoles('pdm')
  create(@Ctx() ctx: RequestContext, @Body() dto: AdminCreateBaselineDto) {
    return this.baselines.createHuaweiLed(ctx, dto);
  }

  @Get()
  @ReviewerRoles('pdm', 'psa')
  list(@Query() q: ListBaselinesQuery) {
    return this.baselines.listForReviewer(q);
  }

  @Get(':id')
  @ReviewerRoles('pdm', 'psa')
  get(@Param('id') id: string) {
    return this.baselines.getForReviewer(id);
  }

  @Patch(':id')
  @ReviewerRoles('pdm')
  update(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: UpdateBaselineDto) {
    return this.baselines.adminUpdate(ctx, id, dto);
  }

  @Post(':id/submit-initiation')
  @HttpCode(200)
  @ReviewerRoles('pdm')
  submitInitiation(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.baselines.adminSubmitInitiation(ctx, id);
  }

  @Post(':id/submit-launch')
  @HttpCode(200)
  @ReviewerRoles('pdm')
  submitLaunch(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: SubmitLaunchDto) {
    return this.baselines.adminSubmitLaunch(ctx, id, dto.materials);
  }

  @Post(':id/verify-feature-list')
  @HttpCode(200)
  @ReviewerRoles('pdm', 'psa')
  verifyFeatureList(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.baselines.verifyFeatureList(ctx, id);
  }

  /** BUILD-022 */
  @Post(':id/initial-review')
  @HttpCode(200)
  @ReviewerRoles('pdm')
  initialReview(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: InitialReviewDto) {
    return this.baselines.initialReview(ctx, id, dto);
  }

  @Put(':id/review-meeting')
  @ReviewerRoles('pdm')
  reschedule(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: ScheduleMeetingDto) {
    return this.baselines.rescheduleMeeting(ctx, id, dto);
  }

  /** BUILD-023 */
  @Post(':id/meeting-review')
  @HttpCode(200)
  @ReviewerRoles('pdm')
  meetingReview(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: BaselineDecisionDto) {
    return this.baselines.meetingReview(ctx, id, dto);
  }

  /** BUILD-024 */
  @Put(':id/solution-code')
  @ReviewerRoles('pdm')
  solutionCode(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: SolutionCodeDto) {
    return this.baselines.recordSolutionCode(ctx, id, dto.solution_code);
  }

  /** BUILD-024, BUILD-025 (Open point 9) */
  @Post(':id/advance')
  @HttpCode(200)
  @ReviewerRoles('pdm', 'psa')
  advance(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: AdvanceStageDto) {
    return this.baselines.advance(ctx, id, dto.to, dto.comment);
  }

  /** BUILD-027, BUILD-028 */
  @Post(':id/launch-review')
  @HttpCode(200)
  @ReviewerRoles('pdm')
  launchReview(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: BaselineDecisionDto) {
    return this.baselines.launchReview(ctx, id, dto);
  }

  @Post(':id/terminate')
  @HttpCode(200)
  @ReviewerRoles('pdm')
  terminate(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: CommentDto) {
    return this.baselines.terminate(ctx, id, dto.comment);
  }
}

/** Ecosystem special programs, partner side (BUILD-031): joining and leaving is for the partner admin. */
@ApiTags('build: ecosystem special programs')
@FieldErrorCode('BUILD_FIELD_INVALID')
@Controller('api/v1/ecosystem-programs')
export class EcosystemProgramsController {
  constructor(private readonly ecosystem: EcosystemService) {}

  @Get('memberships')
  @RequirePermission(BuildPermissions.SolutionView)
  list(@Ctx() ctx: RequestContext, @Query() q: ListMembershipsQuery) {
    return this.ecosystem.listMemberships(ctx, q);
  }

  @Post(':program/membership')
  @PartnerAdminOnly()
  join(@Ctx() ctx: RequestContext, @Param() p: ProgramParam) {
    return this.ecosystem.applyMembership(ctx, p.program);
  }

  @Delete(':program/membership')
  @PartnerAdminOnly()
  leave(@Ctx() ctx: RequestContext, @Param() p: ProgramParam) {
    return this.ecosystem.leaveMembership(ctx, p.program);
  }
}

/** Admission and technical certification of solutions (BUILD-031…BUILD-034). */
@ApiTags('build: ecosystem enrollments')
@FieldErrorCode('BUILD_FIELD_INVALID')
@Controller('api/v1/ecosystem-enrollments')
export class EcosystemEnrollmentsController {
  constructor(private readonly ecosystem: EcosystemService) {}

  @Post()
  @RequirePermission(BuildPermissions.SolutionManage)
  requestAdmission(@Ctx() ctx: RequestContext, @Body() dto: RequestAdmissionDto) {
    return this.ecosystem.requestAdmission(ctx, dto);
  }

  @Get()
  @RequirePermission(BuildPermissions.SolutionView)
  list(@Ctx() ctx: RequestContext, @Query() q: ListEnrollmentsQuery) {
    return this.ecosystem.listEnrollments(ctx, q);
  }

  @Get(':id')
  @RequirePermission(BuildPermissions.SolutionView)
  get(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.ecosystem.getEnrollment(ctx, id);
  }

  @Post(':id/technical-certification')
  @HttpCode(200)
  @RequirePermission(BuildPermissions.SolutionManage)
  requestTechnical(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.ecosystem.requestTechnical(ctx, id);
  }
}

/** Reviewer decisions on ecosystem memberships and enrollments (Open point 7). */
@ApiTags('admin: ecosystem special programs')
@FieldErrorCode('BUILD_FIELD_INVALID')
@Controller('api/v1/admin')
export class AdminEcosystemController {
  constructor(private readonly ecosystem: EcosystemService) {}

  @Get('ecosystem-memberships')
  @ReviewerRoles('pdm', 'psa', 'expert')
  memberships(@Query() q: AdminListMembershipsQuery) {
    return this.ecosystem.listMembershipsForReviewer(q);
  }

  @Post('ecosystem-memberships/:id/review')
  @HttpCode(200)
  @ReviewerRoles('pdm')
  reviewMembership(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: BaselineDecisionDto) {
    return this.ecosystem.reviewMembership(ctx, id, dto);
  }

  @Get('ecosystem-enrollments')
  @ReviewerRoles('pdm', 'psa', 'expert')
  enrollments(@Query() q: AdminListEnrollmentsQuery) {
    return this.ecosystem.listEnrollmentsForReviewer(q);
  }

  @Get('ecosystem-enrollments/:id')
  @ReviewerRoles('pdm', 'psa', 'expert')
  enrollment(@Param('id') id: string) {
    return this.ecosystem.getEnrollmentForReviewer(id);
  }

  @Post('ecosystem-enrollments/:id/admission-review')
  @HttpCode(200)
  @ReviewerRoles('pdm')
  admissionReview(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: BaselineDecisionDto) {
    return this.ecosystem.admissionReview(ctx, id, dto);
  }

  @Post('ecosystem-enrollments/:id/technical-review')
  @HttpCode(200)
  @ReviewerRoles('expert')
  technicalReview(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: BaselineDecisionDto) {
    return this.ecosystem.technicalReview(ctx, id, dto);
  }
}
