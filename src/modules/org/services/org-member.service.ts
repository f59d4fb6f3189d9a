/**
 * Org members (FAQ 7.1; org.md ORG-001…ORG-008, ORG-016): the partner admin creates, lists, edits, disables,
 * deletes members and assigns their roles. Every write runs in one transaction, changes `status` only through
 * ORG_MEMBER_MACHINE, and is audited. `createMember` is also used by the demo seed and the test builders.
 */
import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager, In, IsNull } from 'typeorm';
import { AuditService } from '../../../../libs/audit/index.js';
import { AuthService } from '../../../../libs/auth/index.js';
import type { RequestContext } from '../../../../libs/context/index.js';
import { DomainError } from '../../../../libs/errors/index.js';
import type { Page } from '../../../../libs/http/index.js';
import { NotificationService } from '../../../../libs/notify/index.js';
import {
  TransactionRunner,
  findOneForUpdate,
  isUniqueViolation,
} from '../../../../libs/persistence/index.js';
import { StateMachine } from '../../../../libs/state-machine/index.js';
import { PartnerAccountService } from '../../info/index.js';
import { ORG_MEMBER_MACHINE, type OrgMemberStatus } from '../domain/org-member-state-machine.js';
import type {
  CreateMemberDto,
  ListMembersQuery,
  SetMemberRolesDto,
  UpdateMemberDto,
} from '../dto/members.dto.js';
import {
  CustomerManagerAssignment,
  CustomerManagerSupervision,
} from '../entities/customer-manager.entities.js';
import { OrgMember, OrgMemberRole, Role } from '../entities/org-member.entity.js';
import { OrgErrors } from '../org.errors.js';
import { IAM_PORT, type IamPort } from '../ports/iam.port.js';
import { OrgPermissionService } from './org-permission.service.js';

export const MAX_ROLES_PER_MEMBER = 3;

export interface CreateMemberInput {
  partnerAccountId: string;
  accountName: string;
  loginName: string;
  displayName: string;
  email: string;
  mobile?: string | null;
  password: string;
  /** role codes: preset `admin` / `customer_manager` or the partner's custom role codes */
  roleCodes: string[];
}

/** ORG-001: member and role management is the partner admin's (not delegable, not even to the admin role). */
export function assertPartnerAdmin(ctx: RequestContext): void {
  if (ctx.actor.kind === 'partner' && ctx.actor.memberId !== null)
    throw new DomainError('ORG_ADMIN_REQUIRED');
}

export interface RoleView {
  id: string;
  code: string;
  name: string;
  kind: Role['kind'];
}

export interface MemberView {
  id: string;
  partner_account_id: string;
  iam_user_id: string | null;
  login_name: string;
  display_name: string;
  email: string;
  mobile: string | null;
  status: OrgMemberStatus;
  roles: RoleView[];
  created_by: string;
  created_at: string;
  updated_at: string | null;
}

const toRoleView = (r: Role): RoleView => ({ id: r.id, code: r.code, name: r.name, kind: r.kind });

@Injectable()
export class OrgMemberService {
  private readonly machine: StateMachine<OrgMemberStatus, OrgMember>;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
    private readonly accounts: PartnerAccountService,
    private readonly permissions: OrgPermissionService,
    @Inject(IAM_PORT) private readonly iam: IamPort,
  ) {
    this.machine = new StateMachine(ORG_MEMBER_MACHINE, audit);
  }

  /** Creation with role codes (demo seed, builders); the same checks as the API (ORG-002, ORG-006). */
  async createMember(ctx: RequestContext, input: CreateMemberInput): Promise<OrgMember> {
    assertPartnerAdmin(ctx);
    if (new Set(input.roleCodes).size > MAX_ROLES_PER_MEMBER) throw OrgErrors.fail('ORG_MEMBER_ROLE_LIMIT');
    return this.insert(ctx, input, async (em) => {
      if (!input.roleCodes.length) return [];
      const roles = await em.find(Role, {
        where: [
          { code: In(input.roleCodes), partnerAccountId: IsNull() },
          { code: In(input.roleCodes), partnerAccountId: input.partnerAccountId },
        ],
      });
      if (roles.length !== new Set(input.roleCodes).size) throw OrgErrors.fail('ORG_ROLE_NOT_FOUND');
      return roles;
    });
  }

  /** POST /org/members (ORG-001, ORG-002, ORG-006). */
  async create(ctx: RequestContext, dto: CreateMemberDto): Promise<MemberView> {
    assertPartnerAdmin(ctx);
    const roleIds = [...new Set(dto.role_ids ?? [])];
    if (roleIds.length > MAX_ROLES_PER_MEMBER) throw OrgErrors.fail('ORG_MEMBER_ROLE_LIMIT');
    const account = await this.accounts.findById(ctx.partnerAccountId);
    if (!account) throw new DomainError('AUTH_TOKEN_INVALID');
    const member = await this.insert(
      ctx,
      {
        partnerAccountId: ctx.partnerAccountId,
        accountName: account.accountName,
        loginName: dto.login_name,
        displayName: dto.display_name ?? dto.login_name,
        email: dto.email,
        mobile: dto.mobile ?? null,
        password: dto.password,
        roleCodes: [],
      },
      (em) => this.rolesByIds(em, ctx.partnerAccountId, roleIds),
    );
    return this.get(ctx, member.id);
  }

  private async insert(
    ctx: RequestContext,
    input: CreateMemberInput,
    resolveRoles: (em: EntityManager) => Promise<Role[]>,
  ): Promise<OrgMember> {
    let iamUserId: string | null = null;
    try {
      return await this.tx.run(ctx, async (t) => {
        const em = t.em!;
        await this.assertIdentityFree(em, input.partnerAccountId, {
          loginName: input.loginName,
          email: input.email,
          mobile: input.mobile ?? null,
        });
        const roles = await resolveRoles(em);
        iamUserId ??= await this.iam.createUser(input.partnerAccountId, {
          name: input.loginName,
          email: input.email,
          mobile: input.mobile ?? null,
        });
        const member = em.create(OrgMember, {
          partnerAccountId: input.partnerAccountId,
          iamUserId,
          loginName: input.loginName,
          displayName: input.displayName,
          email: input.email,
          mobile: input.mobile ?? null,
          status: 'active',
          createdBy: t.actorId,
          createdAt: t.now(),
          updatedAt: null,
        });
        await this.machine.create(t, member, { action: 'org_member.created' });
        for (const r of roles) {
          await em.insert(OrgMemberRole, {
            memberId: member.id,
            roleId: r.id,
            partnerAccountId: input.partnerAccountId,
          });
        }
        await this.auth.setCredential(em, {
          subjectKind: 'org_member',
          login: `${input.accountName}/${input.loginName}`,
          subjectId: member.id,
          partnerAccountId: input.partnerAccountId,
          password: input.password,
        });
        await this.audit.record(t, {
          action: 'org_member.roles_set',
          entityType: 'org_member',
          entityId: member.id,
          partnerAccountId: input.partnerAccountId,
          before: { roles: [] },
          after: { roles: roles.map((r) => r.code) },
        });
        return member;
      });
    } catch (err) {
      if (iamUserId) await this.iam.deleteUser(input.partnerAccountId, iamUserId);
      // a parallel creation with the same login name lost the race on the unique index
      if (isUniqueViolation(err))
        throw OrgErrors.fail('ORG_MEMBER_IDENTITY_TAKEN', undefined, { field: 'login_name' });
      throw err;
    }
  }

  /**
   * ORG-002: login name, e-mail and mobile must not belong to another member of the account (decision) nor to
   * an IAM user created in the console (7.1.5). Login names stay reserved by deleted members (decision: the
   * audit trail keeps naming `<account>/<login>` unambiguously); e-mail and mobile are freed by deletion.
   */
  private async assertIdentityFree(
    em: EntityManager,
    partnerAccountId: string,
    id: { loginName?: string; email?: string; mobile?: string | null },
    exceptMemberId?: string,
  ): Promise<void> {
    const taken = (field: string) => OrgErrors.fail('ORG_MEMBER_IDENTITY_TAKEN', undefined, { field });
    const members = (await em.find(OrgMember, { where: { partnerAccountId } })).filter(
      (m) => m.id !== exceptMemberId,
    );
    const live = members.filter((m) => m.status !== 'deleted');
    const same = (a: string | null, b: string | null | undefined) =>
      !!a && !!b && a.toLowerCase() === b.toLowerCase();
    if (id.loginName && members.some((m) => same(m.loginName, id.loginName))) throw taken('login_name');
    if (id.email && live.some((m) => same(m.email, id.email))) throw taken('email');
    if (id.mobile && live.some((m) => m.mobile === id.mobile)) throw taken('mobile');
    const others = (
      await this.iam.findUsers(partnerAccountId, { name: id.loginName, email: id.email, mobile: id.mobile })
    ).filter((u) => {
      const owner = members.find((m) => m.iamUserId === u.id);
      return !owner || owner.id !== exceptMemberId;
    });
    if (id.loginName && others.some((u) => same(u.name, id.loginName))) throw taken('login_name');
    if (id.email && others.some((u) => same(u.email, id.email))) throw taken('email');
    if (id.mobile && others.some((u) => u.mobile === id.mobile)) throw taken('mobile');
  }

  async list(ctx: RequestContext, q: ListMembersQuery): Promise<Page<MemberView>> {
    assertPartnerAdmin(ctx);
    const em = this.tx.manager(ctx);
    const qb = em
      .getRepository(OrgMember)
      .createQueryBuilder('m')
      .where('m.partner_account_id = :p', { p: ctx.partnerAccountId });
    // decision: deleted members are history; they are listed only when asked for explicitly
    if (q.status) qb.andWhere('m.status = :s', { s: q.status });
    else qb.andWhere('m.status <> :d', { d: 'deleted' });
    if (q.keyword) {
      qb.andWhere(
        // `!` escapes the LIKE wildcards the same way on MySQL and SQLite (no backslash-escape differences)
        "(LOWER(m.login_name) LIKE :k ESCAPE '!' OR LOWER(m.display_name) LIKE :k ESCAPE '!' OR LOWER(m.email) LIKE :k ESCAPE '!')",
        { k: `%${q.keyword.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%` },
      );
    }
    if (q.role_id) {
      qb.andWhere('EXISTS (SELECT 1 FROM org_member_role r WHERE r.member_id = m.id AND r.role_id = :rid)', {
        rid: q.role_id,
      });
    }
    const [rows, total] = await qb
      .orderBy('m.created_at', 'ASC')
      .addOrderBy('m.login_name', 'ASC')
      .skip(q.offset ?? 0)
      .take(q.limit ?? 10)
      .getManyAndCount();
    const roles = await this.rolesOfMembers(
      em,
      rows.map((m) => m.id),
    );
    return { total_count: total, items: rows.map((m) => this.view(m, roles.get(m.id) ?? [])) };
  }

  async get(ctx: RequestContext, id: string): Promise<MemberView> {
    assertPartnerAdmin(ctx);
    const em = this.tx.manager(ctx);
    const m = await this.find(em, ctx, id);
    const roles = await this.rolesOfMembers(em, [m.id]);
    return this.view(m, roles.get(m.id) ?? []);
  }

  /** Edit display name, e-mail, mobile (ORG-002 checks again; the IAM user follows). */
  async update(ctx: RequestContext, id: string, dto: UpdateMemberDto): Promise<MemberView> {
    assertPartnerAdmin(ctx);
    await this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const m = await this.findForUpdate(em, ctx, id);
      if (m.status === 'deleted') throw OrgErrors.fail('ORG_MEMBER_NOT_FOUND');
      const before = ORG_MEMBER_MACHINE.snapshot!(m);
      const emailChanged = dto.email !== undefined && dto.email.toLowerCase() !== m.email.toLowerCase();
      const mobileChanged = dto.mobile !== undefined && dto.mobile !== m.mobile;
      await this.assertIdentityFree(
        em,
        ctx.partnerAccountId,
        { email: emailChanged ? dto.email : undefined, mobile: mobileChanged ? dto.mobile : undefined },
        m.id,
      );
      if (dto.display_name !== undefined) m.displayName = dto.display_name;
      if (dto.email !== undefined) m.email = dto.email;
      if (dto.mobile !== undefined) m.mobile = dto.mobile;
      m.updatedAt = t.now();
      await em.save(m);
      if (m.iamUserId && (emailChanged || mobileChanged)) {
        await this.iam.updateUser(ctx.partnerAccountId, m.iamUserId, {
          ...(emailChanged ? { email: m.email } : {}),
          ...(mobileChanged ? { mobile: m.mobile } : {}),
        });
      }
      await this.audit.record(t, {
        action: 'org_member.updated',
        entityType: 'org_member',
        entityId: m.id,
        before,
        after: ORG_MEMBER_MACHINE.snapshot!(m),
      });
    });
    return this.get(ctx, id);
  }

  /** active → disabled: the member can no longer log in; his tokens are revoked at once. */
  async disable(ctx: RequestContext, id: string): Promise<MemberView> {
    assertPartnerAdmin(ctx);
    await this.tx.run(ctx, async (t) => {
      const m = await this.findForUpdate(t.em!, ctx, id);
      await this.machine.transition(t, m, 'disabled', {
        action: 'org_member.disabled',
        mutate: (e) => (e.updatedAt = t.now()),
      });
      await this.auth.disableCredentials(t.em!, 'org_member', m.id);
    });
    return this.get(ctx, id);
  }

  /** disabled → active: the member's credential works again (with his existing password). */
  async enable(ctx: RequestContext, id: string): Promise<MemberView> {
    assertPartnerAdmin(ctx);
    await this.tx.run(ctx, async (t) => {
      const m = await this.findForUpdate(t.em!, ctx, id);
      await this.machine.transition(t, m, 'active', {
        action: 'org_member.enabled',
        mutate: (e) => (e.updatedAt = t.now()),
      });
      await this.auth.enableCredentials(t.em!, 'org_member', m.id);
    });
    return this.get(ctx, id);
  }

  /**
   * → deleted (org.md OrgMember.status): roles removed, customer-manager assignments removed (customers become
   * unassigned), supervision links removed, credentials disabled, the IAM user deleted.
   */
  async remove(ctx: RequestContext, id: string): Promise<void> {
    assertPartnerAdmin(ctx);
    const m = await this.tx.run(ctx, async (t) => {
      const member = await this.findForUpdate(t.em!, ctx, id);
      await this.deleteInTx(t, member);
      return member;
    });
    if (m.iamUserId) await this.iam.deleteUser(m.partnerAccountId, m.iamUserId);
  }

  /** Shared by the admin's deletion and the deregistration of the account (INFO-040). */
  async deleteInTx(t: RequestContext, member: OrgMember): Promise<void> {
    const em = t.em!;
    const roles = await this.rolesOfMembers(em, [member.id]);
    await this.machine.transition(t, member, 'deleted', {
      action: t.actor.kind === 'system' ? 'org_member.deleted_by_system' : 'org_member.deleted',
      mutate: (e) => (e.updatedAt = t.now()),
    });
    await em.delete(OrgMemberRole, { memberId: member.id });
    const assignments = await em.find(CustomerManagerAssignment, { where: { orgMemberId: member.id } });
    await em.delete(CustomerManagerAssignment, { orgMemberId: member.id });
    await em.delete(CustomerManagerSupervision, { supervisorMemberId: member.id });
    await em.delete(CustomerManagerSupervision, { customerManagerMemberId: member.id });
    await this.auth.disableCredentials(em, 'org_member', member.id);
    await this.audit.record(t, {
      action: 'org_member.cleanup',
      entityType: 'org_member',
      entityId: member.id,
      partnerAccountId: member.partnerAccountId,
      before: {
        roles: (roles.get(member.id) ?? []).map((r) => r.code),
        customer_ids: assignments.map((a) => a.customerId),
      },
      after: { roles: [], customer_ids: [] },
    });
  }

  /**
   * ORG-016: passwords are IAM's. The partner center neither chooses nor stores a new password: the reset
   * e-mails the member IAM's password page (the IAM "forgot password" flow: account name + IAM user name +
   * verification code) and signs the member out everywhere, so the old sessions end. Decision.
   */
  async resetPassword(
    ctx: RequestContext,
    id: string,
  ): Promise<{ member_id: string; password_change_url: string; notified_email: string }> {
    assertPartnerAdmin(ctx);
    const url = this.iam.passwordChangeUrl();
    const account = await this.accounts.findById(ctx.partnerAccountId);
    const m = await this.tx.run(ctx, async (t) => {
      const member = await this.findForUpdate(t.em!, ctx, id);
      if (member.status !== 'active') throw OrgErrors.fail('ORG_MEMBER_NOT_FOUND');
      await this.auth.revokeTokens(t.em!, 'org_member', member.id);
      await this.notifications.enqueue(t, [
        {
          channel: 'email',
          recipient: member.email,
          partnerAccountId: member.partnerAccountId,
          template: 'org.member.password_reset',
          subject: 'Reset your partner center password',
          body:
            `Your partner administrator asked you to reset your password. Open ${url}, enter the account ` +
            `name ${account?.accountName ?? ''}, your IAM user name ${member.loginName} and the verification code.`,
          params: { url, login_name: member.loginName, account_name: account?.accountName ?? null },
        },
      ]);
      await this.audit.record(t, {
        action: 'org_member.password_reset_requested',
        entityType: 'org_member',
        entityId: member.id,
      });
      return member;
    });
    return { member_id: m.id, password_change_url: url, notified_email: m.email };
  }

  /** PUT /org/members/{id}/roles: replaces the member's roles (≤ 3, ORG-006; ORG-003/ORG-030 404). */
  async setRoles(ctx: RequestContext, id: string, dto: SetMemberRolesDto): Promise<MemberView> {
    assertPartnerAdmin(ctx);
    const ids = [...new Set(dto.role_ids)];
    await this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const m = await this.findForUpdate(em, ctx, id);
      if (m.status === 'deleted') throw OrgErrors.fail('ORG_MEMBER_NOT_FOUND');
      if (ids.length > MAX_ROLES_PER_MEMBER) throw OrgErrors.fail('ORG_MEMBER_ROLE_LIMIT');
      const roles = await this.rolesByIds(em, ctx.partnerAccountId, ids);
      await this.replaceRoles(t, m, roles);
    });
    return this.get(ctx, id);
  }

  /**
   * POST /org/members/{id}/roles: adds one role. The member row is locked (SELECT … FOR UPDATE on MySQL;
   * SQLite serialises writers), so parallel additions past the limit cannot both pass the count (ORG-006).
   */
  async addRole(ctx: RequestContext, id: string, roleId: string): Promise<MemberView> {
    assertPartnerAdmin(ctx);
    await this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const m = await this.findForUpdate(em, ctx, id);
      if (m.status === 'deleted') throw OrgErrors.fail('ORG_MEMBER_NOT_FOUND');
      const [role] = await this.rolesByIds(em, ctx.partnerAccountId, [roleId]);
      const current = await this.rolesOfMembers(em, [m.id]);
      const roles = current.get(m.id) ?? [];
      if (roles.some((r) => r.id === role.id)) return;
      if (roles.length + 1 > MAX_ROLES_PER_MEMBER) throw OrgErrors.fail('ORG_MEMBER_ROLE_LIMIT');
      await this.replaceRoles(t, m, [...roles, role]);
    });
    return this.get(ctx, id);
  }

  async removeRole(ctx: RequestContext, id: string, roleId: string): Promise<MemberView> {
    assertPartnerAdmin(ctx);
    await this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const m = await this.findForUpdate(em, ctx, id);
      if (m.status === 'deleted') throw OrgErrors.fail('ORG_MEMBER_NOT_FOUND');
      const roles = (await this.rolesOfMembers(em, [m.id])).get(m.id) ?? [];
      if (!roles.some((r) => r.id === roleId)) throw OrgErrors.fail('ORG_ROLE_NOT_FOUND');
      await this.replaceRoles(
        t,
        m,
        roles.filter((r) => r.id !== roleId),
      );
    });
    return this.get(ctx, id);
  }

  /**
   * Writes the member's role set and audits it. Losing the `customer_manager` role ends his customer
   * assignments and his place under supervisors (decision: customers become "unassigned", as on deletion).
   */
  private async replaceRoles(t: RequestContext, m: OrgMember, roles: Role[]): Promise<void> {
    const em = t.em!;
    const before = (await this.rolesOfMembers(em, [m.id])).get(m.id) ?? [];
    await em.delete(OrgMemberRole, { memberId: m.id });
    for (const r of roles) {
      await em.insert(OrgMemberRole, { memberId: m.id, roleId: r.id, partnerAccountId: m.partnerAccountId });
    }
    const wasCm = before.some((r) => r.kind === 'preset_customer_manager');
    const isCm = roles.some((r) => r.kind === 'preset_customer_manager');
    if (wasCm && !isCm) {
      await em.delete(CustomerManagerAssignment, { orgMemberId: m.id });
      await em.delete(CustomerManagerSupervision, { customerManagerMemberId: m.id });
    }
    m.updatedAt = t.now();
    await em.save(m);
    await this.audit.record(t, {
      action: 'org_member.roles_set',
      entityType: 'org_member',
      entityId: m.id,
      partnerAccountId: m.partnerAccountId,
      before: { roles: before.map((r) => r.code) },
      after: { roles: roles.map((r) => r.code) },
    });
  }

  /** GET /org/members/{id}/effective-permissions (ORG-004, ORG-005, ORG-008, ORG-009, ORG-015). */
  async effectivePermissions(
    ctx: RequestContext,
    id: string,
  ): Promise<{ member_id: string; identity: string; permission_keys: string[] }> {
    assertPartnerAdmin(ctx);
    const m = await this.find(this.tx.manager(ctx), ctx, id);
    const facts = await this.permissions.accountFacts(ctx.partnerAccountId);
    const identity = facts.identity;
    const keys =
      (await this.permissions.memberPermissions(ctx.partnerAccountId, m.id, identity, facts)) ?? new Set();
    return { member_id: m.id, identity, permission_keys: [...keys].sort() };
  }

  private async rolesByIds(em: EntityManager, partnerAccountId: string, ids: string[]): Promise<Role[]> {
    if (!ids.length) return [];
    const roles = await em.find(Role, {
      where: [
        { id: In(ids), partnerAccountId: IsNull() },
        { id: In(ids), partnerAccountId },
      ],
    });
    if (roles.length !== ids.length) {
      const found = new Set(roles.map((r) => r.id));
      throw OrgErrors.fail('ORG_ROLE_NOT_FOUND', undefined, {
        role_ids: ids.filter((i) => !found.has(i)),
      });
    }
    return ids.map((i) => roles.find((r) => r.id === i)!);
  }

  async rolesOfMembers(em: EntityManager, memberIds: string[]): Promise<Map<string, Role[]>> {
    const out = new Map<string, Role[]>();
    if (!memberIds.length) return out;
    const links = await em.find(OrgMemberRole, { where: { memberId: In(memberIds) } });
    const roles = links.length ? await em.find(Role, { where: { id: In(links.map((l) => l.roleId)) } }) : [];
    for (const l of links) {
      const r = roles.find((x) => x.id === l.roleId);
      if (r) out.set(l.memberId, [...(out.get(l.memberId) ?? []), r]);
    }
    for (const [k, v] of out)
      out.set(
        k,
        v.sort((a, b) => a.code.localeCompare(b.code)),
      );
    return out;
  }

  /**
   * A member of the caller's account, or 404 ORG_MEMBER_NOT_FOUND — also for another partner's member, a
   * console IAM user's id (ORG-003) and a personal account's id (ORG-030).
   */
  private async find(em: EntityManager, ctx: RequestContext, id: string): Promise<OrgMember> {
    const m = await em.findOne(OrgMember, { where: { id, partnerAccountId: ctx.partnerAccountId } });
    if (!m) throw OrgErrors.fail('ORG_MEMBER_NOT_FOUND');
    return m;
  }

  private async findForUpdate(em: EntityManager, ctx: RequestContext, id: string): Promise<OrgMember> {
    const m = await findOneForUpdate(em, OrgMember, { id, partnerAccountId: ctx.partnerAccountId });
    if (!m) throw OrgErrors.fail('ORG_MEMBER_NOT_FOUND');
    return m;
  }

  private view(m: OrgMember, roles: Role[]): MemberView {
    return {
      id: m.id,
      partner_account_id: m.partnerAccountId,
      iam_user_id: m.iamUserId,
      login_name: m.loginName,
      display_name: m.displayName,
      email: m.email,
      mobile: m.mobile,
      status: m.status,
      roles: roles.map(toRoleView),
      created_by: m.createdBy,
      created_at: m.createdAt.toISOString(),
      updated_at: m.updatedAt?.toISOString() ?? null,
    };
  }
}
