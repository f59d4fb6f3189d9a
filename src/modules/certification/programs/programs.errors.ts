import { defineErrors } from '../../../../libs/errors/index.js';

/**
 * Error codes of the partner programs (certification-paths.md PROG-001…PROG-023; GLOSSARY convention 2). The
 * exclusivity codes shared with path joining (PROG_PATH_EXCLUSIVE, PROG_PROGRAM_EXCLUSIVE,
 * PROG_ACCOUNT_ABANDONED) live in `certification.errors.ts`.
 */
export const ProgramErrors = defineErrors({
  PROG_INVITATION_ONLY: { status: 403, message: 'The distributor program is by invitation only.' },
  PROG_FORMER_RESELLER_ACCOUNT: {
    status: 409,
    message: 'Use an account that has never joined a reseller program, or register a new account.',
  },
  PROG_ALREADY_MEMBER: { status: 409, message: 'This account already belongs to this program.' },
  PROG_EMAIL_NOT_BOUND: { status: 422, message: 'Bind an e-mail address to your account first.' },
  PROG_SP_ENTITY_LIMIT: {
    status: 409,
    message:
      'Your company already has a solution provider account; contact your ecosystem manager for another one.',
  },
  PROG_SCORECARD_NOT_VISIBLE: {
    status: 403,
    message: "The scorecard is shown on your company's first solution provider account.",
  },
  PROG_CERTIFICATE_NOT_AVAILABLE: {
    status: 409,
    message: 'The program certificate is available for active and expired memberships only.',
  },
  PROG_NOT_MEMBER: { status: 404, message: 'This account is not a member of this program.' },
  PROG_RENEWAL_AUTOMATIC: {
    status: 403,
    message: 'Renewal is automatic after a passed annual assessment.',
  },
  PROG_ASSESSMENT_NOT_PUBLISHED: {
    status: 404,
    message: 'The assessment result of this year has not been published yet.',
  },
  PROG_LEVEL_UPGRADE_NOT_ELIGIBLE: {
    status: 422,
    message: 'The conditions for the next level are not met.',
  },
  PROG_LEVEL_UPGRADE_PENDING: {
    status: 409,
    message: 'A level upgrade application is already under review.',
  },
  PROG_LEVEL_UPGRADE_NOT_FOUND: { status: 404, message: 'Level upgrade application not found.' },
  PROG_EXIT_VIA_ECOSYSTEM_MANAGER: {
    status: 403,
    message: 'Contact your ecosystem manager to leave this program.',
  },
  PROG_INVITATION_NOT_PENDING: { status: 409, message: 'This invitation is no longer pending.' },
  PROG_INVITATION_NOT_FOUND: { status: 404, message: 'Invitation not found.' },
  /** decision: one pending distributor invitation per account (not named by the spec) */
  PROG_INVITATION_ALREADY_PENDING: {
    status: 409,
    message: 'This account already has a pending invitation to this program.',
  },
  PROG_DISTRIBUTOR_NOT_ACTIVE: { status: 422, message: 'The named distributor is not active.' },
  PROG_DISTRIBUTOR_NOT_FOUND: { status: 404, message: 'Distributor not found.' },
  PROG_NO_LEVELS: { status: 422, message: 'Cloud resellers have no program levels.' },
  PROG_CHANGE_DISTRIBUTOR_NOT_SUPPORTED: {
    status: 409,
    message:
      'A cloud reseller cannot change its distributor; exit, register a new account and accept the new distributor’s invitation.',
  },
  PROG_NOT_RENEWABLE: { status: 409, message: 'An exited membership cannot be renewed.' },
  PROG_MEMBERSHIP_NOT_FOUND: { status: 404, message: 'Program membership not found.' },
  PROG_APPLICATION_NOT_FOUND: { status: 404, message: 'Cloud reseller application not found.' },
  PROG_ACCOUNT_NOT_FOUND: { status: 404, message: 'Partner account not found.' },
  PROG_REASON_REQUIRED: { status: 400, message: 'A reason is required.' },
  PROG_ASSESSMENT_UPLOAD_INVALID: {
    status: 400,
    message: 'The assessment file is invalid; nothing was imported.',
  },
});
