/**
 * Path memberships (certification-paths.md PATH-001…PATH-010, PATH-016, PATH-022…PATH-024, J-PATH-1): joining,
 * the read model other modules use (`PathMembershipViews`), exit with every blocking reason, the automatic
 * software stage, SI whitelist and interlocks, cancellation of a certification by the PDM.
 */
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource, In, IsNull } from 'typeorm';
import { AuditService } from '../../../../../libs/audit/index.js';
import { WorkingDayCalendar } from '../../../../../libs/calendar/index.js';
import { Clock } from '../../../../../libs/clock/index.js';
import { RequestContext, type Site } from '../../../../../libs/context/index.js';
import { DomainError } from '../../../../../libs/errors/index.js';
import { DomainEventBus } from '../../../../../libs/events/index.js';
import {
  findOneForUpdate,
  isUniqueViolation,
  TransactionRunner,
} from '../../../../../libs/persistence/index.js';
import { StateMachine } from '../../../../../libs/state-machine/index.js';
import { findOwnedOrFail } from '../../../../../libs/tenancy/index.js';
import { CertificationErrors } from '../../certification.errors.js';
import {
  type BenefitRecordKind,
  CertificationCollaborators,
  SOLUTION_CERTIFICATION_CHANGED_EVENT,
  type SolutionCertificationType,
} from '../../ports/collaborators.js';
import {
  type DevelopmentPath,
  PROGRAM_MEMBERSHIP_VIEWS,
  type PathMembershipStatus,
  type PathMembershipView,
  type PathMembershipViews,
  type ProgramMembershipViews,
} from '../../ports/membership.port.js';
import {
  defaultCriteria,
  mergeCriteria,
  type PathCriteria,
  pathTitle,
  softwareStage,
  STAGE_RANK,
} from '../domain/criteria.js';
import { PATH_MEMBERSHIP_MACHINE, STAGE_APPLICATION_MACHINE } from '../domain/path-state-machines.js';
import {
  PathCertificate,
  PathCriteriaConfig,
  PathMembership,
  SiInterlock,
  SiWhitelistEntry,
  StageApplication,
  type StageApplicationStatus,
} from '../entities/path.entities.js';
import { PathErrors } from '../paths.errors.js';
import { PathNotifier } from './path-contacts.js';
import { PathStageKeeper } from './path-stage-keeper.js';

export type ExitReason =
  | 'program_joined'
  | 'role_certified'
  | 'differentiated'
  | 'cloud_software_solution_exists'
  | 'advanced_cloud_software_solution_exists'
  | 'test_voucher_exists'
  | 'exam_voucher_exists'
  | 'mdf_exists'
  | 'fh_exists'
  | 'delivery_support_exists';

const SOLUTION_REASONS: ReadonlyArray<[SolutionCertificationType, ExitReason]> = [
  ['cloud_software', 'cloud_software_solution_exists'],
  ['advanced_cloud_software', 'advanced_cloud_software_solution_exists'],
];
const BENEFIT_REASONS: ReadonlyArray<[BenefitRecordKind, ExitReason]> = [
  ['test_voucher', 'test_voucher_exists'],
  ['exam_voucher', 'exam_voucher_exists'],
  ['mdf', 'mdf_exists'],
  ['fh', 'fh_exists'],
  ['delivery_support', 'delivery_support_exists'],
];
/** PATH-022 `program_joined`: program memberships in these statuses (PCE `active`) block the exit. */
const EXIT_BLOCKING_PROGRAM_STATUSES = new Set([
  'pending_review',
  'pending_distributor_review',
  'active',
  'expired',
]);
/** PATH-001: SP / distributor / cloud-reseller memberships in any status except these block joining a path. */
const NON_BLOCKING_PROGRAM_STATUSES = new Set(['rejected', 'withdrawn']);

export interface CertificateView {
  id: string;
  membership_id: string;
  path: DevelopmentPath;
  stage: string;
  title: string;
  certificate_no: string;
  valid_from: string;
  valid_to: string;
  status: string;
  issued_at: string;
}

export interface MembershipView {
  id: string;
  partner_account_id: string;
  path: DevelopmentPath;
  status: PathMembershipStatus;
  stage: string;
  title: string | null;
  joined_at: string;
  role_certified_at: string | null;
  differentiated_at: string | null;
  exited_at: string | null;
  exited_by: string | null;
  certificate: CertificateView | null;
  certificate_valid_to: string | null;
  interlocks: { bp_interlocked: boolean; customer_list_interlocked: boolean } | null;
}

export function certificateView(c: PathCertificate): CertificateView {
  return {
    id: c.id,
    membership_id: c.membershipId,
    path: c.path,
    stage: c.stage,
    title: c.title,
    certificate_no: c.certificateNo,
    valid_from: c.validFrom,
    valid_to: c.validTo,
    status: c.status,
    issued_at: c.issuedAt.toISOString(),
  };
}

@Injectable()
export class PathMembershipService implements PathMembershipViews, OnModuleInit {
  private readonly machine: StateMachine<PathMembershipStatus, PathMembership>;
  private readonly applicationMachine: StateMachine<StageApplicationStatus, StageApplication>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly bus: DomainEventBus,
    private readonly clock: Clock,
    private readonly collaborators: CertificationCollaborators,
    private readonly moduleRef: ModuleRef,
    private readonly keeper: PathStageKeeper,
    private readonly notifier: PathNotifier,
    @Inject(WorkingDayCalendar) private readonly calendar: WorkingDayCalendar,
  ) {
    this.machine = new StateMachine(PATH_MEMBERSHIP_MACHINE, audit);
    this.applicationMachine = new StateMachine(STAGE_APPLICATION_MACHINE, audit);
  }

  private programViews: ProgramMembershipViews | null = null;

  /**
   * The program tables, resolved on first use: programs read the path tables too (PATH_MEMBERSHIP_VIEWS), so a
   * constructor injection both ways would be a provider cycle.
   */
  private get programs(): ProgramMembershipViews {
    this.programViews ??= this.moduleRef.get<ProgramMembershipViews>(PROGRAM_MEMBERSHIP_VIEWS, {
      strict: false,
    });
    return this.programViews;
  }

  onModuleInit(): void {
    // PATH-007 / J-PATH-1: the software stage follows every solution-certification change of the build module
    this.bus.on(SOLUTION_CERTIFICATION_CHANGED_EVENT, async (e) => {
      const pid = (e.payload as { partner_account_id?: string }).partner_account_id;
      if (pid) await this.recomputeSoftware(RequestContext.system(this.clock, 'J-PATH-1'), pid);
    });
  }

  // --- read model (PATH-024) --------------------------------------------------------------------------------------

  async pathMemberships(partnerAccountId: string): Promise<PathMembershipView[]> {
    const rows = await this.dataSource.getRepository(PathMembership).find({
      where: { partnerAccountId },
      order: { joinedAt: 'ASC', id: 'ASC' },
    });
    return rows.map((m) => ({ path: m.path, status: m.status, stage: m.stage }));
  }

  async criteriaFor(site: Site, at: Date, localYear?: number): Promise<PathCriteria> {
    const year = localYear ?? Number(this.calendar.localDate(at).slice(0, 4));
    const rows = await this.dataSource.getRepository(PathCriteriaConfig).find({ where: { site } });
    const general = rows.find((r) => r.year === null) ?? null;
    const specific = rows.find((r) => r.year === year) ?? null;
    return mergeCriteria(
      mergeCriteria(defaultCriteria(site), general?.criteria ?? null),
      specific?.criteria ?? null,
    );
  }

  // --- partner ------------------------------------------------------------------------------------------------------

  /** PATH-001 (onboarded, not abandoned, no reseller program), PATH-002 (SI whitelist), PATH-003 (once per path). */
  async join(ctx: RequestContext, path: DevelopmentPath): Promise<MembershipView> {
    const pid = ctx.partnerAccountId;
    const facts = await this.collaborators.accounts.facts(pid);
    if (!facts) throw PathErrors.fail('PATH_NOT_FOUND');
    if (facts.abandoned) throw CertificationErrors.fail('PROG_ACCOUNT_ABANDONED');
    const conflicting = (await this.programs.programMemberships(pid)).find(
      (p) => p.program !== 'pce' && !NON_BLOCKING_PROGRAM_STATUSES.has(p.status),
    );
    if (conflicting) {
      throw CertificationErrors.fail('PROG_PATH_EXCLUSIVE', undefined, {
        quick_registration_available: true,
        conflicting_program: conflicting.program,
      });
    }
    if (path === 'si' && !(await this.isWhitelisted(facts.legalEntityId))) {
      throw PathErrors.fail('PATH_SI_INVITATION_ONLY');
    }
    try {
      return await this.tx.run(ctx, async (t) => {
        const em = t.em!;
        const existing = await em.findOne(PathMembership, {
          where: { partnerAccountId: pid, path, status: 'active' },
        });
        if (existing) throw PathErrors.fail('PATH_ALREADY_JOINED', undefined, { membership_id: existing.id });
        const m = em.create(PathMembership, {
          partnerAccountId: pid,
          path,
          status: 'active',
          stage: 'joined',
          activeKey: `${pid}:${path}`,
          joinedAt: t.now(),
          joinedBy: t.actorId,
          roleCertifiedAt: null,
          differentiatedAt: null,
          exitedAt: null,
          exitedBy: null,
        });
        await this.machine.create(t, m, { action: 'path_membership.joined', eventPayload: { path } });
        return this.view(t, m);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw PathErrors.fail('PATH_ALREADY_JOINED');
      throw err;
    }
  }

  async listForPartner(ctx: RequestContext): Promise<{ total_count: number; items: MembershipView[] }> {
    const rows = await this.dataSource.getRepository(PathMembership).find({
      where: { partnerAccountId: ctx.partnerAccountId },
      order: { joinedAt: 'DESC', id: 'DESC' },
    });
    const items = await Promise.all(rows.map((m) => this.view(ctx, m)));
    return { total_count: items.length, items };
  }

  async getForPartner(ctx: RequestContext, id: string): Promise<MembershipView> {
    return this.view(ctx, await this.ownedOrFail(ctx, id));
  }

  async ownedOrFail(ctx: RequestContext, id: string): Promise<PathMembership> {
    return findOwnedOrFail(this.dataSource.manager, ctx, PathMembership, { id }, () =>
      PathErrors.fail('PATH_NOT_FOUND'),
    );
  }

  /** PATH-022 blocking reasons of the membership's account, all of them. */
  async exitBlockers(m: PathMembership): Promise<ExitReason[]> {
    const pid = m.partnerAccountId;
    const reasons: ExitReason[] = [];
    const programs = await this.programs.programMemberships(pid);
    const pce = await this.collaborators.pce.status(pid);
    if (programs.some((p) => EXIT_BLOCKING_PROGRAM_STATUSES.has(p.status)) || pce === 'active') {
      reasons.push('program_joined');
    }
    if (m.roleCertifiedAt || STAGE_RANK[m.stage] >= 1) reasons.push('role_certified');
    if (m.differentiatedAt) reasons.push('differentiated');
    for (const [type, reason] of SOLUTION_REASONS) {
      if (await this.collaborators.build.solutionRecordExists(pid, type)) reasons.push(reason);
    }
    for (const [kind, reason] of BENEFIT_REASONS) {
      if (await this.collaborators.benefitRecordExists(pid, kind)) reasons.push(reason);
    }
    return reasons;
  }

  /**
   * PATH-022 / PATH-023: exit while at `joined` without any blocking record; pending stage applications are
   * withdrawn; the org module cancels the path's project specialists on the `exited` event.
   */
  async exit(ctx: RequestContext, id: string): Promise<MembershipView> {
    const peek = await this.ownedOrFail(ctx, id);
    if (peek.status !== 'active') throw PathErrors.fail('PATH_NOT_ACTIVE');
    const reasons = await this.exitBlockers(peek);
    if (reasons.length) {
      const code = reasons.some((r) => ['program_joined', 'role_certified', 'differentiated'].includes(r))
        ? 'PATH_EXIT_BLOCKED'
        : reasons.some((r) => r.endsWith('_solution_exists'))
          ? 'PATH_EXIT_BLOCKED_BY_SOLUTION'
          : 'PATH_EXIT_BLOCKED_BY_BENEFIT';
      throw PathErrors.fail(code, `This path cannot be exited: ${reasons.join(', ')}.`, { reasons });
    }
    return this.tx.run(ctx, async (t) => {
      const m = (await findOneForUpdate(t.em!, PathMembership, { id }))!;
      if (m.status !== 'active') throw PathErrors.fail('PATH_NOT_ACTIVE');
      if (m.stage !== 'joined' || m.roleCertifiedAt) {
        throw PathErrors.fail('PATH_EXIT_BLOCKED', 'This path cannot be exited: role_certified.', {
          reasons: ['role_certified'],
        });
      }
      const pending = await t.em!.find(StageApplication, {
        where: { membershipId: m.id, status: In(['pending_review', 'bp_review_scheduled']) },
      });
      for (const a of pending) {
        await this.applicationMachine.transition(t, a, 'withdrawn', {
          action: 'stage_application.withdrawn_on_exit',
        });
      }
      await this.machine.transition(t, m, 'exited', {
        action: 'path_membership.exited',
        mutate: (x) => {
          x.exitedAt = t.now();
          x.exitedBy = t.actorId;
          x.activeKey = null;
        },
        eventPayload: { partner_account_id: m.partnerAccountId, path: m.path },
      });
      return this.view(t, m);
    });
  }

  // --- software (PATH-006, PATH-007, PATH-010, J-PATH-1) -------------------------------------------------------------

  /** Recomputes the software stage of the account; null when it has no active software membership. */
  async recomputeSoftware(
    ctx: RequestContext,
    partnerAccountId: string,
  ): Promise<{
    membership: PathMembership;
    stage: string;
    changed: boolean;
    validCertifications: number;
  } | null> {
    const peek = await this.dataSource
      .getRepository(PathMembership)
      .findOne({ where: { partnerAccountId, path: 'software', status: 'active' } });
    if (!peek) return null;
    const facts = await this.collaborators.accounts.facts(partnerAccountId);
    const criteria = await this.criteriaFor(facts?.site ?? 'cn', ctx.now());
    const certs = await this.collaborators.build.listValidCertifications(partnerAccountId, null, ctx.now());
    const computed = softwareStage(certs, criteria);
    return this.tx.run(ctx, async (t) => {
      const m = (await findOneForUpdate(t.em!, PathMembership, { id: peek.id }))!;
      if (m.status !== 'active') return null;
      const before = m.stage;
      const { changed } = await this.keeper.setStage(t, m, computed.stage, {
        validTo: computed.validTo,
        reason: 'software_recompute',
        endCertificateAs: 'expired',
      });
      if (changed && STAGE_RANK[computed.stage] < STAGE_RANK[before]) {
        await this.notifier.toPartner(t, m.partnerAccountId, {
          template: 'certification.path.software_stage_down',
          subject: 'Solution certification expired: path stage changed',
          body:
            `A solution certification of your account expired; your software path stage is now ${computed.stage} ` +
            'and the benefits that depend on the stage are affected (FAQ 4.1.8).',
          params: { membership_id: m.id, from: before, to: computed.stage },
        });
      }
      return { membership: m, stage: m.stage, changed, validCertifications: computed.validCertifications };
    });
  }

  /** `POST /paths/software/stage-evaluation` (PATH-007): re-evaluates now; no valid certification → 422. */
  async evaluateSoftware(ctx: RequestContext): Promise<MembershipView & { valid_certifications: number }> {
    const r = await this.recomputeSoftware(ctx, ctx.partnerAccountId);
    if (!r) throw PathErrors.fail('PATH_NOT_FOUND');
    if (r.stage === 'joined') {
      throw PathErrors.fail('PATH_CRITERIA_NOT_MET', undefined, {
        unmet: [{ criterion: 'certified_solutions', required: 1, actual: 0 }],
      });
    }
    return { ...(await this.view(ctx, r.membership)), valid_certifications: r.validCertifications };
  }

  /** J-PATH-1: every active software membership. */
  async recomputeAllSoftware(ctx: RequestContext): Promise<Record<string, unknown>> {
    const rows = await this.dataSource
      .getRepository(PathMembership)
      .find({ where: { path: 'software', status: 'active' }, order: { joinedAt: 'ASC', id: 'ASC' } });
    let changed = 0;
    for (const m of rows) {
      const r = await this.recomputeSoftware(ctx, m.partnerAccountId);
      if (r?.changed) changed++;
    }
    return { memberships: rows.length, changed };
  }

  // --- reviewers ------------------------------------------------------------------------------------------------------

  async listForReviewer(q: {
    partner_account_id?: string;
    path?: DevelopmentPath;
    status?: PathMembershipStatus;
    offset?: number;
    limit?: number;
  }): Promise<{ total_count: number; items: MembershipView[] }> {
    const where: Record<string, unknown> = {};
    if (q.partner_account_id) where.partnerAccountId = q.partner_account_id;
    if (q.path) where.path = q.path;
    if (q.status) where.status = q.status;
    const [rows, total] = await this.dataSource.getRepository(PathMembership).findAndCount({
      where,
      order: { joinedAt: 'DESC', id: 'DESC' },
      skip: q.offset ?? 0,
      take: q.limit ?? 10,
    });
    const ctx = RequestContext.system(this.clock, 'reviewer-read');
    return { total_count: total, items: await Promise.all(rows.map((m) => this.view(ctx, m))) };
  }

  async getForReviewer(id: string): Promise<MembershipView> {
    const m = await this.dataSource.getRepository(PathMembership).findOne({ where: { id } });
    if (!m) throw PathErrors.fail('PATH_NOT_FOUND');
    return this.view(RequestContext.system(this.clock, 'reviewer-read'), m);
  }

  /** PATH-016: the PDM cancels the certification result after a failed periodic review (reason mandatory). */
  async cancelCertification(ctx: RequestContext, id: string, reason: string): Promise<MembershipView> {
    const text = (reason ?? '').trim();
    if (!text) throw PathErrors.fail('PATH_REASON_REQUIRED');
    if (text.length > 500)
      throw CertificationErrors.fail('CERT_FIELD_INVALID', undefined, { field: 'reason' });
    return this.tx.run(ctx, async (t) => {
      const m = await findOneForUpdate(t.em!, PathMembership, { id });
      if (!m) throw PathErrors.fail('PATH_NOT_FOUND');
      if (m.status !== 'active') throw PathErrors.fail('PATH_NOT_ACTIVE');
      if (m.stage === 'joined') {
        throw new DomainError('STATE_TRANSITION_INVALID', 'The membership holds no certified stage.', {
          from: m.stage,
          to: 'joined',
        });
      }
      const before = m.stage;
      await this.keeper.setStage(t, m, 'joined', {
        validTo: null,
        reason: 'certification_cancelled',
        endCertificateAs: 'revoked',
        revokeReason: text,
      });
      await this.notifier.toPartner(t, m.partnerAccountId, {
        template: 'certification.path.certification_cancelled',
        subject: 'Path certification cancelled',
        body: `Huawei cancelled the ${before} certification of your ${m.path} path. Reason: ${text}`,
        params: { membership_id: m.id, reason: text },
      });
      return this.view(t, m);
    });
  }

  /** SI interlocks (4.3.3, 4.3.7), set by the PDM. */
  async setInterlocks(
    ctx: RequestContext,
    id: string,
    flags: { bp_interlocked?: boolean; customer_list_interlocked?: boolean },
  ): Promise<MembershipView> {
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const m = await findOneForUpdate(em, PathMembership, { id });
      if (!m) throw PathErrors.fail('PATH_NOT_FOUND');
      if (m.path !== 'si') throw PathErrors.fail('PATH_NOT_SI');
      if (m.status !== 'active') throw PathErrors.fail('PATH_NOT_ACTIVE');
      let row = await em.findOne(SiInterlock, { where: { membershipId: m.id } });
      const before = row
        ? { bp_interlocked: row.bpInterlocked, customer_list_interlocked: row.customerListInterlocked }
        : null;
      row ??= em.create(SiInterlock, {
        membershipId: m.id,
        partnerAccountId: m.partnerAccountId,
        bpInterlocked: false,
        customerListInterlocked: false,
      });
      if (flags.bp_interlocked !== undefined) row.bpInterlocked = flags.bp_interlocked;
      if (flags.customer_list_interlocked !== undefined) {
        row.customerListInterlocked = flags.customer_list_interlocked;
      }
      row.setBy = t.actorId;
      row.setAt = t.now();
      await em.save(row);
      await this.audit.record(t, {
        action: 'si_interlock.set',
        entityType: 'si_interlock',
        entityId: row.id,
        partnerAccountId: m.partnerAccountId,
        before,
        after: { bp_interlocked: row.bpInterlocked, customer_list_interlocked: row.customerListInterlocked },
      });
      return this.view(t, m);
    });
  }

  async interlocksOf(membershipId: string, em = this.dataSource.manager): Promise<SiInterlock | null> {
    return em.findOne(SiInterlock, { where: { membershipId } });
  }

  // --- SI whitelist (PATH-002) ----------------------------------------------------------------------------------------

  async isWhitelisted(legalEntityId: string | null): Promise<boolean> {
    if (!legalEntityId) return false;
    return (
      (await this.dataSource
        .getRepository(SiWhitelistEntry)
        .count({ where: { legalEntityId, removedAt: IsNull() } })) > 0
    );
  }

  async resolveLegalEntity(dto: { legal_entity_id?: string; partner_account_id?: string }): Promise<string> {
    if (dto.legal_entity_id) {
      const accounts = await this.collaborators.accounts.accountsOfLegalEntity(dto.legal_entity_id);
      if (!accounts.length) throw PathErrors.fail('PATH_LEGAL_ENTITY_NOT_FOUND');
      return dto.legal_entity_id;
    }
    if (dto.partner_account_id) {
      const f = await this.collaborators.accounts.facts(dto.partner_account_id);
      if (!f?.legalEntityId) throw PathErrors.fail('PATH_LEGAL_ENTITY_NOT_FOUND');
      return f.legalEntityId;
    }
    throw CertificationErrors.fail('CERT_FIELD_INVALID', 'Invalid parameter: legal_entity_id is required', {
      field: 'legal_entity_id',
    });
  }

  async addToWhitelist(
    ctx: RequestContext,
    dto: { legal_entity_id?: string; partner_account_id?: string; reason: string },
  ): Promise<WhitelistView> {
    const reason = (dto.reason ?? '').trim();
    if (!reason) throw PathErrors.fail('PATH_REASON_REQUIRED');
    const legalEntityId = await this.resolveLegalEntity(dto);
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const existing = await em.findOne(SiWhitelistEntry, { where: { legalEntityId, removedAt: IsNull() } });
      if (existing) return whitelistView(existing);
      const e = em.create(SiWhitelistEntry, {
        legalEntityId,
        addedBy: t.actorId,
        reason: reason.slice(0, 500),
        addedAt: t.now(),
        removedAt: null,
        removedBy: null,
      });
      await em.save(e);
      await this.audit.record(t, {
        action: 'si_whitelist.added',
        entityType: 'si_whitelist_entry',
        entityId: e.id,
        before: null,
        after: whitelistView(e) as unknown as Record<string, unknown>,
      });
      return whitelistView(e);
    });
  }

  async removeFromWhitelist(ctx: RequestContext, entryId: string): Promise<WhitelistView> {
    return this.tx.run(ctx, async (t) => {
      const e = await findOneForUpdate(t.em!, SiWhitelistEntry, { id: entryId });
      if (!e || e.removedAt) throw PathErrors.fail('PATH_WHITELIST_ENTRY_NOT_FOUND');
      e.removedAt = t.now();
      e.removedBy = t.actorId;
      await t.em!.save(e);
      await this.audit.record(t, {
        action: 'si_whitelist.removed',
        entityType: 'si_whitelist_entry',
        entityId: e.id,
        before: { removed_at: null },
        after: { removed_at: e.removedAt.toISOString(), removed_by: e.removedBy },
      });
      return whitelistView(e);
    });
  }

  async listWhitelist(q: {
    offset?: number;
    limit?: number;
  }): Promise<{ total_count: number; items: WhitelistView[] }> {
    const [rows, total] = await this.dataSource.getRepository(SiWhitelistEntry).findAndCount({
      where: { removedAt: IsNull() },
      order: { addedAt: 'DESC', id: 'DESC' },
      skip: q.offset ?? 0,
      take: q.limit ?? 10,
    });
    return { total_count: total, items: rows.map(whitelistView) };
  }

  // --- views ----------------------------------------------------------------------------------------------------------

  async view(ctx: RequestContext, m: PathMembership): Promise<MembershipView> {
    const em = ctx.em ?? this.dataSource.manager;
    const cert = await em.findOne(PathCertificate, {
      where: { membershipId: m.id, status: 'valid' },
      order: { issuedAt: 'DESC', id: 'DESC' },
    });
    const interlock = m.path === 'si' ? await this.interlocksOf(m.id, em) : null;
    return {
      id: m.id,
      partner_account_id: m.partnerAccountId,
      path: m.path,
      status: m.status,
      stage: m.stage,
      title: m.status === 'active' ? pathTitle(m.path, m.stage) : null,
      joined_at: m.joinedAt.toISOString(),
      role_certified_at: m.roleCertifiedAt?.toISOString() ?? null,
      differentiated_at: m.differentiatedAt?.toISOString() ?? null,
      exited_at: m.exitedAt?.toISOString() ?? null,
      exited_by: m.exitedBy,
      certificate: cert ? certificateView(cert) : null,
      certificate_valid_to: cert?.validTo ?? null,
      interlocks:
        m.path === 'si'
          ? {
              bp_interlocked: interlock?.bpInterlocked ?? false,
              customer_list_interlocked: interlock?.customerListInterlocked ?? false,
            }
          : null,
    };
  }
}

export interface WhitelistView {
  id: string;
  legal_entity_id: string;
  added_by: string;
  reason: string;
  added_at: string;
  removed_at: string | null;
}

function whitelistView(e: SiWhitelistEntry): WhitelistView {
  return {
    id: e.id,
    legal_entity_id: e.legalEntityId,
    added_by: e.addedBy,
    reason: e.reason,
    added_at: e.addedAt.toISOString(),
    removed_at: e.removedAt?.toISOString() ?? null,
  };
}
