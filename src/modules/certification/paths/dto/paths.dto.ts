/**
 * Request shapes of the path endpoints (snake_case JSON). Shape failures answer `400 CERT_FIELD_INVALID`
 * (`details.field`); rules with their own codes are checked in the services.
 */
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { isValidDate } from '../../../../../libs/calendar/index.js';
import { PageQuery } from '../../../../../libs/http/index.js';
import type { DevelopmentPath, PathMembershipStatus } from '../../ports/membership.port.js';
import type { AnnualReviewStatus, StageApplicationStatus, TargetStage } from '../entities/path.entities.js';

@ValidatorConstraint({ name: 'calendarDate' })
class CalendarDate implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isValidDate(value);
  }
  defaultMessage(): string {
    return '$property must be a calendar date YYYY-MM-DD';
  }
}

const ID = /^[0-9A-Za-z-]{1,36}$/;
export const PATHS: readonly DevelopmentPath[] = ['software', 'service', 'si', 'lp'];
const TARGETS: readonly TargetStage[] = ['role_certification', 'capability_differentiation'];

export class JoinPathDto {
  @IsIn(PATHS)
  path: DevelopmentPath;
}

export class SubmitStageApplicationDto {
  @IsIn(TARGETS)
  target_stage: TargetStage;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(ID, { each: true })
  case_ids?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @Matches(ID, { each: true })
  employment_proof_ids?: string[];

  @IsOptional()
  @IsString()
  @Length(1, 64)
  bp_file_id?: string;

  @IsOptional()
  @IsString()
  @Length(1, 64)
  company_ppt_file_id?: string;
}

export class RegisterServiceCaseDto {
  @IsString()
  @Length(1, 200)
  title: string;

  @IsString()
  @Length(1, 200)
  customer_name: string;

  @Validate(CalendarDate)
  project_date: string;

  @IsBoolean()
  is_huawei_cloud: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  public_url?: string;

  @IsString()
  @Length(1, 4000)
  description: string;

  @IsOptional()
  @IsString()
  @Length(1, 64)
  file_id?: string;
}

export class RegisterEmploymentProofDto {
  @IsString()
  @Length(1, 64)
  file_id: string;

  @IsString()
  @Length(1, 200)
  issuer_name: string;

  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(500)
  @Matches(ID, { each: true })
  covered_personal_account_ids: string[];
}

export class AnnualReviewSubmissionDto {
  @IsOptional()
  @IsObject()
  materials?: Record<string, unknown>;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  file_ids?: string[];

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class ListStageApplicationsQuery {
  @IsOptional()
  @Matches(ID)
  membership_id?: string;

  @IsOptional()
  @IsIn(['pending_review', 'bp_review_scheduled', 'approved', 'rejected', 'withdrawn'])
  status?: StageApplicationStatus;
}

// --- reviewer ---------------------------------------------------------------------------------------------------

export class ReviewerMembershipQuery extends PageQuery {
  @IsOptional()
  @Matches(ID)
  partner_account_id?: string;

  @IsOptional()
  @IsIn(PATHS)
  path?: DevelopmentPath;

  @IsOptional()
  @IsIn(['active', 'exited'])
  status?: PathMembershipStatus;
}

export class ReviewerApplicationQuery extends PageQuery {
  @IsOptional()
  @IsIn(['pending_review', 'bp_review_scheduled', 'approved', 'rejected', 'withdrawn'])
  status?: StageApplicationStatus;

  @IsOptional()
  @IsIn(PATHS)
  path?: DevelopmentPath;

  @IsOptional()
  @Matches(ID)
  partner_account_id?: string;
}

export class ReviewerAnnualReviewQuery extends PageQuery {
  @IsOptional()
  @IsIn(['open', 'submitted', 'missed', 'passed', 'downgraded', 'failed'])
  status?: AnnualReviewStatus;
}

/** SI whitelist entry: the legal entity, or a partner account of it (resolved to its legal entity). */
export class SiWhitelistDto {
  @IsOptional()
  @Matches(ID)
  legal_entity_id?: string;

  @IsOptional()
  @Matches(ID)
  partner_account_id?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class InterlocksDto {
  @IsOptional()
  @IsBoolean()
  bp_interlocked?: boolean;

  @IsOptional()
  @IsBoolean()
  customer_list_interlocked?: boolean;
}

export class BpReviewDto {
  @IsISO8601({ strict: true })
  bp_review_at: string;
}

export class AttestationsDto {
  @IsOptional()
  @IsBoolean()
  capability_certification?: boolean;

  @IsOptional()
  @IsBoolean()
  dedicated_team?: boolean;

  @IsOptional()
  @IsBoolean()
  project_practice?: boolean;

  @IsOptional()
  @IsBoolean()
  bp_review?: boolean;

  @IsOptional()
  @IsBoolean()
  lp_review?: boolean;
}

/** A missing or blank reason answers 400 PATH_REASON_REQUIRED (checked by the service). */
export class PathReasonDto {
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class AnnualReviewDecisionDto {
  @IsIn(['passed', 'downgraded', 'failed'])
  result: 'passed' | 'downgraded' | 'failed';

  @IsOptional()
  @IsString()
  @MaxLength(500)
  comment?: string;
}
