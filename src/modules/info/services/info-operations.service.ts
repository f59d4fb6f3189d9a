/**
 * Ticket actions of operations on partner data (info.md "Ticket system", "Permissions"): set/reassign the
 * primary account (INFO-010, INFO-040, Open point 7), channel/customer expansion flags, record a missing
 * USCC (INFO-015, INFO-025), edit company details (INFO-017). Each runs in one transaction and is audited with
 * the reviewer and the `ticket_no`; the same methods serve `/api/v1/admin/info/…` and the admin panel.
 */
import { TICKET_RE } from '../domain/basic-info.js';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../../../libs/audit/index.js';
import type { RequestContext } from '../../../../libs/context/index.js';
import {
  findOneForUpdate,
  isUniqueViolation,
  TransactionRunner,
} from '../../../../libs/persistence/index.js';
import { USCC_RE } from '../domain/entity-codes.js';
import type { CompanyDetailsDto, ExpansionFlagsDto } from '../dto/basic-info.dto.js';
import { CompanyDetails } from '../entities/company-details.entity.js';
import { LegalEntity } from '../entities/legal-entity.entity.js';
import { PartnerAccount } from '../entities/partner-account.entity.js';
import { InfoErrors } from '../info.errors.js';
import { toDetailsView } from './basic-info.service.js';

@Injectable()
export class InfoOperationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /**
   * INFO-010: operations make an active account of the entity its primary account; the previous holder (e.g.
   * a deregistered primary, INFO-040) loses the flag, so there is exactly one primary account.
   */
  async setPrimaryAccount(
    ctx: RequestContext,
    legalEntityId: string,
    partnerAccountId: string,
    ticketNo: string,
  ): Promise<Record<string, unknown>> {
    const ticket = checkTicket(ticketNo);
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const entity = await this.entity(t, legalEntityId);
      const target = await findOneForUpdate(em, PartnerAccount, {
        id: partnerAccountId,
        legalEntityId: entity.id,
      });
      if (!target || target.site !== entity.site) throw InfoErrors.fail('INFO_ACCOUNT_NOT_FOUND');
      if (target.status !== 'active') {
        throw InfoErrors.fail(
          'INFO_FIELD_INVALID',
          'Only an active account can become the primary account.',
          {
            field: 'partner_account_id',
          },
        );
      }
      const previous = entity.primaryAccountId;
      if (previous && previous !== target.id) {
        await em.update(PartnerAccount, { id: previous, legalEntityId: entity.id }, { isPrimary: false });
      }
      await em.update(PartnerAccount, target.id, { isPrimary: true });
      await em.update(LegalEntity, entity.id, { primaryAccountId: target.id });
      await this.audit.record(t, {
        action: 'legal_entity.primary_account_set',
        entityType: 'legal_entity',
        entityId: entity.id,
        partnerAccountId: target.id,
        before: { primary_account_id: previous },
        after: { primary_account_id: target.id, ticket_no: ticket },
      });
      return {
        legal_entity_id: entity.id,
        primary_account_id: target.id,
        previous_primary_account_id: previous,
      };
    });
  }

  /** The 拓渠 / 拓客 incentive account flags of one account (info.md PartnerAccount). */
  async setExpansionFlags(
    ctx: RequestContext,
    partnerAccountId: string,
    dto: Omit<ExpansionFlagsDto, 'ticket_no'>,
    ticketNo: string,
  ): Promise<Record<string, unknown>> {
    const ticket = checkTicket(ticketNo);
    if (dto.channel_expansion_account === undefined && dto.customer_expansion_account === undefined) {
      throw InfoErrors.fail('INFO_FIELD_INVALID', 'Give at least one flag.', { field: 'body' });
    }
    return this.tx.run(ctx, async (t) => {
      const account = await findOneForUpdate(t.em!, PartnerAccount, { id: partnerAccountId });
      if (!account) throw InfoErrors.fail('INFO_ACCOUNT_NOT_FOUND');
      const before = {
        channel_expansion_account: account.channelExpansionAccount,
        customer_expansion_account: account.customerExpansionAccount,
      };
      const after = {
        channel_expansion_account: dto.channel_expansion_account ?? account.channelExpansionAccount,
        customer_expansion_account: dto.customer_expansion_account ?? account.customerExpansionAccount,
      };
      await t.em!.update(PartnerAccount, account.id, {
        channelExpansionAccount: after.channel_expansion_account,
        customerExpansionAccount: after.customer_expansion_account,
      });
      await this.audit.record(t, {
        action: 'partner_account.expansion_flags_set',
        entityType: 'partner_account',
        entityId: account.id,
        partnerAccountId: account.id,
        before,
        after: { ...after, ticket_no: ticket },
      });
      return { partner_account_id: account.id, ...after };
    });
  }

  /** INFO-015/INFO-025: record the USCC of an entity that has none on record (ticket). */
  async setMissingUscc(
    ctx: RequestContext,
    legalEntityId: string,
    rawUscc: string,
    ticketNo: string,
  ): Promise<Record<string, unknown>> {
    const ticket = checkTicket(ticketNo);
    const uscc = rawUscc.trim().toUpperCase();
    if (!USCC_RE.test(uscc)) throw InfoErrors.fail('INFO_USCC_INVALID', undefined, { field: 'uscc' });
    try {
      return await this.tx.run(ctx, async (t) => {
        const entity = await this.entity(t, legalEntityId);
        if (entity.uscc) throw InfoErrors.fail('INFO_USCC_ALREADY_SET');
        const clash = await t.em!.count(LegalEntity, { where: { site: entity.site, uscc } });
        if (clash > 0) throw InfoErrors.fail('INFO_USCC_TAKEN');
        await t.em!.update(LegalEntity, entity.id, { uscc });
        await this.audit.record(t, {
          action: 'legal_entity.uscc_recorded',
          entityType: 'legal_entity',
          entityId: entity.id,
          before: { uscc: null, org_code: entity.orgCode },
          after: { uscc, org_code: entity.orgCode, ticket_no: ticket },
        });
        return { legal_entity_id: entity.id, uscc, org_code: entity.orgCode };
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw InfoErrors.fail('INFO_USCC_TAKEN');
      throw err;
    }
  }

  /** INFO-017: operations edit logo, public contact details and introduction (fields given are replaced). */
  async updateCompanyDetails(
    ctx: RequestContext,
    legalEntityId: string,
    dto: CompanyDetailsDto,
    ticketNo: string,
  ): Promise<Record<string, unknown>> {
    const ticket = checkTicket(ticketNo);
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const entity = await this.entity(t, legalEntityId);
      const existing = await findOneForUpdate(em, CompanyDetails, { legalEntityId: entity.id });
      const before = existing ? toDetailsView(existing) : null;
      const row = existing ?? em.create(CompanyDetails, { legalEntityId: entity.id });
      if (dto.logo_file_id !== undefined) row.logoFileId = dto.logo_file_id;
      if (dto.public_phone !== undefined) row.publicPhone = dto.public_phone;
      if (dto.public_email !== undefined) row.publicEmail = dto.public_email;
      if (dto.website !== undefined) row.website = dto.website;
      if (dto.introduction !== undefined) row.introduction = dto.introduction;
      for (const k of ['logoFileId', 'publicPhone', 'publicEmail', 'website', 'introduction'] as const) {
        row[k] ??= null;
      }
      row.ticketNo = ticket;
      row.updatedAt = t.now();
      await em.save(row);
      const after = toDetailsView(row);
      await this.audit.record(t, {
        action: 'company_details.updated',
        entityType: 'company_details',
        entityId: row.id,
        partnerAccountId: entity.primaryAccountId,
        before,
        after: { ...after, ticket_no: ticket },
      });
      return { legal_entity_id: entity.id, ...after, ticket_no: ticket };
    });
  }

  /** The legal entity of an account (for the panel's "make primary" action on an account record). */
  async legalEntityOf(partnerAccountId: string): Promise<string> {
    const a = await this.dataSource
      .getRepository(PartnerAccount)
      .findOne({ where: { id: partnerAccountId } });
    if (!a?.legalEntityId) throw InfoErrors.fail('INFO_ACCOUNT_NOT_FOUND');
    return a.legalEntityId;
  }

  private async entity(t: RequestContext, id: string): Promise<LegalEntity> {
    const entity = await findOneForUpdate(t.em!, LegalEntity, { id });
    if (!entity) throw InfoErrors.fail('INFO_LEGAL_ENTITY_NOT_FOUND');
    return entity;
  }
}

/** Every ticket action carries its ticket number (info.md "Ticket system": varchar(32)). */
function checkTicket(ticketNo: string | undefined): string {
  const ticket = (ticketNo ?? '').trim();
  if (!TICKET_RE.test(ticket)) {
    throw InfoErrors.fail('INFO_FIELD_INVALID', 'ticket_no must be 1-32 letters, digits or _-./', {
      field: 'ticket_no',
    });
  }
  return ticket;
}
