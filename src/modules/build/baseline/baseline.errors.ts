import { defineErrors } from '../../../../libs/errors/index.js';

/**
 * Error codes of baseline solutions, offerings and ecosystem special programs (build.md error catalogue,
 * BUILD-020…BUILD-036). The `*_NOT_FOUND`, `BASELINE_SOLUTION_ID_INVALID`, `ECOSYSTEM_MEMBERSHIP_EXISTS`,
 * `ECOSYSTEM_LEAVE_BLOCKED` and `BASELINE_NOT_EDITABLE` codes are decisions (the catalogue names none for these cases).
 */
export const BaselineErrors = defineErrors({
  BASELINE_NOT_FOUND: { status: 404, message: 'Baseline solution not found.' },
  BASELINE_PARTNER_NOT_ONBOARDED: {
    status: 422,
    message: 'Only onboarded partners can create baseline solutions.',
  },
  BASELINE_RESPONSIBILITIES_INCOMPLETE: {
    status: 400,
    message: 'Presales, delivery, O&M and operations responsibilities are required.',
  },
  BASELINE_INITIATION_MATERIAL_MISSING: {
    status: 400,
    message: 'Upload the OBP initiation guide and the feature list and complete the basic information.',
  },
  BASELINE_FEATURE_LIST_NOT_VERIFIED: {
    status: 422,
    message: 'The feature list has not passed verification.',
  },
  BASELINE_MEETING_INVALID: {
    status: 400,
    message: 'The review meeting needs a future time and a meeting link.',
  },
  BASELINE_STAGE_OUT_OF_ORDER: {
    status: 409,
    message:
      'Stages must follow create, initiation, design & verification, configurator, public beta, launch.',
  },
  BASELINE_SOLUTION_ID_MISSING: { status: 409, message: 'The solution ID from CSBI must be recorded first.' },
  BASELINE_SOLUTION_ID_INVALID: { status: 422, message: 'CSBI does not know this solution ID.' },
  BASELINE_LAUNCH_MATERIAL_MISSING: { status: 400, message: 'Upload the launch application materials.' },
  BASELINE_LAUNCH_UNCHANGED: {
    status: 422,
    message: 'Modify the launch materials according to the review comment before resubmitting.',
  },
  BASELINE_HUAWEI_LED_ADMIN_ONLY: {
    status: 403,
    message: 'Huawei-led baseline solutions are created by Huawei.',
  },
  BASELINE_LINKED_SOLUTION_NOT_FOUND: { status: 404, message: 'Solution not found.' },
  REVIEW_COMMENT_REQUIRED: { status: 400, message: 'A review comment is required to reject.' },
  BASELINE_NOT_EDITABLE: {
    status: 409,
    message: 'Only draft or rejected baseline solutions can be edited.',
  },
  ECOSYSTEM_SOFTWARE_PATH_REQUIRED: {
    status: 422,
    message: 'Join the software development path before joining an ecosystem special program.',
  },
  ECOSYSTEM_PROGRAM_NOT_JOINED: { status: 422, message: 'Join the ecosystem special program first.' },
  ECOSYSTEM_ADMISSION_NOT_READY: {
    status: 422,
    message: 'Baseline solutions must be initiated; marketplace products must have a submitted application.',
  },
  ECOSYSTEM_TECHNICAL_NOT_READY: {
    status: 422,
    message: 'The solution must be admitted and released first.',
  },
  ECOSYSTEM_ENROLLMENT_EXISTS: { status: 409, message: 'This solution is already enrolled in this program.' },
  ECOSYSTEM_ENROLLMENT_NOT_FOUND: { status: 404, message: 'Ecosystem enrollment not found.' },
  ECOSYSTEM_MEMBERSHIP_NOT_FOUND: { status: 404, message: 'Ecosystem program membership not found.' },
  ECOSYSTEM_MEMBERSHIP_EXISTS: {
    status: 409,
    message: 'This account has already applied for or joined this ecosystem special program.',
  },
  ECOSYSTEM_LEAVE_BLOCKED: {
    status: 409,
    message: 'An enrollment of this program is pending review; the program cannot be left now.',
  },
  ECOSYSTEM_SOLUTION_NOT_FOUND: { status: 404, message: 'Solution not found.' },
  MARKETPLACE_PRODUCT_NOT_FOUND: { status: 404, message: 'Marketplace product not found.' },
});
