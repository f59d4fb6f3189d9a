import { BaseEntity, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { UuidEntity } from '../persistence/uuid-entity.js';
import { InstantColumn, JsonColumn, TextColumn } from '../persistence/columns.js';

/** One row per job run: who ran it, when (by the injected clock), how it ended, its summary. */
@Entity('job_run')
@Index('idx_job_run_name', ['jobName', 'startedAt'])
export class JobRun extends UuidEntity {
  @Column({ name: 'job_name', type: 'varchar', length: 64 })
  jobName: string;

  @Column({ type: 'varchar', length: 16 })
  trigger: 'cron' | 'manual' | 'test';

  @Column({ type: 'varchar', length: 16 })
  status: 'running' | 'succeeded' | 'failed' | 'skipped';

  @InstantColumn({ name: 'started_at' })
  startedAt: Date;

  @InstantColumn({ name: 'finished_at', nullable: true })
  finishedAt: Date | null;

  @Column({ name: 'instance_id', type: 'varchar', length: 64 })
  instanceId: string;

  @JsonColumn({ nullable: true })
  summary: Record<string, unknown> | null;

  @TextColumn({ nullable: true })
  error: string | null;
}

/** SQLite's stand-in for MySQL GET_LOCK: a lease row taken by a conditional UPDATE. */
@Entity('job_lease')
export class JobLease extends BaseEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  holder: string | null;

  /** epoch ms (real time, not the travelling clock: a lease is about process liveness) */
  @Column({ name: 'lease_until', type: 'bigint', default: 0 })
  leaseUntil: string;
}
