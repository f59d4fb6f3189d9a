/**
 * The AccessGuard's view of a personal account (org.md "Personal account"): it exists, and on which site.
 */
import { Injectable } from '@nestjs/common';
import type { PersonalPrincipal, PersonalPrincipalResolver } from '../../../../libs/auth/index.js';
import { PersonalAccountService } from './personal-account.service.js';

@Injectable()
export class OrgPersonalPrincipals implements PersonalPrincipalResolver {
  constructor(private readonly personalAccounts: PersonalAccountService) {}

  resolve(personalAccountId: string): Promise<PersonalPrincipal | null> {
    return this.personalAccounts.principal(personalAccountId);
  }
}
