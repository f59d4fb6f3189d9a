import { Column, Entity, Index } from 'typeorm';
import { UuidEntity } from '../../../../libs/persistence/uuid-entity.js';
import { InstantColumn } from '../../../../libs/persistence/index.js';

/**
 * Company details of a legal entity: logo, public contact details, introduction (FAQ 6.1.4; info.md
 * INFO-017). Shown on Company info; changed only by operations (ticket), never by partners.
 */
@Entity('company_details')
@Index('uq_company_details_entity', ['legalEntityId'], { unique: true })
export class CompanyDetails extends UuidEntity {
  @Column({ name: 'legal_entity_id', type: 'varchar', length: 36 })
  legalEntityId: string;

  @Column({ name: 'logo_file_id', type: 'varchar', length: 64, nullable: true })
  logoFileId: string | null;

  @Column({ name: 'public_phone', type: 'varchar', length: 20, nullable: true })
  publicPhone: string | null;

  @Column({ name: 'public_email', type: 'varchar', length: 254, nullable: true })
  publicEmail: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  website: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  introduction: string | null;

  /** the ticket of the last change (info.md "Ticket system") */
  @Column({ name: 'ticket_no', type: 'varchar', length: 32, nullable: true })
  ticketNo: string | null;

  @InstantColumn({ name: 'updated_at' })
  updatedAt: Date;
}
