/**
 * Duplicate protection against the database (opportunity.md OPP-030…OPP-034). Every duplicate-sensitive
 * decision first locks the row of its normalised customer name (`opp_duplicate_lock`, created on demand with
 * INSERT IGNORE, then `SELECT … FOR UPDATE`), so two reviewers approving POs of two partners for the same
 * customer serialise on MySQL/MariaDB; SQLite serialises writers anyway. Then it looks for an active
 * opportunity with the same key and an earlier anchor, or a verified PO of another partner (OPP-032).
 */
import { Injectable } from '@nestjs/common';
import { In, Not } from 'typeorm';
import type { RequestContext } from '../../../../libs/context/index.js';
import { findOneForUpdate } from '../../../../libs/persistence/index.js';
import { anchoredEarlier, scopesOverlap } from '../domain/duplicate-key.js';
import { ACTIVE_HO_STATES, ACTIVE_PO_STATES } from '../domain/opportunity-state-machines.js';
import { DuplicateLock, Opportunity } from '../entities/opportunity.entities.js';
import { OpportunityErrors } from '../opportunity.errors.js';
import type { DuplicateOverrideDto } from '../dto/opportunity.dto.js';

export function anchorOf(o: Opportunity): Date | null {
  return o.origin === 'po' ? o.reviewApprovedAt : o.crmCreatedAt;
}

@Injectable()
export class DuplicateGuard {
  async lockKey(t: RequestContext, key: string): Promise<void> {
    const em = t.em!;
    await em
      .createQueryBuilder()
      .insert()
      .into(DuplicateLock)
      .values({ id: cryptoId(), customerNameNormalized: key })
      .orIgnore()
      .execute();
    await findOneForUpdate(em, DuplicateLock, { customerNameNormalized: key });
  }

  /** The winning duplicate of `self` when it would hold the key at `anchor`, else null. */
  async findWinner(
    t: RequestContext,
    self: Opportunity,
    anchor: Date,
    anchoredNow: boolean,
  ): Promise<Opportunity | null> {
    if (!self.customerNameNormalized) return null;
    const em = t.em!;
    const candidates = await em.find(Opportunity, {
      where: {
        customerNameNormalized: self.customerNameNormalized,
        id: Not(self.id),
        status: In([...new Set([...ACTIVE_PO_STATES, ...ACTIVE_HO_STATES])]),
      },
      order: { id: 'ASC' },
    });
    const me = { id: self.id, anchor };
    const winners = candidates.filter((c) => {
      const active =
        c.origin === 'po' ? ACTIVE_PO_STATES.includes(c.status) : ACTIVE_HO_STATES.includes(c.status);
      if (!active || !scopesOverlap(c.offeringIds ?? [], self.offeringIds ?? [])) return false;
      // OPP-032: a verified PO of another partner locks the key whatever the anchors
      const verifiedLock =
        c.origin === 'po' &&
        ['verified', 'in_progress'].includes(c.status) &&
        c.partnerAccountId !== self.partnerAccountId;
      const a = anchorOf(c);
      if (verifiedLock) return true;
      if (a === null) return false;
      // an anchor taken right now (PDM approval) loses to every active one already holding the key, even in
      // the same millisecond: that one committed first; between two stored anchors the lower id breaks ties
      return anchoredNow ? a.getTime() <= anchor.getTime() : anchoredEarlier({ id: c.id, anchor: a }, me);
    });
    winners.sort((x, y) =>
      anchoredEarlier({ id: x.id, anchor: anchorOf(x)! }, { id: y.id, anchor: anchorOf(y)! }) ? -1 : 1,
    );
    return winners[0] ?? null;
  }

  /**
   * OPP-033/OPP-034: refuses with 409 OPP_DUPLICATE (details.duplicate_of_id) unless the reviewer overrides
   * with `not_duplicate: true` and a justification (400 OPP_REASON_REQUIRED without one). Returns the
   * overridden duplicate's id (for the audit) or null.
   */
  async assertNoDuplicate(
    t: RequestContext,
    self: Opportunity,
    anchor: Date,
    override: DuplicateOverrideDto,
    anchoredNow = false,
  ): Promise<string | null> {
    if (override.not_duplicate === true && !(override.justification ?? '').trim()) {
      throw OpportunityErrors.fail('OPP_REASON_REQUIRED', 'not_duplicate needs a justification', {
        field: 'justification',
      });
    }
    if (!self.customerNameNormalized) return null;
    await this.lockKey(t, self.customerNameNormalized);
    const winner = await this.findWinner(t, self, anchor, anchoredNow);
    if (!winner) return null;
    if (override.not_duplicate === true) return winner.id;
    throw OpportunityErrors.fail(
      'OPP_DUPLICATE',
      `Duplicate of opportunity ${winner.id} for the same customer and demand`,
      { duplicate_of_id: winner.id },
    );
  }
}

function cryptoId(): string {
  return globalThis.crypto.randomUUID();
}
