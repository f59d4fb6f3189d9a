/**
 * Baseline solutions (FAQ 8.3, 2, page 003; build.md BUILD-020…BUILD-029): the partner creates a partner-led
 * baseline and submits initiation and launch; the PDM creates Huawei-led baselines for a partner, reviews the
 * initiation, schedules and concludes the review meeting, records the CSBI solution ID, reviews the launch and
 * may terminate; PDM / PSA advance the joint stages (Open point 9). Every stage change goes through the stage
 * machine (audit + event), reviewer steps are kept in `review_history` and notified to the partner admin.
 */
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type FindOptionsWhere } from 'typeorm';
import { AuditService } from '../../../../../libs/audit/index.js';
import { WorkingDayCalendar } from '../../../../../libs/calendar/index.js';
import type { RequestContext, ReviewerRole } from '../../../../../libs/context/index.js';
import { NotificationService } from '../../../../../libs/notify/index.js';
import { findOneForUpdate, TransactionRunner } from '../../../../../libs/persistence/index.js';
import { StateMachine } from '../../../../../libs/state-machine/index.js';
import {
  requireReviewerRole,
  REVIEWER_PRINCIPALS,
  type ReviewerPrincipalResolver,
} from '../../../../../libs/auth/index.js';
import { PartnerAccountService } from '../../../info/index.js';
import { SOLUTION_FACTS, type SolutionFacts } from '../../build.contracts.js';
import { BaselineErrors } from '../baseline.errors.js';
import {
  type AdvanceableStage,
  BASELINE_STAGE_MACHINE,
  type BaselineStage,
  EDITABLE_STAGES,
  requireReviewComment,
  responsibilitiesComplete,
  stageRank,
} from '../domain/baseline-rules.js';
import {
  type AdminCreateBaselineDto,
  type CreateBaselineDto,
  isInstant,
  type ListBaselinesQuery,
  type ResponsibilitiesDto,
  type UpdateBaselineDto,
} from '../dto/baseline.dto.js';
import {
  BaselineSolution,
  type BaselineReviewEntry,
  type LaunchMaterial,
  type Responsibilities,
} from '../entities/baseline.entities.js';
import {
  CSBI_PORT,
  type CsbiPort,
  OFFICIAL_SITE_PORT,
  type OfficialSitePort,
} from '../ports/baseline-ports.js';

/** Who takes which reviewer step (build.md "Permissions"; Open point 9). */
export const BASELINE_PDM_ROLES: readonly ReviewerRole[] = ['pdm'];
export const BASELINE_STAGE_ROLES: readonly ReviewerRole[] = ['pdm', 'psa'];
export const BASELINE_VIEW_ROLES: readonly ReviewerRole[] = ['pdm', 'psa'];

export interface BaselineView {
  id: string;
  lead_type: string;
  partner_account_id: string;
  name: string;
  industry_scenario: string | null;
  description: string | null;
  responsibilities: Responsibilities;
  obp_initiation_guide_file_id: string | null;
  feature_list_file_id: string | null;
  feature_list_verified: boolean;
  solution_id: string | null;
  pdm_id: string | null;
  psa_id: string | null;
  review_meeting: { scheduled_at: string; meeting_link: string } | null;
  solution_code: string | null;
  stage: BaselineStage;
  launch_application: {
    materials: LaunchMaterial[];
    submitted_at: string | null;
    review_comment: string | null;
    resubmission_count: number;
  } | null;
  initiated_on: string | null;
  launched_on: string | null;
  official_site_url: string | null;
  review_history: BaselineReviewEntry[];
  created_at: string;
  updated_at: string;
}

type Fields = CreateBaselineDto | UpdateBaselineDto | AdminCreateBaselineDto;

@Injectable()
export class BaselineService {
  readonly machine: StateMachine<BaselineStage, BaselineSolution>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly notifications: NotificationService,
    private readonly partnerAccounts: PartnerAccountService,
    @Inject(SOLUTION_FACTS) private readonly solutions: SolutionFacts,
    @Inject(OFFICIAL_SITE_PORT) private readonly officialSite: OfficialSitePort,
    @Inject(CSBI_PORT) private readonly csbi: CsbiPort,
    @Inject(REVIEWER_PRINCIPALS) private readonly reviewers: ReviewerPrincipalResolver,
    @Inject(WorkingDayCalendar) private readonly calendar: WorkingDayCalendar,
    private readonly audit: AuditService,
  ) {
    this.machine = new StateMachine(BASELINE_STAGE_MACHINE, audit);
  }

  // --- partner ------------------------------------------------------------------------------------------------

  /** BUILD-020 (onboarded, four responsibilities), BUILD-029 (partners create partner-led only). */
  async create(ctx: RequestContext, dto: CreateBaselineDto): Promise<BaselineView> {
    if ((dto.lead_type ?? 'partner_led') === 'huawei_led') {
      throw BaselineErrors.fail('BASELINE_HUAWEI_LED_ADMIN_ONLY');
    }
    await this.requireOnboarded(ctx.partnerAccountId);
    if (!responsibilitiesComplete(toResponsibilities(dto.responsibilities))) {
      throw BaselineErrors.fail('BASELINE_RESPONSIBILITIES_INCOMPLETE');
    }
    await this.requireOwnSolution(ctx.partnerAccountId, dto.solution_id);
    return this.tx.run(ctx, async (t) => {
      const b = this.newBaseline(t, 'partner_led', ctx.partnerAccountId, dto);
      await this.machine.create(t, b, { action: 'baseline_solution.created' });
      return view(b);
    });
  }

  async update(ctx: RequestContext, id: string, dto: UpdateBaselineDto): Promise<BaselineView> {
    return this.partnerChange(ctx, id, async (t, b) => {
      await this.applyFields(t, b, dto);
    });
  }

  /** BUILD-021: OBP guide, verified feature list, basic info and the 4 responsibilities, then "confirm". */
  async submitInitiation(ctx: RequestContext, id: string): Promise<BaselineView> {
    return this.partnerChange(ctx, id, async (t, b) => this.doSubmitInitiation(t, b), false);
  }

  /** BUILD-026 / BUILD-027: launch application from public beta, or resubmission after a rejection. */
  async submitLaunch(
    ctx: RequestContext,
    id: string,
    materials?: Array<{ material_type: string; file_id: string }>,
  ) {
    return this.partnerChange(ctx, id, async (t, b) => this.doSubmitLaunch(t, b, materials), false);
  }

  async listForPartner(ctx: RequestContext, q: ListBaselinesQuery) {
    return this.list({ ...filters(q), partnerAccountId: ctx.partnerAccountId });
  }

  /** The partner sees the scheduled meeting, the reviewers' comments and the solution ID (BUILD-022, BUILD-024). */
  async getForPartner(ctx: RequestContext, id: string): Promise<BaselineView> {
    const b = await this.dataSource.getRepository(BaselineSolution).findOne({ where: { id } });
    if (!b || b.partnerAccountId !== ctx.partnerAccountId) throw BaselineErrors.fail('BASELINE_NOT_FOUND');
    return view(b);
  }

  // --- reviewers ------------------------------------------------------------------------------------------------

  /** BUILD-029: a Huawei-led baseline, created by the PDM for the (onboarded) partner he chooses. */
  async createHuaweiLed(ctx: RequestContext, dto: AdminCreateBaselineDto): Promise<BaselineView> {
    requireReviewerRole(ctx, BASELINE_PDM_ROLES);
    const partner = await this.partnerAccounts.findById(dto.partner_account_id);
    if (!partner) throw BaselineErrors.fail('BASELINE_PARTNER_NOT_ONBOARDED');
    await this.requireOnboarded(partner.id);
    await this.requireOwnSolution(partner.id, dto.solution_id);
    return this.tx.run(ctx, async (t) => {
      const b = this.newBaseline(t, 'huawei_led', partner.id, dto);
      b.pdmId = t.reviewerId;
      b.psaId = dto.psa_id ?? null;
      await this.machine.create(t, b, { action: 'baseline_solution.created' });
      await this.notifyPartner(t, b, 'created', `Huawei created the baseline solution "${b.name}" with you.`);
      return view(b);
    });
  }

  /** Huawei-led baselines: the PDM completes the initiation materials (BUILD-029). */
  async adminUpdate(ctx: RequestContext, id: string, dto: UpdateBaselineDto): Promise<BaselineView> {
    return this.reviewerChange(ctx, id, BASELINE_PDM_ROLES, async (t, b) => {
      requireHuaweiLed(b);
      if (!EDITABLE_STAGES.includes(b.status)) throw BaselineErrors.fail('BASELINE_NOT_EDITABLE');
      await this.applyFields(t, b, dto);
    });
  }

  async adminSubmitInitiation(ctx: RequestContext, id: string): Promise<BaselineView> {
    return this.reviewerChange(ctx, id, BASELINE_PDM_ROLES, async (t, b) => {
      requireHuaweiLed(b);
      await this.doSubmitInitiation(t, b);
    });
  }

  async adminSubmitLaunch(
    ctx: RequestContext,
    id: string,
    materials?: Array<{ material_type: string; file_id: string }>,
  ): Promise<BaselineView> {
    return this.reviewerChange(ctx, id, BASELINE_PDM_ROLES, async (t, b) => {
      requireHuaweiLed(b);
      await this.doSubmitLaunch(t, b, materials);
    });
  }

  /**
   * BUILD-021: the feature list passes verification (核验). Decision: the check against the document-library
   * template is done by the PSA (or PDM) in the admin panel; replacing the file resets it.
   */
  async verifyFeatureList(ctx: RequestContext, id: string): Promise<BaselineView> {
    return this.reviewerChange(ctx, id, BASELINE_STAGE_ROLES, async (t, b) => {
      if (!b.featureListFileId) throw BaselineErrors.fail('BASELINE_INITIATION_MATERIAL_MISSING');
      if (!EDITABLE_STAGES.includes(b.status) && b.status !== 'initiation_submitted') {
        throw BaselineErrors.fail('BASELINE_STAGE_OUT_OF_ORDER');
      }
      b.featureListVerified = true;
      this.history(t, b, 'feature_list_verified', 'pass', null);
      await this.saveWithAudit(t, b, 'baseline_solution.feature_list_verified');
    });
  }

  /**
   * BUILD-022: the PDM's initial review; a pass schedules the review meeting (future time + link, else 400
   * BASELINE_MEETING_INVALID); a failure needs a comment and goes back to the partner.
   */
  async initialReview(
    ctx: RequestContext,
    id: string,
    dto: {
      result: 'pass' | 'reject';
      comment?: string;
      scheduled_at?: string;
      meeting_link?: string;
      psa_id?: string;
    },
  ): Promise<BaselineView> {
    return this.reviewerChange(ctx, id, BASELINE_PDM_ROLES, async (t, b) => {
      if (dto.result === 'reject') {
        const comment = requireReviewComment(dto.comment);
        await this.machine.transition(t, b, 'initiation_rejected', {
          action: 'baseline_solution.initial_review_rejected',
          mutate: (x) => {
            x.pdmId = t.reviewerId ?? x.pdmId;
            this.history(t, x, 'initial_review', 'reject', comment);
          },
        });
        await this.notifyPartner(
          t,
          b,
          'initial_review_rejected',
          `The initiation of "${b.name}" was returned: ${comment}`,
        );
        return;
      }
      const veto = await this.machine.check(t, b, 'initiation_meeting_scheduled');
      if (veto) throw veto;
      const meeting = this.meeting(t, dto);
      await this.machine.transition(t, b, 'initiation_meeting_scheduled', {
        action: 'baseline_solution.meeting_scheduled',
        mutate: (x) => {
          x.pdmId = t.reviewerId ?? x.pdmId;
          if (dto.psa_id) x.psaId = dto.psa_id;
          x.reviewMeeting = meeting;
          this.history(t, x, 'initial_review', 'pass', dto.comment?.trim() || null);
          this.history(t, x, 'meeting_scheduled', null, `${meeting.scheduled_at} ${meeting.meeting_link}`);
        },
      });
      await this.notifyMeeting(t, b);
    });
  }

  /** BUILD-022: moves a scheduled meeting (same validity rule). */
  async rescheduleMeeting(
    ctx: RequestContext,
    id: string,
    dto: { scheduled_at?: string; meeting_link?: string },
  ): Promise<BaselineView> {
    return this.reviewerChange(ctx, id, BASELINE_PDM_ROLES, async (t, b) => {
      if (b.status !== 'initiation_meeting_scheduled')
        throw BaselineErrors.fail('BASELINE_STAGE_OUT_OF_ORDER');
      const meeting = this.meeting(t, dto);
      b.reviewMeeting = meeting;
      this.history(t, b, 'meeting_scheduled', null, `${meeting.scheduled_at} ${meeting.meeting_link}`);
      await this.saveWithAudit(t, b, 'baseline_solution.meeting_rescheduled');
      await this.notifyMeeting(t, b);
    });
  }

  /** BUILD-023: initiation is complete only when the meeting review passes; the pass date is `initiated_on`. */
  async meetingReview(
    ctx: RequestContext,
    id: string,
    dto: { result: 'pass' | 'reject'; comment?: string },
  ): Promise<BaselineView> {
    return this.reviewerChange(ctx, id, BASELINE_PDM_ROLES, async (t, b) => {
      if (b.status !== 'initiation_meeting_scheduled')
        throw BaselineErrors.fail('BASELINE_STAGE_OUT_OF_ORDER');
      if (dto.result === 'reject') {
        const comment = requireReviewComment(dto.comment);
        await this.machine.transition(t, b, 'initiation_rejected', {
          action: 'baseline_solution.meeting_review_rejected',
          mutate: (x) => this.history(t, x, 'meeting_review', 'reject', comment),
        });
        await this.notifyPartner(
          t,
          b,
          'meeting_review_rejected',
          `The initiation review of "${b.name}" failed: ${comment}`,
        );
        return;
      }
      await this.machine.transition(t, b, 'initiated', {
        action: 'baseline_solution.initiated',
        mutate: (x) => {
          x.initiatedOn = this.calendar.localDate(t.now());
          this.history(t, x, 'meeting_review', 'pass', dto.comment?.trim() || null);
        },
        eventPayload: { partner_account_id: b.partnerAccountId, lead_type: b.leadType },
      });
      await this.notifyPartner(t, b, 'initiated', `The baseline solution "${b.name}" passed OBP initiation.`);
    });
  }

  /** BUILD-024: the PDM records the CSBI solution ID after initiation; the partner sees it. */
  async recordSolutionCode(ctx: RequestContext, id: string, code: string): Promise<BaselineView> {
    return this.reviewerChange(ctx, id, BASELINE_PDM_ROLES, async (t, b) => {
      if (b.status === 'terminated' || stageRank(b.status) < stageRank('initiated')) {
        throw BaselineErrors.fail('BASELINE_STAGE_OUT_OF_ORDER');
      }
      const trimmed = code.trim();
      if (!(await this.csbi.lookup(trimmed))) {
        throw BaselineErrors.fail('BASELINE_SOLUTION_ID_INVALID', undefined, { solution_code: trimmed });
      }
      b.solutionCode = trimmed;
      this.history(t, b, 'solution_code_recorded', null, trimmed);
      await this.saveWithAudit(t, b, 'baseline_solution.solution_code_recorded');
      await this.notifyPartner(
        t,
        b,
        'solution_code_recorded',
        `The solution ID of "${b.name}" is ${trimmed}.`,
      );
    });
  }

  /** BUILD-024 / BUILD-025: design & verification → configurator → public beta, in order (PDM or PSA). */
  async advance(
    ctx: RequestContext,
    id: string,
    to: AdvanceableStage,
    comment?: string,
  ): Promise<BaselineView> {
    return this.reviewerChange(ctx, id, BASELINE_STAGE_ROLES, async (t, b) => {
      await this.machine.transition(t, b, to, {
        action: `baseline_solution.${to}`,
        mutate: (x) => this.history(t, x, 'stage_advanced', to, comment?.trim() || null),
      });
      await this.notifyPartner(
        t,
        b,
        'stage_advanced',
        `The baseline solution "${b.name}" is now in stage ${to}.`,
      );
    });
  }

  /** BUILD-027 / BUILD-028: launch review; a pass publishes on the official website and makes it `launched`. */
  async launchReview(
    ctx: RequestContext,
    id: string,
    dto: { result: 'pass' | 'reject'; comment?: string },
  ): Promise<BaselineView> {
    return this.reviewerChange(ctx, id, BASELINE_PDM_ROLES, async (t, b) => {
      if (b.status !== 'launch_submitted') throw BaselineErrors.fail('BASELINE_STAGE_OUT_OF_ORDER');
      const app = b.launchApplication!;
      if (dto.result === 'reject') {
        const comment = requireReviewComment(dto.comment);
        await this.machine.transition(t, b, 'launch_rejected', {
          action: 'baseline_solution.launch_rejected',
          mutate: (x) => {
            x.launchApplication = {
              ...app,
              review_comment: comment,
              rejected_file_ids: fileIds(app.materials),
            };
            this.history(t, x, 'launch_review', 'reject', comment);
          },
        });
        await this.notifyPartner(
          t,
          b,
          'launch_rejected',
          `The launch application of "${b.name}" was rejected: ${comment}`,
        );
        return;
      }
      const url = await this.officialSite.publishSolution(b.id);
      await this.machine.transition(t, b, 'launched', {
        action: 'baseline_solution.launched',
        mutate: (x) => {
          x.launchedOn = this.calendar.localDate(t.now());
          x.officialSiteUrl = url;
          x.launchApplication = { ...app, review_comment: dto.comment?.trim() || null };
          this.history(t, x, 'launch_review', 'pass', dto.comment?.trim() || null);
        },
        eventPayload: { partner_account_id: b.partnerAccountId, lead_type: b.leadType },
      });
      await this.notifyPartner(t, b, 'launched', `The baseline solution "${b.name}" is launched: ${url}`);
    });
  }

  /** Decision: the PDM ends an abandoned project from any non-terminal stage, with a comment. */
  async terminate(ctx: RequestContext, id: string, comment?: string): Promise<BaselineView> {
    return this.reviewerChange(ctx, id, BASELINE_PDM_ROLES, async (t, b) => {
      const text = requireReviewComment(comment);
      await this.machine.transition(t, b, 'terminated', {
        action: 'baseline_solution.terminated',
        mutate: (x) => this.history(t, x, 'terminated', null, text),
      });
      await this.notifyPartner(
        t,
        b,
        'terminated',
        `The baseline solution "${b.name}" was terminated: ${text}`,
      );
    });
  }

  async listForReviewer(q: ListBaselinesQuery) {
    return this.list({
      ...filters(q),
      ...(q.partner_account_id ? { partnerAccountId: q.partner_account_id } : {}),
    });
  }

  async getForReviewer(id: string): Promise<BaselineView> {
    const b = await this.dataSource.getRepository(BaselineSolution).findOne({ where: { id } });
    if (!b) throw BaselineErrors.fail('BASELINE_NOT_FOUND');
    return view(b);
  }

  // --- job -----------------------------------------------------------------------------------------------------

  /**
   * Deadlines table "Baseline review meeting" (decision): 24 hours before `review_meeting.scheduled_at`, one
   * reminder (in-app + e-mail) to the partner admin, the PDM and the PSA; a rescheduled meeting is reminded again.
   */
  async remindMeetings(ctx: RequestContext): Promise<Record<string, unknown>> {
    const now = ctx.now().getTime();
    const due = (
      await this.dataSource.getRepository(BaselineSolution).find({
        where: { status: 'initiation_meeting_scheduled' },
        order: { createdAt: 'ASC' },
      })
    ).filter((b) => {
      if (!b.reviewMeeting || b.meetingReminderFor === b.reviewMeeting.scheduled_at) return false;
      const at = Date.parse(b.reviewMeeting.scheduled_at);
      return at > now && at - now <= 24 * 3600 * 1000;
    });
    let reminded = 0;
    for (const peek of due) {
      await this.tx.run(ctx, async (t) => {
        const b = await findOneForUpdate(t.em!, BaselineSolution, { id: peek.id });
        if (!b?.reviewMeeting || b.status !== 'initiation_meeting_scheduled') return;
        if (b.meetingReminderFor === b.reviewMeeting.scheduled_at) return;
        b.meetingReminderFor = b.reviewMeeting.scheduled_at;
        await t.em!.save(b);
        await this.notifyMeeting(t, b, true);
        reminded++;
      });
    }
    return { reminded };
  }

  // --- internals ------------------------------------------------------------------------------------------------

  private newBaseline(
    t: RequestContext,
    leadType: 'partner_led' | 'huawei_led',
    partnerAccountId: string,
    dto: Fields,
  ) {
    const now = t.now();
    return t.em!.create(BaselineSolution, {
      leadType,
      partnerAccountId,
      name: dto.name!.trim(),
      industryScenario: dto.industry_scenario?.trim() || null,
      description: dto.description ?? null,
      responsibilities: toResponsibilities(dto.responsibilities) ?? {},
      obpInitiationGuideFileId: dto.obp_initiation_guide_file_id ?? null,
      featureListFileId: dto.feature_list_file_id ?? null,
      featureListVerified: false,
      solutionId: dto.solution_id ?? null,
      pdmId: null,
      psaId: null,
      reviewMeeting: null,
      meetingReminderFor: null,
      solutionCode: null,
      status: 'draft',
      launchApplication: null,
      reviewHistory: [],
      initiatedOn: null,
      launchedOn: null,
      officialSiteUrl: null,
      createdBy: t.actorId,
      createdAt: now,
      updatedAt: now,
    });
  }

  private async applyFields(t: RequestContext, b: BaselineSolution, dto: UpdateBaselineDto): Promise<void> {
    if (dto.solution_id !== undefined && dto.solution_id !== b.solutionId) {
      await this.requireOwnSolution(b.partnerAccountId, dto.solution_id);
      b.solutionId = dto.solution_id ?? null;
    }
    if (dto.name !== undefined) b.name = dto.name.trim();
    if (dto.industry_scenario !== undefined) b.industryScenario = dto.industry_scenario.trim() || null;
    if (dto.description !== undefined) b.description = dto.description;
    if (dto.responsibilities !== undefined) {
      const merged = { ...b.responsibilities, ...toResponsibilities(dto.responsibilities) };
      if (!responsibilitiesComplete(merged))
        throw BaselineErrors.fail('BASELINE_RESPONSIBILITIES_INCOMPLETE');
      b.responsibilities = merged;
    }
    if (dto.obp_initiation_guide_file_id !== undefined)
      b.obpInitiationGuideFileId = dto.obp_initiation_guide_file_id;
    if (dto.feature_list_file_id !== undefined && dto.feature_list_file_id !== b.featureListFileId) {
      b.featureListFileId = dto.feature_list_file_id;
      b.featureListVerified = false; // a new file must be verified again (BUILD-021)
    }
    await this.saveWithAudit(t, b, 'baseline_solution.updated');
  }

  private async doSubmitInitiation(t: RequestContext, b: BaselineSolution): Promise<void> {
    const veto = await this.machine.check(t, b, 'initiation_submitted');
    if (veto) throw veto;
    const missing = [
      !b.obpInitiationGuideFileId && 'obp_initiation_guide_file_id',
      !b.featureListFileId && 'feature_list_file_id',
      !b.name?.trim() && 'name',
      !b.industryScenario && 'industry_scenario',
    ].filter((x): x is string => !!x);
    if (missing.length) {
      throw BaselineErrors.fail('BASELINE_INITIATION_MATERIAL_MISSING', undefined, { missing });
    }
    if (!responsibilitiesComplete(b.responsibilities)) {
      throw BaselineErrors.fail('BASELINE_RESPONSIBILITIES_INCOMPLETE');
    }
    if (!b.featureListVerified) throw BaselineErrors.fail('BASELINE_FEATURE_LIST_NOT_VERIFIED');
    await this.machine.transition(t, b, 'initiation_submitted', {
      action: b.reviewHistory.length
        ? 'baseline_solution.initiation_resubmitted'
        : 'baseline_solution.initiation_submitted',
      mutate: (x) => (x.updatedAt = t.now()),
    });
  }

  private async doSubmitLaunch(
    t: RequestContext,
    b: BaselineSolution,
    materials?: Array<{ material_type: string; file_id: string }>,
  ): Promise<void> {
    // BUILD-026: only from public beta (or after a launch rejection)
    if (b.status !== 'public_beta' && b.status !== 'launch_rejected') {
      throw BaselineErrors.fail('BASELINE_STAGE_OUT_OF_ORDER', undefined, { stage: b.status });
    }
    const previous = b.launchApplication;
    const now = t.now().toISOString();
    const kept = new Map((previous?.materials ?? []).map((m) => [m.file_id, m.uploaded_at]));
    const list: LaunchMaterial[] = materials
      ? materials.map((m) => ({
          material_type: m.material_type,
          file_id: m.file_id,
          uploaded_at: kept.get(m.file_id) ?? now,
        }))
      : (previous?.materials ?? []);
    if (!list.length) throw BaselineErrors.fail('BASELINE_LAUNCH_MATERIAL_MISSING');
    const resubmission = b.status === 'launch_rejected';
    if (resubmission && sameSet(fileIds(list), previous?.rejected_file_ids ?? [])) {
      throw BaselineErrors.fail('BASELINE_LAUNCH_UNCHANGED');
    }
    await this.machine.transition(t, b, 'launch_submitted', {
      action: resubmission ? 'baseline_solution.launch_resubmitted' : 'baseline_solution.launch_submitted',
      mutate: (x) => {
        x.launchApplication = {
          materials: list,
          submitted_at: now,
          // the comment stays readable until the next review (BUILD-027)
          review_comment: previous?.review_comment ?? null,
          rejected_file_ids: previous?.rejected_file_ids ?? null,
          resubmission_count: (previous?.resubmission_count ?? 0) + (resubmission ? 1 : 0),
        };
        x.updatedAt = t.now();
      },
    });
  }

  private meeting(t: RequestContext, dto: { scheduled_at?: string; meeting_link?: string }) {
    const link = dto.meeting_link?.trim();
    if (!isInstant(dto.scheduled_at) || !link || Date.parse(dto.scheduled_at) <= t.now().getTime()) {
      throw BaselineErrors.fail('BASELINE_MEETING_INVALID');
    }
    return { scheduled_at: new Date(Date.parse(dto.scheduled_at)).toISOString(), meeting_link: link };
  }

  private history(
    t: RequestContext,
    b: BaselineSolution,
    step: BaselineReviewEntry['step'],
    result: string | null,
    comment: string | null,
  ): void {
    b.reviewHistory = [
      ...b.reviewHistory,
      { step, result, comment, reviewer_id: t.reviewerId, at: t.now().toISOString() },
    ];
    b.updatedAt = t.now();
  }

  private async saveWithAudit(t: RequestContext, b: BaselineSolution, action: string): Promise<void> {
    b.updatedAt = t.now();
    const before = await t.em!.findOne(BaselineSolution, { where: { id: b.id } });
    await t.em!.save(b);
    await this.audit.record(t, {
      action,
      entityType: 'baseline_solution',
      entityId: b.id,
      partnerAccountId: b.partnerAccountId,
      before: before ? auditSnapshot(before) : null,
      after: auditSnapshot(b),
    });
  }

  private async requireOnboarded(partnerAccountId: string): Promise<void> {
    const account = await this.partnerAccounts.findById(partnerAccountId);
    if (!account || account.status !== 'active') throw BaselineErrors.fail('BASELINE_PARTNER_NOT_ONBOARDED');
  }

  private async requireOwnSolution(
    partnerAccountId: string,
    solutionId: string | null | undefined,
  ): Promise<void> {
    if (!solutionId) return;
    const s = await this.solutions.get(solutionId);
    if (!s || s.partnerAccountId !== partnerAccountId) {
      throw BaselineErrors.fail('BASELINE_LINKED_SOLUTION_NOT_FOUND', undefined, { solution_id: solutionId });
    }
  }

  private async partnerChange(
    ctx: RequestContext,
    id: string,
    change: (t: RequestContext, b: BaselineSolution) => Promise<void>,
    requireEditable = true,
  ): Promise<BaselineView> {
    return this.tx.run(ctx, async (t) => {
      const b = await findOneForUpdate(t.em!, BaselineSolution, { id });
      if (!b || b.partnerAccountId !== ctx.partnerAccountId) throw BaselineErrors.fail('BASELINE_NOT_FOUND');
      // BUILD-029: Huawei owns Huawei-led baselines; the partner takes part in joint design only
      if (b.leadType === 'huawei_led') throw BaselineErrors.fail('BASELINE_HUAWEI_LED_ADMIN_ONLY');
      if (requireEditable && !EDITABLE_STAGES.includes(b.status))
        throw BaselineErrors.fail('BASELINE_NOT_EDITABLE');
      await change(t, b);
      return view(b);
    });
  }

  private async reviewerChange(
    ctx: RequestContext,
    id: string,
    roles: readonly ReviewerRole[],
    change: (t: RequestContext, b: BaselineSolution) => Promise<void>,
  ): Promise<BaselineView> {
    requireReviewerRole(ctx, roles);
    return this.tx.run(ctx, async (t) => {
      const b = await findOneForUpdate(t.em!, BaselineSolution, { id });
      if (!b) throw BaselineErrors.fail('BASELINE_NOT_FOUND');
      await change(t, b);
      return view(b);
    });
  }

  private async list(where: FindOptionsWhere<BaselineSolution>) {
    const rows = await this.dataSource.getRepository(BaselineSolution).find({
      where,
      order: { createdAt: 'DESC', id: 'DESC' },
      take: 500,
    });
    return { total_count: rows.length, items: rows.map(view) };
  }

  private async notifyPartner(
    t: RequestContext,
    b: BaselineSolution,
    outcome: string,
    body: string,
  ): Promise<void> {
    const partner = await this.partnerAccounts.findById(b.partnerAccountId);
    if (!partner) return;
    const common = {
      partnerAccountId: partner.id,
      template: `build.baseline.${outcome}`,
      subject: `Baseline solution: ${b.name}`,
      body,
      params: { baseline_solution_id: b.id, stage: b.status },
    };
    await this.notifications.enqueue(t, [
      { ...common, channel: 'in_app', recipient: partner.id },
      ...(partner.email ? [{ ...common, channel: 'email' as const, recipient: partner.email }] : []),
    ]);
  }

  /** The scheduled meeting (BUILD-022) or its 24-hour reminder: partner admin, PDM and PSA. */
  private async notifyMeeting(t: RequestContext, b: BaselineSolution, reminder = false): Promise<void> {
    const m = b.reviewMeeting!;
    const outcome = reminder ? 'meeting_reminder' : 'meeting_scheduled';
    const body = reminder
      ? `Reminder: the initiation review meeting of "${b.name}" starts at ${m.scheduled_at}: ${m.meeting_link}`
      : `The initiation review meeting of "${b.name}" is scheduled at ${m.scheduled_at}: ${m.meeting_link}`;
    await this.notifyPartner(t, b, outcome, body);
    if (!reminder) return;
    for (const reviewerId of [b.pdmId, b.psaId]) {
      if (!reviewerId) continue;
      const r = await this.reviewers.resolve(reviewerId);
      if (!r) continue;
      const common = {
        partnerAccountId: b.partnerAccountId,
        template: `build.baseline.${outcome}`,
        subject: `Baseline solution: ${b.name}`,
        body,
        params: { baseline_solution_id: b.id, reviewer_id: reviewerId },
      };
      await this.notifications.enqueue(t, [
        { ...common, channel: 'in_app', recipient: reviewerId },
        { ...common, channel: 'email', recipient: r.email },
      ]);
    }
  }
}

function toResponsibilities(r: ResponsibilitiesDto | undefined): Responsibilities | undefined {
  if (!r) return undefined;
  const out: Responsibilities = {};
  for (const k of ['presales', 'delivery', 'operations_maintenance', 'operations'] as const) {
    const v = r[k];
    if (v) out[k] = { owner_name: v.owner_name?.trim() ?? '', resources: v.resources?.trim() ?? '' };
  }
  return out;
}

function filters(q: ListBaselinesQuery): FindOptionsWhere<BaselineSolution> {
  return {
    ...(q.stage ? { status: q.stage } : {}),
    ...(q.lead_type ? { leadType: q.lead_type } : {}),
  };
}

function requireHuaweiLed(b: BaselineSolution): void {
  if (b.leadType !== 'huawei_led') {
    throw BaselineErrors.fail(
      'BASELINE_NOT_EDITABLE',
      'Partner-led baseline solutions are submitted by the partner.',
    );
  }
}

function fileIds(materials: LaunchMaterial[]): string[] {
  return materials.map((m) => m.file_id);
}

function sameSet(a: string[], b: string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}

function auditSnapshot(b: BaselineSolution): Record<string, unknown> {
  return {
    stage: b.status,
    name: b.name,
    industry_scenario: b.industryScenario,
    responsibilities: b.responsibilities,
    obp_initiation_guide_file_id: b.obpInitiationGuideFileId,
    feature_list_file_id: b.featureListFileId,
    feature_list_verified: b.featureListVerified,
    solution_id: b.solutionId,
    review_meeting: b.reviewMeeting,
    solution_code: b.solutionCode,
  };
}

export function view(b: BaselineSolution): BaselineView {
  const app = b.launchApplication;
  return {
    id: b.id,
    lead_type: b.leadType,
    partner_account_id: b.partnerAccountId,
    name: b.name,
    industry_scenario: b.industryScenario,
    description: b.description,
    responsibilities: b.responsibilities,
    obp_initiation_guide_file_id: b.obpInitiationGuideFileId,
    feature_list_file_id: b.featureListFileId,
    feature_list_verified: b.featureListVerified,
    solution_id: b.solutionId,
    pdm_id: b.pdmId,
    psa_id: b.psaId,
    review_meeting: b.reviewMeeting,
    solution_code: b.solutionCode,
    stage: b.status,
    launch_application: app
      ? {
          materials: app.materials,
          submitted_at: app.submitted_at,
          review_comment: app.review_comment,
          resubmission_count: app.resubmission_count,
        }
      : null,
    initiated_on: b.initiatedOn,
    launched_on: b.launchedOn,
    official_site_url: b.officialSiteUrl,
    review_history: b.reviewHistory,
    created_at: b.createdAt.toISOString(),
    updated_at: b.updatedAt.toISOString(),
  };
}
