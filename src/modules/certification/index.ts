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
export {
  PATH_MEMBERSHIP_EXITED_EVENT,
  type PathMembershipExitedPayload,
} from './paths/domain/path-state-machines.js';
export { PATH_STAGE_CHANGED_EVENT } from './paths/services/path-stage-keeper.js';
export { PathNotifier } from './paths/services/path-contacts.js';
export { PathPermissions } from './paths/paths.permissions.js';
export { ProgramPermissions } from './programs/programs.permissions.js';
export { ProgramErrors } from './programs/programs.errors.js';
export { ProgramMembershipService } from './programs/services/program-membership.service.js';
export { ProgramScorecardService } from './programs/services/program-scorecard.service.js';
export { PROGRAM_PERFORMANCE_PORT, type ProgramPerformancePort } from './programs/ports/performance.port.js';
export { LabelPermissions } from './labels/labels.permissions.js';
export {
  SERVICE_CORE_LABELS,
  serviceLabelRequirementMet,
  type ImprovementIncentiveScope,
} from './labels/domain/label-catalogue.js';
export {
  CAPABILITY_LABELS_CHANGED_EVENT,
  PartnerLabelService,
  type CapabilityLabelsChangedPayload,
  type PersonCapabilityAssessmentReader,
} from './labels/services/partner-label.service.js';
export { LabelCatalogueService } from './labels/services/label-catalogue.service.js';
export { PathMembershipService } from './paths/services/path-membership.service.js';
