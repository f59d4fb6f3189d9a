/**
 * The notification outbox on the suite's engine: rows are written in the caller's transaction (a rollback
 * sends nothing), in-app messages are delivered by being stored, and the dispatcher sends e-mail and SMS
 * through the injected transports, marks them sent, retries failures and gives up after 5 attempts.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { openSpecDb, type SpecDb } from '../../test/setup/spec-db.js';
import { TravellingClock } from '../clock/index.js';
import { RequestContext } from '../context/index.js';
import { DomainEventBus } from '../events/index.js';
import { TransactionRunner } from '../persistence/index.js';
import { Notification } from './notification.entity.js';
import {
  type EmailTransport,
  NotificationService,
  type OutgoingMessage,
  type SmsTransport,
} from './notification.service.js';

class FakeEmail implements EmailTransport {
  readonly configured = true;
  sent: Array<{ to: string; subject: string; text: string }> = [];
  failFor = new Set<string>();
  async send(msg: { to: string; subject: string; text: string }): Promise<void> {
    if (this.failFor.has(msg.to)) throw new Error(`mailbox ${msg.to} unavailable`);
    this.sent.push(msg);
  }
}

class FakeSms implements SmsTransport {
  sent: Array<{ to: string; text: string }> = [];
  async send(msg: { to: string; text: string }): Promise<void> {
    this.sent.push(msg);
  }
}

describe('NotificationService', () => {
  let db: SpecDb;
  let tx: TransactionRunner;
  let email: FakeEmail;
  let sms: FakeSms;
  let service: NotificationService;
  const clock = new TravellingClock();
  const ctx = () => RequestContext.create({ clock, requestId: 'c'.repeat(32) });

  const message = (channel: OutgoingMessage['channel'], recipient: string): OutgoingMessage => ({
    channel,
    recipient,
    partnerAccountId: 'p-1',
    template: 'spec.hello',
    subject: 'Hello',
    body: `Hello ${recipient}`,
    params: { n: 1 },
  });
  const rows = () =>
    db.dataSource.getRepository(Notification).find({ order: { createdAt: 'ASC', id: 'ASC' } });

  beforeAll(async () => {
    db = await openSpecDb([Notification]);
    tx = new TransactionRunner(db.dataSource, new DomainEventBus());
  });
  afterAll(async () => {
    await db.close();
  });
  beforeEach(async () => {
    await db.dataSource.getRepository(Notification).clear();
    email = new FakeEmail();
    sms = new FakeSms();
    service = new NotificationService(db.dataSource, email, sms);
    clock.set(new Date('2025-03-03T02:00:00Z'));
  });

  it('enqueue in a rolled-back transaction leaves nothing', async () => {
    await expect(
      tx.run(ctx(), async (t) => {
        await service.enqueue(t, [message('email', 'a@example.test'), message('in_app', 'p-1')]);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await rows()).toEqual([]);
    const sent = await service.dispatch(ctx());
    expect(sent).toEqual({ sent: 0, failed: 0 });
    expect(email.sent).toEqual([]);
  });

  it('enqueue in a committed transaction stores in-app as delivered and e-mail/SMS as pending', async () => {
    await tx.run(ctx(), (t) =>
      service.enqueue(t, [
        message('in_app', 'p-1'),
        message('email', 'a@example.test'),
        message('sms', '13900000000'),
      ]),
    );
    const stored = await rows();
    expect(stored.map((n) => [n.channel, n.status, n.attempts])).toEqual(
      expect.arrayContaining([
        ['in_app', 'delivered', 0],
        ['email', 'pending', 0],
        ['sms', 'pending', 0],
      ]),
    );
    const inApp = stored.find((n) => n.channel === 'in_app')!;
    expect(inApp).toMatchObject({
      recipient: 'p-1',
      partnerAccountId: 'p-1',
      template: 'spec.hello',
      language: 'en-us',
      params: { n: 1 },
      requestId: 'c'.repeat(32),
    });
    expect(inApp.createdAt.toISOString()).toBe('2025-03-03T02:00:00.000Z');
    expect(inApp.sentAt?.toISOString()).toBe('2025-03-03T02:00:00.000Z');
  });

  it('messages without a recipient are not stored', async () => {
    await tx.run(ctx(), (t) => service.enqueue(t, [message('sms', ''), message('email', 'b@example.test')]));
    expect((await rows()).map((n) => n.channel)).toEqual(['email']);
  });

  it('dispatch sends pending e-mail and SMS through the transports and marks them sent', async () => {
    await tx.run(ctx(), (t) =>
      service.enqueue(t, [
        message('email', 'a@example.test'),
        message('sms', '13900000000'),
        message('in_app', 'p-1'),
      ]),
    );
    clock.advance(60_000);
    const res = await service.dispatch(ctx());
    expect(res).toEqual({ sent: 2, failed: 0 });
    expect(email.sent).toEqual([{ to: 'a@example.test', subject: 'Hello', text: 'Hello a@example.test' }]);
    expect(sms.sent).toEqual([{ to: '13900000000', text: 'Hello 13900000000' }]);
    const stored = await rows();
    for (const n of stored.filter((r) => r.channel !== 'in_app')) {
      expect(n.status).toBe('sent');
      expect(n.attempts).toBe(1);
      expect(n.sentAt?.toISOString()).toBe('2025-03-03T02:01:00.000Z');
    }
    // nothing left: a second dispatch sends nothing again
    expect(await service.dispatch(ctx())).toEqual({ sent: 0, failed: 0 });
    expect(email.sent).toHaveLength(1);
  });

  it('a failing delivery is retried and marked failed after 5 attempts; others still go out', async () => {
    email.failFor.add('down@example.test');
    await tx.run(ctx(), (t) =>
      service.enqueue(t, [message('email', 'down@example.test'), message('email', 'up@example.test')]),
    );
    const statuses: string[] = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      const res = await service.dispatch(ctx());
      expect(res.failed).toBe(1);
      const down = (await rows()).find((n) => n.recipient === 'down@example.test')!;
      expect(down.attempts).toBe(attempt);
      expect(down.error).toContain('mailbox down@example.test unavailable');
      statuses.push(down.status);
    }
    expect(statuses).toEqual(['pending', 'pending', 'pending', 'pending', 'failed']);
    expect(email.sent.map((m) => m.to)).toEqual(['up@example.test']);
    // a failed message is not retried any more, even when the transport recovers
    email.failFor.clear();
    expect(await service.dispatch(ctx())).toEqual({ sent: 0, failed: 0 });
  });

  it('a message created after the dispatcher\'s "now" waits for a later run', async () => {
    clock.set(new Date('2025-03-03T03:00:00Z'));
    await tx.run(ctx(), (t) => service.enqueue(t, [message('email', 'later@example.test')]));
    clock.set(new Date('2025-03-03T02:59:59Z'));
    expect(await service.dispatch(ctx())).toEqual({ sent: 0, failed: 0 });
    clock.set(new Date('2025-03-03T03:00:00Z'));
    expect(await service.dispatch(ctx())).toEqual({ sent: 1, failed: 0 });
  });

  it('list() filters by channel and recipient and pages with total_count', async () => {
    await tx.run(ctx(), (t) =>
      service.enqueue(t, [
        message('in_app', 'p-1'),
        message('in_app', 'p-1'),
        message('in_app', 'p-2'),
        message('email', 'p-1'),
      ]),
    );
    const page = await service.list({ channel: 'in_app', to: 'p-1', offset: 1, limit: 10 });
    expect(page.total_count).toBe(2);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ channel: 'in_app', recipient: 'p-1' });
  });
});
