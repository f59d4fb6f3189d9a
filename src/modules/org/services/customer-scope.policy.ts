/**
 * The customer-manager data scope (FAQ 7.1.4, 12.1.6.14, 12.1.9.5; org.md ORG-010, ORG-012), exported for the
 * sales module: a member whose *only* role is `customer_manager` sees the sub-customers assigned to him plus
 * those of the customer managers he supervises; every other partner user (the partner admin, a member with
 * any other role — `customer_manager` combined with another role included, Open point 4) sees all customers.
 * Out-of-scope customers answer exactly like missing ones (404 CUSTOMER_NOT_FOUND), so scope never leaks
 * existence; lists are filtered, not refused.
 */
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { RequestContext } from '../../../../libs/context/index.js';
import { TransactionRunner } from '../../../../libs/persistence/index.js';
import {
  CustomerManagerAssignment,
  CustomerManagerSupervision,
} from '../entities/customer-manager.entities.js';
import { OrgMemberRole, Role } from '../entities/org-member.entity.js';
import { OrgErrors } from '../org.errors.js';

export type CustomerScope = { all: true } | { all: false; customerIds: string[] };

@Injectable()
export class CustomerScopePolicy {
  constructor(private readonly tx: TransactionRunner) {}

  /**
   * The customers the context's actor may see. Non-partner actors (system jobs, reviewers) are not
   * customer-scoped here: reviewers' cross-partner reads go through their own access checks.
   */
  async scopeFor(ctx: RequestContext): Promise<CustomerScope> {
    if (ctx.actor.kind !== 'partner' || ctx.actor.memberId === null) return { all: true };
    const customerIds = await this.visibleCustomerIds(ctx, ctx.actor.partnerAccountId, ctx.actor.memberId);
    return customerIds === null ? { all: true } : { all: false, customerIds };
  }

  /**
   * ORG-010/ORG-012 for one member: null when the member is not restricted (sees all customers), else the
   * customer ids assigned to him or to the customer managers he supervises.
   */
  async visibleCustomerIds(
    ctx: RequestContext,
    partnerAccountId: string,
    memberId: string,
  ): Promise<string[] | null> {
    const em = this.tx.manager(ctx);
    const links = await em.find(OrgMemberRole, { where: { memberId, partnerAccountId } });
    const roles = links.length ? await em.find(Role, { where: { id: In(links.map((l) => l.roleId)) } }) : [];
    const restricted = roles.length === 1 && roles[0].kind === 'preset_customer_manager';
    if (!restricted) return null;
    const supervised = await em.find(CustomerManagerSupervision, {
      where: { partnerAccountId, supervisorMemberId: memberId },
    });
    const managers = [memberId, ...supervised.map((s) => s.customerManagerMemberId)];
    const rows = await em.find(CustomerManagerAssignment, {
      where: { partnerAccountId, orgMemberId: In(managers) },
    });
    return [...new Set(rows.map((r) => r.customerId))].sort();
  }

  /** 404 CUSTOMER_NOT_FOUND unless the actor's scope includes the customer (existence is the caller's check). */
  async assertCustomerVisible(ctx: RequestContext, customerId: string): Promise<void> {
    const scope = await this.scopeFor(ctx);
    if (!scope.all && !scope.customerIds.includes(customerId)) throw OrgErrors.fail('CUSTOMER_NOT_FOUND');
  }

  /** Filters a list of customer ids down to the actor's scope (lists are filtered, not refused). */
  async filterVisible(ctx: RequestContext, customerIds: string[]): Promise<string[]> {
    const scope = await this.scopeFor(ctx);
    if (scope.all) return customerIds;
    const visible = new Set(scope.customerIds);
    return customerIds.filter((id) => visible.has(id));
  }
}
