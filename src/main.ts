/**
 * `npm start`: the API and the admin panel on PORT (3000), on the embedded SQLite database under var/ by
 * default, migrations applied and demo data seeded. A bad configuration stops the start with a clear message.
 */
import { ConfigError, loadConfig } from '../config/app.config.js';
import { createApp } from './app.factory.js';
import { createAdminModule } from './admin/admin.module.js';

async function main(): Promise<void> {
  let cfg;
  try {
    cfg = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const app = await createApp(cfg, { admin: createAdminModule });
  await app.listen(cfg.PORT);
  process.stdout.write(
    `${JSON.stringify({ level: 'log', msg: `partner center listening on http://localhost:${cfg.PORT} (admin panel /admin, API docs /api/docs, db ${cfg.DB_TYPE}${cfg.TEST_HOOKS ? ', TEST_HOOKS on' : ''})` })}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(
    `failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
