/**
 * A real database for the integration specs of `libs/` (state machine, audit, notify, idempotency,
 * persistence, scheduling): the engine the suite runs on — SQLite in memory by default, or a throw-away
 * MySQL/MariaDB database when DB_TYPE=mariadb|mysql — holding only the entities a spec names, created by
 * `synchronize` (a throw-away test database; the application's migrations are exercised by the e2e suite).
 */
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { DataSource, type MixedList } from 'typeorm';

/** Same rule as test-app.ts (kept here so lib specs do not load the whole application). */
export function specUsingMysql(): boolean {
  return ['mysql', 'mariadb'].includes((process.env.DB_TYPE ?? 'sqlite').toLowerCase());
}

export interface SpecDb {
  dataSource: DataSource;
  /** a second DataSource on the same database: another application instance (own connections) */
  secondInstance(): Promise<DataSource>;
  close(): Promise<void>;
}

function mysqlEnv() {
  return {
    host: process.env.DB_HOST ?? '127.0.0.1',
    port: Number(process.env.DB_PORT ?? 3306),
    user: process.env.DB_USER ?? 'root',
    password: process.env.DB_PASSWORD ?? '',
  };
}

async function mysqlAdmin(sql: string): Promise<void> {
  const conn = await mysql.createConnection(mysqlEnv());
  try {
    await conn.query(sql);
  } finally {
    await conn.end();
  }
}

export async function openSpecDb(
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own entity list type
  entities: MixedList<Function>,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own subscriber list type
  subscribers: MixedList<Function | string> = [],
): Promise<SpecDb> {
  const opened: DataSource[] = [];
  if (specUsingMysql()) {
    const database = `pc_spec_${process.pid}_${randomBytes(4).toString('hex')}`;
    await mysqlAdmin(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const make = async (synchronize: boolean): Promise<DataSource> => {
      const ds = new DataSource({
        type: (process.env.DB_TYPE ?? 'mariadb').toLowerCase() === 'mysql' ? 'mysql' : 'mariadb',
        ...mysqlEnv(),
        username: mysqlEnv().user,
        database,
        timezone: 'Z',
        charset: 'utf8mb4_unicode_ci',
        supportBigNumbers: true,
        bigNumberStrings: true,
        entities,
        subscribers,
        synchronize,
        logging: false,
        extra: { connectionLimit: 10 },
      });
      await ds.initialize();
      opened.push(ds);
      return ds;
    };
    const dataSource = await make(true);
    return {
      dataSource,
      secondInstance: () => make(false),
      async close() {
        for (const ds of opened) if (ds.isInitialized) await ds.destroy();
        await mysqlAdmin(`DROP DATABASE IF EXISTS \`${database}\``);
      },
    };
  }
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: ':memory:',
    entities,
    subscribers,
    synchronize: true,
    logging: false,
  });
  await dataSource.initialize();
  return {
    dataSource,
    // one in-memory SQLite database is one connection: a second "instance" shares it
    secondInstance: async () => dataSource,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}
