import { Module } from '@nestjs/common';

/**
 * The benefits module: vouchers, labs, MDF, FH, NRE, incentives (FAQ 10; benefits.md).
 * Registered shell: its issue fills controllers, services, entities, cron jobs and admin resources.
 */
@Module({})
export class BenefitsModule {}
