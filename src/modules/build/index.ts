// Public surface of the build module: other modules import only from here.
export * from './build.module.js';
export * from './build.permissions.js';
export * from './build.errors.js';
