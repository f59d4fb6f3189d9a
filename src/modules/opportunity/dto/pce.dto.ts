import { IsBoolean, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';

export class JoinPceDto {
  /** OPP-001: must be true (checked by the service: 400 OPP_PCE_AGREEMENT_REQUIRED) */
  @IsOptional()
  @IsBoolean()
  agreement_accepted?: boolean;

  @IsOptional()
  @IsBoolean()
  update_commitment?: boolean;

  /** the agreement version the partner read; defaults to the current one */
  @IsOptional()
  @IsString()
  @Length(1, 32)
  agreement_version?: string;
}

export class WhitelistDto {
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class TerminateEnrollmentDto {
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class PceScoresDto {
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  technical_score?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  cooperation_score?: number;
}
