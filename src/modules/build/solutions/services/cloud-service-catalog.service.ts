/**
 * The cloud service catalogue (build.md `CloudServiceCatalogEntry`; FAQ 10.8.4, 10.8.5). The seed list lives in
 * code (domain/cloud-service-catalogue.ts) and is written to the table the first time the catalogue is read
 * (decision: no data migration is needed, and operations keep their `active` changes afterwards).
 */
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
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
  private seeded = false;

  constructor(private readonly dataSource: DataSource) {}

  /** Writes the seed rows that are missing (idempotent). */
  async ensureSeeded(em?: EntityManager): Promise<void> {
    if (this.seeded) return;
    const write = async (m: EntityManager) => {
      const have = new Set(
        (await m.find(CloudServiceCatalogEntry, { select: { serviceCode: true } })).map((e) => e.serviceCode),
      );
      const missing = CLOUD_SERVICE_CATALOGUE_SEED.filter((s) => !have.has(s.serviceCode));
      if (missing.length) {
        await m.save(
          CloudServiceCatalogEntry,
          missing.map((s) => m.create(CloudServiceCatalogEntry, { ...s, active: true })),
          { chunk: 50 },
        );
      }
    };
    if (em?.queryRunner?.isTransactionActive) await write(em);
    else await sqliteExclusive(this.dataSource, () => this.dataSource.transaction(write));
    this.seeded = true;
  }

  /** Active entries by service code → tier (F-BUILD-1 ignores unknown and inactive codes). */
  async activeTiers(em?: EntityManager): Promise<Map<string, CloudServiceTier>> {
    await this.ensureSeeded(em);
    const rows = await (em ?? this.dataSource.manager).find(CloudServiceCatalogEntry, {
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
