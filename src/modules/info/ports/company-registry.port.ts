/**
 * The company registry used for onboarding auto-verification (FAQ 3.4; info.md CompanyRegistryPort).
 * In-process fake: a table USCC/org code → result with a default. `PUT /api/v1/admin/test/fakes/company-registry`
 * accepts `{ "results": { "<code>": "pass" | "mismatch" | "unavailable" }, "default": "…" }`, or the map itself.
 * The default is `pass` on the demo (so a new company onboards at once) and can be set to anything.
 */
import { Injectable } from '@nestjs/common';
import type { ConfigurableFake } from '../../../../libs/testing/index.js';
import type { RegistryResult } from '../entities/onboarding-application.entity.js';

export interface CompanyRegistryPort {
  verify(input: {
    companyName: string;
    uscc: string | null;
    orgCode: string | null;
    legalRepresentative: string | null;
  }): Promise<RegistryResult>;
}

export const COMPANY_REGISTRY_PORT = Symbol('COMPANY_REGISTRY_PORT');

const RESULTS: readonly RegistryResult[] = ['pass', 'mismatch', 'unavailable'];

@Injectable()
export class FakeCompanyRegistry implements CompanyRegistryPort, ConfigurableFake {
  readonly portName = 'CompanyRegistryPort';
  private readonly results = new Map<string, RegistryResult>();
  private fallback: RegistryResult = 'pass';

  async verify(input: { uscc: string | null; orgCode: string | null }): Promise<RegistryResult> {
    const code = input.uscc ?? input.orgCode ?? '';
    return this.results.get(code) ?? this.fallback;
  }

  configure(body: Record<string, unknown>): void {
    const map = (typeof body.results === 'object' && body.results ? body.results : body) as Record<
      string,
      unknown
    >;
    for (const [code, result] of Object.entries(map)) {
      if (code === 'default' || code === 'results') continue;
      if (RESULTS.includes(result as RegistryResult))
        this.results.set(code.toUpperCase(), result as RegistryResult);
    }
    if (typeof body.uscc === 'string' && RESULTS.includes(body.result as RegistryResult)) {
      this.results.set(body.uscc.toUpperCase(), body.result as RegistryResult);
    }
    if (RESULTS.includes(body.default as RegistryResult)) this.fallback = body.default as RegistryResult;
  }

  reset(): void {
    this.results.clear();
    this.fallback = 'pass';
  }

  describe(): Record<string, unknown> {
    return { default: this.fallback, results: Object.fromEntries(this.results) };
  }
}
