import { IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import type { Site } from '../../../../libs/context/index.js';
import { PageQuery } from '../../../../libs/http/index.js';
import type { OnboardingStatus } from '../entities/onboarding-application.entity.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Onboarding application (info.md "Onboarding"). Formats of the company codes are checked by the service so
 * that each violation answers its own code (INFO_USCC_INVALID, …); the DTO checks shapes only.
 */
export class SubmitOnboardingDto {
  @IsOptional()
  @IsIn(['cn', 'intl', 'eu'])
  site?: Site;

  @IsOptional()
  @IsString()
  uscc?: string;

  @IsOptional()
  @IsString()
  org_code?: string;

  @IsOptional()
  @IsString()
  tax_code?: string;

  @IsString()
  @Length(1, 200)
  company_name: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  license_file_id?: string;

  @IsOptional()
  @Matches(/^\d{1,16}(\.\d{1,2})?$/, {
    message: 'registered_capital must be a decimal string with at most 2 decimals',
  })
  registered_capital?: string;

  @IsOptional()
  @Matches(/^[A-Z]{3}$/)
  registered_capital_currency?: string;

  @IsOptional()
  @Matches(DATE)
  established_on?: string;

  @IsOptional()
  @Matches(DATE)
  business_term_from?: string;

  @IsOptional()
  @Matches(DATE)
  business_term_to?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  legal_representative?: string;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  license_address?: string;

  @IsOptional()
  @IsString()
  @MaxLength(20)
  postal_code?: string;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  business_scope?: string;

  @IsString()
  @Length(1, 50)
  contact_name: string;

  @IsString()
  @Length(1, 50)
  contact_position: string;

  @Matches(/^(\+[1-9]\d{6,14}|1\d{10})$/, {
    message: 'contact_mobile must be E.164 or an 11-digit CN mobile',
  })
  contact_mobile: string;

  @IsEmail()
  @MaxLength(254)
  contact_email: string;
}

/**
 * Rejection by operations: `reject_reason` (the entity's field name in info.md) or `reason`; one of them is
 * required — a missing or blank reason answers 400 INFO_REJECT_REASON_REQUIRED.
 */
export class RejectOnboardingDto {
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reject_reason?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ListOnboardingQuery extends PageQuery {
  @IsOptional()
  @IsIn(['submitted', 'manual_review', 'approved', 'rejected'])
  status?: OnboardingStatus;
}
