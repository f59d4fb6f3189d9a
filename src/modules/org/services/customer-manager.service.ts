/**
 * Customer-manager assignment and supervision (FAQ 7.1.4, 12.1.9.5; org.md ORG-010…ORG-013). The org module
 * owns the store; the sales module's `PUT /partners/sub-customers/{customer_id}/customer-manager` checks that
 * the customer exists and is the partner's, then calls `assign` (and ORG-013's reseller assignment reuses
 * `assertCustomerManager`). Until then the org endpoints take any customer id (a UUID) of the caller's account.
 */
import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { AuditService } from '../../../../libs/audit/index.js';
import type { RequestContext } from '../../../../libs/context/index.js';
import { DomainError } from '../../../../libs/errors/index.js';
import type { Page } from '../../../../libs/http/index.js';
import { TransactionRunner, findOneForUpdate } from '../../../../libs/persistence/index.js';
import type { ListAssignmentsQuery } from '../dto/members.dto.js';
import {
  CustomerManagerAssignment,
  CustomerManagerSupervision,
} from '../entities/customer-manager.entities.js';
import { OrgMember, OrgMemberRole, Role } from '../entities/org-member.entity.js';
import { OrgErrors } from '../org.errors.js';
import { CustomerScopePolicy } from './customer-scope.policy.js';
import { assertPartnerAdmin } from './org-member.service.js';

/**
 * The key that lets a member assign customer managers (org.md Actions × actors). It is a `sales` key (the
 * sales module declares it, GLOSSARY convention 1); written here as data so org does not import sales.
 */
export const ASSIGN_MANAGER_KEY = 'sales.customer.assign_manager';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AssignmentView {
  customer_id: string;
  member_id: string | null;
  member_login_name: string | null;
  assigned_at: string | null;
}

@Injectable()
export class CustomerManagerAssignmentService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly scope: CustomerScopePolicy,
  ) {}

  /** ORG-011: the member must be an active member of the account holding the `customer_manager` role. */
  async assertCustomerManager(
    em: EntityManager,
    partnerAccountId: string,
    memberId: string,
  ): Promise<OrgMember> {
    const m = await em.findOne(OrgMember, { where: { id: memberId, partnerAccountId } });
    if (!m || m.status === 'deleted') throw OrgErrors.fail('ORG_MEMBER_NOT_FOUND');
    const links = await em.find(OrgMemberRole, { where: { memberId: m.id } });
    const roles = links.length ? await em.find(Role, { where: { id: In(links.map((l) => l.roleId)) } }) : [];
    if (m.status !== 'active' || !roles.some((r) => r.kind === 'preset_customer_manager')) {
      throw OrgErrors.fail('ORG_NOT_CUSTOMER_MANAGER', undefined, { member_id: m.id });
    }
    return m;
  }

  /**
   * ORG-013 (owned by sales.md SALES-462): a distributor assigns one of its customer-manager members to a cloud
   * reseller; the sales module checks the member here — 404 ORG_MEMBER_NOT_FOUND, 422 ORG_NOT_CUSTOMER_MANAGER.
   */
  async assertAssignableManager(
    ctx: RequestContext,
    memberId: string,
  ): Promise<{ member_id: string; login_name: string }> {
    const m = await this.assertCustomerManager(this.tx.manager(ctx), ctx.partnerAccountId, memberId);
    return { member_id: m.id, login_name: m.loginName };
  }

  /** Assigns or reassigns (one manager per customer, the previous one is replaced — ORG-011 decision). */
  async assign(ctx: RequestContext, customerId: string, memberId: string): Promise<AssignmentView> {
    this.assertMayAssign(ctx);
    this.assertCustomerId(customerId);
    await this.scope.assertCustomerVisible(ctx, customerId);
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const member = await this.assertCustomerManager(em, ctx.partnerAccountId, memberId);
      const existing = await findOneForUpdate(em, CustomerManagerAssignment, {
        partnerAccountId: ctx.partnerAccountId,
        customerId,
      });
      const before = existing ? { member_id: existing.orgMemberId } : null;
      const row =
        existing ??
        em.create(CustomerManagerAssignment, { partnerAccountId: ctx.partnerAccountId, customerId });
      row.orgMemberId = member.id;
      row.assignedBy = t.actorId;
      row.assignedAt = t.now();
      await em.save(row);
      await this.audit.record(t, {
        action: existing ? 'customer_manager.reassigned' : 'customer_manager.assigned',
        entityType: 'customer_manager_assignment',
        entityId: row.id,
        before,
        after: { customer_id: customerId, member_id: member.id },
      });
      return this.view(customerId, row, member);
    });
  }

  /** Removes the customer's manager (the customer becomes unassigned); idempotent. */
  async unassign(ctx: RequestContext, customerId: string): Promise<void> {
    this.assertMayAssign(ctx);
    this.assertCustomerId(customerId);
    await this.scope.assertCustomerVisible(ctx, customerId);
    await this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const row = await findOneForUpdate(em, CustomerManagerAssignment, {
        partnerAccountId: ctx.partnerAccountId,
        customerId,
      });
      if (!row) return;
      await em.delete(CustomerManagerAssignment, { id: row.id });
      await this.audit.record(t, {
        action: 'customer_manager.unassigned',
        entityType: 'customer_manager_assignment',
        entityId: row.id,
        before: { customer_id: customerId, member_id: row.orgMemberId },
      });
    });
  }

  /** The assignments the caller may see (ORG-010/ORG-012 filter the list). */
  async list(ctx: RequestContext, q: ListAssignmentsQuery): Promise<Page<AssignmentView>> {
    const em = this.tx.manager(ctx);
    const scope = await this.scope.scopeFor(ctx);
    const where = {
      partnerAccountId: ctx.partnerAccountId,
      ...(q.member_id ? { orgMemberId: q.member_id } : {}),
      ...(scope.all ? {} : { customerId: In(scope.customerIds) }),
    };
    const [rows, total] = await em.findAndCount(CustomerManagerAssignment, {
      where,
      order: { assignedAt: 'ASC', customerId: 'ASC' },
      skip: q.offset ?? 0,
      take: q.limit ?? 10,
    });
    const members = rows.length
      ? await em.find(OrgMember, { where: { id: In(rows.map((r) => r.orgMemberId)) } })
      : [];
    return {
      total_count: total,
      items: rows.map((r) => this.view(r.customerId, r, members.find((m) => m.id === r.orgMemberId) ?? null)),
    };
  }

  /** One customer's manager; out of a restricted member's scope → 404 CUSTOMER_NOT_FOUND (ORG-010). */
  async get(ctx: RequestContext, customerId: string): Promise<AssignmentView> {
    this.assertCustomerId(customerId);
    await this.scope.assertCustomerVisible(ctx, customerId);
    const em = this.tx.manager(ctx);
    const row = await em.findOne(CustomerManagerAssignment, {
      where: { partnerAccountId: ctx.partnerAccountId, customerId },
    });
    const member = row ? await em.findOne(OrgMember, { where: { id: row.orgMemberId } }) : null;
    return this.view(customerId, row, member);
  }

  /** ORG-012: the partner admin sets which customer managers a member supervises (replaces the list). */
  async setSupervised(
    ctx: RequestContext,
    supervisorId: string,
    managerIds: string[],
  ): Promise<{ supervisor_member_id: string; customer_manager_ids: string[] }> {
    assertPartnerAdmin(ctx);
    const ids = [...new Set(managerIds)];
    await this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const sup = await findOneForUpdate(em, OrgMember, {
        id: supervisorId,
        partnerAccountId: ctx.partnerAccountId,
      });
      if (!sup || sup.status === 'deleted') throw OrgErrors.fail('ORG_MEMBER_NOT_FOUND');
      if (ids.includes(sup.id)) throw OrgErrors.fail('ORG_SUPERVISOR_INVALID');
      for (const id of ids) await this.assertCustomerManager(em, ctx.partnerAccountId, id);
      const before = await em.find(CustomerManagerSupervision, { where: { supervisorMemberId: sup.id } });
      await em.delete(CustomerManagerSupervision, { supervisorMemberId: sup.id });
      for (const id of ids) {
        await em.save(
          em.create(CustomerManagerSupervision, {
            partnerAccountId: ctx.partnerAccountId,
            supervisorMemberId: sup.id,
            customerManagerMemberId: id,
            createdAt: t.now(),
          }),
        );
      }
      await this.audit.record(t, {
        action: 'customer_manager.supervision_set',
        entityType: 'org_member',
        entityId: sup.id,
        before: { customer_manager_ids: before.map((b) => b.customerManagerMemberId).sort() },
        after: { customer_manager_ids: [...ids].sort() },
      });
    });
    return this.getSupervised(ctx, supervisorId);
  }

  async getSupervised(
    ctx: RequestContext,
    supervisorId: string,
  ): Promise<{ supervisor_member_id: string; customer_manager_ids: string[] }> {
    assertPartnerAdmin(ctx);
    const em = this.tx.manager(ctx);
    const sup = await em.findOne(OrgMember, {
      where: { id: supervisorId, partnerAccountId: ctx.partnerAccountId },
    });
    if (!sup || sup.status === 'deleted') throw OrgErrors.fail('ORG_MEMBER_NOT_FOUND');
    const rows = await em.find(CustomerManagerSupervision, { where: { supervisorMemberId: sup.id } });
    return {
      supervisor_member_id: sup.id,
      customer_manager_ids: rows.map((r) => r.customerManagerMemberId).sort(),
    };
  }

  /** Actions × actors: the partner admin, or a member holding `sales.customer.assign_manager`. */
  private assertMayAssign(ctx: RequestContext): void {
    if (ctx.actor.kind !== 'partner') return;
    if (ctx.actor.memberId !== null && !ctx.hasPermission(ASSIGN_MANAGER_KEY)) {
      throw new DomainError('ORG_PERMISSION_DENIED', undefined, { permission: ASSIGN_MANAGER_KEY });
    }
  }

  /** Customer ids are UUIDs; anything else cannot be a customer (same answer as a missing customer). */
  private assertCustomerId(customerId: string): void {
    if (!UUID_RE.test(customerId)) throw OrgErrors.fail('CUSTOMER_NOT_FOUND');
  }

  private view(
    customerId: string,
    row: CustomerManagerAssignment | null,
    member: OrgMember | null,
  ): AssignmentView {
    return {
      customer_id: customerId,
      member_id: row?.orgMemberId ?? null,
      member_login_name: member?.loginName ?? null,
      assigned_at: row?.assignedAt.toISOString() ?? null,
    };
  }
}
