import { Module, type OnModuleInit } from '@nestjs/common';
import { FakeRegistry } from '../../../libs/testing/index.js';
import { CertificationModule } from '../certification/index.js';
import {
  AccountEligibilityController,
  AdminBasicInfoController,
  BasicInfoController,
} from './controllers/basic-info.controller.js';
import { FakeLicenseRecognition, LICENSE_RECOGNITION_PORT } from './ports/license-recognition.port.js';
import { AccountEligibilityService } from './services/account-eligibility.service.js';
import { MemberProfileRegistry } from './services/member-profile.registry.js';
import { BasicInfoService } from './services/basic-info.service.js';
import { CompanyChangeService } from './services/company-change.service.js';
import { InfoOperationsService } from './services/info-operations.service.js';
import {
  AdminOnboardingController,
  CompanyInfoController,
  OnboardingController,
} from './controllers/onboarding.controller.js';
import {
  AdminQuickRegistrationController,
  QuickRegistrationController,
} from './controllers/quick-registration.controller.js';
import {
  AdminBusinessVerificationController,
  AdminContractingEntitySwitchController,
  BankLetterUploadInterceptor,
  BusinessVerificationController,
} from './controllers/business-verification.controller.js';
import { InfoCron } from './info.cron.js';
import { BANK_VERIFICATION_PORT, FakeBankVerification } from './ports/bank-verification.port.js';
import { FakeSupplierRegistry, SUPPLIER_REGISTRY_PORT } from './ports/supplier-registry.port.js';
import { BusinessInfoVerificationService } from './services/business-verification.service.js';
import { COMPANY_REGISTRY_PORT, FakeCompanyRegistry } from './ports/company-registry.port.js';
import { IDENTITY_PORT, InProcessAccountCenter } from './ports/identity.port.js';
import { CompanyInfoService } from './services/company-info.service.js';
import { CertificationAccountDirectory } from './services/certification-directory.js';
import { OnboardingService } from './services/onboarding.service.js';
import { PartnerAccountService } from './services/partner-account.service.js';
import { QuickRegistrationService } from './services/quick-registration.service.js';

/**
 * The info module (FAQ 3, 5.1.14/5.1.15, 6; info.md): partner accounts, legal entities, onboarding, company
 * info, quick registration (and its expiry job J-INFO-5).
 * Ports bind to the in-process adapters; a vendor deployment overrides IDENTITY_PORT / COMPANY_REGISTRY_PORT.
 */
@Module({
  imports: [CertificationModule],
  controllers: [
    BusinessVerificationController,
    AdminBusinessVerificationController,
    AdminContractingEntitySwitchController,
    BasicInfoController,
    AccountEligibilityController,
    AdminBasicInfoController,
    OnboardingController,
    CompanyInfoController,
    AdminOnboardingController,
    QuickRegistrationController,
    AdminQuickRegistrationController,
  ],
  providers: [
    FakeBankVerification,
    FakeSupplierRegistry,
    { provide: BANK_VERIFICATION_PORT, useExisting: FakeBankVerification },
    { provide: SUPPLIER_REGISTRY_PORT, useExisting: FakeSupplierRegistry },
    BusinessInfoVerificationService,
    BankLetterUploadInterceptor,
    FakeLicenseRecognition,
    { provide: LICENSE_RECOGNITION_PORT, useExisting: FakeLicenseRecognition },
    BasicInfoService,
    MemberProfileRegistry,
    CompanyChangeService,
    InfoOperationsService,
    AccountEligibilityService,
    InProcessAccountCenter,
    FakeCompanyRegistry,
    { provide: IDENTITY_PORT, useExisting: InProcessAccountCenter },
    { provide: COMPANY_REGISTRY_PORT, useExisting: FakeCompanyRegistry },
    PartnerAccountService,
    OnboardingService,
    CompanyInfoService,
    QuickRegistrationService,
    InfoCron,
    CertificationAccountDirectory,
  ],
  exports: [
    BasicInfoService,
    BusinessInfoVerificationService,
    PartnerAccountService,
    OnboardingService,
    CompanyInfoService,
    IDENTITY_PORT,
    CompanyChangeService,
    InfoOperationsService,
    AccountEligibilityService,
    MemberProfileRegistry,
  ],
})
export class InfoModule implements OnModuleInit {
  constructor(
    private readonly fakes: FakeRegistry,
    private readonly accountCenter: InProcessAccountCenter,
    private readonly registry: FakeCompanyRegistry,
    private readonly bankVerification: FakeBankVerification,
    private readonly supplierRegistry: FakeSupplierRegistry,
    private readonly licences: FakeLicenseRecognition,
  ) {}

  onModuleInit(): void {
    this.fakes.register(this.accountCenter, 'identity', 'account-center');
    this.fakes.register(this.registry, 'company-registry', 'registry');
    this.fakes.register(this.bankVerification, 'bank-verification', 'bank');
    this.fakes.register(this.supplierRegistry, 'supplier-registry', 'supplier');
    this.fakes.register(this.licences, 'license-recognition', 'licence-recognition');
  }
}
