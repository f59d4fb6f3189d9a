/**
 * Solution provider (certification-paths.md PROG-001…PROG-009, PROG-012, PROG-020, PROG-021, PROG-023, J-PROG-1…3):
 * acceptance scenarios 3, 4, 17 and 25 over HTTP; INFO-019 / INFO-037 read through PROGRAM_MEMBERSHIP_VIEWS.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newMember } from '../../builders/actors.js';
import { AuditService } from '../../../libs/audit/index.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';
import {
  activeSp,
  as,
  bindEmail,
  download,
  expectError,
  fake,
  joinPath,
  outbox,
  partner,
  type Partner,
  partnerWithoutEmail,
  pdfMetadata,
  reviewers,
  runJob,
  setClock,
  travel,
} from './programs.helpers.js';

describe('solution provider program (PROG-001…PROG-009, PROG-012, PROG-020, PROG-021)', () => {
  let t: TestApp;
  let r: Awaited<ReturnType<typeof reviewers>>;

  beforeAll(async () => {
    t = await createTestApp();
    await setClock(t, '2025-01-20T10:00:00+08:00');
    r = await reviewers(t);
  });
  afterAll(async () => {
    await t.close();
  });
  const staff = () => [r.ops, r.pdm, r.bd, r.psa];

  it('PROG-001 the distributor program is by invitation only → 403 PROG_INVITATION_ONLY', async () => {
    const a = await partner(t);
    expectError(await as(t, a.token).post('/programs/distributor/applications'), 403, 'PROG_INVITATION_ONLY');
  });

  it('PROG-002 PROG-003 scenario 3: a path account applying for SP → 409 PROG_PATH_EXCLUSIVE with quick registration', async () => {
    const p = await partner(t);
    await joinPath(t, p, 'software');
    const res = await as(t, p.token).post('/programs/solution-provider/applications', {});
    expectError(res, 409, 'PROG_PATH_EXCLUSIVE');
    expect(res.body.details.quick_registration_available).toBe(true);
  });

  it('PROG-003 PROG-005 PROG-004 PROG-020 scenario 4: e-mail required, one SP account per entity until the PDM raises the quota; approval removes customer identity', async () => {
    const s = await partner(t);
    await activeSp(t, r.ops, s);
    const c = await partnerWithoutEmail(t, s);
    expectError(
      await as(t, c.token).post('/programs/solution-provider/applications', {}),
      422,
      'PROG_EMAIL_NOT_BOUND',
    );
    await bindEmail(t, c);
    const limited = await as(t, c.token).post('/programs/solution-provider/applications', {});
    expectError(limited, 409, 'PROG_SP_ENTITY_LIMIT');
    // the quota is the PDM's: operations → 403
    expect(
      (await as(t, r.ops.token).put(`/admin/legal-entities/${s.legalEntityId}/sp-quota`, { max_accounts: 2 }))
        .status,
    ).toBe(403);
    const quota = await as(t, r.pdm.token).put(`/admin/legal-entities/${s.legalEntityId}/sp-quota`, {
      max_accounts: 2,
      reason: 'second business line',
    });
    expect(quota.status).toBe(200);
    expect(quota.body.max_accounts).toBe(2);
    await travel(t, '2025-06-10T10:00:00+08:00', [c, ...staff()]);
    const applied = await as(t, c.token).post('/programs/solution-provider/applications', {});
    expect(applied.status).toBe(201);
    expect(applied.body.status).toBe('pending_review');
    const before = await as(t, c.token).get(`/accounts/${c.id}/customer-identity`);
    expect(before.body.customer_identity).toBe(true);
    // only operations approve SP applications
    expectError(
      await as(t, r.pdm.token).post(`/admin/programs/memberships/${applied.body.id}/approve`),
      403,
      'REVIEWER_ROLE_REQUIRED',
    );
    expect((await as(t, c.token).post(`/admin/programs/memberships/${applied.body.id}/approve`)).status).toBe(
      403,
    );
    const approved = await as(t, r.ops.token).post(`/admin/programs/memberships/${applied.body.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'active',
      level: 'standard',
      valid_from: '2025-06-10',
      valid_to: '2026-01-31',
    });
    const after = await as(t, c.token).get(`/accounts/${c.id}/customer-identity`);
    expect(after.body.customer_identity).toBe(false);
    const cert = pdfMetadata(
      await download(t, c.token, `/programs/memberships/${applied.body.id}/certificate`),
    );
    expect(cert.valid_to).toBe('2026-01-31');
    const audit = await t.app.get(AuditService).forEntity('program_membership', applied.body.id as string);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['program_membership.sp_applied', 'program_membership.sp_approved']),
    );
    expect((await outbox(t, { to: c.id, template: 'certification.solution_provider.approved' })).length).toBe(
      1,
    );
  });

  it('PROG-002 applying twice → 409 PROG_ALREADY_MEMBER; withdraw frees the application; permissions and tenancy', async () => {
    const a = await partner(t);
    const first = await as(t, a.token).post('/programs/solution-provider/applications', {});
    expect(first.status).toBe(201);
    expectError(
      await as(t, a.token).post('/programs/solution-provider/applications', {}),
      409,
      'PROG_ALREADY_MEMBER',
    );
    const other = await partner(t);
    expectError(
      await as(t, other.token).post(`/programs/memberships/${first.body.id}/withdraw`),
      404,
      'PROG_NOT_MEMBER',
    );
    const cm = await newMember(t, a, ['customer_manager']);
    expectError(
      await as(t, cm.token).post('/programs/solution-provider/applications', {}),
      403,
      'ORG_PERMISSION_DENIED',
    );
    // state table: only the partner admin withdraws, even a member holding the admin role may not
    const adminMember = await newMember(t, a, ['admin']);
    expectError(
      await as(t, adminMember.token).post(`/programs/memberships/${first.body.id}/withdraw`),
      403,
      'ORG_ADMIN_REQUIRED',
    );
    const withdrawn = await as(t, a.token).post(`/programs/memberships/${first.body.id}/withdraw`);
    expect(withdrawn.body.status).toBe('withdrawn');
    const again = await as(t, a.token).post('/programs/solution-provider/applications', {});
    expect(again.status).toBe(201);
    const rejected = await as(t, r.ops.token).post(`/admin/programs/memberships/${again.body.id}/reject`, {
      reason: 'reseller qualification missing',
    });
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      reject_reason: 'reseller qualification missing',
    });
    expectError(
      await as(t, r.ops.token).post(`/admin/programs/memberships/${again.body.id}/reject`, {}),
      400,
      'PROG_REASON_REQUIRED',
    );
  });

  describe('scenarios 17 and 25: renewal, expiry, certificates', () => {
    let s1: Partner;
    let s2: Partner;
    let c: Partner;
    let s1Id: string;
    let s2Id: string;

    beforeAll(async () => {
      await travel(t, '2025-03-03T10:00:00+08:00', staff());
      s1 = await partner(t);
      s2 = await partner(t);
      c = await partner(t);
      s1Id = (await activeSp(t, r.ops, s1)).id as string;
      s2Id = (await activeSp(t, r.ops, s2)).id as string;
      expect((await as(t, c.token).post('/programs/solution-provider/applications', {})).status).toBe(201);
    });

    it('PROG-008 PROG-012 partner-side renewal and exit are refused; another partner gets 404', async () => {
      expectError(
        await as(t, s1.token).post(`/programs/memberships/${s1Id}/renewal`),
        403,
        'PROG_RENEWAL_AUTOMATIC',
      );
      expectError(
        await as(t, s1.token).post(`/programs/memberships/${s1Id}/exit`),
        403,
        'PROG_EXIT_VIA_ECOSYSTEM_MANAGER',
      );
      expectError(await as(t, s2.token).post(`/programs/memberships/${s1Id}/exit`), 404, 'PROG_NOT_MEMBER');
      const joined = await as(t, s1.token).get('/programs/joined');
      expect(joined.body.items).toEqual([
        expect.objectContaining({ id: s1Id, program: 'solution_provider', status: 'active' }),
      ]);
    });

    it('PROG-009 J-PROG-1 PROG-008 J-PROG-2 J-PROG-3 PROG-007 scenario 17: passed → renewed with level leading; failed → expired, certificate still downloadable, deregistration blocked', async () => {
      await travel(t, '2026-01-31T00:30:00+08:00', [s1, s2, c, ...staff()]);
      // S1's result comes from the performance system (J-PROG-1), S2's from the operations upload
      await fake(t, 'program-performance', {
        assessments: [
          {
            legal_entity_id: s1.legalEntityId,
            program: 'solution_provider',
            year: 2025,
            result: 'passed',
            resulting_level: 'leading',
          },
        ],
      });
      const imported = await runJob(t, 'J-PROG-1');
      expect(imported.summary).toMatchObject({ year: 2025, imported: 1 });
      expect((await outbox(t, { to: s1.id, template: 'certification.assessment.published' })).length).toBe(1);
      const badCsv = await as(t, r.ops.token).post('/admin/programs/assessments/upload', {
        csv: `uscc,program,year,result,resulting_level\n${s2.uscc},solution_provider,2025,maybe,`,
      });
      expectError(badCsv, 400, 'PROG_ASSESSMENT_UPLOAD_INVALID');
      expect((await as(t, r.pdm.token).post('/admin/programs/assessments/upload', { csv: 'x' })).status).toBe(
        403,
      );
      const upload = await as(t, r.ops.token).post('/admin/programs/assessments/upload', {
        csv: `uscc,program,year,result,resulting_level\n${s2.uscc},solution_provider,2025,failed,`,
      });
      expect(upload.status).toBe(200);
      expect(upload.body.imported).toBe(1);

      await setClock(t, '2026-01-31T02:00:00+08:00');
      const renewal = await runJob(t, 'J-PROG-2');
      expect(renewal.summary).toMatchObject({ cycle_end: '2026-01-31', renewed: 1 });
      const again = await runJob(t, 'J-PROG-2');
      expect(again.summary).toMatchObject({ renewed: 0 });
      const s1View = await as(t, s1.token).get(`/programs/memberships/${s1Id}`);
      expect(s1View.body).toMatchObject({ status: 'active', valid_to: '2027-01-31', level: 'leading' });

      await setClock(t, '2026-02-01T00:05:00+08:00');
      await runJob(t, 'J-PROG-3');
      const s2View = await as(t, s2.token).get(`/programs/memberships/${s2Id}`);
      expect(s2View.body.status).toBe('expired');
      const s2Cert = pdfMetadata(await download(t, s2.token, `/programs/memberships/${s2Id}/certificate`));
      expect(s2Cert.valid_to).toBe('2026-01-31');
      const dereg = await as(t, s2.token).get(`/accounts/${s2.id}/deregistration-eligibility`);
      expect(dereg.body).toMatchObject({ eligible: false, reasons: ['solution_provider_member'] });
      expect(
        (await outbox(t, { to: s2.id, template: 'certification.solution_provider.expired' })).length,
      ).toBe(1);
    });

    it('PROG-007 PROG-023 scenario 25: certificate metadata; pending → 409; no SP → 404', async () => {
      const meta = pdfMetadata(await download(t, s1.token, `/programs/memberships/${s1Id}/certificate`));
      expect(meta).toMatchObject({
        program: 'solution_provider',
        level: 'leading',
        valid_to: '2027-01-31',
        company_name: s1.companyName,
      });
      expect(meta.certificate_no).toMatch(/^SP\d{8}[0-9A-F]{10}$/);
      const byProgram = pdfMetadata(await download(t, s1.token, '/programs/solution-provider/certificate'));
      expect(byProgram.certificate_no).toBe(meta.certificate_no);
      expectError(
        await download(t, c.token, '/programs/solution-provider/certificate'),
        409,
        'PROG_CERTIFICATE_NOT_AVAILABLE',
      );
      const none = await partner(t);
      expectError(
        await download(t, none.token, '/programs/solution-provider/certificate'),
        404,
        'PROG_NOT_MEMBER',
      );
      expectError(
        await download(t, none.token, `/programs/memberships/${s1Id}/certificate`),
        404,
        'PROG_NOT_MEMBER',
      );
    });

    it('PROG-021 operations renew an expired membership after a late result; an exited one → 409 PROG_NOT_RENEWABLE', async () => {
      expect((await as(t, r.pdm.token).post(`/admin/programs/memberships/${s2Id}/renewal`)).status).toBe(403);
      const renewed = await as(t, r.ops.token).post(`/admin/programs/memberships/${s2Id}/renewal`, {
        ticket_no: 'T-1',
      });
      expect(renewed.status).toBe(200);
      expect(renewed.body).toMatchObject({ status: 'active', valid_to: '2027-01-31' });
      expect(
        (await as(t, r.bd.token).post(`/admin/programs/memberships/${s2Id}/exit`, { reason: 'x' })).status,
      ).toBe(403);
      const exited = await as(t, r.pdm.token).post(`/admin/programs/memberships/${s2Id}/exit`, {
        reason: 'offline request',
        ticket_no: 'T-2',
      });
      expect(exited.body.status).toBe('exited');
      expectError(
        await as(t, r.ops.token).post(`/admin/programs/memberships/${s2Id}/renewal`),
        409,
        'PROG_NOT_RENEWABLE',
      );
      // PROG-012: an SP account can never be deregistered, even after its exit (INFO-037)
      const dereg = await as(t, s2.token).get(`/accounts/${s2.id}/deregistration-eligibility`);
      expect(dereg.body.reasons).toEqual(['solution_provider_member']);
    });
  });
});
