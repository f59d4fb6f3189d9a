/**
 * In-process domain events, published after the transaction that produced them has committed
 * (TransactionRunner drains the context's queue). Cross-module reactions subscribe here instead of reaching
 * into another module's repositories.
 */
import { Injectable, Logger } from '@nestjs/common';

export interface DomainEvent<P = Record<string, unknown>> {
  /** `<module>.<entity>.<what>`, e.g. `info.onboarding.approved` */
  name: string;
  payload: P;
  occurredAt: Date;
  requestId?: string;
}

export type EventHandler = (event: DomainEvent) => Promise<void> | void;

@Injectable()
export class DomainEventBus {
  private readonly logger = new Logger('DomainEventBus');
  private readonly handlers = new Map<string, EventHandler[]>();

  on(name: string, handler: EventHandler): void {
    const list = this.handlers.get(name) ?? [];
    list.push(handler);
    this.handlers.set(name, list);
  }

  /** Runs every handler; a failing handler is logged and does not stop the others (the change is committed). */
  async publish(event: DomainEvent): Promise<void> {
    for (const h of [...(this.handlers.get(event.name) ?? []), ...(this.handlers.get('*') ?? [])]) {
      try {
        await h(event);
      } catch (err) {
        this.logger.error(`handler for ${event.name} failed: ${(err as Error).stack ?? String(err)}`);
      }
    }
  }
}
