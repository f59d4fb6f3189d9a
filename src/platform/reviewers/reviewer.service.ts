import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../../libs/audit/index.js';
import {
  AuthService,
  type ReviewerPrincipal,
  type ReviewerPrincipalResolver,
} from '../../../libs/auth/index.js';
import { REVIEWER_ROLES, type RequestContext, type ReviewerRole } from '../../../libs/context/index.js';
import { TransactionRunner } from '../../../libs/persistence/index.js';
import { Reviewer } from './reviewer.entity.js';

@Injectable()
export class ReviewerService implements ReviewerPrincipalResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  async resolve(reviewerId: string): Promise<ReviewerPrincipal | null> {
    const r = await this.dataSource.getRepository(Reviewer).findOne({ where: { id: reviewerId } });
    if (!r || !r.active) return null;
    return { email: r.email, roles: r.roles, flags: r.flags };
  }

  async findByEmail(email: string): Promise<Reviewer | null> {
    return this.dataSource.getRepository(Reviewer).findOne({ where: { email: email.toLowerCase() } });
  }

  /** Creates or updates a reviewer with roles and password (seed, operations). */
  async upsert(
    ctx: RequestContext,
    input: { email: string; name: string; roles: ReviewerRole[]; flags?: string[]; password: string },
  ): Promise<Reviewer> {
    for (const role of input.roles)
      if (!REVIEWER_ROLES.includes(role)) throw new Error(`unknown reviewer role ${role}`);
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const email = input.email.toLowerCase();
      let r = await em.findOne(Reviewer, { where: { email } });
      if (!r) {
        r = em.create(Reviewer, {
          email,
          name: input.name,
          roles: input.roles,
          flags: input.flags ?? [],
          active: true,
          createdAt: t.now(),
        });
      } else {
        r.name = input.name;
        r.roles = input.roles;
        r.flags = input.flags ?? r.flags;
        r.active = true;
      }
      await em.save(r);
      await this.auth.setCredential(em, {
        subjectKind: 'reviewer',
        login: email,
        subjectId: r.id,
        partnerAccountId: null,
        password: input.password,
      });
      await this.audit.record(t, {
        action: 'reviewer.upserted',
        entityType: 'reviewer',
        entityId: r.id,
        after: { email, roles: input.roles, flags: r.flags },
      });
      return r;
    });
  }
}
