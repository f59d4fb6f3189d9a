export * from './domain-error.js';
export * from './common.errors.js';
