/**
 * The AccessGuard's view of a partner principal: account status (INFO-011), site, and effective permissions.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { PartnerPrincipal, PartnerPrincipalResolver } from '../../../../libs/auth/index.js';
import { PartnerIdentityService } from '../../certification/index.js';
import { PartnerAccountService } from '../../info/index.js';
import { OrgErrors } from '../org.errors.js';
import { IAM_PORT, type IamPort } from '../ports/iam.port.js';
import { OrgPermissionService } from './org-permission.service.js';

@Injectable()
export class OrgPartnerPrincipals implements PartnerPrincipalResolver {
  constructor(
    private readonly accounts: PartnerAccountService,
    private readonly identities: PartnerIdentityService,
    private readonly permissions: OrgPermissionService,
    @Inject(IAM_PORT) private readonly iam: IamPort,
  ) {}

  async resolve(partnerAccountId: string, memberId: string | null): Promise<PartnerPrincipal | null> {
    const account = await this.accounts.findById(partnerAccountId);
    if (!account) return null;
    const facts = await this.permissions.accountFacts(partnerAccountId);
    const identity = facts.identity;
    const permissions =
      memberId === null
        ? this.permissions.adminPermissions(identity, facts)
        : await this.permissions.memberPermissions(partnerAccountId, memberId, identity, facts);
    if (!permissions) {
      // ORG-003: an IAM user created in the console holds an IAM token but is no org member
      const iamUser = memberId === null ? null : await this.iam.getUser(partnerAccountId, memberId);
      if (iamUser?.origin === 'console') throw OrgErrors.fail('ORG_NOT_ORG_MEMBER');
      return null;
    }
    return { site: account.site, notActiveError: this.accounts.notActiveError(account), permissions };
  }
}
