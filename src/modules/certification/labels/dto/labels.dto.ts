/**
 * Request shapes of capability-label certification (snake_case JSON). Shape failures answer
 * `400 CERT_FIELD_INVALID` (`details.field`); rules with their own codes (LABEL-005, LABEL-007, LABEL-009,
 * LABEL-017 …) are checked in the services, so the fields they concern are optional here.
 */
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../../../../libs/http/index.js';

const CODE = /^[a-z][a-z0-9_]{1,63}$/;
const ITEM = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;
const FILE = /^[0-9A-Za-z][0-9A-Za-z_.:/-]{0,127}$/;
const ID = /^[0-9A-Za-z-]{1,36}$/;

export class EvidenceDto {
  @Matches(ITEM)
  item_code: string;

  @IsArray()
  @ArrayMaxSize(20)
  @Matches(FILE, { each: true })
  file_ids: string[];
}

export class CreateLabelCertificationDto {
  @IsString()
  @Length(1, 64)
  label_code: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => EvidenceDto)
  evidence?: EvidenceDto[];
}

export class EvidenceUpdateDto {
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => EvidenceDto)
  evidence: EvidenceDto[];

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class PreReviewResponseDto {
  @Matches(ITEM)
  item_code: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  partner_response?: string;

  @IsOptional()
  @IsBoolean()
  confirmed?: boolean;
}

export class ConfirmPreReviewDto {
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PreReviewResponseDto)
  responses: PreReviewResponseDto[];
}

export class ArchiveMaterialsDto {
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(FILE, { each: true })
  file_ids: string[];

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class ClarificationDto {
  @IsIn(['pdm', 'operations_specialist'])
  requested_via: 'pdm' | 'operations_specialist';

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  question?: string;
}

export class ListLabelCertificationsQuery extends PageQuery {
  @IsOptional()
  @IsString()
  @MaxLength(32)
  status?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  label_code?: string;

  /** reviewer lists only */
  @IsOptional()
  @Matches(ID)
  partner_account_id?: string;
}

// --- reviewers -----------------------------------------------------------------------------------------------

export class InitialReviewDto {
  @IsIn(['complete', 'incomplete'])
  outcome: 'complete' | 'incomplete';

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(ITEM, { each: true })
  items?: string[];

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class PreReviewCommentDto {
  @Matches(ITEM)
  item_code: string;

  @IsString()
  @Length(1, 2000)
  comment: string;
}

export class PreReviewDto {
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PreReviewCommentDto)
  comments: PreReviewCommentDto[];

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class DefenseSessionDto {
  @IsIn(['technical_defense', 'clarification'])
  kind: 'technical_defense' | 'clarification';

  @IsISO8601({ strict: true })
  scheduled_at: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  meeting_link?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(ID, { each: true })
  expert_ids?: string[];

  @IsOptional()
  @IsIn(['pdm', 'operations_specialist'])
  requested_via?: 'pdm' | 'operations_specialist';

  @IsOptional()
  @Matches(FILE)
  minutes_file_id?: string;
}

export class ItemResultDto {
  @Matches(ITEM)
  item_code: string;

  @IsIn(['pass', 'fail'])
  result: 'pass' | 'fail';

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  improvement_suggestion?: string;
}

export class DefenseDto {
  @IsIn(['archive_needed', 'no_archive_needed'])
  outcome: 'archive_needed' | 'no_archive_needed';

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  archive_materials?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ItemResultDto)
  item_results?: ItemResultDto[];

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class ArchiveReviewDto {
  @IsIn(['accepted', 'more_needed'])
  outcome: 'accepted' | 'more_needed';

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  archive_materials?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ItemResultDto)
  item_results?: ItemResultDto[];

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class CountersignDto {
  @IsIn(['passed', 'failed'])
  decision: 'passed' | 'failed';

  /** the countersign seat (`pdm`, `expert`, `operations`); default: the signer's first unsigned seat */
  @IsOptional()
  @IsIn(['pdm', 'expert', 'operations'])
  as_role?: 'pdm' | 'expert' | 'operations';

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ItemResultDto)
  item_results?: ItemResultDto[];

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class CloseDto {
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class ReasonDto {
  @IsString()
  @MaxLength(500)
  reason: string;
}

export class EvaluationItemDto {
  @Matches(ITEM)
  item_code: string;

  @IsString()
  @Length(1, 200)
  name: string;

  @IsBoolean()
  mandatory: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  evidence_hint?: string;
}

export class CreateCapabilityLabelDto {
  @Matches(CODE)
  code: string;

  @IsString()
  @Length(1, 128)
  name_en: string;

  @IsString()
  @Length(1, 128)
  name_zh: string;

  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => EvaluationItemDto)
  evaluation_items: EvaluationItemDto[];
}

export class UpdateCapabilityLabelDto {
  @IsOptional()
  @IsString()
  @Length(1, 128)
  name_en?: string;

  @IsOptional()
  @IsString()
  @Length(1, 128)
  name_zh?: string;

  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => EvaluationItemDto)
  evaluation_items?: EvaluationItemDto[];
}

export class HeldLabelsQuery extends PageQuery {
  @IsOptional()
  @Matches(ID)
  partner_account_id?: string;

  @IsOptional()
  @IsIn(['active', 'revoked'])
  status?: 'active' | 'revoked';
}

export class PersonAssessmentDto {
  @Matches(ID)
  personal_account_id: string;

  @IsIn(['senior_consultant', 'service_expert', 'senior_service_engineer'])
  role: 'senior_consultant' | 'service_expert' | 'senior_service_engineer';

  @IsOptional()
  @IsISO8601({ strict: true })
  passed_at?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(ID, { each: true })
  assessor_ids?: string[];
}
