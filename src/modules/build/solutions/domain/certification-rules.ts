/**
 * Pure rules of solution certification (build.md BUILD-004…BUILD-007, BUILD-014, BUILD-016; F-BUILD-1,
 * F-BUILD-2, F-BUILD-3). No I/O: the services feed them with rows and dates.
 */
import { shiftDate, validUntilAfterMonths } from '../../../../../libs/calendar/index.js';
import type { CloudServiceTier } from './cloud-service-catalogue.js';

export const CERTIFICATION_TYPES = ['cloud_software', 'advanced_cloud_software'] as const;
export type CertificationType = (typeof CERTIFICATION_TYPES)[number];

export const PASS_SCENARIOS = {
  cloud_software: ['ftr_and_one_pager', 'partner_led_baseline_launched'],
  advanced_cloud_software: [
    'ftr_one_pager_and_test_report',
    'partner_led_baseline_launched_and_test_report',
    'ecosystem_special_technical',
  ],
} as const;
export type PassScenario =
  (typeof PASS_SCENARIOS.cloud_software)[number] | (typeof PASS_SCENARIOS.advanced_cloud_software)[number];
export const ALL_PASS_SCENARIOS: readonly PassScenario[] = [
  ...PASS_SCENARIOS.cloud_software,
  ...PASS_SCENARIOS.advanced_cloud_software,
];

export const MATERIAL_TYPES = [
  'software_copyright_certificate',
  'ftr_checklist',
  'ftr_evidence',
  'one_pager',
  'test_report',
  'haydn_test_report',
] as const;
export type MaterialType = (typeof MATERIAL_TYPES)[number];
/** material types of which an application may hold several files (FAQ 8.1.5 "self-proof materials") */
export const MULTI_FILE_MATERIALS: readonly MaterialType[] = ['ftr_evidence', 'haydn_test_report'];

export const DEPLOYMENT_MODES = ['multi_tenant', 'single_tenant', 'private'] as const;
export type DeploymentMode = (typeof DEPLOYMENT_MODES)[number];

/** BUILD-010: the states that count as "in progress" for one (solution, type). */
export const IN_PROGRESS_STATUSES = [
  'pending_psa_pre_review',
  'pending_expert_review',
  'pending_pdm_review',
  'rejected',
] as const;

/** Scenarios the partner applies for online; `ecosystem_special_technical` records are created by the system. */
export function isPartnerScenario(type: CertificationType, scenario: PassScenario): boolean {
  return (
    (PASS_SCENARIOS[type] as readonly string[]).includes(scenario) &&
    scenario !== 'ecosystem_special_technical'
  );
}

export function isBaselineScenario(scenario: PassScenario): boolean {
  return (
    scenario === 'partner_led_baseline_launched' ||
    scenario === 'partner_led_baseline_launched_and_test_report'
  );
}

/**
 * BUILD-004 / BUILD-005 / BUILD-006 (materials part): the first material the scenario requires that is missing,
 * or null. `software_copyright_certificate` is checked first (BUILD-004 answers its own code).
 */
export function missingMaterial(scenario: PassScenario, present: readonly string[]): MaterialType | null {
  const required: MaterialType[] = ['software_copyright_certificate'];
  if (scenario === 'ftr_and_one_pager' || scenario === 'ftr_one_pager_and_test_report') {
    required.push('ftr_checklist', 'ftr_evidence', 'one_pager', 'test_report');
  } else if (scenario === 'partner_led_baseline_launched_and_test_report') {
    required.push('test_report');
  }
  return required.find((m) => !present.includes(m)) ?? null;
}

export interface ArchitectureCheck {
  key_services: number;
  high_order_services: number;
  met: boolean;
}

/**
 * F-BUILD-1 "3 or 1" (decision, Open point 1): ≥ keyMin distinct key services or ≥ highOrderMin distinct
 * high-order services; unknown or inactive codes are ignored (the catalogue passed in holds active entries).
 */
export function architectureCheck(
  services: readonly string[],
  catalogue: ReadonlyMap<string, CloudServiceTier>,
  thresholds: { keyMin: number; highOrderMin: number } = { keyMin: 1, highOrderMin: 3 },
): ArchitectureCheck {
  const distinct = [...new Set(services)];
  const key = distinct.filter((s) => catalogue.get(s) === 'key').length;
  const high = distinct.filter((s) => catalogue.get(s) === 'high_order').length;
  return {
    key_services: key,
    high_order_services: high,
    met: key >= thresholds.keyMin || high >= thresholds.highOrderMin,
  };
}

/**
 * Conventions "valid N months from D": `addMonths(D, N) − 1 day`; when the target day does not exist the date
 * rolls to the 1st of the following month first (2024-02-29 + 12 months → 2025-03-01 → valid_until 2025-02-28).
 */
export function validUntilFrom(certifiedOn: string, months = 12): string {
  return validUntilAfterMonths(certifiedOn, months);
}

/** BUILD-016 (decision, Open point 5): the re-certification window opens on `valid_until − 60` natural days. */
export const RECERT_WINDOW_DAYS = 60;
export function recertificationOpensOn(validUntil: string): string {
  return shiftDate(validUntil, -RECERT_WINDOW_DAYS);
}

/** A `certified` record is valid on `date` while `date ≤ valid_until` (BUILD-014, BUILD-015). */
export function isValidOn(rec: { status: string; validUntil: string | null }, date: string): boolean {
  return rec.status === 'certified' && !!rec.validUntil && rec.validUntil >= date;
}

/** F-BUILD-3: software-path stage facts from the account's certifications on `date`. */
export function softwareStageFacts(
  certs: ReadonlyArray<{ certificationType: CertificationType; status: string; validUntil: string | null }>,
  date: string,
): { roleCertification: boolean; capabilityDifferentiation: boolean } {
  const valid = certs.filter((c) => isValidOn(c, date));
  return {
    roleCertification: valid.length > 0,
    capabilityDifferentiation: valid.some((c) => c.certificationType === 'advanced_cloud_software'),
  };
}

/** Certificate number (decision): `CS-2025-000123` / `ACS-2025-000045`, sequence per type and year. */
export function certificateNo(type: CertificationType, year: string, seq: number): string {
  return `${type === 'cloud_software' ? 'CS' : 'ACS'}-${year}-${String(seq).padStart(6, '0')}`;
}
