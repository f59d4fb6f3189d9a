/**
 * The audit trail is append-only and travels with the change: rows carry actor, action, entity, before/after
 * and the request id; every TypeORM update or removal of an audit row is refused. Real database.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openSpecDb, type SpecDb } from '../../test/setup/spec-db.js';
import { TravellingClock } from '../clock/index.js';
import { RequestContext } from '../context/index.js';
import { DomainEventBus } from '../events/index.js';
import { TransactionRunner } from '../persistence/index.js';
import { AuditLog } from './audit-log.entity.js';
import { AuditLogImmutability, AuditService } from './audit.service.js';

describe('AuditService', () => {
  let db: SpecDb;
  let audit: AuditService;
  let tx: TransactionRunner;
  const clock = new TravellingClock();

  const partnerCtx = () =>
    RequestContext.create({
      clock,
      requestId: 'b'.repeat(32),
      actor: { kind: 'partner', partnerAccountId: 'p-7', memberId: 'm-3', site: 'cn', tokenId: 't' },
    });

  async function oneRow(entityId: string): Promise<AuditLog> {
    await tx.run(partnerCtx(), (t) =>
      audit.record(t, {
        action: 'widget.renamed',
        entityType: 'widget',
        entityId,
        before: { name: 'a' },
        after: { name: 'b' },
      }),
    );
    return db.dataSource.getRepository(AuditLog).findOneByOrFail({ entityId });
  }

  beforeAll(async () => {
    db = await openSpecDb([AuditLog], [AuditLogImmutability]);
    audit = new AuditService(db.dataSource);
    tx = new TransactionRunner(db.dataSource, new DomainEventBus());
    clock.set(new Date('2025-06-04T01:02:03.456Z'));
  });
  afterAll(async () => {
    await db.close();
  });

  it('a row carries actor, action, entity, before/after, the partner account and the request id', async () => {
    const row = await oneRow('w-1');
    expect(row).toMatchObject({
      actorKind: 'partner',
      actorId: 'p-7/m-3',
      partnerAccountId: 'p-7',
      action: 'widget.renamed',
      entityType: 'widget',
      entityId: 'w-1',
      before: { name: 'a' },
      after: { name: 'b' },
      requestId: 'b'.repeat(32),
    });
    expect(row.occurredAt.toISOString()).toBe('2025-06-04T01:02:03.456Z');
    expect(await audit.forEntity('widget', 'w-1')).toHaveLength(1);
  });

  it('reviewer and system actors are recorded as such; an explicit partner account wins', async () => {
    const reviewer = RequestContext.create({
      clock,
      actor: {
        kind: 'reviewer',
        reviewerId: 'r-1',
        email: 'r@x',
        roles: ['operations'],
        flags: [],
        tokenId: null,
      },
    });
    await tx.run(reviewer, (t) =>
      audit.record(t, { action: 'x.approved', entityType: 'x', entityId: 'x-1', partnerAccountId: 'p-9' }),
    );
    await tx.run(RequestContext.system(clock, 'J-SPEC'), (t) =>
      audit.record(t, { action: 'x.expired', entityType: 'x', entityId: 'x-1' }),
    );
    const rows = await audit.forEntity('x', 'x-1');
    // both rows share the frozen instant, so compare them as a set
    expect(
      rows
        .map((r) => [r.actorKind, r.actorId, r.partnerAccountId, r.before, r.after])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      ['reviewer', 'r-1', 'p-9', null, null],
      ['system', 'J-SPEC', null, null, null],
    ]);
  });

  it('is written in the transaction of the change: a rollback leaves no row', async () => {
    await expect(
      tx.run(partnerCtx(), async (t) => {
        await audit.record(t, { action: 'widget.renamed', entityType: 'widget', entityId: 'w-rolled-back' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await audit.forEntity('widget', 'w-rolled-back')).toEqual([]);
  });

  it('refuses to write outside a transaction', async () => {
    await expect(
      audit.record(partnerCtx(), { action: 'a', entityType: 'widget', entityId: 'w-out' }),
    ).rejects.toThrow('inside the transaction');
  });

  describe('append-only', () => {
    it('save() of a changed row throws and the row is unchanged', async () => {
      const row = await oneRow('w-save');
      row.action = 'widget.tampered';
      await expect(db.dataSource.getRepository(AuditLog).save(row)).rejects.toThrow('append-only');
      expect((await db.dataSource.getRepository(AuditLog).findOneByOrFail({ id: row.id })).action).toBe(
        'widget.renamed',
      );
    });

    it('update() throws', async () => {
      const row = await oneRow('w-update');
      await expect(
        db.dataSource.getRepository(AuditLog).update({ id: row.id }, { action: 'widget.tampered' }),
      ).rejects.toThrow('append-only');
      await expect(
        db.dataSource
          .createQueryBuilder()
          .update(AuditLog)
          .set({ action: 'widget.tampered' })
          .where('id = :id', { id: row.id })
          .execute(),
      ).rejects.toThrow('append-only');
      expect((await db.dataSource.getRepository(AuditLog).findOneByOrFail({ id: row.id })).action).toBe(
        'widget.renamed',
      );
    });

    it('remove() and delete() throw and the row stays', async () => {
      const row = await oneRow('w-remove');
      const repo = db.dataSource.getRepository(AuditLog);
      await expect(repo.remove(row)).rejects.toThrow('append-only');
      await expect(repo.delete({ id: row.id })).rejects.toThrow('append-only');
      await expect(
        db.dataSource
          .createQueryBuilder()
          .delete()
          .from(AuditLog)
          .where('id = :id', { id: row.id })
          .execute(),
      ).rejects.toThrow('append-only');
      await expect(repo.softRemove(row)).rejects.toThrow();
      expect(await repo.countBy({ id: row.id })).toBe(1);
    });

    it('inside a transaction too (the change rolls back with it)', async () => {
      const row = await oneRow('w-tx');
      await expect(
        tx.run(partnerCtx(), (t) => t.em!.update(AuditLog, { id: row.id }, { action: 'x' })),
      ).rejects.toThrow('append-only');
      expect((await db.dataSource.getRepository(AuditLog).findOneByOrFail({ id: row.id })).action).toBe(
        'widget.renamed',
      );
    });
  });
});
