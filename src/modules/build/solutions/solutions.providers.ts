/** Solutions and software certification (build.md BUILD-001…BUILD-019), spread into BuildModule. */
import type { Provider, Type } from '@nestjs/common';
import { SOLUTION_FACTS } from '../build.contracts.js';
import {
  AdminSolutionCertificationsController,
  CloudServicesController,
  SolutionCertificationsController,
  SolutionsController,
} from './controllers/solutions.controller.js';
import {
  CloudServiceCatalogEntry,
  Solution,
  SolutionCertificate,
  SolutionCertification,
} from './entities/solution.entities.js';
import { BuildFactsRegistrar } from './services/build-facts.registrar.js';
import { CloudServiceCatalogService } from './services/cloud-service-catalog.service.js';
import { SolutionCertificationService } from './services/solution-certification.service.js';
import { SolutionsCron } from './solutions.cron.js';

export const SOLUTION_CONTROLLERS: Type[] = [
  SolutionsController,
  SolutionCertificationsController,
  CloudServicesController,
  AdminSolutionCertificationsController,
];
export const SOLUTION_PROVIDERS: Provider[] = [
  CloudServiceCatalogService,
  SolutionCertificationService,
  { provide: SOLUTION_FACTS, useExisting: SolutionCertificationService },
  BuildFactsRegistrar,
  SolutionsCron,
];
export const SOLUTION_EXPORTS: Array<Type | symbol> = [
  SOLUTION_FACTS,
  SolutionCertificationService,
  CloudServiceCatalogService,
];
export const SOLUTION_ENTITIES: Type[] = [
  Solution,
  SolutionCertification,
  SolutionCertificate,
  CloudServiceCatalogEntry,
];
