/**
 * Runs before the test framework, so before `adminjs` is loaded (it reads ADMIN_JS_TMP_DIR once, at load):
 * each test file bundles the panel's components into a fresh temporary directory. With the rollup watcher
 * stubbed (jest.setup.ts), AdminJS would otherwise serve whatever bundle an earlier run left on disk.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.ADMIN_JS_TMP_DIR = mkdtempSync(join(tmpdir(), 'opc-adminjs-'));
