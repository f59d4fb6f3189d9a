// Public surface of the support module: other modules import only from here.
export * from './support.module.js';
export * from './support.permissions.js';
export * from './support.errors.js';
