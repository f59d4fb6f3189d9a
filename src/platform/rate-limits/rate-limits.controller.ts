import { Body, Controller, Delete, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { Ctx, ReviewerRoles } from '../../../libs/auth/index.js';
import type { RequestContext } from '../../../libs/context/index.js';
import { RateLimitService } from './rate-limit.service.js';

export class RateLimitDto {
  @IsInt()
  @Min(1)
  @Max(100_000)
  limit_per_second: number;
}

/**
 * Rate-limit policy (api.md operation catalogue, API-013), an `operations` action. `{operation}` is the
 * URL-encoded `<METHOD> <route>`, e.g. `GET%20%2Fapi%2Fv1%2Finfo%2Fcompany`; path parameters may be named
 * freely (`{id}` or `:id`).
 */
@ApiTags('admin: rate limits')
@Controller('api/v1/admin/rate-limits')
export class RateLimitsController {
  constructor(private readonly limits: RateLimitService) {}

  @Get()
  @ReviewerRoles('operations')
  list() {
    return this.limits.list();
  }

  @Get(':operation')
  @ReviewerRoles('operations')
  get(@Param('operation') operation: string) {
    return this.limits.get(operation);
  }

  @Put(':operation')
  @ReviewerRoles('operations')
  set(@Ctx() ctx: RequestContext, @Param('operation') operation: string, @Body() dto: RateLimitDto) {
    return this.limits.set(ctx, operation, dto.limit_per_second);
  }

  /** Back to the default limit. */
  @Delete(':operation')
  @ReviewerRoles('operations')
  clear(@Ctx() ctx: RequestContext, @Param('operation') operation: string) {
    return this.limits.set(ctx, operation, null);
  }
}
