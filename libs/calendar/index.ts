export * from './zoned.js';
export * from './working-day-calendar.js';
