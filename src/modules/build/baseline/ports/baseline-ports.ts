/**
 * External systems of baseline solutions and ecosystem programs (build.md "External systems"), each an
 * interface + token with an in-process adapter that is also the test fake (registered in the FakeRegistry):
 *
 * - `MarketplaceProductPort` — the cloud marketplace (云商店) owns `MarketplaceProduct`; nothing here stores it.
 *   `PUT /api/v1/admin/test/fakes/marketplace-product` with
 *   `{ "products": [{ "id", "partner_account_id", "listing_status", "selection_decision_passed_on",
 *   "counts_for_pce_assessment" }] }` upserts products (`{ "remove": ["id"] }` deletes).
 * - `OfficialSitePort` — publishing on the official website: `https://example.test/solutions/{id}` (BUILD-028);
 *   `{ "base_url": "…" }` changes the prefix.
 * - `CsbiPort` — solution ID registry lookup: accepts codes matching `^[A-Z0-9-]{4,40}$` (BUILD-024);
 *   `{ "unknown_codes": ["…"] }` makes codes unknown.
 */
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { isValidDate } from '../../../../../libs/calendar/index.js';
import { type ConfigurableFake, FakeRegistry } from '../../../../../libs/testing/index.js';

export interface MarketplaceProduct {
  id: string;
  partnerAccountId: string;
  /** `listing_application_submitted` | `joint_operation_listed` (联营上架) | other */
  listingStatus: string;
  /** 选品决策 passed (FAQ 4.3.5); null otherwise */
  selectionDecisionPassedOn: string | null;
  /** reviewer flag on joint-operation products (opportunity.md OPP-016; decision) */
  countsForPceAssessment: boolean;
}

export interface MarketplaceProductPort {
  get(productId: string): Promise<MarketplaceProduct | null>;
  getListingStatus(productId: string): Promise<string | null>;
  listByPartner(partnerAccountId: string): Promise<MarketplaceProduct[]>;
}
export const MARKETPLACE_PRODUCT_PORT = Symbol('MARKETPLACE_PRODUCT_PORT');

export interface OfficialSitePort {
  publishSolution(baselineId: string): Promise<string>;
}
export const OFFICIAL_SITE_PORT = Symbol('OFFICIAL_SITE_PORT');

export interface CsbiPort {
  lookup(solutionCode: string): Promise<boolean>;
}
export const CSBI_PORT = Symbol('CSBI_PORT');

function str(v: unknown, what: string): string {
  if (typeof v !== 'string' || !v.trim()) throw new TypeError(`${what} must be a non-empty string`);
  return v.trim();
}

@Injectable()
export class InProcessMarketplace implements MarketplaceProductPort, ConfigurableFake, OnModuleInit {
  readonly portName = 'MarketplaceProductPort';
  private readonly products = new Map<string, MarketplaceProduct>();

  constructor(private readonly fakes: FakeRegistry) {}

  onModuleInit(): void {
    this.fakes.register(this, 'marketplace', 'marketplace-product', 'marketplace-products');
  }

  async get(productId: string): Promise<MarketplaceProduct | null> {
    const p = this.products.get(productId);
    return p ? { ...p } : null;
  }

  async getListingStatus(productId: string): Promise<string | null> {
    return this.products.get(productId)?.listingStatus ?? null;
  }

  async listByPartner(partnerAccountId: string): Promise<MarketplaceProduct[]> {
    return [...this.products.values()]
      .filter((p) => p.partnerAccountId === partnerAccountId)
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((p) => ({ ...p }));
  }

  configure(body: Record<string, unknown>): void {
    const list: unknown = body.products ?? [];
    if (!Array.isArray(list)) throw new TypeError('products must be an array');
    const parsed = list.map((raw: unknown) => {
      if (!raw || typeof raw !== 'object') throw new TypeError('each product must be an object');
      const r = raw as Record<string, unknown>;
      const passed = r.selection_decision_passed_on ?? null;
      if (passed !== null && (typeof passed !== 'string' || !isValidDate(passed))) {
        throw new TypeError('selection_decision_passed_on must be YYYY-MM-DD or null');
      }
      return {
        id: str(r.id, 'id'),
        partnerAccountId: str(r.partner_account_id, 'partner_account_id'),
        listingStatus: str(r.listing_status, 'listing_status'),
        selectionDecisionPassedOn: passed as string | null,
        countsForPceAssessment: r.counts_for_pce_assessment === true,
      } satisfies MarketplaceProduct;
    });
    const remove: unknown = body.remove ?? [];
    if (!Array.isArray(remove)) throw new TypeError('remove must be an array of ids');
    for (const p of parsed) this.products.set(p.id, p);
    for (const id of remove) this.products.delete(String(id));
  }

  reset(): void {
    this.products.clear();
  }

  describe(): Record<string, unknown> {
    return {
      products: [...this.products.values()].map((p) => ({
        id: p.id,
        partner_account_id: p.partnerAccountId,
        listing_status: p.listingStatus,
        selection_decision_passed_on: p.selectionDecisionPassedOn,
        counts_for_pce_assessment: p.countsForPceAssessment,
      })),
    };
  }
}

const DEFAULT_SITE = 'https://example.test/solutions/';

@Injectable()
export class InProcessOfficialSite implements OfficialSitePort, ConfigurableFake, OnModuleInit {
  readonly portName = 'OfficialSitePort';
  private baseUrl = DEFAULT_SITE;

  constructor(private readonly fakes: FakeRegistry) {}

  onModuleInit(): void {
    this.fakes.register(this, 'official-site');
  }

  async publishSolution(baselineId: string): Promise<string> {
    return `${this.baseUrl}${baselineId}`;
  }

  configure(body: Record<string, unknown>): void {
    if (body.base_url !== undefined) this.baseUrl = str(body.base_url, 'base_url');
  }

  reset(): void {
    this.baseUrl = DEFAULT_SITE;
  }

  describe(): Record<string, unknown> {
    return { base_url: this.baseUrl };
  }
}

const CSBI_CODE = /^[A-Z0-9-]{4,40}$/;

@Injectable()
export class InProcessCsbi implements CsbiPort, ConfigurableFake, OnModuleInit {
  readonly portName = 'CsbiPort';
  private readonly unknown = new Set<string>();

  constructor(private readonly fakes: FakeRegistry) {}

  onModuleInit(): void {
    this.fakes.register(this, 'csbi');
  }

  async lookup(solutionCode: string): Promise<boolean> {
    return CSBI_CODE.test(solutionCode) && !this.unknown.has(solutionCode);
  }

  configure(body: Record<string, unknown>): void {
    const codes: unknown = body.unknown_codes ?? [];
    if (!Array.isArray(codes)) throw new TypeError('unknown_codes must be an array');
    this.unknown.clear();
    for (const c of codes) this.unknown.add(String(c));
  }

  reset(): void {
    this.unknown.clear();
  }

  describe(): Record<string, unknown> {
    return { unknown_codes: [...this.unknown] };
  }
}
