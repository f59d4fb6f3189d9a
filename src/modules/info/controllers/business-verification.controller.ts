import {
  Body,
  type CallHandler,
  Controller,
  type ExecutionContext,
  Get,
  HttpCode,
  HttpException,
  Injectable,
  type NestInterceptor,
  Param,
  Patch,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { Ctx, FieldErrorCode, RequirePermission, ReviewerRoles } from '../../../../libs/auth/index.js';
import type { RequestContext } from '../../../../libs/context/index.js';
import { fileDownload } from '../../../../libs/http/index.js';
import { BANK_LETTER_MAX_BYTES, type UploadedFile as LetterFile } from '../domain/business-verification.js';
import {
  AdminBusinessVerificationQuery,
  BusinessVerificationQuery,
  ChangeTaxDataDto,
  ContractingEntitySwitchDto,
  FailVerificationDto,
  OfflineBankChangeDto,
  RejectBankLetterDto,
  ReviewCommentDto,
  SubmitBusinessVerificationDto,
  ConfirmMicroDepositDto,
} from '../dto/business-verification.dto.js';
import { InfoErrors } from '../info.errors.js';
import { InfoPermissions } from '../info.permissions.js';
import { BusinessInfoVerificationService } from '../services/business-verification.service.js';

const MulterSingleFile = FileInterceptor('file', { limits: { fileSize: BANK_LETTER_MAX_BYTES, files: 1 } });

/**
 * Multipart upload of one bank-letter file (field `file`, INFO-031). Multer's own refusals (too large, more than
 * one file, another field name, a broken multipart body) answer 400 INFO_BANK_LETTER_FILE_INVALID instead of
 * its generic 400/413; what the file is and whether it is expected is the service's to check.
 */
@Injectable()
export class BankLetterUploadInterceptor implements NestInterceptor {
  private readonly multer = new MulterSingleFile();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(context, next);
    } catch (err) {
      if (err instanceof HttpException) {
        throw InfoErrors.fail('INFO_BANK_LETTER_FILE_INVALID', undefined, { reason: err.message });
      }
      throw err;
    }
  }
}

/** Partner side of business info verification (FAQ 6.2): info.business.view / info.business.manage. */
@ApiTags('info: business info')
@FieldErrorCode('INFO_FIELD_INVALID')
@Controller('api/v1/info/business-verifications')
export class BusinessVerificationController {
  constructor(private readonly verifications: BusinessInfoVerificationService) {}

  /** Submit or re-verify (INFO-023…INFO-028, INFO-032). */
  @Post()
  @RequirePermission(InfoPermissions.BusinessManage)
  submit(@Ctx() ctx: RequestContext, @Body() dto: SubmitBusinessVerificationDto) {
    return this.verifications.submit(ctx, dto);
  }

  @Get()
  @RequirePermission(InfoPermissions.BusinessView)
  current(@Ctx() ctx: RequestContext, @Query() q: BusinessVerificationQuery) {
    return this.verifications.current(ctx, q.contracting_entity);
  }

  /**
   * The partner enters the random micro-deposit amount (info.md Open point 3; only when the deployment sets
   * BUSINESS_INFO_REQUIRE_AMOUNT_CONFIRMATION, else 409 INFO_AMOUNT_CONFIRMATION_NOT_REQUIRED).
   */
  @Post(':id/micro-deposit-confirmation')
  @HttpCode(200)
  @RequirePermission(InfoPermissions.BusinessManage)
  confirmAmount(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: ConfirmMicroDepositDto) {
    return this.verifications.confirmAmount(ctx, id, dto.amount);
  }

  /** The draft bank letter prepared by operations, to print, stamp and upload (INFO-031). */
  @Get(':id/bank-letter/draft')
  @RequirePermission(InfoPermissions.BusinessView)
  draft(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.verifications.draftFile(ctx, id).then(fileDownload);
  }

  /** The stamped scan (multipart/form-data, field `file`: one PDF/JPG/PNG ≤ 10 MB, INFO-031). */
  @Post(':id/bank-letter')
  @RequirePermission(InfoPermissions.BusinessManage)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(BankLetterUploadInterceptor)
  uploadSigned(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @UploadedFile() file: LetterFile | undefined,
  ) {
    return this.verifications.uploadSignedLetter(ctx, id, file);
  }
}

/** Reviewer side (operations, the business info reviewer): the same service the admin-panel actions call. */
@ApiTags('admin: business info')
@FieldErrorCode('INFO_FIELD_INVALID')
@Controller('api/v1/admin/business-verifications')
export class AdminBusinessVerificationController {
  constructor(private readonly verifications: BusinessInfoVerificationService) {}

  @Get()
  @ReviewerRoles('operations')
  list(@Query() q: AdminBusinessVerificationQuery) {
    return this.verifications.list(q);
  }

  @Get(':id')
  @ReviewerRoles('operations')
  get(@Param('id') id: string) {
    return this.verifications.get(id);
  }

  /** Draft bank letter: an uploaded document (multipart, field `file`) or, without one, generated. */
  @Post(':id/bank-letter/draft')
  @HttpCode(200)
  @ReviewerRoles('operations')
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(BankLetterUploadInterceptor)
  draft(@Ctx() ctx: RequestContext, @Param('id') id: string, @UploadedFile() file: LetterFile | undefined) {
    return this.verifications.prepareDraft(ctx, id, file);
  }

  @Post(':id/bank-letter/accept')
  @HttpCode(200)
  @ReviewerRoles('operations')
  accept(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.verifications.acceptLetter(ctx, id);
  }

  @Post(':id/bank-letter/reject')
  @HttpCode(200)
  @ReviewerRoles('operations')
  reject(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: RejectBankLetterDto) {
    return this.verifications.rejectLetter(ctx, id, dto.reject_reason, dto.comment);
  }

  /** Manual review (6.2.8): verified. */
  @Post(':id/approve')
  @HttpCode(200)
  @ReviewerRoles('operations')
  approve(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.verifications.approveReview(ctx, id);
  }

  /** Manual review or bank letter: failed, the partner corrects its data and re-verifies. */
  @Post(':id/fail')
  @HttpCode(200)
  @ReviewerRoles('operations')
  fail(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: FailVerificationDto) {
    return this.verifications.failVerification(ctx, id, dto.reason);
  }

  /** Manual review: a bank letter is needed. */
  @Post(':id/require-bank-letter')
  @HttpCode(200)
  @ReviewerRoles('operations')
  requireBankLetter(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: ReviewCommentDto) {
    return this.verifications.requireBankLetter(ctx, id, dto.reason);
  }

  /** INFO-033: new bank data received offline (all 7 fields). */
  @Post(':id/offline-bank-change')
  @ReviewerRoles('operations')
  offlineBankChange(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: OfflineBankChangeDto) {
    return this.verifications.offlineBankChange(ctx, id, dto, dto.ticket_no);
  }

  /** INFO-027: taxpayer type / invoice mode changed on a ticket. */
  @Patch(':id/tax-data')
  @ReviewerRoles('operations')
  changeTaxData(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: ChangeTaxDataDto) {
    return this.verifications.changeTaxData(ctx, id, dto);
  }
}

/** J-INFO-4 trigger: contracting-entity switch of accounts (INFO-034). */
@ApiTags('admin: business info')
@FieldErrorCode('INFO_FIELD_INVALID')
@Controller('api/v1/admin/contracting-entity-switches')
export class AdminContractingEntitySwitchController {
  constructor(private readonly verifications: BusinessInfoVerificationService) {}

  @Post()
  @ReviewerRoles('operations')
  schedule(@Ctx() ctx: RequestContext, @Body() dto: ContractingEntitySwitchDto) {
    return this.verifications.scheduleSwitch(ctx, dto);
  }
}
