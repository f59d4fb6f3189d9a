/**
 * The AccessGuard's view of a personal account (org.md "Personal account"). Until the org issue adds the
 * PersonalAccount entity no personal account exists, so every personal token is refused as invalid.
 */
import { Injectable } from '@nestjs/common';
import type { PersonalPrincipal, PersonalPrincipalResolver } from '../../../../libs/auth/index.js';

@Injectable()
export class OrgPersonalPrincipals implements PersonalPrincipalResolver {
  async resolve(_personalAccountId: string): Promise<PersonalPrincipal | null> {
    return null;
  }
}
