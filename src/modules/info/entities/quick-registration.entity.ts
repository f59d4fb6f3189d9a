import { Column, Entity, Index } from 'typeorm';
import { UuidEntity } from '../../../../libs/persistence/uuid-entity.js';
import { InstantColumn } from '../../../../libs/persistence/index.js';

export type QuickRegistrationStatus = 'code_sent' | 'verified' | 'consumed' | 'expired';
export const QUICK_REGISTRATION_STATUSES: readonly QuickRegistrationStatus[] = [
  'code_sent',
  'verified',
  'consumed',
  'expired',
];

/** Why the partner registers another account (5.1.14 SP program, 5.1.15 level upgrade, 004 cloud reseller). */
export type QuickRegistrationPurpose =
  'join_solution_provider' | 'join_path_for_level_upgrade' | 'join_cloud_reseller';
export const QUICK_REGISTRATION_PURPOSES: readonly QuickRegistrationPurpose[] = [
  'join_solution_provider',
  'join_path_for_level_upgrade',
  'join_cloud_reseller',
];

/**
 * "Quick registration of a new account" (快捷注册新账号, FAQ 5.1.14/5.1.15; info.md INFO-041…INFO-045): the
 * partner admin of an onboarded account verifies itself by code, then has 24 h to register a new Huawei Cloud
 * account of the same legal entity, which then fast-onboards.
 */
@Entity('quick_registration')
@Index('idx_quick_registration_source', ['sourceAccountId', 'codeSentAt'])
@Index('idx_quick_registration_expiry', ['status', 'expiresAt'])
@Index('uq_quick_registration_new_account', ['newAccountId'], { unique: true })
export class QuickRegistration extends UuidEntity {
  @Column({ name: 'source_account_id', type: 'varchar', length: 36 })
  sourceAccountId: string;

  @Column({ type: 'varchar', length: 32 })
  purpose: QuickRegistrationPurpose;

  @Column({ type: 'varchar', length: 16 })
  status: QuickRegistrationStatus;

  @InstantColumn({ name: 'code_sent_at' })
  codeSentAt: Date;

  @InstantColumn({ name: 'verified_at', nullable: true })
  verifiedAt: Date | null;

  /** verified_at + 24 h (INFO-043); registration is allowed while now ≤ expires_at */
  @InstantColumn({ name: 'expires_at', nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'new_account_id', type: 'varchar', length: 36, nullable: true })
  newAccountId: string | null;
}
