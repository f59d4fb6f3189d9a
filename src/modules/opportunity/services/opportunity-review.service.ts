/**
 * The Huawei side of opportunities (opportunity.md): PDM review (OPP-020…OPP-024), dispatcher assignment,
 * PSM/BD verification with the 10-working-day SLA and CRM creation (OPP-040…OPP-043), BD cancellation, HO
 * sharing (OPP-034, OPP-060, OPP-062, OPP-065), HO withdrawal (OPP-064), origin immutability (OPP-010),
 * candidate ranking (OPP-061), rep offices and reviewer reads with least privilege and audit (OPP-071,
 * OPP-072). The same methods serve `/api/v1/admin/…` and the admin panel's record actions.
 */
import { Inject, Injectable } from '@nestjs/common';
import { Brackets, DataSource, IsNull, Not } from 'typeorm';
import { AuditService } from '../../../../libs/audit/index.js';
import { WorkingDayCalendar } from '../../../../libs/calendar/index.js';
import type { RequestContext, ReviewerRole } from '../../../../libs/context/index.js';
import { DomainError } from '../../../../libs/errors/index.js';
import type { Page } from '../../../../libs/http/index.js';
import { Decimal } from '../../../../libs/money/index.js';
import { TransactionRunner, findOneForUpdate } from '../../../../libs/persistence/index.js';
import { MEMBERSHIP_READER, type MembershipReader } from '../../certification/index.js';
import { normalizeCustomerName } from '../domain/duplicate-key.js';
import { PO_MACHINE } from '../domain/opportunity-state-machines.js';
import { countsForAssessment } from '../domain/po-rules.js';
import {
  type AdminListOpportunitiesQuery,
  type AdminPatchOpportunityDto,
  type AssignDto,
  type RepOfficeDto,
  REVIEW_REJECT_REASONS,
  type ReviewDecisionDto,
  type ShareHoDto,
  type VerifyDecisionDto,
} from '../dto/opportunity.dto.js';
import {
  Opportunity,
  type OpportunityStatus,
  type RejectReason,
  RepOffice,
} from '../entities/opportunity.entities.js';
import { OpportunityErrors } from '../opportunity.errors.js';
import { CRM_GATEWAY, type CrmGateway } from '../ports/crm.port.js';
import { OfferingDirectory } from '../ports/offerings.port.js';
import { DuplicateGuard } from './duplicate-guard.js';
import { OpportunityMachines } from './opportunity-machines.js';
import { DISPATCHER_FLAG, OpportunitySupport, type OpportunityView, toView } from './opportunity-support.js';
import { PceEnrollmentService } from './pce-enrollment.service.js';

/** Roles of the reviewer endpoints (GLOSSARY convention 1; opportunity.md "Permissions"). */
export const REVIEW_ROLES: readonly ReviewerRole[] = ['pdm'];
export const VERIFY_ROLES: readonly ReviewerRole[] = ['psm', 'bd'];
export const SHARE_ROLES: readonly ReviewerRole[] = ['pdm', 'bd'];
export const WITHDRAW_ROLES: readonly ReviewerRole[] = ['pdm', 'bd'];
export const CANCEL_ROLES: readonly ReviewerRole[] = ['bd'];
export const WHITELIST_ROLES: readonly ReviewerRole[] = ['pdm'];
export const REP_OFFICE_ROLES: readonly ReviewerRole[] = ['operations'];
/** reads: every role may ask, least privilege decides what it sees (OPP-071) */
export const READ_ROLES: readonly ReviewerRole[] = [
  'pdm',
  'psa',
  'tse',
  'expert',
  'psm',
  'bd',
  'operations',
  'finance',
];

export const VERIFICATION_SLA_WORKING_DAYS = 10;
export const HO_ACCEPTANCE_WORKING_DAYS = 3;

@Injectable()
export class OpportunityReviewService {
  private readonly machines: OpportunityMachines;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly support: OpportunitySupport,
    private readonly duplicates: DuplicateGuard,
    private readonly pce: PceEnrollmentService,
    private readonly offerings: OfferingDirectory,
    @Inject(MEMBERSHIP_READER) private readonly memberships: MembershipReader,
    @Inject(CRM_GATEWAY) private readonly crm: CrmGateway,
    private readonly calendar: WorkingDayCalendar,
    private readonly audit: AuditService,
  ) {
    this.machines = new OpportunityMachines(audit);
  }

  // --- reads ---------------------------------------------------------------------------------------------------

  /** OPP-071 + OPP-072: visible or 404; every detail read by a reviewer is audited. */
  async get(ctx: RequestContext, id: string): Promise<OpportunityView> {
    return this.tx.run(ctx, async (t) => {
      const o = await this.visibleForUpdate(t, id);
      await this.audit.record(t, {
        action: 'opportunity.read_by_reviewer',
        entityType: 'opportunity',
        entityId: o.id,
        partnerAccountId: o.partnerAccountId,
      });
      return toView(o);
    });
  }

  /** OPP-071: visibility, filters and the page are one query (`OpportunitySupport.visibleWhere`). */
  async list(ctx: RequestContext, q: AdminListOpportunitiesQuery): Promise<Page<OpportunityView>> {
    const offices = await this.dataSource.getRepository(RepOffice).find();
    const visible = this.support.visibleWhere(ctx, offices);
    if (visible !== 'all' && !visible.length) return { total_count: 0, items: [] };
    const qb = this.dataSource.getRepository(Opportunity).createQueryBuilder('o');
    if (q.origin) qb.andWhere({ origin: q.origin });
    if (q.status) qb.andWhere({ status: q.status as OpportunityStatus });
    if (q.queue === 'true') qb.andWhere({ status: 'pending_review', assignedPdmId: IsNull() });
    if (visible !== 'all') qb.andWhere(new Brackets((b) => visible.forEach((w) => b.orWhere(w))));
    const [rows, total] = await qb
      .orderBy('o.createdAt', 'DESC')
      .addOrderBy('o.id', 'ASC')
      .offset(q.offset ?? 0)
      .limit(q.limit ?? 10)
      .getManyAndCount();
    return { total_count: total, items: rows.map(toView) };
  }

  // --- PDM review ----------------------------------------------------------------------------------------------

  async review(ctx: RequestContext, id: string, dto: ReviewDecisionDto): Promise<OpportunityView> {
    const reason = this.rejectReason(dto.decision === 'reject', dto.reason);
    return this.tx.run(ctx, async (t) => {
      // OPP-033: the duplicate key before the PO row (lock order, DuplicateGuard)
      if (dto.decision !== 'reject') await this.duplicates.lockKeyOf(t, id);
      const { o, office } = await this.visibleWithOffice(t, id);
      if (o.origin !== 'po' || o.status !== 'pending_review')
        throw OpportunityErrors.fail('OPP_INVALID_STATE');
      this.assertReviewer(t, o, office?.pdmIds ?? []);
      const from = o.status;
      if (dto.decision === 'reject') {
        await this.machines.po.transition(t, o, 'review_rejected', {
          action: 'opportunity.review_rejected',
          mutate: (x) => {
            x.rejectReason = reason;
            x.rejectComment = dto.comment?.trim() || null;
            x.duplicateOfId = reason === 'duplicate' ? (dto.duplicate_of_id ?? null) : null;
            x.updatedAt = t.now();
          },
          eventPayload: { reason },
        });
      } else {
        const now = t.now();
        const overridden = await this.duplicates.assertNoDuplicate(t, o, now, dto, true);
        await this.machines.po.transition(t, o, 'pending_verification', {
          action: 'opportunity.review_approved',
          mutate: (x) => {
            x.reviewApprovedAt = now;
            x.verificationDeadline = this.calendar.workingDayDeadline(now, VERIFICATION_SLA_WORKING_DAYS);
            x.assignedPdmId = x.assignedPdmId ?? t.reviewerId;
            x.updatedAt = now;
          },
          eventPayload: overridden ? { not_duplicate_of: overridden, justification: dto.justification } : {},
        });
        // OPP-040: every PSM of the rep office at the same time (in-app + e-mail)
        if (office?.psmIds.length) {
          await this.support.notifyReviewers(
            t,
            office.psmIds,
            {
              template: 'opportunity.verification_requested',
              subject: 'PO to verify',
              body: `A PO for ${o.customerName} was approved; verify it by ${o.verificationDeadline!.toISOString()}.`,
              params: { opportunity_id: o.id, verification_deadline: o.verificationDeadline!.toISOString() },
            },
            ['in_app', 'email'],
            o.partnerAccountId,
          );
        }
      }
      await this.support.statusChanged(t, o, from);
      return toView(o);
    });
  }

  /** OPP-020: the dispatcher (PDM flagged `pce_dispatcher`) assigns a PDM to a PO. */
  async assign(ctx: RequestContext, id: string, dto: AssignDto): Promise<OpportunityView> {
    const a = ctx.actor;
    const dispatcher =
      a.kind === 'reviewer' && (a.roles.includes('admin') || a.flags.includes(DISPATCHER_FLAG));
    return this.tx.run(ctx, async (t) => {
      const { o } = await this.visibleWithOffice(t, id);
      if (!dispatcher) throw new DomainError('ORG_PERMISSION_DENIED');
      if (o.origin !== 'po' || o.status !== 'pending_review')
        throw OpportunityErrors.fail('OPP_INVALID_STATE');
      const assignee = await this.support.reviewerRoles(dto.assignee_id);
      if (!assignee?.roles.includes('pdm')) throw OpportunityErrors.fail('OPP_INVALID_ASSIGNEE');
      let officeId = o.repOfficeId;
      if (dto.rep_office_id) {
        const office = await t.em!.findOne(RepOffice, {
          where: [{ id: dto.rep_office_id }, { code: dto.rep_office_id }],
        });
        if (!office)
          throw OpportunityErrors.fail('OPP_REP_OFFICE_INVALID', undefined, { field: 'rep_office_id' });
        officeId = office.id;
      }
      const before = PO_MACHINE.snapshot!(o);
      o.assignedPdmId = dto.assignee_id;
      o.repOfficeId = officeId;
      o.updatedAt = t.now();
      await t.em!.save(o);
      await this.audit.record(t, {
        action: 'opportunity.assigned',
        entityType: 'opportunity',
        entityId: o.id,
        partnerAccountId: o.partnerAccountId,
        before,
        after: PO_MACHINE.snapshot!(o),
      });
      await this.support.notifyReviewers(t, [dto.assignee_id], {
        template: 'opportunity.review_requested',
        subject: 'PO assigned to you',
        body: `A PO for ${o.customerName} was assigned to you for review.`,
        params: { opportunity_id: o.id },
      });
      return toView(o);
    });
  }

  // --- verification --------------------------------------------------------------------------------------------

  async verify(ctx: RequestContext, id: string, dto: VerifyDecisionDto): Promise<OpportunityView> {
    const reason = this.rejectReason(dto.decision === 'reject', dto.reason);
    return this.tx.run(ctx, async (t) => {
      // OPP-033: the duplicate key before the PO row (lock order, DuplicateGuard)
      if (dto.decision !== 'reject') await this.duplicates.lockKeyOf(t, id);
      const { o, office } = await this.visibleWithOffice(t, id);
      if (o.origin !== 'po') throw OpportunityErrors.fail('OPP_INVALID_STATE');
      const now = t.now();
      // OPP-041: evaluated at request time, whether or not the SLA job ran
      const expired =
        (o.status === 'verification_rejected' && o.rejectReason === 'sla_expired') ||
        (o.status === 'pending_verification' && now > o.verificationDeadline!);
      if (expired) throw OpportunityErrors.fail('OPP_VERIFICATION_EXPIRED');
      // OPP-040: the first committed decision wins
      if (
        ['verified', 'verification_rejected', 'in_progress', 'delivered', 'lost', 'cancelled'].includes(
          o.status,
        )
      )
        throw OpportunityErrors.fail('OPP_ALREADY_PROCESSED');
      if (o.status !== 'pending_verification') throw OpportunityErrors.fail('OPP_INVALID_STATE');
      if (dto.expected_version !== undefined && dto.expected_version !== o.version)
        throw OpportunityErrors.fail('OPP_ALREADY_PROCESSED');
      this.assertVerifier(t, o, office);
      const me = t.reviewerId;
      const isBd = t.actor.kind === 'reviewer' && t.actor.roles.includes('bd');
      const from = o.status;
      if (dto.decision === 'reject') {
        await this.machines.po.transition(t, o, 'verification_rejected', {
          action: 'opportunity.verification_rejected',
          mutate: (x) => {
            x.rejectReason = reason;
            x.rejectComment = dto.comment?.trim() || null;
            x.duplicateOfId = reason === 'duplicate' ? (dto.duplicate_of_id ?? null) : null;
            if (isBd) x.bdId = me;
            else x.handledByPsmId = me;
            x.updatedAt = now;
          },
          eventPayload: { reason },
        });
      } else {
        const overridden = await this.duplicates.assertNoDuplicate(t, o, o.reviewApprovedAt!, dto);
        // OPP-042: verified = accepted by the BD into CRM
        const crm = await this.crm.createOpportunity({
          opportunityId: o.id,
          partnerAccountId: o.partnerAccountId,
          customerName: o.customerName ?? '',
          customerAccountId: o.customerAccountId,
          bdId: isBd ? me : o.bdId,
        });
        await this.machines.po.transition(t, o, 'verified', {
          action: 'opportunity.verified',
          mutate: (x) => {
            x.verifiedAt = now;
            x.crmOpportunityId = crm.crmOpportunityId;
            x.crmCreatedAt = now;
            if (isBd) x.bdId = me;
            else x.handledByPsmId = me;
            x.updatedAt = now;
          },
          eventPayload: overridden ? { not_duplicate_of: overridden, justification: dto.justification } : {},
        });
      }
      await this.support.statusChanged(t, o, from);
      return toView(o);
    });
  }

  /** OPP-043: after BD acceptance only the BD cancels (in CRM); other reviewers → 403 ORG_PERMISSION_DENIED. */
  async cancel(ctx: RequestContext, id: string, reason: string | undefined): Promise<OpportunityView> {
    return this.tx.run(ctx, async (t) => {
      const { o } = await this.visibleWithOffice(t, id);
      if (!t.hasReviewerRole(...CANCEL_ROLES)) throw new DomainError('ORG_PERMISSION_DENIED');
      const ok = o.origin === 'po' ? ['verified', 'in_progress'] : ['accepted', 'in_progress'];
      if (!ok.includes(o.status)) throw OpportunityErrors.fail('OPP_INVALID_STATE');
      await this.close(t, o, 'cancelled', 'cancelled_in_crm', reason);
      return toView(o);
    });
  }

  /** Terminal moves shared by BD cancellation and CRM events. */
  async close(
    t: RequestContext,
    o: Opportunity,
    to: 'cancelled' | 'delivered' | 'lost',
    closeReason: Opportunity['closeReason'],
    comment?: string,
  ): Promise<void> {
    const from = o.status;
    await this.machines.of(o).transition(t, o, to, {
      action: `opportunity.${to}`,
      mutate: (x) => {
        x.closeReason = closeReason;
        x.closedAt = t.now();
        x.updatedAt = t.now();
        if (comment?.trim()) x.rejectComment = comment.trim();
      },
      eventPayload: { close_reason: closeReason },
    });
    if (o.origin === 'po') await this.support.statusChanged(t, o, from);
    else
      await this.support.notifyPartner(
        t,
        o,
        'opportunity.status_changed',
        'HO status changed',
        `The HO for ${o.customerName} is now ${o.status}.`,
        { from },
      );
  }

  // --- HO ------------------------------------------------------------------------------------------------------

  /** OPP-060 (eligibility), OPP-034 (duplicates), OPP-062 (deadline), OPP-065 (SMS). */
  async shareHo(ctx: RequestContext, dto: ShareHoDto): Promise<OpportunityView> {
    const pid = dto.partner_account_id;
    await this.assertHoEligible(pid);
    const crmCreatedAt = new Date(dto.crm_created_at);
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const now = t.now();
      const sharer = t.reviewerId ?? 'crm';
      const isBd = t.actor.kind === 'reviewer' && t.actor.roles.includes('bd');
      const o = em.create(Opportunity, {
        origin: 'ho',
        partnerAccountId: pid,
        status: 'pending_acceptance',
        customerName: dto.customer_name.trim(),
        customerNameNormalized: normalizeCustomerName(dto.customer_name),
        customerAccountId: dto.customer_account_id ?? null,
        customerContactName: dto.customer_contact_name ?? null,
        customerContactPhone: dto.customer_contact_phone ?? null,
        province: dto.province ?? null,
        city: dto.city ?? null,
        industry: dto.industry ?? null,
        budgetAmount: dto.budget_amount ? new Decimal(dto.budget_amount) : null,
        expectedPurchaseDate: dto.expected_purchase_date ?? null,
        incrementalRevenue: null,
        description: dto.description ?? null,
        offeringIds: dto.offering_ids ?? [],
        countsForAssessment: false,
        customerConsentConfirmed: true,
        partnerContactUserId: dto.partner_contact_user_id ?? pid,
        createdBy: t.actorId,
        assignedPdmId: null,
        repOfficeId: null,
        handledByPsmId: null,
        bdId: dto.bd_id ?? (isBd ? sharer : null),
        sharedBy: sharer,
        submittedAt: null,
        reviewApprovedAt: null,
        verificationDeadline: null,
        verifiedAt: null,
        crmOpportunityId: dto.crm_opportunity_id,
        crmCreatedAt,
        sharedAt: now,
        acceptanceDeadline: this.calendar.workingDayDeadline(now, HO_ACCEPTANCE_WORKING_DAYS),
        respondedAt: null,
        rejectReason: null,
        rejectComment: null,
        duplicateOfId: null,
        closeReason: null,
        closedAt: null,
        lastProgressAt: null,
        progressRemindedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      o.id = globalThis.crypto.randomUUID();
      const own = await this.offerings.offeringsOf(pid);
      o.countsForAssessment = countsForAssessment(own.filter((x) => o.offeringIds.includes(x.offeringId)));
      const overridden = await this.duplicates.assertNoDuplicate(t, o, crmCreatedAt, dto);
      await this.machines.ho.create(t, o, {
        action: 'opportunity.ho_shared',
        eventPayload: overridden ? { not_duplicate_of: overridden, justification: dto.justification } : {},
      });
      await this.support.notifyPartner(
        t,
        o,
        'ho.shared',
        'Huawei shared an opportunity with you',
        `Huawei shared an opportunity for ${o.customerName}; accept or reject it by ${o.acceptanceDeadline!.toISOString()}.`,
        { acceptance_deadline: o.acceptanceDeadline!.toISOString() },
      );
      return toView(o);
    });
  }

  /** OPP-060: active PCE, role certification or capability differentiation on a path, ≥ 1 offering. */
  async hoEligibility(partnerAccountId: string): Promise<{ eligible: boolean; missing: string[] }> {
    const missing: string[] = [];
    if (!(await this.pce.isActive(partnerAccountId))) missing.push('pce_enrollment');
    const paths = await this.memberships.pathMemberships(partnerAccountId);
    if (!paths.some((p) => p.status === 'active' && p.stage !== 'joined')) missing.push('path_stage');
    if (!(await this.offerings.offeringsOf(partnerAccountId)).length) missing.push('offering');
    return { eligible: missing.length === 0, missing };
  }

  private async assertHoEligible(partnerAccountId: string): Promise<void> {
    const e = await this.hoEligibility(partnerAccountId);
    if (!e.eligible)
      throw OpportunityErrors.fail('OPP_HO_PARTNER_INELIGIBLE', undefined, { missing: e.missing });
  }

  /** OPP-064: a mistaken acceptance is withdrawn by the PDM or the BD; a partner is told to ask its PDM. */
  async withdraw(ctx: RequestContext, id: string, reason: string | undefined): Promise<OpportunityView> {
    if (ctx.actor.kind === 'partner') {
      throw new DomainError(
        'ORG_PERMISSION_DENIED',
        'Only your PDM can withdraw an accepted HO; ask your PDM.',
      );
    }
    if (!ctx.hasReviewerRole(...WITHDRAW_ROLES)) {
      throw new DomainError('REVIEWER_ROLE_REQUIRED', undefined, { required_roles: WITHDRAW_ROLES });
    }
    const text = (reason ?? '').trim();
    if (!text) throw OpportunityErrors.fail('OPP_REASON_REQUIRED', undefined, { field: 'reason' });
    return this.tx.run(ctx, async (t) => {
      const { o } = await this.visibleWithOffice(t, id);
      if (o.origin !== 'ho' || !['accepted', 'in_progress'].includes(o.status))
        throw OpportunityErrors.fail('OPP_INVALID_STATE');
      const from = o.status;
      await this.machines.ho.transition(t, o, 'withdrawn', {
        action: 'opportunity.ho_withdrawn',
        mutate: (x) => {
          x.closeReason = 'withdrawn';
          x.closedAt = t.now();
          x.rejectComment = text;
          x.updatedAt = t.now();
        },
        eventPayload: { reason: text },
      });
      await this.support.notifyPartner(
        t,
        o,
        'opportunity.status_changed',
        'HO withdrawn',
        `The HO for ${o.customerName} was withdrawn: ${text}`,
        { from },
      );
      return toView(o);
    });
  }

  /** OPP-010: `origin` never changes; the other reviewer-editable fields are industry and BD. */
  async patch(ctx: RequestContext, id: string, dto: AdminPatchOpportunityDto): Promise<OpportunityView> {
    return this.tx.run(ctx, async (t) => {
      const { o } = await this.visibleWithOffice(t, id);
      if (dto.origin !== undefined && dto.origin !== o.origin)
        throw OpportunityErrors.fail('OPP_ORIGIN_IMMUTABLE');
      const before = { industry: o.industry, bd_id: o.bdId };
      if (dto.industry !== undefined) o.industry = dto.industry;
      if (dto.bd_id !== undefined) o.bdId = dto.bd_id;
      o.updatedAt = t.now();
      await t.em!.save(o);
      await this.audit.record(t, {
        action: 'opportunity.patched',
        entityType: 'opportunity',
        entityId: o.id,
        partnerAccountId: o.partnerAccountId,
        before,
        after: { industry: o.industry, bd_id: o.bdId },
      });
      return toView(o);
    });
  }

  /** OPP-061 (advisory): offering match, successful POs, technical and cooperation scores. */
  async candidates(offeringIds: string[]) {
    const enrollments = await this.pce.activeEnrollments();
    const out = [];
    for (const e of enrollments) {
      const own = await this.offerings.offeringsOf(e.partnerAccountId);
      const match = offeringIds.length
        ? own.filter((o) => offeringIds.includes(o.offeringId)).length
        : own.length;
      const successful = await this.dataSource.getRepository(Opportunity).count({
        where: { partnerAccountId: e.partnerAccountId, origin: 'po', verifiedAt: Not(IsNull()) },
      });
      const eligibility = await this.hoEligibility(e.partnerAccountId);
      out.push({
        partner_account_id: e.partnerAccountId,
        eligible: eligibility.eligible,
        missing: eligibility.missing,
        offering_match: match,
        successful_po_count: successful,
        technical_score: e.technicalScore,
        cooperation_score: e.cooperationScore,
      });
    }
    out.sort(
      (a, b) =>
        b.offering_match - a.offering_match ||
        b.successful_po_count - a.successful_po_count ||
        b.technical_score - a.technical_score ||
        b.cooperation_score - a.cooperation_score ||
        (a.partner_account_id < b.partner_account_id ? -1 : 1),
    );
    return { total_count: out.length, items: out.map((c, i) => ({ rank: i + 1, ...c })) };
  }

  // --- rep offices ---------------------------------------------------------------------------------------------

  async upsertRepOffice(ctx: RequestContext, code: string, dto: RepOfficeDto) {
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      let r = await findOneForUpdate(em, RepOffice, { code });
      const before = r
        ? { provinces: r.provinces, pdm_ids: r.pdmIds, psm_ids: r.psmIds, bd_ids: r.bdIds }
        : null;
      if (!r) r = em.create(RepOffice, { code });
      r.name = dto.name;
      r.provinces = [...new Set(dto.provinces)];
      r.pdmIds = dto.pdm_ids ?? [];
      r.psmIds = dto.psm_ids ?? [];
      r.bdIds = dto.bd_ids ?? [];
      r.updatedAt = t.now();
      await em.save(r);
      await this.audit.record(t, {
        action: 'opportunity.rep_office_saved',
        entityType: 'rep_office',
        entityId: r.id,
        before,
        after: { provinces: r.provinces, pdm_ids: r.pdmIds, psm_ids: r.psmIds, bd_ids: r.bdIds },
      });
      return repOfficeView(r);
    });
  }

  async listRepOffices() {
    const rows = await this.dataSource.getRepository(RepOffice).find({ order: { code: 'ASC' } });
    return { total_count: rows.length, items: rows.map(repOfficeView) };
  }

  // --- internals -----------------------------------------------------------------------------------------------

  private rejectReason(rejecting: boolean, reason: string | undefined): RejectReason | null {
    if (!rejecting) return null;
    if (!reason || !(REVIEW_REJECT_REASONS as readonly string[]).includes(reason)) {
      throw OpportunityErrors.fail('OPP_REASON_REQUIRED', undefined, {
        field: 'reason',
        allowed: REVIEW_REJECT_REASONS,
      });
    }
    return reason as RejectReason;
  }

  /** PDM assigned to the PO or any PDM of its rep office (admin always); a dispatcher must assign first. */
  private assertReviewer(t: RequestContext, o: Opportunity, officePdms: readonly string[]): void {
    const a = t.actor;
    if (a.kind !== 'reviewer') throw new DomainError('ORG_PERMISSION_DENIED');
    if (a.roles.includes('admin')) return;
    if (a.roles.includes('pdm') && (o.assignedPdmId === a.reviewerId || officePdms.includes(a.reviewerId)))
      return;
    throw new DomainError(
      'ORG_PERMISSION_DENIED',
      'Only the PDM assigned to this PO (or of its rep office) can review it',
    );
  }

  private assertVerifier(t: RequestContext, o: Opportunity, office: RepOffice | null): void {
    const a = t.actor;
    if (a.kind !== 'reviewer') throw new DomainError('ORG_PERMISSION_DENIED');
    if (a.roles.includes('admin')) return;
    const me = a.reviewerId;
    if (a.roles.includes('psm') && office?.psmIds.includes(me)) return;
    if (a.roles.includes('bd') && (o.bdId === me || office?.bdIds.includes(me))) return;
    throw new DomainError(
      'ORG_PERMISSION_DENIED',
      'Only a PSM of the rep office or the BD can verify this PO',
    );
  }

  private async visibleWithOffice(
    t: RequestContext,
    id: string,
  ): Promise<{ o: Opportunity; office: RepOffice | null }> {
    const o = await findOneForUpdate(t.em!, Opportunity, { id });
    if (!o) throw OpportunityErrors.fail('OPP_NOT_FOUND');
    const office = await this.support.repOffice(t.em!, o.repOfficeId);
    if (!this.support.canSee(t, o, office)) throw OpportunityErrors.fail('OPP_NOT_FOUND');
    return { o, office };
  }

  private async visibleForUpdate(t: RequestContext, id: string): Promise<Opportunity> {
    return (await this.visibleWithOffice(t, id)).o;
  }
}

export function repOfficeView(r: RepOffice) {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    provinces: r.provinces,
    pdm_ids: r.pdmIds,
    psm_ids: r.psmIds,
    bd_ids: r.bdIds,
    updated_at: r.updatedAt.toISOString(),
  };
}
