import { Column, Entity, Index } from 'typeorm';
import { UuidEntity } from '../../../../libs/persistence/uuid-entity.js';
import { MoneyColumn, type Decimal } from '../../../../libs/money/index.js';
import { DateColumn, InstantColumn } from '../../../../libs/persistence/index.js';
import type { Site } from '../../../../libs/context/index.js';

export type OnboardingStatus = 'submitted' | 'manual_review' | 'approved' | 'rejected';
export type RegistryResult = 'pass' | 'mismatch' | 'unavailable';

/** Request of a Huawei Cloud account to join the partner network (info.md "Onboarding", FAQ 3). */
@Entity('onboarding_application')
@Index('idx_onboarding_account', ['partnerAccountId', 'submittedAt'])
@Index('idx_onboarding_status', ['status', 'submittedAt'])
export class OnboardingApplication extends UuidEntity {
  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

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

  @Column({ name: 'contact_name', type: 'varchar', length: 50 })
  contactName: string;

  @Column({ name: 'contact_position', type: 'varchar', length: 50 })
  contactPosition: string;

  @Column({ name: 'contact_mobile', type: 'varchar', length: 20 })
  contactMobile: string;

  @Column({ name: 'contact_email', type: 'varchar', length: 254 })
  contactEmail: string;

  @Column({ name: 'fast_onboarding', type: 'boolean', default: false })
  fastOnboarding: boolean;

  @Column({ type: 'varchar', length: 16 })
  status: OnboardingStatus;

  @Column({ name: 'auto_check_result', type: 'varchar', length: 12, nullable: true })
  autoCheckResult: RegistryResult | null;

  /** same-legal-entity notice (FAQ 3.2): the company was already a partner on this site at submission */
  @Column({ name: 'legal_entity_id', type: 'varchar', length: 36, nullable: true })
  legalEntityId: string | null;

  @Column({ name: 'reviewer_id', type: 'varchar', length: 36, nullable: true })
  reviewerId: string | null;

  @Column({ name: 'reject_reason', type: 'varchar', length: 500, nullable: true })
  rejectReason: string | null;

  @InstantColumn({ name: 'submitted_at' })
  submittedAt: Date;

  @InstantColumn({ name: 'decided_at', nullable: true })
  decidedAt: Date | null;
}
