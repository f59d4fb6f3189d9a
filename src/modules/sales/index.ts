// Public surface of the sales module: other modules import only from here.
export * from './sales.module.js';
export * from './sales.permissions.js';
export * from './sales.errors.js';
