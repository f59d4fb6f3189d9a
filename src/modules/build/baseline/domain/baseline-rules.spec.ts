/** Pure rules of baseline solutions and ecosystem enrollments (build.md BUILD-020, BUILD-025, BUILD-032, BUILD-033). */
import { describe, expect, it } from '@jest/globals';
import {
  admissionReady,
  BASELINE_STAGE_MACHINE,
  isInitiatedOrLater,
  isReleased,
  projectEnrollment,
  responsibilitiesComplete,
} from './baseline-rules.js';

describe('baseline rules', () => {
  it('BUILD-020 all four responsibilities need an owner and resources', () => {
    const r = { owner_name: 'A', resources: 'team' };
    expect(
      responsibilitiesComplete({ presales: r, delivery: r, operations_maintenance: r, operations: r }),
    ).toBe(true);
    expect(responsibilitiesComplete({ presales: r, delivery: r, operations_maintenance: r })).toBe(false);
    expect(
      responsibilitiesComplete({
        presales: r,
        delivery: r,
        operations_maintenance: r,
        operations: { owner_name: 'B', resources: ' ' },
      }),
    ).toBe(false);
    expect(responsibilitiesComplete(null)).toBe(false);
  });

  it('BUILD-025 the stage table only moves forward, except the rejection loops and termination', () => {
    const t = BASELINE_STAGE_MACHINE.transitions;
    expect(t.initiated).toEqual(['design_verification', 'terminated']);
    expect(t.public_beta).toEqual(['launch_submitted', 'terminated']);
    expect(t.launch_rejected).toEqual(['launch_submitted', 'terminated']);
    expect(t.launched).toEqual([]);
    expect(t.terminated).toEqual([]);
    expect(BASELINE_STAGE_MACHINE.invalidTransitionCode).toBe('BASELINE_STAGE_OUT_OF_ORDER');
  });

  it('BUILD-032 admission: baseline initiated or later (never terminated), product application submitted or later', () => {
    expect(isInitiatedOrLater('initiation_meeting_scheduled')).toBe(false);
    expect(isInitiatedOrLater('initiated')).toBe(true);
    expect(isInitiatedOrLater('launched')).toBe(true);
    expect(isInitiatedOrLater('terminated')).toBe(false);
    expect(admissionReady({ baselineStage: 'initiation_submitted' })).toBe(false);
    expect(admissionReady({ baselineStage: 'public_beta' })).toBe(true);
    expect(admissionReady({ baselineStage: null })).toBe(false);
    expect(admissionReady({ listingStatus: 'draft' })).toBe(false);
    expect(admissionReady({ listingStatus: 'listing_application_submitted' })).toBe(true);
    expect(admissionReady({ listingStatus: 'joint_operation_listed' })).toBe(true);
  });

  it('BUILD-033 released = baseline launched or product joint_operation_listed', () => {
    expect(isReleased({ baselineStage: 'public_beta' })).toBe(false);
    expect(isReleased({ baselineStage: 'launched' })).toBe(true);
    expect(isReleased({ listingStatus: 'listing_application_submitted' })).toBe(false);
    expect(isReleased({ listingStatus: 'joint_operation_listed' })).toBe(true);
  });

  it('BUILD-034 / BUILD-036 the enrollment lifecycle projects onto admission_status and technical_status', () => {
    expect(projectEnrollment('admission_pending_review')).toEqual({
      admission: 'pending_review',
      technical: 'not_applied',
    });
    expect(projectEnrollment('technical_pending_review')).toEqual({
      admission: 'admitted',
      technical: 'pending_review',
    });
    expect(projectEnrollment('certified')).toEqual({ admission: 'admitted', technical: 'certified' });
    expect(projectEnrollment('expired')).toEqual({ admission: 'admitted', technical: 'expired' });
  });
});
