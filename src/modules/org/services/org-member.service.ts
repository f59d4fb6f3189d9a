/**
 * Org members (FAQ 7.1). The foundation needs creation with roles (demo data, tests); the org issue adds the
 * partner-admin API around it.
 */
import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { AuditService } from '../../../../libs/audit/index.js';
import { AuthService } from '../../../../libs/auth/index.js';
import type { RequestContext } from '../../../../libs/context/index.js';
import { TransactionRunner } from '../../../../libs/persistence/index.js';
import { OrgMember, OrgMemberRole, Role } from '../entities/org-member.entity.js';
import { OrgErrors } from '../org.errors.js';

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

@Injectable()
export class OrgMemberService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  async createMember(ctx: RequestContext, input: CreateMemberInput): Promise<OrgMember> {
    if (input.roleCodes.length > MAX_ROLES_PER_MEMBER) throw OrgErrors.fail('ORG_MEMBER_ROLE_LIMIT');
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const taken = await em.findOne(OrgMember, {
        where: { partnerAccountId: input.partnerAccountId, loginName: input.loginName },
      });
      if (taken) throw OrgErrors.fail('ORG_MEMBER_IDENTITY_TAKEN', undefined, { field: 'login_name' });
      const member = em.create(OrgMember, {
        partnerAccountId: input.partnerAccountId,
        loginName: input.loginName,
        displayName: input.displayName,
        email: input.email,
        mobile: input.mobile ?? null,
        status: 'active',
        createdBy: t.actorId,
        createdAt: t.now(),
      });
      await em.save(member);
      const roles = input.roleCodes.length
        ? await em.find(Role, {
            where: [
              { code: In(input.roleCodes), partnerAccountId: IsNull() },
              { code: In(input.roleCodes), partnerAccountId: input.partnerAccountId },
            ],
          })
        : [];
      if (roles.length !== new Set(input.roleCodes).size) throw OrgErrors.fail('ORG_ROLE_NOT_FOUND');
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
        action: 'org_member.created',
        entityType: 'org_member',
        entityId: member.id,
        partnerAccountId: input.partnerAccountId,
        after: { login_name: member.loginName, roles: input.roleCodes },
      });
      return member;
    });
  }
}
