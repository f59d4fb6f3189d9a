/**
 * ORG-020 invitee conditions (FAQ 7.2.3), checked at invitation and again at acceptance. Pure: the caller
 * loads the person, its links and the clock.
 */
import type { PersonalAccount, PersonalAccountLink } from '../entities/personal.entities.js';

export type InviteeCondition =
  | 'ORG_INVITEE_ENTERPRISE_ACCOUNT'
  | 'ORG_INVITEE_ALREADY_LINKED'
  | 'ORG_INVITEE_NOT_REALNAME_VERIFIED'
  | 'ORG_INVITEE_IS_PARTNER_ACCOUNT'
  | 'ORG_INVITEE_PARTNER_LIMIT';

/** ORG-020 #5: at most this many distinct partners (legal entities) within the rolling year. */
export const MAX_PARTNERS_PER_YEAR = 3;

/** The same date-time one year earlier (rolling window, 365/366 days; Feb 29 → Mar 1). */
export function oneYearBefore(now: Date): Date {
  const d = new Date(now.getTime());
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d;
}

/**
 * Open point 5: distinct legal entities of all links (any status) with `linked_at > now − 1 year`; a link of
 * an account without a legal entity counts as its own partner. Literal reading of 7.2.3: once 3 are reached,
 * even one of those three is refused until the oldest leaves the window.
 */
export function partnersWithinYear(links: readonly PersonalAccountLink[], now: Date): number {
  const from = oneYearBefore(now).getTime();
  return new Set(
    links
      .filter((l) => l.linkedAt.getTime() > from)
      .map((l) => l.legalEntityId ?? `account:${l.partnerAccountId}`),
  ).size;
}

/** All failed conditions, in the order of ORG-020 (the first one is answered). */
export function failedInviteeConditions(
  person: PersonalAccount,
  links: readonly PersonalAccountLink[],
  now: Date,
): InviteeCondition[] {
  const failed: InviteeCondition[] = [];
  if (person.realnameStatus === 'enterprise') failed.push('ORG_INVITEE_ENTERPRISE_ACCOUNT');
  if (links.some((l) => l.status === 'active')) failed.push('ORG_INVITEE_ALREADY_LINKED');
  // real-name verification is required on the China site only (7.2.3 #3)
  if (
    person.site === 'cn' &&
    person.realnameStatus !== 'personal' &&
    person.realnameStatus !== 'enterprise'
  ) {
    failed.push('ORG_INVITEE_NOT_REALNAME_VERIFIED');
  }
  if (person.isPartnerAccount) failed.push('ORG_INVITEE_IS_PARTNER_ACCOUNT');
  if (partnersWithinYear(links, now) >= MAX_PARTNERS_PER_YEAR) failed.push('ORG_INVITEE_PARTNER_LIMIT');
  return failed;
}
