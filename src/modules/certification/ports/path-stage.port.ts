/**
 * certification-paths.md `PathStageReader` (PATH-008, PATH-024): what other modules (build BUILD-001, benefits,
 * delivery, opportunity) may ask about an account's development-path membership and stage.
 */
import { Inject, Injectable } from '@nestjs/common';
import {
  type DevelopmentPath,
  PATH_MEMBERSHIP_VIEWS,
  type PathMembershipViews,
  type PathStage,
} from './membership.port.js';

export const PATH_STAGE_READER = Symbol('PATH_STAGE_READER');

export interface PathStageReader {
  hasActiveMembership(partnerAccountId: string, path: DevelopmentPath): Promise<boolean>;
  /** stage of the active membership on that path, or null when the account is not on it */
  stageOf(partnerAccountId: string, path: DevelopmentPath): Promise<PathStage | null>;
}

/** Reads the path tables (never the test overlay of MEMBERSHIP_READER). */
@Injectable()
export class TablePathStageReader implements PathStageReader {
  constructor(@Inject(PATH_MEMBERSHIP_VIEWS) private readonly views: PathMembershipViews) {}

  async hasActiveMembership(partnerAccountId: string, path: DevelopmentPath): Promise<boolean> {
    return (await this.stageOf(partnerAccountId, path)) !== null;
  }

  async stageOf(partnerAccountId: string, path: DevelopmentPath): Promise<PathStage | null> {
    const list = await this.views.pathMemberships(partnerAccountId);
    return list.find((m) => m.path === path && m.status === 'active')?.stage ?? null;
  }
}
