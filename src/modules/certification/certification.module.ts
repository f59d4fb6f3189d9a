import { Module, type OnModuleInit } from '@nestjs/common';
import { FakeRegistry } from '../../../libs/testing/index.js';
import { InProcessMembershipReader, MEMBERSHIP_READER } from './ports/membership.port.js';
import { PartnerIdentityService } from './services/partner-identity.service.js';

/**
 * The certification module: development paths, partner programs, capability labels (FAQ 4, 5, 9;
 * certification-paths.md, certification-labels.md). For now it exports the membership read port and the
 * partner-identity query that the info and org modules use; its issue fills paths, programs and labels.
 */
@Module({
  providers: [
    InProcessMembershipReader,
    { provide: MEMBERSHIP_READER, useExisting: InProcessMembershipReader },
    PartnerIdentityService,
  ],
  exports: [PartnerIdentityService, MEMBERSHIP_READER],
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
