import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsString, Length, MaxLength } from 'class-validator';

export class CreateRoleDto {
  @IsString()
  @Length(1, 64)
  name: string;

  /** grantable keys allowed for the identity (ORG-014), checked by the service (422 with details.keys) */
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  permission_keys: string[];
}

export class UpdateRoleDto {
  @IsOptional()
  @IsString()
  @Length(1, 64)
  name?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  permission_keys?: string[];
}
