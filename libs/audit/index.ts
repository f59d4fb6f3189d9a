export * from './audit-log.entity.js';
export * from './audit.service.js';
