import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AnyPartner, Ctx } from '../../../libs/auth/index.js';
import type { RequestContext } from '../../../libs/context/index.js';
import { PageQuery } from '../../../libs/http/index.js';
import { NotificationService } from '../../../libs/notify/index.js';

/** The partner's in-app messages (站内信), newest last, paged (API-035). */
@ApiTags('messages')
@Controller('api/v1/messages')
export class MessagesController {
  constructor(private readonly notifications: NotificationService) {}

  @Get()
  @AnyPartner({ allowNotOnboarded: true })
  async list(@Ctx() ctx: RequestContext, @Query() q: PageQuery) {
    const { total_count, items } = await this.notifications.list({
      channel: 'in_app',
      to: ctx.partnerAccountId,
      offset: q.offset,
      limit: q.limit,
    });
    return {
      total_count,
      items: items.map((n) => ({
        id: n.id,
        template: n.template,
        subject: n.subject,
        body: n.body,
        created_at: n.createdAt.toISOString(),
        read_at: n.readAt?.toISOString() ?? null,
      })),
    };
  }
}
