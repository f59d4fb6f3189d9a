import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../../config/app.config.js';
import { BuildModule } from '../modules/build/index.js';
import { CertificationModule } from '../modules/certification/index.js';
import { InfoModule } from '../modules/info/index.js';
import { OpportunityModule } from '../modules/opportunity/index.js';
import { OrgModule } from '../modules/org/index.js';
import { DemoDataSeeder } from './demo-data.js';

@Module({
  imports: [InfoModule, OrgModule, CertificationModule, BuildModule, OpportunityModule],
  providers: [DemoDataSeeder],
  exports: [DemoDataSeeder],
})
export class SeedModule implements OnApplicationBootstrap {
  constructor(
    private readonly cfg: AppConfig,
    private readonly seeder: DemoDataSeeder,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.cfg.demoData) await this.seeder.seed();
  }
}
