/**
 * Effective permissions (org.md ORG-004, ORG-005, ORG-008, ORG-009, ORG-015): the partner admin holds every
 * registered key allowed for the account's identity; an org member holds the union of its roles' keys plus
 * the identity's table 7-1 defaults, restricted to keys allowed for the identity — and nothing without a role.
 * Identity is evaluated at request time, so permissions follow path and program changes.
 */
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import {
  DEFAULT_PERMISSIONS,
  type PartnerIdentity,
  allPermissionKeys,
  isKeyAllowedForIdentity,
} from '../../../../libs/auth/index.js';
import { OrgMember, OrgMemberRole, Role } from '../entities/org-member.entity.js';

export const PRESET_ROLES = {
  admin: { code: 'admin', name: 'Administrator', kind: 'preset_admin' as const },
  customerManager: {
    code: 'customer_manager',
    name: 'Customer manager',
    kind: 'preset_customer_manager' as const,
  },
};

/** ORG-009: the customer manager's fixed keys on top of the identity defaults. */
export const CUSTOMER_MANAGER_KEYS = ['sales.customer.view', 'sales.consumption_dashboard.view'];

@Injectable()
export class OrgPermissionService implements OnModuleInit {
  constructor(private readonly dataSource: DataSource) {}

  /** Preset roles are shared rows (partner_account_id NULL), created once. */
  async onModuleInit(): Promise<void> {
    if (!this.dataSource.isInitialized) return;
    await this.ensurePresetRoles();
  }

  async ensurePresetRoles(): Promise<void> {
    const repo = this.dataSource.getRepository(Role);
    for (const p of Object.values(PRESET_ROLES)) {
      const exists = await repo.findOne({ where: { code: p.code, partnerAccountId: IsNull() } });
      if (!exists) {
        await repo.save(
          repo.create({
            partnerAccountId: null,
            code: p.code,
            name: p.name,
            kind: p.kind,
            permissionKeys: p.kind === 'preset_customer_manager' ? CUSTOMER_MANAGER_KEYS : [],
            editable: false,
          }),
        );
      }
    }
  }

  adminPermissions(identity: PartnerIdentity): Set<string> {
    return new Set(
      [...allPermissionKeys(), ...DEFAULT_PERMISSIONS[identity]].filter((k) =>
        isKeyAllowedForIdentity(k, identity),
      ),
    );
  }

  async memberPermissions(
    partnerAccountId: string,
    memberId: string,
    identity: PartnerIdentity,
  ): Promise<Set<string> | null> {
    const member = await this.dataSource
      .getRepository(OrgMember)
      .findOne({ where: { id: memberId, partnerAccountId } });
    if (!member || member.status !== 'active') return null;
    const links = await this.dataSource.getRepository(OrgMemberRole).find({ where: { memberId } });
    if (links.length === 0) return new Set(); // ORG-005 no role, no access
    const roles = await this.dataSource
      .getRepository(Role)
      .find({ where: { id: In(links.map((l) => l.roleId)) } });
    const keys = new Set<string>(DEFAULT_PERMISSIONS[identity]);
    for (const role of roles) {
      const roleKeys = role.kind === 'preset_admin' ? allPermissionKeys() : role.permissionKeys;
      for (const k of roleKeys) keys.add(k);
    }
    return new Set([...keys].filter((k) => isKeyAllowedForIdentity(k, identity)));
  }
}
