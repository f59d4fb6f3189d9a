/**
 * Basic info (FAQ 6.1; info.md INFO-012…INFO-022) and deregistration (FAQ 4.4.1, 5.1.12, 5.2.8, 5.3.8;
 * INFO-035…INFO-040): the change-request state machine as data and the pure membership rules.
 */
import type { StateMachineDefinition } from '../../../../libs/state-machine/index.js';
import type { PathMembershipView, ProgramMembershipView } from '../../certification/index.js';
import type {
  ChangeRequestStatus,
  CompanyInfoChangeRequest,
} from '../entities/company-info-change-request.entity.js';

/**
 * CompanyInfoChangeRequest.status (info.md): → pending_review (partner admin of the primary account);
 * pending_review → approved (system on registry `pass`, or operations) | rejected (operations) | withdrawn
 * (the requester, before a decision). Leaving `pending_review` frees the entity's open-request slot.
 */
export const CHANGE_REQUEST_MACHINE: StateMachineDefinition<ChangeRequestStatus, CompanyInfoChangeRequest> = {
  entityType: 'company_info_change_request',
  eventPrefix: 'info.company_change',
  transitions: {
    pending_review: ['approved', 'rejected', 'withdrawn'],
    approved: [],
    rejected: [],
    withdrawn: [],
  },
  invalidTransitionCode: 'INFO_CHANGE_REQUEST_NOT_PENDING',
  partnerAccountId: (r) => r.partnerAccountId,
  snapshot: (r) => ({
    status: r.status,
    legal_entity_id: r.legalEntityId,
    changes: r.changes,
    license_file_id: r.licenseFileId,
    extracted_code: r.extractedCode,
    registry_result: r.registryResult,
    reviewer_id: r.reviewerId,
    reject_reason: r.rejectReason,
  }),
};

/** Programs whose joining removes customer identity (INFO-019). */
const RESELLER_PROGRAMS = new Set(['solution_provider', 'distributor', 'cloud_reseller']);

/**
 * INFO-019: an account keeps customer identity until it has *joined* the solution provider, distributor or
 * cloud reseller program — a membership that ever reached `active` (it stays counted when `expired` or
 * `exited`); pending, rejected or withdrawn applications do not count. Joining removes it for good.
 */
export function hasCustomerIdentity(programs: readonly ProgramMembershipView[]): boolean {
  return !programs.some((p) => RESELLER_PROGRAMS.has(p.program) && (p.everActive || p.status === 'active'));
}

export type DeregistrationReason =
  'path_membership_active' | 'solution_provider_member' | 'distributor_member' | 'cloud_reseller_active';

/**
 * INFO-035: every reason that blocks deregistration, evaluated together and in this fixed order.
 * - INFO-036 any development-path membership still `active`;
 * - INFO-037 an SP membership that ever joined (`active`/`expired`/`exited`, Open point 6: never after an exit)
 *   or an SP application `pending_review` (decision: its approval would make the account undeletable);
 * - INFO-038 a distributor membership that ever joined (`active`/`expired`/`exited`);
 * - INFO-039 a cloud-reseller membership `pending_review`/`pending_distributor_review`/`active` (after exit or
 *   expiry the account may go).
 */
export function deregistrationReasons(
  paths: readonly PathMembershipView[],
  programs: readonly ProgramMembershipView[],
): DeregistrationReason[] {
  const joined = (p: ProgramMembershipView) =>
    p.everActive || ['active', 'expired', 'exited'].includes(p.status);
  const reasons: DeregistrationReason[] = [];
  if (paths.some((p) => p.status === 'active')) reasons.push('path_membership_active');
  if (
    programs.some((p) => p.program === 'solution_provider' && (joined(p) || p.status === 'pending_review'))
  ) {
    reasons.push('solution_provider_member');
  }
  if (programs.some((p) => p.program === 'distributor' && joined(p))) reasons.push('distributor_member');
  if (
    programs.some(
      (p) =>
        p.program === 'cloud_reseller' &&
        ['pending_review', 'pending_distributor_review', 'active'].includes(p.status),
    )
  ) {
    reasons.push('cloud_reseller_active');
  }
  return reasons;
}

/** Masks a bound mobile (`139****5678`) or e-mail (`ab***@example.test`) for the profile (6.1.1). */
export function maskMobile(mobile: string | null): string | null {
  if (!mobile) return null;
  return mobile.length <= 7 ? '****' : `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
}

export function maskEmail(email: string | null): string | null {
  if (!email) return null;
  const at = email.indexOf('@');
  if (at < 0) return '***';
  return `${email.slice(0, Math.min(2, at))}***${email.slice(at)}`;
}

/** An operations ticket number (`ticket_no`, info.md Permissions): 1–32 letters, digits or `_-./`. */
export const TICKET_RE = /^[A-Za-z0-9][A-Za-z0-9_\-./]{0,31}$/;
