import { Column, Entity, Index } from 'typeorm';
import { InstantColumn } from '../../../../libs/persistence/index.js';
import { UuidEntity } from '../../../../libs/persistence/uuid-entity.js';

/**
 * Which org member (holding the preset `customer_manager` role) manages which sub-customer of the partner
 * account (ORG-010, ORG-011). At most one manager per customer: reassigning replaces the row.
 */
@Entity('org_customer_manager_assignment')
@Index('uq_org_cm_assignment_customer', ['partnerAccountId', 'customerId'], { unique: true })
@Index('ix_org_cm_assignment_member', ['orgMemberId'])
export class CustomerManagerAssignment extends UuidEntity {
  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ name: 'customer_id', type: 'varchar', length: 36 })
  customerId: string;

  @Column({ name: 'org_member_id', type: 'varchar', length: 36 })
  orgMemberId: string;

  @Column({ name: 'assigned_by', type: 'varchar', length: 128 })
  assignedBy: string;

  @InstantColumn({ name: 'assigned_at' })
  assignedAt: Date;
}

/** A supervisor member sees the customers of the customer managers he supervises (ORG-012, FAQ 12.1.9.5). */
@Entity('org_customer_manager_supervision')
@Index('uq_org_cm_supervision', ['supervisorMemberId', 'customerManagerMemberId'], { unique: true })
export class CustomerManagerSupervision extends UuidEntity {
  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;

  @Column({ name: 'supervisor_member_id', type: 'varchar', length: 36 })
  supervisorMemberId: string;

  @Column({ name: 'customer_manager_member_id', type: 'varchar', length: 36 })
  customerManagerMemberId: string;

  @InstantColumn({ name: 'created_at' })
  createdAt: Date;
}
