/** Quick registration rules as pure functions (info.md INFO-043, INFO-045; FAQ 5.1.14/5.1.15). */
import type { QuickRegistration, QuickRegistrationPurpose } from '../entities/quick-registration.entity.js';

/** INFO-043: after a successful verification the new account must be registered within 24 hours. */
export const QUICK_REGISTRATION_WINDOW_MS = 24 * 3600 * 1000;

export function expiresAtFor(verifiedAt: Date): Date {
  return new Date(verifiedAt.getTime() + QUICK_REGISTRATION_WINDOW_MS);
}

/** The state table's "`now > expires_at`": registration at exactly `expires_at` is still in time. */
export function isLinkExpired(q: Pick<QuickRegistration, 'expiresAt'>, now: Date): boolean {
  return !!q.expiresAt && now.getTime() > q.expiresAt.getTime();
}

/**
 * INFO-045: after the new account onboarded, the UI continues with the original purpose — join the SP program
 * (5.1.14 step 9), explore the development paths (5.1.15 step 9), or wait for a distributor's invitation (004).
 */
export type QuickRegistrationNextStep =
  'join_solution_provider' | 'explore_paths' | 'await_distributor_invitation';

export function continueWith(purpose: QuickRegistrationPurpose): QuickRegistrationNextStep {
  switch (purpose) {
    case 'join_solution_provider':
      return 'join_solution_provider';
    case 'join_path_for_level_upgrade':
      return 'explore_paths';
    case 'join_cloud_reseller':
      return 'await_distributor_invitation';
  }
}
