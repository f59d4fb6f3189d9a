import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Ctx, FieldErrorCode, PartnerAdminOnly } from '../../../../libs/auth/index.js';
import type { RequestContext } from '../../../../libs/context/index.js';
import {
  AddMemberRoleDto,
  CreateMemberDto,
  ListMembersQuery,
  SetMemberRolesDto,
  SetSupervisedManagersDto,
  UpdateMemberDto,
} from '../dto/members.dto.js';
import { CustomerManagerAssignmentService } from '../services/customer-manager.service.js';
import { OrgMemberService } from '../services/org-member.service.js';

/** Org members (FAQ 7.1): partner admin only (ORG-001), not even the preset admin role. */
@ApiTags('org: members')
@FieldErrorCode('ORG_FIELD_INVALID')
@Controller('api/v1/org/members')
export class OrgMembersController {
  constructor(
    private readonly members: OrgMemberService,
    private readonly customerManagers: CustomerManagerAssignmentService,
  ) {}

  @Post()
  @PartnerAdminOnly()
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateMemberDto) {
    return this.members.create(ctx, dto);
  }

  @Get()
  @PartnerAdminOnly()
  list(@Ctx() ctx: RequestContext, @Query() q: ListMembersQuery) {
    return this.members.list(ctx, q);
  }

  @Get(':id')
  @PartnerAdminOnly()
  get(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.members.get(ctx, id);
  }

  @Patch(':id')
  @PartnerAdminOnly()
  update(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: UpdateMemberDto) {
    return this.members.update(ctx, id, dto);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @PartnerAdminOnly()
  disable(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.members.disable(ctx, id);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @PartnerAdminOnly()
  enable(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.members.enable(ctx, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @PartnerAdminOnly()
  remove(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.members.remove(ctx, id);
  }

  /** ORG-016: sends the member IAM's password page; the partner center sets no password. */
  @Post(':id/password-reset')
  @HttpCode(200)
  @PartnerAdminOnly()
  resetPassword(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.members.resetPassword(ctx, id);
  }

  @Put(':id/roles')
  @PartnerAdminOnly()
  setRoles(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: SetMemberRolesDto) {
    return this.members.setRoles(ctx, id, dto);
  }

  @Post(':id/roles')
  @PartnerAdminOnly()
  addRole(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: AddMemberRoleDto) {
    return this.members.addRole(ctx, id, dto.role_id);
  }

  @Delete(':id/roles/:roleId')
  @PartnerAdminOnly()
  removeRole(@Ctx() ctx: RequestContext, @Param('id') id: string, @Param('roleId') roleId: string) {
    return this.members.removeRole(ctx, id, roleId);
  }

  @Get(':id/effective-permissions')
  @PartnerAdminOnly()
  effectivePermissions(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.members.effectivePermissions(ctx, id);
  }

  /** ORG-012: the customer managers this member supervises. */
  @Get(':id/supervised-customer-managers')
  @PartnerAdminOnly()
  supervised(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.customerManagers.getSupervised(ctx, id);
  }

  @Put(':id/supervised-customer-managers')
  @PartnerAdminOnly()
  setSupervised(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: SetSupervisedManagersDto) {
    return this.customerManagers.setSupervised(ctx, id, dto.customer_manager_ids);
  }
}
