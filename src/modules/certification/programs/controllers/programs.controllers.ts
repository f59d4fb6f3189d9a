/**
 * Partner programs over HTTP (certification-paths.md "Acceptance scenarios" endpoint list, api.md module
 * endpoint index). Thin controllers: one access declaration and one delegating line each.
 */
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  Ctx,
  FieldErrorCode,
  PartnerAdminOnly,
  RequirePermission,
  ReviewerRoles,
} from '../../../../../libs/auth/index.js';
import type { RequestContext } from '../../../../../libs/context/index.js';
import { fileDownload } from '../../../../../libs/http/index.js';
import {
  AdminListQuery,
  ApplyCloudResellerDto,
  ApplySolutionProviderDto,
  AssessmentQuery,
  AssessmentUploadDto,
  ConvertToDistributorDto,
  CoreProductDto,
  DistributorInvitationDto,
  DoNotRenewDto,
  ExitDto,
  InviteResellerDto,
  ManualRenewalDto,
  ReasonDto,
  ReviewDto,
  SpQuotaDto,
  StatusQuery,
} from '../dto/programs.dto.js';
import { ProgramPermissions } from '../programs.permissions.js';
import { ProgramMembershipService } from '../services/program-membership.service.js';
import { ProgramScorecardService } from '../services/program-scorecard.service.js';

/** The partner side: memberships, applications, invitations, certificates, scorecard, level upgrades. */
@ApiTags('certification: partner programs')
@FieldErrorCode('CERT_FIELD_INVALID')
@Controller('api/v1/programs')
export class ProgramsController {
  constructor(
    private readonly programs: ProgramMembershipService,
    private readonly scorecards: ProgramScorecardService,
  ) {}

  @Get('joined')
  @RequirePermission(ProgramPermissions.ProgramView)
  joined(@Ctx() ctx: RequestContext) {
    return this.programs.joined(ctx);
  }

  @Get('memberships')
  @RequirePermission(ProgramPermissions.ProgramView)
  memberships(@Ctx() ctx: RequestContext) {
    return this.programs.mine(ctx);
  }

  @Get('memberships/:id')
  @RequirePermission(ProgramPermissions.ProgramView)
  membership(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.programs.getMine(ctx, id);
  }

  @Get('memberships/:id/certificate')
  @RequirePermission(ProgramPermissions.ProgramView)
  async certificate(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return fileDownload(await this.programs.certificate(ctx, id));
  }

  /** Spec state table (SP): `pending_review` → `withdrawn` by the partner admin only. */
  @Post('memberships/:id/withdraw')
  @HttpCode(200)
  @PartnerAdminOnly()
  withdraw(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.programs.withdraw(ctx, id);
  }

  /** PROG-012: always refused (offline via the ecosystem manager). */
  @Post('memberships/:id/exit')
  @HttpCode(200)
  @RequirePermission(ProgramPermissions.ProgramManage)
  exit(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.programs.refuseExit(ctx, id);
  }

  /** PROG-008: always refused (automatic renewal). */
  @Post('memberships/:id/renewal')
  @HttpCode(200)
  @RequirePermission(ProgramPermissions.ProgramManage)
  renewal(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.programs.refuseRenewal(ctx, id);
  }

  @Post('solution-provider/applications')
  @RequirePermission(ProgramPermissions.ProgramManage)
  applySp(@Ctx() ctx: RequestContext, @Body() dto: ApplySolutionProviderDto) {
    return this.programs.applySolutionProvider(ctx, dto);
  }

  @Post('solution-provider/level-upgrades')
  @RequirePermission(ProgramPermissions.ProgramManage)
  applyUpgrade(@Ctx() ctx: RequestContext) {
    return this.scorecards.applyLevelUpgrade(ctx);
  }

  @Get('solution-provider/level-upgrades')
  @RequirePermission(ProgramPermissions.ProgramView)
  upgrades(@Ctx() ctx: RequestContext) {
    return this.scorecards.myLevelUpgrades(ctx);
  }

  /** `:program` = `solution-provider` | `distributor`. */
  @Get(':program/scorecard')
  @RequirePermission(ProgramPermissions.ProgramView)
  scorecard(@Ctx() ctx: RequestContext, @Param('program') program: string) {
    return this.scorecards.scorecard(ctx, program);
  }

  @Get(':program/assessments')
  @RequirePermission(ProgramPermissions.ProgramView)
  assessments(@Ctx() ctx: RequestContext, @Param('program') program: string, @Query() q: AssessmentQuery) {
    return this.scorecards.assessments(ctx, program, q.year);
  }

  @Get(':program/certificate')
  @RequirePermission(ProgramPermissions.ProgramView)
  async programCertificate(@Ctx() ctx: RequestContext, @Param('program') program: string) {
    return fileDownload(await this.programs.certificateOfProgram(ctx, program));
  }

  /** PROG-001: always refused (invitation only). */
  @Post('distributor/applications')
  @RequirePermission(ProgramPermissions.ProgramManage)
  applyDistributor() {
    return this.programs.applyDistributor();
  }

  @Get('distributor-invitations')
  @RequirePermission(ProgramPermissions.ProgramView)
  distributorInvitations(@Ctx() ctx: RequestContext) {
    return this.programs.myDistributorInvitations(ctx);
  }

  @Post('distributor-invitations/:id/accept')
  @HttpCode(200)
  @RequirePermission(ProgramPermissions.ProgramManage)
  acceptDistributor(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.programs.acceptDistributorInvitation(ctx, id);
  }

  /** Spec state table (distributor): invitation `pending` → `declined` by the partner admin only. */
  @Post('distributor-invitations/:id/decline')
  @HttpCode(200)
  @PartnerAdminOnly()
  declineDistributor(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.programs.declineDistributorInvitation(ctx, id);
  }

  @Post('cloud-reseller/applications')
  @RequirePermission(ProgramPermissions.ProgramManage)
  applyReseller(@Ctx() ctx: RequestContext, @Body() dto: ApplyCloudResellerDto) {
    return this.programs.applyCloudReseller(ctx, dto);
  }

  /** Distributor side: applications naming the caller. */
  @Get('cloud-reseller/applications')
  @RequirePermission(ProgramPermissions.ResellerManage)
  resellerApplications(@Ctx() ctx: RequestContext) {
    return this.programs.distributorApplications(ctx);
  }

  @Post('cloud-reseller/applications/:id/approve')
  @HttpCode(200)
  @RequirePermission(ProgramPermissions.ResellerManage)
  approveReseller(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.programs.distributorDecide(ctx, id, 'approve');
  }

  @Post('cloud-reseller/applications/:id/reject')
  @HttpCode(200)
  @RequirePermission(ProgramPermissions.ResellerManage)
  rejectReseller(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: ReasonDto) {
    return this.programs.distributorDecide(ctx, id, 'reject', dto.reason);
  }

  @Post('cloud-reseller/invitations')
  @RequirePermission(ProgramPermissions.ResellerManage)
  inviteReseller(@Ctx() ctx: RequestContext, @Body() dto: InviteResellerDto) {
    return this.programs.inviteReseller(ctx, dto);
  }

  @Get('cloud-reseller/invitations')
  @RequirePermission(ProgramPermissions.ResellerManage)
  sentInvitations(@Ctx() ctx: RequestContext) {
    return this.programs.sentResellerInvitations(ctx);
  }

  @Get('cloud-reseller/invitations/received')
  @RequirePermission(ProgramPermissions.ProgramView)
  receivedInvitations(@Ctx() ctx: RequestContext) {
    return this.programs.receivedResellerInvitations(ctx);
  }

  @Post('cloud-reseller/invitations/:id/revoke')
  @HttpCode(200)
  @RequirePermission(ProgramPermissions.ResellerManage)
  revokeInvitation(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.programs.revokeResellerInvitation(ctx, id);
  }

  @Post('cloud-reseller/invitations/:id/accept')
  @HttpCode(200)
  @RequirePermission(ProgramPermissions.ProgramManage)
  acceptInvitation(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.programs.acceptResellerInvitation(ctx, id);
  }

  @Post('cloud-reseller/invitations/:id/decline')
  @HttpCode(200)
  @RequirePermission(ProgramPermissions.ProgramManage)
  declineInvitation(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.programs.declineResellerInvitation(ctx, id);
  }

  /** PROG-017: always refused for a cloud reseller. */
  @Post('cloud-reseller/change-distributor')
  @HttpCode(200)
  @RequirePermission(ProgramPermissions.ProgramManage)
  changeDistributor(@Ctx() ctx: RequestContext) {
    return this.programs.refuseChangeDistributor(ctx);
  }

  /** PROG-018: always refused (conversion by the ecosystem manager). */
  @Post('cloud-reseller/upgrade-to-distributor')
  @HttpCode(200)
  @RequirePermission(ProgramPermissions.ProgramManage)
  upgradeToDistributor(@Ctx() ctx: RequestContext) {
    return this.programs.refuseUpgradeToDistributor(ctx);
  }
}

/** Reviewer endpoints (admin panel actions call the same service methods). */
@ApiTags('certification: partner programs (reviewers)')
@FieldErrorCode('CERT_FIELD_INVALID')
@Controller('api/v1/admin')
export class AdminProgramsController {
  constructor(
    private readonly programs: ProgramMembershipService,
    private readonly scorecards: ProgramScorecardService,
  ) {}

  @Get('programs/memberships')
  @ReviewerRoles('pdm', 'psa', 'tse', 'expert', 'psm', 'bd', 'operations', 'finance')
  list(@Query() q: AdminListQuery) {
    return this.programs.adminList(q);
  }

  @Get('programs/memberships/:id')
  @ReviewerRoles('pdm', 'psa', 'tse', 'expert', 'psm', 'bd', 'operations', 'finance')
  get(@Param('id') id: string) {
    return this.programs.adminGet(id);
  }

  /** SP application (operations) / Huawei review of a cloud-reseller application (PDM, operations). */
  @Post('programs/memberships/:id/approve')
  @HttpCode(200)
  @ReviewerRoles('operations', 'pdm')
  approve(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: ReviewDto) {
    return this.programs.approve(ctx, id, dto);
  }

  @Post('programs/memberships/:id/reject')
  @HttpCode(200)
  @ReviewerRoles('operations', 'pdm')
  reject(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: ReasonDto) {
    return this.programs.reject(ctx, id, dto.reason ?? '');
  }

  /** PROG-012: offline exit (PDM; cloud reseller also bd). */
  @Post('programs/memberships/:id/exit')
  @HttpCode(200)
  @ReviewerRoles('pdm', 'bd')
  exit(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: ExitDto) {
    return this.programs.exit(ctx, id, dto);
  }

  /** PROG-021: manual renewal after a late result. */
  @Post('programs/memberships/:id/renewal')
  @HttpCode(200)
  @ReviewerRoles('operations')
  renew(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: ManualRenewalDto) {
    return this.programs.manualRenewal(ctx, id, dto);
  }

  @Put('programs/memberships/:id/do-not-renew')
  @ReviewerRoles('operations')
  doNotRenew(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: DoNotRenewDto) {
    return this.programs.setDoNotRenew(ctx, id, dto.do_not_renew);
  }

  @Put('programs/memberships/:id/core-product-capability')
  @ReviewerRoles('pdm')
  coreProducts(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: CoreProductDto) {
    return this.programs.setCoreProductCapability(ctx, id, dto);
  }

  /** PROG-018: cloud reseller → distributor on the same account. */
  @Post('programs/memberships/:id/convert-to-distributor')
  @HttpCode(200)
  @ReviewerRoles('pdm')
  convert(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: ConvertToDistributorDto) {
    return this.programs.convertToDistributor(ctx, id, dto);
  }

  /** PROG-005: SP account quota of a legal entity (PDM). */
  @Put('legal-entities/:id/sp-quota')
  @ReviewerRoles('pdm')
  setQuota(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: SpQuotaDto) {
    return this.programs.setSpQuota(ctx, id, dto);
  }

  @Get('legal-entities/:id/sp-quota')
  @ReviewerRoles('pdm', 'operations')
  quota(@Param('id') id: string) {
    return this.programs.getSpQuota(id);
  }

  @Post('programs/distributor-invitations')
  @ReviewerRoles('pdm', 'operations')
  invite(@Ctx() ctx: RequestContext, @Body() dto: DistributorInvitationDto) {
    return this.programs.inviteDistributor(ctx, dto);
  }

  @Get('programs/distributor-invitations')
  @ReviewerRoles('pdm', 'operations')
  invitations(@Query() q: StatusQuery) {
    return this.programs.listDistributorInvitations(q);
  }

  @Post('programs/distributor-invitations/:id/revoke')
  @HttpCode(200)
  @ReviewerRoles('pdm', 'operations')
  revoke(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.programs.revokeDistributorInvitation(ctx, id);
  }

  @Get('programs/level-upgrades')
  @ReviewerRoles('pdm')
  upgrades(@Query() q: StatusQuery) {
    return this.scorecards.listUpgrades(q);
  }

  @Post('programs/level-upgrades/:id/approve')
  @HttpCode(200)
  @ReviewerRoles('pdm')
  approveUpgrade(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.scorecards.approveUpgrade(ctx, id);
  }

  @Post('programs/level-upgrades/:id/reject')
  @HttpCode(200)
  @ReviewerRoles('pdm')
  rejectUpgrade(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: ReasonDto) {
    return this.scorecards.rejectUpgrade(ctx, id, dto.reason ?? '');
  }

  /** Operations upload of assessment results (CSV text in a JSON body). */
  @Post('programs/assessments/upload')
  @HttpCode(200)
  @ReviewerRoles('operations')
  upload(@Ctx() ctx: RequestContext, @Body() dto: AssessmentUploadDto) {
    return this.scorecards.uploadAssessments(ctx, dto.csv);
  }

  @Get('programs/assessments')
  @ReviewerRoles('operations', 'pdm')
  assessments(@Query() q: AssessmentQuery) {
    return this.scorecards.listAssessments(q);
  }
}
