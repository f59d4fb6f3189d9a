export * from './money.js';
export * from './money-column.js';
