import { BaseEntity, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { UuidEntity } from '../../../../libs/persistence/uuid-entity.js';
import { InstantColumn, JsonColumn } from '../../../../libs/persistence/index.js';

/** An org member (operator): a sub-account created in the partner center by the partner admin (FAQ 7.1). */
@Entity('org_member')
@Index('uq_org_member_login', ['partnerAccountId', 'loginName'], { unique: true })
export class OrgMember extends UuidEntity {
  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  /** the IAM user behind the member (ORG-002), created through IamPort */
  @Column({ name: 'iam_user_id', type: 'varchar', length: 64, nullable: true })
  iamUserId: string | null;

  @Column({ name: 'login_name', type: 'varchar', length: 32 })
  loginName: string;

  @Column({ name: 'display_name', type: 'varchar', length: 64 })
  displayName: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  mobile: string | null;

  @Column({ type: 'varchar', length: 12 })
  status: 'active' | 'disabled' | 'deleted';

  /** the member's own business contact (info.md INFO-021), edited by the member */
  @Column({ name: 'business_mobile', type: 'varchar', length: 20, nullable: true })
  businessMobile: string | null;

  @Column({ name: 'business_email', type: 'varchar', length: 254, nullable: true })
  businessEmail: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 128 })
  createdBy: string;

  @InstantColumn({ name: 'created_at' })
  createdAt: Date;

  @InstantColumn({ name: 'updated_at', nullable: true })
  updatedAt: Date | null;
}

/** A role: preset `admin`, preset `customer_manager`, or a partner's custom role (FAQ 7.1). */
@Entity('org_role')
@Index('uq_org_role_code', ['partnerAccountId', 'code'], { unique: true })
export class Role extends UuidEntity {
  /** null for the preset roles shared by every partner */
  @Column({ name: 'partner_account_id', type: 'varchar', length: 36, nullable: true })
  partnerAccountId: string | null;

  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  kind: 'preset_admin' | 'preset_customer_manager' | 'custom';

  @JsonColumn({ name: 'permission_keys' })
  permissionKeys: string[];

  @Column({ type: 'boolean', default: false })
  editable: boolean;
}

/** Role assignment of a member (at most 3 per member, ORG-006). */
@Entity('org_member_role')
export class OrgMemberRole extends BaseEntity {
  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @PrimaryColumn({ name: 'role_id', type: 'varchar', length: 36 })
  roleId: string;

  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;
}
