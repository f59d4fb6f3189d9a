import { Module } from '@nestjs/common';
import { PARTNER_PRINCIPALS, PERSONAL_PRINCIPALS } from '../../../libs/auth/index.js';
import { CertificationModule } from '../certification/index.js';
import { InfoModule } from '../info/index.js';
import { OrgMemberService } from './services/org-member.service.js';
import { OrgPermissionService } from './services/org-permission.service.js';
import { OrgPartnerPrincipals } from './services/partner-principals.js';
import { OrgPersonalPrincipals } from './services/personal-principals.js';

/**
 * The org module (FAQ 7; org.md): org members, roles, table 7-1 permissions. It provides the partner
 * principal resolver the global AccessGuard uses.
 */
@Module({
  imports: [InfoModule, CertificationModule],
  providers: [
    OrgPermissionService,
    OrgMemberService,
    OrgPartnerPrincipals,
    { provide: PARTNER_PRINCIPALS, useExisting: OrgPartnerPrincipals },
    OrgPersonalPrincipals,
    { provide: PERSONAL_PRINCIPALS, useExisting: OrgPersonalPrincipals },
  ],
  exports: [OrgPermissionService, OrgMemberService, PARTNER_PRINCIPALS, PERSONAL_PRINCIPALS],
})
export class OrgModule {}
