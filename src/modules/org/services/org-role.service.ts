/**
 * Roles (FAQ 7.1.3, 7.1.4; org.md ORG-007, ORG-008, ORG-009, ORG-014, ORG-015): the presets `admin` and
 * `customer_manager` shared by every account, and the partner admin's custom roles built from the grantable
 * keys allowed for the account's identity. Every write is transactional and audited.
 */
import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { type EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../../../../libs/audit/index.js';
import { type PartnerIdentity, allPermissionKeys, isPermissionKey } from '../../../../libs/auth/index.js';
import type { RequestContext } from '../../../../libs/context/index.js';
import { TransactionRunner, findOneForUpdate } from '../../../../libs/persistence/index.js';
import { type AccountPermissionFacts, isKeyAllowedForAccount } from '../domain/identity-restrictions.js';
import type { CreateRoleDto, UpdateRoleDto } from '../dto/roles.dto.js';
import { OrgMemberRole, Role } from '../entities/org-member.entity.js';
import { OrgErrors } from '../org.errors.js';
import { assertPartnerAdmin } from './org-member.service.js';
import { OrgPermissionService } from './org-permission.service.js';

export interface RoleDetailView {
  id: string;
  code: string;
  name: string;
  kind: Role['kind'];
  editable: boolean;
  /** the keys the role grants for this account's identity (the admin role: every grantable key, ORG-008) */
  permission_keys: string[];
  member_count: number;
}

@Injectable()
export class OrgRoleService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly permissions: OrgPermissionService,
  ) {}

  /** Grantable keys for the caller's identity (ORG-014/ORG-015): every registered key the identity allows. */
  async grantableKeys(
    ctx: RequestContext,
  ): Promise<{ identity: PartnerIdentity; permission_keys: string[] }> {
    assertPartnerAdmin(ctx);
    const facts = await this.permissions.accountFacts(ctx.partnerAccountId);
    return {
      identity: facts.identity,
      permission_keys: allPermissionKeys().filter((k) => isKeyAllowedForAccount(k, facts)),
    };
  }

  async list(ctx: RequestContext): Promise<{ total_count: number; items: RoleDetailView[] }> {
    assertPartnerAdmin(ctx);
    const em = this.tx.manager(ctx);
    const facts = await this.permissions.accountFacts(ctx.partnerAccountId);
    const roles = await em.find(Role, {
      where: [{ partnerAccountId: IsNull() }, { partnerAccountId: ctx.partnerAccountId }],
    });
    roles.sort((a, b) => kindOrder(a) - kindOrder(b) || a.name.localeCompare(b.name));
    const items: RoleDetailView[] = [];
    for (const r of roles) items.push(await this.view(em, ctx, r, facts));
    return { total_count: items.length, items };
  }

  async get(ctx: RequestContext, id: string): Promise<RoleDetailView> {
    assertPartnerAdmin(ctx);
    const em = this.tx.manager(ctx);
    const role = await this.find(em, ctx, id);
    return this.view(em, ctx, role, await this.permissions.accountFacts(ctx.partnerAccountId));
  }

  async create(ctx: RequestContext, dto: CreateRoleDto): Promise<RoleDetailView> {
    assertPartnerAdmin(ctx);
    const facts = await this.permissions.accountFacts(ctx.partnerAccountId);
    this.assertGrantable(dto.permission_keys, facts);
    const id = await this.tx.run(ctx, async (t) => {
      const em = t.em!;
      await this.assertNameFree(em, ctx, dto.name);
      const role = em.create(Role, {
        partnerAccountId: ctx.partnerAccountId,
        code: `custom_${randomBytes(6).toString('hex')}`,
        name: dto.name,
        kind: 'custom',
        permissionKeys: [...dto.permission_keys].sort(),
        editable: true,
      });
      await em.save(role);
      await this.audit.record(t, {
        action: 'org_role.created',
        entityType: 'org_role',
        entityId: role.id,
        after: { name: role.name, permission_keys: role.permissionKeys },
      });
      return role.id;
    });
    return this.get(ctx, id);
  }

  /** ORG-007: presets are immutable (403); custom roles take new keys checked by ORG-014. */
  async update(ctx: RequestContext, id: string, dto: UpdateRoleDto): Promise<RoleDetailView> {
    assertPartnerAdmin(ctx);
    const facts = await this.permissions.accountFacts(ctx.partnerAccountId);
    await this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const role = await this.findForUpdate(em, ctx, id);
      if (role.kind !== 'custom') throw OrgErrors.fail('ORG_ROLE_PRESET_IMMUTABLE');
      if (dto.permission_keys) this.assertGrantable(dto.permission_keys, facts);
      const before = { name: role.name, permission_keys: role.permissionKeys };
      if (dto.name !== undefined && dto.name !== role.name) {
        await this.assertNameFree(em, ctx, dto.name);
        role.name = dto.name;
      }
      if (dto.permission_keys) role.permissionKeys = [...dto.permission_keys].sort();
      await em.save(role);
      await this.audit.record(t, {
        action: 'org_role.updated',
        entityType: 'org_role',
        entityId: role.id,
        before,
        after: { name: role.name, permission_keys: role.permissionKeys },
      });
    });
    return this.get(ctx, id);
  }

  /** ORG-007: presets cannot be deleted (403); a custom role still assigned cannot be deleted (409). */
  async remove(ctx: RequestContext, id: string): Promise<void> {
    assertPartnerAdmin(ctx);
    await this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const role = await this.findForUpdate(em, ctx, id);
      if (role.kind !== 'custom') throw OrgErrors.fail('ORG_ROLE_PRESET_IMMUTABLE');
      const inUse = await em.count(OrgMemberRole, { where: { roleId: role.id } });
      if (inUse > 0) throw OrgErrors.fail('ORG_ROLE_IN_USE', undefined, { member_count: inUse });
      await em.delete(Role, { id: role.id });
      await this.audit.record(t, {
        action: 'org_role.deleted',
        entityType: 'org_role',
        entityId: role.id,
        before: { name: role.name, permission_keys: role.permissionKeys },
      });
    });
  }

  /** ORG-014 (with ORG-015): only registered keys that the identity allows; the offenders in details.keys. */
  private assertGrantable(keys: string[], facts: AccountPermissionFacts): void {
    const bad = keys.filter((k) => !isPermissionKey(k) || !isKeyAllowedForAccount(k, facts));
    if (bad.length) throw OrgErrors.fail('ORG_ROLE_PERMISSION_NOT_ALLOWED', undefined, { keys: bad });
  }

  /** Decision: role names are unique within the account, presets' names included. */
  private async assertNameFree(em: EntityManager, ctx: RequestContext, name: string): Promise<void> {
    const roles = await em.find(Role, {
      where: [{ partnerAccountId: IsNull() }, { partnerAccountId: ctx.partnerAccountId }],
    });
    if (roles.some((r) => r.name.toLowerCase() === name.toLowerCase() || r.code === name)) {
      throw OrgErrors.fail('ORG_ROLE_NAME_TAKEN');
    }
  }

  private async find(em: EntityManager, ctx: RequestContext, id: string): Promise<Role> {
    const role = await em.findOne(Role, {
      where: [
        { id, partnerAccountId: IsNull() },
        { id, partnerAccountId: ctx.partnerAccountId },
      ],
    });
    if (!role) throw OrgErrors.fail('ORG_ROLE_NOT_FOUND');
    return role;
  }

  private async findForUpdate(em: EntityManager, ctx: RequestContext, id: string): Promise<Role> {
    const role =
      (await findOneForUpdate(em, Role, { id, partnerAccountId: ctx.partnerAccountId })) ??
      (await em.findOne(Role, { where: { id, partnerAccountId: IsNull() } }));
    if (!role) throw OrgErrors.fail('ORG_ROLE_NOT_FOUND');
    return role;
  }

  private async view(
    em: EntityManager,
    ctx: RequestContext,
    r: Role,
    facts: AccountPermissionFacts,
  ): Promise<RoleDetailView> {
    const keys = r.kind === 'preset_admin' ? allPermissionKeys() : r.permissionKeys;
    const memberCount = await em.count(OrgMemberRole, {
      where: { roleId: r.id, partnerAccountId: ctx.partnerAccountId },
    });
    return {
      id: r.id,
      code: r.code,
      name: r.name,
      kind: r.kind,
      editable: r.kind === 'custom',
      permission_keys: keys.filter((k) => isKeyAllowedForAccount(k, facts)).sort(),
      member_count: memberCount,
    };
  }
}

const kindOrder = (r: Role): number =>
  r.kind === 'preset_admin' ? 0 : r.kind === 'preset_customer_manager' ? 1 : 2;
