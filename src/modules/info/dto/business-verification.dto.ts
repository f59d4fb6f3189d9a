import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { PageQuery } from '../../../../libs/http/index.js';
import {
  BANK_LETTER_REJECT_REASONS,
  type BankAccountType,
  type BankLetterRejectReason,
  type BusinessVerificationStatus,
  type InvoiceMode,
  type TaxpayerType,
} from '../entities/business-verification.entities.js';

const CODE = /^[A-Z0-9_]{1,32}$/;
const TAXPAYER_TYPES: TaxpayerType[] = ['general', 'small_scale'];
const INVOICE_MODES: InvoiceMode[] = ['sp_service_fee', 'marketplace_goods'];

/**
 * Submit or re-verify business info (INFO-023…INFO-027, INFO-032). Shapes only: the rules with their own codes
 * (enterprise code type, USCC, currency, corporate account, account name, taxpayer type) are the service's.
 * The company name is the legal entity's and is not sent.
 */
export class SubmitBusinessVerificationDto {
  /** default: the account's current contracting entity */
  @IsOptional()
  @Matches(CODE)
  contracting_entity?: string;

  /** default `uscc`; anything else is 400 INFO_ENTERPRISE_CODE_TYPE_INVALID */
  @IsOptional()
  @IsString()
  @MaxLength(32)
  enterprise_code_type?: string;

  /** default: the legal entity's USCC; a different one is 422 INFO_REALNAME_MISMATCH */
  @IsOptional()
  @IsString()
  @MaxLength(32)
  uscc?: string;

  @IsString()
  @Length(1, 100)
  bank_name: string;

  @Matches(/^[0-9A-Za-z-]{4,40}$/, { message: 'bank_account_no must be 4–40 digits, letters or dashes' })
  bank_account_no: string;

  @IsString()
  @Length(1, 200)
  bank_account_name: string;

  @IsIn(['corporate', 'personal'])
  bank_account_type: BankAccountType;

  @IsString()
  @Length(1, 200)
  branch_name: string;

  @IsString()
  @Length(1, 20)
  branch_code: string;

  /** taken from the contracting entity; a different value is 422 INFO_CURRENCY_NOT_EDITABLE (INFO-026) */
  @IsOptional()
  @IsString()
  @MaxLength(8)
  currency?: string;

  /** required at the first submission; afterwards only operations change it (INFO-027) */
  @IsOptional()
  @IsIn(TAXPAYER_TYPES)
  taxpayer_type?: TaxpayerType;

  @IsOptional()
  @IsIn(INVOICE_MODES)
  invoice_mode?: InvoiceMode;
}

export class BusinessVerificationQuery {
  @IsOptional()
  @Matches(CODE)
  contracting_entity?: string;
}

export class AdminBusinessVerificationQuery extends PageQuery {
  @IsOptional()
  @IsIn(['verifying', 'verified', 'failed', 'bank_letter_required', 'manual_review'])
  status?: BusinessVerificationStatus;

  @IsOptional()
  @IsUUID()
  partner_account_id?: string;
}

export class RejectBankLetterDto {
  @IsIn(BANK_LETTER_REJECT_REASONS)
  reject_reason: BankLetterRejectReason;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  comment?: string;
}

export class ReviewCommentDto {
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class FailVerificationDto {
  @IsString()
  @Length(1, 500)
  reason: string;
}

/** INFO-033: all 7 fields of the new bank data, and the ticket it came with. */
export class OfflineBankChangeDto {
  @IsString()
  @Length(1, 200)
  supplier_name: string;

  @IsString()
  @Length(1, 100)
  bank_name: string;

  @IsString()
  @Length(1, 40)
  bank_account_no: string;

  @IsString()
  @Length(1, 200)
  branch_name: string;

  @IsString()
  @Length(1, 20)
  branch_code: string;

  @IsString()
  @Length(1, 200)
  bank_account_name: string;

  @Matches(/^[A-Z]{3}$/)
  currency: string;

  @IsOptional()
  @IsString()
  @MaxLength(32)
  ticket_no?: string;
}

/** INFO-027: taxpayer type / invoice mode changed by operations on a ticket. */
export class ChangeTaxDataDto {
  @IsOptional()
  @IsIn(TAXPAYER_TYPES)
  taxpayer_type?: TaxpayerType;

  @IsOptional()
  @IsIn(INVOICE_MODES)
  invoice_mode?: InvoiceMode;

  @IsString()
  @Length(1, 32)
  ticket_no: string;
}

/** J-INFO-4: switch accounts to a new contracting entity, effective now or at `effective_at`. */
export class ContractingEntitySwitchDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  partner_account_ids: string[];

  @Matches(CODE)
  to: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  effective_at?: string;
}

/** info.md Open point 3: the random amount the partner received (decimal string, at most 2 decimals). */
export class ConfirmMicroDepositDto {
  @Matches(/^\d{1,13}(\.\d{1,2})?$/, { message: 'amount must be a decimal string with at most 2 decimals' })
  amount: string;
}
