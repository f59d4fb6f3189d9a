import { definePermissions } from '../../../../libs/auth/index.js';
import type { ReviewerRole } from '../../../../libs/context/index.js';

/** certification-paths.md "Permissions": partner-side keys of the development paths. */
export const PathPermissions = definePermissions(
  'certification',
  {
    PathView: 'certification.path.view',
    PathManage: 'certification.path.manage',
  },
  {
    'certification.path.view': 'View paths, stages, criteria progress and path certificates',
    'certification.path.manage':
      'Join / exit paths, submit / withdraw stage applications, register cases and employment proofs, submit annual-review materials',
  },
);

/** Reviewers who see paths (certification-paths.md "Permissions"). */
export const PATH_VIEWER_ROLES: readonly ReviewerRole[] = ['pdm', 'psa', 'operations'];
/** Reviewers who decide (whitelist, interlocks, BP review, attestations, approvals, annual reviews, cancellation). */
export const PATH_DECIDER_ROLES: readonly ReviewerRole[] = ['pdm'];
