import { Module } from '@nestjs/common';

/**
 * The opportunity module: PCE co-selling, PO/HO opportunities (FAQ 11; opportunity.md).
 * Registered shell: its issue fills controllers, services, entities, cron jobs and admin resources.
 */
@Module({})
export class OpportunityModule {}
