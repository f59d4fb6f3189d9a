/**
 * Structured logs: one JSON object per line with level, time, context, message and the request id of the
 * request being served (AsyncLocalStorage). `LOG_LEVEL` = silent | error | warn | log | debug.
 */
import type { LoggerService } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';

export const requestStore = new AsyncLocalStorage<{ requestId: string }>();

const LEVELS = ['silent', 'error', 'warn', 'log', 'debug', 'verbose'] as const;
type Level = (typeof LEVELS)[number];

export class JsonLogger implements LoggerService {
  private readonly threshold: number;

  constructor(level: string = process.env.LOG_LEVEL ?? 'log') {
    const idx = LEVELS.indexOf(level as Level);
    this.threshold = idx < 0 ? 3 : idx;
  }

  private write(level: Exclude<Level, 'silent'>, message: unknown, context?: unknown): void {
    if (LEVELS.indexOf(level) > this.threshold) return;
    const line = {
      level,
      time: new Date(Date.now()).toISOString(), // log timestamps are wall time, not the business clock
      context: typeof context === 'string' ? context : undefined,
      request_id: requestStore.getStore()?.requestId,
      msg: typeof message === 'string' ? message : JSON.stringify(message),
    };
    (level === 'error' ? process.stderr : process.stdout).write(`${JSON.stringify(line)}\n`);
  }

  log(message: unknown, context?: unknown): void {
    this.write('log', message, context);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest[rest.length - 1]);
  }
  warn(message: unknown, context?: unknown): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: unknown): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: unknown): void {
    this.write('verbose', message, context);
  }
}
