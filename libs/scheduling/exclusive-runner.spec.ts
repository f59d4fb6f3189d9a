/**
 * The exclusive runner on the suite's engine (SQLite: the lease row; MySQL/MariaDB: GET_LOCK on a dedicated
 * connection): every run leaves a job_run row, two instances racing for one job run it once (one succeeded,
 * one skipped), a failure is recorded as failed and frees the lock, and the job sees the injected clock.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openSpecDb, specUsingMysql, type SpecDb } from '../../test/setup/spec-db.js';
import { TravellingClock } from '../clock/index.js';
import type { RequestContext } from '../context/index.js';
import { DomainError } from '../errors/index.js';
import { ExclusiveRunner, type JobResult, JobRegistry } from './exclusive-runner.js';
import { JobLease, JobRun } from './job-run.entity.js';

describe('ExclusiveRunner', () => {
  let db: SpecDb;
  let registry: JobRegistry;
  let a: ExclusiveRunner;
  let b: ExclusiveRunner;
  const clock = new TravellingClock();

  const runsOf = (job: string) =>
    db.dataSource.getRepository(JobRun).find({ where: { jobName: job }, order: { startedAt: 'ASC' } });

  beforeAll(async () => {
    db = await openSpecDb([JobRun, JobLease]);
    registry = new JobRegistry();
    a = new ExclusiveRunner(db.dataSource, registry, clock);
    b = new ExclusiveRunner(await db.secondInstance(), registry, clock);
    clock.set(new Date('2025-03-03T16:00:00Z'));
  });
  afterAll(async () => {
    await db.close();
  });

  it('a run records a job_run row with trigger, times from the injected clock and the summary', async () => {
    let seen: RequestContext | null = null;
    registry.register({
      name: 'J-SPEC-OK',
      description: 'spec',
      schedule: 'hourly',
      run: async (ctx) => {
        seen = ctx;
        return { processed: 3 };
      },
    });
    const res = await a.run('J-SPEC-OK', 'test');
    expect(res).toEqual({
      job: 'J-SPEC-OK',
      run_id: expect.any(String),
      status: 'succeeded',
      started_at: '2025-03-03T16:00:00.000Z',
      finished_at: '2025-03-03T16:00:00.000Z',
      summary: { processed: 3 },
    });
    expect(seen!.actor).toEqual({ kind: 'system', job: 'J-SPEC-OK' });
    expect(seen!.now().toISOString()).toBe('2025-03-03T16:00:00.000Z');
    const [row] = await runsOf('J-SPEC-OK');
    expect(row).toMatchObject({
      id: res.run_id,
      trigger: 'test',
      status: 'succeeded',
      summary: { processed: 3 },
      error: null,
      instanceId: a.instanceId,
    });
  });

  it('an unknown job → JOB_NOT_FOUND (404)', async () => {
    const err = await a
      .run('J-NOPE', 'manual')
      .then(() => null)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('JOB_NOT_FOUND');
    expect((err as DomainError).status).toBe(404);
  });

  it('two instances racing for the same job: one succeeded, one skipped; the lock is free afterwards', async () => {
    let running = 0;
    let maxRunning = 0;
    let executions = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    registry.register({
      name: 'J-SPEC-RACE',
      description: 'spec',
      schedule: 'every minute',
      run: async () => {
        executions++;
        running++;
        maxRunning = Math.max(maxRunning, running);
        if (running === 2) release(); // both inside: the lock failed; let the assertions say so
        await gate;
        running--;
        return { executions };
      },
    });
    // the winner holds the job open until the loser has answered
    const settle = (p: Promise<JobResult>) =>
      p.then((r) => {
        if (r.status === 'skipped') release();
        return r;
      });
    const results = await Promise.all([
      settle(a.run('J-SPEC-RACE', 'cron')),
      settle(b.run('J-SPEC-RACE', 'cron')),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['skipped', 'succeeded']);
    expect(maxRunning).toBe(1);
    expect(executions).toBe(1);
    const skipped = results.find((r) => r.status === 'skipped')!;
    expect(skipped.summary).toEqual({ reason: 'locked by another instance' });
    const rows = await runsOf('J-SPEC-RACE');
    expect(rows.map((r) => r.status).sort()).toEqual(['skipped', 'succeeded']);
    expect(new Set(rows.map((r) => r.instanceId)).size).toBe(2);

    // released: the next run (either instance) executes
    const next = await b.run('J-SPEC-RACE', 'cron');
    expect(next.status).toBe('succeeded');
    expect(executions).toBe(2);
  });

  it('a failure is recorded as failed with the error, and frees the lock', async () => {
    let fail = true;
    registry.register({
      name: 'J-SPEC-FAIL',
      description: 'spec',
      schedule: 'daily',
      run: async () => {
        if (fail) throw new Error('upstream down\n    at somewhere');
        return { ok: true };
      },
    });
    const res = await a.run('J-SPEC-FAIL', 'cron');
    expect(res.status).toBe('failed');
    expect(res.error).toBe('Error: upstream down');
    expect(res.summary).toBeNull();
    const [row] = await runsOf('J-SPEC-FAIL');
    expect(row.status).toBe('failed');
    expect(row.error).toContain('upstream down');
    expect(row.finishedAt).not.toBeNull();
    fail = false;
    const again = await b.run('J-SPEC-FAIL', 'cron');
    expect(again.status).toBe('succeeded');
  });

  it('a lock left by a crashed instance does not block the job for ever', async () => {
    registry.register({
      name: 'J-SPEC-CRASH',
      description: 'spec',
      schedule: 'hourly',
      run: async () => ({}),
    });
    if (specUsingMysql()) {
      // GET_LOCK belongs to a connection: when the holder's connection dies, the server frees the lock
      const crashed = (await db.secondInstance()).createQueryRunner();
      await crashed.connect();
      await crashed.query('SELECT GET_LOCK(?, 0)', ['job:J-SPEC-CRASH']);
      expect((await a.run('J-SPEC-CRASH', 'cron')).status).toBe('skipped');
      const [{ id }] = (await crashed.query('SELECT CONNECTION_ID() AS id')) as Array<{
        id: number | string;
      }>;
      await db.dataSource.query(`KILL ${Number(id)}`);
      // the server frees the lock when it has cleaned up the killed thread (infrastructure, not business time)
      for (let i = 0; i < 100; i++) {
        const [{ free }] = (await db.dataSource.query('SELECT IS_FREE_LOCK(?) AS free', [
          'job:J-SPEC-CRASH',
        ])) as Array<{ free: number | string }>;
        if (Number(free) === 1) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await crashed.release().catch(() => undefined);
    } else {
      // the lease row of a crashed holder: taken by someone else, expired (wall time) long ago
      await db.dataSource.getRepository(JobLease).save({
        name: 'job:J-SPEC-CRASH',
        holder: 'crashed-instance',
        leaseUntil: String(Date.now() + 60_000),
      });
      expect((await a.run('J-SPEC-CRASH', 'cron')).status).toBe('skipped');
      await db.dataSource
        .getRepository(JobLease)
        .update({ name: 'job:J-SPEC-CRASH' }, { leaseUntil: String(Date.now() - 1) });
    }
    expect((await a.run('J-SPEC-CRASH', 'cron')).status).toBe('succeeded');
  });

  it('the registry refuses a job name twice and lists jobs by name', () => {
    expect(() =>
      registry.register({
        name: 'J-SPEC-OK',
        description: 'again',
        schedule: 'hourly',
        run: async () => ({}),
      }),
    ).toThrow('registered twice');
    expect(registry.list().map((j) => j.name)).toEqual([
      'J-SPEC-CRASH',
      'J-SPEC-FAIL',
      'J-SPEC-OK',
      'J-SPEC-RACE',
    ]);
  });
});
