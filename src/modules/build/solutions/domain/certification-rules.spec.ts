import { describe, expect, it } from '@jest/globals';
import {
  architectureCheck,
  certificateNo,
  missingMaterial,
  recertificationOpensOn,
  softwareStageFacts,
  validUntilFrom,
} from './certification-rules.js';
import {
  CLOUD_SERVICE_CATALOGUE_SEED,
  HIGH_ORDER_CLOUD_SERVICES,
  KEY_CLOUD_SERVICES,
  type CloudServiceTier,
} from './cloud-service-catalogue.js';

const catalogue = new Map<string, CloudServiceTier>(
  CLOUD_SERVICE_CATALOGUE_SEED.map((s) => [s.serviceCode, s.tier]),
);

describe('solution certification rules (build.md F-BUILD-1…3)', () => {
  it('CloudServiceCatalogEntry seed: 12 key and 97 high-order services, unique codes (FAQ 10.8.4, 10.8.5)', () => {
    expect(KEY_CLOUD_SERVICES).toHaveLength(12);
    expect(HIGH_ORDER_CLOUD_SERVICES).toHaveLength(97);
    expect(new Set(CLOUD_SERVICE_CATALOGUE_SEED.map((s) => s.serviceCode)).size).toBe(109);
  });

  it.each([
    [['GaussDB', 'ECS'], 1, 0, true],
    [['CSE', 'DCS', 'APIG'], 0, 3, true],
    [['CSE', 'DCS', 'ECS', 'OBS'], 0, 2, false],
    [['ModelArts', 'FunctionGraph', 'LTS', 'AOM'], 1, 3, true],
    [['CSE', 'CSE', 'DCS', 'DCS'], 0, 2, false],
  ])('BUILD-007 F-BUILD-1 "3 or 1": %j → key %i, high-order %i, met %s', (services, key, high, met) => {
    expect(architectureCheck(services, catalogue)).toEqual({
      key_services: key,
      high_order_services: high,
      met,
    });
  });

  it('BUILD-007 inactive or unknown codes are ignored (a deactivated key service does not count)', () => {
    const without = new Map(catalogue);
    without.delete('GaussDB');
    expect(architectureCheck(['GaussDB'], without).met).toBe(false);
  });

  it.each([
    ['2025-03-15', '2026-03-14'],
    ['2024-02-29', '2025-02-28'],
    ['2025-12-31', '2026-12-30'],
    ['2025-03-20', '2026-03-19'],
    ['2026-02-02', '2027-02-01'],
    ['2025-07-01', '2026-06-30'],
  ])('BUILD-014 F-BUILD-2 certified_on %s → valid_until %s', (on, until) => {
    expect(validUntilFrom(on)).toBe(until);
  });

  it('BUILD-016 re-certification opens 60 natural days before valid_until', () => {
    expect(recertificationOpensOn('2026-03-19')).toBe('2026-01-18');
  });

  it('BUILD-004/BUILD-005/BUILD-006 required materials per scenario, copyright first', () => {
    expect(missingMaterial('ftr_and_one_pager', ['ftr_checklist'])).toBe('software_copyright_certificate');
    expect(
      missingMaterial('ftr_and_one_pager', [
        'software_copyright_certificate',
        'ftr_checklist',
        'one_pager',
        'test_report',
      ]),
    ).toBe('ftr_evidence');
    expect(missingMaterial('partner_led_baseline_launched', ['software_copyright_certificate'])).toBeNull();
    expect(
      missingMaterial('partner_led_baseline_launched_and_test_report', ['software_copyright_certificate']),
    ).toBe('test_report');
  });

  it('BUILD-017 F-BUILD-3 stage facts on 2025-07-01', () => {
    expect(
      softwareStageFacts(
        [{ certificationType: 'cloud_software', status: 'certified', validUntil: '2026-01-10' }],
        '2025-07-01',
      ),
    ).toEqual({ roleCertification: true, capabilityDifferentiation: false });
    expect(
      softwareStageFacts(
        [
          { certificationType: 'cloud_software', status: 'expired', validUntil: '2025-06-30' },
          { certificationType: 'advanced_cloud_software', status: 'certified', validUntil: '2026-05-01' },
        ],
        '2025-07-01',
      ),
    ).toEqual({ roleCertification: true, capabilityDifferentiation: true });
    expect(
      softwareStageFacts(
        [{ certificationType: 'cloud_software', status: 'pending_pdm_review', validUntil: null }],
        '2025-07-01',
      ),
    ).toEqual({ roleCertification: false, capabilityDifferentiation: false });
  });

  it('BUILD-018 certificate numbers CS-/ACS-<year>-<6 digits>', () => {
    expect(certificateNo('cloud_software', '2025', 123)).toBe('CS-2025-000123');
    expect(certificateNo('advanced_cloud_software', '2025', 45)).toBe('ACS-2025-000045');
  });
});
