/**
 * What other modules may ask about an account's development-path and partner-program memberships
 * (certification-paths.md: PathMembership, ProgramMembership; PATH-024 `PathStageReader`). The info module
 * (customer identity INFO-019, deregistration INFO-035…INFO-039) and the org module (partner identity for
 * table 7-1, ORG-004/ORG-015) read memberships only through this port.
 *
 * The reader behind the token (`CertificationMembershipReader`) answers from the module's own tables: path
 * memberships (paths/), SP / distributor / cloud-reseller memberships (programs/) and PCE (registered by the
 * opportunity module). For tests of *other* modules, the test hook `PUT /api/v1/admin/test/fakes/memberships`
 * (TEST_HOOKS only) overlays the memberships of one account (`InProcessMembershipReader`); certification's own
 * rules never read the overlay.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { ConfigurableFake } from '../../../../libs/testing/index.js';
import { CertificationCollaborators } from './collaborators.js';

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

  hasPaths(partnerAccountId: string): boolean {
    return this.paths.has(partnerAccountId);
  }

  hasPrograms(partnerAccountId: string): boolean {
    return this.programs.has(partnerAccountId);
  }

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

/** Path memberships of an account from the paths tables (provided by paths/). */
export interface PathMembershipViews {
  pathMemberships(partnerAccountId: string): Promise<PathMembershipView[]>;
}
/** SP / distributor / cloud-reseller memberships from the programs tables (provided by programs/). */
export interface ProgramMembershipViews {
  programMemberships(partnerAccountId: string): Promise<ProgramMembershipView[]>;
}
export const PATH_MEMBERSHIP_VIEWS = Symbol('PATH_MEMBERSHIP_VIEWS');
export const PROGRAM_MEMBERSHIP_VIEWS = Symbol('PROGRAM_MEMBERSHIP_VIEWS');

/** The MEMBERSHIP_READER: the test overlay for an account configured through the hook, else the real tables. */
@Injectable()
export class CertificationMembershipReader implements MembershipReader {
  constructor(
    private readonly overlay: InProcessMembershipReader,
    @Inject(PATH_MEMBERSHIP_VIEWS) private readonly paths: PathMembershipViews,
    @Inject(PROGRAM_MEMBERSHIP_VIEWS) private readonly programs: ProgramMembershipViews,
    private readonly collaborators: CertificationCollaborators,
  ) {}

  async pathMemberships(partnerAccountId: string): Promise<PathMembershipView[]> {
    if (this.overlay.hasPaths(partnerAccountId)) return this.overlay.pathMemberships(partnerAccountId);
    return this.paths.pathMemberships(partnerAccountId);
  }

  async programMemberships(partnerAccountId: string): Promise<ProgramMembershipView[]> {
    if (this.overlay.hasPrograms(partnerAccountId)) return this.overlay.programMemberships(partnerAccountId);
    const list = await this.programs.programMemberships(partnerAccountId);
    const pce = await this.collaborators.pce.status(partnerAccountId);
    if (pce) list.push({ program: 'pce', status: pce, everActive: true, level: null });
    return list;
  }
}
