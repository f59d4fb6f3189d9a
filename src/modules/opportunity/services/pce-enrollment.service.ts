/**
 * PCE (co-selling) enrollment (opportunity.md OPP-001…OPP-005, "PCE enrollment" states): self-service join by
 * accepting the agreement and the update commitment, automatic admission (no review), the PDM whitelist for
 * accounts the default eligibility hides, termination by a PDM. Also the `PceMembershipReader` registered in
 * certification's collaborators, so `GET /api/v1/programs/joined`, the program exclusivity matrix, path exit
 * and partner identity see PCE membership.
 */
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../../../libs/audit/index.js';
import type { RequestContext } from '../../../../libs/context/index.js';
import {
  TransactionRunner,
  findOneForUpdate,
  isUniqueViolation,
} from '../../../../libs/persistence/index.js';
import { StateMachine } from '../../../../libs/state-machine/index.js';
import {
  CertificationCollaborators,
  MEMBERSHIP_READER,
  type MembershipReader,
  type PceMembershipReader,
} from '../../certification/index.js';
import { PartnerAccountService } from '../../info/index.js';
import { PCE_ENROLLMENT_MACHINE } from '../domain/opportunity-state-machines.js';
import type { JoinPceDto, PceScoresDto } from '../dto/pce.dto.js';
import {
  PceEnrollment,
  type PceEnrollmentStatus,
  PceWhitelistEntry,
} from '../entities/opportunity.entities.js';
import { OpportunityErrors } from '../opportunity.errors.js';

/** The PCE agreement version partners accept when they do not name one. */
export const CURRENT_PCE_AGREEMENT_VERSION = '2024.1';

/** Open point 3: cloud-reseller accounts (any open membership) are not eligible by default. */
const RESELLER_BLOCKING = new Set(['active', 'pending_review', 'pending_distributor_review']);

export interface EnrollmentView {
  partner_account_id: string;
  program: 'pce';
  status: PceEnrollmentStatus;
  agreement_version: string;
  agreement_accepted_at: string;
  update_commitment: boolean;
  joined_at: string;
  whitelisted: boolean;
  whitelisted_by: string | null;
  terminated_at: string | null;
  technical_score: number;
  cooperation_score: number;
}

export function toEnrollmentView(e: PceEnrollment): EnrollmentView {
  return {
    partner_account_id: e.partnerAccountId,
    program: 'pce',
    status: e.status,
    agreement_version: e.agreementVersion,
    agreement_accepted_at: e.agreementAcceptedAt.toISOString(),
    update_commitment: e.updateCommitment,
    joined_at: e.joinedAt.toISOString(),
    whitelisted: e.whitelisted,
    whitelisted_by: e.whitelistedBy,
    terminated_at: e.terminatedAt?.toISOString() ?? null,
    technical_score: e.technicalScore,
    cooperation_score: e.cooperationScore,
  };
}

@Injectable()
export class PceEnrollmentService implements PceMembershipReader, OnModuleInit {
  private readonly machine: StateMachine<PceEnrollmentStatus, PceEnrollment>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly accounts: PartnerAccountService,
    private readonly collaborators: CertificationCollaborators,
    @Inject(MEMBERSHIP_READER) private readonly memberships: MembershipReader,
    private readonly audit: AuditService,
  ) {
    this.machine = new StateMachine(PCE_ENROLLMENT_MACHINE, audit);
  }

  onModuleInit(): void {
    this.collaborators.registerPceReader(this);
  }

  /** PceMembershipReader (certification collaborators): `terminated` is reported as `exited`. */
  async status(partnerAccountId: string): Promise<'active' | 'exited' | null> {
    const e = await this.dataSource.getRepository(PceEnrollment).findOne({ where: { partnerAccountId } });
    if (!e) return null;
    return e.status === 'active' ? 'active' : 'exited';
  }

  async isActive(partnerAccountId: string): Promise<boolean> {
    return (await this.status(partnerAccountId)) === 'active';
  }

  /** Open point 3 + OPP-002: default eligible = onboarded and not a cloud reseller; the whitelist overrides. */
  async entryAvailable(partnerAccountId: string): Promise<boolean> {
    const white = await this.dataSource
      .getRepository(PceWhitelistEntry)
      .findOne({ where: { partnerAccountId } });
    if (white) return true;
    const programs = await this.memberships.programMemberships(partnerAccountId);
    return !programs.some((p) => p.program === 'cloud_reseller' && RESELLER_BLOCKING.has(p.status));
  }

  /** OPP-001…OPP-003: joining is automatic; the enrollment is `active` in the same request. */
  async join(ctx: RequestContext, dto: JoinPceDto): Promise<EnrollmentView> {
    const pid = ctx.partnerAccountId;
    const account = await this.accounts.findById(pid);
    if (!account || account.status !== 'active') throw OpportunityErrors.fail('OPP_PCE_NOT_ONBOARDED');
    if (dto.agreement_accepted !== true || dto.update_commitment !== true) {
      throw OpportunityErrors.fail('OPP_PCE_AGREEMENT_REQUIRED', undefined, {
        fields: [
          ...(dto.agreement_accepted !== true ? ['agreement_accepted'] : []),
          ...(dto.update_commitment !== true ? ['update_commitment'] : []),
        ],
      });
    }
    const existing = await this.dataSource
      .getRepository(PceEnrollment)
      .findOne({ where: { partnerAccountId: pid } });
    if (existing?.status === 'active') throw OpportunityErrors.fail('OPP_PCE_ALREADY_JOINED');
    if (!(await this.entryAvailable(pid))) throw OpportunityErrors.fail('OPP_PCE_ENTRY_UNAVAILABLE');
    const white = await this.dataSource
      .getRepository(PceWhitelistEntry)
      .findOne({ where: { partnerAccountId: pid } });
    try {
      return await this.tx.run(ctx, async (t) => {
        const em = t.em!;
        const now = t.now();
        const row = await findOneForUpdate(em, PceEnrollment, { partnerAccountId: pid });
        if (row?.status === 'active') throw OpportunityErrors.fail('OPP_PCE_ALREADY_JOINED');
        const version = dto.agreement_version ?? CURRENT_PCE_AGREEMENT_VERSION;
        if (row) {
          // decision: a terminated member may join again by accepting the agreement anew
          await this.machine.transition(t, row, 'active', {
            action: 'pce_enrollment.rejoined',
            mutate: (e) => {
              e.agreementVersion = version;
              e.agreementAcceptedAt = now;
              e.updateCommitment = true;
              e.joinedAt = now;
              e.joinedBy = t.actorId;
              e.whitelisted = !!white;
              e.whitelistedBy = white?.addedBy ?? null;
              e.terminatedAt = null;
              e.terminateReason = null;
            },
          });
          return toEnrollmentView(row);
        }
        const e = em.create(PceEnrollment, {
          partnerAccountId: pid,
          status: 'active',
          agreementVersion: version,
          agreementAcceptedAt: now,
          updateCommitment: true,
          joinedAt: now,
          joinedBy: t.actorId,
          whitelisted: !!white,
          whitelistedBy: white?.addedBy ?? null,
          terminatedAt: null,
          terminateReason: null,
          technicalScore: 0,
          cooperationScore: 0,
        });
        await this.machine.create(t, e, { action: 'pce_enrollment.joined' });
        return toEnrollmentView(e);
      });
    } catch (err) {
      // two parallel joins: the unique index on partner_account_id lets exactly one in
      if (isUniqueViolation(err)) throw OpportunityErrors.fail('OPP_PCE_ALREADY_JOINED');
      throw err;
    }
  }

  async mine(ctx: RequestContext): Promise<EnrollmentView & { entry_available: boolean }> {
    const e = await this.dataSource
      .getRepository(PceEnrollment)
      .findOne({ where: { partnerAccountId: ctx.partnerAccountId } });
    if (!e) throw OpportunityErrors.fail('OPP_PCE_ENROLLMENT_NOT_FOUND');
    return { ...toEnrollmentView(e), entry_available: await this.entryAvailable(ctx.partnerAccountId) };
  }

  /** OPP-002: only a PDM makes the entry available. */
  async whitelist(ctx: RequestContext, partnerAccountId: string, reason: string | undefined) {
    const account = await this.accounts.findById(partnerAccountId);
    if (!account) throw OpportunityErrors.fail('OPP_PCE_ENROLLMENT_NOT_FOUND', 'Partner account not found');
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      let row = await findOneForUpdate(em, PceWhitelistEntry, { partnerAccountId });
      if (!row) {
        row = em.create(PceWhitelistEntry, {
          partnerAccountId,
          addedBy: t.actorId,
          addedAt: t.now(),
          reason: (reason ?? '').trim() || 'whitelisted by PDM',
        });
        await em.save(row);
        await this.audit.record(t, {
          action: 'pce_whitelist.added',
          entityType: 'pce_whitelist',
          entityId: row.id,
          partnerAccountId,
          after: { reason: row.reason, added_by: row.addedBy },
        });
      }
      return {
        partner_account_id: partnerAccountId,
        whitelisted: true,
        added_by: row.addedBy,
        added_at: row.addedAt.toISOString(),
        reason: row.reason,
      };
    });
  }

  async unwhitelist(ctx: RequestContext, partnerAccountId: string) {
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const row = await findOneForUpdate(em, PceWhitelistEntry, { partnerAccountId });
      if (row) {
        await em.remove(row);
        await this.audit.record(t, {
          action: 'pce_whitelist.removed',
          entityType: 'pce_whitelist',
          entityId: partnerAccountId,
          partnerAccountId,
          before: { reason: row.reason, added_by: row.addedBy },
        });
      }
      return { partner_account_id: partnerAccountId, whitelisted: false };
    });
  }

  /** `active` → `terminated` (PDM): open POs stay visible read-only; no new POs (OPP-011). */
  async terminate(ctx: RequestContext, partnerAccountId: string, reason: string | undefined) {
    return this.tx.run(ctx, async (t) => {
      const e = await findOneForUpdate(t.em!, PceEnrollment, { partnerAccountId });
      if (!e) throw OpportunityErrors.fail('OPP_PCE_ENROLLMENT_NOT_FOUND');
      if (e.status !== 'active') throw OpportunityErrors.fail('OPP_INVALID_STATE');
      await this.machine.transition(t, e, 'terminated', {
        action: 'pce_enrollment.terminated',
        mutate: (x) => {
          x.terminatedAt = t.now();
          x.terminateReason = (reason ?? '').trim() || null;
        },
      });
      return toEnrollmentView(e);
    });
  }

  /** OPP-061: the PDM's manual scores used to rank HO candidates. */
  async setScores(ctx: RequestContext, partnerAccountId: string, dto: PceScoresDto) {
    return this.tx.run(ctx, async (t) => {
      const e = await findOneForUpdate(t.em!, PceEnrollment, { partnerAccountId });
      if (!e) throw OpportunityErrors.fail('OPP_PCE_ENROLLMENT_NOT_FOUND');
      const before = { technical_score: e.technicalScore, cooperation_score: e.cooperationScore };
      if (dto.technical_score !== undefined) e.technicalScore = dto.technical_score;
      if (dto.cooperation_score !== undefined) e.cooperationScore = dto.cooperation_score;
      await t.em!.save(e);
      await this.audit.record(t, {
        action: 'pce_enrollment.scored',
        entityType: 'pce_enrollment',
        entityId: e.id,
        partnerAccountId,
        before,
        after: { technical_score: e.technicalScore, cooperation_score: e.cooperationScore },
      });
      return toEnrollmentView(e);
    });
  }

  async activeEnrollments(): Promise<PceEnrollment[]> {
    return this.dataSource
      .getRepository(PceEnrollment)
      .find({ where: { status: 'active' }, order: { partnerAccountId: 'ASC' } });
  }
}
