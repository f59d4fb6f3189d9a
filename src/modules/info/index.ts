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
export {
  BusinessInfoVerificationService,
  type VerifiedBusinessInfo,
} from './services/business-verification.service.js';
export {
  BankLetter,
  BusinessInfoFile,
  BusinessInfoVerification,
  ContractingEntity,
  ContractingEntitySwitch,
  type BusinessVerificationStatus,
} from './entities/business-verification.entities.js';
export { infoAdminResources, ONBOARDING_REVIEWER_ROLES } from './info.admin.js';

import {
  BankLetter,
  BusinessInfoFile,
  BusinessInfoVerification,
  ContractingEntity,
  ContractingEntitySwitch,
} from './entities/business-verification.entities.js';
import { LegalEntity } from './entities/legal-entity.entity.js';
import { OnboardingApplication } from './entities/onboarding-application.entity.js';
import { PartnerAccount } from './entities/partner-account.entity.js';
import { QuickRegistration } from './entities/quick-registration.entity.js';
import { AccountContact } from './entities/account-contact.entity.js';
import { CompanyDetails } from './entities/company-details.entity.js';
import { CompanyInfoChangeRequest } from './entities/company-info-change-request.entity.js';
export { AccountContact, CompanyDetails, CompanyInfoChangeRequest };
export { CompanyChangeService } from './services/company-change.service.js';
export { BasicInfoService } from './services/basic-info.service.js';
export { InfoOperationsService } from './services/info-operations.service.js';
export { AccountEligibilityService } from './services/account-eligibility.service.js';
const BUSINESS_VERIFICATION_ENTITIES = [
  ContractingEntity,
  BusinessInfoVerification,
  BankLetter,
  BusinessInfoFile,
  ContractingEntitySwitch,
];
export const INFO_ENTITIES = [
  ...BUSINESS_VERIFICATION_ENTITIES,
  PartnerAccount,
  LegalEntity,
  OnboardingApplication,
  QuickRegistration,
  CompanyInfoChangeRequest,
  AccountContact,
  CompanyDetails,
];
export {
  MemberProfileRegistry,
  type MemberProfileHandler,
  type MemberBusinessContact,
} from './services/member-profile.registry.js';
export { ACCOUNT_DEREGISTERED_EVENT } from './domain/state-machines.js';
