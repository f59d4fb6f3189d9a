/**
 * Pure rules of linking and certificates: the rolling one-year window of ORG-020 #5 and the counting of
 * ORG-029 (level substitution, professional pairs, counted statuses).
 */
import { describe, expect, it } from '@jest/globals';
import type { PersonalAccountLink, PersonalCertificate } from '../entities/personal.entities.js';
import { highestLevel, holdsLevel, holdsProfessionalPair, isCounted, isValidOn } from './certificates.js';
import { oneYearBefore, partnersWithinYear } from './invitee.js';

const linkAt = (iso: string, entity: string | null, account = 'acc'): PersonalAccountLink =>
  ({ linkedAt: new Date(iso), legalEntityId: entity, partnerAccountId: account }) as PersonalAccountLink;
const cert = (
  family: PersonalCertificate['family'],
  status: PersonalCertificate['status'] = 'valid',
  reviewStatus: PersonalCertificate['reviewStatus'] = 'not_required',
  validTo: string | null = null,
) => ({ family, status, reviewStatus, validTo });

describe('ORG-020 #5 one-year window', () => {
  it('ORG-020 counts distinct legal entities linked after now − 1 year (rolling, same date-time)', () => {
    const now = new Date('2025-07-01T02:00:00Z');
    const links = [
      linkAt('2025-01-10T02:00:00Z', 'X'),
      linkAt('2025-03-01T02:00:00Z', 'Y'),
      linkAt('2025-05-01T02:00:00Z', 'Z'),
      linkAt('2025-06-01T02:00:00Z', 'Z'),
    ];
    expect(partnersWithinYear(links, now)).toBe(3);
    expect(partnersWithinYear(links, new Date('2026-01-10T02:00:00Z'))).toBe(2);
    expect(
      partnersWithinYear(
        [linkAt('2025-01-01T00:00:00Z', null, 'a1'), linkAt('2025-01-02T00:00:00Z', null, 'a2')],
        now,
      ),
    ).toBe(2);
    expect(oneYearBefore(new Date('2024-02-29T12:00:00Z')).toISOString()).toBe('2023-03-01T12:00:00.000Z');
  });
});

describe('ORG-029 counting', () => {
  it('ORG-029 a higher level replaces a lower one; pending, rejected and expired certificates do not count', () => {
    expect(holdsLevel([cert('HCIP', 'valid', 'approved')], 'entry')).toBe(true);
    expect(holdsLevel([cert('HCCDA')], 'working')).toBe(false);
    expect(holdsLevel([cert('HCIE', 'pending_review', 'pending_review')], 'entry')).toBe(false);
    expect(isCounted(cert('HCIA', 'rejected', 'rejected'))).toBe(false);
    expect(isCounted(cert('HCCDA', 'expired'))).toBe(false);
    expect(highestLevel([cert('HCIA', 'valid', 'approved'), cert('HCCDE')])).toBe('expert');
    expect(highestLevel([cert('PMP', 'valid', 'approved')])).toBeNull();
  });

  it('ORG-029 HCSA + HCSP count as one professional certificate only on the same account', () => {
    expect(holdsProfessionalPair([cert('HCSA'), cert('HCSP')])).toBe(true);
    expect(holdsProfessionalPair([cert('HCSP')])).toBe(false);
    expect(holdsProfessionalPair([cert('HCSA'), cert('HCSP', 'expired')])).toBe(false);
  });

  it('ORG-032 valid at submission: counted and valid_to not before today', () => {
    expect(isValidOn(cert('HCCDP', 'valid', 'not_required', '2025-06-30'), '2025-06-30')).toBe(true);
    expect(isValidOn(cert('HCCDP', 'valid', 'not_required', '2025-06-29'), '2025-06-30')).toBe(false);
  });
});
