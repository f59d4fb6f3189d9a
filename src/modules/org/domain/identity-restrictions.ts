/**
 * ORG-015 identity-restricted menus beyond table 7-1's columns. `libs/auth` knows the three identities
 * (`sales.account.*` only for `reseller`, `build.solution.view` only for `path`); the finer restrictions need
 * the account's programs and expansion flags, which only the org module reads:
 *   - `support.capability_opening.*` only for solution providers and distributors (12.3.3, 002);
 *   - `sales.incentive.view` / `sales.incentive.manage` never for cloud resellers (12.3.4) — decision: an
 *     account with an active cloud-reseller membership never holds them, whatever else it is;
 *   - customer expansion (`sales.customer.file`, `sales.customer.invite`) not for channel-only distributor
 *     accounts (12.2.3, SALES-043): an active distributor whose account expands channels but not customers.
 * A restricted key is neither grantable (ORG-014) nor effective (ORG-004), for members and the partner admin.
 */
import { type PartnerIdentity, isKeyAllowedForIdentity } from '../../../../libs/auth/index.js';

export interface AccountPermissionFacts {
  identity: PartnerIdentity;
  /** programs with an `active` membership */
  activePrograms: readonly string[];
  channelExpansionAccount: boolean;
  customerExpansionAccount: boolean;
}

export function isKeyAllowedForAccount(key: string, facts: AccountPermissionFacts): boolean {
  if (!isKeyAllowedForIdentity(key, facts.identity)) return false;
  const has = (p: string) => facts.activePrograms.includes(p);
  if (key.startsWith('support.capability_opening.')) return has('solution_provider') || has('distributor');
  if (key === 'sales.incentive.view' || key === 'sales.incentive.manage') return !has('cloud_reseller');
  if (key === 'sales.customer.file' || key === 'sales.customer.invite') {
    const channelOnlyDistributor =
      has('distributor') && facts.channelExpansionAccount && !facts.customerExpansionAccount;
    return !channelOnlyDistributor;
  }
  return true;
}
