import { Inject, Injectable } from '@nestjs/common';
import { DataSource, Not } from 'typeorm';
import type { RequestContext } from '../../../../libs/context/index.js';
import { MEMBERSHIP_READER, type MembershipReader } from '../../certification/index.js';
import { LegalEntity } from '../entities/legal-entity.entity.js';
import { PartnerAccount } from '../entities/partner-account.entity.js';
import { InfoErrors } from '../info.errors.js';
import { BasicInfoService } from './basic-info.service.js';
import { toCompanyView } from './onboarding.service.js';

/** Company info (FAQ 6.1.1–6.1.2): the legal entity's licence data, scoped to the caller's account. */
@Injectable()
export class CompanyInfoService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly basic: BasicInfoService,
    @Inject(MEMBERSHIP_READER) private readonly memberships: MembershipReader,
  ) {}

  async get(ctx: RequestContext): Promise<Record<string, unknown>> {
    const account = await this.dataSource
      .getRepository(PartnerAccount)
      .findOne({ where: { id: ctx.partnerAccountId } });
    if (!account?.legalEntityId) throw InfoErrors.fail('INFO_NOT_ONBOARDED');
    const entity = await this.dataSource
      .getRepository(LegalEntity)
      .findOne({ where: { id: account.legalEntityId } });
    if (!entity) throw InfoErrors.fail('INFO_NOT_ONBOARDED');
    // INFO-012 a: licence data plus the account contact (INFO-018) and the company details (INFO-017)
    return {
      ...toCompanyView(entity),
      partner_account_id: account.id,
      is_primary: account.isPrimary,
      account_contact: await this.basic.contactOf(account.id),
      company_details: await this.basic.detailsOf(entity.id),
    };
  }

  /**
   * Account info (INFO-012 b; FAQ 6.1.1): every onboarded account of the caller's legal entity on its site
   * (Open point 9), without deregistered ones (INFO-040) and without sensitive fields. Joined paths and
   * programs come from the certification module's MEMBERSHIP_READER: paths whose membership is `active`,
   * programs whose membership ever reached `active` (decision: pending applications are not "joined").
   */
  async accounts(
    ctx: RequestContext,
  ): Promise<{ total_count: number; items: Array<Record<string, unknown>> }> {
    const repo = this.dataSource.getRepository(PartnerAccount);
    const me = await repo.findOne({ where: { id: ctx.partnerAccountId } });
    if (!me?.legalEntityId) throw InfoErrors.fail('INFO_NOT_ONBOARDED');
    const accounts = await repo.find({
      where: { legalEntityId: me.legalEntityId, site: me.site, status: Not('deregistered') },
      order: { hcpnJoinedAt: 'ASC', accountName: 'ASC' },
    });
    const items = [];
    for (const a of accounts) {
      const [paths, programs] = await Promise.all([
        this.memberships.pathMemberships(a.id),
        this.memberships.programMemberships(a.id),
      ]);
      items.push({
        partner_account_id: a.id,
        account_name: a.accountName,
        is_primary: a.isPrimary,
        channel_expansion_account: a.channelExpansionAccount,
        customer_expansion_account: a.customerExpansionAccount,
        hcpn_joined_at: a.hcpnJoinedAt?.toISOString() ?? null,
        status: a.status,
        paths: paths.filter((p) => p.status === 'active').map((p) => ({ path: p.path, stage: p.stage })),
        programs: programs
          .filter((p) => p.everActive || p.status === 'active')
          .map((p) => ({ program: p.program, status: p.status, level: p.level })),
      });
    }
    return { total_count: items.length, items };
  }
}
