import type { AuditService } from '../../../../libs/audit/index.js';
import { StateMachine } from '../../../../libs/state-machine/index.js';
import { HO_MACHINE, PO_MACHINE } from '../domain/opportunity-state-machines.js';
import type { Opportunity, OpportunityStatus } from '../entities/opportunity.entities.js';

/** The PO and HO state machines every opportunity service moves its rows through (stateless besides the audit). */
export class OpportunityMachines {
  readonly po: StateMachine<OpportunityStatus, Opportunity>;
  readonly ho: StateMachine<OpportunityStatus, Opportunity>;

  constructor(audit: AuditService) {
    this.po = new StateMachine(PO_MACHINE, audit);
    this.ho = new StateMachine(HO_MACHINE, audit);
  }

  /** The machine of the opportunity's origin. */
  of(o: Opportunity): StateMachine<OpportunityStatus, Opportunity> {
    return o.origin === 'po' ? this.po : this.ho;
  }
}
