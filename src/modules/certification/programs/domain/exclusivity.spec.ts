import { describe, expect, it } from '@jest/globals';
import { type AccountStanding, exclusivityConflict } from './exclusivity.js';

const clean: AccountStanding = { abandoned: false, activePaths: [], programs: [], pce: null };
const sp = (
  status: AccountStanding['programs'][number]['status'],
  everActive = status !== 'pending_review',
) => ({
  ...clean,
  programs: [{ program: 'solution_provider' as const, status, everActive }],
});

describe('PROG-002 exclusivity matrix', () => {
  it('PROG-002 a clean account may join any program; PCE does not block SP or cloud reseller', () => {
    expect(exclusivityConflict('solution_provider', clean)).toBeNull();
    expect(exclusivityConflict('distributor', clean)).toBeNull();
    expect(exclusivityConflict('cloud_reseller', { ...clean, pce: 'active' })).toBeNull();
    expect(exclusivityConflict('solution_provider', { ...clean, pce: 'active' })).toBeNull();
  });

  it('PROG-002 PROG-003 a path account cannot join any reseller program (quick registration offered)', () => {
    const path = { ...clean, activePaths: ['software' as const] };
    expect(exclusivityConflict('solution_provider', path)).toMatchObject({
      code: 'PROG_PATH_EXCLUSIVE',
      details: { quick_registration_available: true },
    });
    expect(exclusivityConflict('distributor', path)?.code).toBe('PROG_PATH_EXCLUSIVE');
    expect(exclusivityConflict('cloud_reseller', path)?.code).toBe('PROG_PATH_EXCLUSIVE');
  });

  it('PROG-013 PCE blocks the distributor invitation unless configured otherwise', () => {
    const pce = { ...clean, pce: 'active' as const };
    expect(exclusivityConflict('distributor', pce)).toMatchObject({
      code: 'PROG_PROGRAM_EXCLUSIVE',
      details: { conflicting_program: 'pce' },
    });
    expect(exclusivityConflict('distributor', pce, ['solution_provider', 'cloud_reseller'])).toBeNull();
    expect(exclusivityConflict('distributor', { ...clean, pce: 'exited' })).toBeNull();
  });

  it('PROG-011 PROG-015 an SP account never becomes a cloud reseller; a pending SP answers PROGRAM_EXCLUSIVE', () => {
    expect(exclusivityConflict('cloud_reseller', sp('expired'))?.code).toBe('PROG_FORMER_RESELLER_ACCOUNT');
    expect(exclusivityConflict('cloud_reseller', sp('exited'))?.code).toBe('PROG_FORMER_RESELLER_ACCOUNT');
    expect(exclusivityConflict('cloud_reseller', sp('pending_review'))?.code).toBe('PROG_PROGRAM_EXCLUSIVE');
    expect(exclusivityConflict('cloud_reseller', sp('rejected', false))).toBeNull();
  });

  it('PROG-002 already a member; SP vs distributor; abandoned first', () => {
    expect(exclusivityConflict('solution_provider', sp('active'))?.code).toBe('PROG_ALREADY_MEMBER');
    expect(exclusivityConflict('distributor', sp('active'))).toMatchObject({
      code: 'PROG_PROGRAM_EXCLUSIVE',
      details: { conflicting_program: 'solution_provider' },
    });
    expect(exclusivityConflict('solution_provider', { ...sp('active'), abandoned: true })?.code).toBe(
      'PROG_ACCOUNT_ABANDONED',
    );
  });
});
