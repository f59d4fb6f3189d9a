import { describe, expect, it } from '@jest/globals';
import { DataSource, Entity, Column, PrimaryColumn } from 'typeorm';
import { TravellingClock } from '../clock/index.js';
import { RequestContext } from '../context/index.js';
import { DomainError } from '../errors/index.js';
import { assertOwnPartnerId, findOwnedOrFail, scopedWhere } from './tenancy.js';

@Entity('tenancy_probe')
class Probe {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'partner_account_id', type: 'varchar', length: 36 })
  partnerAccountId: string;
}

const ctxFor = (partnerAccountId: string): RequestContext =>
  RequestContext.create({
    clock: new TravellingClock(),
    actor: { kind: 'partner', partnerAccountId, memberId: null, site: 'cn', tokenId: null },
  });

describe('tenancy (API-018)', () => {
  it('scopes every where clause to the context partner', () => {
    expect(scopedWhere<Probe>(ctxFor('A'), { id: 'x' })).toEqual({ id: 'x', partnerAccountId: 'A' });
    // a partner id smuggled into the where clause is overridden by the context's
    expect(scopedWhere<Probe>(ctxFor('A'), { partnerAccountId: 'B' })).toEqual({ partnerAccountId: 'A' });
  });

  it("answers another partner's row exactly like a missing one", async () => {
    const ds = new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: [Probe],
      synchronize: true,
    });
    await ds.initialize();
    try {
      await ds.getRepository(Probe).save({ id: 'row-1', partnerAccountId: 'A' });
      const notFound = () => new DomainError('APIGW.0101');
      const mine = await findOwnedOrFail(ds.manager, ctxFor('A'), Probe, { id: 'row-1' }, notFound);
      expect(mine.id).toBe('row-1');
      await expect(
        findOwnedOrFail(ds.manager, ctxFor('B'), Probe, { id: 'row-1' }, notFound),
      ).rejects.toThrow(DomainError);
      await expect(findOwnedOrFail(ds.manager, ctxFor('B'), Probe, { id: 'nope' }, notFound)).rejects.toThrow(
        DomainError,
      );
    } finally {
      await ds.destroy();
    }
  });

  it('refuses a partner_account_id in the request that is not the caller', () => {
    const notFound = () => new DomainError('APIGW.0101');
    expect(() => assertOwnPartnerId(ctxFor('A'), 'B', notFound)).toThrow(DomainError);
    expect(() => assertOwnPartnerId(ctxFor('A'), 'A', notFound)).not.toThrow();
    expect(() => assertOwnPartnerId(ctxFor('A'), undefined, notFound)).not.toThrow();
  });
});
