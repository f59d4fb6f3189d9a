import { Module } from '@nestjs/common';
import { CertificationModule } from '../certification/index.js';
import { InfoModule } from '../info/index.js';
import { OrgModule } from '../org/index.js';
import { BASELINE_CONTROLLERS, BASELINE_EXPORTS, BASELINE_PROVIDERS } from './baseline/baseline.providers.js';
import {
  SOLUTION_CONTROLLERS,
  SOLUTION_EXPORTS,
  SOLUTION_PROVIDERS,
} from './solutions/solutions.providers.js';

/**
 * The build module (FAQ 8; build.md): solutions and their cloud software / advanced cloud software
 * certification (solutions/), baseline solutions, offerings and ecosystem special programs (baseline/).
 * It reads the software path through certification's exports and registers its facts reader there.
 */
@Module({
  imports: [CertificationModule, InfoModule, OrgModule],
  controllers: [...SOLUTION_CONTROLLERS, ...BASELINE_CONTROLLERS],
  providers: [...SOLUTION_PROVIDERS, ...BASELINE_PROVIDERS],
  exports: [...SOLUTION_EXPORTS, ...BASELINE_EXPORTS],
})
export class BuildModule {}
