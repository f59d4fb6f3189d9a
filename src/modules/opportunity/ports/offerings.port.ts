/**
 * The offerings an opportunity may reference (opportunity.md "Offering", OPP-016, OPP-060): build.md's
 * `Offering` view through `BASELINE_FACTS.jointOfferings()`. Until the build module has offerings of its own
 * for a test account, the in-process overlay (`PUT /api/v1/admin/test/fakes/pce-offerings` with
 * `{ "partner_account_id": "…", "offerings": [{ "offering_id": "o-1", "offering_type": "partner_led_baseline",
 * "joint_operation_listed": false, "counts_for_pce_assessment": false }] }`) answers for that account —
 * the same pattern as certification's membership overlay.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { ConfigurableFake } from '../../../../libs/testing/index.js';
import { BASELINE_FACTS, type BaselineFacts } from '../../build/index.js';
import type { OfferingFacts } from '../domain/po-rules.js';

const TYPES = ['huawei_led_baseline', 'partner_led_baseline', 'marketplace_product'] as const;

@Injectable()
export class OfferingDirectory implements ConfigurableFake {
  readonly portName = 'PceOfferings';
  private readonly overlay = new Map<string, OfferingFacts[]>();

  constructor(@Inject(BASELINE_FACTS) private readonly baseline: BaselineFacts) {}

  async offeringsOf(partnerAccountId: string): Promise<OfferingFacts[]> {
    const o = this.overlay.get(partnerAccountId);
    if (o) return o;
    const list = await this.baseline.jointOfferings(partnerAccountId);
    return list
      .filter((x) => x.partnerAccountId === partnerAccountId)
      .map((x) => ({
        offeringId: x.offeringId,
        offeringType: x.offeringType,
        jointOperationListed: x.jointOperationListed,
        countsForPceAssessment: x.countsForPceAssessment,
      }));
  }

  configure(body: Record<string, unknown>): void {
    const id = body.partner_account_id;
    if (typeof id !== 'string' || !id) throw new RangeError('partner_account_id is required');
    if (!Array.isArray(body.offerings)) throw new RangeError('offerings must be a list');
    this.overlay.set(
      id,
      (body.offerings as Array<Record<string, unknown>>).map((o) => {
        if (typeof o.offering_id !== 'string' || !o.offering_id)
          throw new RangeError('offering_id is required');
        const type = o.offering_type ?? 'partner_led_baseline';
        if (!TYPES.includes(type as (typeof TYPES)[number]))
          throw new RangeError(`bad offering_type ${String(type)}`);
        return {
          offeringId: o.offering_id,
          offeringType: type as OfferingFacts['offeringType'],
          jointOperationListed: o.joint_operation_listed === true,
          countsForPceAssessment: o.counts_for_pce_assessment === true,
        };
      }),
    );
  }

  reset(): void {
    this.overlay.clear();
  }

  describe(): Record<string, unknown> {
    return { accounts: this.overlay.size };
  }
}
