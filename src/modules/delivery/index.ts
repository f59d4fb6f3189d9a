// Public surface of the delivery module: other modules import only from here.
export * from './delivery.module.js';
export * from './delivery.permissions.js';
export * from './delivery.errors.js';
