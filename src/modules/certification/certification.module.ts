import { Module } from '@nestjs/common';
import { PartnerIdentityService } from './services/partner-identity.service.js';

/**
 * The certification module: development paths, partner programs, capability labels (FAQ 4, 5, 9;
 * certification-paths.md, certification-labels.md). For now it exports the partner-identity query the org
 * module and the guard use; its issue fills paths, programs and labels.
 */
@Module({
  providers: [PartnerIdentityService],
  exports: [PartnerIdentityService],
})
export class CertificationModule {}
