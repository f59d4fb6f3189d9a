/**
 * Certificate facts (org.md "Certificate level", ORG-025, ORG-026, ORG-029; FAQ 4.2.1, 4.2.12, 7.2.6). Pure.
 */
import type { CertificateFamily, PersonalCertificate } from '../entities/personal.entities.js';

export const CERTIFICATE_FAMILIES: readonly CertificateFamily[] = [
  'HCIA',
  'HCIP',
  'HCIE',
  'HCCDA',
  'HCCDP',
  'HCCDE',
  'HCSA',
  'HCSP',
  'PMP',
];

/** ORG-025: synced from Huawei Cloud Academy, never uploaded, moved or deleted by hand. */
export const SYNCED_FAMILIES: ReadonlySet<CertificateFamily> = new Set([
  'HCCDA',
  'HCCDP',
  'HCCDE',
  'HCSA',
  'HCSP',
]);

export type CertLevel = 'entry' | 'working' | 'expert';
const LEVEL: Partial<Record<CertificateFamily, CertLevel>> = {
  HCIA: 'entry',
  HCCDA: 'entry',
  HCIP: 'working',
  HCCDP: 'working',
  HCIE: 'expert',
  HCCDE: 'expert',
};
const RANK: Record<CertLevel, number> = { entry: 1, working: 2, expert: 3 };

export function levelOf(family: CertificateFamily): CertLevel | null {
  return LEVEL[family] ?? null;
}

/** ORG-029: only valid certificates that are approved or need no review count. */
export function isCounted(c: Pick<PersonalCertificate, 'status' | 'reviewStatus'>): boolean {
  return c.status === 'valid' && (c.reviewStatus === 'approved' || c.reviewStatus === 'not_required');
}

/** ORG-032: "valid at submission" — counted and `valid_to` not before today. */
export function isValidOn(
  c: Pick<PersonalCertificate, 'status' | 'reviewStatus' | 'validTo'>,
  today: string,
): boolean {
  return isCounted(c) && (c.validTo === null || c.validTo >= today);
}

/**
 * ORG-029 level substitution: does the person hold a counted certificate of at least `level` (a higher level
 * replaces a lower one: expert ⊃ working ⊃ entry)?
 */
export function holdsLevel(
  certs: ReadonlyArray<Pick<PersonalCertificate, 'family' | 'status' | 'reviewStatus'>>,
  level: CertLevel,
): boolean {
  return certs.some((c) => {
    const l = levelOf(c.family);
    return l !== null && isCounted(c) && RANK[l] >= RANK[level];
  });
}

/** ORG-029 professional pair: counts 1 only when the same person holds both HCSA and HCSP (counted). */
export function holdsProfessionalPair(
  certs: ReadonlyArray<Pick<PersonalCertificate, 'family' | 'status' | 'reviewStatus'>>,
): boolean {
  const counted = certs.filter(isCounted);
  return counted.some((c) => c.family === 'HCSA') && counted.some((c) => c.family === 'HCSP');
}

/** The highest counted technical level of a person, or null. */
export function highestLevel(
  certs: ReadonlyArray<Pick<PersonalCertificate, 'family' | 'status' | 'reviewStatus'>>,
): CertLevel | null {
  let best: CertLevel | null = null;
  for (const c of certs) {
    const l = levelOf(c.family);
    if (l && isCounted(c) && (!best || RANK[l] > RANK[best])) best = l;
  }
  return best;
}
