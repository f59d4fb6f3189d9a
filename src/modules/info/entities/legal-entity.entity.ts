import { Column, Entity, Index } from 'typeorm';
import { UuidEntity } from '../../../../libs/persistence/uuid-entity.js';
import { MoneyColumn, type Decimal } from '../../../../libs/money/index.js';
import { DateColumn, InstantColumn } from '../../../../libs/persistence/index.js';
import type { Site } from '../../../../libs/context/index.js';

/** A company, identified by its USCC (or, without one, its organisation code) per site (info.md). */
@Entity('legal_entity')
@Index('uq_legal_entity_uscc', ['site', 'uscc'], { unique: true })
@Index('uq_legal_entity_org_code', ['site', 'orgCode'], { unique: true })
export class LegalEntity extends UuidEntity {
  @Column({ type: 'varchar', length: 4 })
  site: Site;

  @Column({ type: 'varchar', length: 18, nullable: true })
  uscc: string | null;

  @Column({ name: 'org_code', type: 'varchar', length: 9, nullable: true })
  orgCode: string | null;

  @Column({ name: 'tax_code', type: 'varchar', length: 18 })
  taxCode: string;

  @Column({ name: 'company_name', type: 'varchar', length: 200 })
  companyName: string;

  @Column({ name: 'primary_account_id', type: 'varchar', length: 36, nullable: true })
  primaryAccountId: string | null;

  @Column({ name: 'license_file_id', type: 'varchar', length: 64, nullable: true })
  licenseFileId: string | null;

  @MoneyColumn({ name: 'registered_capital', precision: 18, scale: 2, nullable: true })
  registeredCapital: Decimal | null;

  @Column({ name: 'registered_capital_currency', type: 'varchar', length: 3, nullable: true })
  registeredCapitalCurrency: string | null;

  @DateColumn({ name: 'established_on', nullable: true })
  establishedOn: string | null;

  @DateColumn({ name: 'business_term_from', nullable: true })
  businessTermFrom: string | null;

  @DateColumn({ name: 'business_term_to', nullable: true })
  businessTermTo: string | null;

  @Column({ name: 'legal_representative', type: 'varchar', length: 100, nullable: true })
  legalRepresentative: string | null;

  @Column({ name: 'license_address', type: 'varchar', length: 255, nullable: true })
  licenseAddress: string | null;

  @Column({ name: 'postal_code', type: 'varchar', length: 20, nullable: true })
  postalCode: string | null;

  @Column({ name: 'business_scope', type: 'varchar', length: 4000, nullable: true })
  businessScope: string | null;

  @InstantColumn({ name: 'created_at' })
  createdAt: Date;
}
