import { definePermissions } from '../../../libs/auth/index.js';

/** Permission keys checked by the info module's handlers (info.md "Permissions", org.md table 7-1). */
export const InfoPermissions = definePermissions('info', {
  HomeAccountView: 'info.home_account.view',
  CompanyView: 'info.company.view',
  ProfileView: 'info.profile.view',
  AccountView: 'info.account.view',
  AccountEdit: 'info.account.edit',
  CredentialsManage: 'info.credentials.manage',
  BusinessView: 'info.business.view',
  BusinessManage: 'info.business.manage',
});
