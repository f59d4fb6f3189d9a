import { Column, Entity, Index } from 'typeorm';
import { UuidEntity } from '../persistence/uuid-entity.js';
import { InstantColumn, JsonColumn } from '../persistence/columns.js';

/** Append-only audit trail; written in the same transaction as the change; never updated or deleted. */
@Entity('audit_log')
@Index('idx_audit_entity', ['entityType', 'entityId'])
@Index('idx_audit_partner', ['partnerAccountId', 'occurredAt'])
export class AuditLog extends UuidEntity {
  @InstantColumn({ name: 'occurred_at' })
  occurredAt: Date;

  @Column({ name: 'actor_kind', type: 'varchar', length: 16 })
  actorKind: string;

  @Column({ name: 'actor_id', type: 'varchar', length: 128 })
  actorId: string;

  @Column({ name: 'partner_account_id', type: 'varchar', length: 36, nullable: true })
  partnerAccountId: string | null;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 64 })
  entityType: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 64 })
  entityId: string;

  @JsonColumn({ nullable: true })
  before: Record<string, unknown> | null;

  @JsonColumn({ nullable: true })
  after: Record<string, unknown> | null;

  @Column({ name: 'request_id', type: 'varchar', length: 64 })
  requestId: string;
}
