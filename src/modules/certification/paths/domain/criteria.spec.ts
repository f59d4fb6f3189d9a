/**
 * Pure stage criteria (certification-paths.md "Default stage criteria"): software stage from the valid solution
 * certifications with an in-memory build fact list, people / label / SI counts, titles and the PROG-020 validity.
 */
import { describe, expect, it } from '@jest/globals';
import type { CountedPerson, ValidSolutionCertification } from '../../ports/collaborators.js';
import {
  annualValidTo,
  CERTIFICATE_TITLE_MAX,
  certificateTitle,
  defaultCriteria,
  isPresalesExpert,
  mergeCriteria,
  minusMonths,
  pathTitle,
  serviceDifferentiationUnmet,
  servicePeople,
  serviceRoleUnmet,
  siDifferentiationUnmet,
  siFacts,
  siRoleUnmet,
  softwareStage,
} from './criteria.js';

const cert = (
  type: ValidSolutionCertification['certificationType'],
  validUntil: string,
): ValidSolutionCertification => ({
  solutionId: `s-${type}-${validUntil}`,
  certificationId: `c-${type}-${validUntil}`,
  certificationType: type,
  certifiedOn: '2025-01-01',
  validUntil,
});
const person = (id: string, ...certs: Array<[string, string?]>): CountedPerson => ({
  personalAccountId: id,
  certificates: certs.map(([family, track]) => ({
    family,
    name: `${family}-${track ?? 'General'}`,
    level: (['HCIA', 'HCCDA'].includes(family)
      ? 'entry'
      : ['HCIP', 'HCCDP'].includes(family)
        ? 'working'
        : ['HCIE', 'HCCDE'].includes(family)
          ? 'expert'
          : 'professional') as CountedPerson['certificates'][number]['level'],
    validUntil: '2027-12-31',
  })),
});
const cn = defaultCriteria('cn');

describe('software stage (PATH-006, PATH-007, PATH-010)', () => {
  it('PATH-006 one valid cloud software certification → role_certification, certificate valid to its valid_until', () => {
    expect(softwareStage([cert('cloud_software', '2026-04-09')], cn)).toMatchObject({
      stage: 'role_certification',
      validTo: '2026-04-09',
    });
  });
  it('PATH-007 a valid advanced certification → capability_differentiation (also covers the role stage)', () => {
    const r = softwareStage(
      [cert('cloud_software', '2026-04-09'), cert('advanced_cloud_software', '2026-04-30')],
      cn,
    );
    expect(r).toMatchObject({ stage: 'capability_differentiation', validTo: '2026-04-30', validAdvanced: 1 });
    expect(softwareStage([cert('advanced_cloud_software', '2026-03-01')], cn).stage).toBe(
      'capability_differentiation',
    );
  });
  it('PATH-010 no valid certification left → joined (the caller passes only certifications valid today)', () => {
    expect(softwareStage([], cn)).toMatchObject({ stage: 'joined', validTo: null });
  });
  it('PATH-006 titles: Cloud Software Partner / Advanced Cloud Software Partner / CTSP / Advanced Cloud SI Partner', () => {
    expect(pathTitle('software', 'role_certification')).toBe('Cloud Software Partner');
    expect(pathTitle('software', 'capability_differentiation')).toBe('Advanced Cloud Software Partner');
    expect(pathTitle('service', 'capability_differentiation')).toBe('CTSP');
    expect(pathTitle('si', 'capability_differentiation')).toBe('Advanced Cloud SI Partner');
    expect(pathTitle('service', 'role_certification')).toBeNull();
  });
  it('PATH-006 every certificate title fits the title column (MySQL rejects longer values)', () => {
    for (const path of ['software', 'service', 'si', 'lp'] as const) {
      for (const stage of ['role_certification', 'capability_differentiation'] as const) {
        expect(certificateTitle(path, stage).length).toBeLessThanOrEqual(CERTIFICATE_TITLE_MAX);
      }
    }
    expect(certificateTitle('si', 'role_certification')).toBe(
      'Digital Transformation & SI Partner - Role Certification',
    );
  });
});

describe('service criteria (PATH-011, PATH-014)', () => {
  it('PATH-011 2 HCCDA + HCCDP + HCIP → met; 3 persons → certified_persons 4/3; 2 entry-only → working_level_persons', () => {
    const four = [
      person('p1', ['HCCDA']),
      person('p2', ['HCCDA']),
      person('p3', ['HCCDP']),
      person('p4', ['HCIP']),
    ];
    expect(serviceRoleUnmet(servicePeople(four), cn)).toEqual([]);
    expect(serviceRoleUnmet(servicePeople(four.slice(0, 3)), cn)).toEqual([
      { criterion: 'certified_persons', required: 4, actual: 3 },
      { criterion: 'working_level_persons', required: 2, actual: 1 },
    ]);
    const entryOnly = [
      person('p1', ['HCCDA']),
      person('p2', ['HCCDA']),
      person('p3', ['HCCDA']),
      person('p4', ['HCIA']),
    ];
    expect(serviceRoleUnmet(servicePeople(entryOnly), cn)).toEqual([
      { criterion: 'working_level_persons', required: 2, actual: 0 },
    ]);
    const hcip = ['a', 'b', 'c', 'd'].map((id) => person(id, ['HCIP']));
    expect(serviceRoleUnmet(servicePeople(hcip), cn)).toEqual([]);
  });
  it('PATH-011 one person counts once at the highest level; professional-only holders do not count', () => {
    const f = servicePeople([person('p1', ['HCCDA'], ['HCIE']), person('p2', ['HCSP'])]);
    expect(f).toMatchObject({ certifiedPersons: 1, workingLevelPersons: 1, countedPersonIds: ['p1'] });
  });
  it('PATH-014 cn needs 2 labels incl. 1 core; intl/eu 1 core label', () => {
    expect(serviceDifferentiationUnmet(['iot', 'workspace'], cn)).toEqual([
      { criterion: 'core_label', required: 1, actual: 0 },
    ]);
    expect(serviceDifferentiationUnmet(['database', 'iot'], cn)).toEqual([]);
    expect(serviceDifferentiationUnmet(['database'], cn)).toEqual([
      { criterion: 'labels', required: 2, actual: 1 },
    ]);
    expect(serviceDifferentiationUnmet(['cloud_native'], defaultCriteria('intl'))).toEqual([]);
    expect(serviceDifferentiationUnmet(['cloud_native'], defaultCriteria('eu'))).toEqual([]);
  });
});

describe('SI criteria (PATH-019, PATH-020)', () => {
  const expert = (id: string, extra?: [string, string?]) =>
    person(id, ['HCSP'], ['HCIP', 'Cloud Service Solutions Architect'], ...(extra ? [extra] : []));
  const both = { bpInterlocked: true, customerListInterlocked: true };
  it('PATH-019 HCSP + HCIP-Cloud Service Solutions Architect (or HCCDP-Solution Architectures / HCIE) is an expert; HCIP alone is not', () => {
    expect(isPresalesExpert(expert('x'))).toBe(true);
    expect(isPresalesExpert(person('y', ['HCSP'], ['HCCDP', 'Solution Architectures']))).toBe(true);
    expect(isPresalesExpert(person('z', ['HCSP'], ['HCCDE']))).toBe(true);
    expect(isPresalesExpert(person('w', ['HCIP', 'Cloud Service Solutions Architect']))).toBe(false);
    expect(isPresalesExpert(person('v', ['HCSP'], ['HCIP', 'Datacom']))).toBe(false);
  });
  it('PATH-019 role: interlocks, 4 experts, offerings + labels ≥ 1', () => {
    const four = ['a', 'b', 'c', 'd'].map((id) => expert(id));
    expect(siRoleUnmet(siFacts(four, [], ['database'], '2025-06-01', both), cn)).toEqual([]);
    expect(
      siRoleUnmet(siFacts(four.slice(0, 3), [], [], '2025-06-01', { ...both, bpInterlocked: false }), cn),
    ).toEqual([
      { criterion: 'bp_interlock', required: true, actual: false },
      { criterion: 'presales_experts', required: 4, actual: 3 },
      { criterion: 'offerings_or_labels', required: 1, actual: 0 },
    ]);
  });
  it('PATH-020 differentiation: 10 experts with one HCIE/HCCDE, offerings + labels ≥ 3 with labels ≥ 2; offerings count from joint_offering_since', () => {
    const ten = Array.from({ length: 10 }, (_, i) => expert(`e${i}`));
    const offering = (since: string | null) => ({
      offeringId: `o-${since}`,
      partnerAccountId: 'p',
      offeringType: 'partner_led_baseline' as const,
      jointOfferingSince: since,
      jointOperationListed: false,
      countsForPceAssessment: false,
    });
    expect(
      siDifferentiationUnmet(siFacts(ten, [offering('2025-01-01')], ['a', 'b'], '2025-06-01', both), cn),
    ).toEqual([{ criterion: 'expert_level_holder', required: 1, actual: 0 }]);
    const withExpert = [...ten.slice(1), expert('e0', ['HCCDE'])];
    expect(
      siDifferentiationUnmet(
        siFacts(withExpert, [offering('2025-01-01')], ['a', 'b'], '2025-06-01', both),
        cn,
      ),
    ).toEqual([]);
    expect(
      siDifferentiationUnmet(
        siFacts(
          withExpert,
          [offering('2025-01-01'), offering('2025-02-01'), offering(null), offering('2026-01-01')],
          ['a'],
          '2025-06-01',
          both,
        ),
        cn,
      ),
    ).toEqual([{ criterion: 'labels', required: 2, actual: 1 }]);
  });
});

describe('validity and configuration (PROG-020, PATH-012, PathCriteriaConfig)', () => {
  it('PROG-020 approved 2025-06-10 → 2026-01-31; approved 2025-12-05 → 2027-01-31', () => {
    expect(annualValidTo('2025-06-10')).toBe('2026-01-31');
    expect(annualValidTo('2025-12-05')).toBe('2027-01-31');
  });
  it('PATH-012 twelve months before 2025-09-01 is 2024-09-01', () => {
    expect(minusMonths('2025-09-01', 12)).toBe('2024-09-01');
    expect(minusMonths('2024-02-29', 12)).toBe('2023-02-28');
  });
  it('PathCriteriaConfig overrides keep unknown keys out', () => {
    const c = mergeCriteria(cn, { si_role_presales_experts: 5, nonsense: 1 });
    expect(c.siRolePresalesExperts).toBe(5);
    expect((c as unknown as Record<string, unknown>).nonsense).toBeUndefined();
  });
});
