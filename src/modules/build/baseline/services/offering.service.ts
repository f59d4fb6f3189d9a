/**
 * `BASELINE_FACTS` (build.contracts.ts): baseline summaries for the solutions part (BUILD-006 scenario 2) and the
 * build.md `Offering` view (BUILD-030) read by certification-paths.md (SI path criteria) and opportunity.md
 * (OPP-016). Derived, not stored: every baseline solution of the account except terminated ones (decision: an
 * abandoned project is no jointly built offering) plus the account's marketplace products from the marketplace.
 */
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, Not } from 'typeorm';
import type { JointOfferingView } from '../../../certification/index.js';
import type { BaselineFacts, BaselineSummary } from '../../build.contracts.js';
import { isInitiatedOrLater } from '../domain/baseline-rules.js';
import { BaselineSolution } from '../entities/baseline.entities.js';
import { MARKETPLACE_PRODUCT_PORT, type MarketplaceProductPort } from '../ports/baseline-ports.js';

/** JSON shape of one offering (field names of build.md / opportunity.md). */
export interface OfferingView {
  offering_id: string;
  partner_account_id: string;
  offering_type: JointOfferingView['offeringType'];
  joint_operation_listed: boolean;
  counts_for_pce_assessment: boolean;
  joint_offering_since: string | null;
}

@Injectable()
export class OfferingService implements BaselineFacts {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(MARKETPLACE_PRODUCT_PORT) private readonly marketplace: MarketplaceProductPort,
  ) {}

  async get(baselineId: string): Promise<BaselineSummary | null> {
    const b = await this.dataSource.getRepository(BaselineSolution).findOne({ where: { id: baselineId } });
    return b
      ? {
          id: b.id,
          partnerAccountId: b.partnerAccountId,
          leadType: b.leadType,
          stage: b.status,
          solutionId: b.solutionId,
        }
      : null;
  }

  /**
   * BUILD-030: a baseline counts for the SI path from the date it passed OBP initiation (`initiated` or later,
   * both lead types); a marketplace product from its selection decision (选品决策). Baselines always count for
   * the PCE assessment; joint-operation products only when a reviewer flagged them (decision).
   */
  async jointOfferings(partnerAccountId: string): Promise<JointOfferingView[]> {
    const baselines = await this.dataSource.getRepository(BaselineSolution).find({
      where: { partnerAccountId, status: Not('terminated') },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const products = await this.marketplace.listByPartner(partnerAccountId);
    return [
      ...baselines.map((b): JointOfferingView => ({
        offeringId: b.id,
        partnerAccountId: b.partnerAccountId,
        offeringType: b.leadType === 'huawei_led' ? 'huawei_led_baseline' : 'partner_led_baseline',
        jointOfferingSince: isInitiatedOrLater(b.status) ? b.initiatedOn : null,
        jointOperationListed: false,
        countsForPceAssessment: true,
      })),
      ...products.map((p): JointOfferingView => ({
        offeringId: p.id,
        partnerAccountId: p.partnerAccountId,
        offeringType: 'marketplace_product',
        jointOfferingSince: p.selectionDecisionPassedOn,
        jointOperationListed: p.listingStatus === 'joint_operation_listed',
        countsForPceAssessment: p.listingStatus === 'joint_operation_listed' && p.countsForPceAssessment,
      })),
    ];
  }

  /** `GET /offerings`: the account's offerings as JSON. */
  async listForPartner(partnerAccountId: string): Promise<{ total_count: number; items: OfferingView[] }> {
    const items = (await this.jointOfferings(partnerAccountId)).map(offeringView);
    return { total_count: items.length, items };
  }
}

export function offeringView(o: JointOfferingView): OfferingView {
  return {
    offering_id: o.offeringId,
    partner_account_id: o.partnerAccountId,
    offering_type: o.offeringType,
    joint_operation_listed: o.jointOperationListed,
    counts_for_pce_assessment: o.countsForPceAssessment,
    joint_offering_since: o.jointOfferingSince,
  };
}
