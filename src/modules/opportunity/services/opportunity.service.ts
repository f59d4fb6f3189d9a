/**
 * The partner side of opportunities (opportunity.md): PO drafts, submit and resubmit (OPP-011…OPP-019,
 * OPP-023), routing to a PDM or the dispatcher queue (OPP-020), HO accept/reject (OPP-062…OPP-064), progress
 * updates (OPP-050), feedback (OPP-075), lists and details within the tenant (OPP-070) and, for a member whose
 * only role is customer manager, within his customers (org `CustomerScopePolicy`).
 */
import { Injectable } from '@nestjs/common';
import { DataSource, In, type FindOptionsWhere } from 'typeorm';
import { AuditService } from '../../../../libs/audit/index.js';
import { WorkingDayCalendar } from '../../../../libs/calendar/index.js';
import type { RequestContext } from '../../../../libs/context/index.js';
import { DomainError } from '../../../../libs/errors/index.js';
import type { Page } from '../../../../libs/http/index.js';
import { Decimal } from '../../../../libs/money/index.js';
import { TransactionRunner, findOneForUpdate } from '../../../../libs/persistence/index.js';
import { CustomerScopePolicy } from '../../org/index.js';
import { normalizeCustomerName } from '../domain/duplicate-key.js';
import { HO_UPDATABLE, PO_MACHINE, PO_UPDATABLE } from '../domain/opportunity-state-machines.js';
import { countsForAssessment, missingSubmitFields, withinPurchaseWindow } from '../domain/po-rules.js';
import type {
  CreateOpportunityDto,
  FeedbackDto,
  ListOpportunitiesQuery,
  OpportunityFieldsDto,
  ProgressUpdateDto,
  RejectHoDto,
} from '../dto/opportunity.dto.js';
import {
  Opportunity,
  OpportunityFeedback,
  type OpportunityStatus,
  ProgressUpdate,
} from '../entities/opportunity.entities.js';
import { OpportunityErrors } from '../opportunity.errors.js';
import { OpportunityPermissions } from '../opportunity.permissions.js';
import { OfferingDirectory } from '../ports/offerings.port.js';
import {
  DISPATCHER_INBOX,
  OpportunitySupport,
  type OpportunityView,
  toProgressView,
  toView,
} from './opportunity-support.js';
import { OpportunityMachines } from './opportunity-machines.js';
import { PceEnrollmentService } from './pce-enrollment.service.js';

/** Open point 10: configurable purchase window (default 12 months). */
export const PURCHASE_WINDOW_MONTHS = 12;
export const NO_CUSTOMER_ACCOUNT_WARNING = 'OPP_NO_CUSTOMER_ACCOUNT';

@Injectable()
export class OpportunityService {
  private readonly machines: OpportunityMachines;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly support: OpportunitySupport,
    private readonly pce: PceEnrollmentService,
    private readonly offerings: OfferingDirectory,
    private readonly scope: CustomerScopePolicy,
    private readonly calendar: WorkingDayCalendar,
    private readonly audit: AuditService,
  ) {
    this.machines = new OpportunityMachines(audit);
  }

  // --- PO drafting ---------------------------------------------------------------------------------------------

  /** OPP-004, OPP-010, OPP-011: an active PCE member creates a PO draft at once. */
  async create(ctx: RequestContext, dto: CreateOpportunityDto): Promise<OpportunityView> {
    await this.assertPce(ctx);
    const o = this.dataSource.getRepository(Opportunity).create({
      origin: 'po',
      partnerAccountId: ctx.partnerAccountId,
      status: 'draft',
      customerName: null,
      customerNameNormalized: null,
      customerAccountId: null,
      customerContactName: null,
      customerContactPhone: null,
      province: null,
      city: null,
      industry: null,
      budgetAmount: null,
      expectedPurchaseDate: null,
      incrementalRevenue: null,
      description: null,
      offeringIds: [],
      countsForAssessment: false,
      customerConsentConfirmed: false,
      partnerContactUserId:
        ctx.actor.kind === 'partner' ? (ctx.actor.memberId ?? ctx.partnerAccountId) : null,
      createdBy: ctx.actorId,
      assignedPdmId: null,
      repOfficeId: null,
      handledByPsmId: null,
      bdId: null,
      sharedBy: null,
      submittedAt: null,
      reviewApprovedAt: null,
      verificationDeadline: null,
      verifiedAt: null,
      crmOpportunityId: null,
      crmCreatedAt: null,
      sharedAt: null,
      acceptanceDeadline: null,
      respondedAt: null,
      rejectReason: null,
      rejectComment: null,
      duplicateOfId: null,
      closeReason: null,
      closedAt: null,
      lastProgressAt: null,
      progressRemindedAt: null,
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    });
    await this.applyFields(ctx, o, dto);
    return this.tx.run(ctx, async (t) => {
      await this.machines.po.create(t, o, { action: 'opportunity.po_created' });
      return toView(o);
    });
  }

  /** OPP-018: drafts (and POs sent back for correction, OPP-019/OPP-023) can be edited. */
  async update(
    ctx: RequestContext,
    id: string,
    dto: OpportunityFieldsDto & { origin?: string },
  ): Promise<OpportunityView> {
    return this.tx.run(ctx, async (t) => {
      const o = await this.ownForUpdate(t, id);
      if (o.origin !== 'po' || !this.editable(o)) throw OpportunityErrors.fail('OPP_NOT_EDITABLE');
      const before = PO_MACHINE.snapshot!(o);
      await this.applyFields(t, o, dto);
      o.updatedAt = t.now();
      await t.em!.save(o);
      await this.audit.record(t, {
        action: 'opportunity.po_edited',
        entityType: 'opportunity',
        entityId: o.id,
        partnerAccountId: o.partnerAccountId,
        before,
        after: { ...PO_MACHINE.snapshot!(o), fields: Object.keys(dto) },
      });
      return toView(o);
    });
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    await this.tx.run(ctx, async (t) => {
      const o = await this.ownForUpdate(t, id);
      if (o.origin !== 'po' || o.status !== 'draft') throw OpportunityErrors.fail('OPP_NOT_EDITABLE');
      await this.audit.record(t, {
        action: 'opportunity.po_draft_deleted',
        entityType: 'opportunity',
        entityId: o.id,
        partnerAccountId: o.partnerAccountId,
        before: PO_MACHINE.snapshot!(o),
      });
      await t.em!.remove(o);
    });
  }

  /**
   * OPP-018 / OPP-043: a partner can never cancel or withdraw a submitted PO (it asks its PDM, OPP-019).
   * A draft is simply deleted.
   */
  async partnerCancel(ctx: RequestContext, id: string): Promise<never> {
    const o = await this.ownOrFail(ctx, id);
    if (o.origin === 'po' && o.status === 'draft') {
      throw OpportunityErrors.fail(
        'OPP_NOT_EDITABLE',
        'Drafts are deleted, not cancelled (DELETE the draft)',
      );
    }
    throw OpportunityErrors.fail('OPP_NOT_EDITABLE');
  }

  /** draft → pending_review (OPP-011, OPP-013…OPP-017, OPP-020, OPP-051). */
  async submit(ctx: RequestContext, id: string, dto: OpportunityFieldsDto): Promise<OpportunityView> {
    await this.assertPce(ctx);
    return this.tx.run(ctx, async (t) => {
      const o = await this.ownForUpdate(t, id);
      if (o.origin !== 'po') throw OpportunityErrors.fail('OPP_INVALID_STATE');
      if (o.status !== 'draft') throw OpportunityErrors.fail('OPP_NOT_EDITABLE');
      return this.toReview(t, o, dto, 'opportunity.po_submitted');
    });
  }

  /** review_rejected → pending_review, not after a duplicate rejection (OPP-023). */
  async resubmit(ctx: RequestContext, id: string, dto: OpportunityFieldsDto): Promise<OpportunityView> {
    await this.assertPce(ctx);
    return this.tx.run(ctx, async (t) => {
      const o = await this.ownForUpdate(t, id);
      if (o.origin !== 'po' || o.status !== 'review_rejected')
        throw OpportunityErrors.fail('OPP_INVALID_STATE');
      if (o.rejectReason === 'duplicate') throw OpportunityErrors.fail('OPP_RESUBMIT_NOT_ALLOWED');
      return this.toReview(t, o, dto, 'opportunity.po_resubmitted');
    });
  }

  private async toReview(
    t: RequestContext,
    o: Opportunity,
    dto: OpportunityFieldsDto,
    action: string,
  ): Promise<OpportunityView> {
    await this.applyFields(t, o, dto);
    const missing = missingSubmitFields(o);
    if (missing.length) {
      throw OpportunityErrors.fail('OPP_INCOMPLETE', `Missing or invalid fields: ${missing.join(', ')}`, {
        fields: missing,
      });
    }
    if (!o.customerConsentConfirmed) throw OpportunityErrors.fail('OPP_CUSTOMER_CONSENT_REQUIRED');
    const today = this.calendar.localDate(t.now());
    if (!withinPurchaseWindow(o.expectedPurchaseDate!, today, PURCHASE_WINDOW_MONTHS)) {
      throw OpportunityErrors.fail('OPP_PURCHASE_WINDOW', undefined, { field: 'expected_purchase_date' });
    }
    await this.checkOfferings(o.partnerAccountId, o.offeringIds);
    // OPP-020: route by province to the rep office's PDM, else the dispatcher queue
    const office = await this.support.repOfficeForProvince(t.em!, o.province);
    const pdm = office?.pdmIds[0] ?? null;
    const from = o.status;
    await this.machines.po.transition(t, o, 'pending_review', {
      action,
      mutate: (x) => {
        x.submittedAt = t.now();
        x.updatedAt = t.now();
        x.repOfficeId = pdm ? office!.id : null;
        x.assignedPdmId = pdm;
        x.rejectReason = null;
        x.rejectComment = null;
        x.duplicateOfId = null;
      },
    });
    await this.support.statusChanged(t, o, from);
    const msg = {
      template: 'opportunity.review_requested',
      subject: 'New PO to review',
      body: `A PO for ${o.customerName} (${o.province ?? 'no province'}) waits for review.`,
      params: { opportunity_id: o.id },
    };
    if (pdm) await this.support.notifyReviewers(t, office!.pdmIds, msg, ['in_app'], o.partnerAccountId);
    else
      await this.support.notifyInbox(t, DISPATCHER_INBOX, {
        ...msg,
        template: 'opportunity.dispatch_requested',
        subject: 'Unmatched PO to dispatch',
      });
    const view = toView(o);
    // OPP-017: a no-account filing is accepted with a warning
    if (!o.customerAccountId) view.warnings = [NO_CUSTOMER_ACCOUNT_WARNING];
    else view.warnings = [];
    return view;
  }

  // --- HO response (OPP-062…OPP-064) ---------------------------------------------------------------------------

  async acceptHo(ctx: RequestContext, id: string): Promise<OpportunityView> {
    return this.respondHo(ctx, id, 'accepted');
  }

  async rejectHo(ctx: RequestContext, id: string, dto: RejectHoDto): Promise<OpportunityView> {
    return this.respondHo(ctx, id, 'rejected', dto.reason);
  }

  private async respondHo(
    ctx: RequestContext,
    id: string,
    to: 'accepted' | 'rejected',
    reason?: string,
  ): Promise<OpportunityView> {
    return this.tx.run(ctx, async (t) => {
      const o = await this.ownForUpdate(t, id);
      if (o.origin !== 'ho') throw OpportunityErrors.fail('OPP_INVALID_STATE');
      // OPP-062: the deadline is evaluated on the request time, whatever the expiry job did
      const late =
        o.status === 'expired' || (o.status === 'pending_acceptance' && t.now() > o.acceptanceDeadline!);
      if (late) throw OpportunityErrors.fail('OPP_HO_EXPIRED');
      if (o.status !== 'pending_acceptance') throw OpportunityErrors.fail('OPP_INVALID_STATE');
      await this.machines.ho.transition(t, o, to, {
        action: `opportunity.ho_${to}`,
        mutate: (x) => {
          x.respondedAt = t.now();
          x.updatedAt = t.now();
          if (to === 'rejected') x.rejectComment = (reason ?? '').trim() || null;
        },
      });
      if (o.sharedBy) {
        await this.support.notifyReviewers(t, [o.sharedBy], {
          template: `opportunity.ho_${to}`,
          subject: `HO ${to}`,
          body: `The partner ${to} the HO for ${o.customerName}.`,
          params: { opportunity_id: o.id },
        });
      }
      return toView(o);
    });
  }

  // --- progress (OPP-050) --------------------------------------------------------------------------------------

  async addProgress(ctx: RequestContext, id: string, dto: ProgressUpdateDto) {
    return this.tx.run(ctx, async (t) => {
      const o = await this.ownForUpdate(t, id);
      const allowed = o.origin === 'po' ? PO_UPDATABLE : HO_UPDATABLE;
      if (!allowed.includes(o.status)) throw OpportunityErrors.fail('OPP_NOT_UPDATABLE');
      const terminal = dto.stage === 'delivered' || dto.stage === 'lost';
      // decision: a PO still in verification cannot be closed by the partner (it is not in CRM yet)
      if (terminal && o.status === 'pending_verification') throw OpportunityErrors.fail('OPP_NOT_UPDATABLE');
      const p = t.em!.create(ProgressUpdate, {
        opportunityId: o.id,
        partnerAccountId: o.partnerAccountId,
        stage: dto.stage,
        note: dto.note.trim(),
        nextStepDate: dto.next_step_date ?? null,
        createdBy: t.actorId,
        createdAt: t.now(),
      });
      await t.em!.save(p);
      const from = o.status;
      const to: OpportunityStatus | null = terminal
        ? (dto.stage as 'delivered' | 'lost')
        : ['verified', 'accepted'].includes(o.status)
          ? 'in_progress'
          : null;
      const mutate = (x: Opportunity) => {
        x.lastProgressAt = t.now();
        x.updatedAt = t.now();
        if (terminal) {
          x.closeReason = dto.stage as 'delivered' | 'lost';
          x.closedAt = t.now();
        }
      };
      if (to) {
        await this.machines.of(o).transition(t, o, to, { action: `opportunity.progress_${to}`, mutate });
        if (o.origin === 'po') await this.support.statusChanged(t, o, from);
      } else {
        mutate(o);
        await t.em!.save(o);
        await this.audit.record(t, {
          action: 'opportunity.progress_updated',
          entityType: 'opportunity',
          entityId: o.id,
          partnerAccountId: o.partnerAccountId,
          after: { stage: dto.stage, progress_update_id: p.id },
        });
      }
      return { ...toProgressView(p), opportunity_status: o.status };
    });
  }

  // --- feedback (OPP-075) --------------------------------------------------------------------------------------

  async feedback(ctx: RequestContext, dto: FeedbackDto) {
    if (dto.opportunity_id) await this.ownOrFail(ctx, dto.opportunity_id);
    return this.tx.run(ctx, async (t) => {
      const f = t.em!.create(OpportunityFeedback, {
        partnerAccountId: t.partnerAccountId,
        opportunityId: dto.opportunity_id ?? null,
        score: dto.score,
        comment: dto.comment?.trim() || null,
        createdBy: t.actorId,
        createdAt: t.now(),
      });
      await t.em!.save(f);
      return {
        id: f.id,
        partner_account_id: f.partnerAccountId,
        opportunity_id: f.opportunityId,
        score: f.score,
        comment: f.comment,
        created_at: f.createdAt.toISOString(),
      };
    });
  }

  // --- reads (OPP-070) -----------------------------------------------------------------------------------------

  /** `opportunity.po.view` lists POs, `opportunity.ho.view` HOs (api.md: by origin). */
  async list(ctx: RequestContext, q: ListOpportunitiesQuery): Promise<Page<OpportunityView>> {
    const origins = this.viewableOrigins(ctx, q.origin);
    const where: FindOptionsWhere<Opportunity> = {
      partnerAccountId: ctx.partnerAccountId,
      origin: In(origins),
      ...(q.status ? { status: q.status as OpportunityStatus } : {}),
    };
    const scope = await this.scope.scopeFor(ctx);
    if (!scope.all) where.customerAccountId = In(scope.customerIds);
    const [rows, total] = await this.dataSource.getRepository(Opportunity).findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: q.offset ?? 0,
      take: q.limit ?? 10,
    });
    return { total_count: total, items: rows.map(toView) };
  }

  async get(ctx: RequestContext, id: string): Promise<OpportunityView> {
    const o = await this.ownOrFail(ctx, id);
    this.viewableOrigins(ctx, o.origin);
    const updates = await this.dataSource
      .getRepository(ProgressUpdate)
      .find({ where: { opportunityId: o.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    return { ...toView(o), progress_updates: updates.map(toProgressView) };
  }

  // --- internals -----------------------------------------------------------------------------------------------

  private viewableOrigins(ctx: RequestContext, wanted?: 'po' | 'ho'): Array<'po' | 'ho'> {
    const can = (o: 'po' | 'ho') =>
      ctx.hasPermission(o === 'po' ? OpportunityPermissions.PoView : OpportunityPermissions.HoView);
    const list = (wanted ? [wanted] : (['po', 'ho'] as const)).filter(can);
    if (!list.length) {
      throw new DomainError('ORG_PERMISSION_DENIED', undefined, {
        permission: wanted === 'ho' ? OpportunityPermissions.HoView : OpportunityPermissions.PoView,
      });
    }
    return list;
  }

  private editable(o: Opportunity): boolean {
    return o.status === 'draft' || (o.status === 'review_rejected' && o.rejectReason !== 'duplicate');
  }

  private async assertPce(ctx: RequestContext): Promise<void> {
    if (!(await this.pce.isActive(ctx.partnerAccountId))) throw OpportunityErrors.fail('OPP_PCE_NOT_JOINED');
  }

  /** OPP-070: another partner's opportunity, or one outside a customer manager's scope, is absent. */
  async ownOrFail(ctx: RequestContext, id: string): Promise<Opportunity> {
    const o = await this.support
      .manager(ctx)
      .findOne(Opportunity, { where: { id, partnerAccountId: ctx.partnerAccountId } });
    if (!o || !(await this.inScope(ctx, o))) throw OpportunityErrors.fail('OPP_NOT_FOUND');
    return o;
  }

  private async ownForUpdate(t: RequestContext, id: string): Promise<Opportunity> {
    const o = await findOneForUpdate(t.em!, Opportunity, { id, partnerAccountId: t.partnerAccountId });
    if (!o || !(await this.inScope(t, o))) throw OpportunityErrors.fail('OPP_NOT_FOUND');
    return o;
  }

  private async inScope(ctx: RequestContext, o: Opportunity): Promise<boolean> {
    const scope = await this.scope.scopeFor(ctx);
    return scope.all || (!!o.customerAccountId && scope.customerIds.includes(o.customerAccountId));
  }

  /** OPP-016: only the partner's own offerings. */
  private async checkOfferings(partnerAccountId: string, ids: readonly string[]): Promise<void> {
    if (!ids.length) return;
    const own = new Set((await this.offerings.offeringsOf(partnerAccountId)).map((o) => o.offeringId));
    const foreign = ids.find((id) => !own.has(id));
    if (foreign) {
      throw OpportunityErrors.fail(
        'OPP_OFFERING_NOT_OWNED',
        `Offering ${foreign} does not belong to this partner`,
        {
          offering_id: foreign,
        },
      );
    }
  }

  private async applyFields(
    ctx: RequestContext,
    o: Opportunity,
    dto: OpportunityFieldsDto & { origin?: string },
  ) {
    if (dto.origin !== undefined && dto.origin !== o.origin)
      throw OpportunityErrors.fail('OPP_ORIGIN_IMMUTABLE');
    const str = (v: string | null | undefined, cur: string | null) =>
      v === undefined ? cur : v === null ? null : v.trim() || null;
    o.customerName = str(dto.customer_name, o.customerName);
    o.customerNameNormalized = o.customerName ? normalizeCustomerName(o.customerName) : null;
    o.customerAccountId = str(dto.customer_account_id, o.customerAccountId);
    o.customerContactName = str(dto.customer_contact_name, o.customerContactName);
    o.customerContactPhone = str(dto.customer_contact_phone, o.customerContactPhone);
    o.province = str(dto.province, o.province);
    o.city = str(dto.city, o.city);
    o.industry = str(dto.industry, o.industry);
    if (dto.budget_amount !== undefined)
      o.budgetAmount = dto.budget_amount === null ? null : new Decimal(dto.budget_amount);
    if (dto.incremental_revenue !== undefined)
      o.incrementalRevenue = dto.incremental_revenue === null ? null : new Decimal(dto.incremental_revenue);
    if (dto.expected_purchase_date !== undefined) o.expectedPurchaseDate = dto.expected_purchase_date;
    if (dto.description !== undefined) o.description = dto.description;
    if (dto.customer_consent_confirmed !== undefined)
      o.customerConsentConfirmed = dto.customer_consent_confirmed;
    if (dto.partner_contact_user_id !== undefined)
      o.partnerContactUserId = dto.partner_contact_user_id ?? ctx.partnerAccountId;
    if (dto.offering_ids !== undefined) {
      await this.checkOfferings(o.partnerAccountId, dto.offering_ids);
      o.offeringIds = [...dto.offering_ids];
    }
    const own = await this.offerings.offeringsOf(o.partnerAccountId);
    o.countsForAssessment = countsForAssessment(own.filter((x) => o.offeringIds.includes(x.offeringId)));
  }
}
