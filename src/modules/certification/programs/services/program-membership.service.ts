/**
 * Partner-program memberships (certification-paths.md PROG-001…PROG-008, PROG-011…PROG-013, PROG-015…PROG-023,
 * J-PROG-2, J-PROG-3): solution-provider applications and operations review, distributor invitations, cloud-reseller
 * applications (double review) and cooperation invitations, offline exits, conversion of a cloud reseller to
 * distributor, certificates, renewal and expiry. Also the `PROGRAM_MEMBERSHIP_VIEWS` read model the info and org
 * modules read through `MEMBERSHIP_READER`.
 */
import { Injectable } from '@nestjs/common';
import { In, Not } from 'typeorm';
import { requireReviewerRole } from '../../../../../libs/auth/index.js';
import type { RequestContext } from '../../../../../libs/context/index.js';
import { DomainError } from '../../../../../libs/errors/index.js';
import { renderPdf } from '../../../../../libs/pdf/index.js';
import { findOneForUpdate, TransactionRunner } from '../../../../../libs/persistence/index.js';
import { StateMachine } from '../../../../../libs/state-machine/index.js';
import type { AccountFacts } from '../../ports/collaborators.js';
import type {
  ProgramCode,
  ProgramMembershipView,
  ProgramMembershipViews,
} from '../../ports/membership.port.js';
import {
  CLOUD_RESELLER_INVITATION_MACHINE,
  DISTRIBUTOR_INVITATION_MACHINE,
} from '../domain/program-state-machines.js';
import { cycleEnd, isPastValidity, renewedValidTo } from '../domain/validity.js';
import type {
  AdminListQuery,
  ApplyCloudResellerDto,
  ApplySolutionProviderDto,
  ConvertToDistributorDto,
  CoreProductDto,
  DistributorInvitationDto,
  ExitDto,
  InviteResellerDto,
  ManualRenewalDto,
  ReviewDto,
  SpQuotaDto,
} from '../dto/programs.dto.js';
import {
  CloudResellerInvitation,
  DistributorInvitation,
  type InvitationStatus,
  ProgramAssessment,
  ProgramCertificate,
  ProgramMembership,
  SpAccountQuota,
  type TableProgram,
} from '../entities/program.entities.js';
import { ProgramErrors } from '../programs.errors.js';
import {
  PROGRAM_OPERATIONS_ROLES,
  PROGRAM_PDM_OR_OPERATIONS_ROLES,
  PROGRAM_PDM_ROLES,
  RESELLER_EXIT_ROLES,
} from '../programs.permissions.js';
import {
  activeKeyOf,
  COUNTING_STATUSES,
  type MembershipView,
  membershipView,
  ProgramSupport,
  requireReason,
} from './program-support.js';

const PROGRAM_SLUGS: Record<string, TableProgram> = {
  'solution-provider': 'solution_provider',
  solution_provider: 'solution_provider',
  distributor: 'distributor',
  'cloud-reseller': 'cloud_reseller',
  cloud_reseller: 'cloud_reseller',
};

export function programOfSlug(slug: string): TableProgram {
  const p = PROGRAM_SLUGS[slug];
  if (!p) throw ProgramErrors.fail('PROG_NOT_MEMBER');
  return p;
}

@Injectable()
export class ProgramMembershipService implements ProgramMembershipViews {
  private readonly distributorInvitations: StateMachine<InvitationStatus, DistributorInvitation>;
  private readonly resellerInvitations: StateMachine<InvitationStatus, CloudResellerInvitation>;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly s: ProgramSupport,
  ) {
    this.distributorInvitations = new StateMachine(DISTRIBUTOR_INVITATION_MACHINE, s.audit);
    this.resellerInvitations = new StateMachine(CLOUD_RESELLER_INVITATION_MACHINE, s.audit);
  }

  private get repo() {
    return this.s.dataSource.getRepository(ProgramMembership);
  }

  // --- read model (PROGRAM_MEMBERSHIP_VIEWS) ---------------------------------------------------------------------

  /** Every SP / distributor / cloud-reseller membership of the account (a fresh array; PCE is added by the reader). */
  async programMemberships(partnerAccountId: string): Promise<ProgramMembershipView[]> {
    const rows = await this.repo.find({
      where: { partnerAccountId },
      order: { appliedAt: 'ASC', id: 'ASC' },
    });
    return rows.map((m) => ({
      program: m.program,
      status: m.status,
      everActive: m.everActive,
      level: m.level,
    }));
  }

  // --- partner side ----------------------------------------------------------------------------------------------

  /** "Joined programs" (5.1.5; opportunity.md OPP-003): memberships except rejected / withdrawn, plus PCE. */
  async joined(ctx: RequestContext): Promise<{ items: Array<Record<string, unknown>> }> {
    const rows = await this.repo.find({
      where: { partnerAccountId: ctx.partnerAccountId, status: Not(In(['rejected', 'withdrawn'])) },
      order: { appliedAt: 'ASC', id: 'ASC' },
    });
    const items: Array<Record<string, unknown>> = rows.map((m) => ({ ...membershipView(m) }));
    const pce = await this.s.collaborators.pce.status(ctx.partnerAccountId);
    if (pce) items.push({ id: null, partner_account_id: ctx.partnerAccountId, program: 'pce', status: pce });
    return { items };
  }

  async mine(ctx: RequestContext): Promise<{ total_count: number; items: MembershipView[] }> {
    const rows = await this.repo.find({
      where: { partnerAccountId: ctx.partnerAccountId },
      order: { appliedAt: 'DESC', id: 'DESC' },
    });
    return { total_count: rows.length, items: rows.map(membershipView) };
  }

  async getMine(ctx: RequestContext, id: string): Promise<MembershipView> {
    return membershipView(await this.owned(ctx, id));
  }

  /** PROG-003…PROG-005: SP application → `pending_review`. */
  async applySolutionProvider(ctx: RequestContext, dto: ApplySolutionProviderDto): Promise<MembershipView> {
    return this.tx.run(ctx, async (t) => {
      const f = await this.s.facts(t.partnerAccountId);
      this.s.requireOnboarded(f);
      if (f.abandoned) throw new DomainError('PROG_ACCOUNT_ABANDONED');
      if (!f.enterpriseRealnameVerified) throw new DomainError('INFO_ENTERPRISE_REALNAME_REQUIRED');
      if (!f.emailBound) throw ProgramErrors.fail('PROG_EMAIL_NOT_BOUND');
      await this.s.assertExclusive(t, f, 'solution_provider', { quick_registration_available: true });
      await this.assertSpQuota(t, f.legalEntityId!);
      const m = t.em!.create(ProgramMembership, {
        ...blankMembership(),
        partnerAccountId: t.partnerAccountId,
        legalEntityId: f.legalEntityId,
        program: 'solution_provider',
        status: 'pending_review',
        appliedAt: t.now(),
        appliedBy: t.actorId,
        representativeOffice: dto.representative_office ?? null,
      });
      m.activeKey = activeKeyOf(m);
      await this.s.machine.create(t, m, { action: 'program_membership.sp_applied' });
      return membershipView(m);
    });
  }

  /** `pending_review` → `withdrawn` by the applicant. */
  async withdraw(ctx: RequestContext, id: string): Promise<MembershipView> {
    await this.owned(ctx, id);
    return this.tx.run(ctx, async (t) => {
      const m = (await findOneForUpdate(t.em!, ProgramMembership, { id }))!;
      await this.s.machine.transition(t, m, 'withdrawn', {
        action: 'program_membership.withdrawn',
        mutate: (x) => (x.activeKey = null),
      });
      return membershipView(m);
    });
  }

  /** PROG-001: the distributor program is by invitation only. */
  applyDistributor(): never {
    throw ProgramErrors.fail('PROG_INVITATION_ONLY');
  }

  /** PROG-012 (partner-side exit), after the tenancy check. */
  async refuseExit(ctx: RequestContext, id: string): Promise<never> {
    await this.owned(ctx, id);
    throw ProgramErrors.fail('PROG_EXIT_VIA_ECOSYSTEM_MANAGER');
  }

  /** PROG-008: renewal is automatic. */
  async refuseRenewal(ctx: RequestContext, id: string): Promise<never> {
    await this.owned(ctx, id);
    throw ProgramErrors.fail('PROG_RENEWAL_AUTOMATIC');
  }

  /** PROG-017: a cloud reseller cannot change its distributor. */
  async refuseChangeDistributor(ctx: RequestContext): Promise<never> {
    await this.ownCloudReseller(ctx);
    throw ProgramErrors.fail('PROG_CHANGE_DISTRIBUTOR_NOT_SUPPORTED');
  }

  /** PROG-018: upgrading to distributor goes through the ecosystem manager. */
  async refuseUpgradeToDistributor(ctx: RequestContext): Promise<never> {
    await this.ownCloudReseller(ctx);
    throw ProgramErrors.fail('PROG_EXIT_VIA_ECOSYSTEM_MANAGER');
  }

  /** PROG-007 / PROG-023: the certificate PDF of an `active` / `expired` membership. */
  async certificate(ctx: RequestContext, id: string): Promise<{ fileName: string; content: Buffer }> {
    const m = await this.owned(ctx, id);
    return this.renderCertificate(ctx, m);
  }

  async certificateOfProgram(
    ctx: RequestContext,
    slug: string,
  ): Promise<{ fileName: string; content: Buffer }> {
    const program = programOfSlug(slug);
    const m = await this.repo.findOne({
      where: { partnerAccountId: ctx.partnerAccountId, program, status: In([...COUNTING_STATUSES]) },
    });
    if (!m) throw ProgramErrors.fail('PROG_NOT_MEMBER');
    return this.renderCertificate(ctx, m);
  }

  // --- distributor invitations (PROG-013) ------------------------------------------------------------------------

  async inviteDistributor(
    ctx: RequestContext,
    dto: DistributorInvitationDto,
  ): Promise<Record<string, unknown>> {
    requireReviewerRole(ctx, PROGRAM_PDM_OR_OPERATIONS_ROLES);
    requireRegionClass(dto);
    return this.tx.run(ctx, async (t) => {
      const f = await this.s.facts(dto.partner_account_id);
      this.s.requireOnboarded(f);
      await this.s.assertExclusive(t, f, 'distributor');
      const pending = await t.em!.findOne(DistributorInvitation, {
        where: { partnerAccountId: f.partnerAccountId, status: 'pending' },
      });
      if (pending)
        throw ProgramErrors.fail('PROG_INVITATION_ALREADY_PENDING', undefined, { invitation_id: pending.id });
      const inv = t.em!.create(DistributorInvitation, {
        partnerAccountId: f.partnerAccountId,
        invitedBy: t.actorId,
        distributorType: dto.distributor_type,
        regionClass: dto.distributor_type === 'regional' ? (dto.region_class ?? null) : null,
        status: 'pending',
        createdAt: t.now(),
        decidedAt: null,
        membershipId: null,
      });
      await this.distributorInvitations.create(t, inv, { action: 'distributor_invitation.created' });
      await this.s.notify(
        t,
        f.partnerAccountId,
        'certification.distributor_invitation.created',
        'Invitation to the distributor program',
        `Huawei invites your account to the distributor program (${dto.distributor_type}). Accept it under Programs.`,
        { invitation_id: inv.id },
      );
      return distributorInvitationView(inv);
    });
  }

  async revokeDistributorInvitation(ctx: RequestContext, id: string): Promise<Record<string, unknown>> {
    requireReviewerRole(ctx, PROGRAM_PDM_OR_OPERATIONS_ROLES);
    return this.tx.run(ctx, async (t) => {
      const inv = await findOneForUpdate(t.em!, DistributorInvitation, { id });
      if (!inv) throw ProgramErrors.fail('PROG_INVITATION_NOT_FOUND');
      await this.distributorInvitations.transition(t, inv, 'revoked', {
        action: 'distributor_invitation.revoked',
        mutate: (x) => (x.decidedAt = t.now()),
      });
      return distributorInvitationView(inv);
    });
  }

  async listDistributorInvitations(q: {
    status?: string;
  }): Promise<{ total_count: number; items: unknown[] }> {
    const rows = await this.s.dataSource.getRepository(DistributorInvitation).find({
      where: q.status ? { status: q.status as InvitationStatus } : {},
      order: { createdAt: 'DESC', id: 'DESC' },
      take: 500,
    });
    return { total_count: rows.length, items: rows.map(distributorInvitationView) };
  }

  async myDistributorInvitations(ctx: RequestContext): Promise<{ total_count: number; items: unknown[] }> {
    const rows = await this.s.dataSource.getRepository(DistributorInvitation).find({
      where: { partnerAccountId: ctx.partnerAccountId },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    return { total_count: rows.length, items: rows.map(distributorInvitationView) };
  }

  /** PROG-013 re-checked at acceptance: `pending` → `accepted`, membership `active`. */
  async acceptDistributorInvitation(ctx: RequestContext, id: string): Promise<MembershipView> {
    return this.tx.run(ctx, async (t) => {
      const inv = await findOneForUpdate(t.em!, DistributorInvitation, { id });
      if (!inv || inv.partnerAccountId !== t.partnerAccountId)
        throw ProgramErrors.fail('PROG_INVITATION_NOT_FOUND');
      if (inv.status !== 'pending') throw ProgramErrors.fail('PROG_INVITATION_NOT_PENDING');
      const f = await this.s.facts(t.partnerAccountId);
      this.s.requireOnboarded(f);
      await this.s.assertExclusive(t, f, 'distributor');
      const levels = await this.s.levels('distributor');
      const m = t.em!.create(ProgramMembership, {
        ...blankMembership(),
        partnerAccountId: t.partnerAccountId,
        legalEntityId: f.legalEntityId,
        program: 'distributor',
        status: 'pending_review',
        appliedAt: t.now(),
        appliedBy: t.actorId,
        distributorType: inv.distributorType,
        regionClass: inv.regionClass,
        level: levels[0]?.code ?? null,
      });
      m.activeKey = activeKeyOf(m);
      // created active in one step (invitation acceptance needs no review)
      await this.s.createActive(t, m, 'program_membership.distributor_joined');
      await this.distributorInvitations.transition(t, inv, 'accepted', {
        action: 'distributor_invitation.accepted',
        mutate: (x) => {
          x.decidedAt = t.now();
          x.membershipId = m.id;
        },
      });
      return membershipView(m);
    });
  }

  async declineDistributorInvitation(ctx: RequestContext, id: string): Promise<Record<string, unknown>> {
    return this.tx.run(ctx, async (t) => {
      const inv = await findOneForUpdate(t.em!, DistributorInvitation, { id });
      if (!inv || inv.partnerAccountId !== t.partnerAccountId)
        throw ProgramErrors.fail('PROG_INVITATION_NOT_FOUND');
      await this.distributorInvitations.transition(t, inv, 'declined', {
        action: 'distributor_invitation.declined',
        mutate: (x) => (x.decidedAt = t.now()),
      });
      return distributorInvitationView(inv);
    });
  }

  // --- cloud resellers (PROG-015…PROG-018, PROG-022) -------------------------------------------------------------

  /** PROG-015 (a): application naming an active distributor → `pending_review` (Huawei review, then distributor). */
  async applyCloudReseller(ctx: RequestContext, dto: ApplyCloudResellerDto): Promise<MembershipView> {
    return this.tx.run(ctx, async (t) => {
      const f = await this.s.facts(t.partnerAccountId);
      this.s.requireOnboarded(f);
      await this.s.assertExclusive(t, f, 'cloud_reseller');
      const distributor = await this.namedDistributor(t, dto);
      const m = newResellerMembership(t, f, distributor.id);
      await this.s.machine.create(t, m, { action: 'program_membership.cloud_reseller_applied' });
      return membershipView(m);
    });
  }

  /** Distributor side: applications naming the caller's distributor membership. */
  async distributorApplications(
    ctx: RequestContext,
  ): Promise<{ total_count: number; items: MembershipView[] }> {
    const d = await this.ownDistributor(ctx);
    const rows = await this.repo.find({
      where: { program: 'cloud_reseller', intendedDistributorMembershipId: d.id },
      order: { appliedAt: 'DESC', id: 'DESC' },
    });
    return { total_count: rows.length, items: rows.map(membershipView) };
  }

  /** Distributor's review (004): `pending_distributor_review` → `active` / `rejected`. */
  async distributorDecide(
    ctx: RequestContext,
    id: string,
    decision: 'approve' | 'reject',
    reason?: string,
  ): Promise<MembershipView> {
    const d = await this.ownDistributor(ctx);
    const rejectReason = decision === 'reject' ? requireReason(reason) : null;
    return this.tx.run(ctx, async (t) => {
      const m = await findOneForUpdate(t.em!, ProgramMembership, { id });
      if (!m || m.program !== 'cloud_reseller' || m.intendedDistributorMembershipId !== d.id) {
        throw ProgramErrors.fail('PROG_APPLICATION_NOT_FOUND');
      }
      if (m.status !== 'pending_distributor_review') {
        throw new DomainError('STATE_TRANSITION_INVALID', undefined, { from: m.status });
      }
      if (decision === 'reject') {
        await this.s.machine.transition(t, m, 'rejected', {
          action: 'program_membership.distributor_rejected',
          mutate: (x) => {
            x.activeKey = null;
            x.rejectReason = rejectReason;
            x.decidedAt = t.now();
          },
        });
      } else {
        const f = await this.s.facts(m.partnerAccountId);
        await this.assertExclusiveIgnoring(t, f, m);
        const current = await t.em!.findOne(ProgramMembership, { where: { id: d.id } });
        if (!current || current.status !== 'active') throw ProgramErrors.fail('PROG_DISTRIBUTOR_NOT_ACTIVE');
        await this.s.activate(t, m, {
          action: 'program_membership.distributor_approved',
          mutate: (x) => {
            x.distributorMembershipId = d.id;
            x.decidedAt = t.now();
          },
        });
      }
      await this.s.notify(
        t,
        m.partnerAccountId,
        `certification.cloud_reseller.${decision === 'approve' ? 'approved' : 'rejected'}`,
        'Cloud reseller application',
        decision === 'approve'
          ? 'Your distributor approved your cloud reseller application; you are now a cloud reseller.'
          : `Your distributor rejected your cloud reseller application. Reason: ${rejectReason}.`,
        { membership_id: m.id },
      );
      return membershipView(m);
    });
  }

  /** 12.3.6: a distributor's cooperation invitation (the matrix is checked at acceptance, decision). */
  async inviteReseller(ctx: RequestContext, dto: InviteResellerDto): Promise<Record<string, unknown>> {
    const d = await this.ownDistributor(ctx);
    if (d.status !== 'active') throw ProgramErrors.fail('PROG_DISTRIBUTOR_NOT_ACTIVE');
    return this.tx.run(ctx, async (t) => {
      const f = await this.s.facts(dto.invitee_partner_account_id);
      if (f.partnerAccountId === t.partnerAccountId) throw ProgramErrors.fail('PROG_ACCOUNT_NOT_FOUND');
      const pending = await t.em!.findOne(CloudResellerInvitation, {
        where: {
          distributorMembershipId: d.id,
          inviteePartnerAccountId: f.partnerAccountId,
          status: 'pending',
        },
      });
      if (pending)
        throw ProgramErrors.fail('PROG_INVITATION_ALREADY_PENDING', undefined, { invitation_id: pending.id });
      const inv = t.em!.create(CloudResellerInvitation, {
        distributorMembershipId: d.id,
        partnerAccountId: t.partnerAccountId,
        inviteePartnerAccountId: f.partnerAccountId,
        invitedBy: t.actorId,
        status: 'pending',
        createdAt: t.now(),
        decidedAt: null,
        membershipId: null,
      });
      await this.resellerInvitations.create(t, inv, { action: 'cloud_reseller_invitation.created' });
      await this.s.notify(
        t,
        f.partnerAccountId,
        'certification.cloud_reseller_invitation.created',
        'Cooperation invitation from a distributor',
        'A distributor invites your account to become its cloud reseller. Accept it under Programs.',
        { invitation_id: inv.id },
      );
      return resellerInvitationView(inv);
    });
  }

  async sentResellerInvitations(ctx: RequestContext): Promise<{ total_count: number; items: unknown[] }> {
    const d = await this.ownDistributor(ctx);
    const rows = await this.s.dataSource.getRepository(CloudResellerInvitation).find({
      where: { distributorMembershipId: d.id },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    return { total_count: rows.length, items: rows.map(resellerInvitationView) };
  }

  async revokeResellerInvitation(ctx: RequestContext, id: string): Promise<Record<string, unknown>> {
    return this.tx.run(ctx, async (t) => {
      const inv = await findOneForUpdate(t.em!, CloudResellerInvitation, { id });
      if (!inv || inv.partnerAccountId !== t.partnerAccountId)
        throw ProgramErrors.fail('PROG_INVITATION_NOT_FOUND');
      await this.resellerInvitations.transition(t, inv, 'revoked', {
        action: 'cloud_reseller_invitation.revoked',
        mutate: (x) => (x.decidedAt = t.now()),
      });
      return resellerInvitationView(inv);
    });
  }

  async receivedResellerInvitations(ctx: RequestContext): Promise<{ total_count: number; items: unknown[] }> {
    const rows = await this.s.dataSource.getRepository(CloudResellerInvitation).find({
      where: { inviteePartnerAccountId: ctx.partnerAccountId },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    return { total_count: rows.length, items: rows.map(resellerInvitationView) };
  }

  /** PROG-015 (b): accepting a cooperation invitation → `active` cloud reseller without Huawei review. */
  async acceptResellerInvitation(ctx: RequestContext, id: string): Promise<MembershipView> {
    return this.tx.run(ctx, async (t) => {
      const inv = await findOneForUpdate(t.em!, CloudResellerInvitation, { id });
      if (!inv || inv.inviteePartnerAccountId !== t.partnerAccountId) {
        throw ProgramErrors.fail('PROG_INVITATION_NOT_FOUND');
      }
      if (inv.status !== 'pending') throw ProgramErrors.fail('PROG_INVITATION_NOT_PENDING');
      const f = await this.s.facts(t.partnerAccountId);
      this.s.requireOnboarded(f);
      await this.s.assertExclusive(t, f, 'cloud_reseller');
      const d = await t.em!.findOne(ProgramMembership, { where: { id: inv.distributorMembershipId } });
      if (!d || d.status !== 'active') throw ProgramErrors.fail('PROG_DISTRIBUTOR_NOT_ACTIVE');
      const m = newResellerMembership(t, f, d.id);
      m.distributorMembershipId = d.id;
      await this.s.createActive(t, m, 'program_membership.cloud_reseller_invitation_accepted');
      await this.resellerInvitations.transition(t, inv, 'accepted', {
        action: 'cloud_reseller_invitation.accepted',
        mutate: (x) => {
          x.decidedAt = t.now();
          x.membershipId = m.id;
        },
      });
      await this.s.notify(
        t,
        d.partnerAccountId,
        'certification.cloud_reseller_invitation.accepted',
        'Cooperation invitation accepted',
        'An account accepted your cooperation invitation and is now your cloud reseller.',
        { membership_id: m.id },
      );
      return membershipView(m);
    });
  }

  async declineResellerInvitation(ctx: RequestContext, id: string): Promise<Record<string, unknown>> {
    return this.tx.run(ctx, async (t) => {
      const inv = await findOneForUpdate(t.em!, CloudResellerInvitation, { id });
      if (!inv || inv.inviteePartnerAccountId !== t.partnerAccountId) {
        throw ProgramErrors.fail('PROG_INVITATION_NOT_FOUND');
      }
      await this.resellerInvitations.transition(t, inv, 'declined', {
        action: 'cloud_reseller_invitation.declined',
        mutate: (x) => (x.decidedAt = t.now()),
      });
      return resellerInvitationView(inv);
    });
  }

  // --- reviewers --------------------------------------------------------------------------------------------------

  async adminList(q: AdminListQuery): Promise<{ total_count: number; items: MembershipView[] }> {
    const [rows, total] = await this.repo.findAndCount({
      where: {
        ...(q.program ? { program: q.program } : {}),
        ...(q.status ? { status: q.status } : {}),
        ...(q.partner_account_id ? { partnerAccountId: q.partner_account_id } : {}),
      },
      order: { appliedAt: 'DESC', id: 'DESC' },
      skip: q.offset ?? 0,
      take: q.limit ?? 10,
    });
    return { total_count: total, items: rows.map(membershipView) };
  }

  async adminGet(id: string): Promise<MembershipView> {
    const m = await this.repo.findOne({ where: { id } });
    if (!m) throw ProgramErrors.fail('PROG_MEMBERSHIP_NOT_FOUND');
    return membershipView(m);
  }

  /**
   * Huawei's approval: SP `pending_review` → `active` (operations; level = entry level, certificate, PROG-020;
   * customer identity lost through INFO-019); cloud reseller `pending_review` → `pending_distributor_review` (PDM or
   * operations). The matrix is re-checked (PROG-002 "on approval").
   */
  async approve(ctx: RequestContext, id: string, dto: ReviewDto = {}): Promise<MembershipView> {
    requireReviewerRole(ctx, PROGRAM_PDM_OR_OPERATIONS_ROLES);
    return this.tx.run(ctx, async (t) => {
      const m = await this.lockedForReview(t, id);
      const f = await this.s.facts(m.partnerAccountId);
      await this.assertExclusiveIgnoring(t, f, m);
      if (m.program === 'solution_provider') {
        requireReviewerRole(t, PROGRAM_OPERATIONS_ROLES);
        const levels = await this.s.levels('solution_provider');
        await this.s.activate(t, m, {
          action: 'program_membership.sp_approved',
          mutate: (x) => {
            x.level = levels[0]?.code ?? null;
            x.reviewerId = t.reviewerId;
            x.decidedAt = t.now();
            x.representativeOffice = dto.representative_office ?? x.representativeOffice;
          },
        });
        await this.s.notify(
          t,
          m.partnerAccountId,
          'certification.solution_provider.approved',
          'Solution provider application approved',
          `Your account is now a solution provider (level ${m.level ?? '-'}, valid to ${m.validTo}).`,
          { membership_id: m.id },
        );
      } else if (m.program === 'cloud_reseller') {
        const d = await t.em!.findOne(ProgramMembership, {
          where: { id: m.intendedDistributorMembershipId ?? '' },
        });
        if (!d || d.status !== 'active') throw ProgramErrors.fail('PROG_DISTRIBUTOR_NOT_ACTIVE');
        await this.s.machine.transition(t, m, 'pending_distributor_review', {
          action: 'program_membership.cloud_reseller_huawei_approved',
          mutate: (x) => {
            x.reviewerId = t.reviewerId;
            x.huaweiReviewedAt = t.now();
          },
        });
        await this.s.notify(
          t,
          d.partnerAccountId,
          'certification.cloud_reseller.distributor_review',
          'Cloud reseller application to review',
          'Huawei approved a cloud reseller application naming your company; please review it.',
          { membership_id: m.id },
        );
      } else {
        throw new DomainError('STATE_TRANSITION_INVALID', undefined, { from: m.status });
      }
      return membershipView(m);
    });
  }

  async reject(ctx: RequestContext, id: string, reason: string): Promise<MembershipView> {
    requireReviewerRole(ctx, PROGRAM_PDM_OR_OPERATIONS_ROLES);
    const r = requireReason(reason);
    return this.tx.run(ctx, async (t) => {
      const m = await this.lockedForReview(t, id);
      if (m.program === 'solution_provider') requireReviewerRole(t, PROGRAM_OPERATIONS_ROLES);
      await this.s.machine.transition(t, m, 'rejected', {
        action: `program_membership.${m.program}_rejected`,
        mutate: (x) => {
          x.activeKey = null;
          x.rejectReason = r;
          x.reviewerId = t.reviewerId;
          x.decidedAt = t.now();
        },
      });
      await this.s.notify(
        t,
        m.partnerAccountId,
        `certification.${m.program}.rejected`,
        'Program application rejected',
        `Your ${m.program.replace('_', ' ')} application was rejected. Reason: ${r}.`,
        { membership_id: m.id },
      );
      return membershipView(m);
    });
  }

  /**
   * PROG-012 offline exit recorded by the ecosystem manager: SP / distributor by the PDM, cloud reseller by the PDM
   * or the channel manager (`bd`). A cloud reseller's account becomes `abandoned` and is disassociated from its
   * distributor (12.3.7, PROG-017); a distributor's resellers get `distributor_inactive` (PROG-022).
   */
  async exit(ctx: RequestContext, id: string, dto: ExitDto): Promise<MembershipView> {
    requireReviewerRole(ctx, RESELLER_EXIT_ROLES);
    const reason = requireReason(dto.reason);
    return this.tx.run(ctx, async (t) => {
      const m = await findOneForUpdate(t.em!, ProgramMembership, { id });
      if (!m) throw ProgramErrors.fail('PROG_MEMBERSHIP_NOT_FOUND');
      if (m.program !== 'cloud_reseller') requireReviewerRole(t, PROGRAM_PDM_ROLES);
      await this.s.machine.transition(t, m, 'exited', {
        action: `program_membership.${m.program}_exited`,
        mutate: (x) => {
          x.exitReason = reason;
          x.exitedAt = t.now();
          x.exitedBy = t.actorId;
          x.ticketNo = dto.ticket_no ?? x.ticketNo;
          if (x.program === 'cloud_reseller') x.distributorMembershipId = null;
        },
        eventPayload: { program: m.program, partner_account_id: m.partnerAccountId },
      });
      await this.revokeValidCertificates(t, m);
      if (m.program === 'cloud_reseller')
        await this.s.collaborators.accounts.markAbandoned(t, m.partnerAccountId);
      if (m.program === 'distributor') await this.distributorGone(t, m);
      await this.s.notify(
        t,
        m.partnerAccountId,
        `certification.${m.program}.exited`,
        'Program exit recorded',
        `Your ${m.program.replace('_', ' ')} membership has ended at your request. Reason: ${reason}.`,
        { membership_id: m.id },
      );
      return membershipView(m);
    });
  }

  /** PROG-018: cloud reseller → distributor on the same account (reseller `exited`, not abandoned). */
  async convertToDistributor(
    ctx: RequestContext,
    id: string,
    dto: ConvertToDistributorDto,
  ): Promise<MembershipView> {
    requireReviewerRole(ctx, PROGRAM_PDM_ROLES);
    const reason = requireReason(dto.reason);
    requireRegionClass(dto);
    return this.tx.run(ctx, async (t) => {
      const m = await findOneForUpdate(t.em!, ProgramMembership, { id });
      if (!m) throw ProgramErrors.fail('PROG_MEMBERSHIP_NOT_FOUND');
      if (m.program !== 'cloud_reseller' || !['active', 'expired'].includes(m.status)) {
        throw new DomainError(
          'STATE_TRANSITION_INVALID',
          'Only an active or expired cloud reseller can be converted.',
          {
            from: m.status,
            program: m.program,
          },
        );
      }
      await this.s.machine.transition(t, m, 'exited', {
        action: 'program_membership.cloud_reseller_upgraded_to_distributor',
        mutate: (x) => {
          x.exitReason = 'upgraded_to_distributor';
          x.exitedAt = t.now();
          x.exitedBy = t.actorId;
          x.ticketNo = dto.ticket_no ?? x.ticketNo;
        },
      });
      await this.revokeValidCertificates(t, m);
      const levels = await this.s.levels('distributor');
      const d = t.em!.create(ProgramMembership, {
        ...blankMembership(),
        partnerAccountId: m.partnerAccountId,
        legalEntityId: m.legalEntityId,
        program: 'distributor',
        status: 'pending_review',
        appliedAt: t.now(),
        appliedBy: t.actorId,
        distributorType: dto.distributor_type,
        regionClass: dto.distributor_type === 'regional' ? (dto.region_class ?? null) : null,
        level: levels[0]?.code ?? null,
        ticketNo: dto.ticket_no ?? null,
      });
      d.activeKey = activeKeyOf(d);
      d.reviewerId = t.reviewerId;
      d.decidedAt = t.now();
      await this.s.createActive(t, d, 'program_membership.distributor_converted');
      await this.s.audit.record(t, {
        action: 'program_membership.conversion_reason',
        entityType: 'program_membership',
        entityId: d.id,
        partnerAccountId: d.partnerAccountId,
        after: { from_membership_id: m.id, reason },
      });
      await this.s.notify(
        t,
        m.partnerAccountId,
        'certification.distributor.converted',
        'You are now a distributor',
        'Your cloud reseller membership was converted into a distributor membership by your ecosystem manager.',
        { membership_id: d.id },
      );
      return membershipView(d);
    });
  }

  /** PROG-021: operations apply a late result: `expired` (or still `active`) → `active` with the renewed validity. */
  async manualRenewal(ctx: RequestContext, id: string, dto: ManualRenewalDto): Promise<MembershipView> {
    requireReviewerRole(ctx, PROGRAM_OPERATIONS_ROLES);
    return this.tx.run(ctx, async (t) => {
      const m = await findOneForUpdate(t.em!, ProgramMembership, { id });
      if (!m) throw ProgramErrors.fail('PROG_MEMBERSHIP_NOT_FOUND');
      if (!['active', 'expired'].includes(m.status) || !m.validTo) {
        throw ProgramErrors.fail('PROG_NOT_RENEWABLE', undefined, { status: m.status });
      }
      const assessment = await this.passedAssessment(t, m, Number(m.validTo.slice(0, 4)) - 1);
      const validTo = renewedValidTo(m.validTo);
      const level = assessment?.resultingLevel ?? m.level;
      if (m.status === 'expired') {
        await this.s.activate(t, m, {
          action: 'program_membership.manually_renewed',
          validity: { validFrom: m.validFrom!, validTo },
          mutate: (x) => {
            x.level = level;
            x.ticketNo = dto.ticket_no ?? x.ticketNo;
          },
        });
      } else {
        await this.s.update(t, m, 'program_membership.manually_renewed', (x) => {
          x.validTo = validTo;
          x.level = level;
          x.ticketNo = dto.ticket_no ?? x.ticketNo;
        });
        await this.s.issueCertificate(t, m);
      }
      await this.notifyRenewed(t, m);
      return membershipView(m);
    });
  }

  async setDoNotRenew(ctx: RequestContext, id: string, flag: boolean): Promise<MembershipView> {
    requireReviewerRole(ctx, PROGRAM_OPERATIONS_ROLES);
    return this.tx.run(ctx, async (t) => {
      const m = await findOneForUpdate(t.em!, ProgramMembership, { id });
      if (!m) throw ProgramErrors.fail('PROG_MEMBERSHIP_NOT_FOUND');
      await this.s.update(t, m, 'program_membership.do_not_renew_set', (x) => (x.doNotRenew = flag));
      return membershipView(m);
    });
  }

  async setCoreProductCapability(
    ctx: RequestContext,
    id: string,
    dto: CoreProductDto,
  ): Promise<MembershipView> {
    requireReviewerRole(ctx, PROGRAM_PDM_ROLES);
    return this.tx.run(ctx, async (t) => {
      const m = await findOneForUpdate(t.em!, ProgramMembership, { id });
      if (!m) throw ProgramErrors.fail('PROG_MEMBERSHIP_NOT_FOUND');
      await this.s.update(t, m, 'program_membership.core_product_capability_set', (x) => {
        x.coreProductCapability = dto.core_product_capability;
        x.coreProducts = dto.core_products ?? [];
      });
      return membershipView(m);
    });
  }

  /** PROG-005: the ecosystem manager sets how many SP accounts the legal entity may have. */
  async setSpQuota(
    ctx: RequestContext,
    legalEntityId: string,
    dto: SpQuotaDto,
  ): Promise<Record<string, unknown>> {
    return this.writeSpQuota(ctx, legalEntityId, dto.reason, () => dto.max_accounts);
  }

  /** PROG-005 admin-panel shortcut: one more SP account for the legal entity (read and raised under the row lock). */
  async raiseSpQuota(
    ctx: RequestContext,
    legalEntityId: string,
    reason?: string,
  ): Promise<Record<string, unknown>> {
    return this.writeSpQuota(ctx, legalEntityId, reason, (current) => current + 1);
  }

  private async writeSpQuota(
    ctx: RequestContext,
    legalEntityId: string,
    givenReason: string | undefined,
    next: (current: number) => number,
  ): Promise<Record<string, unknown>> {
    requireReviewerRole(ctx, PROGRAM_PDM_ROLES);
    const reason = requireReason(givenReason ?? 'raised by the ecosystem manager');
    return this.tx.run(ctx, async (t) => {
      const accounts = await this.s.collaborators.accounts.accountsOfLegalEntity(legalEntityId);
      if (!accounts.length) throw ProgramErrors.fail('PROG_ACCOUNT_NOT_FOUND', 'Legal entity not found.');
      const em = t.em!;
      let q = await findOneForUpdate(em, SpAccountQuota, { legalEntityId });
      const before = q ? { max_accounts: q.maxAccounts } : { max_accounts: 1 };
      if (!q) q = em.create(SpAccountQuota, { legalEntityId });
      q.maxAccounts = next(before.max_accounts);
      q.grantedBy = t.actorId;
      q.reason = reason;
      q.grantedAt = t.now();
      await em.save(q);
      await this.s.audit.record(t, {
        action: 'sp_account_quota.set',
        entityType: 'sp_account_quota',
        entityId: q.id,
        before,
        after: { legal_entity_id: legalEntityId, max_accounts: q.maxAccounts, reason },
      });
      return quotaView(q);
    });
  }

  async getSpQuota(legalEntityId: string): Promise<Record<string, unknown>> {
    const q = await this.s.dataSource.getRepository(SpAccountQuota).findOne({ where: { legalEntityId } });
    return q
      ? quotaView(q)
      : { legal_entity_id: legalEntityId, max_accounts: 1, granted_by: null, reason: null, granted_at: null };
  }

  // --- jobs -------------------------------------------------------------------------------------------------------

  /**
   * J-PROG-2 (31 January 02:00): SP / distributor memberships ending this cycle with a `passed` assessment of the
   * previous year → `valid_to` + 1 year, level = `resulting_level` if given, certificate reissued; cloud resellers
   * whose distributor is active and not flagged `do_not_renew` → `valid_to` + 1 year (Open point 12). Idempotent:
   * only memberships whose `valid_to` ≤ this cycle's 31 January are considered.
   */
  async renewDue(ctx: RequestContext): Promise<Record<string, unknown>> {
    const cycle = cycleEnd(ctx.now(), this.s.calendar.timeZone);
    const year = Number(cycle.slice(0, 4)) - 1;
    const due = await this.repo.find({ where: { status: 'active' }, order: { appliedAt: 'ASC', id: 'ASC' } });
    let renewed = 0;
    let skipped = 0;
    for (const peek of due.filter((m) => m.validTo && m.validTo <= cycle)) {
      const done = await this.tx.run(ctx, async (t) => {
        const m = (await findOneForUpdate(t.em!, ProgramMembership, { id: peek.id }))!;
        if (m.status !== 'active' || !m.validTo || m.validTo > cycle) return false;
        let level = m.level;
        if (m.program === 'cloud_reseller') {
          const d = m.distributorMembershipId
            ? await t.em!.findOne(ProgramMembership, { where: { id: m.distributorMembershipId } })
            : null;
          if (m.doNotRenew || !d || d.status !== 'active') return false;
        } else {
          const a = await this.passedAssessment(t, m, year);
          if (!a) return false;
          level = a.resultingLevel ?? m.level;
        }
        await this.s.update(t, m, 'program_membership.renewed', (x) => {
          x.validTo = renewedValidTo(x.validTo!);
          x.level = level;
        });
        await this.s.issueCertificate(t, m);
        await this.notifyRenewed(t, m);
        return true;
      });
      if (done) renewed++;
      else skipped++;
    }
    return { cycle_end: cycle, assessment_year: year, renewed, not_renewed: skipped };
  }

  /**
   * J-PROG-3 (1 February 00:05 and daily): `active` memberships past `valid_to` → `expired` (certificates stay
   * downloadable, PROG-007); an expired distributor's resellers get `distributor_inactive` (PROG-022).
   */
  async expireDue(ctx: RequestContext): Promise<Record<string, unknown>> {
    const today = ctx.now();
    const active = await this.repo.find({
      where: { status: 'active' },
      order: { appliedAt: 'ASC', id: 'ASC' },
    });
    const due = active.filter((m) => m.validTo && isPastValidity(m.validTo, today, this.s.calendar.timeZone));
    // distributors last, so their resellers that expire themselves are not flagged first
    due.sort((a, b) => Number(a.program === 'distributor') - Number(b.program === 'distributor'));
    let expired = 0;
    let flagged = 0;
    for (const peek of due) {
      flagged += await this.tx.run(ctx, async (t) => {
        const m = (await findOneForUpdate(t.em!, ProgramMembership, { id: peek.id }))!;
        if (
          m.status !== 'active' ||
          !m.validTo ||
          !isPastValidity(m.validTo, t.now(), this.s.calendar.timeZone)
        )
          return 0;
        await this.s.machine.transition(t, m, 'expired', { action: 'program_membership.expired' });
        const certs = await t.em!.find(ProgramCertificate, {
          where: { membershipId: m.id, status: 'valid' },
        });
        for (const c of certs) {
          c.status = 'expired';
          await t.em!.save(c);
        }
        await this.s.notify(
          t,
          m.partnerAccountId,
          `certification.${m.program}.expired`,
          'Program membership expired',
          `Your ${m.program.replace('_', ' ')} membership expired on ${m.validTo} (not renewed).`,
          { membership_id: m.id },
        );
        expired++;
        return m.program === 'distributor' ? this.distributorGone(t, m) : 0;
      });
    }
    return { expired, resellers_flagged_distributor_inactive: flagged };
  }

  // --- internals --------------------------------------------------------------------------------------------------

  /** PROG-022: resellers of an expired / exited distributor keep operating, flagged and notified. */
  private async distributorGone(t: RequestContext, d: ProgramMembership): Promise<number> {
    const resellers = await t.em!.find(ProgramMembership, {
      where: { program: 'cloud_reseller', distributorMembershipId: d.id, status: In(['active', 'expired']) },
    });
    for (const r of resellers) {
      if (r.distributorInactive) continue;
      await this.s.update(
        t,
        r,
        'program_membership.distributor_inactive',
        (x) => (x.distributorInactive = true),
      );
      await this.s.notify(
        t,
        r.partnerAccountId,
        'certification.cloud_reseller.distributor_inactive',
        'Your distributor is no longer active',
        `Your distributor's membership is ${d.status}. You may keep operating; to change distributor, exit and register a new account.`,
        { membership_id: r.id, distributor_membership_id: d.id },
      );
    }
    return resellers.length;
  }

  private async revokeValidCertificates(t: RequestContext, m: ProgramMembership): Promise<void> {
    const certs = await t.em!.find(ProgramCertificate, {
      where: { membershipId: m.id, status: In(['valid', 'expired']) },
    });
    for (const c of certs) {
      c.status = 'revoked';
      await t.em!.save(c);
    }
  }

  private async passedAssessment(
    t: RequestContext,
    m: ProgramMembership,
    year: number,
  ): Promise<ProgramAssessment | null> {
    if (!m.legalEntityId || m.program === 'cloud_reseller') return null;
    return t.em!.findOne(ProgramAssessment, {
      where: { legalEntityId: m.legalEntityId, program: m.program, year, result: 'passed' },
    });
  }

  private async notifyRenewed(t: RequestContext, m: ProgramMembership): Promise<void> {
    await this.s.notify(
      t,
      m.partnerAccountId,
      `certification.${m.program}.renewed`,
      'Program certificate renewed',
      `Your ${m.program.replace('_', ' ')} certificate is renewed until ${m.validTo}${m.level ? ` (level ${m.level})` : ''}.`,
      { membership_id: m.id, valid_to: m.validTo, level: m.level },
    );
  }

  /** PROG-005: SP memberships of the entity in `pending_review` / `active` / `expired` against the quota. */
  private async assertSpQuota(t: RequestContext, legalEntityId: string): Promise<void> {
    const em = t.em!;
    const quota = await em.findOne(SpAccountQuota, { where: { legalEntityId } });
    const max = quota?.maxAccounts ?? 1;
    const count = await em.count(ProgramMembership, {
      where: {
        legalEntityId,
        program: 'solution_provider',
        status: In(['pending_review', 'active', 'expired']),
      },
    });
    if (count >= max)
      throw ProgramErrors.fail('PROG_SP_ENTITY_LIMIT', undefined, { max_accounts: max, current: count });
  }

  /** The matrix for a membership under review, ignoring the membership itself. */
  private async assertExclusiveIgnoring(
    t: RequestContext,
    f: Awaited<ReturnType<ProgramSupport['facts']>>,
    m: ProgramMembership,
  ): Promise<void> {
    await this.s.assertExclusive(t, f, m.program, {}, m.id);
  }

  private async namedDistributor(t: RequestContext, dto: ApplyCloudResellerDto): Promise<ProgramMembership> {
    const em = t.em!;
    const id = dto.distributor_membership_id ?? dto.intended_distributor_membership_id;
    let d: ProgramMembership | null = null;
    if (id) d = await em.findOne(ProgramMembership, { where: { id, program: 'distributor' } });
    else if (dto.distributor_partner_account_id) {
      d = await em.findOne(ProgramMembership, {
        where: {
          partnerAccountId: dto.distributor_partner_account_id,
          program: 'distributor',
          status: Not(In(['rejected', 'withdrawn'])),
        },
        order: { appliedAt: 'DESC' },
      });
    }
    if (!d) throw ProgramErrors.fail('PROG_DISTRIBUTOR_NOT_FOUND');
    if (d.status !== 'active') throw ProgramErrors.fail('PROG_DISTRIBUTOR_NOT_ACTIVE');
    return d;
  }

  private async lockedForReview(t: RequestContext, id: string): Promise<ProgramMembership> {
    const m = await findOneForUpdate(t.em!, ProgramMembership, { id });
    if (!m) throw ProgramErrors.fail('PROG_MEMBERSHIP_NOT_FOUND');
    return m;
  }

  private async owned(ctx: RequestContext, id: string): Promise<ProgramMembership> {
    const m = await this.repo.findOne({ where: { id, partnerAccountId: ctx.partnerAccountId } });
    if (!m) throw ProgramErrors.fail('PROG_NOT_MEMBER');
    return m;
  }

  private async ownCloudReseller(ctx: RequestContext): Promise<ProgramMembership> {
    const m = await this.repo.findOne({
      where: {
        partnerAccountId: ctx.partnerAccountId,
        program: 'cloud_reseller',
        status: In([...COUNTING_STATUSES]),
      },
    });
    if (!m) throw ProgramErrors.fail('PROG_NOT_MEMBER');
    return m;
  }

  /** The caller's distributor membership (`active` or `expired`); otherwise 404 PROG_NOT_MEMBER. */
  private async ownDistributor(ctx: RequestContext): Promise<ProgramMembership> {
    const m = await this.repo.findOne({
      where: {
        partnerAccountId: ctx.partnerAccountId,
        program: 'distributor',
        status: In(['active', 'expired']),
      },
    });
    if (!m) throw ProgramErrors.fail('PROG_NOT_MEMBER');
    return m;
  }

  private async renderCertificate(
    ctx: RequestContext,
    m: ProgramMembership,
  ): Promise<{ fileName: string; content: Buffer }> {
    if (!['active', 'expired'].includes(m.status)) {
      throw ProgramErrors.fail('PROG_CERTIFICATE_NOT_AVAILABLE', undefined, { status: m.status });
    }
    const cert = await this.s.dataSource.getRepository(ProgramCertificate).findOne({
      where: { membershipId: m.id, status: In(['valid', 'expired']) },
      order: { issuedAt: 'DESC', id: 'DESC' },
    });
    if (!cert) throw ProgramErrors.fail('PROG_CERTIFICATE_NOT_AVAILABLE', undefined, { status: m.status });
    // PROG-023: always the legal entity's current company name
    const f = await this.s.collaborators.accounts.facts(m.partnerAccountId);
    const company = f?.companyName ?? '';
    const content = renderPdf({
      title: 'Huawei Cloud Partner Program Certificate',
      lines: [
        `Company: ${company}`,
        `Program: ${m.program}`,
        `Level: ${cert.level ?? '-'}`,
        `Certificate no.: ${cert.certificateNo}`,
        `Valid from ${cert.validFrom} to ${cert.validTo}`,
      ],
      metadata: {
        program: m.program,
        level: cert.level ?? '',
        valid_from: cert.validFrom,
        valid_to: cert.validTo,
        certificate_no: cert.certificateNo,
        company_name: company,
        partner_account_id: m.partnerAccountId,
        membership_status: m.status,
      },
      createdAt: ctx.now(),
    });
    return { fileName: `${cert.certificateNo}.pdf`, content };
  }
}

/** A regional distributor needs its region class (1–3). */
function requireRegionClass(dto: { distributor_type: string; region_class?: number }): void {
  if (dto.distributor_type === 'regional' && !dto.region_class) {
    throw ProgramErrors.fail('PROG_REASON_REQUIRED', 'A regional distributor needs a region class (1–3).', {
      field: 'region_class',
    });
  }
}

/** The caller's cloud reseller membership naming a distributor (PROG-015), `pending_review` until created. */
function newResellerMembership(
  t: RequestContext,
  f: AccountFacts,
  distributorMembershipId: string,
): ProgramMembership {
  const m = t.em!.create(ProgramMembership, {
    ...blankMembership(),
    partnerAccountId: t.partnerAccountId,
    legalEntityId: f.legalEntityId,
    program: 'cloud_reseller',
    status: 'pending_review',
    appliedAt: t.now(),
    appliedBy: t.actorId,
    intendedDistributorMembershipId: distributorMembershipId,
  });
  m.activeKey = activeKeyOf(m);
  return m;
}

function blankMembership(): Partial<ProgramMembership> {
  return {
    level: null,
    joinedAt: null,
    everActive: false,
    validFrom: null,
    validTo: null,
    representativeOffice: null,
    distributorType: null,
    regionClass: null,
    distributorMembershipId: null,
    intendedDistributorMembershipId: null,
    distributorInactive: false,
    coreProductCapability: false,
    coreProducts: [],
    doNotRenew: false,
    huaweiReviewedAt: null,
    reviewerId: null,
    decidedAt: null,
    rejectReason: null,
    exitReason: null,
    exitedAt: null,
    exitedBy: null,
    ticketNo: null,
  };
}

function distributorInvitationView(i: DistributorInvitation): Record<string, unknown> {
  return {
    id: i.id,
    partner_account_id: i.partnerAccountId,
    program: 'distributor' as ProgramCode,
    distributor_type: i.distributorType,
    region_class: i.regionClass,
    status: i.status,
    invited_by: i.invitedBy,
    created_at: i.createdAt.toISOString(),
    decided_at: i.decidedAt?.toISOString() ?? null,
    membership_id: i.membershipId,
  };
}

function resellerInvitationView(i: CloudResellerInvitation): Record<string, unknown> {
  return {
    id: i.id,
    distributor_membership_id: i.distributorMembershipId,
    distributor_partner_account_id: i.partnerAccountId,
    invitee_partner_account_id: i.inviteePartnerAccountId,
    status: i.status,
    created_at: i.createdAt.toISOString(),
    decided_at: i.decidedAt?.toISOString() ?? null,
    membership_id: i.membershipId,
  };
}

function quotaView(q: SpAccountQuota): Record<string, unknown> {
  return {
    legal_entity_id: q.legalEntityId,
    max_accounts: q.maxAccounts,
    granted_by: q.grantedBy,
    reason: q.reason,
    granted_at: q.grantedAt.toISOString(),
  };
}
