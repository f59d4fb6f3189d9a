import { Injectable } from '@nestjs/common';
import {
  DataSource,
  type EntitySubscriberInterface,
  EventSubscriber,
  type RemoveEvent,
  type UpdateEvent,
} from 'typeorm';
import type { RequestContext } from '../context/index.js';
import { AuditLog } from './audit-log.entity.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  partnerAccountId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends an audit row in the context's transaction (the change and its audit commit together). */
  async record(ctx: RequestContext, entry: AuditEntry): Promise<void> {
    if (!ctx.em) throw new Error('audit must be written inside the transaction of the change');
    const row = ctx.em.create(AuditLog, {
      occurredAt: ctx.now(),
      actorKind: ctx.actor.kind,
      actorId: ctx.actorId,
      partnerAccountId:
        entry.partnerAccountId ?? (ctx.actor.kind === 'partner' ? ctx.actor.partnerAccountId : null),
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ?? null,
      after: entry.after ?? null,
      requestId: ctx.requestId,
    });
    await ctx.em.save(AuditLog, row);
  }

  async forEntity(entityType: string, entityId: string): Promise<AuditLog[]> {
    return this.dataSource.getRepository(AuditLog).find({
      where: { entityType, entityId },
      order: { occurredAt: 'ASC', id: 'ASC' },
    });
  }
}

/** Refuses every update or removal of audit rows that goes through TypeORM. */
@EventSubscriber()
export class AuditLogImmutability implements EntitySubscriberInterface<AuditLog> {
  listenTo(): typeof AuditLog {
    return AuditLog;
  }
  beforeUpdate(_event: UpdateEvent<AuditLog>): void {
    throw new Error('audit_log is append-only');
  }
  beforeRemove(_event: RemoveEvent<AuditLog>): void {
    throw new Error('audit_log is append-only');
  }
}
