/**
 * Development paths (certification-paths.md PATH-*): controllers, providers, exports and entities, spread into
 * CertificationModule so paths, programs and labels grow in separate files.
 */
import type { Provider, Type } from '@nestjs/common';
import { PATH_MEMBERSHIP_VIEWS, type PathMembershipViews } from '../ports/membership.port.js';

const NO_PATH_MEMBERSHIPS: PathMembershipViews = { pathMemberships: async () => [] };

export const PATH_CONTROLLERS: Type[] = [];
export const PATH_PROVIDERS: Provider[] = [{ provide: PATH_MEMBERSHIP_VIEWS, useValue: NO_PATH_MEMBERSHIPS }];
export const PATH_EXPORTS: Array<Type | symbol> = [PATH_MEMBERSHIP_VIEWS];
export const PATH_ENTITIES: Type[] = [];
