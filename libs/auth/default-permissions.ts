/**
 * FAQ table 7-1 (org.md "Permissions"): default permission keys per partner identity, added automatically to
 * every org member holding at least one role (ORG-004). Identity `basic` (onboarded only, or PCE only) gets
 * the `path` column without `build.solution.view` (org.md Open point 1).
 */
import type { PartnerIdentity } from './permission-registry.js';

const BOTH = [
  'info.home_account.view',
  'info.company.view',
  'info.profile.view',
  'info.account.view',
  'info.account.edit',
  'info.credentials.manage',
  'support.news.view',
  'support.realname.view',
] as const;

export const DEFAULT_PERMISSIONS: Readonly<Record<PartnerIdentity, readonly string[]>> = {
  reseller: [
    ...BOTH,
    'sales.account.view_balance',
    'sales.account.topup',
    'sales.account.withdraw',
    'sales.account.set_balance_alert',
  ],
  path: [...BOTH, 'build.solution.view'],
  basic: [...BOTH],
};

/**
 * Keys tied to an identity are never effective for another identity, whatever a role says (ORG-015):
 * `sales.account.*` only for `reseller`, `build.solution.view` only for `path`.
 */
export function isKeyAllowedForIdentity(key: string, identity: PartnerIdentity): boolean {
  if (key.startsWith('sales.account.')) return identity === 'reseller';
  if (key === 'build.solution.view') return identity === 'path';
  return true;
}
