/**
 * State machines as data (STYLE "Domain mechanics"): the table refuses undeclared moves (409
 * STATE_TRANSITION_INVALID), guards veto with their reason, and `transition()` saves and audits in the
 * caller's transaction and publishes its event only after commit — never on rollback. Real database (the
 * suite's engine) with a tiny entity.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { Column, Entity } from 'typeorm';
import { openSpecDb, type SpecDb } from '../../test/setup/spec-db.js';
import { AuditLog, AuditLogImmutability, AuditService } from '../audit/index.js';
import { TravellingClock } from '../clock/index.js';
import { RequestContext } from '../context/index.js';
import { DomainError, defineErrors } from '../errors/index.js';
import { type DomainEvent, DomainEventBus } from '../events/index.js';
import { TransactionRunner } from '../persistence/index.js';
import { UuidEntity } from '../persistence/uuid-entity.js';
import { StateMachine } from './state-machine.js';

type WidgetStatus = 'draft' | 'submitted' | 'approved' | 'rejected';

@Entity('spec_widget')
class Widget extends UuidEntity {
  @Column({ type: 'varchar', length: 16 })
  status: WidgetStatus;

  @Column({ type: 'varchar', length: 40 })
  name: string;

  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ name: 'reject_reason', type: 'varchar', length: 200, nullable: true })
  rejectReason: string | null;
}

const SpecErrors = defineErrors({
  SPEC_WIDGET_NAME_BAD: { status: 422, message: 'This widget name cannot be approved.' },
  SPEC_WIDGET_NOT_EDITABLE: { status: 409, message: 'Submitted widgets cannot go back.' },
});

describe('StateMachine', () => {
  let db: SpecDb;
  let tx: TransactionRunner;
  let bus: DomainEventBus;
  let machine: StateMachine<WidgetStatus, Widget>;
  let events: DomainEvent[];
  const clock = new TravellingClock();

  const ctx = () =>
    RequestContext.create({
      clock,
      requestId: 'a'.repeat(32),
      actor: { kind: 'partner', partnerAccountId: 'p-1', memberId: null, site: 'cn', tokenId: null },
    });

  async function newWidget(status: WidgetStatus, name = 'w'): Promise<Widget> {
    const w = db.dataSource
      .getRepository(Widget)
      .create({ status, name, partnerAccountId: 'p-1', rejectReason: null });
    return db.dataSource.getRepository(Widget).save(w);
  }

  const reload = (id: string) => db.dataSource.getRepository(Widget).findOneByOrFail({ id });
  const auditsOf = (id: string) =>
    db.dataSource.getRepository(AuditLog).find({ where: { entityId: id }, order: { occurredAt: 'ASC' } });

  beforeAll(async () => {
    db = await openSpecDb([Widget, AuditLog], [AuditLogImmutability]);
    bus = new DomainEventBus();
    tx = new TransactionRunner(db.dataSource, bus);
    bus.on('*', (e) => {
      events.push(e);
    });
    machine = new StateMachine<WidgetStatus, Widget>(
      {
        entityType: 'spec_widget',
        eventPrefix: 'spec.widget',
        transitions: {
          draft: ['submitted'],
          submitted: ['approved', 'rejected'],
          approved: [],
          rejected: [],
        },
        guards: [
          {
            to: 'approved',
            guard: (_ctx, w) => (w.name === 'bad' ? SpecErrors.fail('SPEC_WIDGET_NAME_BAD') : null),
          },
        ],
        snapshot: (w) => ({ status: w.status, reject_reason: w.rejectReason }),
        partnerAccountId: (w) => w.partnerAccountId,
      },
      new AuditService(db.dataSource),
    );
    clock.set(new Date('2025-03-03T02:00:00Z'));
  });
  afterAll(async () => {
    await db.close();
  });
  beforeEach(() => {
    events = [];
  });

  it('refuses a move the table does not declare with 409 STATE_TRANSITION_INVALID, changing nothing', async () => {
    const w = await newWidget('draft');
    const err = await tx
      .run(ctx(), (t) => machine.transition(t, w, 'approved'))
      .then(() => null)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('STATE_TRANSITION_INVALID');
    expect((err as DomainError).status).toBe(409);
    expect((err as DomainError).details).toEqual({ from: 'draft', to: 'approved' });
    expect((await reload(w.id)).status).toBe('draft');
    expect(await auditsOf(w.id)).toEqual([]);
    expect(events).toEqual([]);
  });

  it('a terminal state has no way out', async () => {
    const w = await newWidget('approved');
    expect(machine.canTransition('approved', 'draft')).toBe(false);
    await expect(tx.run(ctx(), (t) => machine.transition(t, w, 'rejected'))).rejects.toMatchObject({
      code: 'STATE_TRANSITION_INVALID',
    });
  });

  it('a guard vetoes with its own reason', async () => {
    const w = await newWidget('submitted', 'bad');
    const veto = await machine.check(ctx(), w, 'approved');
    expect(veto?.code).toBe('SPEC_WIDGET_NAME_BAD');
    await expect(tx.run(ctx(), (t) => machine.transition(t, w, 'approved'))).rejects.toMatchObject({
      code: 'SPEC_WIDGET_NAME_BAD',
      status: 422,
      message: 'This widget name cannot be approved.',
    });
    expect((await reload(w.id)).status).toBe('submitted');
    // the guard only applies to its target: rejecting the same widget is allowed
    expect(await machine.check(ctx(), w, 'rejected')).toBeNull();
  });

  it("the invalid-move code can be the module's own", async () => {
    const strict = new StateMachine<WidgetStatus, Widget>(
      { ...machine.definition, invalidTransitionCode: 'SPEC_WIDGET_NOT_EDITABLE' },
      new AuditService(db.dataSource),
    );
    const w = await newWidget('submitted');
    await expect(tx.run(ctx(), (t) => strict.transition(t, w, 'draft'))).rejects.toMatchObject({
      code: 'SPEC_WIDGET_NOT_EDITABLE',
      status: 409,
    });
  });

  it('a transition saves, audits in the same transaction and publishes its event only after commit', async () => {
    const w = await newWidget('submitted');
    let eventsInsideTx = -1;
    let auditInsideTx = -1;
    const c = ctx();
    await tx.run(c, async (t) => {
      await machine.transition(t, w, 'rejected', {
        mutate: (e) => {
          e.rejectReason = 'incomplete';
        },
        eventPayload: { reason: 'incomplete' },
      });
      eventsInsideTx = events.length;
      auditInsideTx = await t.em!.count(AuditLog, { where: { entityId: w.id } });
    });
    expect(eventsInsideTx).toBe(0);
    expect(auditInsideTx).toBe(1);

    const saved = await reload(w.id);
    expect(saved.status).toBe('rejected');
    expect(saved.rejectReason).toBe('incomplete');

    const [audit] = await auditsOf(w.id);
    expect(audit).toMatchObject({
      action: 'spec_widget.submitted->rejected',
      entityType: 'spec_widget',
      entityId: w.id,
      partnerAccountId: 'p-1',
      actorKind: 'partner',
      actorId: 'p-1',
      requestId: c.requestId,
      before: { status: 'submitted', reject_reason: null },
      after: { status: 'rejected', reject_reason: 'incomplete' },
    });
    expect(audit.occurredAt.toISOString()).toBe('2025-03-03T02:00:00.000Z');

    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      name: 'spec.widget.rejected',
      payload: { id: w.id, from: 'submitted', to: 'rejected', reason: 'incomplete' },
      requestId: c.requestId,
    });
    expect(events[0].occurredAt.toISOString()).toBe('2025-03-03T02:00:00.000Z');
  });

  it('on rollback nothing is saved, audited or published', async () => {
    const w = await newWidget('draft');
    await expect(
      tx.run(ctx(), async (t) => {
        await machine.transition(t, w, 'submitted');
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect((await reload(w.id)).status).toBe('draft');
    expect(await auditsOf(w.id)).toEqual([]);
    expect(events).toEqual([]);
  });

  it('transition() outside a transaction is a programming error', async () => {
    const w = await newWidget('draft');
    await expect(machine.transition(ctx(), w, 'submitted')).rejects.toThrow('inside a transaction');
    expect((await reload(w.id)).status).toBe('draft');
  });

  it('create() saves the initial state, audits it and publishes after commit', async () => {
    const w = db.dataSource.getRepository(Widget).create({
      status: 'draft',
      name: 'new',
      partnerAccountId: 'p-1',
      rejectReason: null,
    });
    await tx.run(ctx(), (t) => machine.create(t, w));
    const [audit] = await auditsOf(w.id);
    expect(audit).toMatchObject({
      action: 'spec_widget.created',
      before: null,
      after: { status: 'draft', reject_reason: null },
    });
    expect(events.map((e) => e.name)).toEqual(['spec.widget.draft']);
  });

  it('the table is data: every declared move, nothing else', () => {
    expect(machine.table()).toEqual([
      { from: 'draft', to: 'submitted' },
      { from: 'submitted', to: 'approved' },
      { from: 'submitted', to: 'rejected' },
    ]);
  });
});
