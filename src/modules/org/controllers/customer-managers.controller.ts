import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Ctx, FieldErrorCode, RequirePermission } from '../../../../libs/auth/index.js';
import type { RequestContext } from '../../../../libs/context/index.js';
import { AssignCustomerManagerDto, ListAssignmentsQuery } from '../dto/members.dto.js';
import {
  ASSIGN_MANAGER_KEY,
  CustomerManagerAssignmentService,
} from '../services/customer-manager.service.js';

/** `sales.customer.view` (a sales key, org.md ORG-009): reading who manages which customer, scoped by ORG-010. */
const CUSTOMER_VIEW_KEY = 'sales.customer.view';

/**
 * Customer-manager assignments (FAQ 7.1.4; org.md ORG-010, ORG-011): the partner admin or a member holding
 * `sales.customer.assign_manager` assigns; reads are filtered by the caller's customer scope.
 */
@ApiTags('org: customer managers')
@FieldErrorCode('ORG_FIELD_INVALID')
@Controller('api/v1/org/customer-manager-assignments')
export class CustomerManagerAssignmentsController {
  constructor(private readonly assignments: CustomerManagerAssignmentService) {}

  @Get()
  @RequirePermission(CUSTOMER_VIEW_KEY)
  list(@Ctx() ctx: RequestContext, @Query() q: ListAssignmentsQuery) {
    return this.assignments.list(ctx, q);
  }

  @Get(':customer_id')
  @RequirePermission(CUSTOMER_VIEW_KEY)
  get(@Ctx() ctx: RequestContext, @Param('customer_id') customerId: string) {
    return this.assignments.get(ctx, customerId);
  }

  @Put(':customer_id')
  @RequirePermission(ASSIGN_MANAGER_KEY)
  assign(
    @Ctx() ctx: RequestContext,
    @Param('customer_id') customerId: string,
    @Body() dto: AssignCustomerManagerDto,
  ) {
    return this.assignments.assign(ctx, customerId, dto.member_id);
  }

  @Delete(':customer_id')
  @HttpCode(204)
  @RequirePermission(ASSIGN_MANAGER_KEY)
  unassign(@Ctx() ctx: RequestContext, @Param('customer_id') customerId: string) {
    return this.assignments.unassign(ctx, customerId);
  }
}
