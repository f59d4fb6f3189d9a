import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageQuery } from '../../../../libs/http/index.js';

const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MONEY_RE = /^\d{1,13}(\.\d{1,2})?$/;

export const PROGRESS_STAGES = [
  'verified',
  'requirement_confirmed',
  'solution_design',
  'bidding',
  'contract_signed',
  'delivering',
  'delivered',
  'lost',
] as const;
export const REVIEW_REJECT_REASONS = [
  'incomplete',
  'invalid',
  'duplicate',
  'partner_request',
  'other',
] as const;

/** Draft fields (all optional: drafts may be saved incomplete, OPP-013). `null` clears a field. */
export class OpportunityFieldsDto {
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(200)
  customer_name?: string | null;

  /** null = no-account filing (OPP-017) */
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(64)
  customer_account_id?: string | null;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(100)
  customer_contact_name?: string | null;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(32)
  customer_contact_phone?: string | null;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(16)
  province?: string | null;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(16)
  city?: string | null;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(32)
  industry?: string | null;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @Matches(MONEY_RE, { message: 'budget_amount must be a decimal string with at most 2 decimals' })
  budget_amount?: string | null;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @Matches(DATE_RE, { message: 'expected_purchase_date must be YYYY-MM-DD' })
  expected_purchase_date?: string | null;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @Matches(MONEY_RE, { message: 'incremental_revenue must be a decimal string with at most 2 decimals' })
  incremental_revenue?: string | null;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(4000)
  description?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  offering_ids?: string[];

  @IsOptional()
  @IsBoolean()
  customer_consent_confirmed?: boolean;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(36)
  partner_contact_user_id?: string | null;

  /** api.md: a request may omit `currency`; if present it must be the account's (CNY) */
  @IsOptional()
  @IsIn(['CNY'])
  currency?: 'CNY';
}

export class CreateOpportunityDto extends OpportunityFieldsDto {
  /** OPP-010: a partner always creates a PO; any other value is refused */
  @IsOptional()
  @IsIn(['po'])
  origin?: 'po';
}

export class UpdateOpportunityDto extends OpportunityFieldsDto {
  @IsOptional()
  @IsIn(['po'])
  origin?: 'po';
}

export class ListOpportunitiesQuery extends PageQuery {
  @IsOptional()
  @IsIn(['po', 'ho'])
  origin?: 'po' | 'ho';

  @IsOptional()
  @IsString()
  @MaxLength(24)
  status?: string;
}

export class AdminListOpportunitiesQuery extends ListOpportunitiesQuery {
  @IsOptional()
  @IsIn(['true', 'false'])
  queue?: 'true' | 'false';
}

export class RejectHoDto {
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class ProgressUpdateDto {
  @IsIn(PROGRESS_STAGES)
  stage: (typeof PROGRESS_STAGES)[number];

  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  note: string;

  @IsOptional()
  @IsString()
  @Matches(DATE_RE, { message: 'next_step_date must be YYYY-MM-DD' })
  next_step_date?: string;
}

export class FeedbackDto {
  @Type(() => Number)
  @IsInt({ message: 'score must be 1..5' })
  @Min(1, { message: 'score must be 1..5' })
  @Max(5, { message: 'score must be 1..5' })
  score: number;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string;

  @IsOptional()
  @IsString()
  @MaxLength(36)
  opportunity_id?: string;
}

// --- reviewers ----------------------------------------------------------------------------------------------

export class DuplicateOverrideDto {
  /** OPP-033: the reviewer states the demand differs; needs a justification */
  @IsOptional()
  @IsBoolean()
  not_duplicate?: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  justification?: string;
}

export class ReviewDecisionDto extends DuplicateOverrideDto {
  @IsIn(['approve', 'reject'])
  decision: 'approve' | 'reject';

  /** required for reject (400 OPP_REASON_REQUIRED when missing), checked by the service */
  @IsOptional()
  @IsString()
  @MaxLength(32)
  reason?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string;

  @IsOptional()
  @IsString()
  @MaxLength(36)
  duplicate_of_id?: string;
}

export class VerifyDecisionDto extends DuplicateOverrideDto {
  @IsIn(['verify', 'reject'])
  decision: 'verify' | 'reject';

  @IsOptional()
  @IsString()
  @MaxLength(32)
  reason?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string;

  @IsOptional()
  @IsString()
  @MaxLength(36)
  duplicate_of_id?: string;

  /** OPP-040: the version the reviewer saw; a stale one answers 409 OPP_ALREADY_PROCESSED */
  @IsOptional()
  @IsInt()
  @Min(1)
  expected_version?: number;
}

export class AssignDto {
  @IsString()
  @MaxLength(36)
  assignee_id: string;

  @IsOptional()
  @IsString()
  @MaxLength(36)
  rep_office_id?: string;
}

export class ReasonDto {
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class AdminPatchOpportunityDto {
  @IsOptional()
  @IsString()
  @MaxLength(8)
  origin?: string;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(32)
  industry?: string | null;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(36)
  bd_id?: string | null;
}

export class ShareHoDto extends DuplicateOverrideDto {
  @IsString()
  @MaxLength(36)
  partner_account_id: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  customer_name: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  customer_account_id?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  customer_contact_name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(32)
  customer_contact_phone?: string;

  @IsOptional()
  @IsString()
  @MaxLength(16)
  province?: string;

  @IsOptional()
  @IsString()
  @MaxLength(16)
  city?: string;

  @IsOptional()
  @IsString()
  @MaxLength(32)
  industry?: string;

  @IsOptional()
  @IsString()
  @Matches(MONEY_RE)
  budget_amount?: string;

  @IsOptional()
  @IsString()
  @Matches(DATE_RE)
  expected_purchase_date?: string;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  offering_ids?: string[];

  @IsString()
  @MaxLength(64)
  crm_opportunity_id: string;

  /** the HO protection anchor (OPP-031) */
  @IsISO8601({ strict: true })
  crm_created_at: string;

  @IsOptional()
  @IsString()
  @MaxLength(36)
  bd_id?: string;

  @IsOptional()
  @IsString()
  @MaxLength(36)
  partner_contact_user_id?: string;
}

export class CandidatesQuery {
  @IsOptional()
  @IsString()
  @MaxLength(400)
  offering_ids?: string;
}

export class CrmEventDto {
  @IsString()
  @Matches(/^[A-Za-z0-9_.:-]{1,64}$/)
  event_id: string;

  @IsIn(['opportunity.cancelled', 'opportunity.won', 'opportunity.lost', 'customer.released', 'ho.created'])
  type: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  crm_opportunity_id?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  crm_created_at?: string;

  /** ho.created: the HO to create (same fields as the share endpoint) */
  @IsOptional()
  @IsString()
  @MaxLength(36)
  partner_account_id?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  customer_name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(16)
  province?: string;

  @IsOptional()
  @IsString()
  @MaxLength(36)
  bd_id?: string;
}

export class RepOfficeDto {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(16, { each: true })
  provinces: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(36, { each: true })
  pdm_ids?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(36, { each: true })
  psm_ids?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(36, { each: true })
  bd_ids?: string[];
}
