import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQuery } from '../../../../../libs/http/index.js';
import type { ProgramMembershipStatus } from '../../ports/membership.port.js';
import type { DistributorType, TableProgram } from '../entities/program.entities.js';

const DISTRIBUTOR_TYPES: readonly DistributorType[] = ['regional', 'national'];
const STATUSES: readonly ProgramMembershipStatus[] = [
  'pending_review',
  'pending_distributor_review',
  'active',
  'expired',
  'exited',
  'rejected',
  'withdrawn',
];

export class ApplySolutionProviderDto {
  /** PROG-005: the Huawei representative office of the business location (operations may set it on approval) */
  @IsOptional()
  @IsString()
  @Length(1, 64)
  representative_office?: string;
}

/** PROG-015 (a): the intended distributor, by its membership id or its partner account id. */
export class ApplyCloudResellerDto {
  @IsOptional()
  @IsString()
  @Length(1, 36)
  distributor_membership_id?: string;

  @IsOptional()
  @IsString()
  @Length(1, 36)
  intended_distributor_membership_id?: string;

  @IsOptional()
  @IsString()
  @Length(1, 36)
  distributor_partner_account_id?: string;
}

export class InviteResellerDto {
  @IsString()
  @Length(1, 36)
  invitee_partner_account_id: string;
}

export class ReasonDto {
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ReviewDto {
  @IsOptional()
  @IsString()
  @Length(1, 64)
  representative_office?: string;

  @IsOptional()
  @IsString()
  @MaxLength(32)
  ticket_no?: string;
}

export class ExitDto {
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;

  @IsOptional()
  @IsString()
  @MaxLength(32)
  ticket_no?: string;
}

export class ManualRenewalDto {
  @IsOptional()
  @IsString()
  @MaxLength(32)
  ticket_no?: string;
}

export class DoNotRenewDto {
  @IsBoolean()
  do_not_renew: boolean;
}

export class CoreProductDto {
  @IsBoolean()
  core_product_capability: boolean;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  core_products?: string[];
}

export class DistributorInvitationDto {
  @IsString()
  @Length(1, 36)
  partner_account_id: string;

  @IsIn(DISTRIBUTOR_TYPES)
  distributor_type: DistributorType;

  /** 1 = Beijing, Shanghai, Guangdong, Shenzhen; 2 = …; 3 = rest (10.5.3); regional distributors only */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3)
  region_class?: number;
}

export class ConvertToDistributorDto {
  @IsIn(DISTRIBUTOR_TYPES)
  distributor_type: DistributorType;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3)
  region_class?: number;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;

  @IsOptional()
  @IsString()
  @MaxLength(32)
  ticket_no?: string;
}

export class SpQuotaDto {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  max_accounts: number;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class AssessmentUploadDto {
  /** CSV text: header `uscc,program,year,result,resulting_level` */
  @IsString()
  @Length(1, 1_000_000)
  csv: string;
}

export class AdminListQuery extends PageQuery {
  @IsOptional()
  @IsIn(['solution_provider', 'distributor', 'cloud_reseller'])
  program?: TableProgram;

  @IsOptional()
  @IsIn(STATUSES)
  status?: ProgramMembershipStatus;

  @IsOptional()
  @IsString()
  @Length(1, 36)
  partner_account_id?: string;
}

export class StatusQuery {
  @IsOptional()
  @IsString()
  @MaxLength(32)
  status?: string;
}

export class AssessmentQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @IsOptional()
  @IsIn(['solution_provider', 'distributor'])
  program?: string;
}
