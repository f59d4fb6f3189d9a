/**
 * The admin panel's browser tests (test/admin): the real app with the AdminJS module on a random port, driven
 * by headless Chromium (playwright-core, /usr/bin/chromium). Run with `npm run test:admin`; the main jest
 * config ignores test/admin. One worker: a browser per file is heavy on 2 cores.
 */
import base from './jest.config.js';

export default {
  ...base,
  testMatch: ['<rootDir>/test/admin/**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  // before adminjs loads: a fresh directory for its component bundle (never a stale one from an earlier run)
  setupFiles: ['<rootDir>/test/admin/admin-bundle-dir.setup.ts'],
  testTimeout: 120000,
  maxWorkers: 1,
};
