/**
 * `npm run openapi`: writes the OpenAPI document of the API to openapi.json at the repository root, from the
 * application itself (SQLite in memory, no demo data, no cron, no test hooks: the routes of a production start,
 * without the admin panel). `--check` writes nothing and exits 1 when the committed file is out of date (CI).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config/app.config.js';
import { createApp } from '../src/app.factory.js';
import { openApiJson } from './openapi-json.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = join(ROOT, 'openapi.json');

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const cfg = loadConfig({
    NODE_ENV: 'development',
    DB_TYPE: 'sqlite',
    SQLITE_PATH: ':memory:',
    TEST_HOOKS: 'false',
    DEMO_DATA: 'false',
    CRON_ENABLED: 'false',
    LOG_LEVEL: 'error',
  });
  const app = await createApp(cfg);
  let text: string;
  try {
    text = openApiJson(app);
  } finally {
    await app.close();
  }
  const operations = Object.values(
    (JSON.parse(text) as { paths: Record<string, Record<string, unknown>> }).paths,
  ).reduce((n, p) => n + Object.keys(p).length, 0);
  if (check) {
    const committed = await readFile(OUT, 'utf8').catch(() => '');
    if (committed !== text) {
      process.stderr.write(`openapi.json is out of date with the code: run npm run openapi and commit it\n`);
      process.exit(1);
    }
    process.stdout.write(`openapi.json is up to date (${operations} operations)\n`);
    return;
  }
  await writeFile(OUT, text);
  process.stdout.write(`wrote ${OUT} (${operations} operations)\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(
    `write-openapi failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
