import { Injectable } from '@nestjs/common';
import type { PartnerIdentity } from '../../../../libs/auth/index.js';

/**
 * Which partner identity (org.md) an account has, derived from its path and program memberships:
 * `reseller` (solution provider / distributor / cloud reseller), `path` (on any development path) or `basic`.
 * Until the certification issue adds paths and programs, no account has a membership, so every account is
 * `basic`; the org module and the guard ask only this service, so they follow automatically later.
 */
@Injectable()
export class PartnerIdentityService {
  async identityOf(_partnerAccountId: string): Promise<PartnerIdentity> {
    return 'basic';
  }
}
