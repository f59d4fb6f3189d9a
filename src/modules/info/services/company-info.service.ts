import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../../../../libs/context/index.js';
import { LegalEntity } from '../entities/legal-entity.entity.js';
import { PartnerAccount } from '../entities/partner-account.entity.js';
import { InfoErrors } from '../info.errors.js';
import { toCompanyView } from './onboarding.service.js';

/** Company info (FAQ 6.1.1–6.1.2): the legal entity's licence data, scoped to the caller's account. */
@Injectable()
export class CompanyInfoService {
  constructor(private readonly dataSource: DataSource) {}

  async get(ctx: RequestContext): Promise<Record<string, unknown>> {
    const account = await this.dataSource
      .getRepository(PartnerAccount)
      .findOne({ where: { id: ctx.partnerAccountId } });
    if (!account?.legalEntityId) throw InfoErrors.fail('INFO_NOT_ONBOARDED');
    const entity = await this.dataSource
      .getRepository(LegalEntity)
      .findOne({ where: { id: account.legalEntityId } });
    if (!entity) throw InfoErrors.fail('INFO_NOT_ONBOARDED');
    return { ...toCompanyView(entity), partner_account_id: account.id, is_primary: account.isPrimary };
  }
}
