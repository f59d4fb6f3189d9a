export * from './notification.entity.js';
export * from './notification.service.js';
export * from './transports.js';
