/**
 * The AccessGuard's view of a partner principal: account status (INFO-011), site, and effective permissions.
 */
import { Injectable } from '@nestjs/common';
import type { PartnerPrincipal, PartnerPrincipalResolver } from '../../../../libs/auth/index.js';
import { PartnerIdentityService } from '../../certification/index.js';
import { PartnerAccountService } from '../../info/index.js';
import { OrgPermissionService } from './org-permission.service.js';

@Injectable()
export class OrgPartnerPrincipals implements PartnerPrincipalResolver {
  constructor(
    private readonly accounts: PartnerAccountService,
    private readonly identities: PartnerIdentityService,
    private readonly permissions: OrgPermissionService,
  ) {}

  async resolve(partnerAccountId: string, memberId: string | null): Promise<PartnerPrincipal | null> {
    const account = await this.accounts.findById(partnerAccountId);
    if (!account) return null;
    const identity = await this.identities.identityOf(partnerAccountId);
    const permissions =
      memberId === null
        ? this.permissions.adminPermissions(identity)
        : await this.permissions.memberPermissions(partnerAccountId, memberId, identity);
    if (!permissions) return null;
    return { site: account.site, notActiveError: this.accounts.notActiveError(account), permissions };
  }
}
