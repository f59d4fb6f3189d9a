/**
 * Scorecards, annual assessments and SP level upgrades (certification-paths.md PROG-006, PROG-009, PROG-010,
 * PROG-016, J-PROG-1): the scorecard is read from the performance system and shown only on the scorecard account;
 * assessments are imported by J-PROG-1 or uploaded by operations (CSV); level upgrades are decided by the PDM and
 * apply to every SP membership of the legal entity (Open point 11).
 */
import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { requireReviewerRole } from '../../../../../libs/auth/index.js';
import type { RequestContext } from '../../../../../libs/context/index.js';
import { DomainError } from '../../../../../libs/errors/index.js';
import { findOneForUpdate, TransactionRunner } from '../../../../../libs/persistence/index.js';
import { StateMachine } from '../../../../../libs/state-machine/index.js';
import { nextLevel } from '../domain/program-levels.js';
import { LEVEL_UPGRADE_MACHINE } from '../domain/program-state-machines.js';
import {
  type AssessmentResult,
  LevelUpgradeApplication,
  type LevelUpgradeStatus,
  ProgramAssessment,
  ProgramMembership,
  type TableProgram,
} from '../entities/program.entities.js';
import { ProgramErrors } from '../programs.errors.js';
import { PROGRAM_OPERATIONS_ROLES, PROGRAM_PDM_ROLES } from '../programs.permissions.js';
import {
  type AssessmentRecord,
  PROGRAM_PERFORMANCE_PORT,
  type ProgramPerformancePort,
} from '../ports/performance.port.js';
import { programOfSlug } from './program-membership.service.js';
import { COUNTING_STATUSES, ProgramSupport, requireReason } from './program-support.js';

const LEVEL_PATHS = new Set(['software', 'service', 'si']);

export type UpgradeReason =
  'indicators_not_met' | 'no_path_account' | 'path_not_role_certified' | 'no_next_level';

@Injectable()
export class ProgramScorecardService {
  private readonly upgrades: StateMachine<LevelUpgradeStatus, LevelUpgradeApplication>;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly s: ProgramSupport,
    @Inject(PROGRAM_PERFORMANCE_PORT) private readonly performance: ProgramPerformancePort,
  ) {
    this.upgrades = new StateMachine(LEVEL_UPGRADE_MACHINE, s.audit);
  }

  // --- scorecard (PROG-006, PROG-009) -----------------------------------------------------------------------------

  async scorecard(ctx: RequestContext, slug: string): Promise<Record<string, unknown>> {
    const program = programOfSlug(slug);
    const m = await this.scorecardMembership(ctx, program);
    const year = Number(this.s.calendar.localDate(ctx.now()).slice(0, 4));
    const data = await this.performance.getScorecard(m.legalEntityId!, program, year);
    const next = data?.nextLevel ?? nextLevel(await this.s.levels(program), m.level)?.code ?? null;
    return {
      legal_entity_id: m.legalEntityId,
      program,
      year,
      current_level: m.level,
      next_level: next,
      indicators: data?.indicators ?? [],
      all_met: data?.allMet ?? false,
      history: (await this.history(m.legalEntityId!, program)).map(assessmentView),
    };
  }

  /** PROG-009: the history, or one year (404 PROG_ASSESSMENT_NOT_PUBLISHED before publication). */
  async assessments(ctx: RequestContext, slug: string, year?: number): Promise<Record<string, unknown>> {
    const program = programOfSlug(slug);
    const m = await this.scorecardMembership(ctx, program);
    const rows = await this.history(m.legalEntityId!, program);
    if (year !== undefined) {
      const one = rows.find((r) => r.year === year);
      if (!one) throw ProgramErrors.fail('PROG_ASSESSMENT_NOT_PUBLISHED', undefined, { year });
      return assessmentView(one);
    }
    return { total_count: rows.length, items: rows.map(assessmentView) };
  }

  // --- level upgrade (PROG-010, PROG-016) ----------------------------------------------------------------------------

  async applyLevelUpgrade(ctx: RequestContext): Promise<Record<string, unknown>> {
    const mine = await this.s.dataSource.getRepository(ProgramMembership).find({
      where: { partnerAccountId: ctx.partnerAccountId, status: In([...COUNTING_STATUSES]) },
    });
    if (!mine.some((m) => m.program === 'solution_provider')) {
      if (mine.some((m) => m.program === 'cloud_reseller')) throw ProgramErrors.fail('PROG_NO_LEVELS');
      throw ProgramErrors.fail('PROG_NOT_MEMBER');
    }
    const m = await this.scorecardMembership(ctx, 'solution_provider'); // (a)
    if (m.status !== 'active')
      throw new DomainError('STATE_TRANSITION_INVALID', undefined, { status: m.status });
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const pending = await em.findOne(LevelUpgradeApplication, {
        where: { legalEntityId: m.legalEntityId!, status: 'pending_review' },
      });
      if (pending)
        throw ProgramErrors.fail('PROG_LEVEL_UPGRADE_PENDING', undefined, { application_id: pending.id }); // (d)
      const year = Number(this.s.calendar.localDate(t.now()).slice(0, 4));
      const next = nextLevel(await this.s.levels('solution_provider'), m.level);
      const card = await this.performance.getScorecard(m.legalEntityId!, 'solution_provider', year);
      const reasons: UpgradeReason[] = [];
      if (!next) reasons.push('no_next_level');
      if (!card?.allMet) reasons.push('indicators_not_met'); // (b)
      const pathCheck = await this.pathAccountCheck(m.legalEntityId!); // (c)
      if (pathCheck) reasons.push(pathCheck);
      if (reasons.length) {
        throw ProgramErrors.fail('PROG_LEVEL_UPGRADE_NOT_ELIGIBLE', undefined, {
          reasons,
          quick_registration_available: reasons.includes('no_path_account'),
        });
      }
      const app = em.create(LevelUpgradeApplication, {
        membershipId: m.id,
        partnerAccountId: m.partnerAccountId,
        legalEntityId: m.legalEntityId!,
        fromLevel: m.level ?? '',
        toLevel: next!.code,
        status: 'pending_review',
        checks: {
          scorecard_year: year,
          all_met: true,
          indicators: card?.indicators ?? [],
          path_account_role_certified: true,
        },
        submittedAt: t.now(),
        submittedBy: t.actorId,
        reviewerId: null,
        decidedAt: null,
        rejectReason: null,
      });
      await this.upgrades.create(t, app, { action: 'level_upgrade_application.submitted' });
      return upgradeView(app);
    });
  }

  async myLevelUpgrades(ctx: RequestContext): Promise<{ total_count: number; items: unknown[] }> {
    const rows = await this.s.dataSource.getRepository(LevelUpgradeApplication).find({
      where: { partnerAccountId: ctx.partnerAccountId },
      order: { submittedAt: 'DESC', id: 'DESC' },
    });
    return { total_count: rows.length, items: rows.map(upgradeView) };
  }

  async listUpgrades(q: { status?: string }): Promise<{ total_count: number; items: unknown[] }> {
    const rows = await this.s.dataSource.getRepository(LevelUpgradeApplication).find({
      where: q.status ? { status: q.status as LevelUpgradeStatus } : {},
      order: { submittedAt: 'DESC', id: 'DESC' },
      take: 500,
    });
    return { total_count: rows.length, items: rows.map(upgradeView) };
  }

  /** PDM approval: the level applies to every SP membership of the legal entity; certificates reissued. */
  async approveUpgrade(ctx: RequestContext, id: string): Promise<Record<string, unknown>> {
    requireReviewerRole(ctx, PROGRAM_PDM_ROLES);
    return this.tx.run(ctx, async (t) => {
      const app = await findOneForUpdate(t.em!, LevelUpgradeApplication, { id });
      if (!app) throw ProgramErrors.fail('PROG_LEVEL_UPGRADE_NOT_FOUND');
      await this.upgrades.transition(t, app, 'approved', {
        action: 'level_upgrade_application.approved',
        mutate: (x) => {
          x.reviewerId = t.reviewerId;
          x.decidedAt = t.now();
        },
      });
      const members = await t.em!.find(ProgramMembership, {
        where: {
          legalEntityId: app.legalEntityId,
          program: 'solution_provider',
          status: In(['active', 'expired']),
        },
      });
      for (const m of members) {
        await this.s.update(t, m, 'program_membership.level_upgraded', (x) => (x.level = app.toLevel));
        await this.s.issueCertificate(t, m);
        await this.s.notify(
          t,
          m.partnerAccountId,
          'certification.solution_provider.level_upgraded',
          'Solution provider level upgraded',
          `Your company's solution provider level is now ${app.toLevel}.`,
          { membership_id: m.id, level: app.toLevel },
        );
      }
      return upgradeView(app);
    });
  }

  async rejectUpgrade(ctx: RequestContext, id: string, reason: string): Promise<Record<string, unknown>> {
    requireReviewerRole(ctx, PROGRAM_PDM_ROLES);
    const r = requireReason(reason);
    return this.tx.run(ctx, async (t) => {
      const app = await findOneForUpdate(t.em!, LevelUpgradeApplication, { id });
      if (!app) throw ProgramErrors.fail('PROG_LEVEL_UPGRADE_NOT_FOUND');
      await this.upgrades.transition(t, app, 'rejected', {
        action: 'level_upgrade_application.rejected',
        mutate: (x) => {
          x.reviewerId = t.reviewerId;
          x.decidedAt = t.now();
          x.rejectReason = r;
        },
      });
      await this.s.notify(
        t,
        app.partnerAccountId,
        'certification.solution_provider.level_upgrade_rejected',
        'Level upgrade rejected',
        `Your level upgrade application to ${app.toLevel} was rejected. Reason: ${r}.`,
        { application_id: app.id },
      );
      return upgradeView(app);
    });
  }

  // --- assessments (PROG-009, J-PROG-1, operations upload) --------------------------------------------------------

  /** J-PROG-1: results of the previous year from the performance system. */
  async importAssessments(ctx: RequestContext): Promise<Record<string, unknown>> {
    const year = Number(this.s.calendar.localDate(ctx.now()).slice(0, 4)) - 1;
    const records = await this.performance.listAssessments(year);
    const stored = await this.tx.run(ctx, (t) => this.store(t, records, 'import'));
    return { year, imported: stored };
  }

  /**
   * Operations upload (CSV `uscc,program,year,result,resulting_level`; a `legal_entity_id` column may replace
   * `uscc`): all rows or nothing; a repeated (entity, program, year) replaces the earlier result.
   */
  async uploadAssessments(ctx: RequestContext, csv: string): Promise<Record<string, unknown>> {
    requireReviewerRole(ctx, PROGRAM_OPERATIONS_ROLES);
    const lines = csv.split(/\r?\n/).map((l) => l.trim());
    const header = (lines.shift() ?? '').split(',').map((h) => h.trim().toLowerCase());
    const col = (name: string) => header.indexOf(name);
    const errors: Array<{ line: number; message: string }> = [];
    if (
      col('program') < 0 ||
      col('year') < 0 ||
      col('result') < 0 ||
      (col('uscc') < 0 && col('legal_entity_id') < 0)
    ) {
      throw ProgramErrors.fail('PROG_ASSESSMENT_UPLOAD_INVALID', undefined, {
        errors: [
          {
            line: 1,
            message: 'header must name uscc (or legal_entity_id), program, year, result, resulting_level',
          },
        ],
      });
    }
    const rows = lines
      .map((l, i) => ({ line: i + 2, cells: l.split(',').map((c) => c.trim()) }))
      .filter((r) => r.cells.some((c) => c));
    const usccs =
      col('uscc') >= 0
        ? [...new Set(rows.map((r) => r.cells[col('uscc')]?.toUpperCase()).filter(Boolean))]
        : [];
    const byUscc = await this.legalEntitiesByUscc(usccs);
    const records: AssessmentRecord[] = [];
    for (const r of rows) {
      const get = (name: string) => (col(name) >= 0 ? (r.cells[col(name)] ?? '') : '');
      const program = get('program') as TableProgram;
      const year = Number(get('year'));
      const result = get('result') as AssessmentResult;
      const entityId = get('legal_entity_id') || byUscc.get(get('uscc').toUpperCase()) || '';
      if (!entityId)
        errors.push({ line: r.line, message: `unknown company ${get('uscc') || get('legal_entity_id')}` });
      if (!['solution_provider', 'distributor'].includes(program))
        errors.push({ line: r.line, message: `program must be solution_provider or distributor` });
      if (!Number.isInteger(year) || year < 2000 || year > 2100)
        errors.push({ line: r.line, message: 'bad year' });
      if (result !== 'passed' && result !== 'failed')
        errors.push({ line: r.line, message: 'result must be passed or failed' });
      const levelCode = get('resulting_level') || null;
      if (levelCode && !(await this.s.levels(program)).some((l) => l.code === levelCode)) {
        errors.push({ line: r.line, message: `unknown level ${levelCode}` });
      }
      records.push({ legalEntityId: entityId, program, year, result, resultingLevel: levelCode });
    }
    if (!rows.length) errors.push({ line: 2, message: 'no rows' });
    if (errors.length) throw ProgramErrors.fail('PROG_ASSESSMENT_UPLOAD_INVALID', undefined, { errors });
    const stored = await this.tx.run(ctx, (t) => this.store(t, records, 'manual'));
    return { imported: stored };
  }

  async listAssessments(q: {
    year?: number;
    program?: string;
  }): Promise<{ total_count: number; items: unknown[] }> {
    const rows = await this.s.dataSource.getRepository(ProgramAssessment).find({
      where: {
        ...(q.year ? { year: q.year } : {}),
        ...(q.program ? { program: q.program as TableProgram } : {}),
      },
      order: { year: 'DESC', publishedAt: 'DESC', id: 'ASC' },
      take: 500,
    });
    return { total_count: rows.length, items: rows.map(assessmentView) };
  }

  // --- internals --------------------------------------------------------------------------------------------------

  private async store(
    t: RequestContext,
    records: AssessmentRecord[],
    source: 'import' | 'manual',
  ): Promise<number> {
    const em = t.em!;
    const notified = new Set<string>();
    for (const r of records) {
      let row = await em.findOne(ProgramAssessment, {
        where: { legalEntityId: r.legalEntityId, program: r.program, year: r.year },
      });
      const before = row ? assessmentView(row) : null;
      if (!row)
        row = em.create(ProgramAssessment, {
          legalEntityId: r.legalEntityId,
          program: r.program,
          year: r.year,
        });
      row.result = r.result;
      row.resultingLevel = r.resultingLevel;
      row.publishedAt = t.now();
      row.source = source;
      await em.save(row);
      await this.s.audit.record(t, {
        action: `program_assessment.${source === 'import' ? 'imported' : 'uploaded'}`,
        entityType: 'program_assessment',
        entityId: row.id,
        before,
        after: assessmentView(row),
      });
      const key = `${r.legalEntityId}:${r.program}`;
      if (notified.has(key)) continue;
      notified.add(key);
      const account = await this.scorecardAccountOf(t, r.legalEntityId, r.program);
      if (account) {
        await this.s.notify(
          t,
          account,
          'certification.assessment.published',
          'Annual assessment results published',
          `The ${r.year} assessment result of your ${r.program.replace('_', ' ')} program is published: ${r.result}.`,
          { year: r.year, program: r.program, result: r.result },
        );
      }
    }
    return records.length;
  }

  private async history(legalEntityId: string, program: TableProgram): Promise<ProgramAssessment[]> {
    return this.s.dataSource.getRepository(ProgramAssessment).find({
      where: { legalEntityId, program },
      order: { year: 'DESC', id: 'ASC' },
    });
  }

  /**
   * PROG-006: the caller's membership when the caller is the scorecard account. SP: the first account of the legal
   * entity that joined (earliest `joined_at` among `active` / `expired` SP memberships; exited ones skipped, a
   * decision). National distributor: the account flagged `channel_expansion_account`; regional: itself.
   */
  private async scorecardMembership(ctx: RequestContext, program: TableProgram): Promise<ProgramMembership> {
    if (program === 'cloud_reseller') throw ProgramErrors.fail('PROG_NO_LEVELS');
    const repo = this.s.dataSource.getRepository(ProgramMembership);
    const m = await repo.findOne({
      where: { partnerAccountId: ctx.partnerAccountId, program, status: In(['active', 'expired']) },
    });
    if (!m || !m.legalEntityId) throw ProgramErrors.fail('PROG_NOT_MEMBER');
    const account = await this.scorecardAccountOf(null, m.legalEntityId, program);
    if (account !== ctx.partnerAccountId) throw ProgramErrors.fail('PROG_SCORECARD_NOT_VISIBLE');
    return m;
  }

  private async scorecardAccountOf(
    t: RequestContext | null,
    legalEntityId: string,
    program: TableProgram,
  ): Promise<string | null> {
    const em = t?.em ?? this.s.dataSource.manager;
    const members = await em.find(ProgramMembership, {
      where: { legalEntityId, program, status: In(['active', 'expired']) },
    });
    if (program === 'solution_provider') {
      const first = members
        .filter((m) => m.joinedAt)
        .sort((a, b) => a.joinedAt!.getTime() - b.joinedAt!.getTime() || a.id.localeCompare(b.id))[0];
      return first?.partnerAccountId ?? null;
    }
    if (program === 'distributor') {
      for (const m of members) {
        if (m.distributorType === 'regional') return m.partnerAccountId;
        const f = await this.s.collaborators.accounts.facts(m.partnerAccountId);
        if (f?.channelExpansionAccount) return m.partnerAccountId;
      }
    }
    return null;
  }

  /** PROG-010 (c): some account of the entity on software / service / si at stage ≥ role certification. */
  private async pathAccountCheck(legalEntityId: string): Promise<UpgradeReason | null> {
    const accounts = await this.s.collaborators.accounts.accountsOfLegalEntity(legalEntityId);
    let onPath = false;
    for (const a of accounts) {
      const paths = (await this.s.activePaths(a.partnerAccountId)).filter((p) => LEVEL_PATHS.has(p.path));
      if (paths.length) onPath = true;
      if (paths.some((p) => p.stage !== 'joined')) return null;
    }
    return onPath ? 'path_not_role_certified' : 'no_path_account';
  }

  /** USCC → legal entity for the operations upload, through info's AccountDirectory. */
  private async legalEntitiesByUscc(usccs: string[]): Promise<Map<string, string>> {
    return this.s.collaborators.accounts.legalEntityIdsByUscc(usccs);
  }
}

function assessmentView(a: ProgramAssessment): Record<string, unknown> {
  return {
    id: a.id,
    legal_entity_id: a.legalEntityId,
    program: a.program,
    year: a.year,
    result: a.result,
    resulting_level: a.resultingLevel,
    published_at: a.publishedAt.toISOString(),
    source: a.source,
  };
}

function upgradeView(a: LevelUpgradeApplication): Record<string, unknown> {
  return {
    id: a.id,
    membership_id: a.membershipId,
    partner_account_id: a.partnerAccountId,
    legal_entity_id: a.legalEntityId,
    from_level: a.fromLevel,
    to_level: a.toLevel,
    status: a.status,
    checks: a.checks,
    submitted_at: a.submittedAt.toISOString(),
    reviewer_id: a.reviewerId,
    decided_at: a.decidedAt?.toISOString() ?? null,
    reject_reason: a.rejectReason,
  };
}
