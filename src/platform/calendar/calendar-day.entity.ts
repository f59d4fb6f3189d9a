import { BaseEntity, Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../../libs/persistence/index.js';

/** An operations override of the working-day calendar: an extra holiday or make-up working day. */
@Entity('calendar_day')
export class CalendarDay extends BaseEntity {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  date: string;

  @Column({ type: 'varchar', length: 12 })
  kind: 'holiday' | 'working_day';

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  @Column({ name: 'updated_by', type: 'varchar', length: 128 })
  updatedBy: string;

  @InstantColumn({ name: 'updated_at' })
  updatedAt: Date;
}
