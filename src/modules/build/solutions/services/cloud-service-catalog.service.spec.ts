/**
 * Seeding of the cloud service catalogue on first read (F-BUILD-1): once per process, shared by concurrent
 * first reads, race-safe across application instances, never inside (and lost with) a caller's transaction.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { openSpecDb, type SpecDb } from '../../../../../test/setup/spec-db.js';
import { CLOUD_SERVICE_CATALOGUE_SEED } from '../domain/cloud-service-catalogue.js';
import { CloudServiceCatalogEntry } from '../entities/solution.entities.js';
import { CloudServiceCatalogService } from './cloud-service-catalog.service.js';

describe('CloudServiceCatalogService seeding (F-BUILD-1)', () => {
  let db: SpecDb;
  beforeEach(async () => {
    db = await openSpecDb([CloudServiceCatalogEntry]);
  });
  afterEach(async () => {
    await db.close();
  });
  const count = () => db.dataSource.getRepository(CloudServiceCatalogEntry).count();

  it('concurrent first reads share one seeding run; later reads do not seed again', async () => {
    const service = new CloudServiceCatalogService(db.dataSource);
    const transaction = jest.spyOn(db.dataSource, 'transaction');
    const tiers = await Promise.all([service.activeTiers(), service.activeTiers(), service.list()]);
    expect((tiers[0] as Map<string, string>).get('GaussDB')).toBe('key');
    expect((tiers[1] as Map<string, string>).get('APIG')).toBe('high_order');
    await service.activeTiers();
    expect(transaction).toHaveBeenCalledTimes(1);
    expect(await count()).toBe(CLOUD_SERVICE_CATALOGUE_SEED.length);
  });

  it('two application instances seeding at the same time both succeed, each row written once', async () => {
    const a = new CloudServiceCatalogService(db.dataSource);
    const b = new CloudServiceCatalogService(await db.secondInstance());
    await Promise.all([a.ensureSeeded(), b.ensureSeeded()]);
    expect(await count()).toBe(CLOUD_SERVICE_CATALOGUE_SEED.length);
  });

  it('an entry deactivated by operations stays inactive and is ignored by activeTiers', async () => {
    await new CloudServiceCatalogService(db.dataSource).ensureSeeded();
    await db.dataSource
      .getRepository(CloudServiceCatalogEntry)
      .update({ serviceCode: 'APIG' }, { active: false });
    const fresh = new CloudServiceCatalogService(db.dataSource);
    expect((await fresh.activeTiers()).has('APIG')).toBe(false);
    expect(await count()).toBe(CLOUD_SERVICE_CATALOGUE_SEED.length);
  });
});
