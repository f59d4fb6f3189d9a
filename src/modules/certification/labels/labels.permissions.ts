import { definePermissions } from '../../../../libs/auth/index.js';
import type { ReviewerRole } from '../../../../libs/context/index.js';

/** certification-labels.md "Permissions": partner-side keys of capability-label certification. */
export const LabelPermissions = definePermissions(
  'certification',
  {
    LabelView: 'certification.label.view',
    LabelApply: 'certification.label.apply',
  },
  {
    'certification.label.view':
      'View capability-label certification records, progress, item results and held labels',
    'certification.label.apply':
      'Create, submit, supplement, confirm pre-review comments, upload archive materials and withdraw label certifications',
  },
);

/** Capability-certification operations specialist: initial review, supplements, close overdue, catalogue, revoke. */
export const LABEL_OPERATIONS_ROLES: readonly ReviewerRole[] = ['operations'];
/** Label review expert(s): technical pre-review, defense. */
export const LABEL_EXPERT_ROLES: readonly ReviewerRole[] = ['expert'];
/** Archive re-review: expert or operations specialist. */
export const LABEL_ARCHIVE_REVIEW_ROLES: readonly ReviewerRole[] = ['expert', 'operations'];
/** Countersign group (Open point 5): PDM + label owner (expert) + operations specialist; all must sign. */
export const LABEL_COUNTERSIGN_ROLES = [
  'pdm',
  'expert',
  'operations',
] as const satisfies readonly ReviewerRole[];
/** Defense sessions (technical defense and clarifications) are organised by experts, the PDM or operations. */
export const LABEL_SESSION_ROLES: readonly ReviewerRole[] = ['expert', 'pdm', 'operations'];
/** Every reviewer who takes part in label certification sees the applications (read-only). */
export const LABEL_VIEWER_ROLES: readonly ReviewerRole[] = ['pdm', 'expert', 'operations'];
