/**
 * Held capability labels (PartnerCapabilityLabel) and person assessments: the `CapabilityLabelReader`
 * (LABEL-023) other modules read, the partner's list of held labels, operations' revocation (Open point 3) and
 * the expert group's person assessments (LABEL-025). Every change of an account's held labels publishes
 * `CAPABILITY_LABELS_CHANGED_EVENT` after commit and updates the partner finder (FAQ 2).
 */
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../../../../libs/audit/index.js';
import type { RequestContext } from '../../../../../libs/context/index.js';
import { DomainError } from '../../../../../libs/errors/index.js';
import { DomainEventBus } from '../../../../../libs/events/index.js';
import { findOneForUpdate, TransactionRunner } from '../../../../../libs/persistence/index.js';
import { FakeRegistry } from '../../../../../libs/testing/index.js';
import type { CapabilityLabelReader, HeldCapabilityLabel } from '../label-reader.js';
import type { HeldLabelsQuery, PersonAssessmentDto } from '../dto/labels.dto.js';
import {
  type AssessedRole,
  PartnerCapabilityLabel,
  PersonCapabilityAssessment,
} from '../entities/label.entities.js';
import { LabelErrors } from '../labels.errors.js';
import {
  InProcessPartnerFinder,
  PARTNER_FINDER_PORT,
  type PartnerFinderPort,
} from '../ports/partner-finder.port.js';

/** Published after commit when an account's held labels change (grant or revocation). */
export const CAPABILITY_LABELS_CHANGED_EVENT = 'certification.capability-label.changed';
export interface CapabilityLabelsChangedPayload {
  partner_account_id: string;
  label_code: string;
  status: 'active' | 'revoked';
}

export interface HeldLabelView {
  id: string;
  partner_account_id: string;
  label_code: string;
  site: string;
  granted_at: string;
  status: 'active' | 'revoked';
  source_certification_id: string | null;
  revoked_at: string | null;
  revoke_reason: string | null;
}

export function heldLabelView(l: PartnerCapabilityLabel): HeldLabelView {
  return {
    id: l.id,
    partner_account_id: l.partnerAccountId,
    label_code: l.labelCode,
    site: l.site,
    granted_at: l.grantedAt.toISOString(),
    status: l.status,
    source_certification_id: l.sourceCertificationId,
    revoked_at: l.revokedAt?.toISOString() ?? null,
    revoke_reason: l.revokeReason,
  };
}

export interface PersonAssessmentView {
  id: string;
  personal_account_id: string;
  role: AssessedRole;
  passed_at: string;
  assessor_ids: string[];
}

/** LABEL-025 reader for FH 2024 (benefits.md BEN-105). */
export interface PersonCapabilityAssessmentReader {
  hasPassed(personalAccountId: string, role: AssessedRole, at: Date): Promise<boolean>;
}

@Injectable()
export class PartnerLabelService
  implements CapabilityLabelReader, PersonCapabilityAssessmentReader, OnModuleInit
{
  private readonly logger = new Logger('CapabilityLabels');

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly bus: DomainEventBus,
    private readonly fakes: FakeRegistry,
    private readonly finderFake: InProcessPartnerFinder,
    @Inject(PARTNER_FINDER_PORT) private readonly finder: PartnerFinderPort,
  ) {}

  onModuleInit(): void {
    this.fakes.register(this.finderFake, 'partner-finder');
    this.bus.on(CAPABILITY_LABELS_CHANGED_EVENT, async (e) => {
      const id = String((e.payload as unknown as CapabilityLabelsChangedPayload).partner_account_id);
      try {
        const codes = (await this.listValid(id)).map((l) => l.labelCode);
        await this.finder.upsertLabels(id, codes);
      } catch (err) {
        this.logger.warn(`partner finder update failed for ${id}: ${(err as Error).message}`);
      }
    });
  }

  /** LABEL-023: the labels an account holds with `status = active`. */
  async listValid(partnerAccountId: string): Promise<HeldCapabilityLabel[]> {
    const rows = await this.dataSource.getRepository(PartnerCapabilityLabel).find({
      where: { partnerAccountId, status: 'active' },
      order: { grantedAt: 'ASC', labelCode: 'ASC', id: 'ASC' },
    });
    return rows.map((r) => ({
      partnerAccountId: r.partnerAccountId,
      labelCode: r.labelCode,
      site: r.site,
      grantedAt: r.grantedAt,
      status: r.status,
      id: r.id,
      sourceCertificationId: r.sourceCertificationId,
    }));
  }

  /** LABEL-016 / LABEL-020: the partner's held labels (`GET /partner-capability-labels`). */
  async listForPartner(ctx: RequestContext): Promise<{ total_count: number; items: HeldLabelView[] }> {
    const rows = await this.dataSource.getRepository(PartnerCapabilityLabel).find({
      where: { partnerAccountId: ctx.partnerAccountId },
      order: { grantedAt: 'DESC', labelCode: 'ASC', id: 'ASC' },
    });
    return { total_count: rows.length, items: rows.map(heldLabelView) };
  }

  async listForReviewer(q: HeldLabelsQuery): Promise<{ total_count: number; items: HeldLabelView[] }> {
    const where: Record<string, unknown> = {};
    if (q.partner_account_id) where.partnerAccountId = q.partner_account_id;
    if (q.status) where.status = q.status;
    const [rows, total] = await this.dataSource.getRepository(PartnerCapabilityLabel).findAndCount({
      where,
      order: { grantedAt: 'DESC', labelCode: 'ASC', id: 'ASC' },
      skip: q.offset ?? 0,
      take: q.limit ?? 10,
    });
    return { total_count: total, items: rows.map(heldLabelView) };
  }

  /** Called by the certification service in the countersign transaction (LABEL-021). */
  async grant(
    t: RequestContext,
    input: {
      partnerAccountId: string;
      labelCode: string;
      site: PartnerCapabilityLabel['site'];
      certificationId: string;
    },
  ): Promise<PartnerCapabilityLabel> {
    const em = t.em!;
    const l = em.create(PartnerCapabilityLabel, {
      partnerAccountId: input.partnerAccountId,
      labelCode: input.labelCode,
      site: input.site,
      grantedAt: t.now(),
      sourceCertificationId: input.certificationId,
      status: 'active',
      activeKey: `${input.partnerAccountId}:${input.labelCode}`,
      revokedAt: null,
      revokedBy: null,
      revokeReason: null,
    });
    await em.save(l);
    await this.audit.record(t, {
      action: 'partner_capability_label.granted',
      entityType: 'partner_capability_label',
      entityId: l.id,
      partnerAccountId: l.partnerAccountId,
      after: { ...heldLabelView(l) },
    });
    this.changed(t, l);
    return l;
  }

  /** Open point 3 (decision): operations revoke a held label; a reason is required. */
  async revoke(ctx: RequestContext, id: string, reason: string): Promise<HeldLabelView> {
    const trimmed = (reason ?? '').trim();
    if (!trimmed) throw LabelErrors.fail('LABEL_REASON_REQUIRED');
    return this.tx.run(ctx, async (t) => {
      const l = await findOneForUpdate(t.em!, PartnerCapabilityLabel, { id });
      if (!l) throw LabelErrors.fail('LABEL_HELD_NOT_FOUND');
      if (l.status !== 'active') {
        throw new DomainError('STATE_TRANSITION_INVALID', 'This label is already revoked.', {
          from: l.status,
          to: 'revoked',
        });
      }
      const before = heldLabelView(l);
      l.status = 'revoked';
      l.activeKey = null;
      l.revokedAt = t.now();
      l.revokedBy = t.actorId;
      l.revokeReason = trimmed;
      await t.em!.save(l);
      await this.audit.record(t, {
        action: 'partner_capability_label.revoked',
        entityType: 'partner_capability_label',
        entityId: l.id,
        partnerAccountId: l.partnerAccountId,
        before: { ...before },
        after: { ...heldLabelView(l) },
      });
      this.changed(t, l);
      return heldLabelView(l);
    });
  }

  private changed(t: RequestContext, l: PartnerCapabilityLabel): void {
    const payload: CapabilityLabelsChangedPayload = {
      partner_account_id: l.partnerAccountId,
      label_code: l.labelCode,
      status: l.status,
    };
    t.publishAfterCommit({
      name: CAPABILITY_LABELS_CHANGED_EVENT,
      payload: payload as unknown as Record<string, unknown>,
      occurredAt: t.now(),
      requestId: t.requestId,
    });
  }

  // --- LABEL-025 person assessments ------------------------------------------------------------------------------

  async recordAssessment(ctx: RequestContext, dto: PersonAssessmentDto): Promise<PersonAssessmentView> {
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const a = em.create(PersonCapabilityAssessment, {
        personalAccountId: dto.personal_account_id,
        role: dto.role,
        passedAt: dto.passed_at ? new Date(dto.passed_at) : t.now(),
        assessorIds: dto.assessor_ids ?? [],
        recordedBy: t.actorId,
        createdAt: t.now(),
      });
      await em.save(a);
      await this.audit.record(t, {
        action: 'person_capability_assessment.recorded',
        entityType: 'person_capability_assessment',
        entityId: a.id,
        after: { ...assessmentView(a) },
      });
      return assessmentView(a);
    });
  }

  async listAssessments(
    personalAccountId?: string,
  ): Promise<{ total_count: number; items: PersonAssessmentView[] }> {
    const rows = await this.dataSource.getRepository(PersonCapabilityAssessment).find({
      where: personalAccountId ? { personalAccountId } : {},
      order: { passedAt: 'DESC', id: 'ASC' },
      take: 500,
    });
    return { total_count: rows.length, items: rows.map(assessmentView) };
  }

  async hasPassed(personalAccountId: string, role: AssessedRole, at: Date): Promise<boolean> {
    const rows = await this.dataSource
      .getRepository(PersonCapabilityAssessment)
      .find({ where: { personalAccountId, role } });
    return rows.some((r) => r.passedAt.getTime() <= at.getTime());
  }
}

function assessmentView(a: PersonCapabilityAssessment): PersonAssessmentView {
  return {
    id: a.id,
    personal_account_id: a.personalAccountId,
    role: a.role,
    passed_at: a.passedAt.toISOString(),
    assessor_ids: a.assessorIds,
  };
}
