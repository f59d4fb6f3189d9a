export * from './db-kind.js';
export * from './columns.js';
export * from './transaction-runner.js';
export * from './uuid-entity.js';
export * from './number-sequence.js';
