/**
 * INFO-021 for org members: the member's own business mobile/e-mail on its member record. Registered in the
 * info module's MemberProfileRegistry at start-up, so `GET /api/v1/info/profile` and
 * `PUT /api/v1/info/profile/business-contact` serve members as well as the partner admin.
 */
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditService } from '../../../../libs/audit/index.js';
import type { RequestContext } from '../../../../libs/context/index.js';
import { findOneForUpdate, TransactionRunner } from '../../../../libs/persistence/index.js';
import { type MemberBusinessContact, MemberProfileRegistry } from '../../info/index.js';
import { OrgMember } from '../entities/org-member.entity.js';
import { OrgErrors } from '../org.errors.js';

@Injectable()
export class OrgMemberProfileHandler implements OnModuleInit {
  constructor(
    private readonly registry: MemberProfileRegistry,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      get: (ctx) => this.get(ctx),
      update: (ctx, change) => this.update(ctx, change),
    });
  }

  private memberId(ctx: RequestContext): string {
    if (ctx.actor.kind !== 'partner' || !ctx.actor.memberId) throw new Error('not an org member context');
    return ctx.actor.memberId;
  }

  async get(ctx: RequestContext): Promise<MemberBusinessContact> {
    return this.tx.run(ctx, async (t) => {
      const m = await t.em!.findOne(OrgMember, {
        where: { id: this.memberId(t), partnerAccountId: t.partnerAccountId },
      });
      if (!m) throw OrgErrors.fail('ORG_MEMBER_NOT_FOUND');
      return { business_mobile: m.businessMobile, business_email: m.businessEmail };
    });
  }

  async update(ctx: RequestContext, change: Partial<MemberBusinessContact>): Promise<MemberBusinessContact> {
    return this.tx.run(ctx, async (t) => {
      const m = await findOneForUpdate(t.em!, OrgMember, {
        id: this.memberId(t),
        partnerAccountId: t.partnerAccountId,
      });
      if (!m) throw OrgErrors.fail('ORG_MEMBER_NOT_FOUND');
      const before = { business_mobile: m.businessMobile, business_email: m.businessEmail };
      if (change.business_mobile !== undefined) m.businessMobile = change.business_mobile;
      if (change.business_email !== undefined) m.businessEmail = change.business_email;
      await t.em!.update(OrgMember, m.id, {
        businessMobile: m.businessMobile,
        businessEmail: m.businessEmail,
        updatedAt: t.now(),
      });
      const after = { business_mobile: m.businessMobile, business_email: m.businessEmail };
      await this.audit.record(t, {
        action: 'org_member.business_contact_updated',
        entityType: 'org_member',
        entityId: m.id,
        partnerAccountId: m.partnerAccountId,
        before,
        after,
      });
      return after;
    });
  }
}
