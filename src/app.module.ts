import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessGuard } from '../libs/auth/index.js';
import type { AppConfig } from '../config/app.config.js';
import { dataSourceOptions } from '../config/data-source.js';
import { BenefitsModule } from './modules/benefits/index.js';
import { BuildModule } from './modules/build/index.js';
import { CertificationModule } from './modules/certification/index.js';
import { DeliveryModule } from './modules/delivery/index.js';
import { InfoModule } from './modules/info/index.js';
import { OpportunityModule } from './modules/opportunity/index.js';
import { OrgModule } from './modules/org/index.js';
import { SalesModule } from './modules/sales/index.js';
import { SupportModule } from './modules/support/index.js';
import { PlatformModule } from './platform/index.js';
import { TestHooksModule } from './platform/test-hooks/test-hooks.module.js';
import { SeedModule } from './seed/seed.module.js';

/** One Nest module per FAQ chapter, on the platform mechanisms; cron and test hooks by configuration. */
@Module({})
export class AppModule {
  static forRoot(
    cfg: AppConfig,
    extra: { admin?: DynamicModule; modules?: DynamicModule[] } = {},
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(cfg), migrationsRun: true }),
        PlatformModule.forRoot(cfg),
        ...(cfg.CRON_ENABLED ? [ScheduleModule.forRoot()] : []),
        InfoModule,
        OrgModule,
        BuildModule,
        CertificationModule,
        BenefitsModule,
        OpportunityModule,
        SalesModule,
        DeliveryModule,
        SupportModule,
        SeedModule,
        ...(cfg.TEST_HOOKS ? [TestHooksModule] : []),
        ...(extra.admin ? [extra.admin] : []),
        ...(extra.modules ?? []),
      ],
      providers: [{ provide: APP_GUARD, useClass: AccessGuard }],
    };
  }
}
