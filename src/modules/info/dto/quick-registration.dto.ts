import { IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../../../../libs/http/index.js';
import {
  QUICK_REGISTRATION_PURPOSES,
  QUICK_REGISTRATION_STATUSES,
  type QuickRegistrationPurpose,
  type QuickRegistrationStatus,
} from '../entities/quick-registration.entity.js';

/** E.164 or an 11-digit mainland mobile (same rule as the onboarding contact, INFO-018). */
export const MOBILE_RE = /^(\+[1-9]\d{6,14}|1\d{10})$/;

export class StartQuickRegistrationDto {
  @IsOptional()
  @IsIn(QUICK_REGISTRATION_PURPOSES)
  purpose?: QuickRegistrationPurpose;
}

export class VerifyQuickRegistrationDto {
  @IsString()
  @Length(1, 16)
  code: string;
}

/** The new Huawei Cloud account (5.1.14 step 6): its name, login password and a not-yet-registered mobile. */
export class RegisterQuickAccountDto {
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{1,63}$/, {
    message: 'account_name must be 2–64 letters, digits, "_", "." or "-", starting with a letter or digit',
  })
  account_name: string;

  @IsString()
  @Length(8, 128)
  password: string;

  @Matches(MOBILE_RE, { message: 'mobile must be E.164 or an 11-digit CN mobile' })
  mobile: string;

  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;
}

export class ListQuickRegistrationsQuery extends PageQuery {
  @IsOptional()
  @IsIn(QUICK_REGISTRATION_STATUSES)
  status?: QuickRegistrationStatus;

  @IsOptional()
  @IsString()
  @MaxLength(36)
  source_account_id?: string;
}
