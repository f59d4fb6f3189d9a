/**
 * One real application per test file, on a fresh database: SQLite in memory by default, or — when the suite
 * runs with DB_TYPE=mariadb|mysql (npm run test:mysql) — a throw-away MySQL/MariaDB database created for the
 * file and dropped after it. Migrations are applied exactly as in production. The clock is the travelling
 * test clock; cron is off (jobs are run through the hook or called directly).
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { loadConfig, type AppConfig } from '../../config/app.config.js';
import { Clock, TravellingClock } from '../../libs/clock/index.js';
import { createApp, type CreateAppOptions } from '../../src/app.factory.js';

export interface TestApp {
  app: NestExpressApplication;
  http: TestAgent;
  clock: TravellingClock;
  cfg: AppConfig;
  close(): Promise<void>;
}

export function usingMysql(): boolean {
  return ['mysql', 'mariadb'].includes((process.env.DB_TYPE ?? 'sqlite').toLowerCase());
}

async function mysqlAdmin<T>(fn: (c: mysql.Connection) => Promise<T>): Promise<T> {
  const conn = await mysql.createConnection({
    host: process.env.DB_HOST ?? '127.0.0.1',
    port: Number(process.env.DB_PORT ?? 3306),
    user: process.env.DB_USER ?? 'root',
    password: process.env.DB_PASSWORD ?? '',
  });
  try {
    return await fn(conn);
  } finally {
    await conn.end();
  }
}

export async function createTestApp(
  env: Record<string, string> = {},
  opts: CreateAppOptions = {},
): Promise<TestApp> {
  let dbName: string | null = null;
  const base: Record<string, string> = {
    NODE_ENV: 'test',
    TEST_HOOKS: 'true',
    CRON_ENABLED: 'false',
    DEMO_DATA: 'false',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    PORT: '0',
  };
  if (usingMysql()) {
    dbName = `pc_e2e_${process.pid}_${randomBytes(4).toString('hex')}`;
    await mysqlAdmin((c) =>
      c.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`),
    );
    base.DB_NAME = dbName;
  } else {
    base.DB_TYPE = 'sqlite';
    base.SQLITE_PATH = ':memory:';
  }
  const cfg = loadConfig({ ...process.env, ...base, ...env });
  const app = await createApp(cfg, opts);
  const clock = app.get(Clock) as TravellingClock;
  return {
    app,
    http: request(app.getHttpServer()),
    clock,
    cfg,
    async close() {
      await app.close();
      if (dbName) await mysqlAdmin((c) => c.query(`DROP DATABASE IF EXISTS \`${dbName}\``));
    },
  };
}
