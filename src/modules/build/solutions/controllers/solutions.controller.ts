import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  type StreamableFile,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AnyPartner,
  Ctx,
  FieldErrorCode,
  RequirePermission,
  ReviewerRoles,
} from '../../../../../libs/auth/index.js';
import type { RequestContext } from '../../../../../libs/context/index.js';
import { fileDownload } from '../../../../../libs/http/index.js';
import { BuildPermissions } from '../../build.permissions.js';
import {
  AdminListCertificationsQuery,
  CreateCertificationDto,
  CreateSolutionDto,
  ExpertReviewDto,
  ListCertificationsQuery,
  ListSolutionsQuery,
  MaterialDto,
  PdmReviewDto,
  PsaReviewDto,
  UpdateCertificationDto,
  UpdateSolutionDto,
} from '../dto/solutions.dto.js';
import { CloudServiceCatalogService } from '../services/cloud-service-catalog.service.js';
import { SolutionCertificationService } from '../services/solution-certification.service.js';

const VIEW = BuildPermissions.SolutionView;
const MANAGE = BuildPermissions.SolutionManage;

/** Solutions (build.md Permissions): view `build.solution.view`, create/edit `build.solution.manage`. */
@ApiTags('build: solutions')
@FieldErrorCode('BUILD_FIELD_INVALID')
@Controller('api/v1/solutions')
export class SolutionsController {
  constructor(private readonly service: SolutionCertificationService) {}

  /** BUILD-001 */
  @Post()
  @RequirePermission(MANAGE)
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateSolutionDto) {
    return this.service.createSolution(ctx, dto);
  }

  @Get()
  @RequirePermission(VIEW)
  list(@Ctx() ctx: RequestContext, @Query() q: ListSolutionsQuery) {
    return this.service.listSolutions(ctx, q);
  }

  @Get(':id')
  @RequirePermission(VIEW)
  get(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.service.getSolution(ctx, id);
  }

  @Patch(':id')
  @RequirePermission(MANAGE)
  update(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: UpdateSolutionDto) {
    return this.service.updateSolution(ctx, id, dto);
  }

  /** ∅ → draft (BUILD-001, BUILD-002, BUILD-003) */
  @Post(':id/certifications')
  @RequirePermission(MANAGE)
  createCertification(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: CreateCertificationDto,
  ) {
    return this.service.createCertification(ctx, id, dto);
  }

  @Get(':id/certifications')
  @RequirePermission(VIEW)
  certifications(@Ctx() ctx: RequestContext, @Param('id') id: string, @Query() q: ListCertificationsQuery) {
    return this.service.listCertificationsOfSolution(ctx, id, q);
  }
}

/** Certification applications and records of the partner's solutions. */
@ApiTags('build: solution certifications')
@FieldErrorCode('BUILD_FIELD_INVALID')
@Controller('api/v1/solution-certifications')
export class SolutionCertificationsController {
  constructor(private readonly service: SolutionCertificationService) {}

  /** "Build > Cloud software solutions / Advanced cloud software solutions" (filter by type and status). */
  @Get()
  @RequirePermission(VIEW)
  list(@Ctx() ctx: RequestContext, @Query() q: ListCertificationsQuery) {
    return this.service.listCertifications(ctx, q);
  }

  @Get(':id')
  @RequirePermission(VIEW)
  get(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.service.getCertification(ctx, id);
  }

  @Patch(':id')
  @RequirePermission(MANAGE)
  update(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: UpdateCertificationDto) {
    return this.service.updateCertification(ctx, id, dto);
  }

  /** Adds an uploaded material (`file_id` from object storage, with its `material_type`). */
  @Post(':id/materials')
  @RequirePermission(MANAGE)
  addMaterial(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: MaterialDto) {
    return this.service.addMaterial(ctx, id, dto);
  }

  @Delete(':id/materials/:fileId')
  @RequirePermission(MANAGE)
  removeMaterial(@Ctx() ctx: RequestContext, @Param('id') id: string, @Param('fileId') fileId: string) {
    return this.service.removeMaterial(ctx, id, fileId);
  }

  /** draft / rejected → pending_psa_pre_review (BUILD-004…007, BUILD-010, BUILD-016) */
  @Post(':id/submit')
  @HttpCode(200)
  @RequirePermission(MANAGE)
  submit(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.service.submit(ctx, id);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @RequirePermission(MANAGE)
  withdraw(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.service.withdraw(ctx, id);
  }

  /** BUILD-018: the PDF certificate of a valid certification. */
  @Get(':id/certificate')
  @RequirePermission(VIEW)
  async certificate(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<StreamableFile> {
    return fileDownload(await this.service.certificate(ctx, id));
  }
}

/** The cloud service catalogue used by the "3 or 1" standard (F-BUILD-1), readable by any partner user. */
@ApiTags('build: solutions')
@Controller('api/v1/cloud-services')
export class CloudServicesController {
  constructor(private readonly catalogue: CloudServiceCatalogService) {}

  @Get()
  @AnyPartner()
  list() {
    return this.catalogue.list();
  }
}

/** Reviewer steps (build.md Permissions): PSA pre-review, expert level-1, PDM supervisor level-2. */
@ApiTags('build: solution certification review')
@FieldErrorCode('BUILD_FIELD_INVALID')
@Controller('api/v1/admin/solution-certifications')
export class AdminSolutionCertificationsController {
  constructor(private readonly service: SolutionCertificationService) {}

  @Get()
  @ReviewerRoles('psa', 'expert', 'pdm')
  list(@Query() q: AdminListCertificationsQuery) {
    return this.service.listForReviewer(q);
  }

  @Get(':id')
  @ReviewerRoles('psa', 'expert', 'pdm')
  get(@Param('id') id: string) {
    return this.service.getForReviewer(id);
  }

  /** BUILD-011 */
  @Post(':id/psa-review')
  @HttpCode(200)
  @ReviewerRoles('psa')
  psaReview(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: PsaReviewDto) {
    return this.service.psaReview(ctx, id, dto);
  }

  /** BUILD-012 */
  @Post(':id/expert-review')
  @HttpCode(200)
  @ReviewerRoles('expert')
  expertReview(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: ExpertReviewDto) {
    return this.service.expertReview(ctx, id, dto);
  }

  /** BUILD-013, BUILD-014 (PDM with the `supervisor` flag) */
  @Post(':id/pdm-review')
  @HttpCode(200)
  @ReviewerRoles('pdm')
  pdmReview(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: PdmReviewDto) {
    return this.service.pdmReview(ctx, id, dto);
  }
}
