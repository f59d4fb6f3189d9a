/**
 * What other modules may ask about an account's development-path and partner-program memberships
 * (certification-paths.md: PathMembership, ProgramMembership; PATH-024 `PathStageReader`). The info module
 * (customer identity INFO-019, deregistration INFO-035…INFO-039) and the org module (partner identity for
 * table 7-1, ORG-004/ORG-015) read memberships only through this port.
 *
 * Until the certification issue adds paths and programs, the in-process adapter holds memberships set through
 * the test hook `PUT /api/v1/admin/test/fakes/memberships` (and reports none otherwise); the certification
 * issue replaces the adapter with its own tables behind the same token.
 */
import { Injectable } from '@nestjs/common';
import type { ConfigurableFake } from '../../../../libs/testing/index.js';

export type DevelopmentPath = 'software' | 'service' | 'si' | 'lp';
export type PathMembershipStatus = 'active' | 'exited';
export type PathStage = 'joined' | 'role_certification' | 'capability_differentiation';

export type ProgramCode = 'solution_provider' | 'distributor' | 'cloud_reseller' | 'pce';
export type ProgramMembershipStatus =
  | 'pending_review'
  | 'pending_distributor_review'
  | 'active'
  | 'expired'
  | 'exited'
  | 'rejected'
  | 'withdrawn';

export interface PathMembershipView {
  path: DevelopmentPath;
  status: PathMembershipStatus;
  stage: PathStage;
}

export interface ProgramMembershipView {
  program: ProgramCode;
  status: ProgramMembershipStatus;
  /** true once the membership has ever reached `active` (INFO-019 "joined") */
  everActive: boolean;
  level: string | null;
}

export interface MembershipReader {
  pathMemberships(partnerAccountId: string): Promise<PathMembershipView[]>;
  programMemberships(partnerAccountId: string): Promise<ProgramMembershipView[]>;
}

export const MEMBERSHIP_READER = Symbol('MEMBERSHIP_READER');

const PATHS: readonly DevelopmentPath[] = ['software', 'service', 'si', 'lp'];
const PROGRAMS: readonly ProgramCode[] = ['solution_provider', 'distributor', 'cloud_reseller', 'pce'];
const PROGRAM_STATUSES: readonly ProgramMembershipStatus[] = [
  'pending_review',
  'pending_distributor_review',
  'active',
  'expired',
  'exited',
  'rejected',
  'withdrawn',
];

@Injectable()
export class InProcessMembershipReader implements MembershipReader, ConfigurableFake {
  readonly portName = 'MembershipReader';
  private readonly paths = new Map<string, PathMembershipView[]>();
  private readonly programs = new Map<string, ProgramMembershipView[]>();

  async pathMemberships(partnerAccountId: string): Promise<PathMembershipView[]> {
    return this.paths.get(partnerAccountId) ?? [];
  }

  async programMemberships(partnerAccountId: string): Promise<ProgramMembershipView[]> {
    return this.programs.get(partnerAccountId) ?? [];
  }

  /**
   * Body: `{ "partner_account_id": "…", "paths": [{ "path": "service", "status": "active", "stage": "joined" }],
   * "programs": [{ "program": "solution_provider", "status": "expired", "ever_active": true, "level": null }] }`
   * replaces that account's memberships (a missing list leaves it unchanged). Throws on invalid values.
   */
  configure(body: Record<string, unknown>): void {
    const id = body.partner_account_id;
    if (typeof id !== 'string' || !id) throw new RangeError('partner_account_id is required');
    if (Array.isArray(body.paths)) {
      this.paths.set(
        id,
        (body.paths as Array<Record<string, unknown>>).map((p) => {
          if (!PATHS.includes(p.path as DevelopmentPath))
            throw new RangeError(`unknown path ${String(p.path)}`);
          const status = (p.status ?? 'active') as PathMembershipStatus;
          if (status !== 'active' && status !== 'exited')
            throw new RangeError(`bad path status ${String(status)}`);
          const stage = (p.stage ?? 'joined') as PathStage;
          if (!['joined', 'role_certification', 'capability_differentiation'].includes(stage)) {
            throw new RangeError(`bad stage ${String(stage)}`);
          }
          return { path: p.path as DevelopmentPath, status, stage };
        }),
      );
    }
    if (Array.isArray(body.programs)) {
      this.programs.set(
        id,
        (body.programs as Array<Record<string, unknown>>).map((p) => {
          if (!PROGRAMS.includes(p.program as ProgramCode))
            throw new RangeError(`unknown program ${String(p.program)}`);
          const status = (p.status ?? 'active') as ProgramMembershipStatus;
          if (!PROGRAM_STATUSES.includes(status))
            throw new RangeError(`bad program status ${String(status)}`);
          const everActive =
            typeof p.ever_active === 'boolean'
              ? p.ever_active
              : ['active', 'expired', 'exited'].includes(status);
          return {
            program: p.program as ProgramCode,
            status,
            everActive,
            level: typeof p.level === 'string' ? p.level : null,
          };
        }),
      );
    }
  }

  reset(): void {
    this.paths.clear();
    this.programs.clear();
  }

  describe(): Record<string, unknown> {
    return { accounts_with_paths: this.paths.size, accounts_with_programs: this.programs.size };
  }
}
