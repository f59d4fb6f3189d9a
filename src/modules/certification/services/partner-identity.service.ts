import { Inject, Injectable } from '@nestjs/common';
import type { PartnerIdentity } from '../../../../libs/auth/index.js';
import { MEMBERSHIP_READER, type MembershipReader } from '../ports/membership.port.js';

/** Program memberships that make an account a `reseller` identity (org.md: distributor / cloud reseller / SP). */
const RESELLER_PROGRAMS = new Set(['solution_provider', 'distributor', 'cloud_reseller']);

/**
 * Which partner identity (org.md "Partner identity", table 7-1) an account has, derived at request time from
 * its memberships: `reseller` when a solution-provider, distributor or cloud-reseller membership is active,
 * `path` when a development-path membership is active, `basic` otherwise (onboarded only, or PCE only —
 * org.md Open point 1). An account that is both counts as `reseller` (decision: the reseller column holds the
 * account-balance menus such an account needs; the path-only key `build.solution.view` follows ORG-015).
 */
@Injectable()
export class PartnerIdentityService {
  constructor(@Inject(MEMBERSHIP_READER) private readonly memberships: MembershipReader) {}

  async identityOf(partnerAccountId: string): Promise<PartnerIdentity> {
    const programs = await this.memberships.programMemberships(partnerAccountId);
    if (programs.some((p) => RESELLER_PROGRAMS.has(p.program) && p.status === 'active')) return 'reseller';
    const paths = await this.memberships.pathMemberships(partnerAccountId);
    if (paths.some((p) => p.status === 'active')) return 'path';
    return 'basic';
  }
}
