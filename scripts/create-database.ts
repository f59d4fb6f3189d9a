/**
 * Creates (or with --drop, drops) a MySQL/MariaDB database using the DB_* environment, for throw-away
 * migration checks and per-file e2e databases.
 */
import mysql from 'mysql2/promise';

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Za-z0-9_]+$/.test(name)) throw new Error('usage: create-database <name> [--drop]');
  const conn = await mysql.createConnection({
    host: process.env.DB_HOST ?? '127.0.0.1',
    port: Number(process.env.DB_PORT ?? 3306),
    user: process.env.DB_USER ?? 'root',
    password: process.env.DB_PASSWORD ?? '',
  });
  try {
    if (process.argv.includes('--drop')) await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    else
      await conn.query(
        `CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
      );
  } finally {
    await conn.end();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
