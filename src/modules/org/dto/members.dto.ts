import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
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

/** ORG-002 / Open point 11: IAM user-name conventions (adjust to the real IAM rules if they differ). */
export const LOGIN_NAME_RE = /^[A-Za-z][A-Za-z0-9_.-]{0,31}$/;
/** Mobile numbers: digits with an optional leading `+` (decision: IAM accepts international numbers). */
export const MOBILE_RE = /^\+?[0-9]{6,19}$/;

export class CreateMemberDto {
  @IsString()
  @Matches(LOGIN_NAME_RE, { message: 'login_name must start with a letter; letters, digits, _ . - (max 32)' })
  login_name: string;

  @IsOptional()
  @IsString()
  @Length(1, 64)
  display_name?: string;

  @IsEmail()
  @MaxLength(254)
  email: string;

  @IsOptional()
  @IsString()
  @Matches(MOBILE_RE)
  mobile?: string;

  /** initial password of the IAM user: 8–32 characters with letters and digits (IAM password policy) */
  @IsString()
  @Length(8, 32)
  @Matches(/^(?=.*[A-Za-z])(?=.*\d)\S+$/, { message: 'password must contain letters and digits' })
  password: string;

  /** at most 3 (ORG-006); checked by the service so the answer is 422 ORG_MEMBER_ROLE_LIMIT */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(36, { each: true })
  role_ids?: string[];
}

export class UpdateMemberDto {
  @IsOptional()
  @IsString()
  @Length(1, 64)
  display_name?: string;

  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  /** `null` removes the mobile number */
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @Matches(MOBILE_RE)
  mobile?: string | null;
}

export class SetMemberRolesDto {
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(36, { each: true })
  role_ids: string[];
}

export class AddMemberRoleDto {
  @IsString()
  @MaxLength(36)
  role_id: string;
}

export class ListMembersQuery extends PageQuery {
  @IsOptional()
  @IsIn(['active', 'disabled', 'deleted'])
  status?: 'active' | 'disabled' | 'deleted';

  @IsOptional()
  @IsUUID()
  role_id?: string;

  /** matches login name, display name or e-mail (contains, case-insensitive) */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  keyword?: string;
}

export class SetSupervisedManagersDto {
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(36, { each: true })
  customer_manager_ids: string[];
}

export class AssignCustomerManagerDto {
  @IsString()
  @MaxLength(36)
  member_id: string;
}

export class ListAssignmentsQuery extends PageQuery {
  @IsOptional()
  @IsUUID()
  member_id?: string;
}
