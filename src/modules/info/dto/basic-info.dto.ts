import { TICKET_RE } from '../domain/basic-info.js';
import {
  Allow,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { PageQuery } from '../../../../libs/http/index.js';
import {
  CHANGE_REQUEST_STATUSES,
  type ChangeRequestStatus,
} from '../entities/company-info-change-request.entity.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** INFO-018 (decision): E.164 or an 11-digit mainland-China mobile */
export const MOBILE_RE = /^(\+[1-9]\d{6,14}|1\d{10})$/;
const MOBILE_MSG = 'must be an E.164 number or an 11-digit mainland-China mobile';
/** ticket numbers of the ticket system (info.md "Ticket system": varchar(32)) */

/**
 * Licence-data change request (INFO-013). `uscc` / `org_code` are accepted by the shape check only so the
 * service can answer `422 INFO_USCC_IMMUTABLE` (INFO-014) instead of an unknown-field 400.
 */
export class CreateChangeRequestDto {
  @Allow()
  uscc?: unknown;

  @Allow()
  org_code?: unknown;

  @IsOptional()
  @IsString()
  @Length(1, 64)
  license_file_id?: string;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  company_name?: string;

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

  /** null = no fixed term */
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @Matches(DATE)
  business_term_to?: string | null;

  @IsOptional()
  @IsString()
  @Length(1, 100)
  legal_representative?: string;

  @IsOptional()
  @IsString()
  @Length(1, 255)
  license_address?: string;

  @IsOptional()
  @IsString()
  @Length(1, 20)
  postal_code?: string;

  @IsOptional()
  @IsString()
  @Length(1, 4000)
  business_scope?: string;
}

export class ListChangeRequestsQuery extends PageQuery {
  @IsOptional()
  @IsIn(CHANGE_REQUEST_STATUSES)
  status?: ChangeRequestStatus;
}

export class RejectChangeRequestDto {
  @IsString()
  @Length(1, 500)
  reject_reason: string;
}

/** Company details (INFO-017): partners may send them, the service always answers INFO_EDIT_VIA_TICKET_ONLY. */
export class CompanyDetailsDto {
  @IsOptional()
  @IsString()
  @MaxLength(64)
  logo_file_id?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(20)
  public_phone?: string | null;

  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  public_email?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  website?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  introduction?: string | null;
}

export class TicketDto {
  @Matches(TICKET_RE, { message: 'ticket_no must be 1-32 letters, digits or _-./' })
  ticket_no: string;
}

export class AdminCompanyDetailsDto extends CompanyDetailsDto {
  @Matches(TICKET_RE, { message: 'ticket_no must be 1-32 letters, digits or _-./' })
  ticket_no: string;
}

export class SetPrimaryAccountDto extends TicketDto {
  @IsUUID()
  partner_account_id: string;
}

export class SetUsccDto extends TicketDto {
  @IsString()
  uscc: string;
}

export class ExpansionFlagsDto extends TicketDto {
  @IsOptional()
  @IsBoolean()
  channel_expansion_account?: boolean;

  @IsOptional()
  @IsBoolean()
  customer_expansion_account?: boolean;
}

/** Partner attempt to change the primary account (INFO-010): always refused by the service. */
export class PartnerPrimaryAccountDto {
  @IsOptional()
  @IsString()
  partner_account_id?: string;
}

/** INFO-018 account contact (decision on the formats). */
export class AccountContactDto {
  @IsString()
  @Length(1, 50)
  name: string;

  @IsString()
  @Length(1, 50)
  position: string;

  @Matches(MOBILE_RE, { message: `mobile ${MOBILE_MSG}` })
  mobile: string;

  @IsEmail()
  @MaxLength(254)
  email: string;
}

/** INFO-021 business mobile / e-mail of the profile (null clears). */
export class BusinessContactDto {
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @Matches(MOBILE_RE, { message: `business_mobile ${MOBILE_MSG}` })
  business_mobile?: string | null;

  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsEmail()
  @MaxLength(254)
  business_email?: string | null;
}

/** INFO-022 message settings; the time zone is checked against the IANA database by the service. */
export class MessageSettingsDto {
  @IsIn(['zh-cn', 'en-us'])
  language: 'zh-cn' | 'en-us';

  @IsString()
  @Length(1, 64)
  timezone: string;
}

/** INFO-020 the once-only rename (Huawei Cloud account names: 1–64 characters, decision on the alphabet). */
export class AccountNameDto {
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_\-.]{0,63}$/, {
    message: 'account_name must be 1-64 letters, digits, _ - . starting with a letter or digit',
  })
  account_name: string;
}

/** The account center's deregistration event (INFO-035): the account by partner id or Huawei account id. */
export class DeregistrationEventDto {
  @IsOptional()
  @IsUUID()
  partner_account_id?: string;

  @IsOptional()
  @IsString()
  @Length(1, 64)
  huawei_account_id?: string;
}
