import { Module, type OnModuleInit } from '@nestjs/common';
import { FakeRegistry } from '../../../libs/testing/index.js';
import { LABEL_CONTROLLERS, LABEL_EXPORTS, LABEL_PROVIDERS } from './labels/labels.providers.js';
import { PATH_CONTROLLERS, PATH_EXPORTS, PATH_PROVIDERS } from './paths/paths.providers.js';
import { CertificationCollaborators } from './ports/collaborators.js';
import {
  CertificationMembershipReader,
  InProcessMembershipReader,
  MEMBERSHIP_READER,
} from './ports/membership.port.js';
import { PATH_STAGE_READER, TablePathStageReader } from './ports/path-stage.port.js';
import { PROGRAM_CONTROLLERS, PROGRAM_EXPORTS, PROGRAM_PROVIDERS } from './programs/programs.providers.js';
import { PartnerIdentityService } from './services/partner-identity.service.js';

/**
 * The certification module: development paths, partner programs, capability labels (FAQ 4, 5, 9;
 * certification-paths.md, certification-labels.md). It sits below info, org, build and opportunity, which read
 * memberships and stages through its exports and register the readers it needs in `CertificationCollaborators`.
 */
@Module({
  controllers: [...PATH_CONTROLLERS, ...PROGRAM_CONTROLLERS, ...LABEL_CONTROLLERS],
  providers: [
    CertificationCollaborators,
    InProcessMembershipReader,
    CertificationMembershipReader,
    { provide: MEMBERSHIP_READER, useExisting: CertificationMembershipReader },
    PartnerIdentityService,
    TablePathStageReader,
    { provide: PATH_STAGE_READER, useExisting: TablePathStageReader },
    ...PATH_PROVIDERS,
    ...PROGRAM_PROVIDERS,
    ...LABEL_PROVIDERS,
  ],
  exports: [
    PartnerIdentityService,
    MEMBERSHIP_READER,
    CertificationCollaborators,
    PATH_STAGE_READER,
    ...PATH_EXPORTS,
    ...PROGRAM_EXPORTS,
    ...LABEL_EXPORTS,
  ],
})
export class CertificationModule implements OnModuleInit {
  constructor(
    private readonly fakes: FakeRegistry,
    private readonly memberships: InProcessMembershipReader,
  ) {}

  onModuleInit(): void {
    this.fakes.register(this.memberships, 'memberships');
  }
}
