/**
 * What every opportunity service shares: the response mapping, partner-contact and reviewer lookups for
 * notifications (OPP-051, OPP-065, PSM fan-out, dispatcher queue), rep-office lookups and the reviewer
 * least-privilege visibility rule (OPP-071).
 */
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type FindOptionsWhere, In, IsNull, Not } from 'typeorm';
import { REVIEWER_PRINCIPALS, type ReviewerPrincipalResolver } from '../../../../libs/auth/index.js';
import { Clock } from '../../../../libs/clock/index.js';
import { RequestContext } from '../../../../libs/context/index.js';
import { formatMoney } from '../../../../libs/money/index.js';
import { NotificationService, type OutgoingMessage } from '../../../../libs/notify/index.js';
import { PartnerAccountService } from '../../info/index.js';
import { OrgMemberService } from '../../org/index.js';
import { ACTIVE_PO_STATES } from '../domain/opportunity-state-machines.js';
import { type Opportunity, type ProgressUpdate, RepOffice } from '../entities/opportunity.entities.js';

/** In-app inbox of the PDMs flagged `pce_dispatcher` (dispatcher queue, OPP-020). */
export const DISPATCHER_INBOX = 'reviewers:pce_dispatcher';
export const DISPATCHER_FLAG = 'pce_dispatcher';

/** OPP-035: shown with every PO so the partner confirms the customer's full name before submitting. */
export const CUSTOMER_NAME_HINT =
  "Confirm the customer's full legal name (客户全称) with your PDM before submitting: duplicates are detected on the normalised full name only.";

export interface OpportunityView {
  id: string;
  origin: string;
  partner_account_id: string;
  status: string;
  customer_name: string | null;
  customer_name_normalized: string | null;
  customer_name_hint?: string;
  customer_account_id: string | null;
  customer_contact_name: string | null;
  customer_contact_phone: string | null;
  province: string | null;
  city: string | null;
  industry: string | null;
  budget_amount: string | null;
  incremental_revenue: string | null;
  currency: 'CNY';
  expected_purchase_date: string | null;
  description: string | null;
  offering_ids: string[];
  counts_for_assessment: boolean;
  priority_support: boolean;
  customer_consent_confirmed: boolean;
  partner_contact_user_id: string | null;
  assigned_pdm_id: string | null;
  rep_office_id: string | null;
  handled_by_psm_id: string | null;
  bd_id: string | null;
  shared_by: string | null;
  submitted_at: string | null;
  review_approved_at: string | null;
  verification_deadline: string | null;
  verified_at: string | null;
  crm_opportunity_id: string | null;
  crm_created_at: string | null;
  shared_at: string | null;
  acceptance_deadline: string | null;
  reject_reason: string | null;
  reject_comment: string | null;
  duplicate_of_id: string | null;
  close_reason: string | null;
  last_progress_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  warnings?: string[];
  progress_updates?: ProgressUpdateView[];
}

export interface ProgressUpdateView {
  id: string;
  opportunity_id: string;
  stage: string;
  note: string;
  next_step_date: string | null;
  created_by: string;
  created_at: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toView(o: Opportunity): OpportunityView {
  return {
    id: o.id,
    origin: o.origin,
    partner_account_id: o.partnerAccountId,
    status: o.status,
    customer_name: o.customerName,
    customer_name_normalized: o.customerNameNormalized,
    ...(o.origin === 'po' ? { customer_name_hint: CUSTOMER_NAME_HINT } : {}),
    customer_account_id: o.customerAccountId,
    customer_contact_name: o.customerContactName,
    customer_contact_phone: o.customerContactPhone,
    province: o.province,
    city: o.city,
    industry: o.industry,
    budget_amount: o.budgetAmount ? formatMoney(o.budgetAmount) : null,
    incremental_revenue: o.incrementalRevenue ? formatMoney(o.incrementalRevenue) : null,
    currency: 'CNY',
    expected_purchase_date: o.expectedPurchaseDate,
    description: o.description,
    offering_ids: o.offeringIds ?? [],
    counts_for_assessment: o.countsForAssessment,
    priority_support: (o.offeringIds ?? []).length > 0,
    customer_consent_confirmed: o.customerConsentConfirmed,
    partner_contact_user_id: o.partnerContactUserId,
    assigned_pdm_id: o.assignedPdmId,
    rep_office_id: o.repOfficeId,
    handled_by_psm_id: o.handledByPsmId,
    bd_id: o.bdId,
    shared_by: o.sharedBy,
    submitted_at: iso(o.submittedAt),
    review_approved_at: iso(o.reviewApprovedAt),
    verification_deadline: iso(o.verificationDeadline),
    verified_at: iso(o.verifiedAt),
    crm_opportunity_id: o.crmOpportunityId,
    crm_created_at: iso(o.crmCreatedAt),
    shared_at: iso(o.sharedAt),
    acceptance_deadline: iso(o.acceptanceDeadline),
    reject_reason: o.rejectReason,
    reject_comment: o.rejectComment,
    duplicate_of_id: o.duplicateOfId,
    close_reason: o.closeReason,
    last_progress_at: iso(o.lastProgressAt),
    created_at: o.createdAt.toISOString(),
    updated_at: o.updatedAt.toISOString(),
    version: o.version,
  };
}

export function toProgressView(p: ProgressUpdate): ProgressUpdateView {
  return {
    id: p.id,
    opportunity_id: p.opportunityId,
    stage: p.stage,
    note: p.note,
    next_step_date: p.nextStepDate,
    created_by: p.createdBy,
    created_at: p.createdAt.toISOString(),
  };
}

@Injectable()
export class OpportunitySupport {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationService,
    private readonly accounts: PartnerAccountService,
    private readonly members: OrgMemberService,
    @Inject(REVIEWER_PRINCIPALS) private readonly reviewers: ReviewerPrincipalResolver,
    private readonly clock: Clock,
  ) {}

  manager(ctx: RequestContext): EntityManager {
    return ctx.em ?? this.dataSource.manager;
  }

  /** The rep office owning a province (OPP-020), or null. */
  async repOfficeForProvince(em: EntityManager, province: string | null): Promise<RepOffice | null> {
    if (!province) return null;
    const all = await em.find(RepOffice, { order: { code: 'ASC' } });
    return all.find((r) => r.provinces.includes(province)) ?? null;
  }

  async repOffice(em: EntityManager, id: string | null): Promise<RepOffice | null> {
    return id ? em.findOne(RepOffice, { where: { id } }) : null;
  }

  async reviewerRoles(reviewerId: string): Promise<{ roles: readonly string[]; email: string } | null> {
    const r = await this.reviewers.resolve(reviewerId);
    return r ? { roles: r.roles, email: r.email } : null;
  }

  /** The partner contact's mobile (SMS), falling back to the partner admin's mobile, then to the user id. */
  async contactMobile(o: Opportunity): Promise<string> {
    const contact = o.partnerContactUserId ?? o.partnerAccountId;
    const account = await this.accounts.findById(o.partnerAccountId);
    if (contact !== o.partnerAccountId && account) {
      try {
        const ctx = RequestContext.create({
          clock: this.clock,
          actor: {
            kind: 'partner',
            partnerAccountId: o.partnerAccountId,
            memberId: null,
            site: account.site,
            tokenId: null,
          },
        });
        const m = await this.members.get(ctx, contact);
        if (m.mobile) return m.mobile;
      } catch {
        // not a member of the account (any more): the partner admin is the contact
      }
    }
    return account?.mobile ?? account?.businessMobile ?? contact;
  }

  /** OPP-051 / OPP-065: SMS to the partner contact (and the same text in-app for the partner). */
  async notifyPartner(
    t: RequestContext,
    o: Opportunity,
    template: string,
    subject: string,
    body: string,
    params: Record<string, unknown> = {},
  ): Promise<void> {
    const mobile = await this.contactMobile(o);
    const common = {
      partnerAccountId: o.partnerAccountId,
      template,
      subject,
      body,
      params: { opportunity_id: o.id, origin: o.origin, status: o.status, ...params },
    };
    await this.notifications.enqueue(t, [
      { ...common, channel: 'sms', recipient: mobile },
      { ...common, channel: 'in_app', recipient: o.partnerAccountId },
    ]);
  }

  /** OPP-051: every PO status change. */
  async statusChanged(t: RequestContext, o: Opportunity, from: string): Promise<void> {
    await this.notifyPartner(
      t,
      o,
      'opportunity.status_changed',
      'Opportunity status changed',
      `Your opportunity for ${o.customerName ?? '-'} is now ${o.status}${o.rejectReason && o.status.endsWith('rejected') ? ` (reason: ${o.rejectReason})` : ''}.`,
      { from },
    );
  }

  /** In-app (and e-mail where the reviewer is known) to reviewers by id. */
  async notifyReviewers(
    t: RequestContext,
    reviewerIds: readonly string[],
    msg: { template: string; subject: string; body: string; params?: Record<string, unknown> },
    channels: ReadonlyArray<'in_app' | 'email'> = ['in_app'],
    partnerAccountId: string | null = null,
  ): Promise<void> {
    const out: OutgoingMessage[] = [];
    for (const id of [...new Set(reviewerIds)]) {
      if (channels.includes('in_app'))
        out.push({ ...msg, channel: 'in_app', recipient: id, partnerAccountId });
      if (channels.includes('email')) {
        const r = await this.reviewerRoles(id);
        if (r?.email) out.push({ ...msg, channel: 'email', recipient: r.email, partnerAccountId });
      }
    }
    await this.notifications.enqueue(t, out);
  }

  async notifyInbox(
    t: RequestContext,
    inbox: string,
    msg: { template: string; subject: string; body: string; params?: Record<string, unknown> },
  ): Promise<void> {
    await this.notifications.enqueue(t, [{ ...msg, channel: 'in_app', recipient: inbox }]);
  }

  /**
   * OPP-071 reviewer least privilege: `admin` sees all; a PDM the POs assigned to him or routed to his rep
   * office and the HOs he shared; a dispatcher (PDM flagged `pce_dispatcher`) the unassigned queue; a PSM the
   * approved POs of his rep office; a BD what is assigned to or shared by him and the approved POs of his rep
   * office; every other role (finance, operations …) nothing.
   */
  canSee(ctx: RequestContext, o: Opportunity, office: RepOffice | null): boolean {
    const a = ctx.actor;
    if (a.kind !== 'reviewer') return false;
    if (a.roles.includes('admin')) return true;
    const me = a.reviewerId;
    const approved = o.origin === 'po' && !['draft', 'pending_review', 'review_rejected'].includes(o.status);
    if (a.roles.includes('pdm')) {
      if (o.assignedPdmId === me || o.sharedBy === me) return true;
      if (office?.pdmIds.includes(me) && o.status !== 'draft') return true;
      if (a.flags.includes(DISPATCHER_FLAG) && o.origin === 'po' && isQueued(o)) return true;
    }
    if (a.roles.includes('psm') && approved && (office?.psmIds.includes(me) || o.handledByPsmId === me))
      return true;
    if (a.roles.includes('bd')) {
      if (o.bdId === me || o.sharedBy === me) return true;
      if (approved && office?.bdIds.includes(me)) return true;
    }
    return false;
  }

  /**
   * OPP-071 for lists, as OR-ed query conditions: the same rule as `canSee` (keep the two in step), so a
   * reviewer list filters and pages in SQL. `'all'` for `admin`; `[]` when the role sees nothing.
   */
  visibleWhere(ctx: RequestContext, offices: readonly RepOffice[]): FindOptionsWhere<Opportunity>[] | 'all' {
    const a = ctx.actor;
    if (a.kind !== 'reviewer') return [];
    if (a.roles.includes('admin')) return 'all';
    const me = a.reviewerId;
    const officesOf = (pick: (r: RepOffice) => readonly string[]) =>
      offices.filter((r) => pick(r).includes(me)).map((r) => r.id);
    const approved = {
      origin: 'po' as const,
      status: Not(In(['draft', 'pending_review', 'review_rejected'])),
    };
    const out: FindOptionsWhere<Opportunity>[] = [];
    const inOffices = (ids: string[], extra: FindOptionsWhere<Opportunity>) => {
      if (ids.length) out.push({ ...extra, repOfficeId: In(ids) });
    };
    if (a.roles.includes('pdm')) {
      out.push({ assignedPdmId: me }, { sharedBy: me });
      inOffices(
        officesOf((r) => r.pdmIds),
        { status: Not('draft') },
      );
      if (a.flags.includes(DISPATCHER_FLAG))
        out.push({ origin: 'po', status: 'pending_review', assignedPdmId: IsNull() });
    }
    if (a.roles.includes('psm')) {
      out.push({ ...approved, handledByPsmId: me });
      inOffices(
        officesOf((r) => r.psmIds),
        approved,
      );
    }
    if (a.roles.includes('bd')) {
      out.push({ bdId: me }, { sharedBy: me });
      inOffices(
        officesOf((r) => r.bdIds),
        approved,
      );
    }
    return out;
  }
}

/** OPP-020: a submitted PO nobody was matched to (dispatcher queue). */
export function isQueued(o: Opportunity): boolean {
  return o.status === 'pending_review' && o.assignedPdmId === null;
}

export function isActiveForDuplicates(o: Opportunity): boolean {
  return o.origin === 'po'
    ? ACTIVE_PO_STATES.includes(o.status)
    : ['pending_acceptance', 'accepted', 'in_progress'].includes(o.status);
}
