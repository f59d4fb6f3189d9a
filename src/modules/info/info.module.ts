import { Module, type OnModuleInit } from '@nestjs/common';
import { FakeRegistry } from '../../../libs/testing/index.js';
import {
  AdminOnboardingController,
  CompanyInfoController,
  OnboardingController,
} from './controllers/onboarding.controller.js';
import {
  AdminQuickRegistrationController,
  QuickRegistrationController,
} from './controllers/quick-registration.controller.js';
import { InfoCron } from './info.cron.js';
import { COMPANY_REGISTRY_PORT, FakeCompanyRegistry } from './ports/company-registry.port.js';
import { IDENTITY_PORT, InProcessAccountCenter } from './ports/identity.port.js';
import { CompanyInfoService } from './services/company-info.service.js';
import { OnboardingService } from './services/onboarding.service.js';
import { PartnerAccountService } from './services/partner-account.service.js';
import { QuickRegistrationService } from './services/quick-registration.service.js';

/**
 * The info module (FAQ 3, 5.1.14/5.1.15, 6; info.md): partner accounts, legal entities, onboarding, company
 * info, quick registration (and its expiry job J-INFO-5).
 * Ports bind to the in-process adapters; a vendor deployment overrides IDENTITY_PORT / COMPANY_REGISTRY_PORT.
 */
@Module({
  controllers: [
    OnboardingController,
    CompanyInfoController,
    AdminOnboardingController,
    QuickRegistrationController,
    AdminQuickRegistrationController,
  ],
  providers: [
    InProcessAccountCenter,
    FakeCompanyRegistry,
    { provide: IDENTITY_PORT, useExisting: InProcessAccountCenter },
    { provide: COMPANY_REGISTRY_PORT, useExisting: FakeCompanyRegistry },
    PartnerAccountService,
    OnboardingService,
    CompanyInfoService,
    QuickRegistrationService,
    InfoCron,
  ],
  exports: [PartnerAccountService, OnboardingService, CompanyInfoService, IDENTITY_PORT],
})
export class InfoModule implements OnModuleInit {
  constructor(
    private readonly fakes: FakeRegistry,
    private readonly accountCenter: InProcessAccountCenter,
    private readonly registry: FakeCompanyRegistry,
  ) {}

  onModuleInit(): void {
    this.fakes.register(this.accountCenter, 'identity', 'account-center');
    this.fakes.register(this.registry, 'company-registry', 'registry');
  }
}
