// Public surface of the certification module: other modules import only from here.
export * from './certification.module.js';
export * from './certification.permissions.js';
export * from './certification.errors.js';
export * from './services/partner-identity.service.js';
export { certificationAdminResources, type CertificationAdminDeps } from './certification.admin.js';
export {
  MEMBERSHIP_READER,
  PATH_MEMBERSHIP_VIEWS,
  PROGRAM_MEMBERSHIP_VIEWS,
  type MembershipReader,
  type PathMembershipView,
  type ProgramMembershipView,
  type DevelopmentPath,
  type PathStage,
  type ProgramCode,
  type ProgramMembershipStatus,
} from './ports/membership.port.js';
export * from './ports/collaborators.js';
import { LABEL_ENTITIES } from './labels/labels.providers.js';
import { PATH_ENTITIES } from './paths/paths.providers.js';
import { PROGRAM_ENTITIES } from './programs/programs.providers.js';
export const CERTIFICATION_ENTITIES = [...PATH_ENTITIES, ...PROGRAM_ENTITIES, ...LABEL_ENTITIES];
export * from './labels/label-reader.js';
export { PATH_STAGE_READER, type PathStageReader } from './ports/path-stage.port.js';
