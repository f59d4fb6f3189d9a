/**
 * Stage applications of the service, SI and LP paths (certification-paths.md PATH-004, PATH-005, PATH-011…PATH-015,
 * PATH-019…PATH-021) and their evidence (service cases, employment proofs): the system pre-checks every numeric
 * criterion at submission and stores the computed counts in `criteria_snapshot`; the PDM schedules the BP review,
 * records attestations and approves or rejects in the admin panel / reviewer API.
 */
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../../../../../libs/audit/index.js';
import { WorkingDayCalendar } from '../../../../../libs/calendar/index.js';
import type { RequestContext } from '../../../../../libs/context/index.js';
import { DomainError } from '../../../../../libs/errors/index.js';
import { findOneForUpdate, TransactionRunner } from '../../../../../libs/persistence/index.js';
import { StateMachine } from '../../../../../libs/state-machine/index.js';
import { findOwnedOrFail } from '../../../../../libs/tenancy/index.js';
import { CertificationErrors } from '../../certification.errors.js';
import { CAPABILITY_LABEL_READER, type CapabilityLabelReader } from '../../labels/label-reader.js';
import { CertificationCollaborators } from '../../ports/collaborators.js';
import {
  annualValidTo,
  minusMonths,
  type PathCriteria,
  pathTitle,
  serviceDifferentiationUnmet,
  servicePeople,
  serviceRoleUnmet,
  siDifferentiationUnmet,
  siFacts,
  siRoleUnmet,
  STAGE_RANK,
  type UnmetCriterion,
} from '../domain/criteria.js';
import { STAGE_APPLICATION_MACHINE } from '../domain/path-state-machines.js';
import {
  EmploymentProof,
  PathMembership,
  ServiceCase,
  StageApplication,
  type StageApplicationStatus,
  type TargetStage,
} from '../entities/path.entities.js';
import { PathErrors } from '../paths.errors.js';
import { PathNotifier } from './path-contacts.js';
import { PathMembershipService } from './path-membership.service.js';
import { PathStageKeeper } from './path-stage-keeper.js';

export const ATTESTATION_ITEMS = [
  'capability_certification',
  'dedicated_team',
  'project_practice',
  'bp_review',
  'lp_review',
] as const;
export type AttestationItem = (typeof ATTESTATION_ITEMS)[number];

/**
 * Attestations the PDM must confirm before approval: service differentiation — capability certification,
 * dedicated team, project practice, BP review (PATH-015, Open point 3); LP — the review itself (PATH-021, Open
 * point 2). Service and SI role certification and SI differentiation are decided on the numeric pre-check and the
 * reviewer's document check (no attestation item; decision).
 */
export function requiredAttestations(path: string, target: TargetStage): AttestationItem[] {
  if (path === 'service' && target === 'capability_differentiation') {
    return ['capability_certification', 'dedicated_team', 'project_practice', 'bp_review'];
  }
  if (path === 'lp') return ['lp_review'];
  return [];
}

export interface SubmitStageApplicationInput {
  target_stage: TargetStage;
  case_ids?: string[];
  employment_proof_ids?: string[];
  bp_file_id?: string;
  company_ppt_file_id?: string;
}

export interface StageApplicationView {
  id: string;
  membership_id: string;
  partner_account_id: string;
  path: string;
  target_stage: TargetStage;
  status: StageApplicationStatus;
  criteria_snapshot: Record<string, unknown>;
  case_ids: string[];
  employment_proof_ids: string[];
  bp_file_id: string | null;
  company_ppt_file_id: string | null;
  bp_review_at: string | null;
  submitted_by: string;
  submitted_at: string;
  reviewer_id: string | null;
  decided_at: string | null;
  reject_reason: string | null;
  attestations: Record<string, boolean>;
  required_attestations: string[];
}

export interface ServiceCaseView {
  id: string;
  partner_account_id: string;
  title: string;
  customer_name: string;
  project_date: string;
  is_huawei_cloud: boolean;
  public_url: string | null;
  description: string;
  file_id: string | null;
  created_at: string;
}

export interface EmploymentProofView {
  id: string;
  partner_account_id: string;
  file_id: string;
  issuer_name: string;
  covered_personal_account_ids: string[];
  created_at: string;
}

@Injectable()
export class StageApplicationService {
  private readonly machine: StateMachine<StageApplicationStatus, StageApplication>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly collaborators: CertificationCollaborators,
    @Inject(CAPABILITY_LABEL_READER) private readonly labels: CapabilityLabelReader,
    @Inject(WorkingDayCalendar) private readonly calendar: WorkingDayCalendar,
    private readonly memberships: PathMembershipService,
    private readonly keeper: PathStageKeeper,
    private readonly notifier: PathNotifier,
  ) {
    this.machine = new StateMachine(STAGE_APPLICATION_MACHINE, audit);
  }

  // --- evidence ---------------------------------------------------------------------------------------------------

  /** PATH-012: a non-Huawei-Cloud case needs the URL of its published case. */
  async registerCase(
    ctx: RequestContext,
    dto: {
      title: string;
      customer_name: string;
      project_date: string;
      is_huawei_cloud: boolean;
      public_url?: string;
      description: string;
      file_id?: string;
    },
  ): Promise<ServiceCaseView> {
    if (!dto.is_huawei_cloud && !dto.public_url?.trim())
      throw PathErrors.fail('PATH_CASE_PUBLIC_URL_REQUIRED');
    return this.tx.run(ctx, async (t) => {
      const c = t.em!.create(ServiceCase, {
        partnerAccountId: t.partnerAccountId,
        title: dto.title,
        customerName: dto.customer_name,
        projectDate: dto.project_date,
        isHuaweiCloud: dto.is_huawei_cloud,
        publicUrl: dto.public_url?.trim() || null,
        description: dto.description,
        fileId: dto.file_id ?? null,
        createdAt: t.now(),
      });
      await t.em!.save(c);
      await this.audit.record(t, {
        action: 'service_case.registered',
        entityType: 'service_case',
        entityId: c.id,
        partnerAccountId: c.partnerAccountId,
        after: caseView(c) as unknown as Record<string, unknown>,
      });
      return caseView(c);
    });
  }

  async listCases(ctx: RequestContext): Promise<{ total_count: number; items: ServiceCaseView[] }> {
    const rows = await this.dataSource.getRepository(ServiceCase).find({
      where: { partnerAccountId: ctx.partnerAccountId },
      order: { projectDate: 'DESC', id: 'DESC' },
    });
    return { total_count: rows.length, items: rows.map(caseView) };
  }

  /** PATH-013: the issuer must be exactly the certifying legal entity's company name. */
  async registerEmploymentProof(
    ctx: RequestContext,
    dto: { file_id: string; issuer_name: string; covered_personal_account_ids: string[] },
  ): Promise<EmploymentProofView> {
    const facts = await this.collaborators.accounts.facts(ctx.partnerAccountId);
    if (!facts?.companyName || dto.issuer_name.trim() !== facts.companyName.trim()) {
      throw PathErrors.fail('PATH_EMPLOYMENT_PROOF_ISSUER_MISMATCH', undefined, {
        issuer_name: dto.issuer_name,
      });
    }
    return this.tx.run(ctx, async (t) => {
      const p = t.em!.create(EmploymentProof, {
        partnerAccountId: t.partnerAccountId,
        fileId: dto.file_id,
        issuerName: dto.issuer_name.trim(),
        coveredPersonalAccountIds: [...new Set(dto.covered_personal_account_ids)],
        createdAt: t.now(),
      });
      await t.em!.save(p);
      await this.audit.record(t, {
        action: 'employment_proof.registered',
        entityType: 'employment_proof',
        entityId: p.id,
        partnerAccountId: p.partnerAccountId,
        after: proofView(p) as unknown as Record<string, unknown>,
      });
      return proofView(p);
    });
  }

  async listEmploymentProofs(
    ctx: RequestContext,
  ): Promise<{ total_count: number; items: EmploymentProofView[] }> {
    const rows = await this.dataSource.getRepository(EmploymentProof).find({
      where: { partnerAccountId: ctx.partnerAccountId },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    return { total_count: rows.length, items: rows.map(proofView) };
  }

  // --- submission -------------------------------------------------------------------------------------------------

  async submit(
    ctx: RequestContext,
    membershipId: string,
    dto: SubmitStageApplicationInput,
  ): Promise<StageApplicationView> {
    const m = await this.memberships.ownedOrFail(ctx, membershipId);
    if (m.status !== 'active') throw PathErrors.fail('PATH_NOT_ACTIVE');
    if (m.path === 'software') throw PathErrors.fail('PATH_STAGE_AUTOMATIC');
    const target = dto.target_stage;
    if (STAGE_RANK[m.stage] >= STAGE_RANK[target]) {
      throw PathErrors.fail('PATH_STAGE_ALREADY_REACHED', undefined, { stage: m.stage });
    }
    if (target === 'capability_differentiation' && m.stage !== 'role_certification') {
      throw PathErrors.fail('PATH_STAGE_SKIP_NOT_ALLOWED');
    }
    await this.assertNoPending(m.id, this.dataSource.manager);
    const snapshot = await this.precheck(ctx, m, dto);
    return this.tx.run(ctx, async (t) => {
      const locked = (await findOneForUpdate(t.em!, PathMembership, { id: m.id }))!;
      if (locked.status !== 'active') throw PathErrors.fail('PATH_NOT_ACTIVE');
      if (locked.stage !== m.stage) throw new DomainError('STATE_TRANSITION_INVALID');
      await this.assertNoPending(m.id, t.em!);
      const a = t.em!.create(StageApplication, {
        membershipId: m.id,
        partnerAccountId: m.partnerAccountId,
        path: m.path,
        targetStage: target,
        status: 'pending_review',
        criteriaSnapshot: snapshot.snapshot,
        caseIds: snapshot.caseIds,
        employmentProofIds: snapshot.proofIds,
        bpFileId: dto.bp_file_id ?? null,
        companyPptFileId: dto.company_ppt_file_id ?? null,
        bpReviewAt: null,
        submittedBy: t.actorId,
        submittedAt: t.now(),
        reviewerId: null,
        decidedAt: null,
        rejectReason: null,
        attestations: {},
      });
      await this.machine.create(t, a, { action: 'stage_application.submitted' });
      await this.notifier.toPdm(
        t,
        {
          template: 'certification.path.stage_application_submitted',
          subject: 'Stage application to review',
          body: `A ${m.path} path application for ${target} awaits your review.`,
          params: { application_id: a.id, membership_id: m.id },
        },
        m.partnerAccountId,
      );
      return this.view(a);
    });
  }

  private async assertNoPending(membershipId: string, em: DataSource['manager']): Promise<void> {
    const pending = await em.findOne(StageApplication, {
      where: { membershipId, status: In(['pending_review', 'bp_review_scheduled']) },
    });
    if (pending) throw PathErrors.fail('PATH_APPLICATION_PENDING', undefined, { application_id: pending.id });
  }

  /** All numeric criteria of the target stage (PATH-005); throws on the first failing group. */
  private async precheck(
    ctx: RequestContext,
    m: PathMembership,
    dto: SubmitStageApplicationInput,
  ): Promise<{ snapshot: Record<string, unknown>; caseIds: string[]; proofIds: string[] }> {
    const facts = await this.collaborators.accounts.facts(m.partnerAccountId);
    const site = facts?.site ?? 'cn';
    const criteria = await this.memberships.criteriaFor(site, ctx.now());
    const today = this.calendar.localDate(ctx.now());
    const fail = (unmet: UnmetCriterion[], snapshot: Record<string, unknown>) =>
      PathErrors.fail('PATH_CRITERIA_NOT_MET', undefined, { unmet, criteria: snapshot });
    const target = dto.target_stage;

    if (m.path === 'service' && target === 'role_certification') {
      const persons = await this.collaborators.countedPersons.list(m.partnerAccountId, 'service', ctx.now());
      const people = servicePeople(persons);
      const cases = await this.casesFor(m.partnerAccountId, dto.case_ids);
      const cutoff = minusMonths(today, criteria.serviceRoleCaseMonths);
      const recent = cases.filter((c) => c.projectDate >= cutoff);
      const snapshot = {
        certified_persons: people.certifiedPersons,
        working_level_persons: people.workingLevelPersons,
        counted_personal_account_ids: people.countedPersonIds,
        recent_cases: recent.length,
        evaluated_on: today,
      };
      const unmet = serviceRoleUnmet(people, criteria);
      if (!cases.length)
        unmet.push({ criterion: 'service_cases', required: criteria.serviceRoleCases, actual: 0 });
      if (unmet.length) throw fail(unmet, snapshot);
      // explicit cases must each be recent (PATH-012); without ids, the recent ones of the account are used
      const tooOld = dto.case_ids?.length ? cases.filter((c) => c.projectDate < cutoff) : [];
      if (tooOld.length || recent.length < criteria.serviceRoleCases) {
        throw PathErrors.fail('PATH_CASE_TOO_OLD', undefined, {
          case_ids: (tooOld.length ? tooOld : cases).map((c) => c.id),
          earliest_project_date: cutoff,
        });
      }
      const noUrl = (dto.case_ids?.length ? cases : recent).filter((c) => !c.isHuaweiCloud && !c.publicUrl);
      if (noUrl.length) {
        throw PathErrors.fail('PATH_CASE_PUBLIC_URL_REQUIRED', undefined, {
          case_ids: noUrl.map((c) => c.id),
        });
      }
      const proofs = await this.proofsFor(m.partnerAccountId, dto.employment_proof_ids);
      const company = facts?.companyName?.trim() ?? null;
      const wrongIssuer = proofs.filter((p) => p.issuerName.trim() !== company);
      if (wrongIssuer.length && dto.employment_proof_ids?.length) {
        throw PathErrors.fail('PATH_EMPLOYMENT_PROOF_ISSUER_MISMATCH', undefined, {
          employment_proof_ids: wrongIssuer.map((p) => p.id),
        });
      }
      const usable = proofs.filter((p) => p.issuerName.trim() === company);
      const covered = new Set(usable.flatMap((p) => p.coveredPersonalAccountIds));
      const missing = people.countedPersonIds.filter((id) => !covered.has(id));
      if (missing.length) {
        throw PathErrors.fail('PATH_EMPLOYMENT_PROOF_MISSING', undefined, { personal_account_ids: missing });
      }
      return {
        snapshot,
        caseIds: (dto.case_ids?.length ? cases : recent).map((c) => c.id),
        proofIds: usable.map((p) => p.id),
      };
    }

    if (m.path === 'service' && target === 'capability_differentiation') {
      const codes = (await this.labels.listValid(m.partnerAccountId))
        .filter((l) => l.status === 'active')
        .map((l) => l.labelCode);
      const unmet = serviceDifferentiationUnmet(codes, criteria);
      const snapshot = {
        labels: [...new Set(codes)].length,
        label_codes: [...new Set(codes)].sort(),
        core_labels: [...new Set(codes)].filter((c) => criteria.serviceDifferentiationCoreLabels.includes(c))
          .length,
        site,
        evaluated_on: today,
      };
      if (unmet.length) throw fail(unmet, snapshot);
      if (!dto.bp_file_id || !dto.company_ppt_file_id) {
        throw PathErrors.fail('PATH_BP_MATERIALS_MISSING', undefined, {
          missing: [
            ...(dto.bp_file_id ? [] : ['bp_file_id']),
            ...(dto.company_ppt_file_id ? [] : ['company_ppt_file_id']),
          ],
        });
      }
      return { snapshot, caseIds: [], proofIds: [] };
    }

    if (m.path === 'si') {
      const persons = await this.collaborators.countedPersons.list(m.partnerAccountId, 'si', ctx.now());
      const offerings = await this.collaborators.build.jointOfferings(m.partnerAccountId);
      const codes = (await this.labels.listValid(m.partnerAccountId))
        .filter((l) => l.status === 'active')
        .map((l) => l.labelCode);
      const interlock = await this.memberships.interlocksOf(m.id);
      const f = siFacts(persons, offerings, codes, today, {
        bpInterlocked: interlock?.bpInterlocked ?? false,
        customerListInterlocked: interlock?.customerListInterlocked ?? false,
      });
      const snapshot = {
        bp_interlocked: f.bpInterlocked,
        customer_list_interlocked: f.customerListInterlocked,
        presales_experts: f.presalesExperts,
        expert_level_holders: f.expertLevelHolders,
        joint_offerings: f.jointOfferings,
        labels: f.labels,
        evaluated_on: today,
      };
      const unmet =
        target === 'role_certification' ? siRoleUnmet(f, criteria) : siDifferentiationUnmet(f, criteria);
      if (unmet.length) throw fail(unmet, snapshot);
      return { snapshot, caseIds: [], proofIds: [] };
    }

    // lp (PATH-021): no numeric criteria; the reviewer attests
    return { snapshot: { evaluated_on: today, review_based: true }, caseIds: [], proofIds: [] };
  }

  private async casesFor(partnerAccountId: string, ids: string[] | undefined): Promise<ServiceCase[]> {
    const repo = this.dataSource.getRepository(ServiceCase);
    if (!ids?.length)
      return repo.find({ where: { partnerAccountId }, order: { projectDate: 'DESC', id: 'ASC' } });
    const rows = await repo.find({ where: { id: In([...new Set(ids)]), partnerAccountId } });
    if (rows.length !== new Set(ids).size) throw PathErrors.fail('PATH_CASE_NOT_FOUND');
    return rows;
  }

  private async proofsFor(partnerAccountId: string, ids: string[] | undefined): Promise<EmploymentProof[]> {
    const repo = this.dataSource.getRepository(EmploymentProof);
    if (!ids?.length) return repo.find({ where: { partnerAccountId } });
    const rows = await repo.find({ where: { id: In([...new Set(ids)]), partnerAccountId } });
    if (rows.length !== new Set(ids).size) throw PathErrors.fail('PATH_EMPLOYMENT_PROOF_NOT_FOUND');
    return rows;
  }

  async withdraw(ctx: RequestContext, id: string): Promise<StageApplicationView> {
    await findOwnedOrFail(this.dataSource.manager, ctx, StageApplication, { id }, () =>
      PathErrors.fail('PATH_APPLICATION_NOT_FOUND'),
    );
    return this.tx.run(ctx, async (t) => {
      const a = (await findOneForUpdate(t.em!, StageApplication, { id }))!;
      // the partner withdraws only before the BP review is scheduled (state table: `pending_review` → `withdrawn`)
      if (a.status !== 'pending_review') {
        throw new DomainError('STATE_TRANSITION_INVALID', undefined, { from: a.status, to: 'withdrawn' });
      }
      await this.machine.transition(t, a, 'withdrawn', { action: 'stage_application.withdrawn' });
      return this.view(a);
    });
  }

  async listForPartner(ctx: RequestContext, q: { membership_id?: string; status?: StageApplicationStatus }) {
    const where: Record<string, unknown> = { partnerAccountId: ctx.partnerAccountId };
    if (q.membership_id) where.membershipId = q.membership_id;
    if (q.status) where.status = q.status;
    const rows = await this.dataSource
      .getRepository(StageApplication)
      .find({ where, order: { submittedAt: 'DESC', id: 'DESC' } });
    return { total_count: rows.length, items: rows.map((a) => this.view(a)) };
  }

  async getForPartner(ctx: RequestContext, id: string): Promise<StageApplicationView> {
    const a = await findOwnedOrFail(this.dataSource.manager, ctx, StageApplication, { id }, () =>
      PathErrors.fail('PATH_APPLICATION_NOT_FOUND'),
    );
    return this.view(a);
  }

  // --- reviewers (PDM) --------------------------------------------------------------------------------------------

  async listForReviewer(q: {
    status?: StageApplicationStatus;
    path?: string;
    partner_account_id?: string;
    offset?: number;
    limit?: number;
  }): Promise<{ total_count: number; items: StageApplicationView[] }> {
    const where: Record<string, unknown> = {};
    if (q.status) where.status = q.status;
    if (q.path) where.path = q.path;
    if (q.partner_account_id) where.partnerAccountId = q.partner_account_id;
    const [rows, total] = await this.dataSource.getRepository(StageApplication).findAndCount({
      where,
      order: { submittedAt: 'DESC', id: 'DESC' },
      skip: q.offset ?? 0,
      take: q.limit ?? 10,
    });
    return { total_count: total, items: rows.map((a) => this.view(a)) };
  }

  async getForReviewer(id: string): Promise<StageApplicationView> {
    const a = await this.dataSource.getRepository(StageApplication).findOne({ where: { id } });
    if (!a) throw PathErrors.fail('PATH_APPLICATION_NOT_FOUND');
    return this.view(a);
  }

  /** PATH-015: the online BP review meeting of a service differentiation application. */
  async scheduleBpReview(ctx: RequestContext, id: string, at: Date): Promise<StageApplicationView> {
    return this.review(ctx, id, async (t, a) => {
      if (a.path !== 'service' || a.targetStage !== 'capability_differentiation') {
        throw new DomainError(
          'STATE_TRANSITION_INVALID',
          'A BP review is only held for service capability differentiation.',
          { from: a.status, to: 'bp_review_scheduled' },
        );
      }
      await this.machine.transition(t, a, 'bp_review_scheduled', {
        action: 'stage_application.bp_review_scheduled',
        mutate: (x) => (x.bpReviewAt = at),
      });
      await this.notifier.toPartner(t, a.partnerAccountId, {
        template: 'certification.path.bp_review_scheduled',
        subject: 'BP review meeting scheduled',
        body: `Your online BP review meeting is scheduled for ${at.toISOString()} (UTC).`,
        params: { application_id: a.id, bp_review_at: at.toISOString() },
      });
    });
  }

  /** Records attestation items (merged into the previous ones); audit only, no status change. */
  async attest(
    ctx: RequestContext,
    id: string,
    items: Partial<Record<AttestationItem, boolean>>,
  ): Promise<StageApplicationView> {
    return this.review(ctx, id, async (t, a) => {
      if (a.status !== 'pending_review' && a.status !== 'bp_review_scheduled') {
        throw new DomainError('STATE_TRANSITION_INVALID', 'The application is already decided.', {
          from: a.status,
          to: a.status,
        });
      }
      const before = { ...a.attestations };
      const next = { ...a.attestations };
      for (const k of ATTESTATION_ITEMS) if (typeof items[k] === 'boolean') next[k] = items[k];
      a.attestations = next;
      await t.em!.save(a);
      await this.audit.record(t, {
        action: 'stage_application.attested',
        entityType: 'stage_application',
        entityId: a.id,
        partnerAccountId: a.partnerAccountId,
        before: { attestations: before },
        after: { attestations: next },
      });
    });
  }

  /** Approval: every required attestation true; the stage is set and the certificate issued (PROG-020 validity). */
  async approve(ctx: RequestContext, id: string): Promise<StageApplicationView> {
    return this.review(ctx, id, async (t, a) => {
      const missing = requiredAttestations(a.path, a.targetStage).filter((k) => a.attestations[k] !== true);
      if (missing.length && (a.status === 'pending_review' || a.status === 'bp_review_scheduled')) {
        throw PathErrors.fail('PATH_ATTESTATION_MISSING', undefined, { missing });
      }
      const m = (await findOneForUpdate(t.em!, PathMembership, { id: a.membershipId }))!;
      if (m.status !== 'active') throw PathErrors.fail('PATH_NOT_ACTIVE');
      await this.machine.transition(t, a, 'approved', {
        action: 'stage_application.approved',
        mutate: (x) => {
          x.reviewerId = t.reviewerId;
          x.decidedAt = t.now();
        },
      });
      const validTo = annualValidTo(this.calendar.localDate(t.now()));
      await this.keeper.setStage(t, m, a.targetStage, {
        validTo,
        reason: 'stage_application_approved',
        revokeReason: `superseded by ${a.targetStage}`,
      });
      const title = pathTitle(m.path, m.stage);
      await this.notifier.toPartner(t, a.partnerAccountId, {
        template: 'certification.path.stage_application_approved',
        subject: 'Stage application approved',
        body:
          `Your ${m.path} path reached ${a.targetStage}${title ? ` (${title})` : ''}. ` +
          `Your partner certificate is valid to ${validTo}.`,
        params: { application_id: a.id, membership_id: m.id, stage: m.stage, title, valid_to: validTo },
      });
    });
  }

  async reject(ctx: RequestContext, id: string, reason: string): Promise<StageApplicationView> {
    const text = (reason ?? '').trim();
    if (!text) throw PathErrors.fail('PATH_REASON_REQUIRED');
    if (text.length > 500)
      throw CertificationErrors.fail('CERT_FIELD_INVALID', undefined, { field: 'reason' });
    return this.review(ctx, id, async (t, a) => {
      await this.machine.transition(t, a, 'rejected', {
        action: 'stage_application.rejected',
        mutate: (x) => {
          x.reviewerId = t.reviewerId;
          x.decidedAt = t.now();
          x.rejectReason = text;
        },
      });
      await this.notifier.toPartner(t, a.partnerAccountId, {
        template: 'certification.path.stage_application_rejected',
        subject: 'Stage application rejected',
        body: `Your ${a.path} path application for ${a.targetStage} was rejected. Reason: ${text}`,
        params: { application_id: a.id, reason: text },
      });
    });
  }

  private async review(
    ctx: RequestContext,
    id: string,
    decide: (t: RequestContext, a: StageApplication) => Promise<void>,
  ): Promise<StageApplicationView> {
    return this.tx.run(ctx, async (t) => {
      const a = await findOneForUpdate(t.em!, StageApplication, { id });
      if (!a) throw PathErrors.fail('PATH_APPLICATION_NOT_FOUND');
      await decide(t, a);
      return this.view(a);
    });
  }

  view(a: StageApplication): StageApplicationView {
    return {
      id: a.id,
      membership_id: a.membershipId,
      partner_account_id: a.partnerAccountId,
      path: a.path,
      target_stage: a.targetStage,
      status: a.status,
      criteria_snapshot: a.criteriaSnapshot,
      case_ids: a.caseIds,
      employment_proof_ids: a.employmentProofIds,
      bp_file_id: a.bpFileId,
      company_ppt_file_id: a.companyPptFileId,
      bp_review_at: a.bpReviewAt?.toISOString() ?? null,
      submitted_by: a.submittedBy,
      submitted_at: a.submittedAt.toISOString(),
      reviewer_id: a.reviewerId,
      decided_at: a.decidedAt?.toISOString() ?? null,
      reject_reason: a.rejectReason,
      attestations: a.attestations,
      required_attestations: requiredAttestations(a.path, a.targetStage),
    };
  }
}

export type { PathCriteria };

function caseView(c: ServiceCase): ServiceCaseView {
  return {
    id: c.id,
    partner_account_id: c.partnerAccountId,
    title: c.title,
    customer_name: c.customerName,
    project_date: c.projectDate,
    is_huawei_cloud: c.isHuaweiCloud,
    public_url: c.publicUrl,
    description: c.description,
    file_id: c.fileId,
    created_at: c.createdAt.toISOString(),
  };
}

function proofView(p: EmploymentProof): EmploymentProofView {
  return {
    id: p.id,
    partner_account_id: p.partnerAccountId,
    file_id: p.fileId,
    issuer_name: p.issuerName,
    covered_personal_account_ids: p.coveredPersonalAccountIds,
    created_at: p.createdAt.toISOString(),
  };
}
