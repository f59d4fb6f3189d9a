/**
 * Pure stage criteria of the development paths (certification-paths.md "Default stage criteria", PATH-006,
 * PATH-007, PATH-011, PATH-014, PATH-019, PATH-020, PROG-020 validity convention). No I/O: the services gather
 * the facts (counted persons, labels, offerings, certifications) and these functions decide.
 */
import { addMonths } from '../../../../../libs/calendar/index.js';
import type { Site } from '../../../../../libs/context/index.js';
import type {
  CountedPerson,
  JointOfferingView,
  ValidSolutionCertification,
} from '../../ports/collaborators.js';
import type { DevelopmentPath, PathStage } from '../../ports/membership.port.js';

export interface UnmetCriterion {
  criterion: string;
  required: number | boolean;
  actual: number | boolean;
}

/** `PathCriteriaConfig` keys with the FAQ defaults. */
export interface PathCriteria {
  serviceRoleCertifiedPersons: number;
  serviceRoleWorkingLevelPersons: number;
  serviceRoleCases: number;
  serviceRoleCaseMonths: number;
  serviceDiffLabels: number;
  serviceDiffCoreLabels: number;
  serviceDifferentiationCoreLabels: string[];
  siRolePresalesExperts: number;
  siRoleOfferingsOrLabels: number;
  siDiffPresalesExperts: number;
  siDiffExpertLevelHolders: number;
  siDiffOfferingsPlusLabels: number;
  siDiffLabels: number;
  softwareRoleSolutions: number;
  softwareDiffSolutions: number;
  /** J-PATH-2: review deadline as `MM-DD` of the cycle year (23:59:59.999 Asia/Shanghai) */
  annualReviewDeadline: string;
}

export const CORE_SERVICE_LABELS = [
  'cloud_adoption_planning_implementation',
  'database',
  'ascend_cloud',
  'ai_platform',
  'big_data',
  'cloud_native',
  'application_modernization',
  'sap',
];

export function defaultCriteria(site: Site): PathCriteria {
  return {
    serviceRoleCertifiedPersons: 4,
    serviceRoleWorkingLevelPersons: 2,
    serviceRoleCases: 1,
    serviceRoleCaseMonths: 12,
    serviceDiffLabels: site === 'cn' ? 2 : 1,
    serviceDiffCoreLabels: 1,
    serviceDifferentiationCoreLabels: [...CORE_SERVICE_LABELS],
    siRolePresalesExperts: 4,
    siRoleOfferingsOrLabels: 1,
    siDiffPresalesExperts: 10,
    siDiffExpertLevelHolders: 1,
    siDiffOfferingsPlusLabels: 3,
    siDiffLabels: 2,
    softwareRoleSolutions: 1,
    softwareDiffSolutions: 1,
    annualReviewDeadline: '12-31',
  };
}

/** Defaults overridden by the keys a `PathCriteriaConfig` row holds (snake_case or camelCase). */
export function mergeCriteria(base: PathCriteria, overrides: Record<string, unknown> | null): PathCriteria {
  if (!overrides) return base;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(overrides)) {
    const key = k.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    if (key in out && typeof v === typeof out[key]) out[key] = v;
    if (key in out && Array.isArray(out[key]) && Array.isArray(v)) out[key] = v.map(String);
  }
  return out as unknown as PathCriteria;
}

// --- people -----------------------------------------------------------------------------------------------------

const RANK = { entry: 1, working: 2, expert: 3 } as const;
type Level = keyof typeof RANK;

/** Open point 4: one person = one count at his highest technical level (higher replaces lower). */
export function highestLevel(p: CountedPerson): Level | null {
  let best: Level | null = null;
  for (const c of p.certificates) {
    if (c.level === 'entry' || c.level === 'working' || c.level === 'expert') {
      if (!best || RANK[c.level] > RANK[best]) best = c.level;
    }
  }
  return best;
}

function fam(c: { family: string }): string {
  return c.family.toUpperCase();
}

/** HCIP-Cloud Service Solutions Architect or HCCDP-Solution Architectures (4.3.2). */
function isArchitectCertificate(c: { family: string; name: string }): boolean {
  const n = c.name.toLowerCase();
  if (fam(c) === 'HCIP') return n.includes('cloud service solution') && n.includes('architect');
  if (fam(c) === 'HCCDP') return n.includes('solution architect');
  return false;
}

export function holdsExpertLevel(p: CountedPerson): boolean {
  return p.certificates.some((c) => fam(c) === 'HCIE' || fam(c) === 'HCCDE');
}

/**
 * Pre-sales solution expert (4.3.2–4.3.4): valid HCSP (the "Building customers' business systems on Huawei
 * Cloud" professional exam, decision) and HCIP-Cloud Service Solutions Architect / HCCDP-Solution Architectures,
 * or an expert-level HCIE/HCCDE in place of the architect certificate (decision: higher replaces lower).
 */
export function isPresalesExpert(p: CountedPerson): boolean {
  const hcsp = p.certificates.some((c) => fam(c) === 'HCSP');
  return hcsp && (p.certificates.some(isArchitectCertificate) || holdsExpertLevel(p));
}

export interface ServicePeopleFacts {
  certifiedPersons: number;
  workingLevelPersons: number;
  /** personal accounts that count (must be covered by employment proofs, PATH-013) */
  countedPersonIds: string[];
}

export function servicePeople(persons: CountedPerson[]): ServicePeopleFacts {
  const counted = persons.filter((p) => highestLevel(p) !== null);
  return {
    certifiedPersons: counted.length,
    workingLevelPersons: counted.filter((p) => RANK[highestLevel(p)!] >= RANK.working).length,
    countedPersonIds: counted.map((p) => p.personalAccountId),
  };
}

/** PATH-011: ≥ 4 counted persons at entry level or higher, of which ≥ 2 at working level or higher. */
export function serviceRoleUnmet(facts: ServicePeopleFacts, c: PathCriteria): UnmetCriterion[] {
  const unmet: UnmetCriterion[] = [];
  if (facts.certifiedPersons < c.serviceRoleCertifiedPersons) {
    unmet.push({
      criterion: 'certified_persons',
      required: c.serviceRoleCertifiedPersons,
      actual: facts.certifiedPersons,
    });
  }
  if (facts.workingLevelPersons < c.serviceRoleWorkingLevelPersons) {
    unmet.push({
      criterion: 'working_level_persons',
      required: c.serviceRoleWorkingLevelPersons,
      actual: facts.workingLevelPersons,
    });
  }
  return unmet;
}

/** PATH-014: valid labels cn ≥ 2 / intl, eu ≥ 1, of which ≥ 1 in the core list. */
export function serviceDifferentiationUnmet(labelCodes: string[], c: PathCriteria): UnmetCriterion[] {
  const unique = [...new Set(labelCodes)];
  const core = unique.filter((l) => c.serviceDifferentiationCoreLabels.includes(l)).length;
  const unmet: UnmetCriterion[] = [];
  if (unique.length < c.serviceDiffLabels) {
    unmet.push({ criterion: 'labels', required: c.serviceDiffLabels, actual: unique.length });
  }
  if (core < c.serviceDiffCoreLabels) {
    unmet.push({ criterion: 'core_label', required: c.serviceDiffCoreLabels, actual: core });
  }
  return unmet;
}

export interface SiFacts {
  bpInterlocked: boolean;
  customerListInterlocked: boolean;
  presalesExperts: number;
  expertLevelHolders: number;
  jointOfferings: number;
  labels: number;
}

export function siFacts(
  persons: CountedPerson[],
  offerings: JointOfferingView[],
  labelCodes: string[],
  today: string,
  interlocks: { bpInterlocked: boolean; customerListInterlocked: boolean },
): SiFacts {
  const experts = persons.filter(isPresalesExpert);
  return {
    ...interlocks,
    presalesExperts: experts.length,
    expertLevelHolders: experts.filter(holdsExpertLevel).length,
    jointOfferings: countJointOfferings(offerings, today),
    labels: new Set(labelCodes).size,
  };
}

/** 4.3.5: an offering counts once `joint_offering_since` is set and not after the evaluation date. */
export function countJointOfferings(offerings: JointOfferingView[], today: string): number {
  return offerings.filter((o) => o.jointOfferingSince !== null && o.jointOfferingSince <= today).length;
}

function interlockUnmet(f: SiFacts): UnmetCriterion[] {
  const unmet: UnmetCriterion[] = [];
  if (!f.bpInterlocked) unmet.push({ criterion: 'bp_interlock', required: true, actual: false });
  if (!f.customerListInterlocked) {
    unmet.push({ criterion: 'customer_list_interlock', required: true, actual: false });
  }
  return unmet;
}

/** PATH-019: both interlocks; ≥ 4 pre-sales solution experts; joint offerings + valid labels ≥ 1. */
export function siRoleUnmet(f: SiFacts, c: PathCriteria): UnmetCriterion[] {
  const unmet = interlockUnmet(f);
  if (f.presalesExperts < c.siRolePresalesExperts) {
    unmet.push({
      criterion: 'presales_experts',
      required: c.siRolePresalesExperts,
      actual: f.presalesExperts,
    });
  }
  const total = f.jointOfferings + f.labels;
  if (total < c.siRoleOfferingsOrLabels) {
    unmet.push({ criterion: 'offerings_or_labels', required: c.siRoleOfferingsOrLabels, actual: total });
  }
  return unmet;
}

/** PATH-020: both interlocks; ≥ 10 experts, ≥ 1 with HCIE/HCCDE; offerings + labels ≥ 3 with labels ≥ 2. */
export function siDifferentiationUnmet(f: SiFacts, c: PathCriteria): UnmetCriterion[] {
  const unmet = interlockUnmet(f);
  if (f.presalesExperts < c.siDiffPresalesExperts) {
    unmet.push({
      criterion: 'presales_experts',
      required: c.siDiffPresalesExperts,
      actual: f.presalesExperts,
    });
  }
  if (f.expertLevelHolders < c.siDiffExpertLevelHolders) {
    unmet.push({
      criterion: 'expert_level_holder',
      required: c.siDiffExpertLevelHolders,
      actual: f.expertLevelHolders,
    });
  }
  const total = f.jointOfferings + f.labels;
  if (total < c.siDiffOfferingsPlusLabels) {
    unmet.push({ criterion: 'offerings_plus_labels', required: c.siDiffOfferingsPlusLabels, actual: total });
  }
  if (f.labels < c.siDiffLabels)
    unmet.push({ criterion: 'labels', required: c.siDiffLabels, actual: f.labels });
  return unmet;
}

// --- software ---------------------------------------------------------------------------------------------------

export interface SoftwareStage {
  stage: PathStage;
  /** certificate validity: the latest `valid_until` among the qualifying certifications (PATH-010) */
  validTo: string | null;
  validCertifications: number;
  validAdvanced: number;
}

/**
 * PATH-006 / PATH-007 / PATH-010: ≥ 1 valid advanced → differentiation; ≥ 1 valid of either kind → role
 * certification; none → joined. `certs` are the certifications valid on the evaluation date.
 */
export function softwareStage(certs: ValidSolutionCertification[], c: PathCriteria): SoftwareStage {
  const advanced = certs.filter((x) => x.certificationType === 'advanced_cloud_software');
  const latest = (list: ValidSolutionCertification[]) =>
    list.reduce<string | null>((m, x) => (m === null || x.validUntil > m ? x.validUntil : m), null);
  if (advanced.length >= c.softwareDiffSolutions && advanced.length > 0) {
    return {
      stage: 'capability_differentiation',
      validTo: latest(advanced),
      validCertifications: certs.length,
      validAdvanced: advanced.length,
    };
  }
  if (certs.length >= c.softwareRoleSolutions && certs.length > 0) {
    return {
      stage: 'role_certification',
      validTo: latest(certs),
      validCertifications: certs.length,
      validAdvanced: advanced.length,
    };
  }
  return {
    stage: 'joined',
    validTo: null,
    validCertifications: certs.length,
    validAdvanced: advanced.length,
  };
}

// --- titles, ranks, validity --------------------------------------------------------------------------------------

export const STAGE_RANK: Record<PathStage, number> = {
  joined: 0,
  role_certification: 1,
  capability_differentiation: 2,
};

/** `pathTitle` (8.1.2, 8.2.1.2, term ch. 2, 10.6.3.2); null when the stage carries no title. */
export function pathTitle(path: DevelopmentPath, stage: PathStage): string | null {
  if (path === 'software' && stage === 'role_certification') return 'Cloud Software Partner';
  if (path === 'software' && stage === 'capability_differentiation') return 'Advanced Cloud Software Partner';
  if (path === 'service' && stage === 'capability_differentiation') return 'CTSP';
  if (path === 'si' && stage === 'capability_differentiation') return 'Advanced Cloud SI Partner';
  return null;
}

/** Longest certificate title `cert_path_certificate.title` (varchar 64) holds; MySQL rejects longer values. */
export const CERTIFICATE_TITLE_MAX = 64;

/**
 * Certificate title: the path title, else a generic name of the stage. Every combination must fit
 * {@link CERTIFICATE_TITLE_MAX} (unit-tested): "Digital Transformation Consulting & SI Partner - Role Certification"
 * (67 characters) made the SI role approval fail with "Data too long" on MySQL while SQLite accepted it.
 */
export function certificateTitle(path: DevelopmentPath, stage: PathStage): string {
  const names: Record<DevelopmentPath, string> = {
    software: 'Software',
    service: 'Service',
    si: 'Digital Transformation & SI',
    lp: 'Learning & Enablement',
  };
  const stageName =
    stage === 'capability_differentiation' ? 'Capability Differentiation' : 'Role Certification';
  return pathTitle(path, stage) ?? `${names[path]} Partner - ${stageName}`;
}

export { annualValidTo, nextJanuary31 } from '../../domain/annual-validity.js';

/** Same calendar date one year later (29 Feb → 28 Feb). */
export function plusOneYear(date: string): string {
  return addMonths(date, 12);
}

/** `date` minus `months` calendar months (day clamped to the month's end). */
export function minusMonths(date: string, months: number): string {
  return addMonths(date, -months);
}
