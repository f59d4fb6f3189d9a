import { Column, Entity, Index } from 'typeorm';
import { UuidEntity } from '../../../../libs/persistence/uuid-entity.js';
import { InstantColumn } from '../../../../libs/persistence/index.js';

/**
 * Contact person of one partner account (FAQ 6.1.5; info.md INFO-018). Until someone edits it, the contact of
 * the account's approved onboarding application is shown (decision: the FAQ says the contact is entered at
 * onboarding; copying it lazily keeps onboarding untouched).
 */
@Entity('account_contact')
@Index('uq_account_contact_account', ['partnerAccountId'], { unique: true })
export class AccountContact extends UuidEntity {
  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'varchar', length: 50 })
  position: string;

  @Column({ type: 'varchar', length: 20 })
  mobile: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @InstantColumn({ name: 'updated_at' })
  updatedAt: Date;
}
