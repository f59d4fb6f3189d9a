/**
 * Distributors, cloud resellers, scorecards and level upgrades (certification-paths.md PROG-006, PROG-009,
 * PROG-010, PROG-013, PROG-015…PROG-019, PROG-022): acceptance scenarios 18–24 over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newMember } from '../../builders/actors.js';
import { CertificationCollaborators } from '../../../src/modules/certification/index.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';
import { certifySolution } from '../../builders/build.js';
import {
  activeDistributor,
  activeSp,
  as,
  expectError,
  fake,
  joinPath,
  outbox,
  partner,
  type Partner,
  reviewers,
  runJob,
  travel,
} from './programs.helpers.js';

describe('distributors, cloud resellers, scorecards (PROG-006…PROG-022)', () => {
  let t: TestApp;
  let r: Awaited<ReturnType<typeof reviewers>>;
  const staff = () => [r.ops, r.pdm, r.bd, r.psa];

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_PER_SECOND: '100000' });
    r = await reviewers(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('PROG-006 PROG-009 PROG-010 scenarios 18 and 19: scorecard on the first SP account; level upgrade needs indicators and a role-certified path account', async () => {
    const x = await partner(t);
    await travel(t, '2024-03-01T10:00:00+08:00', [x, ...staff()]);
    const xm = await activeSp(t, r.ops, x);
    await travel(t, '2025-01-15T10:00:00+08:00', [x, ...staff()]);
    expect(
      (
        await as(t, r.pdm.token).put(`/admin/legal-entities/${x.legalEntityId}/sp-quota`, {
          max_accounts: 2,
          reason: 'r',
        })
      ).status,
    ).toBe(200);
    // X's certificate (valid to 2025-01-31) is renewed by a passed 2024 assessment
    expect(
      (
        await as(t, r.ops.token).post('/admin/programs/assessments/upload', {
          csv: `legal_entity_id,program,year,result,resulting_level\n${x.legalEntityId},solution_provider,2024,passed,standard`,
        })
      ).status,
    ).toBe(200);
    const y = await partner(t, { sameAs: x });
    await travel(t, '2025-02-01T10:00:00+08:00', [x, y, ...staff()]);
    const ym = await activeSp(t, r.ops, y);
    await fake(t, 'program-performance', {
      scorecard: {
        legal_entity_id: x.legalEntityId,
        program: 'solution_provider',
        indicators: [{ code: 'revenue', target: '1000000.00', actual: '800000.00' }],
      },
    });
    expectError(
      await as(t, y.token).get('/programs/solution-provider/scorecard'),
      403,
      'PROG_SCORECARD_NOT_VISIBLE',
    );
    const card = await as(t, x.token).get('/programs/solution-provider/scorecard');
    expect(card.status).toBe(200);
    expect(card.body).toMatchObject({ current_level: 'standard', next_level: 'leading', all_met: false });
    expect(card.body.indicators).toEqual([
      { code: 'revenue', target: '1000000', actual: '800000', met: false },
    ]);
    expect(card.body.history).toEqual([expect.objectContaining({ year: 2024, result: 'passed' })]);
    expectError(
      await as(t, x.token).get('/programs/solution-provider/assessments?year=2023'),
      404,
      'PROG_ASSESSMENT_NOT_PUBLISHED',
    );
    expectError(
      await as(t, y.token).post('/programs/solution-provider/level-upgrades'),
      403,
      'PROG_SCORECARD_NOT_VISIBLE',
    );

    const notMet = await as(t, x.token).post('/programs/solution-provider/level-upgrades');
    expectError(notMet, 422, 'PROG_LEVEL_UPGRADE_NOT_ELIGIBLE');
    expect(notMet.body.details.reasons).toEqual(['indicators_not_met', 'no_path_account']);
    await fake(t, 'program-performance', {
      scorecard: {
        legal_entity_id: x.legalEntityId,
        program: 'solution_provider',
        indicators: [{ code: 'revenue', target: '1000000.00', actual: '1200000.00' }],
      },
    });
    const noPath = await as(t, x.token).post('/programs/solution-provider/level-upgrades');
    expectError(noPath, 422, 'PROG_LEVEL_UPGRADE_NOT_ELIGIBLE');
    expect(noPath.body.details).toMatchObject({
      reasons: ['no_path_account'],
      quick_registration_available: true,
    });
    const p = await partner(t, { sameAs: x });
    await joinPath(t, p, 'software');
    const joined = await as(t, x.token).post('/programs/solution-provider/level-upgrades');
    expect(joined.body.details).toMatchObject({
      reasons: ['path_not_role_certified'],
      quick_registration_available: false,
    });
    // the real way to role certification on the software path: a certified cloud software solution (PATH-006)
    await certifySolution(t, p, 'cloud_software');
    const applied = await as(t, x.token).post('/programs/solution-provider/level-upgrades');
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({
      status: 'pending_review',
      from_level: 'standard',
      to_level: 'leading',
    });
    expectError(
      await as(t, x.token).post('/programs/solution-provider/level-upgrades'),
      409,
      'PROG_LEVEL_UPGRADE_PENDING',
    );
    expect(
      (await as(t, r.ops.token).post(`/admin/programs/level-upgrades/${applied.body.id}/approve`)).status,
    ).toBe(403);
    const ok = await as(t, r.pdm.token).post(`/admin/programs/level-upgrades/${applied.body.id}/approve`);
    expect(ok.body.status).toBe('approved');
    expect((await as(t, x.token).get(`/programs/memberships/${xm.id}`)).body.level).toBe('leading');
    expect((await as(t, y.token).get(`/programs/memberships/${ym.id}`)).body.level).toBe('leading');
  });

  describe('distributors and cloud resellers (scenarios 20–24)', () => {
    let d: Partner;
    let d3: Partner;
    let rr: Partner;
    let s: Partner;
    let dId: string;
    let d3Id: string;
    let rId: string;

    beforeAll(async () => {
      d = await partner(t);
      d3 = await partner(t);
      rr = await partner(t);
      s = await partner(t);
      await travel(t, '2025-06-10T10:00:00+08:00', [d, d3, rr, s, ...staff()]);
    });

    it('PROG-001 PROG-002 PROG-013 scenario 20: invitation only; path, PCE and double acceptance are refused', async () => {
      expectError(
        await as(t, d.token).post('/programs/distributor/applications'),
        403,
        'PROG_INVITATION_ONLY',
      );
      const p = await partner(t);
      await joinPath(t, p, 'software');
      expectError(
        await as(t, r.pdm.token).post('/admin/programs/distributor-invitations', {
          partner_account_id: p.id,
          distributor_type: 'national',
        }),
        409,
        'PROG_PATH_EXCLUSIVE',
      );
      const e = await partner(t);
      const collaborators = t.app.get(CertificationCollaborators);
      const previous = collaborators.pce;
      // the opportunity module's PCE reader, stubbed for E (PCE enrollment is specified in opportunity.md)
      collaborators.registerPceReader({
        status: async (id) => (id === e.id ? 'active' : previous.status(id)),
      });
      const pce = await as(t, r.pdm.token).post('/admin/programs/distributor-invitations', {
        partner_account_id: e.id,
        distributor_type: 'national',
      });
      expectError(pce, 409, 'PROG_PROGRAM_EXCLUSIVE');
      expect(pce.body.details.conflicting_program).toBe('pce');
      collaborators.registerPceReader(previous);
      expect(
        (
          await as(t, r.psa.token).post('/admin/programs/distributor-invitations', {
            partner_account_id: d.id,
            distributor_type: 'national',
          })
        ).status,
      ).toBe(403);
      const inv = await as(t, r.pdm.token).post('/admin/programs/distributor-invitations', {
        partner_account_id: d.id,
        distributor_type: 'national',
      });
      expect(inv.body.status).toBe('pending');
      expect(
        (await outbox(t, { to: d.id, template: 'certification.distributor_invitation.created' })).length,
      ).toBe(1);
      expectError(
        await as(t, rr.token).post(`/programs/distributor-invitations/${inv.body.id}/accept`),
        404,
        'PROG_INVITATION_NOT_FOUND',
      );
      const acc = await as(t, d.token).post(`/programs/distributor-invitations/${inv.body.id}/accept`);
      expect(acc.body).toMatchObject({
        status: 'active',
        program: 'distributor',
        distributor_type: 'national',
        valid_to: '2026-01-31',
      });
      dId = acc.body.id as string;
      expectError(
        await as(t, d.token).post(`/programs/distributor-invitations/${inv.body.id}/accept`),
        409,
        'PROG_INVITATION_NOT_PENDING',
      );
      d3Id = (await activeDistributor(t, r.pdm, d3, 'regional')).id as string;
    });

    it('PROG-015 PROG-016 PROG-017 PROG-018 scenario 21: double review; no distributor change, no levels, no self-upgrade', async () => {
      const applied = await as(t, rr.token).post('/programs/cloud-reseller/applications', {
        distributor_membership_id: dId,
      });
      expect(applied.body.status).toBe('pending_review');
      rId = applied.body.id as string;
      const huawei = await as(t, r.ops.token).post(`/admin/programs/memberships/${rId}/approve`);
      expect(huawei.body.status).toBe('pending_distributor_review');
      const cm = await newMember(t, d, ['customer_manager']);
      expectError(
        await as(t, cm.token).post(`/programs/cloud-reseller/applications/${rId}/approve`),
        403,
        'ORG_PERMISSION_DENIED',
      );
      expectError(
        await as(t, d3.token).post(`/programs/cloud-reseller/applications/${rId}/approve`),
        404,
        'PROG_APPLICATION_NOT_FOUND',
      );
      const list = await as(t, d.token).get('/programs/cloud-reseller/applications');
      expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([rId]);
      const ok = await as(t, d.token).post(`/programs/cloud-reseller/applications/${rId}/approve`);
      expect(ok.body).toMatchObject({ status: 'active', distributor_membership_id: dId });
      expectError(
        await as(t, rr.token).post('/programs/cloud-reseller/change-distributor'),
        409,
        'PROG_CHANGE_DISTRIBUTOR_NOT_SUPPORTED',
      );
      expectError(
        await as(t, rr.token).post('/programs/solution-provider/level-upgrades'),
        422,
        'PROG_NO_LEVELS',
      );
      expectError(
        await as(t, rr.token).post('/programs/cloud-reseller/upgrade-to-distributor'),
        403,
        'PROG_EXIT_VIA_ECOSYSTEM_MANAGER',
      );
      expectError(
        await as(t, rr.token).post('/programs/solution-provider/applications', {}),
        409,
        'PROG_PROGRAM_EXCLUSIVE',
      );
    });

    it('PROG-014 PROG-006 operations set the channel-expansion flag (info endpoint); it makes the national distributor account the scorecard account', async () => {
      expectError(
        await as(t, d.token).get('/programs/distributor/scorecard'),
        403,
        'PROG_SCORECARD_NOT_VISIBLE',
      );
      expect((await as(t, d3.token).get('/programs/distributor/scorecard')).status).toBe(200); // regional: itself
      const byPartner = await as(t, d.token).put(`/admin/info/accounts/${d.id}/expansion-flags`, {
        channel_expansion_account: true,
      });
      expect(byPartner.status).toBe(403);
      const flags = await as(t, r.ops.token).put(`/admin/info/accounts/${d.id}/expansion-flags`, {
        channel_expansion_account: true,
        ticket_no: 'OPS-1',
      });
      expect(flags.status).toBe(200);
      const card = await as(t, d.token).get('/programs/distributor/scorecard');
      expect(card.status).toBe(200);
      expect(card.body).toMatchObject({ program: 'distributor', indicators: [], all_met: false });
    });

    it('PROG-008 J-PROG-2 J-PROG-3 PROG-022 scenario 24: the distributor expires; its reseller stays active, flagged and notified', async () => {
      await activeSp(t, r.ops, s);
      await travel(t, '2026-01-31T02:00:00+08:00', [d, d3, rr, s, ...staff()]);
      expect(
        (
          await as(t, r.ops.token).post('/admin/programs/assessments/upload', {
            csv: `uscc,program,year,result,resulting_level\n${d.uscc},distributor,2025,failed,\n${d3.uscc},distributor,2025,passed,`,
          })
        ).status,
      ).toBe(200);
      const renewed = await runJob(t, 'J-PROG-2');
      expect(renewed.summary).toMatchObject({ renewed: 2 }); // D3 and the reseller R (its distributor is active)
      await travel(t, '2026-02-01T00:05:00+08:00', [d, d3, rr, s, ...staff()]);
      await runJob(t, 'J-PROG-3');
      expect((await as(t, d.token).get(`/programs/memberships/${dId}`)).body.status).toBe('expired');
      expect((await as(t, rr.token).get(`/programs/memberships/${rId}`)).body).toMatchObject({
        status: 'active',
        distributor_inactive: true,
        valid_to: '2027-01-31',
      });
      expect(
        (await outbox(t, { to: rr.id, template: 'certification.cloud_reseller.distributor_inactive' }))
          .length,
      ).toBe(1);
      const late = await partner(t);
      expectError(
        await as(t, late.token).post('/programs/cloud-reseller/applications', {
          distributor_membership_id: dId,
        }),
        422,
        'PROG_DISTRIBUTOR_NOT_ACTIVE',
      );
      expectError(
        await as(t, late.token).post('/programs/cloud-reseller/applications', {
          distributor_membership_id: rId,
        }),
        404,
        'PROG_DISTRIBUTOR_NOT_FOUND',
      );
    });

    it('PROG-011 PROG-002 scenario 22: an ex-SP account cannot become a cloud reseller; a new account of the company can', async () => {
      const sp = (await as(t, s.token).get('/programs/joined')).body.items[0];
      expect(sp.status).toBe('expired');
      const inv = await as(t, d3.token).post('/programs/cloud-reseller/invitations', {
        invitee_partner_account_id: s.id,
      });
      expect(inv.status).toBe(201);
      expectError(
        await as(t, s.token).post(`/programs/cloud-reseller/invitations/${inv.body.id}/accept`),
        409,
        'PROG_FORMER_RESELLER_ACCOUNT',
      );
      const n = await partner(t, { sameAs: s });
      const invN = await as(t, d3.token).post('/programs/cloud-reseller/invitations', {
        invitee_partner_account_id: n.id,
      });
      const accepted = await as(t, n.token).post(
        `/programs/cloud-reseller/invitations/${invN.body.id}/accept`,
      );
      expect(accepted.body).toMatchObject({
        status: 'active',
        program: 'cloud_reseller',
        distributor_membership_id: d3Id,
      });
      expectError(
        await as(t, n.token).post(`/programs/cloud-reseller/invitations/${invN.body.id}/accept`),
        409,
        'PROG_INVITATION_NOT_PENDING',
      );
      expect((await as(t, s.token).get('/programs/joined')).body.items[0].status).toBe('expired');
      // PROG-018: the PDM converts N into a distributor on the same account
      const converted = await as(t, r.pdm.token).post(
        `/admin/programs/memberships/${accepted.body.id}/convert-to-distributor`,
        {
          distributor_type: 'regional',
          region_class: 3,
          reason: 'grew into a distributor',
        },
      );
      expect(converted.body).toMatchObject({ program: 'distributor', status: 'active', region_class: 3 });
      const old = await as(t, n.token).get(`/programs/memberships/${accepted.body.id}`);
      expect(old.body).toMatchObject({ status: 'exited', exit_reason: 'upgraded_to_distributor' });
    });

    it('PROG-012 PROG-017 PROG-019 scenario 23: reseller exit only via the ecosystem manager; the account is abandoned and may deregister', async () => {
      expectError(
        await as(t, rr.token).post(`/programs/memberships/${rId}/exit`),
        403,
        'PROG_EXIT_VIA_ECOSYSTEM_MANAGER',
      );
      expect(
        (await as(t, rr.token).get(`/accounts/${rr.id}/deregistration-eligibility`)).body.reasons,
      ).toEqual(['cloud_reseller_active']);
      expect(
        (await as(t, r.psa.token).post(`/admin/programs/memberships/${rId}/exit`, { reason: 'x' })).status,
      ).toBe(403);
      const exited = await as(t, r.bd.token).post(`/admin/programs/memberships/${rId}/exit`, {
        reason: 'offline request',
        ticket_no: 'CH-1',
      });
      expect(exited.body).toMatchObject({ status: 'exited', distributor_membership_id: null });
      expectError(
        await as(t, rr.token).post('/paths/memberships', { path: 'software' }),
        409,
        'PROG_ACCOUNT_ABANDONED',
      );
      expectError(
        await as(t, rr.token).post('/programs/solution-provider/applications', {}),
        409,
        'PROG_ACCOUNT_ABANDONED',
      );
      const dereg = await as(t, rr.token).get(`/accounts/${rr.id}/deregistration-eligibility`);
      expect(dereg.body).toMatchObject({ eligible: true, reasons: [] });
    });
  });
});
