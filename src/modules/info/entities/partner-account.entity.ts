import { Column, Entity, Index, VersionColumn } from 'typeorm';
import { UuidEntity } from '../../../../libs/persistence/uuid-entity.js';
import { InstantColumn } from '../../../../libs/persistence/index.js';
import type { Site } from '../../../../libs/context/index.js';

/**
 * PartnerAccountStatus (info.md "PartnerAccount.status"). `registered` is this implementation's name for the
 * spec's "(none)": a Huawei Cloud account known to the partner center that has not applied yet.
 */
export type PartnerAccountStatus = 'registered' | 'onboarding' | 'active' | 'deregistered';

/** One Huawei Cloud tenant as the partner center sees it (info.md "Partner account"). */
@Entity('partner_account')
@Index('uq_partner_account_huawei_id', ['huaweiAccountId'], { unique: true })
@Index('uq_partner_account_name', ['accountName'], { unique: true })
@Index('idx_partner_account_entity', ['legalEntityId'])
export class PartnerAccount extends UuidEntity {
  @Column({ name: 'huawei_account_id', type: 'varchar', length: 64 })
  huaweiAccountId: string;

  @Column({ name: 'account_name', type: 'varchar', length: 64 })
  accountName: string;

  @Column({ name: 'account_name_change_count', type: 'smallint', default: 0 })
  accountNameChangeCount: number;

  @Column({ type: 'varchar', length: 4 })
  site: Site;

  @Column({ name: 'legal_entity_id', type: 'varchar', length: 36, nullable: true })
  legalEntityId: string | null;

  @Column({ name: 'is_primary', type: 'boolean', default: false })
  isPrimary: boolean;

  @Column({ type: 'varchar', length: 16 })
  status: PartnerAccountStatus;

  @InstantColumn({ name: 'hcpn_joined_at', nullable: true })
  hcpnJoinedAt: Date | null;

  @Column({ name: 'channel_expansion_account', type: 'boolean', default: false })
  channelExpansionAccount: boolean;

  @Column({ name: 'customer_expansion_account', type: 'boolean', default: false })
  customerExpansionAccount: boolean;

  @Column({ type: 'boolean', default: false })
  abandoned: boolean;

  @Column({ name: 'enterprise_realname_verified', type: 'boolean', default: false })
  enterpriseRealnameVerified: boolean;

  @Column({ name: 'email_bound', type: 'boolean', default: false })
  emailBound: boolean;

  @Column({ name: 'business_mobile', type: 'varchar', length: 20, nullable: true })
  businessMobile: string | null;

  @Column({ name: 'business_email', type: 'varchar', length: 254, nullable: true })
  businessEmail: string | null;

  /** contact data used for notifications (bound mobile/e-mail, cached from the account center) */
  @Column({ type: 'varchar', length: 20, nullable: true })
  mobile: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 8, default: 'zh-cn' })
  language: string;

  @Column({ type: 'varchar', length: 64, default: 'Asia/Shanghai' })
  timezone: string;

  @InstantColumn({ name: 'created_at' })
  createdAt: Date;

  @VersionColumn()
  version: number;
}
