/**
 * Registers the build module's `BuildFactsReader` with the certification module at start-up
 * (certification `ports/collaborators.ts`): valid certifications (BUILD-017), solution records (BUILD-019,
 * PATH-022) from this part, joint offerings (BUILD-030) from the baseline part through `BASELINE_FACTS`.
 */
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { type BuildFactsReader, CertificationCollaborators } from '../../../certification/index.js';
import { BASELINE_FACTS, type BaselineFacts } from '../../build.contracts.js';
import { SolutionCertificationService } from './solution-certification.service.js';

@Injectable()
export class BuildFactsRegistrar implements OnModuleInit {
  constructor(
    private readonly collaborators: CertificationCollaborators,
    private readonly certifications: SolutionCertificationService,
    @Inject(BASELINE_FACTS) private readonly baselines: BaselineFacts,
  ) {}

  onModuleInit(): void {
    const reader: BuildFactsReader = {
      listValidCertifications: (partnerAccountId, type, at) =>
        this.certifications.listValidCertifications(partnerAccountId, type, at),
      solutionRecordExists: (partnerAccountId, type) =>
        this.certifications.solutionRecordExists(partnerAccountId, type),
      jointOfferings: (partnerAccountId) => this.baselines.jointOfferings(partnerAccountId),
    };
    this.collaborators.registerBuildFacts(reader);
  }
}
