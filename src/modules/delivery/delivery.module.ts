import { Module } from '@nestjs/common';

/**
 * The delivery module: project filing, SOW, milestones, CTSP projects (FAQ 10.7, 13; delivery-*.md).
 * Registered shell: its issue fills controllers, services, entities, cron jobs and admin resources.
 */
@Module({})
export class DeliveryModule {}
