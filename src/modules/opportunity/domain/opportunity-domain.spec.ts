/** Pure rules of opportunity.md: OPP-030/OPP-031 (duplicate key, winner), OPP-013/OPP-014/OPP-016 (submit checks). */
import { describe, expect, it } from '@jest/globals';
import { Decimal } from '../../../../libs/money/index.js';
import { anchoredEarlier, normalizeCustomerName, scopesOverlap } from './duplicate-key.js';
import {
  countsForAssessment,
  missingSubmitFields,
  purchaseWindowEnd,
  withinPurchaseWindow,
} from './po-rules.js';

describe('opportunity domain rules', () => {
  it('OPP-030 normalises full-width, brackets, whitespace and case', () => {
    expect(normalizeCustomerName('华为云计算（贵州）有限公司')).toBe(
      normalizeCustomerName('华为云计算(贵州)有限公司'),
    );
    expect(normalizeCustomerName(' ACME  LTD ')).toBe(normalizeCustomerName('Acme Ltd'));
    expect(normalizeCustomerName('Ａｃｍｅ　Ltd')).toBe('acmeltd');
    expect(normalizeCustomerName('Acme Limited')).not.toBe(normalizeCustomerName('Acme Ltd'));
  });

  it('OPP-030 scopes overlap when one is empty or they share an offering', () => {
    expect(scopesOverlap([], ['a'])).toBe(true);
    expect(scopesOverlap(['a', 'b'], ['b'])).toBe(true);
    expect(scopesOverlap(['a'], ['b'])).toBe(false);
  });

  it('OPP-031 the earlier anchor wins; equal anchors → the lower id', () => {
    const t0 = new Date('2025-04-01T01:00:00Z');
    const t1 = new Date('2025-04-02T02:00:00Z');
    expect(anchoredEarlier({ id: 'z', anchor: t0 }, { id: 'a', anchor: t1 })).toBe(true);
    expect(anchoredEarlier({ id: 'a', anchor: t1 }, { id: 'z', anchor: t0 })).toBe(false);
    expect(anchoredEarlier({ id: 'a', anchor: t0 }, { id: 'b', anchor: t0 })).toBe(true);
    expect(anchoredEarlier({ id: 'b', anchor: t0 }, { id: 'a', anchor: t0 })).toBe(false);
  });

  it('OPP-013 lists every failing field; OPP-014 window clamps to the month end', () => {
    expect(
      missingSubmitFields({
        customerName: 'A',
        customerContactName: 'B',
        customerContactPhone: '1',
        budgetAmount: null,
        expectedPurchaseDate: '2025-05-01',
        incrementalRevenue: new Decimal('0'),
        description: 'cloud',
      }),
    ).toEqual(['budget_amount', 'incremental_revenue', 'description']);
    expect(purchaseWindowEnd('2024-02-29')).toBe('2025-02-28');
    expect(purchaseWindowEnd('2025-03-03')).toBe('2026-03-03');
    expect(withinPurchaseWindow('2026-03-03', '2025-03-03')).toBe(true);
    expect(withinPurchaseWindow('2026-03-04', '2025-03-03')).toBe(false);
    expect(withinPurchaseWindow('2025-03-02', '2025-03-03')).toBe(false);
  });

  it('OPP-016 counts_for_assessment: baselines and flagged joint-operation products only', () => {
    const jo = {
      offeringId: 'j',
      offeringType: 'marketplace_product' as const,
      jointOperationListed: true,
      countsForPceAssessment: false,
    };
    expect(countsForAssessment([])).toBe(false);
    expect(countsForAssessment([jo])).toBe(false);
    expect(countsForAssessment([{ ...jo, countsForPceAssessment: true }])).toBe(true);
    expect(
      countsForAssessment([{ ...jo, offeringType: 'partner_led_baseline', jointOperationListed: false }]),
    ).toBe(true);
  });
});
