import { Column, Entity, Index } from 'typeorm';
import { UuidEntity } from '../../../libs/persistence/uuid-entity.js';
import type { ReviewerRole } from '../../../libs/context/index.js';
import { InstantColumn, JsonColumn } from '../../../libs/persistence/index.js';

/** A Huawei-side reviewer (PDM, PSA, expert, operations, finance, …) working in the admin panel. */
@Entity('reviewer')
@Index('uq_reviewer_email', ['email'], { unique: true })
export class Reviewer extends UuidEntity {
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @JsonColumn()
  roles: ReviewerRole[];

  /** spec-named flags, e.g. `pce_dispatcher`, `supervisor` */
  @JsonColumn()
  flags: string[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @InstantColumn({ name: 'created_at' })
  createdAt: Date;
}
