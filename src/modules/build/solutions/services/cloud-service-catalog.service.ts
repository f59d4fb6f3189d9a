/**
 * The cloud service catalogue (build.md `CloudServiceCatalogEntry`; FAQ 10.8.4, 10.8.5). The seed list lives in
 * code (domain/cloud-service-catalogue.ts) and is written to the table the first time the catalogue is read
 * (decision: no data migration is needed, and operations keep their `active` changes afterwards).
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sqliteExclusive } from '../../../../../libs/persistence/index.js';
import { CLOUD_SERVICE_CATALOGUE_SEED, type CloudServiceTier } from '../domain/cloud-service-catalogue.js';
import { CloudServiceCatalogEntry } from '../entities/solution.entities.js';

export interface CloudServiceView {
  service_code: string;
  name_zh: string;
  product_dept: string;
  tier: CloudServiceTier;
  active: boolean;
}

@Injectable()
export class CloudServiceCatalogService {
  /** one seeding run per process, shared by concurrent first reads; reset when it fails */
  private seeding: Promise<void> | null = null;

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Writes the missing seed rows (idempotent). Runs once per process in its own transaction — never inside a
   * caller's transaction, whose rollback would drop the rows while the process believed them written.
   * Concurrent first reads share the run; rows inserted meanwhile by another instance are skipped
   * (`INSERT … IGNORE` on the primary key), so the seeding is race-safe.
   */
  ensureSeeded(): Promise<void> {
    this.seeding ??= this.seed().catch((err: unknown) => {
      this.seeding = null;
      throw err;
    });
    return this.seeding;
  }

  private seed(): Promise<void> {
    return sqliteExclusive(this.dataSource, () =>
      this.dataSource.transaction(async (m) => {
        const have = new Set(
          (await m.find(CloudServiceCatalogEntry, { select: { serviceCode: true } })).map(
            (e) => e.serviceCode,
          ),
        );
        const missing = CLOUD_SERVICE_CATALOGUE_SEED.filter((s) => !have.has(s.serviceCode));
        if (!missing.length) return;
        await m
          .createQueryBuilder()
          .insert()
          .into(CloudServiceCatalogEntry)
          .values(missing.map((s) => ({ ...s, active: true })))
          .orIgnore()
          .execute();
      }),
    );
  }

  /**
   * Active entries by service code → tier (F-BUILD-1 ignores unknown and inactive codes). Reference data: call
   * it before opening a transaction (the first call seeds the table in a transaction of its own).
   */
  async activeTiers(): Promise<Map<string, CloudServiceTier>> {
    await this.ensureSeeded();
    const rows = await this.dataSource.getRepository(CloudServiceCatalogEntry).find({
      where: { active: true },
    });
    return new Map(rows.map((r) => [r.serviceCode, r.tier]));
  }

  async list(): Promise<{ total_count: number; items: CloudServiceView[] }> {
    await this.ensureSeeded();
    const rows = await this.dataSource.getRepository(CloudServiceCatalogEntry).find({
      order: { tier: 'ASC', serviceCode: 'ASC' },
    });
    const items = rows.map((r) => ({
      service_code: r.serviceCode,
      name_zh: r.nameZh,
      product_dept: r.productDept,
      tier: r.tier,
      active: r.active,
    }));
    return { total_count: items.length, items };
  }
}
