import { defineErrors } from '../../../../libs/errors/index.js';

/**
 * Error codes of the development paths (certification-paths.md PATH-001…PATH-024; GLOSSARY convention 2). The
 * exclusivity codes shared with programs (PROG_PATH_EXCLUSIVE, PROG_ACCOUNT_ABANDONED) live in
 * `certification.errors.ts`.
 */
export const PathErrors = defineErrors({
  PATH_SI_INVITATION_ONLY: {
    status: 403,
    message:
      'Only invited partners can join the digital transformation consulting & system integration path.',
  },
  PATH_ALREADY_JOINED: { status: 409, message: 'This account is already on this development path.' },
  PATH_STAGE_SKIP_NOT_ALLOWED: {
    status: 422,
    message: 'Pass role certification before applying for capability differentiation.',
  },
  /** decision: applying for a stage the membership already holds (not named by the spec) */
  PATH_STAGE_ALREADY_REACHED: { status: 409, message: 'The membership has already reached this stage.' },
  PATH_CRITERIA_NOT_MET: { status: 422, message: 'The criteria of this stage are not met.' },
  PATH_APPLICATION_PENDING: {
    status: 409,
    message: 'A stage application of this membership is already under review.',
  },
  PATH_STAGE_AUTOMATIC: {
    status: 409,
    message:
      'Software path stages follow the solution certifications automatically; use the stage evaluation.',
  },
  PATH_CASE_TOO_OLD: { status: 422, message: 'The case must be from the last 12 months.' },
  PATH_CASE_PUBLIC_URL_REQUIRED: {
    status: 422,
    message: 'Non-Huawei-Cloud cases must be publicly published.',
  },
  PATH_CASE_NOT_FOUND: { status: 404, message: 'Service case not found.' },
  PATH_EMPLOYMENT_PROOF_MISSING: {
    status: 422,
    message: 'Every counted certificate holder must be covered by an employment proof.',
  },
  PATH_EMPLOYMENT_PROOF_ISSUER_MISMATCH: {
    status: 422,
    message: 'The employment certificate must be issued and sealed by the certifying company.',
  },
  PATH_EMPLOYMENT_PROOF_NOT_FOUND: { status: 404, message: 'Employment proof not found.' },
  PATH_BP_MATERIALS_MISSING: {
    status: 422,
    message: 'Upload the company presentation and the business plan in the Huawei template.',
  },
  PATH_ATTESTATION_MISSING: {
    status: 422,
    message: 'Every reviewer attestation of this stage must be confirmed before approval.',
  },
  PATH_REASON_REQUIRED: { status: 400, message: 'A reason is required.' },
  PATH_REVIEW_NOT_OPEN: { status: 409, message: 'The review submission period is closed.' },
  PATH_REVIEW_NOT_FOUND: { status: 404, message: 'Annual review not found.' },
  PATH_EXIT_BLOCKED: { status: 409, message: 'This path cannot be exited.' },
  PATH_EXIT_BLOCKED_BY_SOLUTION: { status: 409, message: 'This path cannot be exited.' },
  PATH_EXIT_BLOCKED_BY_BENEFIT: { status: 409, message: 'This path cannot be exited.' },
  PATH_NOT_ACTIVE: { status: 409, message: 'This path membership is no longer active.' },
  PATH_NOT_FOUND: { status: 404, message: 'Development path membership not found.' },
  PATH_APPLICATION_NOT_FOUND: { status: 404, message: 'Stage application not found.' },
  PATH_CERTIFICATE_NOT_FOUND: { status: 404, message: 'Partner certificate not found.' },
  PATH_WHITELIST_ENTRY_NOT_FOUND: { status: 404, message: 'The legal entity is not on the SI whitelist.' },
  PATH_LEGAL_ENTITY_NOT_FOUND: { status: 404, message: 'Legal entity not found.' },
  PATH_NOT_SI: { status: 409, message: 'Interlocks exist only on the SI path.' },
});
