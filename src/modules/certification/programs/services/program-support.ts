/**
 * Shared mechanics of the partner programs: account facts and standing (exclusivity matrix input), certificate
 * issuing (PROG-020 validity), activation, partner notifications and reviewer-role checks.
 */
import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../../../../../libs/audit/index.js';
import { WorkingDayCalendar } from '../../../../../libs/calendar/index.js';
import type { RequestContext } from '../../../../../libs/context/index.js';
import { DomainError } from '../../../../../libs/errors/index.js';
import { NotificationService } from '../../../../../libs/notify/index.js';
import { StateMachine } from '../../../../../libs/state-machine/index.js';
import { type AccountFacts, CertificationCollaborators } from '../../ports/collaborators.js';
import {
  PATH_MEMBERSHIP_VIEWS,
  type PathMembershipViews,
  type ProgramMembershipStatus,
} from '../../ports/membership.port.js';
import { type AccountStanding, exclusivityConflict } from '../domain/exclusivity.js';
import { DEFAULT_PROGRAM_LEVELS, type LevelDef } from '../domain/program-levels.js';
import { PROGRAM_MEMBERSHIP_MACHINE } from '../domain/program-state-machines.js';
import { certificateValidity } from '../domain/validity.js';
import {
  ProgramCertificate,
  ProgramLevel,
  ProgramMembership,
  type TableProgram,
} from '../entities/program.entities.js';
import { ProgramErrors } from '../programs.errors.js';

/** Statuses that keep `activeKey` (count for the exclusivity matrix). */
export const COUNTING_STATUSES: readonly ProgramMembershipStatus[] = [
  'pending_review',
  'pending_distributor_review',
  'active',
  'expired',
  'exited',
];

const CERT_PREFIX: Record<TableProgram, string> = {
  solution_provider: 'SP',
  distributor: 'DI',
  cloud_reseller: 'CR',
};

@Injectable()
export class ProgramSupport {
  readonly machine: StateMachine<ProgramMembershipStatus, ProgramMembership>;

  constructor(
    readonly dataSource: DataSource,
    readonly audit: AuditService,
    private readonly notifications: NotificationService,
    readonly collaborators: CertificationCollaborators,
    @Inject(PATH_MEMBERSHIP_VIEWS) private readonly paths: PathMembershipViews,
    /** The one source of the business time zone (PROG-020 dates, renewal cycle, expiry). */
    @Inject(WorkingDayCalendar) readonly calendar: WorkingDayCalendar,
  ) {
    this.machine = new StateMachine(PROGRAM_MEMBERSHIP_MACHINE, audit);
  }

  async facts(partnerAccountId: string): Promise<AccountFacts> {
    const f = await this.collaborators.accounts.facts(partnerAccountId);
    if (!f) throw ProgramErrors.fail('PROG_ACCOUNT_NOT_FOUND');
    return f;
  }

  /** PROG-003 / PROG-013 / PROG-015: the account must be onboarded. */
  requireOnboarded(f: AccountFacts): void {
    if (f.status !== 'active' || !f.legalEntityId) throw new DomainError('INFO_NOT_ONBOARDED');
  }

  async activePaths(partnerAccountId: string) {
    return (await this.paths.pathMemberships(partnerAccountId)).filter((p) => p.status === 'active');
  }

  /** `excludeMembershipId`: a membership under review does not conflict with itself. */
  async standing(t: RequestContext, f: AccountFacts, excludeMembershipId?: string): Promise<AccountStanding> {
    const em = t.em ?? this.dataSource.manager;
    const [paths, programs, pce] = await Promise.all([
      this.activePaths(f.partnerAccountId),
      em.find(ProgramMembership, { where: { partnerAccountId: f.partnerAccountId } }),
      this.collaborators.pce.status(f.partnerAccountId),
    ]);
    return {
      abandoned: f.abandoned,
      activePaths: paths.map((p) => p.path),
      programs: programs
        .filter((p) => p.id !== excludeMembershipId)
        .map((p) => ({ program: p.program, status: p.status, everActive: p.everActive })),
      pce,
    };
  }

  /** PROG-002: throws the first conflict of the exclusivity matrix for `wants`. */
  async assertExclusive(
    t: RequestContext,
    f: AccountFacts,
    wants: TableProgram,
    extraDetails: Record<string, unknown> = {},
    excludeMembershipId?: string,
  ): Promise<void> {
    const conflict = exclusivityConflict(wants, await this.standing(t, f, excludeMembershipId));
    if (conflict) throw new DomainError(conflict.code, undefined, { ...conflict.details, ...extraDetails });
  }

  async levels(program: TableProgram): Promise<LevelDef[]> {
    const rows = await this.dataSource.getRepository(ProgramLevel).find({ where: { program } });
    const defs = rows.length
      ? rows.map((r) => ({ code: r.code, name: r.name, rank: r.rank }))
      : [...DEFAULT_PROGRAM_LEVELS[program]];
    return defs.sort((a, b) => a.rank - b.rank);
  }

  /**
   * Moves a membership to `active` (approval / acceptance / manual renewal): validity per PROG-020 unless given,
   * `joined_at` and `ever_active` on the first activation, certificate issued.
   */
  async activate(
    t: RequestContext,
    m: ProgramMembership,
    opts: {
      action: string;
      validity?: { validFrom: string; validTo: string };
      mutate?: (m: ProgramMembership) => void;
    },
  ): Promise<ProgramCertificate> {
    const validity = opts.validity ?? certificateValidity(t.now(), this.calendar.timeZone);
    await this.machine.transition(t, m, 'active', {
      action: opts.action,
      mutate: (x) => {
        x.validFrom = validity.validFrom;
        x.validTo = validity.validTo;
        x.joinedAt = x.joinedAt ?? t.now();
        x.everActive = true;
        opts.mutate?.(x);
      },
    });
    return this.issueCertificate(t, m);
  }

  /** A membership created directly `active` (invitation acceptance, conversion): validity, audit, certificate. */
  async createActive(t: RequestContext, m: ProgramMembership, action: string): Promise<ProgramCertificate> {
    const validity = certificateValidity(t.now(), this.calendar.timeZone);
    m.status = 'active';
    m.validFrom = validity.validFrom;
    m.validTo = validity.validTo;
    m.joinedAt = t.now();
    m.everActive = true;
    await this.machine.create(t, m, { action });
    return this.issueCertificate(t, m);
  }

  /** A new certificate for the membership's current level and validity; the previous one is superseded. */
  async issueCertificate(t: RequestContext, m: ProgramMembership): Promise<ProgramCertificate> {
    const em = t.em!;
    const previous = await em.find(ProgramCertificate, {
      where: { membershipId: m.id, status: In(['valid', 'expired']) },
    });
    for (const p of previous) {
      p.status = 'superseded';
      await em.save(p);
    }
    const today = m.validFrom!.replace(/-/g, '');
    const cert = em.create(ProgramCertificate, {
      membershipId: m.id,
      partnerAccountId: m.partnerAccountId,
      program: m.program,
      certificateNo: `${CERT_PREFIX[m.program]}${today}${randomBytes(5).toString('hex').toUpperCase()}`,
      level: m.level,
      validFrom: m.validFrom!,
      validTo: m.validTo!,
      status: 'valid',
      issuedAt: t.now(),
    });
    await em.save(cert);
    await this.audit.record(t, {
      action: 'program_certificate.issued',
      entityType: 'program_certificate',
      entityId: cert.id,
      partnerAccountId: m.partnerAccountId,
      before: previous.length ? { superseded: previous.map((p) => p.certificateNo) } : null,
      after: {
        membership_id: m.id,
        certificate_no: cert.certificateNo,
        level: cert.level,
        valid_from: cert.validFrom,
        valid_to: cert.validTo,
      },
    });
    return cert;
  }

  /** Level / validity change without a status change (renewal, level upgrade, assessment), audited. */
  async update(
    t: RequestContext,
    m: ProgramMembership,
    action: string,
    change: (m: ProgramMembership) => void,
  ): Promise<void> {
    const snap = PROGRAM_MEMBERSHIP_MACHINE.snapshot!;
    const before = snap(m);
    change(m);
    await t.em!.save(m);
    await this.audit.record(t, {
      action,
      entityType: 'program_membership',
      entityId: m.id,
      partnerAccountId: m.partnerAccountId,
      before,
      after: snap(m),
    });
  }

  /** In-app message to the partner admin of the account (AccountDirectory exposes no e-mail address). */
  async notify(
    t: RequestContext,
    partnerAccountId: string,
    template: string,
    subject: string,
    body: string,
    params: Record<string, unknown> = {},
  ): Promise<void> {
    await this.notifications.enqueue(t, [
      {
        channel: 'in_app',
        recipient: partnerAccountId,
        partnerAccountId,
        template,
        subject,
        body,
        params,
      },
    ]);
  }
}

export function requireReason(reason: string | undefined | null): string {
  const r = (reason ?? '').trim();
  if (!r || r.length > 500) throw ProgramErrors.fail('PROG_REASON_REQUIRED', undefined, { field: 'reason' });
  return r;
}

export function activeKeyOf(m: ProgramMembership): string {
  return `${m.partnerAccountId}:${m.program}`;
}

export interface MembershipView {
  id: string;
  partner_account_id: string;
  legal_entity_id: string | null;
  program: TableProgram;
  status: ProgramMembershipStatus;
  level: string | null;
  applied_at: string;
  joined_at: string | null;
  valid_from: string | null;
  valid_to: string | null;
  representative_office: string | null;
  distributor_type: string | null;
  region_class: number | null;
  distributor_membership_id: string | null;
  intended_distributor_membership_id: string | null;
  distributor_inactive: boolean;
  core_product_capability: boolean;
  core_products: string[];
  do_not_renew: boolean;
  reject_reason: string | null;
  exit_reason: string | null;
  exited_at: string | null;
}

export function membershipView(m: ProgramMembership): MembershipView {
  return {
    id: m.id,
    partner_account_id: m.partnerAccountId,
    legal_entity_id: m.legalEntityId,
    program: m.program,
    status: m.status,
    level: m.level,
    applied_at: m.appliedAt.toISOString(),
    joined_at: m.joinedAt?.toISOString() ?? null,
    valid_from: m.validFrom,
    valid_to: m.validTo,
    representative_office: m.representativeOffice,
    distributor_type: m.distributorType,
    region_class: m.regionClass,
    distributor_membership_id: m.distributorMembershipId,
    intended_distributor_membership_id: m.intendedDistributorMembershipId,
    distributor_inactive: m.distributorInactive,
    core_product_capability: m.coreProductCapability,
    core_products: m.coreProducts ?? [],
    do_not_renew: m.doNotRenew,
    reject_reason: m.rejectReason,
    exit_reason: m.exitReason,
    exited_at: m.exitedAt?.toISOString() ?? null,
  };
}
