import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
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
import { PageQuery } from '../../../../../libs/http/index.js';
import {
  ALL_PASS_SCENARIOS,
  CERTIFICATION_TYPES,
  DEPLOYMENT_MODES,
  MATERIAL_TYPES,
  type CertificationType,
  type DeploymentMode,
  type MaterialType,
  type PassScenario,
} from '../domain/certification-rules.js';
import type { SolutionCertificationStatus } from '../entities/solution.entities.js';

const SERVICE_CODE_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const FILE_ID_RE = /^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,127}$/;

export class CreateSolutionDto {
  @IsString()
  @Length(1, 100)
  name: string;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(DEPLOYMENT_MODES, { each: true })
  deployment_modes: DeploymentMode[];

  @IsOptional()
  @IsString()
  @Length(1, 64)
  software_product_type?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Matches(SERVICE_CODE_RE, { each: true })
  cloud_services_used?: string[];

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(36)
  baseline_solution_id?: string | null;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(64)
  marketplace_product_id?: string | null;
}

export class UpdateSolutionDto {
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(DEPLOYMENT_MODES, { each: true })
  deployment_modes?: DeploymentMode[];

  @IsOptional()
  @IsString()
  @Length(1, 64)
  software_product_type?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Matches(SERVICE_CODE_RE, { each: true })
  cloud_services_used?: string[];

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(36)
  baseline_solution_id?: string | null;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(64)
  marketplace_product_id?: string | null;
}

/** One uploaded certification document, referenced by its object-storage `file_id` (build.md "Files"). */
export class MaterialDto {
  @IsIn(MATERIAL_TYPES)
  material_type: MaterialType;

  @IsString()
  @Matches(FILE_ID_RE)
  file_id: string;
}

export class CreateCertificationDto {
  @IsIn(CERTIFICATION_TYPES)
  certification_type: CertificationType;

  @IsIn(ALL_PASS_SCENARIOS)
  pass_scenario: PassScenario;

  /** scenario 2: the partner-led baseline solution; defaults to the solution's `baseline_solution_id` */
  @IsOptional()
  @IsString()
  @MaxLength(36)
  baseline_solution_id?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MaterialDto)
  materials?: MaterialDto[];
}

export class UpdateCertificationDto {
  @IsOptional()
  @IsIn(ALL_PASS_SCENARIOS)
  pass_scenario?: PassScenario;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(36)
  baseline_solution_id?: string | null;

  /** replaces the whole material list */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MaterialDto)
  materials?: MaterialDto[];
}

export class ListCertificationsQuery extends PageQuery {
  @IsOptional()
  @IsIn(CERTIFICATION_TYPES)
  certification_type?: CertificationType;

  @IsOptional()
  @IsString()
  @MaxLength(32)
  status?: SolutionCertificationStatus;
}

export class ListSolutionsQuery extends PageQuery {}

export class PsaReviewDto {
  @IsIn(['pass', 'reject'])
  result: 'pass' | 'reject';

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class ExpertReviewDto {
  @IsIn(['pass', 'fail'])
  technical_conclusion: 'pass' | 'fail';

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;

  /** other experts of the centralized review (the caller is always recorded) */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(36, { each: true })
  reviewer_ids?: string[];

  /** BUILD-007 / Open point 1: the expert overrides a failed "3 or 1" check with a recorded reason */
  @IsOptional()
  @IsString()
  @Length(1, 500)
  architecture_override_reason?: string;
}

export class PdmReviewDto {
  @IsIn(['pass', 'reject'])
  result: 'pass' | 'reject';

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;

  /** advanced certification: the software business expert group (≥ 1 `expert` reviewer id, BUILD-013) */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 36, { each: true })
  business_expert_group_ids?: string[];
}

export class AdminListCertificationsQuery extends PageQuery {
  @IsOptional()
  @IsString()
  @MaxLength(32)
  status?: SolutionCertificationStatus;

  @IsOptional()
  @IsString()
  @MaxLength(36)
  partner_account_id?: string;
}
