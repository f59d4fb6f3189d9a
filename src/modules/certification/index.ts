// Public surface of the certification module: other modules import only from here.
export * from './certification.module.js';
export * from './certification.permissions.js';
export * from './certification.errors.js';
export * from './services/partner-identity.service.js';
export {
  MEMBERSHIP_READER,
  type MembershipReader,
  type PathMembershipView,
  type ProgramMembershipView,
  type DevelopmentPath,
  type ProgramCode,
  type ProgramMembershipStatus,
} from './ports/membership.port.js';
