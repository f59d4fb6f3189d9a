import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { isValidDate } from '../../../../libs/calendar/index.js';
import { CERTIFICATE_FAMILIES } from '../domain/certificates.js';
import type {
  CertificateFamily,
  PersonalAccountType,
  PersonalCertificateStatus,
  PersonalRealnameStatus,
  ProjectSpecialistStatus,
  SpecialistPath,
} from '../entities/personal.entities.js';

@ValidatorConstraint({ name: 'calendarDate' })
class CalendarDate implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isValidDate(value);
  }
  defaultMessage(): string {
    return '$property must be a calendar date YYYY-MM-DD';
  }
}

const UUIDISH = /^[0-9A-Za-z-]{1,36}$/;

/** ORG-019: the invitee by Huawei Cloud tenant name (preferred) or account id — exactly one of them. */
export class InviteDto {
  @IsOptional()
  @IsString()
  @Length(1, 64)
  tenant_name?: string;

  @IsOptional()
  @IsString()
  @Length(1, 64)
  account_id?: string;
}

export class ListLinkedAccountsQuery {
  @IsOptional()
  @IsIn(['exam_voucher'])
  eligible_for?: 'exam_voucher';
}

export const SPECIALIST_PATHS: readonly SpecialistPath[] = ['software', 'service', 'si', 'lp'];
export const SPECIALIST_STATUSES: readonly ProjectSpecialistStatus[] = [
  'pending_review',
  'active',
  'rejected',
  'withdrawn',
  'cancellation_pending',
  'cancelled',
];

export class ApplySpecialistDto {
  @IsString()
  @Matches(UUIDISH)
  personal_account_id: string;

  @IsIn(SPECIALIST_PATHS)
  path: SpecialistPath;

  /** ORG-032: the employment certificate issued by the partner (an uploaded file id) */
  @IsOptional()
  @IsString()
  @Length(1, 64)
  employment_proof_file_id?: string;

  /** ORG-032: certificates of the person valid at submission */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(UUIDISH, { each: true })
  certificate_ids?: string[];
}

export class ListSpecialistsQuery {
  @IsOptional()
  @IsIn(SPECIALIST_STATUSES)
  status?: ProjectSpecialistStatus;
}

export class ReasonDto {
  @IsString()
  @Length(1, 500)
  reason: string;
}

/** ORG-026: family, track, certificate number, issue date, validity, scan. */
export class UploadCertificateDto {
  @IsIn(CERTIFICATE_FAMILIES)
  family: CertificateFamily;

  @IsString()
  @Length(1, 100)
  track: string;

  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_./-]{0,63}$/, {
    message: 'certificate_no must be 1–64 letters, digits, "_./-"',
  })
  certificate_no: string;

  @Validate(CalendarDate)
  issued_on: string;

  @IsOptional()
  @Validate(CalendarDate)
  valid_to?: string;

  @IsOptional()
  @IsString()
  @Length(1, 64)
  file_id?: string;
}

export const CERTIFICATE_STATUSES: readonly PersonalCertificateStatus[] = [
  'pending_review',
  'valid',
  'rejected',
  'expired',
  'deleted',
];

export class ListCertificatesQuery {
  @IsOptional()
  @IsIn(CERTIFICATE_STATUSES)
  status?: PersonalCertificateStatus;
}

/** Test hook: a personal account as the account center knows it (type, real-name status, site, flags). */
export class TestPersonalAccountDto {
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{1,63}$/)
  tenant_name: string;

  @IsOptional()
  @IsString()
  @Length(1, 64)
  huawei_account_name?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/)
  huawei_cloud_account_id?: string;

  @IsString()
  @Length(6, 128)
  password: string;

  @IsOptional()
  @IsIn(['cn', 'intl', 'eu'])
  site?: 'cn' | 'intl' | 'eu';

  @IsOptional()
  @IsIn(['personal', 'enterprise', 'iam_user'])
  account_type?: PersonalAccountType;

  @IsOptional()
  @IsIn(['none', 'personal', 'enterprise'])
  realname_status?: PersonalRealnameStatus;

  @IsOptional()
  @IsBoolean()
  is_partner_account?: boolean;

  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @IsOptional()
  @IsString()
  @Length(1, 64)
  uniportal_id?: string;
}
