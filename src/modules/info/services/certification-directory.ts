/**
 * The info module's side of certification's `AccountDirectory` (certification-paths.md needs the account's legal
 * entity, company name, site, status and the `abandoned` flag). Certification sits below info, so info registers
 * this reader at start-up instead of certification importing info.
 */
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../../../../libs/audit/index.js';
import type { RequestContext } from '../../../../libs/context/index.js';
import {
  type AccountDirectory,
  type AccountFacts,
  CertificationCollaborators,
} from '../../certification/index.js';
import { LegalEntity } from '../entities/legal-entity.entity.js';
import { PartnerAccount } from '../entities/partner-account.entity.js';

@Injectable()
export class CertificationAccountDirectory implements AccountDirectory, OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly collaborators: CertificationCollaborators,
  ) {}

  onModuleInit(): void {
    this.collaborators.registerAccountDirectory(this);
  }

  async facts(partnerAccountId: string): Promise<AccountFacts | null> {
    const account = await this.dataSource.getRepository(PartnerAccount).findOneBy({ id: partnerAccountId });
    if (!account) return null;
    const [facts] = await this.toFacts([account]);
    return facts;
  }

  async accountsOfLegalEntity(legalEntityId: string): Promise<AccountFacts[]> {
    const accounts = await this.dataSource
      .getRepository(PartnerAccount)
      .find({ where: { legalEntityId }, order: { createdAt: 'ASC' } });
    return this.toFacts(accounts);
  }

  async legalEntityIdsByUscc(usccs: string[]): Promise<Map<string, string>> {
    const wanted = [...new Set(usccs.map((u) => u.toUpperCase()))];
    const out = new Map<string, string>();
    if (!wanted.length) return out;
    const rows = await this.dataSource.getRepository(LegalEntity).findBy({ uscc: In(wanted) });
    for (const r of rows) if (r.uscc) out.set(r.uscc.toUpperCase(), r.id);
    return out;
  }

  async markAbandoned(t: RequestContext, partnerAccountId: string): Promise<void> {
    if (!t.em) throw new Error('markAbandoned must run inside the caller transaction');
    const account = await t.em.findOneBy(PartnerAccount, { id: partnerAccountId });
    if (!account || account.abandoned) return;
    await t.em.update(PartnerAccount, account.id, { abandoned: true });
    await this.audit.record(t, {
      action: 'partner_account.abandoned',
      entityType: 'partner_account',
      entityId: account.id,
      partnerAccountId: account.id,
      before: { abandoned: false },
      after: { abandoned: true },
    });
  }

  private async toFacts(accounts: PartnerAccount[]): Promise<AccountFacts[]> {
    const entityIds = [...new Set(accounts.map((a) => a.legalEntityId).filter((x): x is string => !!x))];
    const entities = entityIds.length
      ? await this.dataSource.getRepository(LegalEntity).findBy({ id: In(entityIds) })
      : [];
    const names = new Map(entities.map((e) => [e.id, e.companyName]));
    return accounts.map((a) => ({
      partnerAccountId: a.id,
      accountName: a.accountName,
      legalEntityId: a.legalEntityId,
      companyName: a.legalEntityId ? (names.get(a.legalEntityId) ?? null) : null,
      site: a.site,
      status: a.status,
      abandoned: a.abandoned,
      hcpnJoinedAt: a.hcpnJoinedAt,
      channelExpansionAccount: a.channelExpansionAccount,
      enterpriseRealnameVerified: a.enterpriseRealnameVerified,
      emailBound: a.emailBound,
      email: a.email,
      mobile: a.mobile,
    }));
  }
}
