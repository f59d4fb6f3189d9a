/**
 * The capability-label catalogue (LABEL-001): Huawei defines and maintains the full set; partners read it and
 * may apply only for `active` level-1 labels. The 18 seed labels are inserted on first use (the table is
 * created by migrations after start-up in some environments, so seeding cannot run at boot).
 */
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../../../../libs/audit/index.js';
import type { RequestContext } from '../../../../../libs/context/index.js';
import { sqliteExclusive, TransactionRunner } from '../../../../../libs/persistence/index.js';
import { SEED_LABELS, seedEvaluationItems, type EvaluationItem } from '../domain/label-catalogue.js';
import type { CreateCapabilityLabelDto, UpdateCapabilityLabelDto } from '../dto/labels.dto.js';
import { CapabilityLabel } from '../entities/label.entities.js';
import { LabelErrors } from '../labels.errors.js';

export interface CapabilityLabelView {
  code: string;
  name_en: string;
  name_zh: string;
  level: number;
  active: boolean;
  evaluation_items: EvaluationItem[];
  improvement_incentive_scope: string | null;
}

export function labelView(l: CapabilityLabel): CapabilityLabelView {
  return {
    code: l.code,
    name_en: l.nameEn,
    name_zh: l.nameZh,
    level: l.level,
    active: l.active,
    evaluation_items: l.evaluationItems,
    improvement_incentive_scope: l.improvementIncentiveScope,
  };
}

@Injectable()
export class LabelCatalogueService {
  private seeded = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /**
   * Inserts the seed labels that are missing. Race-safe: one `INSERT … IGNORE` statement (MySQL `INSERT IGNORE`,
   * SQLite `INSERT OR IGNORE`) against `uq_capability_label_code`, so a concurrent first use — another request
   * or another instance — never fails on the unique index and never duplicates a row. Checked once per process
   * (`seeded`); call it outside a transaction, so the seed commits on its own and is not undone by the
   * caller's rollback.
   */
  async ensureSeeded(ctx: RequestContext): Promise<void> {
    if (this.seeded) return;
    const repo = this.dataSource.getRepository(CapabilityLabel);
    const existing = new Set((await repo.find({ select: { code: true } })).map((l) => l.code));
    const missing = SEED_LABELS.filter((s) => !existing.has(s.code));
    if (missing.length) {
      const now = ctx.now();
      await sqliteExclusive(this.dataSource, () =>
        repo
          .createQueryBuilder()
          .insert()
          .into(CapabilityLabel)
          .values(
            missing.map((s) => ({
              id: randomUUID(),
              code: s.code,
              nameEn: s.name_en,
              nameZh: s.name_zh,
              level: 1,
              active: true,
              evaluationItems: seedEvaluationItems(s.prefix),
              improvementIncentiveScope: s.improvement_incentive_scope,
              createdAt: now,
              updatedAt: now,
            })),
          )
          .orIgnore()
          .execute(),
      );
    }
    this.seeded = true;
  }

  async list(ctx: RequestContext): Promise<{ total_count: number; items: CapabilityLabelView[] }> {
    await this.ensureSeeded(ctx);
    const rows = await this.dataSource.getRepository(CapabilityLabel).find({ order: { code: 'ASC' } });
    return { total_count: rows.length, items: rows.map(labelView) };
  }

  /** LABEL-001: 404 LABEL_NOT_FOUND for an unknown code (level-1 only). */
  async findOrFail(ctx: RequestContext, code: string, em?: EntityManager): Promise<CapabilityLabel> {
    // inside a transaction (`em`) the caller holds an application of this label, so the catalogue is seeded
    if (!em) await this.ensureSeeded(ctx);
    const l = await (em ?? this.dataSource.manager).findOne(CapabilityLabel, { where: { code } });
    if (!l || l.level !== 1) throw LabelErrors.fail('LABEL_NOT_FOUND');
    return l;
  }

  async get(ctx: RequestContext, code: string): Promise<CapabilityLabelView> {
    return labelView(await this.findOrFail(ctx, code));
  }

  // --- operations (admin panel) ---------------------------------------------------------------------------------

  async create(ctx: RequestContext, dto: CreateCapabilityLabelDto): Promise<CapabilityLabelView> {
    await this.ensureSeeded(ctx);
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      if (await em.findOne(CapabilityLabel, { where: { code: dto.code } }))
        throw LabelErrors.fail('LABEL_CODE_TAKEN');
      const l = em.create(CapabilityLabel, {
        code: dto.code,
        nameEn: dto.name_en,
        nameZh: dto.name_zh,
        level: 1,
        active: dto.active ?? true,
        evaluationItems: normaliseItems(dto.evaluation_items),
        improvementIncentiveScope: null,
        createdAt: t.now(),
        updatedAt: t.now(),
      });
      await em.save(l);
      await this.audit.record(t, {
        action: 'capability_label.created',
        entityType: 'capability_label',
        entityId: l.id,
        after: { ...labelView(l) },
      });
      return labelView(l);
    });
  }

  async update(
    ctx: RequestContext,
    code: string,
    dto: UpdateCapabilityLabelDto,
  ): Promise<CapabilityLabelView> {
    await this.ensureSeeded(ctx);
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const l = await em.findOne(CapabilityLabel, { where: { code } });
      if (!l) throw LabelErrors.fail('LABEL_NOT_FOUND');
      const before = labelView(l);
      if (dto.name_en !== undefined) l.nameEn = dto.name_en;
      if (dto.name_zh !== undefined) l.nameZh = dto.name_zh;
      if (dto.active !== undefined) l.active = dto.active;
      if (dto.evaluation_items !== undefined) l.evaluationItems = normaliseItems(dto.evaluation_items);
      l.updatedAt = t.now();
      await em.save(l);
      await this.audit.record(t, {
        action: 'capability_label.updated',
        entityType: 'capability_label',
        entityId: l.id,
        before: { ...before },
        after: { ...labelView(l) },
      });
      return labelView(l);
    });
  }
}

function normaliseItems(items: CreateCapabilityLabelDto['evaluation_items']): EvaluationItem[] {
  const seen = new Set<string>();
  return items
    .filter((i) => (seen.has(i.item_code) ? false : (seen.add(i.item_code), true)))
    .map((i) => ({
      item_code: i.item_code,
      name: i.name,
      mandatory: i.mandatory,
      evidence_hint: i.evidence_hint ?? '',
    }));
}
