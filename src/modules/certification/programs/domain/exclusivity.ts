/**
 * The program exclusivity matrix (certification-paths.md "Program exclusivity matrix", PROG-002, PROG-003,
 * PROG-011, PROG-013, PROG-015, PROG-017) as one pure function, applied on application, invitation, invitation
 * acceptance and approval. Per partner account; other accounts of the same legal entity are not affected
 * (except the SP quota, PROG-005, checked separately).
 *
 * "Has" means: path membership `active`; SP / distributor / cloud-reseller membership in any status except
 * `rejected` / `withdrawn`; PCE `active`.
 */
import type { DevelopmentPath, ProgramCode, ProgramMembershipStatus } from '../../ports/membership.port.js';
import type { TableProgram } from '../entities/program.entities.js';

export interface AccountStanding {
  abandoned: boolean;
  /** paths with an `active` membership */
  activePaths: readonly DevelopmentPath[];
  /** the account's SP / distributor / cloud-reseller memberships (own tables) */
  programs: ReadonlyArray<{ program: TableProgram; status: ProgramMembershipStatus; everActive: boolean }>;
  pce: 'active' | 'exited' | null;
}

export interface ExclusivityConflict {
  code:
    | 'PROG_ACCOUNT_ABANDONED'
    | 'PROG_PATH_EXCLUSIVE'
    | 'PROG_PROGRAM_EXCLUSIVE'
    | 'PROG_FORMER_RESELLER_ACCOUNT'
    | 'PROG_ALREADY_MEMBER';
  details: Record<string, unknown>;
}

/**
 * Programs that block a distributor invitation / acceptance (PROG-013, Open point 6: configuration
 * `distributorInvitationBlockingPrograms`, default all programs, PCE included).
 */
export const DEFAULT_DISTRIBUTOR_BLOCKING_PROGRAMS: readonly ProgramCode[] = [
  'solution_provider',
  'distributor',
  'cloud_reseller',
  'pce',
];

const NOT_COUNTING: readonly ProgramMembershipStatus[] = ['rejected', 'withdrawn'];

/** The first conflict for an account that wants to join `wants`, or null when the matrix allows it. */
export function exclusivityConflict(
  wants: TableProgram,
  s: AccountStanding,
  distributorBlocking: readonly ProgramCode[] = DEFAULT_DISTRIBUTOR_BLOCKING_PROGRAMS,
): ExclusivityConflict | null {
  const quick = wants === 'cloud_reseller' ? {} : { quick_registration_available: true };
  if (s.abandoned) return { code: 'PROG_ACCOUNT_ABANDONED', details: {} };
  if (s.activePaths.length) {
    return { code: 'PROG_PATH_EXCLUSIVE', details: { conflicting_paths: [...s.activePaths], ...quick } };
  }
  const has = s.programs.filter((p) => !NOT_COUNTING.includes(p.status));
  const same = has.find((p) => p.program === wants);
  if (same) return { code: 'PROG_ALREADY_MEMBER', details: { program: wants, status: same.status } };
  for (const p of has) {
    if (wants === 'cloud_reseller') {
      // SP / distributor accounts never become cloud resellers (5.1.10, 12.1.9.27; distributor: decision)
      const former = p.everActive || ['active', 'expired', 'exited'].includes(p.status);
      return former
        ? { code: 'PROG_FORMER_RESELLER_ACCOUNT', details: { conflicting_program: p.program } }
        : { code: 'PROG_PROGRAM_EXCLUSIVE', details: { conflicting_program: p.program } };
    }
    if (wants === 'distributor' && !distributorBlocking.includes(p.program)) continue;
    return { code: 'PROG_PROGRAM_EXCLUSIVE', details: { conflicting_program: p.program, ...quick } };
  }
  // PCE blocks only the distributor invitation (5.2.2 taken literally, Open point 6)
  if (wants === 'distributor' && s.pce === 'active' && distributorBlocking.includes('pce')) {
    return { code: 'PROG_PROGRAM_EXCLUSIVE', details: { conflicting_program: 'pce', ...quick } };
  }
  return null;
}
