/**
 * Runs before every test file. AdminJS starts a rollup watcher outside production, which breaks jest's
 * teardown (TECH-NOTES): stub it. Tests never run cron on their own: jobs are called directly.
 */
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import AdminJS from 'adminjs';
import { JsonLogger } from '../../libs/logging/index.js';

(AdminJS.prototype as unknown as { watch: () => Promise<void> }).watch = async () => undefined;
process.env.CRON_ENABLED = 'false';
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';

// Lib specs log through Nest's static Logger without an application: same JSON logger and level as the app.
Logger.overrideLogger(new JsonLogger(process.env.LOG_LEVEL));
