import type { DomainError } from '../errors/index.js';
import type { ReviewerRole, Site } from '../context/index.js';

/** What the guard needs to know about a partner principal; implemented by the info and org modules. */
export interface PartnerPrincipal {
  site: Site;
  /** null when the account may use the partner center; the error to answer otherwise (INFO-011) */
  notActiveError: DomainError | null;
  /** effective permission keys (partner admin: every key allowed for its identity) */
  permissions: ReadonlySet<string>;
}

export interface ReviewerPrincipal {
  email: string;
  roles: readonly ReviewerRole[];
  flags: readonly string[];
}

export const PARTNER_PRINCIPALS = Symbol('PARTNER_PRINCIPALS');
export const REVIEWER_PRINCIPALS = Symbol('REVIEWER_PRINCIPALS');
export const PERSONAL_PRINCIPALS = Symbol('PERSONAL_PRINCIPALS');

/** A personal account's principal (org.md "Personal account"); implemented by the org module. */
export interface PersonalPrincipal {
  site: Site;
}

export interface PersonalPrincipalResolver {
  /** null when the personal account does not exist (the token is then invalid) */
  resolve(personalAccountId: string): Promise<PersonalPrincipal | null>;
}

export interface PartnerPrincipalResolver {
  /** null when the account or member no longer exists or is disabled (the token is then invalid) */
  resolve(partnerAccountId: string, memberId: string | null): Promise<PartnerPrincipal | null>;
}

export interface ReviewerPrincipalResolver {
  resolve(reviewerId: string): Promise<ReviewerPrincipal | null>;
}
