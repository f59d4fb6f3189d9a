/**
 * Contracts between the two parts of the build module: solutions & software certification (solutions/,
 * BUILD-001…BUILD-019) and baseline solutions, offerings & ecosystem special programs (baseline/,
 * BUILD-020…BUILD-036). Each part provides its token with `useExisting` on its service.
 */
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../../libs/context/index.js';
import type { JointOfferingView } from '../certification/index.js';

export interface SolutionSummary {
  id: string;
  partnerAccountId: string;
  name: string;
}

/** Provided by solutions/. */
export interface SolutionFacts {
  /** the solution, or null when it does not exist */
  get(solutionId: string): Promise<SolutionSummary | null>;
  /**
   * BUILD-036: the ecosystem technical certification passed → an advanced cloud software certification
   * (scenario `ecosystem_special_technical`) is created `certified` inside the caller's transaction, valid
   * 1 year from `certifiedOn` (`YYYY-MM-DD`, Asia/Shanghai).
   */
  issueEcosystemTechnicalCertification(
    ctx: RequestContext,
    t: EntityManager,
    input: { solutionId: string; enrollmentId: string; program: string; certifiedOn: string },
  ): Promise<{ certificationId: string; validUntil: string }>;
}
export const SOLUTION_FACTS = Symbol('SOLUTION_FACTS');

export interface BaselineSummary {
  id: string;
  partnerAccountId: string;
  leadType: 'partner_led' | 'huawei_led';
  stage: string;
  solutionId: string | null;
}

/** Provided by baseline/. */
export interface BaselineFacts {
  get(baselineId: string): Promise<BaselineSummary | null>;
  /** build.md `Offering` view (BUILD-030) of the account */
  jointOfferings(partnerAccountId: string): Promise<JointOfferingView[]>;
}
export const BASELINE_FACTS = Symbol('BASELINE_FACTS');
