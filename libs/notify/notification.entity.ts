import { Column, Entity, Index } from 'typeorm';
import { UuidEntity } from '../persistence/uuid-entity.js';
import { InstantColumn, JsonColumn, TextColumn } from '../persistence/columns.js';

export type NotificationChannel = 'in_app' | 'email' | 'sms';
export const NOTIFICATION_CHANNELS: readonly NotificationChannel[] = ['in_app', 'email', 'sms'];

/**
 * The outbox of in-app messages, e-mails and SMS. Rows are written in the transaction of the change that
 * caused them; the dispatcher job delivers e-mail (SMTP when configured) and SMS, in-app rows are delivered
 * by being readable.
 */
@Entity('notification')
@Index('idx_notification_recipient', ['channel', 'recipient', 'createdAt'])
@Index('idx_notification_status', ['status', 'createdAt'])
export class Notification extends UuidEntity {
  @Column({ type: 'varchar', length: 8 })
  channel: NotificationChannel;

  /** in_app: partner account id (or reviewer id); email: address; sms: mobile number */
  @Column({ type: 'varchar', length: 254 })
  recipient: string;

  @Column({ name: 'partner_account_id', type: 'varchar', length: 36, nullable: true })
  partnerAccountId: string | null;

  @Column({ type: 'varchar', length: 64 })
  template: string;

  @Column({ type: 'varchar', length: 8, default: 'en-us' })
  language: string;

  @Column({ type: 'varchar', length: 200 })
  subject: string;

  @TextColumn()
  body: string;

  @JsonColumn({ nullable: true })
  params: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 12 })
  status: 'pending' | 'sent' | 'failed' | 'delivered';

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @InstantColumn({ name: 'created_at' })
  createdAt: Date;

  @InstantColumn({ name: 'sent_at', nullable: true })
  sentAt: Date | null;

  @InstantColumn({ name: 'read_at', nullable: true })
  readAt: Date | null;

  @TextColumn({ nullable: true })
  error: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId: string | null;
}
