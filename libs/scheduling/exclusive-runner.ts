/**
 * Cron work runs through one exclusive runner (STYLE "Cron"): it takes a database lock so only one instance
 * runs a job at a time — MySQL/MariaDB `GET_LOCK(name, 0)` on a dedicated connection held for the job, a lease
 * row on SQLite — records the run in `job_run`, and hands the job a system context whose clock is the
 * injected Clock (so tests travel in time and then run the job). `<area>.cron.ts` handlers are one line:
 * `this.runner.run('J-INFO-5', 'cron')`.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock, SystemClock } from '../clock/index.js';
import { RequestContext } from '../context/index.js';
import { DomainError } from '../errors/index.js';
import { dbKind } from '../persistence/db-kind.js';
import { sqliteExclusive } from '../persistence/transaction-runner.js';
import { JobLease, JobRun } from './job-run.entity.js';

export interface JobDefinition {
  /** the spec's job id, e.g. `J-INFO-5` */
  name: string;
  description: string;
  /** cron expression used by the module's cron file (documentation and the job list) */
  schedule: string;
  run: (ctx: RequestContext) => Promise<Record<string, unknown>>;
}

export interface JobResult {
  job: string;
  run_id: string;
  status: 'succeeded' | 'failed' | 'skipped';
  started_at: string;
  finished_at: string;
  summary: Record<string, unknown> | null;
  error?: string;
}

@Injectable()
export class JobRegistry {
  private readonly jobs = new Map<string, JobDefinition>();

  register(job: JobDefinition): void {
    if (this.jobs.has(job.name)) throw new Error(`job ${job.name} registered twice`);
    this.jobs.set(job.name, job);
  }

  get(name: string): JobDefinition | undefined {
    return this.jobs.get(name);
  }

  list(): JobDefinition[] {
    return [...this.jobs.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}

const LEASE_MS = 15 * 60 * 1000;

@Injectable()
export class ExclusiveRunner {
  private readonly logger = new Logger('ExclusiveRunner');
  readonly instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  /** wall time for lease expiry: a lease protects against crashed processes, not business deadlines */
  private readonly wall = new SystemClock();

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: JobRegistry,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Runs a registered job now if no other instance holds its lock; a held lock answers `skipped`. */
  async run(name: string, trigger: JobRun['trigger']): Promise<JobResult> {
    const job = this.registry.get(name);
    if (!job) throw new DomainError('JOB_NOT_FOUND', `No job named ${name}.`);
    return this.withLock(name, async (acquired) => {
      const runs = this.dataSource.getRepository(JobRun);
      const startedAt = this.clock.now();
      const row = runs.create({
        jobName: name,
        trigger,
        status: acquired ? 'running' : 'skipped',
        startedAt,
        finishedAt: acquired ? null : startedAt,
        instanceId: this.instanceId,
        summary: acquired ? null : { reason: 'locked by another instance' },
        error: null,
      });
      await sqliteExclusive(this.dataSource, () => runs.save(row));
      if (!acquired) return this.result(row);
      try {
        row.summary = await job.run(RequestContext.system(this.clock, name));
        row.status = 'succeeded';
      } catch (err) {
        row.status = 'failed';
        row.error = err instanceof Error ? (err.stack ?? err.message) : String(err);
        this.logger.error(`job ${name} failed: ${row.error}`);
      }
      row.finishedAt = this.clock.now();
      await sqliteExclusive(this.dataSource, () =>
        runs.update(row.id, {
          status: row.status,
          summary: row.summary as never,
          error: row.error,
          finishedAt: row.finishedAt,
        }),
      );
      return this.result(row);
    });
  }

  private result(row: JobRun): JobResult {
    return {
      job: row.jobName,
      run_id: row.id,
      status: row.status as JobResult['status'],
      started_at: row.startedAt.toISOString(),
      finished_at: (row.finishedAt ?? row.startedAt).toISOString(),
      summary: row.summary,
      ...(row.error ? { error: row.error.split('\n')[0] } : {}),
    };
  }

  private async withLock<T>(name: string, fn: (acquired: boolean) => Promise<T>): Promise<T> {
    const lockName = `job:${name}`;
    if (dbKind() === 'mysql') {
      const qr = this.dataSource.createQueryRunner();
      await qr.connect();
      try {
        const rows = (await qr.query('SELECT GET_LOCK(?, 0) AS l', [lockName])) as Array<{
          l: number | string | null;
        }>;
        const acquired = Number(rows[0]?.l) === 1;
        try {
          return await fn(acquired);
        } finally {
          if (acquired) await qr.query('SELECT RELEASE_LOCK(?)', [lockName]);
        }
      } finally {
        await qr.release();
      }
    }
    const acquired = await this.takeLease(lockName);
    try {
      return await fn(acquired);
    } finally {
      if (acquired) await this.releaseLease(lockName);
    }
  }

  private takeLease(name: string): Promise<boolean> {
    return sqliteExclusive(this.dataSource, () => this.takeLeaseNow(name));
  }

  private async takeLeaseNow(name: string): Promise<boolean> {
    const repo = this.dataSource.getRepository(JobLease);
    await repo
      .createQueryBuilder()
      .insert()
      .into(JobLease)
      .values({ name, holder: null, leaseUntil: '0' })
      .orIgnore()
      .execute();
    const now = this.wall.nowMs();
    const res = await repo
      .createQueryBuilder()
      .update(JobLease)
      .set({ holder: this.instanceId, leaseUntil: String(now + LEASE_MS) })
      .where('name = :name AND (holder IS NULL OR lease_until < :now)', { name, now })
      .execute();
    return (res.affected ?? 0) === 1;
  }

  private async releaseLease(name: string): Promise<void> {
    await sqliteExclusive(this.dataSource, () =>
      this.dataSource
        .getRepository(JobLease)
        .createQueryBuilder()
        .update(JobLease)
        .set({ holder: null, leaseUntil: '0' })
        .where('name = :name AND holder = :holder', { name, holder: this.instanceId })
        .execute(),
    );
  }
}
