import { definePermissions } from '../../../../libs/auth/index.js';
import type { ReviewerRole } from '../../../../libs/context/index.js';

/** certification-paths.md "Permissions": partner-side keys of the partner programs. */
export const ProgramPermissions = definePermissions(
  'certification',
  {
    ProgramView: 'certification.program.view',
    ProgramManage: 'certification.program.manage',
    ResellerManage: 'certification.reseller.manage',
  },
  {
    'certification.program.view':
      'View joined programs, download program certificates, view the scorecard (scorecard account only)',
    'certification.program.manage':
      'Apply for solution provider / cloud reseller, accept program invitations, apply for a level upgrade',
    'certification.reseller.manage':
      'Distributor account: review cloud-reseller applications and send cooperation invitations',
  },
);

/** "View joined programs …": every reviewer role. */
export const PROGRAM_VIEWER_ROLES: readonly ReviewerRole[] = [
  'pdm',
  'psa',
  'tse',
  'expert',
  'psm',
  'bd',
  'operations',
  'finance',
];
/** Approve SP applications, manual renewal (PROG-021), assessment import, `do_not_renew`. */
export const PROGRAM_OPERATIONS_ROLES: readonly ReviewerRole[] = ['operations'];
/** SP quota, level upgrades, exits, core-product capability, reseller → distributor conversion. */
export const PROGRAM_PDM_ROLES: readonly ReviewerRole[] = ['pdm'];
/** Distributor invitations, Huawei review of cloud-reseller applications. */
export const PROGRAM_PDM_OR_OPERATIONS_ROLES: readonly ReviewerRole[] = ['pdm', 'operations'];
/** Cloud-reseller exit: PDM or the channel manager (`bd`, decision of the spec's state table). */
export const RESELLER_EXIT_ROLES: readonly ReviewerRole[] = ['pdm', 'bd'];
