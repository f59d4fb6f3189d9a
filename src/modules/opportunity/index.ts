// Public surface of the opportunity module: other modules import only from here.
export * from './opportunity.module.js';
export * from './opportunity.permissions.js';
export * from './opportunity.errors.js';
