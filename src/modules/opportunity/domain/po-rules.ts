/**
 * Submit-time checks of a PO and the assessment flag as pure functions (opportunity.md OPP-013, OPP-014,
 * OPP-016, "Formulas": assessment flag, OPP-005 priority support).
 */
import { addMonths } from '../../../../libs/calendar/index.js';
import { Decimal } from '../../../../libs/money/index.js';

export interface PoDraftFields {
  customerName: string | null;
  customerContactName: string | null;
  customerContactPhone: string | null;
  budgetAmount: Decimal | null;
  expectedPurchaseDate: string | null;
  incrementalRevenue: Decimal | null;
  description: string | null;
}

/** Open point 8: descriptions shorter than this (after trimming) are vague leads. */
export const MIN_DESCRIPTION_LENGTH = 20;

/** OPP-013: every failing field in a stable order (the order of the spec's list). */
export function missingSubmitFields(f: PoDraftFields): string[] {
  const out: string[] = [];
  const blank = (s: string | null) => !s || !s.trim();
  if (blank(f.customerName)) out.push('customer_name');
  if (blank(f.customerContactName)) out.push('customer_contact_name');
  if (blank(f.customerContactPhone)) out.push('customer_contact_phone');
  if (!f.budgetAmount || !f.budgetAmount.gt(0)) out.push('budget_amount');
  if (!f.expectedPurchaseDate) out.push('expected_purchase_date');
  if (!f.incrementalRevenue || !f.incrementalRevenue.gt(0)) out.push('incremental_revenue');
  if (!f.description || f.description.trim().length < MIN_DESCRIPTION_LENGTH) out.push('description');
  return out;
}

/**
 * OPP-014: the last allowed purchase date is the submit date + `months` (same day-of-month, clamped to the
 * month's last day: 2024-02-29 + 12 months → 2025-02-28). Dates are `YYYY-MM-DD` in Asia/Shanghai.
 */
export function purchaseWindowEnd(today: string, months = 12): string {
  return addMonths(today, months);
}

export function withinPurchaseWindow(date: string, today: string, months = 12): boolean {
  return date >= today && date <= purchaseWindowEnd(today, months);
}

export interface OfferingFacts {
  offeringId: string;
  offeringType: 'huawei_led_baseline' | 'partner_led_baseline' | 'marketplace_product';
  jointOperationListed: boolean;
  countsForPceAssessment: boolean;
}

/** "Formulas": counts_for_assessment. */
export function countsForAssessment(offerings: readonly OfferingFacts[]): boolean {
  return offerings.some(
    (o) =>
      o.offeringType === 'huawei_led_baseline' ||
      o.offeringType === 'partner_led_baseline' ||
      (o.jointOperationListed && o.countsForPceAssessment),
  );
}
