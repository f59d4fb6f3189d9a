/**
 * Project specialists (FAQ 7.1.2, 7.2.9, 7.2.10; org.md ORG-030…ORG-036, J-ORG-5): the partner admin applies for
 * a linked personal account on a joined path, Huawei (PDM or operations) decides in the admin panel or the
 * reviewer API, the partner admin withdraws or asks for cancellation, Huawei approves or refuses it. Every
 * change for one person locks its personal-account row first, so "one path per person" (ORG-033) holds
 * under concurrency.
 */
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../../../../libs/audit/index.js';
import { WorkingDayCalendar } from '../../../../libs/calendar/index.js';
import type { ReviewerRole, RequestContext } from '../../../../libs/context/index.js';
import { DomainError } from '../../../../libs/errors/index.js';
import { NotificationService } from '../../../../libs/notify/index.js';
import { findOneForUpdate, TransactionRunner } from '../../../../libs/persistence/index.js';
import { StateMachine } from '../../../../libs/state-machine/index.js';
import { MEMBERSHIP_READER, type MembershipReader } from '../../certification/index.js';
import { PartnerAccountService } from '../../info/index.js';
import { isValidOn } from '../domain/certificates.js';
import { SPECIALIST_MACHINE } from '../domain/personal-state-machines.js';
import type { ApplySpecialistDto, ListSpecialistsQuery } from '../dto/personal.dto.js';
import {
  PersonalAccount,
  PersonalAccountLink,
  PersonalCertificate,
  ProjectSpecialist,
  type ProjectSpecialistStatus,
  type SpecialistPath,
} from '../entities/personal.entities.js';
import { OrgErrors } from '../org.errors.js';
import {
  SPECIALIST_OCCUPANCY_PORT,
  type SpecialistOccupancyPort,
} from '../ports/specialist-occupancy.port.js';

/** ORG-034 / Open point 7: applications and cancellations are decided by PDM or operations. */
export const SPECIALIST_REVIEWER_ROLES: readonly ReviewerRole[] = ['pdm', 'operations'];

/** ORG-023 / ORG-033: records that hold the person (block another path and unlinking). */
export const OPEN_SPECIALIST_STATUSES: readonly ProjectSpecialistStatus[] = [
  'pending_review',
  'active',
  'cancellation_pending',
];

export interface SpecialistView {
  id: string;
  partner_account_id: string;
  personal_account_id: string;
  tenant_name: string;
  link_id: string;
  path: SpecialistPath;
  status: ProjectSpecialistStatus;
  employment_proof_file_id: string | null;
  certificate_ids: string[];
  submitted_by: string;
  submitted_at: string;
  reviewer_id: string | null;
  decided_at: string | null;
  reject_reason: string | null;
  active_since: string | null;
  occupied_project_id: string | null;
}

@Injectable()
export class SpecialistService {
  private readonly machine: StateMachine<ProjectSpecialistStatus, ProjectSpecialist>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly notifications: NotificationService,
    private readonly partnerAccounts: PartnerAccountService,
    @Inject(MEMBERSHIP_READER) private readonly memberships: MembershipReader,
    @Inject(SPECIALIST_OCCUPANCY_PORT) private readonly occupancy: SpecialistOccupancyPort,
    @Inject(WorkingDayCalendar) private readonly calendar: WorkingDayCalendar,
    audit: AuditService,
  ) {
    this.machine = new StateMachine(SPECIALIST_MACHINE, audit);
  }

  // --- partner admin ------------------------------------------------------------------------------------------

  /** ORG-031 (admin, linked, joined path), ORG-033 (one path per person), ORG-032 (materials). */
  async apply(ctx: RequestContext, dto: ApplySpecialistDto): Promise<SpecialistView> {
    requirePartnerAdmin(ctx);
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const person = await findOneForUpdate(em, PersonalAccount, { id: dto.personal_account_id });
      const link = person
        ? await em.findOne(PersonalAccountLink, {
            where: { partnerAccountId: t.partnerAccountId, personalAccountId: person.id, status: 'active' },
          })
        : null;
      if (!person || !link) throw OrgErrors.fail('ORG_NOT_LINKED');
      const joined = (await this.memberships.pathMemberships(t.partnerAccountId)).some(
        (m) => m.path === dto.path && m.status === 'active',
      );
      if (!joined) throw OrgErrors.fail('ORG_SPECIALIST_PATH_NOT_JOINED', undefined, { path: dto.path });
      const open = await em.findOne(ProjectSpecialist, {
        where: { personalAccountId: person.id, status: In([...OPEN_SPECIALIST_STATUSES]) },
      });
      if (open) {
        throw OrgErrors.fail(
          'ORG_SPECIALIST_ALREADY_ASSIGNED',
          `This member is already a project specialist of path ${open.path}; cancel it first.`,
          { path: open.path, status: open.status },
        );
      }
      // ORG-032: an employment certificate, or at least one of the person's certificates valid today
      const today = this.calendar.localDate(t.now());
      const wanted = [...new Set(dto.certificate_ids ?? [])];
      const certs = wanted.length
        ? await em.find(PersonalCertificate, { where: { id: In(wanted), personalAccountId: person.id } })
        : [];
      const valid = certs.filter((c) => isValidOn(c, today)).map((c) => c.id);
      if (!dto.employment_proof_file_id && !valid.length) {
        throw OrgErrors.fail('ORG_SPECIALIST_MATERIALS_REQUIRED');
      }
      const s = em.create(ProjectSpecialist, {
        partnerAccountId: t.partnerAccountId,
        personalAccountId: person.id,
        linkId: link.id,
        path: dto.path,
        status: 'pending_review',
        employmentProofFileId: dto.employment_proof_file_id ?? null,
        certificateIds: valid,
        submittedBy: t.actorId,
        submittedAt: t.now(),
        reviewerId: null,
        decidedAt: null,
        rejectReason: null,
        activeSince: null,
        occupiedProjectId: null,
        inCapabilityBuilding: false,
      });
      await this.machine.create(t, s, { action: 'project_specialist.applied' });
      return view(s, person);
    });
  }

  async withdraw(ctx: RequestContext, id: string): Promise<SpecialistView> {
    requirePartnerAdmin(ctx);
    return this.partnerChange(ctx, id, async (t, s) => {
      await this.machine.transition(t, s, 'withdrawn', { action: 'project_specialist.withdrawn' });
    });
  }

  /** active → cancellation_pending; refused while a CTSP project occupies the specialist (ORG-036). */
  async requestCancellation(ctx: RequestContext, id: string): Promise<SpecialistView> {
    requirePartnerAdmin(ctx);
    return this.partnerChange(ctx, id, async (t, s) => {
      if (s.status === 'active') {
        const project =
          s.occupiedProjectId ??
          (await this.occupancy.occupiedProjectId(s.partnerAccountId, s.personalAccountId));
        if (project)
          throw OrgErrors.fail('ORG_SPECIALIST_OCCUPIED', undefined, { occupied_project_id: project });
      }
      await this.machine.transition(t, s, 'cancellation_pending', {
        action: 'project_specialist.cancellation_requested',
      });
    });
  }

  /** The partner admin withdraws his cancellation request: cancellation_pending → active. */
  async withdrawCancellation(ctx: RequestContext, id: string): Promise<SpecialistView> {
    requirePartnerAdmin(ctx);
    return this.partnerChange(ctx, id, async (t, s) => {
      if (s.status !== 'cancellation_pending') throw stateError(s, 'active');
      await this.machine.transition(t, s, 'active', { action: 'project_specialist.cancellation_withdrawn' });
    });
  }

  async listForPartner(
    ctx: RequestContext,
    q: ListSpecialistsQuery,
  ): Promise<{ total_count: number; items: SpecialistView[] }> {
    const rows = await this.dataSource.getRepository(ProjectSpecialist).find({
      where: { partnerAccountId: ctx.partnerAccountId, ...(q.status ? { status: q.status } : {}) },
      order: { submittedAt: 'DESC', id: 'DESC' },
      take: 500,
    });
    return this.list(rows);
  }

  async getForPartner(ctx: RequestContext, id: string): Promise<SpecialistView> {
    const s = await this.dataSource.getRepository(ProjectSpecialist).findOne({ where: { id } });
    if (!s || s.partnerAccountId !== ctx.partnerAccountId) throw OrgErrors.fail('ORG_SPECIALIST_NOT_FOUND');
    return (await this.list([s])).items[0];
  }

  // --- reviewers (PDM, operations) ----------------------------------------------------------------------------

  async approve(ctx: RequestContext, id: string): Promise<SpecialistView> {
    return this.review(ctx, id, async (t, s) => {
      if (s.status !== 'pending_review') throw stateError(s, 'active');
      await this.machine.transition(t, s, 'active', {
        action: 'project_specialist.approved',
        mutate: (x) => {
          x.reviewerId = t.reviewerId;
          x.decidedAt = t.now();
          x.activeSince = t.now();
        },
      });
      return 'approved';
    });
  }

  async reject(ctx: RequestContext, id: string, reason: string): Promise<SpecialistView> {
    const trimmed = (reason ?? '').trim();
    if (!trimmed || trimmed.length > 500) {
      throw OrgErrors.fail('ORG_FIELD_INVALID', 'Invalid parameter: reason is required (≤ 500 characters)', {
        field: 'reason',
      });
    }
    return this.review(ctx, id, async (t, s) => {
      await this.machine.transition(t, s, 'rejected', {
        action: 'project_specialist.rejected',
        mutate: (x) => {
          x.reviewerId = t.reviewerId;
          x.decidedAt = t.now();
          x.rejectReason = trimmed;
        },
      });
      return 'rejected';
    });
  }

  async approveCancellation(ctx: RequestContext, id: string): Promise<SpecialistView> {
    return this.review(ctx, id, async (t, s) => {
      if (s.status !== 'cancellation_pending') throw stateError(s, 'cancelled');
      await this.machine.transition(t, s, 'cancelled', {
        action: 'project_specialist.cancellation_approved',
        mutate: (x) => {
          x.reviewerId = t.reviewerId;
          x.decidedAt = t.now();
        },
      });
      return 'cancellation_approved';
    });
  }

  async refuseCancellation(ctx: RequestContext, id: string): Promise<SpecialistView> {
    return this.review(ctx, id, async (t, s) => {
      if (s.status !== 'cancellation_pending') throw stateError(s, 'active');
      await this.machine.transition(t, s, 'active', {
        action: 'project_specialist.cancellation_refused',
        mutate: (x) => {
          x.reviewerId = t.reviewerId;
          x.decidedAt = t.now();
        },
      });
      return 'cancellation_refused';
    });
  }

  async listForReviewer(q: ListSpecialistsQuery): Promise<{ total_count: number; items: SpecialistView[] }> {
    const rows = await this.dataSource.getRepository(ProjectSpecialist).find({
      where: q.status ? { status: q.status } : {},
      order: { submittedAt: 'DESC', id: 'DESC' },
      take: 500,
    });
    return this.list(rows);
  }

  // --- used by the link service ---------------------------------------------------------------------------------

  async openRecordOfLink(t: RequestContext, linkId: string): Promise<ProjectSpecialist | null> {
    return t.em!.findOne(ProjectSpecialist, { where: { linkId, status: In([...OPEN_SPECIALIST_STATUSES]) } });
  }

  /** System cancellation (the link ends through deregistration). */
  async cancelOpenRecordsOfLink(t: RequestContext, linkId: string, reason: string): Promise<void> {
    const open = await t.em!.find(ProjectSpecialist, {
      where: { linkId, status: In([...OPEN_SPECIALIST_STATUSES]) },
    });
    for (const s of open) {
      await this.machine.transition(t, s, 'cancelled', {
        action: 'project_specialist.cancelled_by_system',
        mutate: (x) => (x.decidedAt = t.now()),
        eventPayload: { reason },
      });
    }
  }

  /**
   * System cancellation when the account exits the path (certification-paths.md PATH-023, reason `path_exited`):
   * every open record of that path on the account, each person's row locked first (ORG-033).
   */
  async cancelOpenRecordsOfPath(
    ctx: RequestContext,
    partnerAccountId: string,
    path: SpecialistPath,
    reason: string,
  ): Promise<number> {
    return this.tx.run(ctx, async (t) => {
      const open = await t.em!.find(ProjectSpecialist, {
        where: { partnerAccountId, path, status: In([...OPEN_SPECIALIST_STATUSES]) },
      });
      for (const peek of open) {
        await findOneForUpdate(t.em!, PersonalAccount, { id: peek.personalAccountId });
        const s = (await findOneForUpdate(t.em!, ProjectSpecialist, { id: peek.id }))!;
        if (!OPEN_SPECIALIST_STATUSES.includes(s.status)) continue;
        await this.machine.transition(t, s, 'cancelled', {
          action: 'project_specialist.cancelled_by_system',
          mutate: (x) => (x.decidedAt = t.now()),
          eventPayload: { reason },
        });
      }
      return open.length;
    });
  }

  // --- internals ----------------------------------------------------------------------------------------------

  private async partnerChange(
    ctx: RequestContext,
    id: string,
    change: (t: RequestContext, s: ProjectSpecialist) => Promise<void>,
  ): Promise<SpecialistView> {
    // the person's row lock is the transaction's first read (no stale snapshot on MySQL/MariaDB)
    const peek = await this.dataSource.getRepository(ProjectSpecialist).findOne({ where: { id } });
    if (!peek || peek.partnerAccountId !== ctx.partnerAccountId)
      throw OrgErrors.fail('ORG_SPECIALIST_NOT_FOUND');
    return this.tx.run(ctx, async (t) => {
      const person = (await findOneForUpdate(t.em!, PersonalAccount, { id: peek.personalAccountId }))!;
      const s = (await findOneForUpdate(t.em!, ProjectSpecialist, { id }))!;
      await change(t, s);
      return view(s, person);
    });
  }

  /** ORG-034: only PDM or operations decide (the handlers declare it too); J-ORG-5 notifies the partner admin. */
  private async review(
    ctx: RequestContext,
    id: string,
    decide: (t: RequestContext, s: ProjectSpecialist) => Promise<string>,
  ): Promise<SpecialistView> {
    if (!ctx.hasReviewerRole(...SPECIALIST_REVIEWER_ROLES)) throw new DomainError('ORG_PERMISSION_DENIED');
    const peek = await this.dataSource.getRepository(ProjectSpecialist).findOne({ where: { id } });
    if (!peek) throw OrgErrors.fail('ORG_SPECIALIST_NOT_FOUND');
    return this.tx.run(ctx, async (t) => {
      const person = (await findOneForUpdate(t.em!, PersonalAccount, { id: peek.personalAccountId }))!;
      const s = (await findOneForUpdate(t.em!, ProjectSpecialist, { id }))!;
      const outcome = await decide(t, s);
      await this.notifyDecision(t, s, person, outcome);
      return view(s, person);
    });
  }

  /** J-ORG-5: in-app message and e-mail to the partner admin, in the transaction of the decision. */
  private async notifyDecision(
    t: RequestContext,
    s: ProjectSpecialist,
    person: PersonalAccount,
    outcome: string,
  ): Promise<void> {
    const partner = await this.partnerAccounts.findById(s.partnerAccountId);
    if (!partner) return;
    const texts: Record<string, string> = {
      approved: `${person.tenantName} is now a project specialist of the ${s.path} path.`,
      rejected: `The project specialist application for ${person.tenantName} (${s.path} path) was rejected. Reason: ${s.rejectReason ?? '-'}.`,
      cancellation_approved: `The project specialist role of ${person.tenantName} (${s.path} path) is cancelled.`,
      cancellation_refused: `The cancellation request for ${person.tenantName} (${s.path} path) was refused; the role stays active.`,
    };
    const common = {
      partnerAccountId: partner.id,
      template: `org.specialist.${outcome}`,
      subject: `Project specialist: ${outcome.replace('_', ' ')}`,
      body: texts[outcome] ?? outcome,
      params: { specialist_id: s.id, personal_account_id: person.id, path: s.path, status: s.status },
    };
    await this.notifications.enqueue(t, [
      { ...common, channel: 'in_app', recipient: partner.id },
      ...(partner.email ? [{ ...common, channel: 'email' as const, recipient: partner.email }] : []),
    ]);
  }

  private async list(rows: ProjectSpecialist[]): Promise<{ total_count: number; items: SpecialistView[] }> {
    const ids = [...new Set(rows.map((r) => r.personalAccountId))];
    const people = ids.length
      ? new Map(
          (await this.dataSource.getRepository(PersonalAccount).find({ where: { id: In(ids) } })).map((p) => [
            p.id,
            p,
          ]),
        )
      : new Map<string, PersonalAccount>();
    const items = rows.map((r) => view(r, people.get(r.personalAccountId) ?? null));
    return { total_count: items.length, items };
  }
}

function requirePartnerAdmin(ctx: RequestContext): void {
  if (!ctx.isPartnerAdmin) throw new DomainError('ORG_ADMIN_REQUIRED');
}

function stateError(s: ProjectSpecialist, to: ProjectSpecialistStatus): DomainError {
  return new DomainError(
    'STATE_TRANSITION_INVALID',
    `Cannot move project_specialist from ${s.status} to ${to}.`,
    {
      from: s.status,
      to,
    },
  );
}

export function view(s: ProjectSpecialist, p: PersonalAccount | null): SpecialistView {
  return {
    id: s.id,
    partner_account_id: s.partnerAccountId,
    personal_account_id: s.personalAccountId,
    tenant_name: p?.tenantName ?? '',
    link_id: s.linkId,
    path: s.path,
    status: s.status,
    employment_proof_file_id: s.employmentProofFileId,
    certificate_ids: s.certificateIds,
    submitted_by: s.submittedBy,
    submitted_at: s.submittedAt.toISOString(),
    reviewer_id: s.reviewerId,
    decided_at: s.decidedAt?.toISOString() ?? null,
    reject_reason: s.rejectReason,
    active_since: s.activeSince?.toISOString() ?? null,
    occupied_project_id: s.occupiedProjectId,
  };
}
