/**
 * Ecosystem special programs (生态专项, FAQ 8.2.2; build.md BUILD-031…BUILD-036): the partner admin joins a
 * program (software path first), the PDM approves the membership (Open point 7); a solution applies for
 * admission (准入) once its release vehicle is initiated / submitted, the PDM decides; once admitted and
 * released it applies for technical certification (技术认证), the software technical expert decides, and a pass
 * creates the advanced cloud software certification (scenario 3) in the same transaction. The enrollment
 * expires together with that certification.
 */
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource, type FindOptionsWhere, In, LessThan } from 'typeorm';
import { AuditService } from '../../../../../libs/audit/index.js';
import { requireReviewerRole } from '../../../../../libs/auth/index.js';
import { WorkingDayCalendar } from '../../../../../libs/calendar/index.js';
import { RequestContext, type ReviewerRole } from '../../../../../libs/context/index.js';
import { Clock } from '../../../../../libs/clock/index.js';
import { DomainEventBus } from '../../../../../libs/events/index.js';
import { NotificationService } from '../../../../../libs/notify/index.js';
import { findOneForUpdate, TransactionRunner } from '../../../../../libs/persistence/index.js';
import { StateMachine } from '../../../../../libs/state-machine/index.js';
import {
  PATH_STAGE_READER,
  type PathStageReader,
  SOLUTION_CERTIFICATION_CHANGED_EVENT,
  type SolutionCertificationChangedPayload,
} from '../../../certification/index.js';
import { PartnerAccountService } from '../../../info/index.js';
import { SOLUTION_FACTS, type SolutionFacts, type SolutionSummary } from '../../build.contracts.js';
import { BaselineErrors } from '../baseline.errors.js';
import {
  admissionReady,
  type EcosystemProgram,
  ENROLLMENT_MACHINE,
  type EnrollmentLifecycle,
  isReleased,
  MEMBERSHIP_MACHINE,
  type MembershipStatus,
  projectEnrollment,
  requireReviewComment,
} from '../domain/baseline-rules.js';
import type { ListEnrollmentsQuery, ListMembershipsQuery, RequestAdmissionDto } from '../dto/baseline.dto.js';
import {
  BaselineSolution,
  EcosystemProgramMembership,
  EcosystemSolutionEnrollment,
  type EnrollmentReviewEntry,
} from '../entities/baseline.entities.js';
import { MARKETPLACE_PRODUCT_PORT, type MarketplaceProductPort } from '../ports/baseline-ports.js';

/** Open point 7: PDM decides memberships and admissions; the software technical expert the technical review. */
export const ECOSYSTEM_PDM_ROLES: readonly ReviewerRole[] = ['pdm'];
export const ECOSYSTEM_EXPERT_ROLES: readonly ReviewerRole[] = ['expert'];
export const ECOSYSTEM_VIEW_ROLES: readonly ReviewerRole[] = ['pdm', 'psa', 'expert'];

export interface MembershipView {
  id: string;
  partner_account_id: string;
  program: EcosystemProgram;
  status: MembershipStatus;
  applied_at: string;
  joined_at: string | null;
  decided_at: string | null;
  reviewer_id: string | null;
  review_comment: string | null;
  left_at: string | null;
}

export interface EnrollmentView {
  id: string;
  partner_account_id: string;
  solution_id: string;
  program: EcosystemProgram;
  release_vehicle: 'baseline_solution' | 'marketplace_product';
  baseline_solution_id: string | null;
  marketplace_product_id: string | null;
  admission_status: EcosystemSolutionEnrollment['admissionStatus'];
  admitted_at: string | null;
  technical_status: EcosystemSolutionEnrollment['technicalStatus'];
  technical_certified_on: string | null;
  valid_until: string | null;
  certification_id: string | null;
  /** BUILD-033 (derived now) */
  released: boolean;
  review_history: EnrollmentReviewEntry[];
}

/** Optional link fields a solution summary may carry (build.contracts `SolutionSummary` + solutions/ extras). */
type LinkedSolution = SolutionSummary & {
  baselineSolutionId?: string | null;
  marketplaceProductId?: string | null;
};

@Injectable()
export class EcosystemService implements OnModuleInit {
  private readonly logger = new Logger('EcosystemService');
  private readonly memberships: StateMachine<MembershipStatus, EcosystemProgramMembership>;
  private readonly enrollments: StateMachine<EnrollmentLifecycle, EcosystemSolutionEnrollment>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly notifications: NotificationService,
    private readonly partnerAccounts: PartnerAccountService,
    private readonly bus: DomainEventBus,
    private readonly clock: Clock,
    @Inject(PATH_STAGE_READER) private readonly paths: PathStageReader,
    @Inject(SOLUTION_FACTS) private readonly solutions: SolutionFacts,
    @Inject(MARKETPLACE_PRODUCT_PORT) private readonly marketplace: MarketplaceProductPort,
    @Inject(WorkingDayCalendar) private readonly calendar: WorkingDayCalendar,
    audit: AuditService,
  ) {
    this.memberships = new StateMachine(MEMBERSHIP_MACHINE, audit);
    this.enrollments = new StateMachine(ENROLLMENT_MACHINE, audit);
  }

  /** BUILD-036: the enrollment expires together with its advanced certification (solutionCertificationExpiryJob). */
  onModuleInit(): void {
    this.bus.on(SOLUTION_CERTIFICATION_CHANGED_EVENT, async (e) => {
      const p = e.payload as unknown as SolutionCertificationChangedPayload;
      if (p.status !== 'expired') return;
      const ctx = RequestContext.system(this.clock, 'solutionCertificationExpiryJob');
      const n = await this.expireLinked(ctx, { certificationId: p.certification_id });
      if (n) this.logger.log(`expired ${n} ecosystem enrollment(s) with certification ${p.certification_id}`);
    });
  }

  // --- memberships ----------------------------------------------------------------------------------------------

  /** BUILD-031 (1)+(2): the partner admin applies to join a program once on the software path. */
  async applyMembership(ctx: RequestContext, program: EcosystemProgram): Promise<MembershipView> {
    if (!(await this.paths.hasActiveMembership(ctx.partnerAccountId, 'software'))) {
      throw BaselineErrors.fail('ECOSYSTEM_SOFTWARE_PATH_REQUIRED');
    }
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const existing = await findOneForUpdate(em, EcosystemProgramMembership, {
        partnerAccountId: t.partnerAccountId,
        program,
      });
      if (existing) {
        if (existing.status === 'applied' || existing.status === 'joined') {
          throw BaselineErrors.fail('ECOSYSTEM_MEMBERSHIP_EXISTS', undefined, { status: existing.status });
        }
        await this.memberships.transition(t, existing, 'applied', {
          action: 'ecosystem_program_membership.reapplied',
          mutate: (m) => {
            m.appliedAt = t.now();
            m.decidedAt = null;
            m.reviewerId = null;
            m.reviewComment = null;
            m.leftAt = null;
          },
        });
        return membershipView(existing);
      }
      const m = em.create(EcosystemProgramMembership, {
        partnerAccountId: t.partnerAccountId,
        program,
        status: 'applied',
        appliedAt: t.now(),
        joinedAt: null,
        decidedAt: null,
        reviewerId: null,
        reviewComment: null,
        leftAt: null,
      });
      await this.memberships.create(t, m, { action: 'ecosystem_program_membership.applied' });
      return membershipView(m);
    });
  }

  /** Decision: a joined program can be left unless one of its enrollments of the account is pending review. */
  async leaveMembership(ctx: RequestContext, program: EcosystemProgram): Promise<MembershipView> {
    return this.tx.run(ctx, async (t) => {
      const m = await findOneForUpdate(t.em!, EcosystemProgramMembership, {
        partnerAccountId: t.partnerAccountId,
        program,
      });
      if (!m) throw BaselineErrors.fail('ECOSYSTEM_MEMBERSHIP_NOT_FOUND');
      const pending = await t.em!.count(EcosystemSolutionEnrollment, {
        where: {
          partnerAccountId: t.partnerAccountId,
          program,
          status: In(['admission_pending_review', 'technical_pending_review']),
        },
      });
      if (pending) throw BaselineErrors.fail('ECOSYSTEM_LEAVE_BLOCKED');
      await this.memberships.transition(t, m, 'left', {
        action: 'ecosystem_program_membership.left',
        mutate: (x) => (x.leftAt = t.now()),
      });
      return membershipView(m);
    });
  }

  async listMemberships(ctx: RequestContext, q: ListMembershipsQuery) {
    return this.membershipList({ ...membershipFilters(q), partnerAccountId: ctx.partnerAccountId });
  }

  async listMembershipsForReviewer(q: ListMembershipsQuery & { partner_account_id?: string }) {
    return this.membershipList({
      ...membershipFilters(q),
      ...(q.partner_account_id ? { partnerAccountId: q.partner_account_id } : {}),
    });
  }

  /** Open point 7: the PDM approves or rejects (comment required) the membership application. */
  async reviewMembership(
    ctx: RequestContext,
    id: string,
    dto: { result: 'pass' | 'reject'; comment?: string },
  ): Promise<MembershipView> {
    requireReviewerRole(ctx, ECOSYSTEM_PDM_ROLES);
    return this.tx.run(ctx, async (t) => {
      const m = await findOneForUpdate(t.em!, EcosystemProgramMembership, { id });
      if (!m) throw BaselineErrors.fail('ECOSYSTEM_MEMBERSHIP_NOT_FOUND');
      const comment =
        dto.result === 'reject' ? requireReviewComment(dto.comment) : dto.comment?.trim() || null;
      const to = dto.result === 'pass' ? 'joined' : 'rejected';
      await this.memberships.transition(t, m, to, {
        action: `ecosystem_program_membership.${to}`,
        mutate: (x) => {
          x.decidedAt = t.now();
          x.reviewerId = t.reviewerId;
          x.reviewComment = comment;
          if (to === 'joined') x.joinedAt = t.now();
        },
      });
      await this.notifyPartner(
        t,
        m.partnerAccountId,
        `membership_${to}`,
        to === 'joined'
          ? `Your account joined the ecosystem special program ${m.program}.`
          : `Your application for the ecosystem special program ${m.program} was rejected: ${comment}`,
        { membership_id: m.id, program: m.program },
      );
      return membershipView(m);
    });
  }

  // --- enrollments ----------------------------------------------------------------------------------------------

  /** BUILD-031 (3), BUILD-032 (admission threshold), BUILD-034 (one enrollment per solution and program). */
  async requestAdmission(ctx: RequestContext, dto: RequestAdmissionDto): Promise<EnrollmentView> {
    if (!(await this.paths.hasActiveMembership(ctx.partnerAccountId, 'software'))) {
      throw BaselineErrors.fail('ECOSYSTEM_SOFTWARE_PATH_REQUIRED');
    }
    const solution = (await this.solutions.get(dto.solution_id)) as LinkedSolution | null;
    if (!solution || solution.partnerAccountId !== ctx.partnerAccountId) {
      throw BaselineErrors.fail('ECOSYSTEM_SOLUTION_NOT_FOUND');
    }
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const membership = await em.findOne(EcosystemProgramMembership, {
        where: { partnerAccountId: t.partnerAccountId, program: dto.program },
      });
      if (membership?.status !== 'joined') throw BaselineErrors.fail('ECOSYSTEM_PROGRAM_NOT_JOINED');
      const existing = await findOneForUpdate(em, EcosystemSolutionEnrollment, {
        solutionId: solution.id,
        program: dto.program,
      });
      if (existing && existing.status !== 'admission_rejected') {
        throw BaselineErrors.fail('ECOSYSTEM_ENROLLMENT_EXISTS', undefined, {
          enrollment_id: existing.id,
          admission_status: existing.admissionStatus,
          technical_status: existing.technicalStatus,
        });
      }
      const vehicle = await this.resolveVehicle(t, solution, dto);
      if (!admissionReady(vehicle.facts)) throw BaselineErrors.fail('ECOSYSTEM_ADMISSION_NOT_READY');
      const entry = this.entry(t, 'admission_requested', null, null);
      if (existing) {
        await this.enrollments.transition(t, existing, 'admission_pending_review', {
          action: 'ecosystem_solution_enrollment.admission_rerequested',
          mutate: (e) => {
            e.releaseVehicle = vehicle.kind;
            e.baselineSolutionId = vehicle.baselineId;
            e.marketplaceProductId = vehicle.productId;
            e.admissionRequestedAt = t.now();
            e.reviewHistory = [...e.reviewHistory, entry];
            project(e);
          },
        });
        return this.view(existing);
      }
      const e = em.create(EcosystemSolutionEnrollment, {
        partnerAccountId: t.partnerAccountId,
        solutionId: solution.id,
        program: dto.program,
        releaseVehicle: vehicle.kind,
        baselineSolutionId: vehicle.baselineId,
        marketplaceProductId: vehicle.productId,
        status: 'admission_pending_review',
        admissionStatus: 'pending_review',
        technicalStatus: 'not_applied',
        admissionRequestedAt: t.now(),
        admittedAt: null,
        technicalRequestedAt: null,
        technicalCertifiedOn: null,
        validUntil: null,
        certificationId: null,
        reviewHistory: [entry],
        createdBy: t.actorId,
      });
      await this.enrollments.create(t, e, { action: 'ecosystem_solution_enrollment.admission_requested' });
      return this.view(e);
    });
  }

  /** BUILD-033 (admitted and released), BUILD-034 (one pending technical review at a time). */
  async requestTechnical(ctx: RequestContext, id: string): Promise<EnrollmentView> {
    return this.tx.run(ctx, async (t) => {
      const e = await findOneForUpdate(t.em!, EcosystemSolutionEnrollment, { id });
      if (!e || e.partnerAccountId !== ctx.partnerAccountId) {
        throw BaselineErrors.fail('ECOSYSTEM_ENROLLMENT_NOT_FOUND');
      }
      if (e.status === 'technical_pending_review' || e.status === 'certified') {
        throw BaselineErrors.fail('ECOSYSTEM_ENROLLMENT_EXISTS', undefined, {
          technical_status: e.technicalStatus,
        });
      }
      const released = await this.released(t, e);
      if (e.admissionStatus !== 'admitted' || !released) {
        throw BaselineErrors.fail('ECOSYSTEM_TECHNICAL_NOT_READY', undefined, {
          admission_status: e.admissionStatus,
          released,
        });
      }
      await this.enrollments.transition(t, e, 'technical_pending_review', {
        action: 'ecosystem_solution_enrollment.technical_requested',
        mutate: (x) => {
          x.technicalRequestedAt = t.now();
          x.reviewHistory = [...x.reviewHistory, this.entry(t, 'technical_requested', null, null)];
          project(x);
        },
      });
      return this.view(e);
    });
  }

  async listEnrollments(ctx: RequestContext, q: ListEnrollmentsQuery) {
    return this.enrollmentList({ ...enrollmentFilters(q), partnerAccountId: ctx.partnerAccountId });
  }

  async getEnrollment(ctx: RequestContext, id: string): Promise<EnrollmentView> {
    const e = await this.dataSource.getRepository(EcosystemSolutionEnrollment).findOne({ where: { id } });
    if (!e || e.partnerAccountId !== ctx.partnerAccountId)
      throw BaselineErrors.fail('ECOSYSTEM_ENROLLMENT_NOT_FOUND');
    return this.view(e);
  }

  async listEnrollmentsForReviewer(q: ListEnrollmentsQuery & { partner_account_id?: string }) {
    return this.enrollmentList({
      ...enrollmentFilters(q),
      ...(q.partner_account_id ? { partnerAccountId: q.partner_account_id } : {}),
    });
  }

  async getEnrollmentForReviewer(id: string): Promise<EnrollmentView> {
    const e = await this.dataSource.getRepository(EcosystemSolutionEnrollment).findOne({ where: { id } });
    if (!e) throw BaselineErrors.fail('ECOSYSTEM_ENROLLMENT_NOT_FOUND');
    return this.view(e);
  }

  /** Admission review (准入评审) by the PDM (Open point 7); a rejection needs a comment. */
  async admissionReview(
    ctx: RequestContext,
    id: string,
    dto: { result: 'pass' | 'reject'; comment?: string },
  ): Promise<EnrollmentView> {
    return this.review(ctx, id, ECOSYSTEM_PDM_ROLES, async (t, e) => {
      const comment =
        dto.result === 'reject' ? requireReviewComment(dto.comment) : dto.comment?.trim() || null;
      const to = dto.result === 'pass' ? 'admitted' : 'admission_rejected';
      await this.enrollments.transition(t, e, to, {
        action: `ecosystem_solution_enrollment.${to}`,
        mutate: (x) => {
          if (to === 'admitted') x.admittedAt = t.now();
          x.reviewHistory = [...x.reviewHistory, this.entry(t, 'admission_review', dto.result, comment)];
          project(x);
        },
        eventPayload: {
          partner_account_id: e.partnerAccountId,
          program: e.program,
          solution_id: e.solutionId,
        },
      });
      await this.notifyPartner(
        t,
        e.partnerAccountId,
        `enrollment_${to}`,
        to === 'admitted'
          ? `Your solution was admitted to the ecosystem special program ${e.program}.`
          : `The admission to ${e.program} was rejected: ${comment}`,
        { enrollment_id: e.id, program: e.program, solution_id: e.solutionId },
      );
    });
  }

  /**
   * Technical certification review by the software technical expert. A pass creates the advanced cloud
   * software certification (scenario `ecosystem_special_technical`) inside this transaction (BUILD-036): the
   * enrollment's `valid_until` is the certification's.
   */
  async technicalReview(
    ctx: RequestContext,
    id: string,
    dto: { result: 'pass' | 'reject'; comment?: string },
  ): Promise<EnrollmentView> {
    return this.review(ctx, id, ECOSYSTEM_EXPERT_ROLES, async (t, e) => {
      if (dto.result === 'reject') {
        const comment = requireReviewComment(dto.comment);
        await this.enrollments.transition(t, e, 'technical_rejected', {
          action: 'ecosystem_solution_enrollment.technical_rejected',
          mutate: (x) => {
            x.reviewHistory = [...x.reviewHistory, this.entry(t, 'technical_review', 'reject', comment)];
            project(x);
          },
        });
        await this.notifyPartner(
          t,
          e.partnerAccountId,
          'enrollment_technical_rejected',
          `The technical certification in ${e.program} was rejected: ${comment}`,
          { enrollment_id: e.id, program: e.program, solution_id: e.solutionId },
        );
        return;
      }
      const veto = await this.enrollments.check(t, e, 'certified');
      if (veto) throw veto;
      const certifiedOn = this.calendar.localDate(t.now());
      const issued = await this.solutions.issueEcosystemTechnicalCertification(t, t.em!, {
        solutionId: e.solutionId,
        enrollmentId: e.id,
        program: e.program,
        certifiedOn,
      });
      await this.enrollments.transition(t, e, 'certified', {
        action: 'ecosystem_solution_enrollment.certified',
        mutate: (x) => {
          x.technicalCertifiedOn = certifiedOn;
          x.validUntil = issued.validUntil;
          x.certificationId = issued.certificationId;
          x.reviewHistory = [
            ...x.reviewHistory,
            this.entry(t, 'technical_review', 'pass', dto.comment?.trim() || null),
          ];
          project(x);
        },
        eventPayload: {
          partner_account_id: e.partnerAccountId,
          program: e.program,
          solution_id: e.solutionId,
          certification_id: issued.certificationId,
          valid_until: issued.validUntil,
        },
      });
      await this.notifyPartner(
        t,
        e.partnerAccountId,
        'enrollment_certified',
        `Your solution passed the ${e.program} technical certification (valid until ${issued.validUntil}).`,
        { enrollment_id: e.id, program: e.program, certification_id: issued.certificationId },
      );
    });
  }

  // --- expiry -----------------------------------------------------------------------------------------------------

  /**
   * `solutionCertificationExpiryJob` companion (Deadlines table; BUILD-036): certified enrollments whose
   * `valid_until` is before today (Asia/Shanghai) become `expired`. Idempotent; the event listener above does the
   * same as soon as the linked certification expires.
   */
  async expireDue(ctx: RequestContext): Promise<Record<string, unknown>> {
    const expired = await this.expireLinked(ctx, { before: this.calendar.localDate(ctx.now()) });
    return { expired };
  }

  private async expireLinked(
    ctx: RequestContext,
    by: { certificationId: string } | { before: string },
  ): Promise<number> {
    const where: FindOptionsWhere<EcosystemSolutionEnrollment> =
      'certificationId' in by
        ? { status: 'certified', certificationId: by.certificationId }
        : { status: 'certified', validUntil: LessThan(by.before) };
    const due = await this.dataSource.getRepository(EcosystemSolutionEnrollment).find({ where, take: 1000 });
    let n = 0;
    for (const peek of due) {
      await this.tx.run(ctx, async (t) => {
        const e = await findOneForUpdate(t.em!, EcosystemSolutionEnrollment, { id: peek.id });
        if (!e || e.status !== 'certified') return;
        await this.enrollments.transition(t, e, 'expired', {
          action: 'ecosystem_solution_enrollment.expired',
          mutate: (x) => {
            x.reviewHistory = [...x.reviewHistory, this.entry(t, 'expired', null, null)];
            project(x);
          },
          eventPayload: {
            partner_account_id: e.partnerAccountId,
            program: e.program,
            solution_id: e.solutionId,
          },
        });
        n++;
      });
    }
    return n;
  }

  // --- read model for other parts (benefits BUILD-035) ----------------------------------------------------------------

  /**
   * BUILD-035 facts: the account's enrollments with `released` evaluated now — admitted and not released → test
   * vouchers and NRE of the program; technically certified → MDF of the program (enforced by benefits).
   */
  async enrollmentsOf(partnerAccountId: string): Promise<EnrollmentView[]> {
    return (await this.enrollmentList({ partnerAccountId })).items;
  }

  // --- internals ------------------------------------------------------------------------------------------------

  private async resolveVehicle(
    t: RequestContext,
    solution: LinkedSolution,
    dto: RequestAdmissionDto,
  ): Promise<{
    kind: 'baseline_solution' | 'marketplace_product';
    baselineId: string | null;
    productId: string | null;
    facts: { baselineStage: BaselineSolution['status'] | null } | { listingStatus: string | null };
  }> {
    const productId = dto.marketplace_product_id ?? null;
    const kind =
      dto.release_vehicle ??
      (productId ||
      (!dto.baseline_solution_id && solution.marketplaceProductId && !solution.baselineSolutionId)
        ? 'marketplace_product'
        : 'baseline_solution');
    if (kind === 'marketplace_product') {
      const id = productId ?? solution.marketplaceProductId ?? null;
      const p = id ? await this.marketplace.get(id) : null;
      if (!p || p.partnerAccountId !== t.partnerAccountId) {
        throw BaselineErrors.fail('MARKETPLACE_PRODUCT_NOT_FOUND', undefined, { marketplace_product_id: id });
      }
      return { kind, baselineId: null, productId: p.id, facts: { listingStatus: p.listingStatus } };
    }
    const repo = t.em!.getRepository(BaselineSolution);
    const baselineId = dto.baseline_solution_id ?? solution.baselineSolutionId ?? null;
    const b = baselineId
      ? await repo.findOne({ where: { id: baselineId } })
      : await repo.findOne({
          where: { solutionId: solution.id, partnerAccountId: t.partnerAccountId },
          order: { createdAt: 'DESC' },
        });
    if (baselineId && (!b || b.partnerAccountId !== t.partnerAccountId)) {
      throw BaselineErrors.fail('BASELINE_NOT_FOUND');
    }
    // no baseline linked to the solution: the threshold is not met (BUILD-032)
    return { kind, baselineId: b?.id ?? null, productId: null, facts: { baselineStage: b?.status ?? null } };
  }

  private async released(t: RequestContext | null, e: EcosystemSolutionEnrollment): Promise<boolean> {
    if (e.releaseVehicle === 'marketplace_product') {
      const status = e.marketplaceProductId
        ? await this.marketplace.getListingStatus(e.marketplaceProductId)
        : null;
      return isReleased({ listingStatus: status });
    }
    if (!e.baselineSolutionId) return false;
    const em = t?.em ?? this.dataSource.manager;
    const b = await em.findOne(BaselineSolution, { where: { id: e.baselineSolutionId } });
    return isReleased({ baselineStage: b?.status ?? null });
  }

  private async review(
    ctx: RequestContext,
    id: string,
    roles: readonly ReviewerRole[],
    decide: (t: RequestContext, e: EcosystemSolutionEnrollment) => Promise<void>,
  ): Promise<EnrollmentView> {
    requireReviewerRole(ctx, roles);
    return this.tx.run(ctx, async (t) => {
      const e = await findOneForUpdate(t.em!, EcosystemSolutionEnrollment, { id });
      if (!e) throw BaselineErrors.fail('ECOSYSTEM_ENROLLMENT_NOT_FOUND');
      await decide(t, e);
      return this.view(e, t);
    });
  }

  private entry(
    t: RequestContext,
    step: EnrollmentReviewEntry['step'],
    result: string | null,
    comment: string | null,
  ): EnrollmentReviewEntry {
    return { step, result, comment, actor: t.actorId, at: t.now().toISOString() };
  }

  private async membershipList(where: FindOptionsWhere<EcosystemProgramMembership>) {
    const rows = await this.dataSource.getRepository(EcosystemProgramMembership).find({
      where,
      order: { appliedAt: 'DESC', id: 'DESC' },
      take: 500,
    });
    return { total_count: rows.length, items: rows.map(membershipView) };
  }

  private async enrollmentList(where: FindOptionsWhere<EcosystemSolutionEnrollment>) {
    const rows = await this.dataSource.getRepository(EcosystemSolutionEnrollment).find({
      where,
      order: { admissionRequestedAt: 'DESC', id: 'DESC' },
      take: 500,
    });
    const items: EnrollmentView[] = [];
    for (const r of rows) items.push(await this.view(r));
    return { total_count: items.length, items };
  }

  private async view(
    e: EcosystemSolutionEnrollment,
    t: RequestContext | null = null,
  ): Promise<EnrollmentView> {
    return {
      id: e.id,
      partner_account_id: e.partnerAccountId,
      solution_id: e.solutionId,
      program: e.program,
      release_vehicle: e.releaseVehicle,
      baseline_solution_id: e.baselineSolutionId,
      marketplace_product_id: e.marketplaceProductId,
      admission_status: e.admissionStatus,
      admitted_at: e.admittedAt?.toISOString() ?? null,
      technical_status: e.technicalStatus,
      technical_certified_on: e.technicalCertifiedOn,
      valid_until: e.validUntil,
      certification_id: e.certificationId,
      released: await this.released(t, e),
      review_history: e.reviewHistory,
    };
  }

  private async notifyPartner(
    t: RequestContext,
    partnerAccountId: string,
    outcome: string,
    body: string,
    params: Record<string, unknown>,
  ): Promise<void> {
    const partner = await this.partnerAccounts.findById(partnerAccountId);
    if (!partner) return;
    const common = {
      partnerAccountId,
      template: `build.ecosystem.${outcome}`,
      subject: 'Ecosystem special program',
      body,
      params,
    };
    await this.notifications.enqueue(t, [
      { ...common, channel: 'in_app', recipient: partner.id },
      ...(partner.email ? [{ ...common, channel: 'email' as const, recipient: partner.email }] : []),
    ]);
  }
}

function project(e: EcosystemSolutionEnrollment): void {
  const p = projectEnrollment(e.status);
  e.admissionStatus = p.admission;
  e.technicalStatus = p.technical;
}

function membershipFilters(q: ListMembershipsQuery): FindOptionsWhere<EcosystemProgramMembership> {
  return {
    ...(q.status ? { status: q.status as MembershipStatus } : {}),
    ...(q.program ? { program: q.program } : {}),
  };
}

function enrollmentFilters(q: ListEnrollmentsQuery): FindOptionsWhere<EcosystemSolutionEnrollment> {
  return {
    ...(q.program ? { program: q.program } : {}),
    ...(q.admission_status
      ? { admissionStatus: q.admission_status as EcosystemSolutionEnrollment['admissionStatus'] }
      : {}),
    ...(q.technical_status
      ? { technicalStatus: q.technical_status as EcosystemSolutionEnrollment['technicalStatus'] }
      : {}),
  };
}

export function membershipView(m: EcosystemProgramMembership): MembershipView {
  return {
    id: m.id,
    partner_account_id: m.partnerAccountId,
    program: m.program,
    status: m.status,
    applied_at: m.appliedAt.toISOString(),
    joined_at: m.joinedAt?.toISOString() ?? null,
    decided_at: m.decidedAt?.toISOString() ?? null,
    reviewer_id: m.reviewerId,
    review_comment: m.reviewComment,
    left_at: m.leftAt?.toISOString() ?? null,
  };
}
