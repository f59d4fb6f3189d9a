import { definePermissions } from '../../../libs/auth/index.js';

/** Permission keys checked by the sales module's handlers (GLOSSARY convention 1; org.md table 7-1). */
export const SalesPermissions = definePermissions('sales', {
  AccountViewBalance: 'sales.account.view_balance',
  AccountTopup: 'sales.account.topup',
  AccountWithdraw: 'sales.account.withdraw',
  AccountSetBalanceAlert: 'sales.account.set_balance_alert',
  CustomerView: 'sales.customer.view',
  ConsumptionDashboardView: 'sales.consumption_dashboard.view',
  CustomerAssignManager: 'sales.customer.assign_manager',
});
