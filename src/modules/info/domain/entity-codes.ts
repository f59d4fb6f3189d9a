/**
 * Company identity codes (FAQ 3.1; info.md INFO-001…INFO-003). Pure functions: the onboarding service and
 * later the business-info verification use them.
 */
import { InfoErrors } from '../info.errors.js';

export const USCC_RE = /^[0-9A-Z]{18}$/;
export const ORG_CODE_RE = /^[0-9A-Z]{9}$/;
export const TAX_CODE_RE = /^([0-9A-Z]{15}|[0-9A-Z]{18})$/;

export interface EntityCodesInput {
  uscc?: string | null;
  org_code?: string | null;
  tax_code?: string | null;
}

export interface EntityCodes {
  uscc: string | null;
  orgCode: string | null;
  taxCode: string;
}

const blank = (v: string | null | undefined): boolean => v === undefined || v === null || v === '';

/**
 * INFO-002: exactly one of USCC / org code; INFO-001: the USCC is 18 chars of [0-9A-Z] after upper-casing
 * (no other normalisation); INFO-003: tax code 15 or 18 chars, defaulting to the USCC, required with an org
 * code. Org code and tax code are upper-cased as well (decision: the same leniency as the USCC).
 */
export function validateEntityCodes(input: EntityCodesInput): EntityCodes {
  const hasUscc = !blank(input.uscc);
  const hasOrg = !blank(input.org_code);
  if (hasUscc === hasOrg) throw InfoErrors.fail('INFO_ENTITY_CODE_REQUIRED');
  if (hasUscc) {
    const uscc = String(input.uscc).toUpperCase();
    if (!USCC_RE.test(uscc)) throw InfoErrors.fail('INFO_USCC_INVALID', undefined, { field: 'uscc' });
    const taxCode = blank(input.tax_code) ? uscc : String(input.tax_code).toUpperCase();
    if (!TAX_CODE_RE.test(taxCode))
      throw InfoErrors.fail('INFO_TAX_CODE_INVALID', undefined, { field: 'tax_code' });
    return { uscc, orgCode: null, taxCode };
  }
  const orgCode = String(input.org_code).toUpperCase();
  if (!ORG_CODE_RE.test(orgCode))
    throw InfoErrors.fail('INFO_ORG_CODE_INVALID', undefined, { field: 'org_code' });
  if (blank(input.tax_code)) throw InfoErrors.fail('INFO_TAX_CODE_INVALID', undefined, { field: 'tax_code' });
  const taxCode = String(input.tax_code).toUpperCase();
  if (!TAX_CODE_RE.test(taxCode))
    throw InfoErrors.fail('INFO_TAX_CODE_INVALID', undefined, { field: 'tax_code' });
  return { uscc: null, orgCode, taxCode };
}

/** Company names compare after trimming and unifying full-/half-width brackets (info.md INFO-024 decision). */
export function sameCompanyName(a: string | null | undefined, b: string | null | undefined): boolean {
  const norm = (s: string): string => s.trim().replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, ' ');
  return !!a && !!b && norm(a) === norm(b);
}
