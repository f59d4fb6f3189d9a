/**
 * The Huawei sales CRM (opportunity.md "External systems"): outbound `createOpportunity` when a PO is verified
 * (OPP-042). Inbound events arrive at `POST /api/v1/admin/integrations/crm/events` (CrmEventService). The
 * in-process adapter is also the test fake (`PUT /api/v1/admin/test/fakes/crm` with
 * `{ "next_opportunity_ids": ["crm-1"], "fail": false }`); it keeps created opportunities in memory.
 */
import { Injectable } from '@nestjs/common';
import type { ConfigurableFake } from '../../../../libs/testing/index.js';
import { DomainError } from '../../../../libs/errors/index.js';

export interface CrmOpportunityInput {
  opportunityId: string;
  partnerAccountId: string;
  customerName: string;
  customerAccountId: string | null;
  bdId: string | null;
}

export interface CrmGateway {
  createOpportunity(input: CrmOpportunityInput): Promise<{ crmOpportunityId: string }>;
}

export const CRM_GATEWAY = Symbol('CRM_GATEWAY');

@Injectable()
export class InProcessCrm implements CrmGateway, ConfigurableFake {
  readonly portName = 'CrmGateway';
  private queued: string[] = [];
  private fail = false;
  private seq = 0;
  readonly created: Array<CrmOpportunityInput & { crmOpportunityId: string }> = [];

  async createOpportunity(input: CrmOpportunityInput): Promise<{ crmOpportunityId: string }> {
    if (this.fail) throw new DomainError('SYS_UNAVAILABLE', 'CRM is not reachable; try again later');
    const crmOpportunityId =
      this.queued.shift() ?? `crm-auto-${++this.seq}-${input.opportunityId.slice(0, 8)}`;
    this.created.push({ ...input, crmOpportunityId });
    return { crmOpportunityId };
  }

  configure(body: Record<string, unknown>): void {
    if (body.next_opportunity_ids !== undefined) {
      if (
        !Array.isArray(body.next_opportunity_ids) ||
        body.next_opportunity_ids.some((x) => typeof x !== 'string')
      )
        throw new RangeError('next_opportunity_ids must be a list of strings');
      this.queued = [...(body.next_opportunity_ids as string[])];
    }
    if (body.fail !== undefined) {
      if (typeof body.fail !== 'boolean') throw new RangeError('fail must be a boolean');
      this.fail = body.fail;
    }
  }

  reset(): void {
    this.queued = [];
    this.fail = false;
  }

  describe(): Record<string, unknown> {
    return {
      created: this.created.map((c) => ({
        crm_opportunity_id: c.crmOpportunityId,
        opportunity_id: c.opportunityId,
      })),
      next_opportunity_ids: this.queued,
      fail: this.fail,
    };
  }
}
