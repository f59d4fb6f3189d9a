export * from './error.filter.js';
export * from './request-context.middleware.js';
export * from './validation.js';
export * from './pagination.js';
export * from './route-catalog.js';
export * from './download.js';
