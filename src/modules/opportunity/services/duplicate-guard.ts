/**
 * Duplicate protection against the database (opportunity.md OPP-030…OPP-034). Every duplicate-sensitive
 * decision first locks the row of its normalised customer name (`opp_duplicate_lock`, upserted, see
 * `lockKey`), so two reviewers approving POs of two partners for the same customer serialise on MySQL/MariaDB;
 * SQLite serialises writers anyway. Then it looks for an active opportunity with the same key and an earlier
 * anchor, or a verified PO of another partner (OPP-032).
 *
 * MySQL/MariaDB (InnoDB REPEATABLE READ): the transaction waiting for the key lock has usually taken its read
 * snapshot already (any plain SELECT before the lock, e.g. the rep office of the PO), so a plain SELECT after
 * the wait would still see the winner's opportunity as it was before the winner committed — both approvals
 * passed. The candidates are therefore read with a locking read (`LOCK IN SHARE MODE`), which always reads
 * the latest committed rows. Lock order: key row → opportunity rows. Callers that lock their own opportunity
 * row first take the key with `lockKeyOf` before it; otherwise two racing approvals would each hold their own
 * PO row and wait for the other's (a deadlock, retried by TransactionRunner, but avoidable).
 */
import { Injectable } from '@nestjs/common';
import { In, Not } from 'typeorm';
import type { RequestContext } from '../../../../libs/context/index.js';
import { dbKind } from '../../../../libs/persistence/index.js';
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
  /**
   * Locks the key row of `key` for this transaction, creating it when missing, in one statement: an upsert
   * (`INSERT … ON DUPLICATE KEY UPDATE` on MySQL/MariaDB) takes the exclusive lock on the existing row at once,
   * or inserts it while a concurrent creator waits for it. Neither `INSERT IGNORE` (a shared lock first: two
   * transactions upgrading it to FOR UPDATE deadlock) nor `SELECT … FOR UPDATE` of a missing row (a gap lock
   * in each transaction, then both inserts wait for each other) is safe here.
   */
  async lockKey(t: RequestContext, key: string): Promise<void> {
    await t
      .em!.createQueryBuilder()
      .insert()
      .into(DuplicateLock)
      .values({ id: cryptoId(), customerNameNormalized: key })
      .orUpdate(['customer_name_normalized'], ['customer_name_normalized'])
      .execute();
  }

  /**
   * Locks the key of an existing opportunity before the caller locks the opportunity row itself (lock order
   * key → opportunity, see the file comment). `assertNoDuplicate` locks the key again (a no-op then), and
   * locks the right one should the name have changed in between.
   */
  async lockKeyOf(t: RequestContext, opportunityId: string): Promise<void> {
    const row = await t.em!.findOne(Opportunity, {
      select: { id: true, customerNameNormalized: true },
      where: { id: opportunityId },
    });
    if (row?.customerNameNormalized) await this.lockKey(t, row.customerNameNormalized);
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
      // a locking read sees what the transactions that held the key before us committed (file comment)
      ...(dbKind() === 'mysql' ? { lock: { mode: 'pessimistic_read' as const } } : {}),
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
