import { Module } from '@nestjs/common';
import { BuildModule } from '../build/index.js';
import { CertificationModule } from '../certification/index.js';
import { InfoModule } from '../info/index.js';
import { OrgModule } from '../org/index.js';
import {
  OPPORTUNITY_CONTROLLERS,
  OPPORTUNITY_EXPORTS,
  OPPORTUNITY_PROVIDERS,
} from './opportunity.providers.js';

/**
 * The opportunity module: PCE co-selling, PO/HO opportunities (FAQ 11; opportunity.md). It reads accounts
 * (info), members and customer scope (org), memberships and path stages (certification) and offerings (build)
 * through their exports, and registers its PCE reader in certification's collaborators.
 */
@Module({
  imports: [InfoModule, OrgModule, CertificationModule, BuildModule],
  controllers: [...OPPORTUNITY_CONTROLLERS],
  providers: [...OPPORTUNITY_PROVIDERS],
  exports: [...OPPORTUNITY_EXPORTS],
})
export class OpportunityModule {}
