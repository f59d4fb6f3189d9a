import { Module } from '@nestjs/common';

/**
 * The build module: solution certification, baseline solutions (FAQ 8; build.md).
 * Registered shell: its issue fills controllers, services, entities, cron jobs and admin resources.
 */
@Module({})
export class BuildModule {}
