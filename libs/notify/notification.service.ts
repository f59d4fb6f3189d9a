/**
 * Notifications go through the outbox: `enqueue()` writes rows in the caller's transaction (so a rolled-back
 * change sends nothing); `dispatch()` (job J-SYS-NOTIFY) delivers pending e-mail and SMS through their ports.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, In, LessThanOrEqual } from 'typeorm';
import type { RequestContext } from '../context/index.js';
import { sqliteExclusive } from '../persistence/transaction-runner.js';
import { Notification, type NotificationChannel } from './notification.entity.js';

export interface OutgoingMessage {
  channel: NotificationChannel;
  recipient: string;
  partnerAccountId?: string | null;
  template: string;
  language?: string;
  subject: string;
  body: string;
  params?: Record<string, unknown>;
}

export const EMAIL_TRANSPORT = Symbol('EMAIL_TRANSPORT');
export const SMS_TRANSPORT = Symbol('SMS_TRANSPORT');

export interface EmailTransport {
  /** false when no SMTP server is configured: e-mails stay recorded in the outbox as `sent` (logged) */
  readonly configured: boolean;
  send(msg: { to: string; subject: string; text: string }): Promise<void>;
}

export interface SmsTransport {
  send(msg: { to: string; text: string }): Promise<void>;
}

export interface OutboxQuery {
  channel?: NotificationChannel;
  to?: string;
  partnerAccountId?: string;
  template?: string;
  offset?: number;
  limit?: number;
}

@Injectable()
export class NotificationService {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(EMAIL_TRANSPORT) private readonly email: EmailTransport,
    @Inject(SMS_TRANSPORT) private readonly sms: SmsTransport,
  ) {}

  async enqueue(ctx: RequestContext, messages: OutgoingMessage[]): Promise<void> {
    const em = ctx.em ?? this.dataSource.manager;
    const rows = messages
      .filter((m) => m.recipient)
      .map((m) =>
        em.create(Notification, {
          channel: m.channel,
          recipient: m.recipient,
          partnerAccountId: m.partnerAccountId ?? null,
          template: m.template,
          language: m.language ?? 'en-us',
          subject: m.subject.slice(0, 200),
          body: m.body,
          params: m.params ?? null,
          status: m.channel === 'in_app' ? 'delivered' : 'pending',
          attempts: 0,
          createdAt: ctx.now(),
          sentAt: m.channel === 'in_app' ? ctx.now() : null,
          readAt: null,
          error: null,
          requestId: ctx.requestId,
        }),
      );
    if (!rows.length) return;
    if (ctx.em) await ctx.em.save(Notification, rows);
    else await sqliteExclusive(this.dataSource, () => em.save(Notification, rows));
  }

  async list(q: OutboxQuery): Promise<{ total_count: number; items: Notification[] }> {
    const where: Record<string, unknown> = {};
    if (q.channel) where.channel = q.channel;
    if (q.to) where.recipient = q.to;
    if (q.partnerAccountId) where.partnerAccountId = q.partnerAccountId;
    if (q.template) where.template = q.template;
    const [items, total] = await this.dataSource.getRepository(Notification).findAndCount({
      where,
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: q.offset ?? 0,
      take: q.limit ?? 100,
    });
    return { total_count: total, items };
  }

  /** Delivers pending e-mail and SMS (at most `batch`); failures are retried up to 5 attempts. */
  async dispatch(ctx: RequestContext, batch = 100): Promise<{ sent: number; failed: number }> {
    const repo = this.dataSource.getRepository(Notification);
    const pending = await repo.find({
      where: {
        status: In(['pending']),
        channel: In(['email', 'sms']),
        createdAt: LessThanOrEqual(ctx.now()),
      },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: batch,
    });
    let sent = 0;
    let failed = 0;
    for (const n of pending) {
      try {
        if (n.channel === 'email')
          await this.email.send({ to: n.recipient, subject: n.subject, text: n.body });
        else await this.sms.send({ to: n.recipient, text: n.body });
        await sqliteExclusive(this.dataSource, () =>
          repo.update(n.id, { status: 'sent', sentAt: ctx.now(), attempts: n.attempts + 1, error: null }),
        );
        sent++;
      } catch (err) {
        const attempts = n.attempts + 1;
        await sqliteExclusive(this.dataSource, () =>
          repo.update(n.id, {
            status: attempts >= 5 ? 'failed' : 'pending',
            attempts,
            error: String((err as Error).message ?? err).slice(0, 2000),
          }),
        );
        this.logger.warn(`delivery of ${n.channel} ${n.id} failed: ${String(err)}`);
        failed++;
      }
    }
    return { sent, failed };
  }
}
