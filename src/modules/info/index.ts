// Public surface of the info module: other modules import only from here.
export * from './info.module.js';
export * from './info.permissions.js';
export * from './info.errors.js';
export { PartnerAccountService } from './services/partner-account.service.js';
export { OnboardingService } from './services/onboarding.service.js';
export { PartnerAccount, type PartnerAccountStatus } from './entities/partner-account.entity.js';
export { LegalEntity } from './entities/legal-entity.entity.js';
export { OnboardingApplication } from './entities/onboarding-application.entity.js';
export {
  QuickRegistration,
  type QuickRegistrationPurpose,
  type QuickRegistrationStatus,
} from './entities/quick-registration.entity.js';
export { IDENTITY_PORT, type IdentityPort, type RealNameType } from './ports/identity.port.js';
export { infoAdminResources, ONBOARDING_REVIEWER_ROLES } from './info.admin.js';

import { LegalEntity } from './entities/legal-entity.entity.js';
import { OnboardingApplication } from './entities/onboarding-application.entity.js';
import { PartnerAccount } from './entities/partner-account.entity.js';
import { QuickRegistration } from './entities/quick-registration.entity.js';
export const INFO_ENTITIES = [PartnerAccount, LegalEntity, OnboardingApplication, QuickRegistration];
