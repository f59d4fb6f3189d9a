/**
 * AdminJS reads `ADMIN_JS_TMP_DIR` once, when the `adminjs` package loads, so this module must be imported
 * before anything that loads it (admin.module.ts imports it first; ESM evaluates imports in order).
 *
 * - The bundle of our React components goes to `var/adminjs/<mode>/` under the project root — never AdminJS's
 *   default `.adminjs`, which express 5 refuses to serve (dotfile) when the bundle is a static asset in production.
 * - Development (`npm start`): AdminJS bundles the components with rollup at start and on demand (offline:
 *   everything it needs is in node_modules).
 * - Production (`NODE_ENV=production`): `npm run build` pre-bundles them (scripts/admin-bundle.ts); when that
 *   bundle exists the server starts with `ADMIN_JS_SKIP_BUNDLE=true`, otherwise AdminJS bundles at start.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the first ancestor of this file holding package.json (works from src/ and dist/src/). */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above src/admin');
    dir = parent;
  }
  return dir;
}

export type AdminBundleMode = 'production' | 'development';

export function adminBundleMode(): AdminBundleMode {
  return process.env.NODE_ENV === 'production' ? 'production' : 'development';
}

export function defaultAdminTmpDir(mode: AdminBundleMode = adminBundleMode()): string {
  return join(projectRoot(), 'var', 'adminjs', mode);
}

process.env.ADMIN_JS_TMP_DIR ??= defaultAdminTmpDir();
if (
  adminBundleMode() === 'production' &&
  process.env.ADMIN_JS_SKIP_BUNDLE === undefined &&
  existsSync(join(process.env.ADMIN_JS_TMP_DIR, 'bundle.js'))
) {
  process.env.ADMIN_JS_SKIP_BUNDLE = 'true';
}

/** Where the component bundle of this process lives. */
export const ADMIN_TMP_DIR: string = process.env.ADMIN_JS_TMP_DIR;
