import { describe, expect, it } from '@jest/globals';
import { type AccountPermissionFacts, isKeyAllowedForAccount } from './identity-restrictions.js';

const facts = (over: Partial<AccountPermissionFacts> = {}): AccountPermissionFacts => ({
  identity: 'reseller',
  activePrograms: ['solution_provider'],
  channelExpansionAccount: false,
  customerExpansionAccount: true,
  ...over,
});

describe('ORG-015 identity-restricted keys', () => {
  it('ORG-015 table 7-1 restrictions: sales.account.* only for reseller, build.solution.view only for path', () => {
    expect(isKeyAllowedForAccount('sales.account.topup', facts())).toBe(true);
    expect(isKeyAllowedForAccount('sales.account.topup', facts({ identity: 'path' }))).toBe(false);
    expect(isKeyAllowedForAccount('build.solution.view', facts())).toBe(false);
    expect(
      isKeyAllowedForAccount('build.solution.view', facts({ identity: 'path', activePrograms: [] })),
    ).toBe(true);
    expect(
      isKeyAllowedForAccount('build.solution.view', facts({ identity: 'basic', activePrograms: [] })),
    ).toBe(false);
  });

  it('ORG-015 capability opening only for solution providers and distributors, never cloud resellers', () => {
    const key = 'support.capability_opening.manage';
    expect(isKeyAllowedForAccount(key, facts())).toBe(true);
    expect(isKeyAllowedForAccount(key, facts({ activePrograms: ['distributor'] }))).toBe(true);
    expect(isKeyAllowedForAccount(key, facts({ activePrograms: ['cloud_reseller'] }))).toBe(false);
    expect(isKeyAllowedForAccount(key, facts({ identity: 'path', activePrograms: [] }))).toBe(false);
  });

  it('ORG-015 incentives never for cloud resellers', () => {
    expect(isKeyAllowedForAccount('sales.incentive.view', facts())).toBe(true);
    expect(
      isKeyAllowedForAccount('sales.incentive.manage', facts({ activePrograms: ['cloud_reseller'] })),
    ).toBe(false);
    expect(
      isKeyAllowedForAccount(
        'sales.incentive.view',
        facts({ activePrograms: ['solution_provider', 'cloud_reseller'] }),
      ),
    ).toBe(false);
  });

  it('ORG-015 customer expansion not for channel-only distributor accounts', () => {
    const channelOnly = facts({
      activePrograms: ['distributor'],
      channelExpansionAccount: true,
      customerExpansionAccount: false,
    });
    expect(isKeyAllowedForAccount('sales.customer.file', channelOnly)).toBe(false);
    expect(isKeyAllowedForAccount('sales.customer.invite', channelOnly)).toBe(false);
    expect(isKeyAllowedForAccount('sales.customer.view', channelOnly)).toBe(true);
    expect(
      isKeyAllowedForAccount('sales.customer.file', { ...channelOnly, customerExpansionAccount: true }),
    ).toBe(true);
    expect(isKeyAllowedForAccount('sales.customer.invite', facts())).toBe(true);
  });
});
