import { Module } from '@nestjs/common';

/**
 * The sales module: customers, funds, invoices, incentives, vouchers, discounts (FAQ 12; sales.md).
 * Registered shell: its issue fills controllers, services, entities, cron jobs and admin resources.
 */
@Module({})
export class SalesModule {}
