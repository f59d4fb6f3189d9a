/**
 * TypeORM data-source options for both engines, used by the app, the tests and the migration CLI.
 * Migrations-first: `synchronize` is never on; `migrationsRun` applies pending migrations at boot.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from './app.config.js';
import { ALL_ENTITIES, ALL_SUBSCRIBERS } from './entities.js';
import { MYSQL_MIGRATIONS } from '../migrations/mysql/index.js';
import { SQLITE_MIGRATIONS } from '../migrations/sqlite/index.js';

export function dataSourceOptions(
  cfg: Pick<
    AppConfig,
    'DB_TYPE' | 'SQLITE_PATH' | 'DB_HOST' | 'DB_PORT' | 'DB_USER' | 'DB_PASSWORD' | 'DB_NAME'
  >,
): DataSourceOptions {
  const common = {
    entities: ALL_ENTITIES,
    subscribers: ALL_SUBSCRIBERS,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'migrations',
    logging: false as const,
  };
  if (cfg.DB_TYPE === 'sqlite') {
    if (cfg.SQLITE_PATH !== ':memory:') mkdirSync(dirname(cfg.SQLITE_PATH), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: cfg.SQLITE_PATH,
      migrations: SQLITE_MIGRATIONS,
      prepareDatabase: (db: { pragma: (s: string) => unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('busy_timeout = 5000');
        db.pragma('foreign_keys = ON');
      },
    };
  }
  return {
    ...common,
    type: cfg.DB_TYPE,
    host: cfg.DB_HOST,
    port: cfg.DB_PORT,
    username: cfg.DB_USER,
    password: cfg.DB_PASSWORD,
    database: cfg.DB_NAME,
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    supportBigNumbers: true,
    bigNumberStrings: true,
    migrations: MYSQL_MIGRATIONS,
    extra: { connectionLimit: 20 },
  };
}
