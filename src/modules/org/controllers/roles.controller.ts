import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Ctx, FieldErrorCode, PartnerAdminOnly } from '../../../../libs/auth/index.js';
import type { RequestContext } from '../../../../libs/context/index.js';
import { CreateRoleDto, UpdateRoleDto } from '../dto/roles.dto.js';
import { OrgRoleService } from '../services/org-role.service.js';

/** Roles (FAQ 7.1.3, 7.1.4): partner admin only (ORG-001); presets immutable (ORG-007). */
@ApiTags('org: roles')
@FieldErrorCode('ORG_FIELD_INVALID')
@Controller('api/v1/org')
export class OrgRolesController {
  constructor(private readonly roles: OrgRoleService) {}

  /** The grantable permission keys allowed for the account's identity (ORG-014, ORG-015). */
  @Get('permission-keys')
  @PartnerAdminOnly()
  grantable(@Ctx() ctx: RequestContext) {
    return this.roles.grantableKeys(ctx);
  }

  @Get('roles')
  @PartnerAdminOnly()
  list(@Ctx() ctx: RequestContext) {
    return this.roles.list(ctx);
  }

  @Get('roles/:id')
  @PartnerAdminOnly()
  get(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.roles.get(ctx, id);
  }

  @Post('roles')
  @PartnerAdminOnly()
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateRoleDto) {
    return this.roles.create(ctx, dto);
  }

  @Patch('roles/:id')
  @PartnerAdminOnly()
  update(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: UpdateRoleDto) {
    return this.roles.update(ctx, id, dto);
  }

  @Delete('roles/:id')
  @HttpCode(204)
  @PartnerAdminOnly()
  remove(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.roles.remove(ctx, id);
  }
}
