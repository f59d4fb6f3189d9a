export * from './job-run.entity.js';
export * from './exclusive-runner.js';
