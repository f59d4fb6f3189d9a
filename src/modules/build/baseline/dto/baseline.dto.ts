import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  ADVANCEABLE_STAGES,
  type AdvanceableStage,
  BASELINE_STAGES,
  type BaselineStage,
  ECOSYSTEM_PROGRAMS,
  type EcosystemProgram,
  LEAD_TYPES,
  type LeadType,
} from '../domain/baseline-rules.js';

const FILE_ID_RE = /^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,63}$/;

/** One responsibility; emptiness is BUILD-020's own error (400 BASELINE_RESPONSIBILITIES_INCOMPLETE). */
export class ResponsibilityDto {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  owner_name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  resources?: string;
}

export class ResponsibilitiesDto {
  @IsOptional()
  @ValidateNested()
  @Type(() => ResponsibilityDto)
  presales?: ResponsibilityDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => ResponsibilityDto)
  delivery?: ResponsibilityDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => ResponsibilityDto)
  operations_maintenance?: ResponsibilityDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => ResponsibilityDto)
  operations?: ResponsibilityDto;
}

class BaselineFieldsDto {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  industry_scenario?: string;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => ResponsibilitiesDto)
  responsibilities?: ResponsibilitiesDto;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @Matches(FILE_ID_RE)
  obp_initiation_guide_file_id?: string | null;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @Matches(FILE_ID_RE)
  feature_list_file_id?: string | null;

  /** the partner's `Solution` this baseline packages */
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(36)
  solution_id?: string | null;
}

export class CreateBaselineDto extends BaselineFieldsDto {
  /** partners create `partner_led` only (BUILD-029); defaults to it */
  @IsOptional()
  @IsIn(LEAD_TYPES)
  lead_type?: LeadType;

  @IsString()
  @Length(1, 100)
  name: string;
}

export class UpdateBaselineDto extends BaselineFieldsDto {
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;
}

/** Huawei-led baseline created by the PDM for the partner he chooses (BUILD-029). */
export class AdminCreateBaselineDto extends BaselineFieldsDto {
  @IsString()
  @MaxLength(36)
  partner_account_id: string;

  @IsString()
  @Length(1, 100)
  name: string;

  @IsOptional()
  @IsString()
  @MaxLength(36)
  psa_id?: string;
}

export class LaunchMaterialDto {
  @IsString()
  @Length(1, 64)
  material_type: string;

  @Matches(FILE_ID_RE)
  file_id: string;
}

export class SubmitLaunchDto {
  /** replaces the launch materials; omitted = resubmit the current ones */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => LaunchMaterialDto)
  materials?: LaunchMaterialDto[];
}

export class BaselineDecisionDto {
  @IsIn(['pass', 'reject'])
  result: 'pass' | 'reject';

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string;
}

export class InitialReviewDto extends BaselineDecisionDto {
  /** pass: the review meeting (BUILD-022); its validity is the rule's own error (400 BASELINE_MEETING_INVALID) */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  scheduled_at?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  meeting_link?: string;

  @IsOptional()
  @IsString()
  @MaxLength(36)
  psa_id?: string;
}

export class ScheduleMeetingDto {
  @IsOptional()
  @IsString()
  @MaxLength(40)
  scheduled_at?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  meeting_link?: string;
}

export class SolutionCodeDto {
  @IsString()
  @Length(1, 40)
  solution_code: string;
}

export class AdvanceStageDto {
  @IsIn(ADVANCEABLE_STAGES)
  to: AdvanceableStage;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string;
}

export class CommentDto {
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string;
}

export class ListBaselinesQuery {
  @IsOptional()
  @IsIn(BASELINE_STAGES)
  stage?: BaselineStage;

  @IsOptional()
  @IsIn(LEAD_TYPES)
  lead_type?: LeadType;

  @IsOptional()
  @IsString()
  @MaxLength(36)
  partner_account_id?: string;
}

// --- ecosystem ---------------------------------------------------------------------------------------------

export class ProgramParam {
  @IsIn(ECOSYSTEM_PROGRAMS)
  program: EcosystemProgram;
}

export class RequestAdmissionDto {
  @IsString()
  @MaxLength(36)
  solution_id: string;

  @IsIn(ECOSYSTEM_PROGRAMS)
  program: EcosystemProgram;

  /** defaults to `marketplace_product` when only a product id is given, else `baseline_solution` */
  @IsOptional()
  @IsIn(['baseline_solution', 'marketplace_product'])
  release_vehicle?: 'baseline_solution' | 'marketplace_product';

  @IsOptional()
  @IsString()
  @MaxLength(36)
  baseline_solution_id?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  marketplace_product_id?: string;
}

export class ListEnrollmentsQuery {
  @IsOptional()
  @IsIn(ECOSYSTEM_PROGRAMS)
  program?: EcosystemProgram;

  @IsOptional()
  @IsIn(['pending_review', 'admitted', 'rejected'])
  admission_status?: string;

  @IsOptional()
  @IsIn(['not_applied', 'pending_review', 'certified', 'rejected', 'expired'])
  technical_status?: string;
}

export class ListMembershipsQuery {
  @IsOptional()
  @IsIn(['applied', 'joined', 'rejected', 'left'])
  status?: string;

  @IsOptional()
  @IsIn(ECOSYSTEM_PROGRAMS)
  program?: EcosystemProgram;
}

/** ISO-8601 instant check used by the meeting rule. */
export function isInstant(v: unknown): v is string {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v));
}

export class AdminListEnrollmentsQuery extends ListEnrollmentsQuery {
  @IsOptional()
  @IsString()
  @MaxLength(36)
  partner_account_id?: string;
}

export class AdminListMembershipsQuery extends ListMembershipsQuery {
  @IsOptional()
  @IsString()
  @MaxLength(36)
  partner_account_id?: string;
}
