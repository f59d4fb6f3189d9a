/** Baseline solutions, offerings and ecosystem special programs (build.md BUILD-020…BUILD-036), spread into BuildModule. */
import type { Provider, Type } from '@nestjs/common';
import { BASELINE_FACTS } from '../build.contracts.js';
import { BaselineCron } from './baseline.cron.js';
import {
  AdminBaselineSolutionsController,
  AdminEcosystemController,
  BaselineSolutionsController,
  EcosystemEnrollmentsController,
  EcosystemProgramsController,
  OfferingsController,
} from './controllers/baseline.controllers.js';
import {
  BaselineSolution,
  EcosystemProgramMembership,
  EcosystemSolutionEnrollment,
} from './entities/baseline.entities.js';
import {
  CSBI_PORT,
  InProcessCsbi,
  InProcessMarketplace,
  InProcessOfficialSite,
  MARKETPLACE_PRODUCT_PORT,
  OFFICIAL_SITE_PORT,
} from './ports/baseline-ports.js';
import { BaselineService } from './services/baseline.service.js';
import { EcosystemService } from './services/ecosystem.service.js';
import { OfferingService } from './services/offering.service.js';

export const BASELINE_CONTROLLERS: Type[] = [
  BaselineSolutionsController,
  OfferingsController,
  AdminBaselineSolutionsController,
  EcosystemProgramsController,
  EcosystemEnrollmentsController,
  AdminEcosystemController,
];
export const BASELINE_PROVIDERS: Provider[] = [
  InProcessMarketplace,
  { provide: MARKETPLACE_PRODUCT_PORT, useExisting: InProcessMarketplace },
  InProcessOfficialSite,
  { provide: OFFICIAL_SITE_PORT, useExisting: InProcessOfficialSite },
  InProcessCsbi,
  { provide: CSBI_PORT, useExisting: InProcessCsbi },
  BaselineService,
  EcosystemService,
  OfferingService,
  { provide: BASELINE_FACTS, useExisting: OfferingService },
  BaselineCron,
];
export const BASELINE_EXPORTS: Array<Type | symbol> = [
  BASELINE_FACTS,
  BaselineService,
  EcosystemService,
  OfferingService,
  MARKETPLACE_PRODUCT_PORT,
];
export const BASELINE_ENTITIES: Type[] = [
  BaselineSolution,
  EcosystemProgramMembership,
  EcosystemSolutionEnrollment,
];
