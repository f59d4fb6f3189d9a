import { defineErrors } from '../../../../libs/errors/index.js';

/** Error codes of solutions and software certification (build.md error catalogue, BUILD-001…BUILD-019). */
export const SolutionErrors = defineErrors({
  SOLUTION_NOT_FOUND: { status: 404, message: 'Solution not found.' },
  SOLUTION_CERT_NOT_FOUND: { status: 404, message: 'Solution certification not found.' },
  SOLUTION_SOFTWARE_PATH_REQUIRED: {
    status: 422,
    message: 'Join the software development path before creating a solution.',
  },
  SOLUTION_COPYRIGHT_REQUIRED: {
    status: 422,
    message: 'A software copyright registration certificate is required.',
  },
  SOLUTION_MATERIAL_MISSING: { status: 400, message: 'Missing material: {material_type}.' },
  SOLUTION_BASELINE_NOT_LAUNCHED: {
    status: 422,
    message: 'The linked partner-led baseline solution has not been launched.',
  },
  SOLUTION_ARCHITECTURE_STANDARD_NOT_MET: {
    status: 422,
    message: 'The architecture must use at least 1 key cloud service or 3 high-order cloud services.',
  },
  SOLUTION_CERT_IN_PROGRESS: {
    status: 409,
    message: 'A certification of this type is already in progress for this solution.',
  },
  REVIEW_COMMENT_REQUIRED: { status: 400, message: 'A review comment is required to reject.' },
  CERT_REVIEW_OUT_OF_ORDER: {
    status: 409,
    message: 'Review steps must follow PSA pre-review, expert review, PDM review.',
  },
  CERT_BUSINESS_EXPERTS_REQUIRED: {
    status: 400,
    message: 'Advanced certification needs the software business expert group on the level-2 review.',
  },
  SOLUTION_CERT_EXPIRED: { status: 422, message: 'The solution certification has expired.' },
  SOLUTION_RECERT_TOO_EARLY: { status: 409, message: 'Re-certification opens 60 days before expiry.' },
  CERTIFICATE_NOT_AVAILABLE: {
    status: 409,
    message: 'The certificate is available only while the certification is valid.',
  },
  SOLUTION_CERT_NOT_EDITABLE: {
    status: 409,
    message: 'Only draft or rejected certifications can be edited.',
  },
});
