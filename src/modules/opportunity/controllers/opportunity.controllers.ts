import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AnyPartner,
  Ctx,
  FieldErrorCode,
  RequireAnyPermission,
  RequirePermission,
  ReviewerRoles,
  ReviewerRolesDenyingPartners,
} from '../../../../libs/auth/index.js';
import type { RequestContext } from '../../../../libs/context/index.js';
import {
  AdminListOpportunitiesQuery,
  AdminPatchOpportunityDto,
  AssignDto,
  CandidatesQuery,
  CreateOpportunityDto,
  CrmEventDto,
  FeedbackDto,
  ListOpportunitiesQuery,
  ProgressUpdateDto,
  ReasonDto,
  RejectHoDto,
  RepOfficeDto,
  ReviewDecisionDto,
  ShareHoDto,
  UpdateOpportunityDto,
  VerifyDecisionDto,
} from '../dto/opportunity.dto.js';
import { JoinPceDto, PceScoresDto, TerminateEnrollmentDto, WhitelistDto } from '../dto/pce.dto.js';
import { OpportunityPermissions as P } from '../opportunity.permissions.js';
import { OpportunityJobsService } from '../services/opportunity-jobs.service.js';
import { OpportunityReviewService, READ_ROLES } from '../services/opportunity-review.service.js';
import { OpportunityService } from '../services/opportunity.service.js';
import { PceEnrollmentService } from '../services/pce-enrollment.service.js';

/** PCE enrollment (OPP-001…OPP-003): self-service, automatic admission. */
@ApiTags('opportunity: pce')
@FieldErrorCode('OPP_FIELD_INVALID')
@Controller('api/v1/pce')
export class PceController {
  constructor(private readonly pce: PceEnrollmentService) {}

  /** OPP-001: not-onboarded accounts reach the handler and get 422 OPP_PCE_NOT_ONBOARDED. */
  @Post('enrollment')
  @RequirePermission(P.PceJoin, { allowNotOnboarded: true })
  join(@Ctx() ctx: RequestContext, @Body() dto: JoinPceDto) {
    return this.pce.join(ctx, dto);
  }

  @Get('enrollment')
  @AnyPartner()
  mine(@Ctx() ctx: RequestContext) {
    return this.pce.mine(ctx);
  }
}

/** Partner-side opportunities (api.md module endpoint index). */
@ApiTags('opportunity: partner')
@FieldErrorCode('OPP_FIELD_INVALID')
@Controller('api/v1/opportunities')
export class OpportunitiesController {
  constructor(private readonly opportunities: OpportunityService) {}

  /** OPP-075 (declared before `:id` routes) */
  @Post('feedback')
  @RequirePermission(P.FeedbackCreate)
  feedback(@Ctx() ctx: RequestContext, @Body() dto: FeedbackDto) {
    return this.opportunities.feedback(ctx, dto);
  }

  /** `opportunity.po.view` / `opportunity.ho.view`: either opens the list, the service narrows it by origin */
  @Get()
  @RequireAnyPermission([P.PoView, P.HoView])
  list(@Ctx() ctx: RequestContext, @Query() q: ListOpportunitiesQuery) {
    return this.opportunities.list(ctx, q);
  }

  @Get(':id')
  @RequireAnyPermission([P.PoView, P.HoView])
  get(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.opportunities.get(ctx, id);
  }

  @Post()
  @RequirePermission(P.PoCreate)
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateOpportunityDto) {
    return this.opportunities.create(ctx, dto);
  }

  @Put(':id')
  @RequirePermission(P.PoCreate)
  update(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: UpdateOpportunityDto) {
    return this.opportunities.update(ctx, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission(P.PoCreate)
  remove(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.opportunities.remove(ctx, id);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @RequirePermission(P.PoCreate)
  submit(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: UpdateOpportunityDto) {
    return this.opportunities.submit(ctx, id, dto);
  }

  @Post(':id/resubmit')
  @HttpCode(200)
  @RequirePermission(P.PoCreate)
  resubmit(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: UpdateOpportunityDto) {
    return this.opportunities.resubmit(ctx, id, dto);
  }

  /** OPP-018 / OPP-043: always refused for a submitted PO (the partner asks its PDM). */
  @Post(':id/cancel')
  @HttpCode(200)
  @RequirePermission(P.PoCreate)
  cancel(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.opportunities.partnerCancel(ctx, id);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @RequirePermission(P.HoRespond)
  accept(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.opportunities.acceptHo(ctx, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @RequirePermission(P.HoRespond)
  reject(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: RejectHoDto) {
    return this.opportunities.rejectHo(ctx, id, dto);
  }

  @Post(':id/progress-updates')
  @RequirePermission(P.ProgressUpdate)
  progress(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: ProgressUpdateDto) {
    return this.opportunities.addProgress(ctx, id, dto);
  }
}

/** Reviewer steps on opportunities (admin panel twins in opportunity.admin.ts). */
@ApiTags('opportunity: reviewers')
@FieldErrorCode('OPP_FIELD_INVALID')
@Controller('api/v1/admin/opportunities')
export class AdminOpportunitiesController {
  constructor(private readonly review: OpportunityReviewService) {}

  @Get()
  @ReviewerRoles(...READ_ROLES)
  list(@Ctx() ctx: RequestContext, @Query() q: AdminListOpportunitiesQuery) {
    return this.review.list(ctx, q);
  }

  /** OPP-061 (declared before `:id`) */
  @Get('ho/candidates')
  @ReviewerRoles('pdm', 'bd')
  candidates(@Query() q: CandidatesQuery) {
    return this.review.candidates(
      (q.offering_ids ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    );
  }

  @Post('ho')
  @ReviewerRoles('pdm', 'bd')
  share(@Ctx() ctx: RequestContext, @Body() dto: ShareHoDto) {
    return this.review.shareHo(ctx, dto);
  }

  @Get(':id')
  @ReviewerRoles(...READ_ROLES)
  get(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.review.get(ctx, id);
  }

  @Patch(':id')
  @ReviewerRoles('pdm', 'bd')
  patch(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: AdminPatchOpportunityDto) {
    return this.review.patch(ctx, id, dto);
  }

  @Post(':id/review')
  @HttpCode(200)
  @ReviewerRoles('pdm')
  decide(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: ReviewDecisionDto) {
    return this.review.review(ctx, id, dto);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @ReviewerRoles('pdm')
  assign(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: AssignDto) {
    return this.review.assign(ctx, id, dto);
  }

  @Post(':id/verify')
  @HttpCode(200)
  @ReviewerRoles('psm', 'bd')
  verify(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: VerifyDecisionDto) {
    return this.review.verify(ctx, id, dto);
  }

  /** OPP-043: PDM/PSM reach the handler and get 403 ORG_PERMISSION_DENIED; only the BD cancels. */
  @Post(':id/cancel')
  @HttpCode(200)
  @ReviewerRoles('bd', 'pdm', 'psm')
  cancel(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: ReasonDto) {
    return this.review.cancel(ctx, id, dto.reason);
  }

  /**
   * OPP-064: PDM or BD; a partner calling it is told, with 403 ORG_PERMISSION_DENIED, to ask its PDM
   * (acceptance scenario 27); reviewers of other roles get 403 REVIEWER_ROLE_REQUIRED.
   */
  @Post(':id/withdraw')
  @HttpCode(200)
  @ReviewerRolesDenyingPartners('pdm', 'bd')
  withdraw(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: ReasonDto) {
    return this.review.withdraw(ctx, id, dto.reason);
  }
}

@ApiTags('opportunity: reviewers')
@FieldErrorCode('OPP_FIELD_INVALID')
@Controller('api/v1/admin')
export class AdminPceController {
  constructor(
    private readonly pce: PceEnrollmentService,
    private readonly review: OpportunityReviewService,
    private readonly jobs: OpportunityJobsService,
  ) {}

  @Post('pce/whitelist/:partnerAccountId')
  @ReviewerRoles('pdm')
  whitelist(@Ctx() ctx: RequestContext, @Param('partnerAccountId') pid: string, @Body() dto: WhitelistDto) {
    return this.pce.whitelist(ctx, pid, dto.reason);
  }

  @Delete('pce/whitelist/:partnerAccountId')
  @ReviewerRoles('pdm')
  unwhitelist(@Ctx() ctx: RequestContext, @Param('partnerAccountId') pid: string) {
    return this.pce.unwhitelist(ctx, pid);
  }

  @Post('pce/enrollments/:partnerAccountId/terminate')
  @HttpCode(200)
  @ReviewerRoles('pdm')
  terminate(
    @Ctx() ctx: RequestContext,
    @Param('partnerAccountId') pid: string,
    @Body() dto: TerminateEnrollmentDto,
  ) {
    return this.pce.terminate(ctx, pid, dto.reason);
  }

  @Put('pce/enrollments/:partnerAccountId/scores')
  @ReviewerRoles('pdm')
  scores(@Ctx() ctx: RequestContext, @Param('partnerAccountId') pid: string, @Body() dto: PceScoresDto) {
    return this.pce.setScores(ctx, pid, dto);
  }

  @Get('pce/rep-offices')
  @ReviewerRoles('operations', 'pdm')
  repOffices() {
    return this.review.listRepOffices();
  }

  @Put('pce/rep-offices/:code')
  @ReviewerRoles('operations')
  saveRepOffice(@Ctx() ctx: RequestContext, @Param('code') code: string, @Body() dto: RepOfficeDto) {
    return this.review.upsertRepOffice(ctx, code, dto);
  }

  /** CRM inbound events (admin/service token), idempotent on event_id. */
  @Post('integrations/crm/events')
  @HttpCode(200)
  @ReviewerRoles('bd')
  crmEvent(@Ctx() ctx: RequestContext, @Body() dto: CrmEventDto) {
    return this.jobs.crmEvent(ctx, dto);
  }
}
