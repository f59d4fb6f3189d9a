/**
 * An express-session Store on the `admin_session` table (MySQL/MariaDB/TiDB or SQLite), replacing the
 * in-memory default that only serves one process. Expiry is computed and checked with the injected Clock
 * (so tests can travel past it); expired rows are ignored on read and pruned at most every PRUNE_EVERY_MS.
 */
import session, { type SessionData } from 'express-session';
import { type DataSource, LessThan, type Repository } from 'typeorm';
import type { Clock } from '../../libs/clock/index.js';
import { AdminSession } from './admin-session.entity.js';

type Callback = (err?: unknown) => void;

const PRUNE_EVERY_MS = 10 * 60 * 1000;

export class TypeormSessionStore extends session.Store {
  private lastPruneMs = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    /** lifetime of a session without a cookie maxAge */
    private readonly ttlMs: number,
  ) {
    super();
  }

  private get repo(): Repository<AdminSession> {
    return this.dataSource.getRepository(AdminSession);
  }

  private expiresAt(sess: SessionData): Date {
    const maxAge = sess.cookie?.maxAge;
    const ms = typeof maxAge === 'number' && maxAge > 0 ? maxAge : this.ttlMs;
    return new Date(this.clock.nowMs() + ms);
  }

  override get(sid: string, callback: (err: unknown, session?: SessionData | null) => void): void {
    this.loadSession(sid).then(
      (s) => callback(null, s),
      (err: unknown) => callback(err),
    );
  }

  override set(sid: string, sess: SessionData, callback?: Callback): void {
    this.saveSession(sid, sess).then(
      () => callback?.(),
      (err: unknown) => callback?.(err),
    );
  }

  override touch(sid: string, sess: SessionData, callback?: Callback): void {
    this.repo.update({ sid }, { expiresAt: this.expiresAt(sess) }).then(
      () => callback?.(),
      (err: unknown) => callback?.(err),
    );
  }

  override destroy(sid: string, callback?: Callback): void {
    this.repo.delete({ sid }).then(
      () => callback?.(),
      (err: unknown) => callback?.(err),
    );
  }

  private async loadSession(sid: string): Promise<SessionData | null> {
    const row = await this.repo.findOne({ where: { sid } });
    if (!row) return null;
    if (row.expiresAt.getTime() <= this.clock.nowMs()) {
      await this.repo.delete({ sid });
      return null;
    }
    try {
      return JSON.parse(row.data) as SessionData;
    } catch {
      return null;
    }
  }

  private async saveSession(sid: string, sess: SessionData): Promise<void> {
    await this.repo.upsert({ sid, data: JSON.stringify(sess), expiresAt: this.expiresAt(sess) }, ['sid']);
    const now = this.clock.nowMs();
    if (now - this.lastPruneMs >= PRUNE_EVERY_MS) {
      this.lastPruneMs = now;
      await this.repo.delete({ expiresAt: LessThan(new Date(now)) });
    }
  }
}
