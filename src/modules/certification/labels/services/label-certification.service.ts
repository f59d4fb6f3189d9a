/**
 * Capability-label certification (certification-labels.md LABEL-001…LABEL-022; FAQ 9.1–9.4): the partner's
 * application with its eight steps, the reviewers' decisions, the countersign, the result and its notification.
 * Every change runs in one transaction with the application row locked, moves `status` only through the state
 * machine (audit + after-commit event), records one `LabelCertificationStep` per step visit with its SLA due
 * time from the WorkingDayCalendar (F-LABEL-1), and queues its notifications in the outbox.
 */
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../../../../../libs/audit/index.js';
import { WorkingDayCalendar } from '../../../../../libs/calendar/index.js';
import type { RequestContext, ReviewerRole, Site } from '../../../../../libs/context/index.js';
import { DomainError } from '../../../../../libs/errors/index.js';
import { NotificationService } from '../../../../../libs/notify/index.js';
import {
  findOneForUpdate,
  isUniqueViolation,
  TransactionRunner,
} from '../../../../../libs/persistence/index.js';
import { StateMachine } from '../../../../../libs/state-machine/index.js';
import { findOwnedOrFail } from '../../../../../libs/tenancy/index.js';
import { PathNotifier } from '../../paths/services/path-contacts.js';
import { MEMBERSHIP_READER, type MembershipReader } from '../../ports/membership.port.js';
import type { EvaluationItem } from '../domain/label-catalogue.js';
import {
  CLARIFICATION_STEPS,
  isLabelStep,
  isTerminal,
  LABEL_CERTIFICATION_MACHINE,
  type LabelCertificationStatus,
  type LabelStep,
  MAX_ARCHIVE_LOOPS,
  PARTNER_STEPS,
  remainingMaxDays,
  STEP_DEFINITIONS,
  stepDueAt,
} from '../domain/label-steps.js';
import type {
  ArchiveMaterialsDto,
  ArchiveReviewDto,
  ClarificationDto,
  CloseDto,
  ConfirmPreReviewDto,
  CountersignDto,
  CreateLabelCertificationDto,
  DefenseDto,
  DefenseSessionDto,
  EvidenceDto,
  EvidenceUpdateDto,
  InitialReviewDto,
  ItemResultDto,
  ListLabelCertificationsQuery,
  PreReviewDto,
} from '../dto/labels.dto.js';
import {
  CapabilityLabel,
  type CountersignEntry,
  type EvidenceEntry,
  type ItemResultEntry,
  LabelCertification,
  LabelCertificationStep,
  LabelDefenseSession,
  PartnerCapabilityLabel,
} from '../entities/label.entities.js';
import { LabelErrors } from '../labels.errors.js';
import { LABEL_COUNTERSIGN_ROLES, LabelPermissions } from '../labels.permissions.js';
import { LabelCatalogueService } from './label-catalogue.service.js';
import { LabelSettings } from './label-settings.js';
import { PartnerLabelService } from './partner-label.service.js';

/** LABEL-015: the reason of a close after a partner step's due time. */
export const PARTNER_SLA_EXPIRED = 'PARTNER_SLA_EXPIRED';

/** In-app inbox of the reviewers of a role in the admin panel (same convention as `reviewers:pdm`). */
export const reviewerInbox = (role: ReviewerRole | 'supervisor'): string => `reviewers:${role}`;

/** Reviewer roles who act in a Huawei-owned step (reminders go to their inboxes). */
export const STEP_ROLES: Readonly<Record<LabelStep, readonly ReviewerRole[]>> = {
  initial_review: ['operations'],
  supplementing_materials: [],
  technical_pre_review: ['expert'],
  pre_review_confirmation: [],
  technical_defense: ['expert'],
  supplementing_archive: [],
  archive_re_review: ['expert', 'operations'],
  countersign: ['pdm', 'expert', 'operations'],
};

export interface StepView {
  id: string;
  step: LabelStep;
  step_number: number;
  visit: number;
  owner_side: 'huawei' | 'partner';
  entered_at: string;
  sla_days: number;
  sla_day_type: 'natural' | 'working';
  due_at: string;
  completed_at: string | null;
  completed_by: string | null;
  outcome: string | null;
  comment: string | null;
  sla_breached: boolean;
  reminders_sent: Array<{ key: string; sent_at: string }>;
}

export interface DefenseSessionView {
  id: string;
  kind: 'technical_defense' | 'clarification';
  requested_via: string | null;
  question: string | null;
  scheduled_at: string | null;
  meeting_link: string | null;
  expert_ids: string[];
  minutes_file_id: string | null;
  created_at: string;
}

export interface LabelCertificationView {
  id: string;
  partner_account_id: string;
  label_code: string;
  label_name_en: string | null;
  label_name_zh: string | null;
  site: Site;
  status: LabelCertificationStatus;
  current_step: LabelStep | null;
  current_step_number: number | null;
  current_step_owner: 'huawei' | 'partner' | null;
  current_step_entered_at: string | null;
  current_step_due_at: string | null;
  expected_completion_by: string | null;
  typical_cycle_days: { min: number; max: number };
  created_at: string;
  submitted_at: string | null;
  completed_at: string | null;
  final_result: 'passed' | 'failed' | null;
  closed_reason: string | null;
  archived: boolean;
  result_email_sent_at: string | null;
  evidence: EvidenceEntry[];
  evaluation_items: EvaluationItem[];
  item_results: ItemResultEntry[];
  supplement_items: string[];
  archive_materials: string[];
  archive_files: LabelCertification['archiveFiles'];
  archive_loops: number;
  countersignatures: CountersignEntry[];
  steps: StepView[];
  defense_sessions: DefenseSessionView[];
}

type Change = (t: RequestContext, c: LabelCertification, label: CapabilityLabel) => Promise<void>;

@Injectable()
export class LabelCertificationService {
  private readonly machine: StateMachine<LabelCertificationStatus, LabelCertification>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly notifications: NotificationService,
    private readonly notifier: PathNotifier,
    private readonly catalogue: LabelCatalogueService,
    private readonly held: PartnerLabelService,
    private readonly settings: LabelSettings,
    @Inject(MEMBERSHIP_READER) private readonly memberships: MembershipReader,
    @Inject(WorkingDayCalendar) private readonly calendar: WorkingDayCalendar,
    private readonly audit: AuditService,
  ) {
    this.machine = new StateMachine(LABEL_CERTIFICATION_MACHINE, audit);
  }

  // --- partner ------------------------------------------------------------------------------------------------

  /** ∅ → draft: LABEL-001 (catalogue, active), LABEL-002 (path), LABEL-004 (held), LABEL-003 (one open). */
  async create(ctx: RequestContext, dto: CreateLabelCertificationDto): Promise<LabelCertificationView> {
    requireApplicant(ctx);
    const label = await this.catalogue.findOrFail(ctx, dto.label_code);
    if (!label.active) throw LabelErrors.fail('LABEL_INACTIVE');
    await this.requireEligibleAccount(ctx.partnerAccountId);
    const evidence = mergeEvidence([], dto.evidence ?? [], label);
    return this.tx
      .run(ctx, async (t) => {
        const em = t.em!;
        await this.requireNotHeldNorOpen(t, label.code, null);
        const actor = t.actor.kind === 'partner' ? t.actor : null;
        const c = em.create(LabelCertification, {
          partnerAccountId: t.partnerAccountId,
          labelCode: label.code,
          site: actor?.site ?? 'cn',
          status: 'draft',
          openKey: openKeyOf(t.partnerAccountId, label.code),
          currentStepDueAt: null,
          createdAt: t.now(),
          createdBy: t.actorId,
          applicantMemberId: actor?.memberId ?? null,
          submittedAt: null,
          completedAt: null,
          finalResult: null,
          evidence,
          itemResults: label.evaluationItems.map((i) => emptyResult(i.item_code)),
          supplementItems: [],
          archiveMaterials: [],
          archiveFiles: [],
          archiveLoops: 0,
          countersignatures: [],
          resultEmailSentAt: null,
          archived: false,
          closedReason: null,
        });
        await this.machine.create(t, c, { action: 'label_certification.created' });
        return this.view(t, c, label);
      })
      .catch((err: unknown) => {
        // LABEL-003 under concurrency: the open-application unique key lost the race
        if (isUniqueViolation(err)) throw LabelErrors.fail('LABEL_CERT_IN_PROGRESS');
        throw err;
      });
  }

  /** Draft evidence: replaces the files of the named items. */
  async updateEvidence(
    ctx: RequestContext,
    id: string,
    dto: EvidenceUpdateDto,
  ): Promise<LabelCertificationView> {
    requireApplicant(ctx);
    return this.partnerChange(ctx, id, async (t, c, label) => {
      if (c.status !== 'draft') throw LabelErrors.fail('LABEL_STEP_OUT_OF_ORDER');
      c.evidence = mergeEvidence(c.evidence, dto.evidence, label);
      await t.em!.save(c);
    });
  }

  /** draft → initial_review: LABEL-001, LABEL-004, LABEL-003, LABEL-005; the first step starts (LABEL-006). */
  async submit(ctx: RequestContext, id: string): Promise<LabelCertificationView> {
    requireApplicant(ctx);
    await this.requireEligibleAccount(ctx.partnerAccountId);
    return this.partnerChange(ctx, id, async (t, c, label) => {
      if (c.status !== 'draft') throw LabelErrors.fail('LABEL_STEP_OUT_OF_ORDER');
      if (!label.active) throw LabelErrors.fail('LABEL_INACTIVE');
      await this.requireNotHeldNorOpen(t, c.labelCode, c.id);
      for (const item of label.evaluationItems.filter((i) => i.mandatory)) {
        const e = c.evidence.find((x) => x.item_code === item.item_code);
        if (!e || !e.file_ids.length) {
          throw LabelErrors.fail('LABEL_EVIDENCE_MISSING', `Evidence missing for item ${item.item_code}.`, {
            item_code: item.item_code,
          });
        }
      }
      await this.move(t, c, 'initial_review', {
        action: 'label_certification.submitted',
        mutate: (x) => {
          x.submittedAt = t.now();
        },
      });
    });
  }

  /** supplementing_materials → initial_review: ≥ 1 file added or replaced. */
  async supplement(ctx: RequestContext, id: string, dto: EvidenceUpdateDto): Promise<LabelCertificationView> {
    requireApplicant(ctx);
    return this.partnerChange(ctx, id, async (t, c, label) => {
      if (c.status !== 'supplementing_materials') throw LabelErrors.fail('LABEL_STEP_OUT_OF_ORDER');
      if (!dto.evidence.some((e) => e.file_ids.length)) throw LabelErrors.fail('LABEL_FILES_REQUIRED');
      const evidence = mergeEvidence(c.evidence, dto.evidence, label);
      await this.move(t, c, 'initial_review', {
        outcome: 'resubmitted',
        comment: dto.comment ?? null,
        action: 'label_certification.supplemented',
        mutate: (x) => {
          x.evidence = evidence;
        },
      });
      await this.toReviewers(
        t,
        c,
        ['operations'],
        'supplemented',
        'Supplementary materials received',
        `The partner supplemented the ${c.labelCode} application; initial review restarts.`,
      );
    });
  }

  /** pre_review_confirmation → technical_defense: LABEL-009 every comment answered or confirmed. */
  async confirmPreReview(
    ctx: RequestContext,
    id: string,
    dto: ConfirmPreReviewDto,
  ): Promise<LabelCertificationView> {
    requireApplicant(ctx);
    return this.partnerChange(ctx, id, async (t, c, label) => {
      if (c.status !== 'pre_review_confirmation') throw LabelErrors.fail('LABEL_STEP_OUT_OF_ORDER');
      const results = c.itemResults.map((r) => ({ ...r }));
      for (const resp of dto.responses) {
        requireKnownItem(label, resp.item_code);
        const r = results.find((x) => x.item_code === resp.item_code);
        if (!r) continue;
        const answer = resp.partner_response?.trim();
        if (answer) r.partner_response = answer;
        if (resp.confirmed === true) r.confirmed = true;
      }
      const unanswered = results.filter((r) => r.pre_review_comment && !r.partner_response && !r.confirmed);
      if (unanswered.length) {
        throw LabelErrors.fail('LABEL_COMMENTS_UNANSWERED', undefined, {
          item_codes: unanswered.map((r) => r.item_code),
        });
      }
      await this.move(t, c, 'technical_defense', {
        outcome: 'confirmed',
        action: 'label_certification.pre_review_confirmed',
        mutate: (x) => {
          x.itemResults = results;
        },
      });
      await this.toReviewers(
        t,
        c,
        ['expert'],
        'defense_due',
        'Technical defense due',
        `The partner confirmed the pre-review comments of the ${c.labelCode} application; organise the technical defense.`,
      );
    });
  }

  /** supplementing_archive → archive_re_review: ≥ 1 requested archive file uploaded. */
  async uploadArchive(
    ctx: RequestContext,
    id: string,
    dto: ArchiveMaterialsDto,
  ): Promise<LabelCertificationView> {
    requireApplicant(ctx);
    return this.partnerChange(ctx, id, async (t, c) => {
      if (c.status !== 'supplementing_archive') throw LabelErrors.fail('LABEL_STEP_OUT_OF_ORDER');
      if (!dto.file_ids.length) throw LabelErrors.fail('LABEL_FILES_REQUIRED');
      const round = c.archiveLoops + 1;
      const files = [
        ...c.archiveFiles,
        ...dto.file_ids.map((file_id) => ({ file_id, uploaded_at: t.now().toISOString(), round })),
      ];
      await this.move(t, c, 'archive_re_review', {
        outcome: 'uploaded',
        comment: dto.comment ?? null,
        action: 'label_certification.archive_uploaded',
        mutate: (x) => {
          x.archiveFiles = files;
        },
      });
      await this.toReviewers(
        t,
        c,
        ['expert', 'operations'],
        'archive_uploaded',
        'Archive materials received',
        `The partner uploaded archive materials for the ${c.labelCode} application.`,
      );
    });
  }

  /** draft / partner-owned step → withdrawn (decision); a Huawei-side step cannot be withdrawn (LABEL-013). */
  async withdraw(ctx: RequestContext, id: string): Promise<LabelCertificationView> {
    requireApplicant(ctx);
    return this.partnerChange(ctx, id, async (t, c) => {
      await this.finishOther(t, c, 'withdrawn', { outcome: 'withdrawn', reason: null });
    });
  }

  /** LABEL-019: a clarification / defense request through the PDM or the operations specialist (steps 3–7). */
  async requestClarification(
    ctx: RequestContext,
    id: string,
    dto: ClarificationDto,
  ): Promise<DefenseSessionView> {
    const peek = await this.ownedOrFail(ctx, id);
    return this.tx.run(ctx, async (t) => {
      const c = (await findOneForUpdate(t.em!, LabelCertification, { id: peek.id }))!;
      if (!isLabelStep(c.status) || !CLARIFICATION_STEPS.includes(c.status)) {
        throw LabelErrors.fail('LABEL_CLARIFICATION_NOT_ALLOWED');
      }
      const s = t.em!.create(LabelDefenseSession, {
        certificationId: c.id,
        seq: await nextSeq(t.em!, LabelDefenseSession, c.id),
        partnerAccountId: c.partnerAccountId,
        kind: 'clarification',
        requestedVia: dto.requested_via,
        question: dto.question?.trim() || null,
        scheduledAt: null,
        meetingLink: null,
        expertIds: [],
        minutesFileId: null,
        createdBy: t.actorId,
        createdAt: t.now(),
        reminderSentAt: null,
      });
      await t.em!.save(s);
      await this.auditSession(t, c, s, 'label_defense_session.clarification_requested');
      await this.toReviewers(
        t,
        c,
        [dto.requested_via === 'pdm' ? 'pdm' : 'operations'],
        'clarification_requested',
        'Clarification requested',
        `The partner asks for a clarification with the review experts on the ${c.labelCode} application${s.question ? `: ${s.question}` : '.'}`,
      );
      return sessionView(s);
    });
  }

  async listForPartner(
    ctx: RequestContext,
    q: ListLabelCertificationsQuery,
  ): Promise<{ total_count: number; items: LabelCertificationView[] }> {
    return this.list(ctx, { ...q, partner_account_id: ctx.partnerAccountId });
  }

  /** LABEL-016 / LABEL-020: the whole process and results (404 for another partner's application). */
  async getForPartner(ctx: RequestContext, id: string): Promise<LabelCertificationView> {
    const c = await this.ownedOrFail(ctx, id);
    return this.view(ctx, c);
  }

  // --- reviewers ------------------------------------------------------------------------------------------------

  async listForReviewer(
    ctx: RequestContext,
    q: ListLabelCertificationsQuery,
  ): Promise<{ total_count: number; items: LabelCertificationView[] }> {
    return this.list(ctx, q);
  }

  async getForReviewer(ctx: RequestContext, id: string): Promise<LabelCertificationView> {
    const c = await this.dataSource.getRepository(LabelCertification).findOne({ where: { id } });
    if (!c) throw LabelErrors.fail('LABEL_CERT_NOT_FOUND');
    return this.view(ctx, c);
  }

  /** Step 1 (operations): complete → technical_pre_review; incomplete → supplementing_materials (LABEL-007). */
  async initialReview(
    ctx: RequestContext,
    id: string,
    dto: InitialReviewDto,
  ): Promise<LabelCertificationView> {
    return this.reviewerChange(ctx, id, async (t, c, label) => {
      if (c.status !== 'initial_review') throw LabelErrors.fail('LABEL_STEP_OUT_OF_ORDER');
      if (dto.outcome === 'complete') {
        await this.move(t, c, 'technical_pre_review', {
          outcome: 'complete',
          comment: dto.comment ?? null,
          action: 'label_certification.materials_complete',
        });
        await this.toReviewers(
          t,
          c,
          ['expert'],
          'pre_review_due',
          'Technical pre-review due',
          `The ${c.labelCode} application of ${c.partnerAccountId} is ready for technical pre-review.`,
        );
        return;
      }
      const items = [...new Set(dto.items ?? [])];
      if (!items.length) throw LabelErrors.fail('LABEL_SUPPLEMENT_ITEMS_REQUIRED');
      for (const i of items) requireKnownItem(label, i);
      const comment = dto.comment?.trim();
      if (!comment) throw LabelErrors.fail('LABEL_COMMENT_REQUIRED', undefined, { field: 'comment' });
      await this.move(t, c, 'supplementing_materials', {
        outcome: 'incomplete',
        comment,
        action: 'label_certification.supplement_requested',
        mutate: (x) => {
          x.supplementItems = items;
        },
      });
      await this.toPartner(
        t,
        c,
        'supplement_requested',
        'Capability label certification: supplementary materials needed',
        `Please supplement the materials of items ${items.join(', ')} for the ${label.nameEn} certification by ${c.currentStepDueAt!.toISOString()}. Comment: ${comment}`,
      );
    });
  }

  /** Step 3 (expert): comments on the items that have an issue → pre_review_confirmation. */
  async preReview(ctx: RequestContext, id: string, dto: PreReviewDto): Promise<LabelCertificationView> {
    return this.reviewerChange(ctx, id, async (t, c, label) => {
      if (c.status !== 'technical_pre_review') throw LabelErrors.fail('LABEL_STEP_OUT_OF_ORDER');
      const results = c.itemResults.map((r) => ({ ...r }));
      for (const cm of dto.comments) {
        requireKnownItem(label, cm.item_code);
        const r = results.find((x) => x.item_code === cm.item_code)!;
        r.pre_review_comment = cm.comment.trim();
        r.partner_response = null;
        r.confirmed = false;
      }
      await this.move(t, c, 'pre_review_confirmation', {
        outcome: 'comments_issued',
        comment: dto.comment ?? null,
        action: 'label_certification.pre_review_commented',
        mutate: (x) => {
          x.itemResults = results;
        },
      });
      await this.toPartner(
        t,
        c,
        'pre_review_comments',
        'Capability label certification: technical pre-review comments',
        `The review experts commented the ${label.nameEn} application. Answer or confirm every comment by ${c.currentStepDueAt!.toISOString()}.`,
      );
    });
  }

  /** A technical defense (step 5) or clarification session (LABEL-019) scheduled by the reviewers. */
  async scheduleSession(
    ctx: RequestContext,
    id: string,
    dto: DefenseSessionDto,
  ): Promise<DefenseSessionView> {
    return this.tx.run(ctx, async (t) => {
      const c = await findOneForUpdate(t.em!, LabelCertification, { id });
      if (!c) throw LabelErrors.fail('LABEL_CERT_NOT_FOUND');
      if (dto.kind === 'technical_defense') {
        if (!['pre_review_confirmation', 'technical_defense'].includes(c.status)) {
          throw LabelErrors.fail('LABEL_STEP_OUT_OF_ORDER');
        }
      } else if (!isLabelStep(c.status) || !CLARIFICATION_STEPS.includes(c.status)) {
        throw LabelErrors.fail('LABEL_CLARIFICATION_NOT_ALLOWED');
      }
      const s = t.em!.create(LabelDefenseSession, {
        certificationId: c.id,
        seq: await nextSeq(t.em!, LabelDefenseSession, c.id),
        partnerAccountId: c.partnerAccountId,
        kind: dto.kind,
        requestedVia: dto.kind === 'clarification' ? (dto.requested_via ?? viaOf(t)) : null,
        question: null,
        scheduledAt: new Date(dto.scheduled_at),
        meetingLink: dto.meeting_link ?? null,
        expertIds:
          dto.expert_ids ??
          (t.actor.kind === 'reviewer' && t.actor.roles.includes('expert') ? [t.actor.reviewerId] : []),
        minutesFileId: dto.minutes_file_id ?? null,
        createdBy: t.actorId,
        createdAt: t.now(),
        reminderSentAt: null,
      });
      await t.em!.save(s);
      await this.auditSession(t, c, s, `label_defense_session.${dto.kind}_scheduled`);
      await this.toPartner(
        t,
        c,
        'session_scheduled',
        `Capability label certification: ${dto.kind === 'technical_defense' ? 'technical defense' : 'clarification'} scheduled`,
        `An online ${dto.kind === 'technical_defense' ? 'technical defense' : 'clarification'} with the review experts is scheduled at ${s.scheduledAt!.toISOString()}${s.meetingLink ? ` (${s.meetingLink})` : ''}.`,
      );
      return sessionView(s);
    });
  }

  /** Step 5 (expert): LABEL-010 defense held; archive needed → 6, otherwise draft item results → 8. */
  async defense(ctx: RequestContext, id: string, dto: DefenseDto): Promise<LabelCertificationView> {
    return this.reviewerChange(ctx, id, async (t, c, label) => {
      if (c.status !== 'technical_defense') throw LabelErrors.fail('LABEL_STEP_OUT_OF_ORDER');
      const sessions = await t.em!.find(LabelDefenseSession, {
        where: { certificationId: c.id, kind: 'technical_defense' },
      });
      if (!sessions.some((s) => s.scheduledAt && s.scheduledAt.getTime() <= t.now().getTime())) {
        throw LabelErrors.fail('LABEL_DEFENSE_NOT_HELD');
      }
      const results = mergeResults(c.itemResults, dto.item_results ?? [], label);
      if (dto.outcome === 'archive_needed') {
        const materials = (dto.archive_materials ?? []).map((m) => m.trim()).filter(Boolean);
        if (!materials.length) throw LabelErrors.fail('LABEL_ARCHIVE_MATERIALS_REQUIRED');
        await this.move(t, c, 'supplementing_archive', {
          outcome: 'archive_needed',
          comment: dto.comment ?? null,
          action: 'label_certification.archive_requested',
          mutate: (x) => {
            x.itemResults = results;
            x.archiveMaterials = materials;
          },
        });
        await this.toPartner(
          t,
          c,
          'archive_requested',
          'Capability label certification: archive materials needed',
          `Please upload the archive materials (${materials.join('; ')}) for the ${label.nameEn} certification by ${c.currentStepDueAt!.toISOString()}.`,
        );
        return;
      }
      await this.toCountersign(t, c, results, {
        outcome: 'no_archive_needed',
        comment: dto.comment ?? null,
        action: 'label_certification.defense_passed_to_countersign',
      });
    });
  }

  /** Step 7 (expert / operations): accepted → 8; more_needed → 6 (comment required, ≤ 2 loops, Open point 6). */
  async archiveReview(
    ctx: RequestContext,
    id: string,
    dto: ArchiveReviewDto,
  ): Promise<LabelCertificationView> {
    return this.reviewerChange(ctx, id, async (t, c, label) => {
      if (c.status !== 'archive_re_review') throw LabelErrors.fail('LABEL_STEP_OUT_OF_ORDER');
      const results = mergeResults(c.itemResults, dto.item_results ?? [], label);
      if (dto.outcome === 'more_needed') {
        const comment = dto.comment?.trim();
        if (!comment) throw LabelErrors.fail('LABEL_COMMENT_REQUIRED', undefined, { field: 'comment' });
        if (c.archiveLoops >= MAX_ARCHIVE_LOOPS) throw LabelErrors.fail('LABEL_ARCHIVE_LOOPS_EXHAUSTED');
        const materials = (dto.archive_materials ?? []).map((m) => m.trim()).filter(Boolean);
        await this.move(t, c, 'supplementing_archive', {
          outcome: 'more_needed',
          comment,
          action: 'label_certification.archive_more_needed',
          mutate: (x) => {
            x.itemResults = results;
            x.archiveLoops = c.archiveLoops + 1;
            if (materials.length) x.archiveMaterials = materials;
          },
        });
        await this.toPartner(
          t,
          c,
          'archive_requested',
          'Capability label certification: more archive materials needed',
          `More archive materials are needed for the ${label.nameEn} certification by ${c.currentStepDueAt!.toISOString()}. Comment: ${comment}`,
        );
        return;
      }
      await this.toCountersign(t, c, results, {
        outcome: 'accepted',
        comment: dto.comment ?? null,
        action: 'label_certification.archive_accepted',
      });
    });
  }

  /**
   * Step 8 (countersign group, Open point 5): PDM, expert (label owner) and operations each sign once; all three
   * `passed` → passed (LABEL-021 grant); any `failed` → failed. Only this step sets the final result (LABEL-013);
   * every failed item needs an improvement suggestion (LABEL-017); result e-mail + in-app (LABEL-018).
   */
  async countersign(ctx: RequestContext, id: string, dto: CountersignDto): Promise<LabelCertificationView> {
    return this.reviewerChange(ctx, id, async (t, c, label) => {
      if (c.status !== 'countersign') throw LabelErrors.fail('LABEL_STEP_OUT_OF_ORDER');
      if (t.actor.kind !== 'reviewer') throw new DomainError('REVIEWER_ROLE_REQUIRED');
      const reviewer = t.actor;
      const signed = c.countersignatures;
      if (signed.some((s) => s.reviewer_id === reviewer.reviewerId))
        throw LabelErrors.fail('LABEL_ALREADY_SIGNED');
      const seats = LABEL_COUNTERSIGN_ROLES.filter(
        (r) => reviewer.roles.includes('admin') || reviewer.roles.includes(r),
      );
      let seat: CountersignEntry['role'] | undefined;
      if (dto.as_role) {
        if (!seats.includes(dto.as_role)) throw new DomainError('REVIEWER_ROLE_REQUIRED');
        if (signed.some((s) => s.role === dto.as_role)) throw LabelErrors.fail('LABEL_ALREADY_SIGNED');
        seat = dto.as_role;
      } else {
        seat = seats.find((r) => !signed.some((s) => s.role === r));
        if (!seat) throw LabelErrors.fail('LABEL_ALREADY_SIGNED');
      }
      const results = mergeResults(c.itemResults, dto.item_results ?? [], label);
      requireAllResults(results);
      if (results.some((r) => r.result === 'fail' && !r.improvement_suggestion)) {
        throw LabelErrors.fail('LABEL_IMPROVEMENT_SUGGESTION_REQUIRED', undefined, {
          item_codes: results
            .filter((r) => r.result === 'fail' && !r.improvement_suggestion)
            .map((r) => r.item_code),
        });
      }
      if (dto.decision === 'passed') {
        const failedMandatory = label.evaluationItems.filter(
          (i) => i.mandatory && results.find((r) => r.item_code === i.item_code)?.result !== 'pass',
        );
        if (failedMandatory.length) {
          throw LabelErrors.fail('LABEL_MANDATORY_ITEM_FAILED', undefined, {
            item_codes: failedMandatory.map((i) => i.item_code),
          });
        }
      }
      const signatures: CountersignEntry[] = [
        ...signed,
        {
          role: seat,
          reviewer_id: reviewer.reviewerId,
          decision: dto.decision,
          comment: dto.comment?.trim() || null,
          signed_at: t.now().toISOString(),
        },
      ];
      const allPassed =
        dto.decision === 'passed' &&
        LABEL_COUNTERSIGN_ROLES.every((r) => signatures.some((s) => s.role === r && s.decision === 'passed'));
      if (dto.decision === 'failed' || allPassed) {
        await this.finishWithResult(t, c, label, dto.decision, results, signatures, dto.comment ?? null);
        return;
      }
      c.itemResults = results;
      c.countersignatures = signatures;
      await t.em!.save(c);
      await this.auditNote(t, c, 'label_certification.countersigned', { role: seat, decision: dto.decision });
    });
  }

  /** LABEL-015: operations close a partner step only after its due time (reason PARTNER_SLA_EXPIRED). */
  async close(ctx: RequestContext, id: string, dto: CloseDto): Promise<LabelCertificationView> {
    return this.reviewerChange(ctx, id, async (t, c) => {
      if (!isLabelStep(c.status) || !PARTNER_STEPS.includes(c.status)) {
        throw LabelErrors.fail('LABEL_STEP_OUT_OF_ORDER');
      }
      if (!c.currentStepDueAt || t.now().getTime() <= c.currentStepDueAt.getTime()) {
        throw LabelErrors.fail('LABEL_CLOSE_TOO_EARLY', undefined, {
          due_at: c.currentStepDueAt?.toISOString() ?? null,
        });
      }
      await this.finishOther(t, c, 'closed', {
        outcome: 'closed',
        reason: PARTNER_SLA_EXPIRED,
        comment: dto.comment ?? null,
      });
      await this.toPartner(
        t,
        c,
        'closed',
        'Capability label certification closed',
        `The ${c.labelCode} certification was closed because the partner step passed its due time (${PARTNER_SLA_EXPIRED}).`,
      );
    });
  }

  // --- internals ------------------------------------------------------------------------------------------------

  /** LABEL-002: an active membership of an applicant path (service / si by default, Open point 4). */
  private async requireEligibleAccount(partnerAccountId: string): Promise<void> {
    const paths = await this.memberships.pathMemberships(partnerAccountId);
    if (!paths.some((m) => m.status === 'active' && this.settings.applicantPaths.includes(m.path))) {
      throw LabelErrors.fail('LABEL_PATH_REQUIRED');
    }
  }

  /** LABEL-004 then LABEL-003 (LABEL-022: terminal applications do not count). */
  private async requireNotHeldNorOpen(
    t: RequestContext,
    labelCode: string,
    selfId: string | null,
  ): Promise<void> {
    const em = t.em!;
    const held = await em.findOne(PartnerCapabilityLabel, {
      where: { partnerAccountId: t.partnerAccountId, labelCode, status: 'active' },
    });
    if (held) throw LabelErrors.fail('LABEL_ALREADY_HELD');
    const open = await em.find(LabelCertification, {
      where: { partnerAccountId: t.partnerAccountId, labelCode },
    });
    const other = open.find((o) => o.id !== selfId && !isTerminal(o.status));
    if (other) {
      throw LabelErrors.fail('LABEL_CERT_IN_PROGRESS', undefined, {
        certification_id: other.id,
        status: other.status,
      });
    }
  }

  /**
   * One status move: completes the open step visit (outcome, comment), transitions through the machine (audit,
   * event) and opens the next step visit with its SLA due time (F-LABEL-1).
   */
  private async move(
    t: RequestContext,
    c: LabelCertification,
    to: LabelCertificationStatus,
    opts: {
      outcome?: string;
      comment?: string | null;
      action: string;
      mutate?: (c: LabelCertification) => void;
    },
  ): Promise<void> {
    const veto = await this.machine.check(t, c, to);
    if (veto) throw veto;
    await this.completeOpenStep(t, c, opts.outcome ?? to, opts.comment ?? null);
    const now = t.now();
    const next = isLabelStep(to) ? STEP_DEFINITIONS[to] : null;
    const dayType = this.settings.slaDayType;
    const dueAt = next ? stepDueAt(this.calendar, now, next.slaDays, dayType) : null;
    await this.machine.transition(t, c, to, {
      action: opts.action,
      mutate: (x) => {
        opts.mutate?.(x);
        x.currentStepDueAt = dueAt;
      },
      eventPayload: { partner_account_id: c.partnerAccountId, label_code: c.labelCode },
    });
    if (next && isLabelStep(to)) {
      const visits = await t.em!.count(LabelCertificationStep, {
        where: { certificationId: c.id, step: to },
      });
      const seq = await nextSeq(t.em!, LabelCertificationStep, c.id);
      await t.em!.save(
        t.em!.create(LabelCertificationStep, {
          certificationId: c.id,
          seq,
          partnerAccountId: c.partnerAccountId,
          step: to,
          visit: visits + 1,
          ownerSide: next.owner,
          enteredAt: now,
          slaDays: next.slaDays,
          slaDayType: dayType,
          dueAt: dueAt!,
          completedAt: null,
          completedBy: null,
          outcome: null,
          comment: null,
          slaBreached: false,
          breachedAt: null,
          remindersSent: [],
        }),
      );
    }
  }

  private async completeOpenStep(
    t: RequestContext,
    c: LabelCertification,
    outcome: string,
    comment: string | null,
  ) {
    if (!isLabelStep(c.status)) return;
    const open = await t.em!.findOne(LabelCertificationStep, {
      where: { certificationId: c.id, step: c.status, completedAt: IsNull() },
      order: { seq: 'DESC' },
    });
    if (!open || open.completedAt) return;
    open.completedAt = t.now();
    open.completedBy = t.actorId;
    open.outcome = outcome;
    open.comment = comment?.trim() || null;
    await t.em!.save(open);
  }

  /** Step 5 / 7 → countersign (step 8): a result for every item (LABEL-017), then the countersign group is told. */
  private async toCountersign(
    t: RequestContext,
    c: LabelCertification,
    results: ItemResultEntry[],
    opts: { outcome: string; comment: string | null; action: string },
  ): Promise<void> {
    requireAllResults(results);
    await this.move(t, c, 'countersign', {
      ...opts,
      mutate: (x) => {
        x.itemResults = results;
      },
    });
    await this.toReviewers(
      t,
      c,
      LABEL_COUNTERSIGN_ROLES,
      'countersign_due',
      'Countersign due',
      `The ${c.labelCode} application of ${c.partnerAccountId} awaits the countersign group.`,
    );
  }

  /** passed / failed (LABEL-013, LABEL-017, LABEL-018, LABEL-021). */
  private async finishWithResult(
    t: RequestContext,
    c: LabelCertification,
    label: CapabilityLabel,
    result: 'passed' | 'failed',
    results: ItemResultEntry[],
    signatures: CountersignEntry[],
    comment: string | null,
  ): Promise<void> {
    await this.move(t, c, result, {
      outcome: result,
      comment,
      action: `label_certification.${result}`,
      mutate: (x) => {
        x.itemResults = results;
        x.countersignatures = signatures;
        x.finalResult = result;
        x.completedAt = t.now();
        x.archived = true;
        x.openKey = null;
        x.resultEmailSentAt = t.now();
      },
    });
    if (result === 'passed') {
      await this.held.grant(t, {
        partnerAccountId: c.partnerAccountId,
        labelCode: c.labelCode,
        site: c.site,
        certificationId: c.id,
      });
    }
    const lines = results.map(
      (r) =>
        `${r.item_code}: ${r.result}${r.improvement_suggestion ? ` — improvement suggestion: ${r.improvement_suggestion}` : ''}`,
    );
    await this.toPartner(
      t,
      c,
      'result',
      `Capability label certification ${result}: ${label.nameEn}`,
      `Your ${label.nameEn} certification has ${result}.\n${lines.join('\n')}`,
      { final_result: result, item_results: results },
    );
  }

  /** withdrawn / closed: archived, no longer blocking a new application (LABEL-022). */
  private async finishOther(
    t: RequestContext,
    c: LabelCertification,
    to: 'withdrawn' | 'closed',
    opts: { outcome: string; reason: string | null; comment?: string | null },
  ): Promise<void> {
    await this.move(t, c, to, {
      outcome: opts.outcome,
      comment: opts.comment ?? null,
      action: `label_certification.${to}`,
      mutate: (x) => {
        x.completedAt = t.now();
        x.archived = true;
        x.openKey = null;
        x.closedReason = opts.reason;
      },
    });
  }

  private async partnerChange(
    ctx: RequestContext,
    id: string,
    change: Change,
  ): Promise<LabelCertificationView> {
    const peek = await this.ownedOrFail(ctx, id);
    return this.reviewerChange(ctx, peek.id, change);
  }

  /** The application row locked, the change applied, the view of the result (partner changes after `ownedOrFail`). */
  private async reviewerChange(
    ctx: RequestContext,
    id: string,
    change: Change,
  ): Promise<LabelCertificationView> {
    return this.tx.run(ctx, async (t) => {
      const c = await findOneForUpdate(t.em!, LabelCertification, { id });
      if (!c) throw LabelErrors.fail('LABEL_CERT_NOT_FOUND');
      const label = await this.catalogue.findOrFail(t, c.labelCode, t.em!);
      await change(t, c, label);
      return this.view(t, c, label);
    });
  }

  private ownedOrFail(ctx: RequestContext, id: string): Promise<LabelCertification> {
    return findOwnedOrFail(this.dataSource.manager, ctx, LabelCertification, { id }, () =>
      LabelErrors.fail('LABEL_CERT_NOT_FOUND'),
    );
  }

  private async list(
    ctx: RequestContext,
    q: ListLabelCertificationsQuery,
  ): Promise<{ total_count: number; items: LabelCertificationView[] }> {
    const where: Record<string, unknown> = {};
    if (q.partner_account_id) where.partnerAccountId = q.partner_account_id;
    if (q.status) where.status = q.status;
    if (q.label_code) where.labelCode = q.label_code;
    const [rows, total] = await this.dataSource.getRepository(LabelCertification).findAndCount({
      where,
      order: { createdAt: 'DESC', labelCode: 'ASC', id: 'ASC' },
      skip: q.offset ?? 0,
      take: q.limit ?? 10,
    });
    const items: LabelCertificationView[] = [];
    for (const r of rows) items.push(await this.view(ctx, r));
    return { total_count: total, items };
  }

  private async view(
    ctx: RequestContext,
    c: LabelCertification,
    label?: CapabilityLabel,
  ): Promise<LabelCertificationView> {
    const em = ctx.em ?? this.dataSource.manager;
    const l = label ?? (await em.findOne(CapabilityLabel, { where: { code: c.labelCode } }));
    const steps = await em.find(LabelCertificationStep, {
      where: { certificationId: c.id },
      order: { seq: 'ASC' },
    });
    const sessions = await em.find(LabelDefenseSession, {
      where: { certificationId: c.id },
      order: { seq: 'ASC' },
    });
    const current = isLabelStep(c.status) ? c.status : null;
    const currentVisit = current
      ? [...steps].reverse().find((s) => s.step === current && !s.completedAt)
      : undefined;
    const expected =
      current && currentVisit
        ? this.calendar.naturalDayDeadline(currentVisit.enteredAt, remainingMaxDays(current)).toISOString()
        : null;
    return {
      id: c.id,
      partner_account_id: c.partnerAccountId,
      label_code: c.labelCode,
      label_name_en: l?.nameEn ?? null,
      label_name_zh: l?.nameZh ?? null,
      site: c.site,
      status: c.status,
      current_step: current,
      current_step_number: current ? STEP_DEFINITIONS[current].number : null,
      current_step_owner: current ? STEP_DEFINITIONS[current].owner : null,
      current_step_entered_at: currentVisit?.enteredAt.toISOString() ?? null,
      current_step_due_at: c.currentStepDueAt?.toISOString() ?? null,
      expected_completion_by: expected,
      typical_cycle_days: { min: 52, max: 103 },
      created_at: c.createdAt.toISOString(),
      submitted_at: c.submittedAt?.toISOString() ?? null,
      completed_at: c.completedAt?.toISOString() ?? null,
      final_result: c.finalResult,
      closed_reason: c.closedReason,
      archived: c.archived,
      result_email_sent_at: c.resultEmailSentAt?.toISOString() ?? null,
      evidence: c.evidence,
      evaluation_items: l?.evaluationItems ?? [],
      item_results: c.itemResults,
      supplement_items: c.supplementItems,
      archive_materials: c.archiveMaterials,
      archive_files: c.archiveFiles,
      archive_loops: c.archiveLoops,
      countersignatures: c.countersignatures,
      steps: steps.map(stepView),
      defense_sessions: sessions.map(sessionView),
    };
  }

  /** Partner admin: in-app + e-mail (path contacts resolver). */
  private async toPartner(
    t: RequestContext,
    c: LabelCertification,
    kind: string,
    subject: string,
    body: string,
    params: Record<string, unknown> = {},
  ): Promise<void> {
    await this.notifier.toPartner(t, c.partnerAccountId, {
      template: `certification.label.${kind}`,
      subject,
      body,
      params: { certification_id: c.id, label_code: c.labelCode, status: c.status, ...params },
    });
  }

  private async toReviewers(
    t: RequestContext,
    c: LabelCertification,
    roles: readonly ReviewerRole[],
    kind: string,
    subject: string,
    body: string,
  ): Promise<void> {
    await this.notifications.enqueue(
      t,
      roles.map((r) => ({
        channel: 'in_app' as const,
        recipient: reviewerInbox(r),
        partnerAccountId: c.partnerAccountId,
        template: `certification.label.${kind}`,
        subject,
        body,
        params: { certification_id: c.id, label_code: c.labelCode, status: c.status },
      })),
    );
  }

  private async auditSession(
    t: RequestContext,
    c: LabelCertification,
    s: LabelDefenseSession,
    action: string,
  ) {
    await this.auditNote(t, c, action, { ...sessionView(s) });
  }

  private async auditNote(
    t: RequestContext,
    c: LabelCertification,
    action: string,
    after: Record<string, unknown>,
  ) {
    await this.audit.record(t, {
      action,
      entityType: 'label_certification',
      entityId: c.id,
      partnerAccountId: c.partnerAccountId,
      after,
    });
  }
}

// --- helpers ------------------------------------------------------------------------------------------------------

/**
 * The next per-application sequence number of a step visit or a defense session: the order of the rows of one
 * application (timestamps tie under one instant and UUID ids do not order). Call it with the application row
 * locked (`findOneForUpdate`), which serialises the writers; the unique index (certification_id, seq) backs it.
 */
export async function nextSeq(
  em: EntityManager,
  entity: typeof LabelCertificationStep | typeof LabelDefenseSession,
  certificationId: string,
): Promise<number> {
  return ((await em.maximum(entity, 'seq', { certificationId })) ?? 0) + 1;
}

function requireApplicant(ctx: RequestContext): void {
  if (ctx.isPartnerAdmin || ctx.permissions.has(LabelPermissions.LabelApply)) return;
  throw new DomainError('ORG_PERMISSION_DENIED');
}

function openKeyOf(partnerAccountId: string, labelCode: string): string {
  return `${partnerAccountId}:${labelCode}`;
}

function emptyResult(itemCode: string): ItemResultEntry {
  return {
    item_code: itemCode,
    result: null,
    improvement_suggestion: null,
    pre_review_comment: null,
    partner_response: null,
    confirmed: false,
  };
}

function requireKnownItem(label: CapabilityLabel, itemCode: string): void {
  if (!label.evaluationItems.some((i) => i.item_code === itemCode)) {
    throw LabelErrors.fail('LABEL_ITEM_UNKNOWN', `Unknown evaluation item ${itemCode}.`, {
      item_code: itemCode,
    });
  }
}

/** Replaces the files of the named items (an empty list clears the item). */
function mergeEvidence(
  current: EvidenceEntry[],
  updates: EvidenceDto[],
  label: CapabilityLabel,
): EvidenceEntry[] {
  const out = new Map(current.map((e) => [e.item_code, [...e.file_ids]]));
  for (const u of updates) {
    requireKnownItem(label, u.item_code);
    out.set(u.item_code, [...new Set(u.file_ids)]);
  }
  return label.evaluationItems
    .filter((i) => out.has(i.item_code))
    .map((i) => ({ item_code: i.item_code, file_ids: out.get(i.item_code)! }));
}

function mergeResults(
  current: ItemResultEntry[],
  updates: ItemResultDto[],
  label: CapabilityLabel,
): ItemResultEntry[] {
  const byCode = new Map(current.map((r) => [r.item_code, { ...r }]));
  for (const i of label.evaluationItems)
    if (!byCode.has(i.item_code)) byCode.set(i.item_code, emptyResult(i.item_code));
  for (const u of updates) {
    requireKnownItem(label, u.item_code);
    const r = byCode.get(u.item_code)!;
    r.result = u.result;
    const suggestion = u.improvement_suggestion?.trim();
    r.improvement_suggestion = suggestion
      ? suggestion
      : u.result === 'pass'
        ? r.improvement_suggestion
        : null;
  }
  return label.evaluationItems.map((i) => byCode.get(i.item_code)!);
}

/** LABEL-017: a result (pass / fail) for every evaluation item. */
function requireAllResults(results: ItemResultEntry[]): void {
  const missing = results.filter((r) => !r.result).map((r) => r.item_code);
  if (missing.length)
    throw LabelErrors.fail('LABEL_ITEM_RESULTS_INCOMPLETE', undefined, { item_codes: missing });
}

function viaOf(t: RequestContext): 'pdm' | 'operations_specialist' {
  return t.actor.kind === 'reviewer' && t.actor.roles.includes('pdm') ? 'pdm' : 'operations_specialist';
}

export function stepView(s: LabelCertificationStep): StepView {
  return {
    id: s.id,
    step: s.step,
    step_number: STEP_DEFINITIONS[s.step].number,
    visit: s.visit,
    owner_side: s.ownerSide,
    entered_at: s.enteredAt.toISOString(),
    sla_days: s.slaDays,
    sla_day_type: s.slaDayType,
    due_at: s.dueAt.toISOString(),
    completed_at: s.completedAt?.toISOString() ?? null,
    completed_by: s.completedBy,
    outcome: s.outcome,
    comment: s.comment,
    sla_breached: s.slaBreached,
    reminders_sent: s.remindersSent,
  };
}

export function sessionView(s: LabelDefenseSession): DefenseSessionView {
  return {
    id: s.id,
    kind: s.kind,
    requested_via: s.requestedVia,
    question: s.question,
    scheduled_at: s.scheduledAt?.toISOString() ?? null,
    meeting_link: s.meetingLink,
    expert_ids: s.expertIds,
    minutes_file_id: s.minutesFileId,
    created_at: s.createdAt.toISOString(),
  };
}
