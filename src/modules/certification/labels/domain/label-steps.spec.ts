/**
 * F-LABEL-1 (step due time, reminder instants), F-LABEL-2 (path lengths), F-LABEL-3 (service-path label
 * requirement) and the LABEL-006…LABEL-013 SLA table, with the spec's own numbers.
 */
import { describe, expect, it } from '@jest/globals';
import { WorkingDayCalendar } from '../../../../../libs/calendar/index.js';
import { serviceLabelRequirementMet, SEED_LABELS } from './label-catalogue.js';
import {
  LABEL_CERTIFICATION_MACHINE,
  pathMaxDays,
  reminderInstants,
  remainingMaxDays,
  STEP_DEFINITIONS,
  stepDueAt,
} from './label-steps.js';

const calendar = new WorkingDayCalendar('Asia/Shanghai');

describe('capability-label steps', () => {
  it('LABEL-006…LABEL-013 step SLAs 3/20/10/20/10/20/5/5 days, owners per FAQ 9.1 decisions', () => {
    expect(Object.entries(STEP_DEFINITIONS).map(([s, d]) => [s, d.slaDays, d.owner])).toEqual([
      ['initial_review', 3, 'huawei'],
      ['supplementing_materials', 20, 'partner'],
      ['technical_pre_review', 10, 'huawei'],
      ['pre_review_confirmation', 20, 'partner'],
      ['technical_defense', 10, 'huawei'],
      ['supplementing_archive', 20, 'partner'],
      ['archive_re_review', 5, 'huawei'],
      ['countersign', 5, 'huawei'],
    ]);
    expect(Object.values(STEP_DEFINITIONS).reduce((s, d) => s + d.slaDays, 0)).toBe(93);
  });

  it.each([
    ['2025-07-01T10:15:00+08:00', 3, '2025-07-04T15:59:59.999Z'],
    ['2025-07-03T09:00:00+08:00', 20, '2025-07-23T15:59:59.999Z'],
    ['2025-12-29T16:00:00+08:00', 5, '2026-01-03T15:59:59.999Z'],
  ])('F-LABEL-1 entered %s + %i natural days → due %s', (entered, days, due) => {
    expect(stepDueAt(calendar, new Date(entered), days).toISOString()).toBe(due);
  });

  it('F-LABEL-1 Open point 1: the day type is configurable — working days skip the weekend and holidays', () => {
    // Friday 2025-07-04 + 3 working days = Wednesday 2025-07-09 (natural: Monday 2025-07-07)
    expect(stepDueAt(calendar, new Date('2025-07-04T16:00:00+08:00'), 3, 'working').toISOString()).toBe(
      '2025-07-09T15:59:59.999Z',
    );
    expect(stepDueAt(calendar, new Date('2025-07-04T16:00:00+08:00'), 3, 'natural').toISOString()).toBe(
      '2025-07-07T15:59:59.999Z',
    );
  });

  it('F-LABEL-1 / LABEL-014 reminder instants: Huawei steps due−1d and due; partner steps due−3d, due−1d and due', () => {
    const due = new Date('2025-07-23T15:59:59.999Z');
    expect(reminderInstants('partner', due).map((r) => [r.key, r.at.toISOString()])).toEqual([
      ['due_minus_3d', '2025-07-20T15:59:59.999Z'],
      ['due_minus_1d', '2025-07-22T15:59:59.999Z'],
      ['due', '2025-07-23T15:59:59.999Z'],
    ]);
    expect(reminderInstants('huawei', due).map((r) => r.key)).toEqual(['due_minus_1d', 'due']);
  });

  it('F-LABEL-2 straight path 48 days; one supplement and one archive loop 96 days', () => {
    expect(
      pathMaxDays([
        'initial_review',
        'technical_pre_review',
        'pre_review_confirmation',
        'technical_defense',
        'countersign',
      ]),
    ).toBe(48);
    expect(
      pathMaxDays([
        'initial_review',
        'supplementing_materials',
        'initial_review',
        'technical_pre_review',
        'pre_review_confirmation',
        'technical_defense',
        'supplementing_archive',
        'archive_re_review',
        'countersign',
      ]),
    ).toBe(96);
    expect(remainingMaxDays('initial_review')).toBe(48);
    expect(remainingMaxDays('countersign')).toBe(5);
  });

  it('LABEL-013 only countersign leads to passed / failed; terminal states have no way out', () => {
    const t = LABEL_CERTIFICATION_MACHINE.transitions;
    const toResult = Object.entries(t)
      .filter(([, tos]) => tos.includes('passed') || tos.includes('failed'))
      .map(([from]) => from);
    expect(toResult).toEqual(['countersign']);
    for (const s of ['passed', 'failed', 'withdrawn', 'closed'] as const) expect(t[s]).toEqual([]);
    expect(LABEL_CERTIFICATION_MACHINE.invalidTransitionCode).toBe('LABEL_STEP_OUT_OF_ORDER');
  });

  it.each([
    ['cn', ['database', 'iot'], true],
    ['cn', ['iot', 'workspace'], false],
    ['intl', ['sap'], true],
    ['cn', ['big_data'], false],
  ] as const)('LABEL-023 F-LABEL-3 site %s with %j → %s', (site, labels, met) => {
    expect(serviceLabelRequirementMet(site, labels)).toBe(met);
  });

  it('LABEL-001 seed catalogue: 18 level-1 labels with unique codes', () => {
    expect(new Set(SEED_LABELS.map((l) => l.code)).size).toBe(18);
  });
});
