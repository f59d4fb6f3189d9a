/**
 * Development paths (certification-paths.md PATH-*): controllers, providers, exports and entities, spread into
 * CertificationModule so paths, programs and labels grow in separate files. `PATH_MEMBERSHIP_VIEWS` (read by
 * MEMBERSHIP_READER and PATH_STAGE_READER) is the real path tables through PathMembershipService.
 */
import type { Provider, Type } from '@nestjs/common';
import { PATH_MEMBERSHIP_VIEWS } from '../ports/membership.port.js';
import { PathsAdminController, PathsController } from './controllers/paths.controllers.js';
import { PATH_ENTITY_LIST } from './entities/path.entities.js';
import { PathsCron } from './paths.cron.js';
import { AnnualReviewService } from './services/annual-review.service.js';
import { PathCertificateService } from './services/path-certificate.service.js';
import { PathNotifier } from './services/path-contacts.js';
import { PathMembershipService } from './services/path-membership.service.js';
import { PathStageKeeper } from './services/path-stage-keeper.js';
import { StageApplicationService } from './services/stage-application.service.js';

export const PATH_CONTROLLERS: Type[] = [PathsController, PathsAdminController];
export const PATH_PROVIDERS: Provider[] = [
  PathNotifier,
  PathStageKeeper,
  PathMembershipService,
  StageApplicationService,
  AnnualReviewService,
  PathCertificateService,
  PathsCron,
  { provide: PATH_MEMBERSHIP_VIEWS, useExisting: PathMembershipService },
];
export const PATH_EXPORTS: Array<Type | symbol> = [
  PATH_MEMBERSHIP_VIEWS,
  PathMembershipService,
  StageApplicationService,
  AnnualReviewService,
  PathNotifier,
];
export const PATH_ENTITIES: Type[] = [...PATH_ENTITY_LIST];
