import { describe, expect, it } from '@jest/globals';
import type { AuditService } from '../../../../libs/audit/index.js';
import { StateMachine } from '../../../../libs/state-machine/index.js';
import { continueWith, expiresAtFor, isLinkExpired } from './quick-registration.js';
import { QUICK_REGISTRATION_MACHINE } from './state-machines.js';

describe('quick registration rules (FAQ 5.1.14/5.1.15)', () => {
  it('INFO-043 expires_at = verified_at + 24 h; expired only when now > expires_at', () => {
    const expiresAt = expiresAtFor(new Date('2025-03-01T10:00:00+08:00'));
    expect(expiresAt.toISOString()).toBe('2025-03-02T02:00:00.000Z');
    expect(isLinkExpired({ expiresAt }, new Date('2025-03-02T09:59:00+08:00'))).toBe(false);
    expect(isLinkExpired({ expiresAt }, new Date('2025-03-02T10:00:00+08:00'))).toBe(false);
    expect(isLinkExpired({ expiresAt }, new Date('2025-03-02T10:01:00+08:00'))).toBe(true);
    expect(isLinkExpired({ expiresAt: null }, new Date('2030-01-01T00:00:00Z'))).toBe(false);
  });

  it('INFO-045 the UI continues with the original purpose', () => {
    expect(continueWith('join_solution_provider')).toBe('join_solution_provider');
    expect(continueWith('join_path_for_level_upgrade')).toBe('explore_paths');
    expect(continueWith('join_cloud_reseller')).toBe('await_distributor_invitation');
  });

  it('QuickRegistration.status: code_sent → verified → consumed | expired, nothing else', () => {
    const machine = new StateMachine(QUICK_REGISTRATION_MACHINE, {} as AuditService);
    expect(machine.table()).toEqual([
      { from: 'code_sent', to: 'verified' },
      { from: 'verified', to: 'consumed' },
      { from: 'verified', to: 'expired' },
    ]);
    expect(machine.canTransition('code_sent', 'consumed')).toBe(false);
    expect(machine.canTransition('expired', 'verified')).toBe(false);
  });
});
