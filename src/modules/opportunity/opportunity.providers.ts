/** Controllers, providers, exports and entities of the opportunity module (spread into OpportunityModule). */
import { Injectable, type OnModuleInit, type Provider, type Type } from '@nestjs/common';
import { FakeRegistry } from '../../../libs/testing/index.js';
import {
  AdminOpportunitiesController,
  AdminPceController,
  OpportunitiesController,
  PceController,
} from './controllers/opportunity.controllers.js';
import { OPPORTUNITY_ENTITY_LIST } from './entities/opportunity.entities.js';
import { OpportunityCron } from './opportunity.cron.js';
import { CRM_GATEWAY, InProcessCrm } from './ports/crm.port.js';
import { OfferingDirectory } from './ports/offerings.port.js';
import { DuplicateGuard } from './services/duplicate-guard.js';
import { OpportunityJobsService } from './services/opportunity-jobs.service.js';
import { OpportunityReviewService } from './services/opportunity-review.service.js';
import { OpportunitySupport } from './services/opportunity-support.js';
import { OpportunityService } from './services/opportunity.service.js';
import { PceEnrollmentService } from './services/pce-enrollment.service.js';

/** Registers the in-process fakes of the module's external systems (CRM, offerings overlay). */
@Injectable()
export class OpportunityFakes implements OnModuleInit {
  constructor(
    private readonly fakes: FakeRegistry,
    private readonly crm: InProcessCrm,
    private readonly offerings: OfferingDirectory,
  ) {}

  onModuleInit(): void {
    this.fakes.register(this.crm, 'crm');
    this.fakes.register(this.offerings, 'pce-offerings', 'opportunity-offerings');
  }
}

export const OPPORTUNITY_CONTROLLERS: Type[] = [
  PceController,
  OpportunitiesController,
  AdminOpportunitiesController,
  AdminPceController,
];

export const OPPORTUNITY_PROVIDERS: Provider[] = [
  InProcessCrm,
  { provide: CRM_GATEWAY, useExisting: InProcessCrm },
  OfferingDirectory,
  OpportunityFakes,
  OpportunitySupport,
  DuplicateGuard,
  PceEnrollmentService,
  OpportunityService,
  OpportunityReviewService,
  OpportunityJobsService,
  OpportunityCron,
];

export const OPPORTUNITY_EXPORTS = [
  PceEnrollmentService,
  OpportunityService,
  OpportunityReviewService,
  CRM_GATEWAY,
];

export const OPPORTUNITY_ENTITY_TYPES: Type[] = [...OPPORTUNITY_ENTITY_LIST];
