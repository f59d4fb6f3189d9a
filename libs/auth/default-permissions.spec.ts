/**
 * org.md table 7-1 (ORG-004 defaults per partner identity) and ORG-015 (identity-restricted keys) as data.
 */
import { describe, expect, it } from '@jest/globals';
import { DEFAULT_PERMISSIONS, isKeyAllowedForIdentity } from './default-permissions.js';
import { definePermissions, isPermissionKey } from './permission-registry.js';

const BOTH = [
  'info.home_account.view',
  'info.company.view',
  'info.profile.view',
  'info.account.view',
  'info.account.edit',
  'info.credentials.manage',
  'support.news.view',
  'support.realname.view',
];
const RESELLER_ONLY = [
  'sales.account.view_balance',
  'sales.account.topup',
  'sales.account.withdraw',
  'sales.account.set_balance_alert',
];

describe('ORG-004 table 7-1 default permissions', () => {
  it('reseller identity: the shared keys plus the account-balance keys', () => {
    expect([...DEFAULT_PERMISSIONS.reseller].sort()).toEqual([...BOTH, ...RESELLER_ONLY].sort());
  });

  it('path identity: the shared keys plus build.solution.view', () => {
    expect([...DEFAULT_PERMISSIONS.path].sort()).toEqual([...BOTH, 'build.solution.view'].sort());
  });

  it('basic identity (org.md Open point 1): the path column without build.solution.view', () => {
    expect([...DEFAULT_PERMISSIONS.basic].sort()).toEqual([...BOTH].sort());
  });

  it('every default key is allowed for its own identity and follows GLOSSARY convention 1', () => {
    for (const [identity, keys] of Object.entries(DEFAULT_PERMISSIONS)) {
      for (const key of keys) {
        expect([
          identity,
          key,
          isKeyAllowedForIdentity(key, identity as keyof typeof DEFAULT_PERMISSIONS),
        ]).toEqual([identity, key, true]);
        expect(key).toMatch(/^[a-z]+\.[a-z0-9_]+\.[a-z0-9_]+$/);
      }
    }
  });
});

describe('ORG-015 identity-restricted keys', () => {
  it.each([
    ['sales.account.view_balance', 'reseller', true],
    ['sales.account.view_balance', 'path', false],
    ['sales.account.withdraw', 'basic', false],
    ['sales.account.topup', 'path', false],
    ['build.solution.view', 'path', true],
    ['build.solution.view', 'reseller', false],
    ['build.solution.view', 'basic', false],
    ['info.company.view', 'basic', true],
    ['sales.customer.view', 'path', true],
    ['build.solution.manage', 'reseller', true],
  ] as const)('%s for %s → %s', (key, identity, allowed) => {
    expect(isKeyAllowedForIdentity(key, identity)).toBe(allowed);
  });
});

describe('permission keys are data per module', () => {
  it('definePermissions registers keys of its own module only, in <module>.<resource>.<action> form', () => {
    const keys = definePermissions('spec', { Thing: 'spec.thing.view' });
    expect(keys.Thing).toBe('spec.thing.view');
    expect(isPermissionKey('spec.thing.view')).toBe(true);
    expect(() => definePermissions('spec', { Bad: 'spec.Thing.view' })).toThrow('bad permission key');
    expect(() => definePermissions('spec', { Bad: 'spec.thing' })).toThrow('bad permission key');
    expect(() => definePermissions('spec', { Other: 'info.thing.view' })).toThrow('outside module spec');
  });
});
