import { Column, Entity, Index } from 'typeorm';
import { UuidEntity } from '../../../../libs/persistence/uuid-entity.js';
import { InstantColumn, JsonColumn } from '../../../../libs/persistence/index.js';
import type { RegistryResult } from './onboarding-application.entity.js';

export type ChangeRequestStatus = 'pending_review' | 'approved' | 'rejected' | 'withdrawn';
export const CHANGE_REQUEST_STATUSES: readonly ChangeRequestStatus[] = [
  'pending_review',
  'approved',
  'rejected',
  'withdrawn',
];

/** The licence fields a change request may carry (INFO-013), as snake_case keys of `changes`. */
export type LicenceChanges = Partial<{
  company_name: string;
  registered_capital: string;
  registered_capital_currency: string;
  established_on: string;
  business_term_from: string;
  business_term_to: string | null;
  legal_representative: string;
  license_address: string;
  postal_code: string;
  business_scope: string;
}>;

/**
 * Request by the partner admin of the primary account to change the legal entity's licence data (FAQ 6.1.2,
 * 6.1.3; info.md INFO-013…INFO-016). `openEntityKey` holds the legal entity id while the request is
 * `pending_review` and null otherwise: its unique index enforces "one open request per legal entity"
 * (INFO-016) even for two concurrent submissions, on both engines (NULLs never collide).
 */
@Entity('company_info_change_request')
@Index('idx_change_request_entity', ['legalEntityId', 'submittedAt'])
@Index('idx_change_request_status', ['status', 'submittedAt'])
@Index('uq_change_request_open', ['openEntityKey'], { unique: true })
export class CompanyInfoChangeRequest extends UuidEntity {
  @Column({ name: 'legal_entity_id', type: 'varchar', length: 36 })
  legalEntityId: string;

  /** the (primary) partner account that asked */
  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  /** actor id of the requester (the partner admin) */
  @Column({ name: 'requested_by', type: 'varchar', length: 128 })
  requestedBy: string;

  @JsonColumn()
  changes: LicenceChanges;

  @Column({ name: 'license_file_id', type: 'varchar', length: 64, nullable: true })
  licenseFileId: string | null;

  /** the code LicenseRecognitionPort read from the uploaded licence (INFO-015) */
  @Column({ name: 'extracted_code', type: 'varchar', length: 18, nullable: true })
  extractedCode: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: ChangeRequestStatus;

  @Column({ name: 'registry_result', type: 'varchar', length: 12, nullable: true })
  registryResult: RegistryResult | null;

  @Column({ name: 'open_entity_key', type: 'varchar', length: 36, nullable: true })
  openEntityKey: string | null;

  @Column({ name: 'reviewer_id', type: 'varchar', length: 36, nullable: true })
  reviewerId: string | null;

  @Column({ name: 'reject_reason', type: 'varchar', length: 500, nullable: true })
  rejectReason: string | null;

  @InstantColumn({ name: 'submitted_at' })
  submittedAt: Date;

  @InstantColumn({ name: 'decided_at', nullable: true })
  decidedAt: Date | null;
}
