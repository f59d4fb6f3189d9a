/**
 * Customer identity (INFO-019; FAQ 5.1.4, 6.1.6) and deregistration (INFO-035…INFO-040; FAQ 4.4.1, 5.1.12,
 * 5.2.8, 5.3.8), derived from the certification module's MEMBERSHIP_READER port only.
 */
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../../../../libs/context/index.js';
import { TransactionRunner } from '../../../../libs/persistence/index.js';
import { MEMBERSHIP_READER, type MembershipReader } from '../../certification/index.js';
import {
  type DeregistrationReason,
  deregistrationReasons,
  hasCustomerIdentity,
} from '../domain/basic-info.js';
import type { DeregistrationEventDto } from '../dto/basic-info.dto.js';
import { PartnerAccount } from '../entities/partner-account.entity.js';
import { InfoErrors } from '../info.errors.js';
import { PartnerAccountService } from './partner-account.service.js';

export interface DeregistrationEligibility {
  partner_account_id: string;
  eligible: boolean;
  reasons: DeregistrationReason[];
}

@Injectable()
export class AccountEligibilityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly accounts: PartnerAccountService,
    @Inject(MEMBERSHIP_READER) private readonly memberships: MembershipReader,
  ) {}

  /** INFO-019 for the console/billing integration. */
  async customerIdentity(ctx: RequestContext, accountId: string): Promise<Record<string, unknown>> {
    const account = await this.visible(ctx, accountId);
    const programs = await this.memberships.programMemberships(account.id);
    return { partner_account_id: account.id, customer_identity: hasCustomerIdentity(programs) };
  }

  /** INFO-019: a reseller account (joined SP / distributor / cloud reseller) may not buy cloud services. */
  async purchaseEligibility(ctx: RequestContext, accountId: string): Promise<Record<string, unknown>> {
    const view = await this.customerIdentity(ctx, accountId);
    if (!view.customer_identity) throw InfoErrors.fail('INFO_NO_CUSTOMER_IDENTITY');
    return { partner_account_id: view.partner_account_id, customer_identity: true, eligible: true };
  }

  /** INFO-035: all reasons together. */
  async eligibility(ctx: RequestContext, accountId: string): Promise<DeregistrationEligibility> {
    const account = await this.visible(ctx, accountId);
    return this.evaluate(account.id);
  }

  /**
   * The account center's `deregistered` event (INFO-035): refused with 409 INFO_DEREGISTRATION_BLOCKED and
   * `details.reasons` when not eligible; otherwise the account moves `active` → `deregistered` through the
   * partner-account state machine, which audits and publishes `info.account.deregistered` after commit (the
   * org module deletes the members and ends personal-account links on it, INFO-040). `is_primary` stays on
   * the record until operations reassign it (INFO-040, Open point 7). A repeated event for an account already
   * deregistered answers its state again (decision: the integration may retry).
   */
  async recordDeregistration(
    ctx: RequestContext,
    dto: DeregistrationEventDto,
  ): Promise<Record<string, unknown>> {
    if (!!dto.partner_account_id === !!dto.huawei_account_id) {
      throw InfoErrors.fail(
        'INFO_FIELD_INVALID',
        'Give exactly one of partner_account_id or huawei_account_id.',
        {
          field: 'partner_account_id',
        },
      );
    }
    return this.tx.run(ctx, async (t) => {
      const account = await t.em!.findOne(PartnerAccount, {
        where: dto.partner_account_id
          ? { id: dto.partner_account_id }
          : { huaweiAccountId: dto.huawei_account_id },
      });
      if (!account) throw InfoErrors.fail('INFO_ACCOUNT_NOT_FOUND');
      if (account.status === 'deregistered') return this.deregisteredView(account, true);
      const check = await this.evaluate(account.id);
      if (!check.eligible)
        throw InfoErrors.fail('INFO_DEREGISTRATION_BLOCKED', undefined, { reasons: check.reasons });
      const updated = await this.accounts.recordDeregistration(t, account.id);
      return this.deregisteredView(updated, false);
    });
  }

  // ---------------------------------------------------------------------------------------------------------

  private async evaluate(accountId: string): Promise<DeregistrationEligibility> {
    const [paths, programs] = await Promise.all([
      this.memberships.pathMemberships(accountId),
      this.memberships.programMemberships(accountId),
    ]);
    const reasons = deregistrationReasons(paths, programs);
    return { partner_account_id: accountId, eligible: reasons.length === 0, reasons };
  }

  private deregisteredView(a: PartnerAccount, already: boolean): Record<string, unknown> {
    return {
      partner_account_id: a.id,
      status: a.status,
      is_primary: a.isPrimary,
      already_deregistered: already,
      eligible: true,
      reasons: [],
    };
  }

  /**
   * A partner sees only its own account (another partner's id is 404 like a missing one); reviewers and the
   * integrations (reviewer tokens) see any account.
   */
  private async visible(ctx: RequestContext, accountId: string): Promise<PartnerAccount> {
    if (ctx.actor.kind === 'partner' && ctx.partnerAccountId !== accountId) {
      throw InfoErrors.fail('INFO_ACCOUNT_NOT_FOUND');
    }
    const account = await this.dataSource.getRepository(PartnerAccount).findOne({ where: { id: accountId } });
    if (!account) throw InfoErrors.fail('INFO_ACCOUNT_NOT_FOUND');
    return account;
  }
}
