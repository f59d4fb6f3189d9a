/**
 * Partner programs (certification-paths.md PROG-*): controllers, providers, exports and entities, spread into
 * CertificationModule.
 */
import type { Provider, Type } from '@nestjs/common';
import { PROGRAM_MEMBERSHIP_VIEWS, type ProgramMembershipViews } from '../ports/membership.port.js';

const NO_PROGRAM_MEMBERSHIPS: ProgramMembershipViews = { programMemberships: async () => [] };

export const PROGRAM_CONTROLLERS: Type[] = [];
export const PROGRAM_PROVIDERS: Provider[] = [
  { provide: PROGRAM_MEMBERSHIP_VIEWS, useValue: NO_PROGRAM_MEMBERSHIPS },
];
export const PROGRAM_EXPORTS: Array<Type | symbol> = [PROGRAM_MEMBERSHIP_VIEWS];
export const PROGRAM_ENTITIES: Type[] = [];
