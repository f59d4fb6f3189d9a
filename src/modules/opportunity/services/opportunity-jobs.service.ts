/**
 * Scheduled work of the opportunity module (opportunity.md "Deadlines and scheduled jobs") and inbound CRM
 * events ("External systems"). Jobs re-check each row under its lock (conditional on the status), so an
 * expiry never overwrites an acceptance or a verification committed in between.
 */
import { Injectable } from '@nestjs/common';
import { DataSource, In, LessThan } from 'typeorm';
import { AuditService } from '../../../../libs/audit/index.js';
import { WorkingDayCalendar } from '../../../../libs/calendar/index.js';
import type { RequestContext } from '../../../../libs/context/index.js';
import {
  TransactionRunner,
  findOneForUpdate,
  isUniqueViolation,
} from '../../../../libs/persistence/index.js';
import type { CrmEventDto } from '../dto/opportunity.dto.js';
import { CrmEventReceipt, Opportunity } from '../entities/opportunity.entities.js';
import { OpportunityErrors } from '../opportunity.errors.js';
import { OpportunityReviewService } from './opportunity-review.service.js';
import { OpportunityMachines } from './opportunity-machines.js';
import { OpportunitySupport } from './opportunity-support.js';

/** Open point 7: reminder after this many natural days without a progress update. */
export const PROGRESS_REMINDER_DAYS = 30;

@Injectable()
export class OpportunityJobsService {
  private readonly machines: OpportunityMachines;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly support: OpportunitySupport,
    private readonly review: OpportunityReviewService,
    private readonly calendar: WorkingDayCalendar,
    audit: AuditService,
  ) {
    this.machines = new OpportunityMachines(audit);
  }

  /** `opportunity.verification-sla` (OPP-041): default rejection after 10 working days. */
  async expireVerifications(ctx: RequestContext): Promise<Record<string, unknown>> {
    const due = await this.dataSource.getRepository(Opportunity).find({
      where: { origin: 'po', status: 'pending_verification', verificationDeadline: LessThan(ctx.now()) },
      order: { verificationDeadline: 'ASC', id: 'ASC' },
    });
    let expired = 0;
    for (const d of due) {
      const done = await this.tx.run(ctx, async (t) => {
        const o = await findOneForUpdate(t.em!, Opportunity, { id: d.id });
        if (!o || o.status !== 'pending_verification' || !(t.now() > o.verificationDeadline!)) return false;
        await this.machines.po.transition(t, o, 'verification_rejected', {
          action: 'opportunity.verification_sla_expired',
          mutate: (x) => {
            x.rejectReason = 'sla_expired';
            x.rejectComment = 'Not verified within 10 working days (default rejection)';
            x.updatedAt = t.now();
          },
          eventPayload: { reason: 'sla_expired' },
        });
        await this.support.statusChanged(t, o, 'pending_verification');
        const office = await this.support.repOffice(t.em!, o.repOfficeId);
        await this.support.notifyReviewers(
          t,
          [...(o.assignedPdmId ? [o.assignedPdmId] : []), ...(office?.psmIds ?? [])],
          {
            template: 'opportunity.verification_expired',
            subject: 'PO verification SLA expired',
            body: `The PO for ${o.customerName} was rejected by default: not verified within 10 working days.`,
            params: { opportunity_id: o.id },
          },
          ['in_app'],
          o.partnerAccountId,
        );
        return true;
      });
      if (done) expired++;
    }
    return { checked: due.length, expired };
  }

  /** `opportunity.ho-acceptance-expiry` (OPP-062): pending HOs past their 3-working-day deadline. */
  async expireHoAcceptances(ctx: RequestContext): Promise<Record<string, unknown>> {
    const due = await this.dataSource.getRepository(Opportunity).find({
      where: { origin: 'ho', status: 'pending_acceptance', acceptanceDeadline: LessThan(ctx.now()) },
      order: { acceptanceDeadline: 'ASC', id: 'ASC' },
    });
    let expired = 0;
    for (const d of due) {
      const done = await this.tx.run(ctx, async (t) => {
        const o = await findOneForUpdate(t.em!, Opportunity, { id: d.id });
        if (!o || o.status !== 'pending_acceptance' || !(t.now() > o.acceptanceDeadline!)) return false;
        await this.machines.ho.transition(t, o, 'expired', {
          action: 'opportunity.ho_expired',
          mutate: (x) => {
            x.closeReason = 'expired';
            x.closedAt = t.now();
            x.updatedAt = t.now();
          },
        });
        await this.support.notifyPartner(
          t,
          o,
          'ho.expired',
          'HO expired',
          `The HO for ${o.customerName} expired: it was not accepted within 3 working days.`,
        );
        if (o.sharedBy && o.sharedBy !== 'crm') {
          await this.support.notifyReviewers(t, [o.sharedBy], {
            template: 'ho.expired',
            subject: 'HO expired',
            body: `The HO for ${o.customerName} shared with partner ${o.partnerAccountId} expired.`,
            params: { opportunity_id: o.id },
          });
        }
        return true;
      });
      if (done) expired++;
    }
    return { checked: due.length, expired };
  }

  /** `opportunity.progress-reminder` (Open point 7): in-app reminder after 30 natural days without update. */
  async remindProgress(ctx: RequestContext): Promise<Record<string, unknown>> {
    const open = await this.dataSource.getRepository(Opportunity).find({
      where: [
        { origin: 'po', status: In(['pending_verification', 'verified', 'in_progress']) },
        { origin: 'ho', status: In(['accepted', 'in_progress']) },
      ],
      order: { id: 'ASC' },
    });
    const today = this.calendar.localDate(ctx.now());
    let reminded = 0;
    for (const o of open) {
      const since = o.lastProgressAt ?? o.respondedAt ?? o.reviewApprovedAt ?? o.createdAt;
      // one reminder per 30 quiet days: count from the later of the last update and the last reminder
      const ref = o.progressRemindedAt && o.progressRemindedAt > since ? o.progressRemindedAt : since;
      if (today < this.calendar.addNaturalDays(this.calendar.localDate(ref), PROGRESS_REMINDER_DAYS))
        continue;
      await this.tx.run(ctx, async (t) => {
        const row = await findOneForUpdate(t.em!, Opportunity, { id: o.id });
        if (!row) return;
        row.progressRemindedAt = t.now();
        await t.em!.save(row);
        await this.support.notifyInbox(t, row.partnerAccountId, {
          template: 'opportunity.progress_reminder',
          subject: 'Please update your opportunity',
          body: `No progress was reported for ${row.customerName} for ${PROGRESS_REMINDER_DAYS} days.`,
          params: { opportunity_id: row.id },
        });
      });
      reminded++;
    }
    return { checked: open.length, reminded };
  }

  /**
   * Inbound CRM events, idempotent on `event_id`: a replay answers 200 `replayed` and changes nothing.
   * `customer.released` cancels only a no-account filing already in CRM (Open point 12).
   */
  async crmEvent(ctx: RequestContext, dto: CrmEventDto) {
    const previous = await this.dataSource
      .getRepository(CrmEventReceipt)
      .findOne({ where: { eventId: dto.event_id } });
    if (previous) return receiptView(previous, true);
    try {
      return await this.tx.run(ctx, async (t) => {
        const em = t.em!;
        let outcome = 'ignored';
        let opportunityId: string | null = null;
        if (dto.type === 'ho.created') {
          if (
            !dto.partner_account_id ||
            !dto.customer_name ||
            !dto.crm_opportunity_id ||
            !dto.crm_created_at
          ) {
            throw OpportunityErrors.fail(
              'OPP_FIELD_INVALID',
              'ho.created needs partner_account_id, customer_name, crm_opportunity_id and crm_created_at',
              {
                field: 'partner_account_id',
              },
            );
          }
          const v = await this.review.shareHo(t, {
            partner_account_id: dto.partner_account_id,
            customer_name: dto.customer_name,
            crm_opportunity_id: dto.crm_opportunity_id,
            crm_created_at: dto.crm_created_at,
            province: dto.province,
            bd_id: dto.bd_id,
          });
          outcome = 'applied';
          opportunityId = v.id;
        } else if (dto.crm_opportunity_id) {
          const o = await em.findOne(Opportunity, {
            where: { crmOpportunityId: dto.crm_opportunity_id },
            order: { createdAt: 'ASC' },
          });
          const locked = o ? await findOneForUpdate(em, Opportunity, { id: o.id }) : null;
          if (locked) {
            opportunityId = locked.id;
            const open = locked.origin === 'po' ? ['verified', 'in_progress'] : ['accepted', 'in_progress'];
            if (open.includes(locked.status)) {
              if (dto.type === 'opportunity.cancelled') {
                await this.review.close(t, locked, 'cancelled', 'cancelled_in_crm');
                outcome = 'applied';
              } else if (dto.type === 'opportunity.won') {
                await this.review.close(t, locked, 'delivered', 'delivered');
                outcome = 'applied';
              } else if (dto.type === 'opportunity.lost') {
                await this.review.close(t, locked, 'lost', 'lost');
                outcome = 'applied';
              } else if (
                dto.type === 'customer.released' &&
                locked.origin === 'po' &&
                !locked.customerAccountId
              ) {
                await this.review.close(t, locked, 'cancelled', 'crm_released');
                outcome = 'applied';
              }
            }
          }
        }
        const r = em.create(CrmEventReceipt, {
          eventId: dto.event_id,
          type: dto.type,
          crmOpportunityId: dto.crm_opportunity_id ?? null,
          opportunityId,
          outcome,
          receivedAt: t.now(),
        });
        await em.save(r);
        return receiptView(r, false);
      });
    } catch (err) {
      if (isUniqueViolation(err)) {
        const r = await this.dataSource
          .getRepository(CrmEventReceipt)
          .findOne({ where: { eventId: dto.event_id } });
        if (r) return receiptView(r, true);
      }
      throw err;
    }
  }
}

function receiptView(r: CrmEventReceipt, replayed: boolean) {
  return {
    event_id: r.eventId,
    type: r.type,
    crm_opportunity_id: r.crmOpportunityId,
    opportunity_id: r.opportunityId,
    outcome: replayed ? 'replayed' : r.outcome,
    original_outcome: r.outcome,
    received_at: r.receivedAt.toISOString(),
  };
}
