// Public surface of the benefits module: other modules import only from here.
export * from './benefits.module.js';
export * from './benefits.permissions.js';
export * from './benefits.errors.js';
