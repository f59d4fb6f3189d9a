/**
 * The eight steps of capability-label certification (certification-labels.md "Steps and SLAs", FAQ 9.1) as data:
 * owner side, SLA days, reminder offsets (F-LABEL-1), the transition table of `LabelCertification.status` and
 * the due-time formula. Pure code, no I/O.
 */
import type { WorkingDayCalendar } from '../../../../../libs/calendar/index.js';
import type { StateMachineDefinition } from '../../../../../libs/state-machine/index.js';
import type { LabelCertification } from '../entities/label.entities.js';

export const LABEL_STEPS = [
  'initial_review',
  'supplementing_materials',
  'technical_pre_review',
  'pre_review_confirmation',
  'technical_defense',
  'supplementing_archive',
  'archive_re_review',
  'countersign',
] as const;
export type LabelStep = (typeof LABEL_STEPS)[number];

export const LABEL_TERMINAL_STATUSES = ['passed', 'failed', 'withdrawn', 'closed'] as const;
export type LabelTerminalStatus = (typeof LABEL_TERMINAL_STATUSES)[number];
export type LabelCertificationStatus = 'draft' | LabelStep | LabelTerminalStatus;

export type StepOwnerSide = 'huawei' | 'partner';

export interface StepDefinition {
  /** 1…8 as FAQ 9.1 numbers them */
  number: number;
  owner: StepOwnerSide;
  /** LABEL-006…LABEL-013 (FAQ 9.1) */
  slaDays: number;
}

export const STEP_DEFINITIONS: Readonly<Record<LabelStep, StepDefinition>> = {
  initial_review: { number: 1, owner: 'huawei', slaDays: 3 },
  supplementing_materials: { number: 2, owner: 'partner', slaDays: 20 },
  technical_pre_review: { number: 3, owner: 'huawei', slaDays: 10 },
  pre_review_confirmation: { number: 4, owner: 'partner', slaDays: 20 },
  technical_defense: { number: 5, owner: 'huawei', slaDays: 10 },
  supplementing_archive: { number: 6, owner: 'partner', slaDays: 20 },
  archive_re_review: { number: 7, owner: 'huawei', slaDays: 5 },
  countersign: { number: 8, owner: 'huawei', slaDays: 5 },
};

export const PARTNER_STEPS: readonly LabelStep[] = LABEL_STEPS.filter(
  (s) => STEP_DEFINITIONS[s].owner === 'partner',
);

/** LABEL-019: clarification sessions may be requested in steps 3–7. */
export const CLARIFICATION_STEPS: readonly LabelStep[] = [
  'technical_pre_review',
  'pre_review_confirmation',
  'technical_defense',
  'supplementing_archive',
  'archive_re_review',
];

/** Open point 6: at most 2 loops archive_re_review → supplementing_archive. */
export const MAX_ARCHIVE_LOOPS = 2;

export function isLabelStep(status: string): status is LabelStep {
  return (LABEL_STEPS as readonly string[]).includes(status);
}

export function isTerminal(status: string): status is LabelTerminalStatus {
  return (LABEL_TERMINAL_STATUSES as readonly string[]).includes(status);
}

/** Open point 1: natural days by decision; `working` switches every step SLA to working days. */
export type SlaDayType = 'natural' | 'working';

/**
 * F-LABEL-1: `due_at` = 23:59:59.999 (business time zone) of date(entered_at) + sla_days, counting from the day
 * after entry — natural days by decision (Open point 1), working days when configured so.
 */
export function stepDueAt(
  calendar: WorkingDayCalendar,
  enteredAt: Date,
  slaDays: number,
  dayType: SlaDayType = 'natural',
): Date {
  return dayType === 'working'
    ? calendar.workingDayDeadline(enteredAt, slaDays)
    : calendar.naturalDayDeadline(enteredAt, slaDays);
}

export interface ReminderInstant {
  /** stable key stored in `reminders_sent` */
  key: 'due_minus_3d' | 'due_minus_1d' | 'due';
  at: Date;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * F-LABEL-1 reminder instants (decision): Huawei-owned steps → due − 1 day and due; partner-owned steps →
 * due − 3 days, due − 1 day and due.
 */
export function reminderInstants(owner: StepOwnerSide, dueAt: Date): ReminderInstant[] {
  const t = dueAt.getTime();
  const list: ReminderInstant[] = [];
  if (owner === 'partner') list.push({ key: 'due_minus_3d', at: new Date(t - 3 * DAY_MS) });
  list.push({ key: 'due_minus_1d', at: new Date(t - DAY_MS) });
  list.push({ key: 'due', at: new Date(t) });
  return list;
}

/**
 * F-LABEL-2 (decision): the maximum remaining duration in days from a step on, following the straight path
 * (no further supplements or archive loops): 1 → 3 → 4 → 5 → 8. From a supplementing step the remaining path
 * goes back through the review step it returns to.
 */
const REMAINING_PATH: Readonly<Record<LabelStep, readonly LabelStep[]>> = {
  initial_review: [
    'initial_review',
    'technical_pre_review',
    'pre_review_confirmation',
    'technical_defense',
    'countersign',
  ],
  supplementing_materials: [
    'supplementing_materials',
    'initial_review',
    'technical_pre_review',
    'pre_review_confirmation',
    'technical_defense',
    'countersign',
  ],
  technical_pre_review: [
    'technical_pre_review',
    'pre_review_confirmation',
    'technical_defense',
    'countersign',
  ],
  pre_review_confirmation: ['pre_review_confirmation', 'technical_defense', 'countersign'],
  technical_defense: ['technical_defense', 'countersign'],
  supplementing_archive: ['supplementing_archive', 'archive_re_review', 'countersign'],
  archive_re_review: ['archive_re_review', 'countersign'],
  countersign: ['countersign'],
};

export function remainingMaxDays(step: LabelStep): number {
  return REMAINING_PATH[step].reduce((sum, s) => sum + STEP_DEFINITIONS[s].slaDays, 0);
}

/** Sum of the SLAs of a sequence of step visits (F-LABEL-2 path lengths). */
export function pathMaxDays(steps: readonly LabelStep[]): number {
  return steps.reduce((sum, s) => sum + STEP_DEFINITIONS[s].slaDays, 0);
}

/** `LabelCertification.status` as data ("Entities and states"); a move the table does not allow is LABEL-013. */
export const LABEL_CERTIFICATION_MACHINE: StateMachineDefinition<
  LabelCertificationStatus,
  LabelCertification
> = {
  entityType: 'label_certification',
  eventPrefix: 'certification.label',
  invalidTransitionCode: 'LABEL_STEP_OUT_OF_ORDER',
  transitions: {
    draft: ['initial_review', 'withdrawn'],
    initial_review: ['supplementing_materials', 'technical_pre_review'],
    supplementing_materials: ['initial_review', 'withdrawn', 'closed'],
    technical_pre_review: ['pre_review_confirmation'],
    pre_review_confirmation: ['technical_defense', 'withdrawn', 'closed'],
    technical_defense: ['supplementing_archive', 'countersign'],
    supplementing_archive: ['archive_re_review', 'withdrawn', 'closed'],
    archive_re_review: ['supplementing_archive', 'countersign'],
    countersign: ['passed', 'failed'],
    passed: [],
    failed: [],
    withdrawn: [],
    closed: [],
  },
  partnerAccountId: (c) => c.partnerAccountId,
  snapshot: (c) => ({
    status: c.status,
    label_code: c.labelCode,
    current_step_due_at: c.currentStepDueAt?.toISOString() ?? null,
    final_result: c.finalResult,
    closed_reason: c.closedReason,
    archived: c.archived,
  }),
};
