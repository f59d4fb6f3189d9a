import { defineErrors } from '../../../../libs/errors/index.js';

/**
 * Error codes of capability-label certification (certification-labels.md "Error catalogue"; GLOSSARY convention
 * 2). Codes below the catalogue block are decisions for cases the spec does not name.
 */
export const LabelErrors = defineErrors({
  LABEL_NOT_FOUND: { status: 404, message: 'Capability label not found.' },
  LABEL_INACTIVE: { status: 422, message: 'This capability label is not open for certification.' },
  LABEL_PATH_REQUIRED: {
    status: 422,
    message: 'Join a development path before applying for a capability label.',
  },
  LABEL_CERT_IN_PROGRESS: { status: 409, message: 'A certification for this label is already in progress.' },
  LABEL_ALREADY_HELD: { status: 409, message: 'Your account already holds this label.' },
  LABEL_EVIDENCE_MISSING: { status: 400, message: 'Evidence missing for item {item_code}.' },
  LABEL_SUPPLEMENT_ITEMS_REQUIRED: {
    status: 400,
    message: 'Name the items that need supplementary materials.',
  },
  LABEL_COMMENTS_UNANSWERED: { status: 422, message: 'Answer or confirm every pre-review comment.' },
  LABEL_DEFENSE_NOT_HELD: { status: 409, message: 'The technical defense has not been held yet.' },
  LABEL_STEP_OUT_OF_ORDER: {
    status: 409,
    message: 'Step transitions must follow the certification process.',
  },
  LABEL_CLOSE_TOO_EARLY: { status: 409, message: 'The partner step is not overdue yet.' },
  LABEL_IMPROVEMENT_SUGGESTION_REQUIRED: {
    status: 400,
    message: 'Every failed evaluation item needs an improvement suggestion.',
  },
  LABEL_CLARIFICATION_NOT_ALLOWED: {
    status: 409,
    message: 'Clarification can be requested only during technical review steps.',
  },
  // --- decisions -------------------------------------------------------------------------------------------
  LABEL_CERT_NOT_FOUND: { status: 404, message: 'Label certification not found.' },
  LABEL_HELD_NOT_FOUND: { status: 404, message: 'Held capability label not found.' },
  LABEL_ITEM_UNKNOWN: { status: 400, message: 'Unknown evaluation item {item_code}.' },
  LABEL_FILES_REQUIRED: { status: 400, message: 'Add or replace at least one file.' },
  LABEL_COMMENT_REQUIRED: { status: 400, message: 'A comment is required.' },
  LABEL_REASON_REQUIRED: { status: 400, message: 'A reason is required.' },
  LABEL_ARCHIVE_MATERIALS_REQUIRED: {
    status: 400,
    message: 'List the archive materials the partner must supply.',
  },
  LABEL_ITEM_RESULTS_INCOMPLETE: { status: 400, message: 'Every evaluation item needs a pass/fail result.' },
  LABEL_MANDATORY_ITEM_FAILED: {
    status: 422,
    message: 'A passed certification needs every mandatory evaluation item to pass.',
  },
  LABEL_ARCHIVE_LOOPS_EXHAUSTED: {
    status: 409,
    message: 'Archive materials were already requested twice; send the application to countersign.',
  },
  LABEL_ALREADY_SIGNED: { status: 409, message: 'This countersign seat has already signed.' },
  LABEL_CODE_TAKEN: { status: 409, message: 'A capability label with this code already exists.' },
});
