/**
 * In-process fakes of external systems register here so the test hook `PUT /api/v1/admin/test/fakes/{port}`
 * can configure them by name (api.md API-037). Port names are matched loosely: `CompanyRegistryPort`,
 * `company-registry` and `company_registry` name the same fake.
 */
import { Injectable } from '@nestjs/common';
import { DomainError } from '../errors/index.js';

export interface ConfigurableFake {
  /** canonical port name, e.g. `CompanyRegistryPort` */
  readonly portName: string;
  configure(body: Record<string, unknown>): void;
  reset(): void;
  describe(): Record<string, unknown>;
}

export function normalisePortName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/port$/, '');
}

@Injectable()
export class FakeRegistry {
  private readonly fakes = new Map<string, ConfigurableFake>();

  register(fake: ConfigurableFake, ...aliases: string[]): void {
    for (const name of [fake.portName, ...aliases]) this.fakes.set(normalisePortName(name), fake);
  }

  find(name: string): ConfigurableFake | undefined {
    return this.fakes.get(normalisePortName(name));
  }

  list(): ConfigurableFake[] {
    return [...new Set(this.fakes.values())];
  }

  /**
   * Configures a fake by port name (the `PUT /api/v1/admin/test/fakes/{port}` hook): 404 TEST_FAKE_NOT_FOUND
   * for an unknown port; a body the fake cannot apply answers 400 TEST_FAKE_CONFIG_INVALID, never a 500.
   */
  configure(port: string, body: Record<string, unknown>): { port: string; state: Record<string, unknown> } {
    const fake = this.find(port);
    if (!fake) {
      throw new DomainError('TEST_FAKE_NOT_FOUND', `No fake named ${port}.`, {
        ports: this.list().map((f) => f.portName),
      });
    }
    try {
      fake.configure(body);
    } catch (err) {
      if (err instanceof DomainError) throw err;
      throw new DomainError('TEST_FAKE_CONFIG_INVALID', `Cannot configure ${fake.portName}: ${String(err)}`);
    }
    return { port: fake.portName, state: fake.describe() };
  }

  resetAll(): void {
    for (const f of this.list()) f.reset();
  }
}
