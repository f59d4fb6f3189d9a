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

  /**
   * Accepted shapes: `{ "results": { "<code>": "pass" } }`, the map itself `{ "<code>": "mismatch" }`,
   * a list `{ "results": [{ "uscc" | "org_code" | "code": "…", "result": "…" }] }`, a single
   * `{ "uscc" | "org_code" | "code": "…", "result": "…" }`, and `{ "default": "…" }`. Unknown values are refused.
   */
  configure(body: Record<string, unknown>): void {
    const entries: Array<[string, unknown]> = [];
    const single = (r: Record<string, unknown>) => {
      const code = r.uscc ?? r.org_code ?? r.code;
      if (typeof code !== 'string' || !code) throw new RangeError('each result needs uscc, org_code or code');
      entries.push([code, r.result]);
    };
    if (Array.isArray(body.results))
      for (const r of body.results as Array<Record<string, unknown>>) single(r ?? {});
    else if (body.results && typeof body.results === 'object') entries.push(...Object.entries(body.results));
    else if (body.result !== undefined) single(body);
    else {
      for (const [k, v] of Object.entries(body)) if (k !== 'default') entries.push([k, v]);
    }
    for (const [, result] of entries) {
      if (!RESULTS.includes(result as RegistryResult))
        throw new RangeError(`unknown registry result ${String(result)}`);
    }
    if (body.default !== undefined && !RESULTS.includes(body.default as RegistryResult)) {
      throw new RangeError(`unknown registry result ${String(body.default)}`);
    }
    for (const [code, result] of entries) this.results.set(code.toUpperCase(), result as RegistryResult);
    if (body.default !== undefined) this.fallback = body.default as RegistryResult;
  }

  reset(): void {
    this.results.clear();
    this.fallback = 'pass';
  }

  describe(): Record<string, unknown> {
    return { default: this.fallback, results: Object.fromEntries(this.results) };
  }
}
