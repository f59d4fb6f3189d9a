/**
 * Pre-bundles the admin panel's React components for production (`npm run build` runs it): writes
 * var/adminjs/production/bundle.js, which `NODE_ENV=production` servers then serve as a static asset with
 * ADMIN_JS_SKIP_BUNDLE=true (src/admin/admin-env.ts) instead of running rollup at every start.
 * Needs no database and no network. `ADMIN_JS_TMP_DIR` overrides the output directory.
 */
process.env.NODE_ENV = 'production';
// admin-env picks the output directory (before adminjs loads) and, for servers, ADMIN_JS_SKIP_BUNDLE when a
// bundle exists; this script always bundles
await import('../src/admin/admin-env.js');
delete process.env.ADMIN_JS_SKIP_BUNDLE;

const started = Date.now();
const { default: AdminJS } = await import('adminjs');
const { createAdminComponents } = await import('../src/admin/admin-components.js');
const components = createAdminComponents();
const admin = new AdminJS({ componentLoader: components.loader });
await admin.initialize();
process.stdout.write(
  `admin panel components bundled into ${process.env.ADMIN_JS_TMP_DIR} in ${Date.now() - started} ms\n`,
);
