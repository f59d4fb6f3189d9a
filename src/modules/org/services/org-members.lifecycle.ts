/**
 * Start-up wiring of the members part of the org module: registers the IAM fake, and reacts to the
 * deregistration of a partner account (info.md INFO-040; org.md OrgMember.status `active` → `deleted` by the
 * system): every member of the account is deleted (roles, customer assignments and supervision removed) and
 * his credentials and tokens are disabled, then his IAM user is deleted.
 */
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { In } from 'typeorm';
import { Clock } from '../../../../libs/clock/index.js';
import { RequestContext } from '../../../../libs/context/index.js';
import { type DomainEvent, DomainEventBus } from '../../../../libs/events/index.js';
import { TransactionRunner, findOneForUpdate } from '../../../../libs/persistence/index.js';
import { FakeRegistry } from '../../../../libs/testing/index.js';
import { OrgMember } from '../entities/org-member.entity.js';
import { IAM_PORT, type IamPort, InProcessIam } from '../ports/iam.port.js';
import { OrgMemberService } from './org-member.service.js';
import { ACCOUNT_DEREGISTERED_EVENT } from '../../info/index.js';

@Injectable()
export class OrgMembersLifecycle implements OnModuleInit {
  private readonly logger = new Logger('OrgMembers');

  constructor(
    private readonly fakes: FakeRegistry,
    private readonly iamFake: InProcessIam,
    private readonly bus: DomainEventBus,
    private readonly tx: TransactionRunner,
    private readonly members: OrgMemberService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(IAM_PORT) private readonly iam: IamPort,
  ) {}

  onModuleInit(): void {
    this.fakes.register(this.iamFake, 'iam');
    this.bus.on(ACCOUNT_DEREGISTERED_EVENT, async (e) => {
      await this.onAccountDeregistered(e);
    });
  }

  /** Idempotent: members already deleted are left alone. */
  async onAccountDeregistered(event: DomainEvent): Promise<{ deleted: number }> {
    const partnerAccountId = event.payload.id;
    if (typeof partnerAccountId !== 'string') return { deleted: 0 };
    const ctx = RequestContext.system(this.clock, 'org.account_deregistered');
    const deleted = await this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const live = await em.find(OrgMember, {
        where: { partnerAccountId, status: In(['active', 'disabled']) },
      });
      const out: OrgMember[] = [];
      for (const row of live) {
        const m = await findOneForUpdate(em, OrgMember, { id: row.id });
        if (!m || m.status === 'deleted') continue;
        await this.members.deleteInTx(t, m);
        out.push(m);
      }
      return out;
    });
    for (const m of deleted) if (m.iamUserId) await this.iam.deleteUser(partnerAccountId, m.iamUserId);
    if (deleted.length)
      this.logger.log(`account ${partnerAccountId} deregistered: ${deleted.length} members deleted`);
    return { deleted: deleted.length };
  }
}
