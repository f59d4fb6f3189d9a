import { Module } from '@nestjs/common';

/**
 * The support module: tickets, document library, capability opening (FAQ 14; delivery-support.md).
 * Registered shell: its issue fills controllers, services, entities, cron jobs and admin resources.
 */
@Module({})
export class SupportModule {}
