/**
 * Solutions and their cloud software / advanced cloud software certification (FAQ 4.1, 8.1, 8.2.1; build.md
 * BUILD-001…BUILD-019, F-BUILD-1…3, `solutionCertificationExpiryJob`). The partner creates a solution and a
 * certification draft with its materials, submits it; PSA pre-review → software technical expert (level-1)
 * → PDM supervisor (level-2, with the software business expert group for advanced) certify it for one year.
 * Every status change goes through the state machine (save + audit) and publishes
 * `SOLUTION_CERTIFICATION_CHANGED_EVENT` after commit, from which the certification module recomputes the
 * software path stage (BUILD-017).
 */
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, LessThan, MoreThanOrEqual, type EntityManager } from 'typeorm';
import { AuditService } from '../../../../../libs/audit/index.js';
import { requireReviewerRole } from '../../../../../libs/auth/index.js';
import { WorkingDayCalendar } from '../../../../../libs/calendar/index.js';
import type { RequestContext } from '../../../../../libs/context/index.js';
import { DomainError } from '../../../../../libs/errors/index.js';
import type { Page } from '../../../../../libs/http/index.js';
import { NotificationService, type OutgoingMessage } from '../../../../../libs/notify/index.js';
import { renderPdf } from '../../../../../libs/pdf/index.js';
import {
  findOneForUpdate,
  nextSequenceValue,
  TransactionRunner,
} from '../../../../../libs/persistence/index.js';
import { StateMachine } from '../../../../../libs/state-machine/index.js';
import { findOwnedOrFail } from '../../../../../libs/tenancy/index.js';
import {
  CertificationCollaborators,
  PATH_STAGE_READER,
  type PathStageReader,
  SOLUTION_CERTIFICATION_CHANGED_EVENT,
  type SolutionCertificationChangedPayload,
  type ValidSolutionCertification,
} from '../../../certification/index.js';
import { PartnerAccountService } from '../../../info/index.js';
import { OrgMemberService } from '../../../org/index.js';
import { BuildErrors } from '../../build.errors.js';
import {
  BASELINE_FACTS,
  type BaselineFacts,
  type SolutionFacts,
  type SolutionSummary,
} from '../../build.contracts.js';
import {
  architectureCheck,
  type CertificationType,
  certificateNo,
  IN_PROGRESS_STATUSES,
  isBaselineScenario,
  isPartnerScenario,
  isValidOn,
  type MaterialType,
  missingMaterial,
  MULTI_FILE_MATERIALS,
  recertificationOpensOn,
  validUntilFrom,
} from '../domain/certification-rules.js';
import {
  EDITABLE_STATUSES,
  SOLUTION_CERTIFICATION_MACHINE,
} from '../domain/solution-certification.machine.js';
import type {
  AdminListCertificationsQuery,
  CreateCertificationDto,
  CreateSolutionDto,
  ExpertReviewDto,
  ListCertificationsQuery,
  MaterialDto,
  PdmReviewDto,
  PsaReviewDto,
  UpdateCertificationDto,
  UpdateSolutionDto,
} from '../dto/solutions.dto.js';
import {
  type CertificationMaterial,
  Solution,
  SolutionCertificate,
  SolutionCertification,
  type SolutionCertificationStatus,
} from '../entities/solution.entities.js';
import { SolutionErrors } from '../solutions.errors.js';
import { CloudServiceCatalogService } from './cloud-service-catalog.service.js';

/** build.md Permissions: who performs each review step. */
export const PSA_REVIEWER_ROLES = ['psa'] as const;
export const EXPERT_REVIEWER_ROLES = ['expert'] as const;
export const PDM_REVIEWER_ROLES = ['pdm'] as const;
/** the reviewer flag of the PDM supervisor (GLOSSARY convention 1, build.md "Actors") */
export const PDM_SUPERVISOR_FLAG = 'supervisor';
export const SOLUTION_REVIEWER_ROLES = ['psa', 'expert', 'pdm'] as const;

/** Expiry reminders (decision, "Deadlines and scheduled jobs"): natural days before `valid_until`. */
export const EXPIRY_REMINDER_DAYS = [60, 30, 7] as const;

export interface SolutionView {
  id: string;
  partner_account_id: string;
  legal_entity_id: string | null;
  name: string;
  description: string | null;
  deployment_modes: string[];
  software_product_type: string | null;
  cloud_services_used: string[];
  baseline_solution_id: string | null;
  marketplace_product_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface SolutionCertificationView {
  id: string;
  solution_id: string;
  solution_name: string | null;
  partner_account_id: string;
  certification_type: CertificationType;
  pass_scenario: string;
  status: SolutionCertificationStatus;
  materials: CertificationMaterial[];
  baseline_solution_id: string | null;
  architecture_check: SolutionCertification['architectureCheck'];
  submitted_at: string | null;
  resubmission_count: number;
  psa_pre_review: SolutionCertification['psaPreReview'];
  expert_review: SolutionCertification['expertReview'];
  pdm_review: SolutionCertification['pdmReview'];
  review_history: SolutionCertification['reviewHistory'];
  certified_on: string | null;
  valid_until: string | null;
  certificate_no: string | null;
  certificate_available: boolean;
  ecosystem_program: string | null;
  supersedes_id: string | null;
  created_at: string;
  updated_at: string;
}

@Injectable()
export class SolutionCertificationService implements SolutionFacts {
  private readonly machine: StateMachine<SolutionCertificationStatus, SolutionCertification>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
    private readonly catalogue: CloudServiceCatalogService,
    private readonly partnerAccounts: PartnerAccountService,
    private readonly members: OrgMemberService,
    private readonly collaborators: CertificationCollaborators,
    @Inject(PATH_STAGE_READER) private readonly pathStages: PathStageReader,
    @Inject(BASELINE_FACTS) private readonly baselines: BaselineFacts,
    @Inject(WorkingDayCalendar) private readonly calendar: WorkingDayCalendar,
  ) {
    this.machine = new StateMachine(SOLUTION_CERTIFICATION_MACHINE, audit);
  }

  // --- solutions (partner) ------------------------------------------------------------------------------------

  /** BUILD-001: only an account on the `software` path creates solutions. */
  async createSolution(ctx: RequestContext, dto: CreateSolutionDto): Promise<SolutionView> {
    await this.requireSoftwarePath(ctx.partnerAccountId);
    const account = await this.partnerAccounts.findById(ctx.partnerAccountId);
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const s = em.create(Solution, {
        partnerAccountId: t.partnerAccountId,
        legalEntityId: account?.legalEntityId ?? null,
        name: dto.name.trim(),
        description: dto.description ?? null,
        deploymentModes: dto.deployment_modes,
        softwareProductType: dto.software_product_type ?? null,
        cloudServicesUsed: [...new Set(dto.cloud_services_used ?? [])],
        baselineSolutionId: dto.baseline_solution_id ?? null,
        marketplaceProductId: dto.marketplace_product_id ?? null,
        createdBy: t.actorId,
        createdAt: t.now(),
        updatedAt: t.now(),
      });
      await em.save(s);
      await this.audit.record(t, {
        action: 'solution.created',
        entityType: 'solution',
        entityId: s.id,
        partnerAccountId: s.partnerAccountId,
        before: null,
        after: solutionView(s) as unknown as Record<string, unknown>,
      });
      return solutionView(s);
    });
  }

  async updateSolution(ctx: RequestContext, id: string, dto: UpdateSolutionDto): Promise<SolutionView> {
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const s = await this.ownedSolutionForUpdate(t, id);
      const before = solutionView(s);
      if (dto.name !== undefined) s.name = dto.name.trim();
      if (dto.description !== undefined) s.description = dto.description;
      if (dto.deployment_modes !== undefined) s.deploymentModes = dto.deployment_modes;
      if (dto.software_product_type !== undefined) s.softwareProductType = dto.software_product_type;
      if (dto.cloud_services_used !== undefined) s.cloudServicesUsed = [...new Set(dto.cloud_services_used)];
      if (dto.baseline_solution_id !== undefined) s.baselineSolutionId = dto.baseline_solution_id;
      if (dto.marketplace_product_id !== undefined) s.marketplaceProductId = dto.marketplace_product_id;
      s.updatedAt = t.now();
      await em.save(s);
      await this.audit.record(t, {
        action: 'solution.updated',
        entityType: 'solution',
        entityId: s.id,
        partnerAccountId: s.partnerAccountId,
        before: before as unknown as Record<string, unknown>,
        after: solutionView(s) as unknown as Record<string, unknown>,
      });
      return solutionView(s);
    });
  }

  async listSolutions(
    ctx: RequestContext,
    q: { offset?: number; limit?: number },
  ): Promise<Page<SolutionView>> {
    const [rows, total] = await this.dataSource.getRepository(Solution).findAndCount({
      where: { partnerAccountId: ctx.partnerAccountId },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: q.offset ?? 0,
      take: q.limit ?? 10,
    });
    return { total_count: total, items: rows.map(solutionView) };
  }

  async getSolution(ctx: RequestContext, id: string): Promise<SolutionView> {
    return solutionView(await this.ownedSolution(ctx, id));
  }

  // --- certifications (partner) -------------------------------------------------------------------------------

  /**
   * ∅ → draft (BUILD-001 path check, BUILD-002: either type may be started directly, BUILD-003: one record per
   * application). `ecosystem_special_technical` records are created by the system only (BUILD-036).
   */
  async createCertification(
    ctx: RequestContext,
    solutionId: string,
    dto: CreateCertificationDto,
  ): Promise<SolutionCertificationView> {
    await this.requireSoftwarePath(ctx.partnerAccountId);
    if (!isPartnerScenario(dto.certification_type, dto.pass_scenario))
      throw scenarioInvalid(dto.pass_scenario);
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const s = await this.ownedSolutionForUpdate(t, solutionId);
      const now = t.now();
      const c = em.create(SolutionCertification, {
        solutionId: s.id,
        partnerAccountId: s.partnerAccountId,
        certificationType: dto.certification_type,
        passScenario: dto.pass_scenario,
        status: 'draft',
        materials: normaliseMaterials(dto.materials ?? [], now),
        baselineSolutionId: isBaselineScenario(dto.pass_scenario)
          ? (dto.baseline_solution_id ?? s.baselineSolutionId)
          : null,
        architectureCheck: null,
        submittedAt: null,
        resubmissionCount: 0,
        psaPreReview: null,
        expertReview: null,
        pdmReview: null,
        reviewHistory: [],
        certifiedOn: null,
        validUntil: null,
        certificateNo: null,
        ecosystemProgram: null,
        ecosystemEnrollmentId: null,
        supersedesId: null,
        createdBy: t.actorId,
        ownerMemberId: t.actor.kind === 'partner' ? t.actor.memberId : null,
        remindersSent: [],
        createdAt: now,
        updatedAt: now,
      });
      await this.machine.create(t, c, { action: 'solution_certification.created' });
      this.publishChanged(t, c);
      return this.view(c, s);
    });
  }

  /** Edits a `draft` / `rejected` application (scenario, baseline link, whole material list). */
  async updateCertification(
    ctx: RequestContext,
    id: string,
    dto: UpdateCertificationDto,
  ): Promise<SolutionCertificationView> {
    return this.editable(ctx, id, 'solution_certification.updated', (t, c, s) => {
      if (dto.pass_scenario !== undefined) {
        if (!isPartnerScenario(c.certificationType, dto.pass_scenario))
          throw scenarioInvalid(dto.pass_scenario);
        c.passScenario = dto.pass_scenario;
      }
      if (dto.baseline_solution_id !== undefined) c.baselineSolutionId = dto.baseline_solution_id;
      if (isBaselineScenario(c.passScenario)) c.baselineSolutionId ??= s.baselineSolutionId;
      else c.baselineSolutionId = null;
      if (dto.materials !== undefined) c.materials = normaliseMaterials(dto.materials, t.now());
    });
  }

  /** Adds one uploaded material; single-file types replace the previous file of that type. */
  async addMaterial(ctx: RequestContext, id: string, dto: MaterialDto): Promise<SolutionCertificationView> {
    return this.editable(ctx, id, 'solution_certification.material_added', (t, c) => {
      c.materials = normaliseMaterials(
        [...c.materials.map((m) => ({ material_type: m.material_type, file_id: m.file_id })), dto],
        t.now(),
        c.materials,
      );
    });
  }

  async removeMaterial(ctx: RequestContext, id: string, fileId: string): Promise<SolutionCertificationView> {
    return this.editable(ctx, id, 'solution_certification.material_removed', (_t, c) => {
      const before = c.materials.length;
      c.materials = c.materials.filter((m) => m.file_id !== fileId);
      if (c.materials.length === before) {
        throw BuildErrors.fail('BUILD_FIELD_INVALID', 'Invalid parameter: no material with this file_id', {
          field: 'file_id',
        });
      }
    });
  }

  /**
   * draft → pending_psa_pre_review, or rejected → pending_psa_pre_review (resubmission, `resubmission_count`
   * + 1, review history kept). Checks BUILD-004, BUILD-005, BUILD-006, BUILD-007, BUILD-010, BUILD-016; an
   * expired record cannot be resubmitted (BUILD-015/016: re-certify with a new application).
   */
  async submit(ctx: RequestContext, id: string): Promise<SolutionCertificationView> {
    const peek = await this.ownedCertification(ctx, id);
    const baseline =
      isBaselineScenario(peek.passScenario) && peek.baselineSolutionId
        ? await this.baselines.get(peek.baselineSolutionId)
        : null;
    // BUILD-007 reference data, read (and seeded on first use) outside the submission transaction
    const tiers =
      peek.certificationType === 'advanced_cloud_software' ? await this.catalogue.activeTiers() : null;
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const s = (await findOneForUpdate(em, Solution, { id: peek.solutionId }))!;
      const c = (await findOneForUpdate(em, SolutionCertification, { id }))!;
      if (c.status === 'expired') throw SolutionErrors.fail('SOLUTION_CERT_EXPIRED');
      if (!EDITABLE_STATUSES.includes(c.status)) {
        throw new DomainError(
          'STATE_TRANSITION_INVALID',
          `Cannot submit a certification in status ${c.status}.`,
          {
            from: c.status,
            to: 'pending_psa_pre_review',
          },
        );
      }
      const missing = missingMaterial(
        c.passScenario,
        c.materials.map((m) => m.material_type),
      );
      if (missing === 'software_copyright_certificate')
        throw SolutionErrors.fail('SOLUTION_COPYRIGHT_REQUIRED');
      if (missing) {
        throw SolutionErrors.fail('SOLUTION_MATERIAL_MISSING', `Missing material: ${missing}.`, {
          material_type: missing,
        });
      }
      if (isBaselineScenario(c.passScenario)) {
        const b = c.baselineSolutionId === peek.baselineSolutionId ? baseline : null;
        const ok =
          !!b &&
          b.partnerAccountId === c.partnerAccountId &&
          b.leadType === 'partner_led' &&
          b.stage === 'launched';
        if (!ok) {
          throw SolutionErrors.fail('SOLUTION_BASELINE_NOT_LAUNCHED', undefined, {
            baseline_solution_id: c.baselineSolutionId,
          });
        }
      }
      if (tiers) {
        const check = architectureCheck(s.cloudServicesUsed, tiers);
        c.architectureCheck = check;
        if (!check.met) {
          throw SolutionErrors.fail('SOLUTION_ARCHITECTURE_STANDARD_NOT_MET', undefined, {
            key_services: check.key_services,
            high_order_services: check.high_order_services,
          });
        }
      }
      const others = await em.find(SolutionCertification, {
        where: { solutionId: c.solutionId, certificationType: c.certificationType },
      });
      const inProgress = others.find(
        (o) => o.id !== c.id && (IN_PROGRESS_STATUSES as readonly string[]).includes(o.status),
      );
      if (inProgress) {
        throw SolutionErrors.fail('SOLUTION_CERT_IN_PROGRESS', undefined, {
          certification_id: inProgress.id,
          status: inProgress.status,
        });
      }
      const today = this.today(t);
      const current = others.find((o) => o.id !== c.id && o.status === 'certified');
      if (current?.validUntil) {
        const opensOn = recertificationOpensOn(current.validUntil);
        if (today < opensOn) {
          throw SolutionErrors.fail('SOLUTION_RECERT_TOO_EARLY', undefined, {
            valid_until: current.validUntil,
            opens_on: opensOn,
          });
        }
      }
      const resubmission = c.status === 'rejected';
      const at = t.now();
      await this.machine.transition(t, c, 'pending_psa_pre_review', {
        action: resubmission ? 'solution_certification.resubmitted' : 'solution_certification.submitted',
        mutate: (x) => {
          x.submittedAt = at;
          if (resubmission) x.resubmissionCount += 1;
          x.psaPreReview = null;
          x.expertReview = null;
          x.pdmReview = null;
          x.supersedesId = current?.id ?? null;
          x.reviewHistory = [
            ...x.reviewHistory,
            {
              step: resubmission ? 'resubmitted' : 'submitted',
              actor: t.actorId,
              result: null,
              comment: null,
              at: at.toISOString(),
            },
          ];
          x.updatedAt = at;
        },
      });
      this.publishChanged(t, c);
      return this.view(c, s);
    });
  }

  /** draft / pending_psa_pre_review → withdrawn (decision: the FAQ is silent). */
  async withdraw(ctx: RequestContext, id: string): Promise<SolutionCertificationView> {
    await this.ownedCertification(ctx, id);
    return this.tx.run(ctx, async (t) => {
      const c = (await findOneForUpdate(t.em!, SolutionCertification, { id }))!;
      const at = t.now();
      await this.machine.transition(t, c, 'withdrawn', {
        action: 'solution_certification.withdrawn',
        mutate: (x) => {
          x.reviewHistory = [
            ...x.reviewHistory,
            { step: 'withdrawn', actor: t.actorId, result: null, comment: null, at: at.toISOString() },
          ];
          x.updatedAt = at;
        },
      });
      this.publishChanged(t, c);
      return this.view(c, await this.solutionOf(t.em!, c));
    });
  }

  async getCertification(ctx: RequestContext, id: string): Promise<SolutionCertificationView> {
    const c = await this.ownedCertification(ctx, id);
    return this.view(c, await this.solutionOf(this.dataSource.manager, c));
  }

  async listCertificationsOfSolution(
    ctx: RequestContext,
    solutionId: string,
    q: ListCertificationsQuery,
  ): Promise<Page<SolutionCertificationView>> {
    const s = await this.ownedSolution(ctx, solutionId);
    return this.page(
      {
        solutionId: s.id,
        partnerAccountId: ctx.partnerAccountId,
        ...(q.certification_type ? { certificationType: q.certification_type } : {}),
        ...(q.status ? { status: q.status } : {}),
      },
      q,
    );
  }

  /** "Build > Cloud software solutions / Advanced cloud software solutions" lists of the account. */
  async listCertifications(
    ctx: RequestContext,
    q: ListCertificationsQuery,
  ): Promise<Page<SolutionCertificationView>> {
    return this.page(
      {
        partnerAccountId: ctx.partnerAccountId,
        ...(q.certification_type ? { certificationType: q.certification_type } : {}),
        ...(q.status ? { status: q.status } : {}),
      },
      q,
    );
  }

  /** BUILD-018: the PDF of a `certified`, still valid record; otherwise 409 CERTIFICATE_NOT_AVAILABLE. */
  async certificate(ctx: RequestContext, id: string): Promise<{ fileName: string; content: Buffer }> {
    const c = await this.ownedCertification(ctx, id);
    if (!isValidOn(c, this.today(ctx))) throw SolutionErrors.fail('CERTIFICATE_NOT_AVAILABLE');
    const cert = await this.dataSource
      .getRepository(SolutionCertificate)
      .findOne({ where: { certificationId: c.id } });
    if (!cert) throw SolutionErrors.fail('CERTIFICATE_NOT_AVAILABLE');
    return { fileName: `${cert.certificateNo}.pdf`, content: cert.content };
  }

  // --- reviewers ----------------------------------------------------------------------------------------------

  /** BUILD-011: PSA pre-review first; rejection needs a comment. Decision: any `psa` reviewer may act (no PSA
   * assignment data exists yet; the reviewer is recorded). */
  async psaReview(ctx: RequestContext, id: string, dto: PsaReviewDto): Promise<SolutionCertificationView> {
    requireReviewerRole(ctx, PSA_REVIEWER_ROLES);
    return this.reviewStep(ctx, id, 'pending_psa_pre_review', async (t, c) => {
      const comment = cleanComment(dto.comment);
      if (dto.result === 'reject' && !comment) throw SolutionErrors.fail('REVIEW_COMMENT_REQUIRED');
      const at = t.now().toISOString();
      const review = { reviewer_id: t.actorId, result: dto.result, comment, at };
      await this.machine.transition(t, c, dto.result === 'pass' ? 'pending_expert_review' : 'rejected', {
        action: `solution_certification.psa_${dto.result}`,
        mutate: (x) => {
          x.psaPreReview = review;
          x.reviewHistory = [
            ...x.reviewHistory,
            { step: 'psa_pre_review', actor: t.actorId, result: dto.result, comment, at },
          ];
          x.updatedAt = t.now();
        },
      });
    });
  }

  /**
   * BUILD-012 level-1 (e-flow 一级审批): the software technical experts' conclusion; only `pass` advances, `fail`
   * rejects with a comment. BUILD-007: the expert confirms the "3 or 1" check (or overrides it with a reason).
   */
  async expertReview(
    ctx: RequestContext,
    id: string,
    dto: ExpertReviewDto,
  ): Promise<SolutionCertificationView> {
    requireReviewerRole(ctx, EXPERT_REVIEWER_ROLES);
    return this.reviewStep(ctx, id, 'pending_expert_review', async (t, c) => {
      const comment = cleanComment(dto.comment);
      if (dto.technical_conclusion === 'fail' && !comment)
        throw SolutionErrors.fail('REVIEW_COMMENT_REQUIRED');
      const override = dto.architecture_override_reason?.trim() || null;
      if (
        dto.technical_conclusion === 'pass' &&
        c.certificationType === 'advanced_cloud_software' &&
        c.architectureCheck &&
        !c.architectureCheck.met &&
        !override
      ) {
        throw SolutionErrors.fail('SOLUTION_ARCHITECTURE_STANDARD_NOT_MET');
      }
      const at = t.now().toISOString();
      const me = t.actorId;
      const review = {
        reviewer_ids: [me, ...(dto.reviewer_ids ?? []).filter((r) => r !== me)],
        technical_conclusion: dto.technical_conclusion,
        comment,
        architecture_override_reason: override,
        at,
      };
      await this.machine.transition(
        t,
        c,
        dto.technical_conclusion === 'pass' ? 'pending_pdm_review' : 'rejected',
        {
          action: `solution_certification.expert_${dto.technical_conclusion}`,
          mutate: (x) => {
            x.expertReview = review;
            if (override && x.architectureCheck) x.architectureCheck = { ...x.architectureCheck, met: true };
            x.reviewHistory = [
              ...x.reviewHistory,
              { step: 'expert_review', actor: t.actorId, result: dto.technical_conclusion, comment, at },
            ];
            x.updatedAt = t.now();
          },
        },
      );
    });
  }

  /**
   * BUILD-013 level-2 (二级审批) by the PDM supervisor (`pdm` + flag `supervisor`); advanced certification needs
   * ≥ 1 member of the software business expert group. Approval certifies (BUILD-014: `certified_on` = today in
   * Asia/Shanghai, valid one year), numbers and renders the certificate (BUILD-018) and supersedes the older
   * certified record of the same solution and type (BUILD-016).
   */
  async pdmReview(ctx: RequestContext, id: string, dto: PdmReviewDto): Promise<SolutionCertificationView> {
    requireReviewerRole(ctx, PDM_REVIEWER_ROLES);
    if (
      ctx.actor.kind !== 'reviewer' ||
      !(ctx.actor.roles.includes('admin') || ctx.actor.flags.includes(PDM_SUPERVISOR_FLAG))
    ) {
      throw new DomainError('REVIEWER_ROLE_REQUIRED', 'Level-2 approval needs a PDM supervisor.');
    }
    return this.reviewStep(ctx, id, 'pending_pdm_review', async (t, c, s) => {
      const comment = cleanComment(dto.comment);
      const at = t.now();
      const experts = [
        ...new Set((dto.business_expert_group_ids ?? []).map((e) => e.trim()).filter(Boolean)),
      ];
      if (dto.result === 'reject') {
        if (!comment) throw SolutionErrors.fail('REVIEW_COMMENT_REQUIRED');
      } else if (c.certificationType === 'advanced_cloud_software' && experts.length === 0) {
        throw SolutionErrors.fail('CERT_BUSINESS_EXPERTS_REQUIRED');
      }
      const review = {
        reviewer_id: t.actorId,
        business_expert_group_ids: experts,
        result: dto.result,
        comment,
        at: at.toISOString(),
      };
      const history = {
        step: 'pdm_review' as const,
        actor: t.actorId,
        result: dto.result,
        comment,
        at: at.toISOString(),
      };
      if (dto.result === 'reject') {
        await this.machine.transition(t, c, 'rejected', {
          action: 'solution_certification.pdm_reject',
          mutate: (x) => {
            x.pdmReview = review;
            x.reviewHistory = [...x.reviewHistory, history];
            x.updatedAt = at;
          },
        });
        return;
      }
      await this.certify(t, c, s, this.today(t), 'solution_certification.certified', (x) => {
        x.pdmReview = review;
        x.reviewHistory = [...x.reviewHistory, history];
      });
    });
  }

  async listForReviewer(q: AdminListCertificationsQuery): Promise<Page<SolutionCertificationView>> {
    return this.page(
      {
        ...(q.status ? { status: q.status } : {}),
        ...(q.partner_account_id ? { partnerAccountId: q.partner_account_id } : {}),
      },
      q,
    );
  }

  async getForReviewer(id: string): Promise<SolutionCertificationView> {
    const c = await this.dataSource.getRepository(SolutionCertification).findOne({ where: { id } });
    if (!c) throw SolutionErrors.fail('SOLUTION_CERT_NOT_FOUND');
    return this.view(c, await this.solutionOf(this.dataSource.manager, c));
  }

  // --- system -------------------------------------------------------------------------------------------------

  /**
   * `solutionCertificationExpiryJob` (daily 00:05 Asia/Shanghai): `certified` records with `valid_until < today`
   * → `expired` (BUILD-015), event for the path stage, in-app message + e-mail to the partner admin.
   */
  async expireDue(ctx: RequestContext): Promise<Record<string, unknown>> {
    const today = this.today(ctx);
    const due = await this.dataSource.getRepository(SolutionCertification).find({
      where: { status: 'certified', validUntil: LessThan(today) },
      order: { validUntil: 'ASC', id: 'ASC' },
      take: 1000,
    });
    let expired = 0;
    for (const d of due) {
      const done = await this.tx.run(ctx, async (t) => {
        const c = await findOneForUpdate(t.em!, SolutionCertification, { id: d.id });
        if (!c || c.status !== 'certified' || !c.validUntil || c.validUntil >= today) return false;
        await this.machine.transition(t, c, 'expired', {
          action: 'solution_certification.expired',
          mutate: (x) => (x.updatedAt = t.now()),
        });
        this.publishChanged(t, c);
        const s = await this.solutionOf(t.em!, c);
        const type = typeLabel(c.certificationType);
        await this.notifyPartner(t, c, null, {
          template: 'build.solution_certification.expired',
          subject: `${type} certification expired`,
          body:
            `The ${type.toLowerCase()} certification of "${s?.name ?? c.solutionId}" (${c.certificateNo ?? '-'}) ` +
            `expired after ${c.validUntil}. Apply for re-certification to keep the certification.`,
        });
        return true;
      });
      if (done) expired++;
    }
    return { today, expired };
  }

  /** Expiry reminders (decision): 60, 30 and 7 natural days before `valid_until`, to the partner admin and the
   * org member who owns the application; each reminder once. */
  async remindDue(ctx: RequestContext): Promise<Record<string, unknown>> {
    const today = this.today(ctx);
    const candidates = await this.dataSource.getRepository(SolutionCertification).find({
      where: { status: 'certified', validUntil: MoreThanOrEqual(today) },
      take: 5000,
    });
    let sent = 0;
    for (const d of candidates) {
      const days = daysBetween(today, d.validUntil!);
      const due = EXPIRY_REMINDER_DAYS.filter((n) => n >= days && !d.remindersSent.includes(n));
      if (!due.length) continue;
      await this.tx.run(ctx, async (t) => {
        const c = (await findOneForUpdate(t.em!, SolutionCertification, { id: d.id }))!;
        c.remindersSent = [...new Set([...c.remindersSent, ...due])];
        await t.em!.save(c);
        const s = await this.solutionOf(t.em!, c);
        const type = typeLabel(c.certificationType);
        await this.notifyPartner(t, c, c.ownerMemberId, {
          template: 'build.solution_certification.expiry_reminder',
          subject: `${type} certification expires on ${c.validUntil}`,
          body:
            `The ${type.toLowerCase()} certification of "${s?.name ?? c.solutionId}" expires on ${c.validUntil} ` +
            `(${days} days left). Re-certification can be submitted from ${recertificationOpensOn(c.validUntil!)}.`,
          params: { days_left: days },
        });
      });
      sent++;
    }
    return { today, reminded: sent };
  }

  /** BUILD-036 (SolutionFacts): the ecosystem technical certification passed → a certified advanced record. */
  async issueEcosystemTechnicalCertification(
    ctx: RequestContext,
    em: EntityManager,
    input: { solutionId: string; enrollmentId: string; program: string; certifiedOn: string },
  ): Promise<{ certificationId: string; validUntil: string }> {
    const t = ctx.em === em ? ctx : ctx.withManager(em);
    const s = await findOneForUpdate(em, Solution, { id: input.solutionId });
    if (!s) throw SolutionErrors.fail('SOLUTION_NOT_FOUND');
    const now = t.now();
    const c = em.create(SolutionCertification, {
      solutionId: s.id,
      partnerAccountId: s.partnerAccountId,
      certificationType: 'advanced_cloud_software',
      passScenario: 'ecosystem_special_technical',
      status: 'pending_pdm_review',
      materials: [],
      baselineSolutionId: null,
      architectureCheck: null,
      submittedAt: now,
      resubmissionCount: 0,
      psaPreReview: null,
      expertReview: null,
      pdmReview: null,
      reviewHistory: [],
      certifiedOn: null,
      validUntil: null,
      certificateNo: null,
      ecosystemProgram: input.program,
      ecosystemEnrollmentId: input.enrollmentId,
      supersedesId: null,
      createdBy: t.actorId,
      ownerMemberId: null,
      remindersSent: [],
      createdAt: now,
      updatedAt: now,
    });
    // the record exists only as `certified` (∅ → certified): insert it without an intermediate event
    await em.save(c);
    await this.certify(
      t,
      c,
      s,
      input.certifiedOn,
      'solution_certification.certified_by_ecosystem',
      () => undefined,
      true,
    );
    return { certificationId: c.id, validUntil: c.validUntil! };
  }

  // --- readers (certification module, baseline part) ------------------------------------------------------------

  async get(solutionId: string): Promise<SolutionSummary | null> {
    const s = await this.dataSource.getRepository(Solution).findOne({ where: { id: solutionId } });
    return s ? { id: s.id, partnerAccountId: s.partnerAccountId, name: s.name } : null;
  }

  /** build.md `SolutionCertificationReader.listValid`: `certified` and `valid_until ≥ date(at)`. */
  async listValidCertifications(
    partnerAccountId: string,
    type: CertificationType | null,
    at: Date,
  ): Promise<ValidSolutionCertification[]> {
    const date = this.calendar.localDate(at);
    const rows = await this.dataSource.getRepository(SolutionCertification).find({
      where: {
        partnerAccountId,
        status: 'certified',
        validUntil: MoreThanOrEqual(date),
        ...(type ? { certificationType: type } : {}),
      },
      order: { certifiedOn: 'ASC', id: 'ASC' },
    });
    return rows.map((r) => ({
      solutionId: r.solutionId,
      certificationId: r.id,
      certificationType: r.certificationType,
      certifiedOn: r.certifiedOn!,
      validUntil: r.validUntil!,
    }));
  }

  /**
   * BUILD-015 for applications that depend on a certification (benefits: test vouchers, MDF): the record of the
   * account, `certified` and valid on the date of `at`; otherwise 422 SOLUTION_CERT_EXPIRED (404 when unknown).
   */
  async requireValidCertification(
    partnerAccountId: string,
    certificationId: string,
    at: Date,
  ): Promise<ValidSolutionCertification> {
    const c = await this.dataSource
      .getRepository(SolutionCertification)
      .findOne({ where: { id: certificationId } });
    if (!c || c.partnerAccountId !== partnerAccountId) throw SolutionErrors.fail('SOLUTION_CERT_NOT_FOUND');
    if (!isValidOn(c, this.calendar.localDate(at))) throw SolutionErrors.fail('SOLUTION_CERT_EXPIRED');
    return {
      solutionId: c.solutionId,
      certificationId: c.id,
      certificationType: c.certificationType,
      certifiedOn: c.certifiedOn!,
      validUntil: c.validUntil!,
    };
  }

  /**
   * BUILD-019 `SolutionRecordReader.exists`: any certification record of the type in any status; a solution
   * without any certification record counts as a cloud software solution record (decision).
   */
  async solutionRecordExists(partnerAccountId: string, type: CertificationType): Promise<boolean> {
    const em = this.dataSource.manager;
    if (await em.exists(SolutionCertification, { where: { partnerAccountId, certificationType: type } }))
      return true;
    if (type !== 'cloud_software') return false;
    const solutions = await em.find(Solution, { where: { partnerAccountId }, select: { id: true } });
    if (!solutions.length) return false;
    const withRecords = new Set(
      (
        await em.find(SolutionCertification, {
          where: { solutionId: In(solutions.map((s) => s.id)) },
          select: { solutionId: true },
        })
      ).map((c) => c.solutionId),
    );
    return solutions.some((s) => !withRecords.has(s.id));
  }

  // --- internals ----------------------------------------------------------------------------------------------

  private async certify(
    t: RequestContext,
    c: SolutionCertification,
    s: Solution,
    certifiedOn: string,
    action: string,
    mutate: (x: SolutionCertification) => void,
    fromNothing = false,
  ): Promise<void> {
    const em = t.em!;
    const validUntil = validUntilFrom(certifiedOn);
    const year = certifiedOn.slice(0, 4);
    const prefix = certificateNo(c.certificationType, year, 0).slice(0, -6);
    const seq = await nextSequenceValue(em, `build.solution_certificate.${prefix}`);
    const no = certificateNo(c.certificationType, year, seq);
    const at = t.now();
    const apply = (x: SolutionCertification) => {
      mutate(x);
      x.certifiedOn = certifiedOn;
      x.validUntil = validUntil;
      x.certificateNo = no;
      x.remindersSent = [];
      x.updatedAt = at;
    };
    // BUILD-016: the older certified record of the same solution and type is superseded
    const older = await em.find(SolutionCertification, {
      where: { solutionId: c.solutionId, certificationType: c.certificationType, status: 'certified' },
    });
    for (const o of older.filter((o) => o.id !== c.id)) {
      await this.machine.transition(t, o, 'superseded', {
        action: 'solution_certification.superseded',
        mutate: (x) => (x.updatedAt = at),
        eventPayload: { superseded_by: c.id },
      });
      this.publishChanged(t, o);
      if (!c.supersedesId) c.supersedesId = o.id;
    }
    if (fromNothing) {
      apply(c);
      c.status = 'certified';
      await this.machine.create(t, c, { action });
    } else {
      await this.machine.transition(t, c, 'certified', { action, mutate: apply });
    }
    this.publishChanged(t, c);
    const facts = await this.collaborators.accounts.facts(c.partnerAccountId).catch(() => null);
    const partnerName = facts?.companyName ?? facts?.accountName ?? c.partnerAccountId;
    const pdf = renderPdf({
      title:
        c.certificationType === 'cloud_software'
          ? 'Cloud Software Certificate'
          : 'Advanced Cloud Software Certificate',
      lines: [
        `Certificate No.: ${no}`,
        `Solution: ${s.name}`,
        `Partner: ${partnerName}`,
        `Certified on: ${certifiedOn}`,
        `Valid until: ${validUntil}`,
        ...(c.ecosystemProgram ? [`Ecosystem special program: ${c.ecosystemProgram}`] : []),
      ],
      metadata: {
        certificate_no: no,
        certification_type: c.certificationType,
        solution_name: s.name,
        partner_name: partnerName,
        certified_on: certifiedOn,
        valid_until: validUntil,
      },
      createdAt: at,
    });
    await em.save(
      em.create(SolutionCertificate, {
        certificationId: c.id,
        partnerAccountId: c.partnerAccountId,
        certificateNo: no,
        certificationType: c.certificationType,
        solutionName: s.name,
        partnerName: partnerName.slice(0, 200),
        certifiedOn,
        validUntil,
        pdfFileId: `solution-certificate-${c.id}`,
        content: pdf,
        createdAt: at,
      }),
    );
  }

  /** Loads the record for a review step; a step out of its turn answers 409 CERT_REVIEW_OUT_OF_ORDER. */
  private async reviewStep(
    ctx: RequestContext,
    id: string,
    expected: SolutionCertificationStatus,
    decide: (t: RequestContext, c: SolutionCertification, s: Solution) => Promise<void>,
  ): Promise<SolutionCertificationView> {
    const peek = await this.dataSource.getRepository(SolutionCertification).findOne({ where: { id } });
    if (!peek) throw SolutionErrors.fail('SOLUTION_CERT_NOT_FOUND');
    return this.tx.run(ctx, async (t) => {
      const s = (await findOneForUpdate(t.em!, Solution, { id: peek.solutionId }))!;
      const c = (await findOneForUpdate(t.em!, SolutionCertification, { id }))!;
      if (c.status !== expected) {
        throw SolutionErrors.fail('CERT_REVIEW_OUT_OF_ORDER', undefined, { status: c.status, expected });
      }
      await decide(t, c, s);
      this.publishChanged(t, c);
      return this.view(c, s);
    });
  }

  private async editable(
    ctx: RequestContext,
    id: string,
    action: string,
    change: (t: RequestContext, c: SolutionCertification, s: Solution) => void,
  ): Promise<SolutionCertificationView> {
    const peek = await this.ownedCertification(ctx, id);
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const s = (await findOneForUpdate(em, Solution, { id: peek.solutionId }))!;
      const c = (await findOneForUpdate(em, SolutionCertification, { id }))!;
      if (!EDITABLE_STATUSES.includes(c.status)) {
        throw SolutionErrors.fail('SOLUTION_CERT_NOT_EDITABLE', undefined, { status: c.status });
      }
      const before = {
        pass_scenario: c.passScenario,
        materials: c.materials,
        baseline_solution_id: c.baselineSolutionId,
      };
      change(t, c, s);
      c.updatedAt = t.now();
      await em.save(c);
      await this.audit.record(t, {
        action,
        entityType: 'solution_certification',
        entityId: c.id,
        partnerAccountId: c.partnerAccountId,
        before,
        after: {
          pass_scenario: c.passScenario,
          materials: c.materials,
          baseline_solution_id: c.baselineSolutionId,
        },
      });
      return this.view(c, s);
    });
  }

  private publishChanged(t: RequestContext, c: SolutionCertification): void {
    const payload: SolutionCertificationChangedPayload = {
      partner_account_id: c.partnerAccountId,
      solution_id: c.solutionId,
      certification_id: c.id,
      certification_type: c.certificationType,
      status: c.status,
      certified_on: c.certifiedOn,
      valid_until: c.validUntil,
    };
    t.publishAfterCommit({
      name: SOLUTION_CERTIFICATION_CHANGED_EVENT,
      payload: payload as unknown as Record<string, unknown>,
      occurredAt: t.now(),
      requestId: t.requestId,
    });
  }

  private async notifyPartner(
    t: RequestContext,
    c: SolutionCertification,
    ownerMemberId: string | null,
    msg: { template: string; subject: string; body: string; params?: Record<string, unknown> },
  ): Promise<void> {
    const partner = await this.partnerAccounts.findById(c.partnerAccountId);
    if (!partner) return;
    const common = {
      partnerAccountId: partner.id,
      template: msg.template,
      subject: msg.subject,
      body: msg.body,
      params: {
        certification_id: c.id,
        solution_id: c.solutionId,
        certification_type: c.certificationType,
        valid_until: c.validUntil,
        ...(msg.params ?? {}),
      },
    };
    const out: OutgoingMessage[] = [
      { ...common, channel: 'in_app', recipient: partner.id },
      ...(partner.email ? [{ ...common, channel: 'email' as const, recipient: partner.email }] : []),
    ];
    if (ownerMemberId) {
      const asAdmin = t.withActor(
        { kind: 'partner', partnerAccountId: partner.id, memberId: null, site: partner.site, tokenId: null },
        [],
      );
      const member = await this.members.get(asAdmin, ownerMemberId).catch(() => null);
      if (member?.email && member.email !== partner.email) {
        out.push({ ...common, channel: 'email', recipient: member.email });
      }
    }
    await this.notifications.enqueue(t, out);
  }

  private async requireSoftwarePath(partnerAccountId: string): Promise<void> {
    if (!(await this.pathStages.hasActiveMembership(partnerAccountId, 'software'))) {
      throw SolutionErrors.fail('SOLUTION_SOFTWARE_PATH_REQUIRED');
    }
  }

  private today(ctx: RequestContext): string {
    return this.calendar.localDate(ctx.now());
  }

  private async ownedSolution(ctx: RequestContext, id: string): Promise<Solution> {
    return findOwnedOrFail(this.dataSource.manager, ctx, Solution, { id }, () =>
      SolutionErrors.fail('SOLUTION_NOT_FOUND'),
    );
  }

  private async ownedSolutionForUpdate(t: RequestContext, id: string): Promise<Solution> {
    const s = await findOneForUpdate(t.em!, Solution, { id });
    if (!s || s.partnerAccountId !== t.partnerAccountId) throw SolutionErrors.fail('SOLUTION_NOT_FOUND');
    return s;
  }

  private async ownedCertification(ctx: RequestContext, id: string): Promise<SolutionCertification> {
    return findOwnedOrFail(this.dataSource.manager, ctx, SolutionCertification, { id }, () =>
      SolutionErrors.fail('SOLUTION_CERT_NOT_FOUND'),
    );
  }

  private async solutionOf(em: EntityManager, c: SolutionCertification): Promise<Solution | null> {
    return em.findOne(Solution, { where: { id: c.solutionId } });
  }

  private async page(
    where: Record<string, unknown>,
    q: { offset?: number; limit?: number },
  ): Promise<Page<SolutionCertificationView>> {
    const [rows, total] = await this.dataSource.getRepository(SolutionCertification).findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: q.offset ?? 0,
      take: q.limit ?? 10,
    });
    const ids = [...new Set(rows.map((r) => r.solutionId))];
    const solutions = ids.length
      ? new Map(
          (await this.dataSource.getRepository(Solution).find({ where: { id: In(ids) } })).map((s) => [
            s.id,
            s,
          ]),
        )
      : new Map<string, Solution>();
    return { total_count: total, items: rows.map((r) => this.view(r, solutions.get(r.solutionId) ?? null)) };
  }

  private view(c: SolutionCertification, s: Solution | null): SolutionCertificationView {
    return {
      id: c.id,
      solution_id: c.solutionId,
      solution_name: s?.name ?? null,
      partner_account_id: c.partnerAccountId,
      certification_type: c.certificationType,
      pass_scenario: c.passScenario,
      status: c.status,
      materials: c.materials,
      baseline_solution_id: c.baselineSolutionId,
      architecture_check: c.architectureCheck,
      submitted_at: c.submittedAt?.toISOString() ?? null,
      resubmission_count: c.resubmissionCount,
      psa_pre_review: c.psaPreReview,
      expert_review: c.expertReview,
      pdm_review: c.pdmReview,
      review_history: c.reviewHistory,
      certified_on: c.certifiedOn,
      valid_until: c.validUntil,
      certificate_no: c.certificateNo,
      certificate_available: c.status === 'certified',
      ecosystem_program: c.ecosystemProgram,
      supersedes_id: c.supersedesId,
      created_at: c.createdAt.toISOString(),
      updated_at: c.updatedAt.toISOString(),
    };
  }
}

export function solutionView(s: Solution): SolutionView {
  return {
    id: s.id,
    partner_account_id: s.partnerAccountId,
    legal_entity_id: s.legalEntityId,
    name: s.name,
    description: s.description,
    deployment_modes: s.deploymentModes,
    software_product_type: s.softwareProductType,
    cloud_services_used: s.cloudServicesUsed,
    baseline_solution_id: s.baselineSolutionId,
    marketplace_product_id: s.marketplaceProductId,
    created_at: s.createdAt.toISOString(),
    updated_at: s.updatedAt.toISOString(),
  };
}

/** Keeps one file per single-file type (the last one wins) and every file of multi-file types. */
function normaliseMaterials(
  input: ReadonlyArray<{ material_type: MaterialType; file_id: string }>,
  now: Date,
  previous: readonly CertificationMaterial[] = [],
): CertificationMaterial[] {
  const out: CertificationMaterial[] = [];
  for (const m of input) {
    const uploadedAt =
      previous.find((p) => p.file_id === m.file_id && p.material_type === m.material_type)?.uploaded_at ??
      now.toISOString();
    const entry = { material_type: m.material_type, file_id: m.file_id, uploaded_at: uploadedAt };
    if (MULTI_FILE_MATERIALS.includes(m.material_type)) {
      if (!out.some((o) => o.file_id === m.file_id && o.material_type === m.material_type)) out.push(entry);
    } else {
      const i = out.findIndex((o) => o.material_type === m.material_type);
      if (i >= 0) out.splice(i, 1);
      out.push(entry);
    }
  }
  return out;
}

function scenarioInvalid(scenario: string): DomainError {
  return BuildErrors.fail(
    'BUILD_FIELD_INVALID',
    `Invalid parameter: pass_scenario ${scenario} does not belong to this certification type or is granted by the system`,
    { field: 'pass_scenario' },
  );
}

function cleanComment(comment: string | undefined): string | null {
  const c = (comment ?? '').trim();
  return c ? c : null;
}

function typeLabel(type: CertificationType): string {
  return type === 'cloud_software' ? 'Cloud software' : 'Advanced cloud software';
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
