/**
 * Partner finder (FAQ 2: labels are search keywords that help customers find partners; certification-labels.md
 * "External systems"): `PartnerFinderPort.upsertLabels(partnerAccountId, labelCodes[])` is called after commit
 * whenever the held labels of an account change. The in-process adapter records the calls and is the test fake
 * (`PUT /api/v1/admin/test/fakes/partner-finder` with `{"fail": true}` makes it throw; failures are logged and
 * never undo the grant).
 */
import { Injectable } from '@nestjs/common';
import type { ConfigurableFake } from '../../../../../libs/testing/index.js';

export interface PartnerFinderPort {
  upsertLabels(partnerAccountId: string, labelCodes: string[]): Promise<void>;
}

export const PARTNER_FINDER_PORT = Symbol('PARTNER_FINDER_PORT');

@Injectable()
export class InProcessPartnerFinder implements PartnerFinderPort, ConfigurableFake {
  readonly portName = 'PartnerFinderPort';
  private fail = false;
  readonly calls: Array<{ partner_account_id: string; label_codes: string[] }> = [];

  async upsertLabels(partnerAccountId: string, labelCodes: string[]): Promise<void> {
    if (this.fail) throw new Error('partner finder unavailable');
    this.calls.push({ partner_account_id: partnerAccountId, label_codes: [...labelCodes].sort() });
  }

  configure(body: Record<string, unknown>): void {
    if (body.fail !== undefined) {
      if (typeof body.fail !== 'boolean') throw new RangeError('fail must be a boolean');
      this.fail = body.fail;
    }
  }

  reset(): void {
    this.fail = false;
    this.calls.length = 0;
  }

  describe(): Record<string, unknown> {
    return { fail: this.fail, calls: this.calls.slice(-50) };
  }
}
