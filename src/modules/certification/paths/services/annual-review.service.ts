/**
 * Annual review and renewal of the service / SI / LP partner certificates (certification-paths.md PATH-017,
 * J-PATH-2…J-PATH-5, Open points 8 and 9): December opening, reminder and deadline, the PDM's decision,
 * renewal or downgrade on 31 January, expiry from 1 February.
 */
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, LessThan } from 'typeorm';
import { AuditService } from '../../../../../libs/audit/index.js';
import { WorkingDayCalendar } from '../../../../../libs/calendar/index.js';
import type { RequestContext } from '../../../../../libs/context/index.js';
import { findOneForUpdate, TransactionRunner } from '../../../../../libs/persistence/index.js';
import { StateMachine } from '../../../../../libs/state-machine/index.js';
import { findOwnedOrFail } from '../../../../../libs/tenancy/index.js';
import { CertificationCollaborators } from '../../ports/collaborators.js';
import { nextJanuary31, plusOneYear } from '../domain/criteria.js';
import { ANNUAL_REVIEW_MACHINE } from '../domain/path-state-machines.js';
import {
  type AnnualReviewStatus,
  PathAnnualReview,
  PathCertificate,
  PathMembership,
} from '../entities/path.entities.js';
import { PathErrors } from '../paths.errors.js';
import { PathNotifier } from './path-contacts.js';
import { PathMembershipService } from './path-membership.service.js';
import { PathStageKeeper } from './path-stage-keeper.js';

const REVIEWED_PATHS = ['service', 'si', 'lp'] as const;
/** J-PATH-3: reminder this many natural days before the deadline (decision). */
const REMINDER_DAYS = 7;

export type ReviewDecision = 'passed' | 'downgraded' | 'failed';

export interface AnnualReviewView {
  id: string;
  membership_id: string;
  partner_account_id: string;
  certificate_id: string;
  cycle_year: number;
  status: AnnualReviewStatus;
  deadline: string;
  materials: Record<string, unknown> | null;
  submitted_at: string | null;
  reviewer_id: string | null;
  decided_at: string | null;
  decision_comment: string | null;
  applied_at: string | null;
}

@Injectable()
export class AnnualReviewService {
  private readonly machine: StateMachine<AnnualReviewStatus, PathAnnualReview>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    audit: AuditService,
    private readonly collaborators: CertificationCollaborators,
    @Inject(WorkingDayCalendar) private readonly calendar: WorkingDayCalendar,
    private readonly memberships: PathMembershipService,
    private readonly keeper: PathStageKeeper,
    private readonly notifier: PathNotifier,
  ) {
    this.machine = new StateMachine(ANNUAL_REVIEW_MACHINE, audit);
  }

  /**
   * J-PATH-2 (1 December): an `open` review for every active service/SI/LP membership at a certified stage
   * whose certificate ends on 31 January next year; in-app + e-mail + SMS with the deadline. Idempotent; does
   * nothing outside December.
   */
  async openReviews(ctx: RequestContext): Promise<Record<string, unknown>> {
    const today = this.calendar.localDate(ctx.now());
    const year = Number(today.slice(0, 4));
    if (today.slice(5, 7) !== '12') return { opened: 0, skipped: 'reviews open in December' };
    const certs = await this.dataSource.getRepository(PathCertificate).find({
      where: { status: 'valid', validTo: `${year + 1}-01-31`, path: In([...REVIEWED_PATHS]) },
      order: { issuedAt: 'ASC', id: 'ASC' },
    });
    let opened = 0;
    for (const c of certs) {
      const m = await this.dataSource
        .getRepository(PathMembership)
        .findOne({ where: { id: c.membershipId } });
      if (!m || m.status !== 'active' || m.stage === 'joined') continue;
      const facts = await this.collaborators.accounts.facts(m.partnerAccountId);
      const criteria = await this.memberships.criteriaFor(facts?.site ?? 'cn', ctx.now(), year);
      const deadline = this.calendar.endOfDay(`${year}-${criteria.annualReviewDeadline}`);
      const created = await this.tx.run(ctx, async (t) => {
        const exists = await t.em!.findOne(PathAnnualReview, {
          where: { membershipId: m.id, cycleYear: year },
        });
        if (exists) return false;
        const r = t.em!.create(PathAnnualReview, {
          membershipId: m.id,
          partnerAccountId: m.partnerAccountId,
          certificateId: c.id,
          cycleYear: year,
          status: 'open',
          deadline,
          materials: null,
          submittedAt: null,
          remindedAt: null,
          reviewerId: null,
          decidedAt: null,
          decisionComment: null,
          appliedAt: null,
        });
        await this.machine.create(t, r, { action: 'path_annual_review.opened' });
        await this.notifier.toPartner(
          t,
          m.partnerAccountId,
          {
            template: 'certification.path.annual_review_opened',
            subject: 'Annual review of your partner certificate',
            body:
              `The annual review of your ${m.path} partner certificate (valid to ${c.validTo}) has started. ` +
              `Submit the requested materials by ${this.calendar.localDate(deadline)} 23:59 (Asia/Shanghai).`,
            params: { review_id: r.id, membership_id: m.id, deadline: deadline.toISOString() },
          },
          ['in_app', 'email', 'sms'],
        );
        return true;
      });
      if (created) opened++;
    }
    return { opened, candidates: certs.length };
  }

  /** J-PATH-3 (daily 09:00): reminder 7 days before the deadline; `open` → `missed` after it (PDM informed). */
  async remindAndClose(ctx: RequestContext): Promise<Record<string, unknown>> {
    const now = ctx.now();
    const open = await this.dataSource
      .getRepository(PathAnnualReview)
      .find({ where: { status: 'open' }, order: { deadline: 'ASC', id: 'ASC' } });
    let reminded = 0;
    const missed: string[] = [];
    for (const peek of open) {
      await this.tx.run(ctx, async (t) => {
        const r = (await findOneForUpdate(t.em!, PathAnnualReview, { id: peek.id }))!;
        if (r.status !== 'open') return;
        if (r.deadline.getTime() < now.getTime()) {
          await this.machine.transition(t, r, 'missed', { action: 'path_annual_review.missed' });
          missed.push(r.id);
          return;
        }
        const remindFrom = this.calendar.endOfDay(
          this.calendar.addNaturalDays(this.calendar.localDate(r.deadline), -REMINDER_DAYS - 1),
        );
        if (!r.remindedAt && now.getTime() > remindFrom.getTime()) {
          r.remindedAt = now;
          await t.em!.save(r);
          await this.notifier.toPartner(t, r.partnerAccountId, {
            template: 'certification.path.annual_review_reminder',
            subject: 'Reminder: annual review materials due',
            body: `Submit your annual review materials by ${this.calendar.localDate(r.deadline)} 23:59 (Asia/Shanghai).`,
            params: { review_id: r.id, deadline: r.deadline.toISOString() },
          });
          reminded++;
        }
      });
    }
    if (missed.length) {
      await this.tx.run(ctx, (t) =>
        this.notifier.toPdm(t, {
          template: 'certification.path.annual_reviews_missed',
          subject: 'Annual reviews missed',
          body: `${missed.length} annual review(s) passed their deadline without materials: ${missed.join(', ')}`,
          params: { review_ids: missed },
        }),
      );
    }
    return { reminded, missed: missed.length };
  }

  /** PATH-017: materials only while `open` and before the deadline. */
  async submit(
    ctx: RequestContext,
    id: string,
    materials: Record<string, unknown>,
  ): Promise<AnnualReviewView> {
    await findOwnedOrFail(this.dataSource.manager, ctx, PathAnnualReview, { id }, () =>
      PathErrors.fail('PATH_REVIEW_NOT_FOUND'),
    );
    return this.tx.run(ctx, async (t) => {
      const r = (await findOneForUpdate(t.em!, PathAnnualReview, { id }))!;
      if (r.status !== 'open' || t.now().getTime() > r.deadline.getTime()) {
        throw PathErrors.fail('PATH_REVIEW_NOT_OPEN', undefined, {
          status: r.status,
          deadline: r.deadline.toISOString(),
        });
      }
      await this.machine.transition(t, r, 'submitted', {
        action: 'path_annual_review.submitted',
        mutate: (x) => {
          x.materials = materials;
          x.submittedAt = t.now();
        },
      });
      await this.notifier.toPdm(
        t,
        {
          template: 'certification.path.annual_review_submitted',
          subject: 'Annual review to decide',
          body: `Annual review ${r.id} (cycle ${r.cycleYear}) was submitted.`,
          params: { review_id: r.id },
        },
        r.partnerAccountId,
      );
      return view(r);
    });
  }

  /** The PDM decides a submitted review; the result is applied by J-PATH-4. */
  async decide(
    ctx: RequestContext,
    id: string,
    result: ReviewDecision,
    comment: string | null,
  ): Promise<AnnualReviewView> {
    return this.tx.run(ctx, async (t) => {
      const r = await findOneForUpdate(t.em!, PathAnnualReview, { id });
      if (!r) throw PathErrors.fail('PATH_REVIEW_NOT_FOUND');
      await this.machine.transition(t, r, result, {
        action: `path_annual_review.${result}`,
        mutate: (x) => {
          x.reviewerId = t.reviewerId;
          x.decidedAt = t.now();
          x.decisionComment = comment?.trim() || null;
        },
      });
      await this.notifier.toPartner(t, r.partnerAccountId, {
        template: `certification.path.annual_review_${result}`,
        subject: `Annual review: ${result}`,
        body:
          result === 'passed'
            ? 'Your annual review passed; your partner certificate will be renewed by 31 January.'
            : result === 'downgraded'
              ? 'Your annual review resulted in a downgrade to role certification from 31 January.'
              : 'Your annual review failed; your partner certificate will not be renewed.',
        params: { review_id: r.id, result },
      });
      return view(r);
    });
  }

  /**
   * J-PATH-4 (31 January 02:00): `passed` → certificate `valid_to` + 1 year; `downgraded` → stage
   * `role_certification` with a new certificate valid to the next 31 January. Each decided review once.
   */
  async renew(ctx: RequestContext): Promise<Record<string, unknown>> {
    const due = await this.dataSource.getRepository(PathAnnualReview).find({
      where: { status: In(['passed', 'downgraded']) },
      order: { decidedAt: 'ASC', id: 'ASC' },
    });
    let renewed = 0;
    let downgraded = 0;
    for (const peek of due) {
      if (peek.appliedAt) continue;
      await this.tx.run(ctx, async (t) => {
        const r = (await findOneForUpdate(t.em!, PathAnnualReview, { id: peek.id }))!;
        if (r.appliedAt) return;
        const m = (await findOneForUpdate(t.em!, PathMembership, { id: r.membershipId }))!;
        const cert = await t.em!.findOne(PathCertificate, { where: { id: r.certificateId } });
        r.appliedAt = t.now();
        await t.em!.save(r);
        if (!cert || m.status !== 'active') return;
        if (r.status === 'passed') {
          const from = cert.validTo;
          const to = plusOneYear(cert.validTo);
          if (cert.status === 'expired') {
            await this.keeper.certificates.transition(t, cert, 'valid', {
              action: 'path_certificate.renewed',
              mutate: (c) => (c.validTo = to),
            });
            await this.keeper.setStage(t, m, cert.stage, { validTo: to, reason: 'annual_review_passed' });
          } else if (cert.status === 'valid') {
            await this.keeper.setStage(t, m, cert.stage, { validTo: to, reason: 'annual_review_passed' });
          } else return;
          renewed++;
          await this.notifier.toPartner(t, m.partnerAccountId, {
            template: 'certification.path.certificate_renewed',
            subject: 'Partner certificate renewed',
            body: `Your ${m.path} partner certificate ${cert.certificateNo} is renewed to ${to}.`,
            params: { certificate_id: cert.id, valid_to_before: from, valid_to: to },
          });
        } else {
          const to = nextJanuary31(this.calendar.localDate(t.now()));
          await this.keeper.setStage(t, m, 'role_certification', {
            validTo: to,
            reason: 'annual_review_downgraded',
            revokeReason: 'annual review downgraded',
          });
          downgraded++;
          await this.notifier.toPartner(t, m.partnerAccountId, {
            template: 'certification.path.certificate_downgraded',
            subject: 'Partner certificate downgraded',
            body: `Your ${m.path} path is downgraded to role certification; the new certificate is valid to ${to}.`,
            params: { membership_id: m.id, valid_to: to },
          });
        }
      });
    }
    return { renewed, downgraded };
  }

  /**
   * J-PATH-5 (1 February 00:05, daily after): service/SI/LP certificates with `valid_to` before today and no
   * review awaiting a decision → `expired`; stage → `joined` (first-time timestamps kept).
   */
  async expire(ctx: RequestContext): Promise<Record<string, unknown>> {
    const today = this.calendar.localDate(ctx.now());
    const certs = await this.dataSource.getRepository(PathCertificate).find({
      where: { status: 'valid', validTo: LessThan(today), path: In([...REVIEWED_PATHS]) },
      order: { validTo: 'ASC', id: 'ASC' },
    });
    let expired = 0;
    for (const c of certs) {
      const pendingDecision = await this.dataSource
        .getRepository(PathAnnualReview)
        .count({ where: { certificateId: c.id, status: 'submitted' } });
      if (pendingDecision) continue;
      await this.tx.run(ctx, async (t) => {
        const m = (await findOneForUpdate(t.em!, PathMembership, { id: c.membershipId }))!;
        const cert = (await findOneForUpdate(t.em!, PathCertificate, { id: c.id }))!;
        if (cert.status !== 'valid') return;
        const current = await this.keeper.currentCertificate(t, m.id);
        if (current?.id === cert.id && m.status === 'active') {
          await this.keeper.setStage(t, m, 'joined', {
            validTo: null,
            reason: 'certificate_expired',
            endCertificateAs: 'expired',
          });
        } else {
          await this.keeper.certificates.transition(t, cert, 'expired', {
            action: 'path_certificate.expired',
          });
        }
        expired++;
        const msg = {
          template: 'certification.path.certificate_expired',
          subject: 'Partner certificate expired',
          body: `The ${m.path} partner certificate ${cert.certificateNo} expired on ${cert.validTo}; the stage is now joined.`,
          params: { certificate_id: cert.id, membership_id: m.id },
        };
        await this.notifier.toPartner(t, m.partnerAccountId, msg);
        await this.notifier.toPdm(t, msg, m.partnerAccountId);
      });
    }
    return { expired };
  }

  async listForPartner(ctx: RequestContext): Promise<{ total_count: number; items: AnnualReviewView[] }> {
    const rows = await this.dataSource.getRepository(PathAnnualReview).find({
      where: { partnerAccountId: ctx.partnerAccountId },
      order: { cycleYear: 'DESC', id: 'DESC' },
    });
    return { total_count: rows.length, items: rows.map(view) };
  }

  async listForReviewer(q: { status?: AnnualReviewStatus; offset?: number; limit?: number }) {
    const [rows, total] = await this.dataSource.getRepository(PathAnnualReview).findAndCount({
      where: q.status ? { status: q.status } : {},
      order: { deadline: 'ASC', id: 'ASC' },
      skip: q.offset ?? 0,
      take: q.limit ?? 10,
    });
    return { total_count: total, items: rows.map(view) };
  }
}

function view(r: PathAnnualReview): AnnualReviewView {
  return {
    id: r.id,
    membership_id: r.membershipId,
    partner_account_id: r.partnerAccountId,
    certificate_id: r.certificateId,
    cycle_year: r.cycleYear,
    status: r.status,
    deadline: r.deadline.toISOString(),
    materials: r.materials,
    submitted_at: r.submittedAt?.toISOString() ?? null,
    reviewer_id: r.reviewerId,
    decided_at: r.decidedAt?.toISOString() ?? null,
    decision_comment: r.decisionComment,
    applied_at: r.appliedAt?.toISOString() ?? null,
  };
}
