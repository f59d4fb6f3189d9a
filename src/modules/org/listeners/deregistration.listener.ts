/**
 * INFO-040 effect on org: when a partner account is deregistered (`info.account.deregistered`, payload `id` =
 * partner account id), its personal-account links end with reason `account_deregistered`.
 */
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Clock } from '../../../../libs/clock/index.js';
import { RequestContext } from '../../../../libs/context/index.js';
import { DomainEventBus } from '../../../../libs/events/index.js';
import { LinkService } from '../services/link.service.js';
import { ACCOUNT_DEREGISTERED_EVENT } from '../../info/index.js';

@Injectable()
export class OrgDeregistrationListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEventBus,
    private readonly links: LinkService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.events.on(ACCOUNT_DEREGISTERED_EVENT, async (event) => {
      const id = event.payload.id;
      if (typeof id !== 'string') return;
      const ctx = RequestContext.create({
        clock: this.clock,
        actor: { kind: 'system', job: 'org.deregistration' },
        requestId: event.requestId,
      });
      await this.links.endLinksOfDeregisteredAccount(ctx, id);
    });
  }
}
