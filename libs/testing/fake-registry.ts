/**
 * In-process fakes of external systems register here so the test hook `PUT /api/v1/admin/test/fakes/{port}`
 * can configure them by name (api.md API-037). Port names are matched loosely: `CompanyRegistryPort`,
 * `company-registry` and `company_registry` name the same fake.
 */
import { Injectable } from '@nestjs/common';

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

  resetAll(): void {
    for (const f of this.list()) f.reset();
  }
}
