/**
 * Effective permissions (org.md ORG-004, ORG-005, ORG-008, ORG-009, ORG-015): the partner admin holds every
 * registered key allowed for the account's identity; an org member holds the union of its roles' keys plus
 * the identity's table 7-1 defaults, restricted to keys allowed for the identity — and nothing without a role.
 * Identity is evaluated at request time, so permissions follow path and program changes.
 */
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../../../config/app.config.js';
import { DataSource, In, IsNull } from 'typeorm';
import {
  DEFAULT_PERMISSIONS,
  type PartnerIdentity,
  allPermissionKeys,
  isKeyAllowedForIdentity,
} from '../../../../libs/auth/index.js';
import {
  MEMBERSHIP_READER,
  type MembershipReader,
  PartnerIdentityService,
} from '../../certification/index.js';
import { PartnerAccountService } from '../../info/index.js';
import { type AccountPermissionFacts, isKeyAllowedForAccount } from '../domain/identity-restrictions.js';
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
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly identities: PartnerIdentityService,
    private readonly accounts: PartnerAccountService,
    @Inject(MEMBERSHIP_READER) private readonly memberships: MembershipReader,
  ) {}

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

  /**
   * ORG-015 for one account: its identity and the finer restrictions that need its programs and expansion
   * flags (domain/identity-restrictions.ts). Evaluated per request, like the identity (ORG-004).
   */
  async accountFacts(partnerAccountId: string): Promise<AccountPermissionFacts> {
    const [identity, programs, account] = await Promise.all([
      this.identities.identityOf(partnerAccountId),
      this.memberships.programMemberships(partnerAccountId),
      this.accounts.findById(partnerAccountId),
    ]);
    return {
      identity,
      activePrograms: programs.filter((p) => p.status === 'active').map((p) => p.program),
      channelExpansionAccount: account?.channelExpansionAccount ?? false,
      customerExpansionAccount: account?.customerExpansionAccount ?? false,
    };
  }

  adminPermissions(identity: PartnerIdentity, facts?: AccountPermissionFacts): Set<string> {
    return new Set(
      [...allPermissionKeys(), ...DEFAULT_PERMISSIONS[identity]].filter(
        (k) => isKeyAllowedForIdentity(k, identity) && (!facts || isKeyAllowedForAccount(k, facts)),
      ),
    );
  }

  async memberPermissions(
    partnerAccountId: string,
    memberId: string,
    identity: PartnerIdentity,
    facts?: AccountPermissionFacts,
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
    // Open point 3: defaults for a customer-manager-only member follow ORG_DEFAULTS_FOR_CUSTOMER_MANAGER
    const cmOnly = roles.length > 0 && roles.every((r) => r.kind === 'preset_customer_manager');
    const defaults =
      cmOnly && !this.config.ORG_DEFAULTS_FOR_CUSTOMER_MANAGER ? [] : DEFAULT_PERMISSIONS[identity];
    const keys = new Set<string>(defaults);
    for (const role of roles) {
      const roleKeys = role.kind === 'preset_admin' ? allPermissionKeys() : role.permissionKeys;
      for (const k of roleKeys) keys.add(k);
    }
    return new Set(
      [...keys].filter(
        (k) => isKeyAllowedForIdentity(k, identity) && (!facts || isKeyAllowedForAccount(k, facts)),
      ),
    );
  }
}
