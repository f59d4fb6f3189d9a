export * from './tenancy.js';
