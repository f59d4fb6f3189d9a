import { Module } from '@nestjs/common';
import { PARTNER_PRINCIPALS, PERSONAL_PRINCIPALS } from '../../../libs/auth/index.js';
import { CertificationModule } from '../certification/index.js';
import { InfoModule } from '../info/index.js';
import { OrgCertificationBridge } from './services/certification-bridge.js';
import { OrgMemberService } from './services/org-member.service.js';
import { OrgPermissionService } from './services/org-permission.service.js';
import { OrgMemberProfileHandler } from './services/member-profile.handler.js';
import { OrgPartnerPrincipals } from './services/partner-principals.js';
import { OrgPersonalPrincipals } from './services/personal-principals.js';
import { PERSONAL_CONTROLLERS, PERSONAL_EXPORTS, PERSONAL_PROVIDERS } from './personal.providers.js';
import { MEMBER_CONTROLLERS, MEMBER_EXPORTS, MEMBER_PROVIDERS } from './members.providers.js';

/**
 * The org module (FAQ 7; org.md): org members, roles, table 7-1 permissions. It provides the partner
 * principal resolver the global AccessGuard uses.
 */
@Module({
  imports: [InfoModule, CertificationModule],
  controllers: [...PERSONAL_CONTROLLERS, ...MEMBER_CONTROLLERS],
  providers: [
    OrgMemberProfileHandler,
    OrgPermissionService,
    OrgMemberService,
    OrgPartnerPrincipals,
    { provide: PARTNER_PRINCIPALS, useExisting: OrgPartnerPrincipals },
    OrgPersonalPrincipals,
    { provide: PERSONAL_PRINCIPALS, useExisting: OrgPersonalPrincipals },
    ...PERSONAL_PROVIDERS,
    ...MEMBER_PROVIDERS,
    OrgCertificationBridge,
  ],
  exports: [
    OrgPermissionService,
    OrgMemberService,
    PARTNER_PRINCIPALS,
    PERSONAL_PRINCIPALS,
    ...PERSONAL_EXPORTS,
    ...MEMBER_EXPORTS,
  ],
})
export class OrgModule {}
