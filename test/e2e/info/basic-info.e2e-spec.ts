/**
 * Basic info (FAQ 6.1; info.md INFO-010, INFO-012…INFO-022, acceptance scenarios 8, 9, 10, 11), black-box over
 * HTTP. Each test builds its own companies (unique USCCs), so the tests share one database safely.
 */
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { AuditLog } from '../../../libs/audit/index.js';
import {
  newAccount,
  newMember,
  newPartner,
  newReviewer,
  onboardingBody,
  type PartnerActor,
  uniqueUscc,
} from '../../builders/actors.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';

describe('basic info (FAQ 6.1; info.md INFO-012…INFO-022)', () => {
  let t: TestApp;
  let ops: { id: string; token: string };

  beforeAll(async () => {
    t = await createTestApp();
    ops = await newReviewer(t, ['operations']);
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (path: string, token: string): Promise<Response> => t.http.get(path).set('X-Auth-Token', token);
  const send = (
    method: 'post' | 'put' | 'patch',
    path: string,
    token: string,
    body: object = {},
  ): Promise<Response> => t.http[method](path).set('X-Auth-Token', token).send(body);

  async function fake(port: string, body: object): Promise<void> {
    const res = await t.http.put(`/api/v1/admin/test/fakes/${port}`).send(body);
    expect(res.status).toBe(200);
  }

  /** A (primary) and B (fast-onboarded, non-primary) of one new company. */
  async function company(): Promise<{ a: PartnerActor; b: PartnerActor; entityId: string }> {
    const a = await newPartner(t);
    const b = await newAccount(t, { uscc: a.uscc, company_name: a.companyName });
    const res = await send('post', '/api/v1/onboarding/applications', b.token, onboardingBody(b));
    expect(res.body).toMatchObject({ status: 'approved', is_primary: false });
    return { a, b, entityId: res.body.legal_entity_id as string };
  }

  const changeRequest = (token: string, body: object) =>
    send('post', '/api/v1/info/company/change-requests', token, body);

  it('INFO-013 INFO-015 INFO-016 scenario 8: licence change by the primary account only; licence code must match; one pending request per legal entity', async () => {
    const { a, b } = await company();
    // B is not the primary account
    const byB = await changeRequest(b.token, {
      company_name: '新名称有限公司',
      license_file_id: `lic-${a.uscc}.pdf`,
    });
    expect(byB.status).toBe(403);
    expect(byB.body.error_code).toBe('INFO_PRIMARY_ACCOUNT_REQUIRED');
    // an org member of A holding every grantable permission: not delegable
    const member = await newMember(t, a, ['admin']);
    const byMember = await changeRequest(member.token, { company_name: '新名称有限公司' });
    expect(byMember.status).toBe(403);
    expect(byMember.body.error_code).toBe('ORG_ADMIN_REQUIRED');
    // a licence whose recognised code differs
    await fake('license-recognition', { files: { 'other-licence.pdf': '91440300MA5XXXXXXX' } });
    const mismatch = await changeRequest(a.token, {
      company_name: '新名称有限公司',
      license_file_id: 'other-licence.pdf',
    });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.error_code).toBe('INFO_LICENSE_CODE_MISMATCH');
    // the registry does not pass the new name: the request waits for operations
    await fake('company-registry', { [a.uscc]: 'mismatch' });
    await fake('license-recognition', { files: { 'new-licence.pdf': a.uscc } });
    const ok = await changeRequest(a.token, {
      company_name: '新名称有限公司',
      legal_representative: 'Wang Wu',
      license_file_id: 'new-licence.pdf',
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      status: 'pending_review',
      registry_result: 'mismatch',
      extracted_code: a.uscc,
      changes: { company_name: '新名称有限公司', legal_representative: 'Wang Wu' },
    });
    const second = await changeRequest(a.token, { business_scope: 'cloud services' });
    expect(second.status).toBe(409);
    expect(second.body.error_code).toBe('INFO_CHANGE_REQUEST_PENDING');
    // nothing changed yet
    expect((await get('/api/v1/info/company', a.token)).body.company_name).toBe(a.companyName);

    // operations approve: the licence data change, the partner is told
    const approved = await send(
      'post',
      `/api/v1/admin/info/company-change-requests/${ok.body.change_request_id}/approve`,
      ops.token,
    );
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    const view = await get('/api/v1/info/company', b.token);
    expect(view.body).toMatchObject({ company_name: '新名称有限公司', legal_representative: 'Wang Wu' });
    const inApp = await t.http.get('/api/v1/admin/test/outbox').query({ channel: 'in_app', to: a.id });
    expect(inApp.body.items.map((m: { template: string }) => m.template)).toContain(
      'company_change.approved',
    );
    // the slot is free again; a decided request cannot be decided twice
    const again = await send(
      'post',
      `/api/v1/admin/info/company-change-requests/${ok.body.change_request_id}/reject`,
      ops.token,
      { reject_reason: 'late' },
    );
    expect(again.status).toBe(409);
    expect(again.body.error_code).toBe('INFO_CHANGE_REQUEST_NOT_PENDING');
  });

  it('INFO-013 Open point 2: a registry pass approves the change at once; a new name needs a licence file; withdraw and reject free the slot', async () => {
    const { a, b } = await company();
    const noLicence = await changeRequest(a.token, { company_name: '另一个名称有限公司' });
    expect(noLicence.status).toBe(400);
    expect(noLicence.body).toMatchObject({
      error_code: 'INFO_FIELD_INVALID',
      details: { field: 'license_file_id' },
    });

    const auto = await changeRequest(a.token, {
      license_address: '上海市浦东新区 1 号',
      postal_code: '200120',
    });
    expect(auto.status).toBe(201);
    expect(auto.body).toMatchObject({ status: 'approved', registry_result: 'pass' });
    expect((await get('/api/v1/info/company', a.token)).body.license_address).toBe('上海市浦东新区 1 号');

    await fake('company-registry', { [a.uscc]: 'unavailable' });
    const pending = await changeRequest(a.token, { business_scope: 'software' });
    expect(pending.body.status).toBe('pending_review');
    // another partner cannot withdraw it (404 like absent), B (same entity, not the requester) neither
    const other = await newPartner(t);
    for (const token of [other.token, b.token]) {
      const res = await send(
        'post',
        `/api/v1/info/company/change-requests/${pending.body.change_request_id}/withdraw`,
        token,
      );
      expect(res.status).toBe(404);
      expect(res.body.error_code).toBe('INFO_CHANGE_REQUEST_NOT_FOUND');
    }
    const withdrawn = await send(
      'post',
      `/api/v1/info/company/change-requests/${pending.body.change_request_id}/withdraw`,
      a.token,
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    const next = await changeRequest(a.token, { business_scope: 'software and services' });
    expect(next.body.status).toBe('pending_review');
    const noReason = await send(
      'post',
      `/api/v1/admin/info/company-change-requests/${next.body.change_request_id}/reject`,
      ops.token,
      {},
    );
    expect(noReason.status).toBe(400);
    const rejected = await send(
      'post',
      `/api/v1/admin/info/company-change-requests/${next.body.change_request_id}/reject`,
      ops.token,
      { reject_reason: 'scope not on the licence' },
    );
    expect(rejected.body).toMatchObject({ status: 'rejected', reject_reason: 'scope not on the licence' });
    const list = await get('/api/v1/info/company/change-requests', b.token);
    expect(list.status).toBe(200);
    expect(list.body.items.map((r: { status: string }) => r.status)).toEqual(
      expect.arrayContaining(['approved', 'withdrawn', 'rejected']),
    );
    await fake('company-registry', { [a.uscc]: 'pass' });
  });

  it('INFO-014 INFO-017 scenario 9: the credit code is immutable; company details only by ticket (operations edit them)', async () => {
    const { a, entityId } = await company();
    const uscc = await changeRequest(a.token, { uscc: '91110000000000000X' });
    expect(uscc.status).toBe(422);
    expect(uscc.body.error_code).toBe('INFO_USCC_IMMUTABLE');
    const orgCode = await changeRequest(a.token, { org_code: '777023172', business_scope: 'x' });
    expect(orgCode.body.error_code).toBe('INFO_USCC_IMMUTABLE');

    const patch = await send('patch', '/api/v1/info/company/details', a.token, {
      introduction: 'We build clouds.',
    });
    expect(patch.status).toBe(403);
    expect(patch.body.error_code).toBe('INFO_EDIT_VIA_TICKET_ONLY');

    const noTicket = await send('put', `/api/v1/admin/info/legal-entities/${entityId}/details`, ops.token, {
      introduction: 'We build clouds.',
    });
    expect(noTicket.status).toBe(400);
    const edited = await send('put', `/api/v1/admin/info/legal-entities/${entityId}/details`, ops.token, {
      ticket_no: 'T-2025-0001',
      introduction: 'We build clouds.',
      website: 'https://example.test',
    });
    expect(edited.status).toBe(200);
    const view = await get('/api/v1/info/company', a.token);
    expect(view.body.company_details).toMatchObject({
      introduction: 'We build clouds.',
      website: 'https://example.test',
    });
    // audited with the reviewer and the ticket number, in the transaction of the change
    const rows = await t.app
      .get(DataSource)
      .getRepository(AuditLog)
      .find({ where: { action: 'company_details.updated' } });
    expect(rows.some((r) => r.actorId === ops.id && JSON.stringify(r.after).includes('T-2025-0001'))).toBe(
      true,
    );
  });

  it('INFO-015: a company without a USCC on record gets INFO_USCC_MISSING until operations record it (ticket)', async () => {
    const orgCode = `7${String(Date.now()).slice(-8)}`;
    const a = await newAccount(t, { org_code: orgCode });
    const res = await send(
      'post',
      '/api/v1/onboarding/applications',
      a.token,
      onboardingBody(
        { uscc: '', companyName: a.companyName },
        { uscc: undefined, org_code: orgCode, tax_code: '110000100000001' },
      ),
    );
    expect(res.body.status).toBe('approved');
    const uscc = uniqueUscc();
    await fake('license-recognition', { files: { 'new-uscc-licence.pdf': uscc } });
    const missing = await changeRequest(a.token, {
      company_name: '改名有限公司',
      license_file_id: 'new-uscc-licence.pdf',
    });
    expect(missing.status).toBe(409);
    expect(missing.body).toMatchObject({
      error_code: 'INFO_USCC_MISSING',
      error_msg: 'Your credit code is not on record; submit a ticket, then resubmit the change.',
    });
    const bad = await send(
      'put',
      `/api/v1/admin/info/legal-entities/${res.body.legal_entity_id}/uscc`,
      ops.token,
      {
        ticket_no: 'T-9',
        uscc: '123',
      },
    );
    expect(bad.body.error_code).toBe('INFO_USCC_INVALID');
    const fixed = await send(
      'put',
      `/api/v1/admin/info/legal-entities/${res.body.legal_entity_id}/uscc`,
      ops.token,
      {
        ticket_no: 'T-9',
        uscc,
      },
    );
    expect(fixed.status).toBe(200);
    const twice = await send(
      'put',
      `/api/v1/admin/info/legal-entities/${res.body.legal_entity_id}/uscc`,
      ops.token,
      {
        ticket_no: 'T-9',
        uscc,
      },
    );
    expect(twice.body.error_code).toBe('INFO_USCC_ALREADY_SET');
    const ok = await changeRequest(a.token, {
      company_name: '改名有限公司',
      license_file_id: 'new-uscc-licence.pdf',
    });
    expect(ok.status).toBe(201);
  });

  it('INFO-010: partners cannot change the primary account; operations reassign it with a ticket', async () => {
    const { a, b, entityId } = await company();
    const attempt = await send('put', '/api/v1/info/company/primary-account', b.token, {
      partner_account_id: b.id,
    });
    expect(attempt.status).toBe(403);
    expect(attempt.body.error_code).toBe('INFO_EDIT_VIA_TICKET_ONLY');
    const other = await newPartner(t);
    const foreign = await send(
      'put',
      `/api/v1/admin/info/legal-entities/${entityId}/primary-account`,
      ops.token,
      {
        partner_account_id: other.id,
        ticket_no: 'T-1',
      },
    );
    expect(foreign.status).toBe(404);
    const moved = await send(
      'put',
      `/api/v1/admin/info/legal-entities/${entityId}/primary-account`,
      ops.token,
      {
        partner_account_id: b.id,
        ticket_no: 'T-1',
      },
    );
    expect(moved.status).toBe(200);
    const accounts = await get('/api/v1/info/accounts', a.token);
    const primary = accounts.body.items.filter((i: { is_primary: boolean }) => i.is_primary);
    expect(primary.map((i: { partner_account_id: string }) => i.partner_account_id)).toEqual([b.id]);
    // the new primary may now change licence data, the old one may not
    expect((await changeRequest(a.token, { business_scope: 'x' })).body.error_code).toBe(
      'INFO_PRIMARY_ACCOUNT_REQUIRED',
    );
    expect((await changeRequest(b.token, { business_scope: 'x' })).status).toBe(201);

    const flags = await send('put', `/api/v1/admin/info/accounts/${a.id}/expansion-flags`, ops.token, {
      ticket_no: 'T-2',
      channel_expansion_account: true,
    });
    expect(flags.body).toMatchObject({ channel_expansion_account: true, customer_expansion_account: false });
    const after = await get('/api/v1/info/accounts', b.token);
    expect(
      after.body.items.find((i: { partner_account_id: string }) => i.partner_account_id === a.id),
    ).toMatchObject({
      channel_expansion_account: true,
    });
  });

  it('INFO-012 INFO-018: company info shows the account contact; the admin or a member with info.account.edit edits it; account info lists joined paths/programs', async () => {
    const { a, b } = await company();
    const view = await get('/api/v1/info/company', a.token);
    expect(view.status).toBe(200);
    expect(view.body.account_contact).toMatchObject({
      name: 'Li Si',
      position: 'Manager',
      mobile: '13912345678',
    });
    const bad = await send('put', '/api/v1/info/account-contact', a.token, {
      name: 'Zhao Liu',
      position: 'CTO',
      mobile: '12345',
      email: 'zhao@example.test',
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error_code: 'INFO_FIELD_INVALID', details: { field: 'mobile' } });
    const badMail = await send('put', '/api/v1/info/account-contact', a.token, {
      name: 'Zhao Liu',
      position: 'CTO',
      mobile: '+8613912345678',
      email: 'not-an-email',
    });
    expect(badMail.body.details.field).toBe('email');
    const member = await newMember(t, a, ['admin']);
    const ok = await send('put', '/api/v1/info/account-contact', member.token, {
      name: 'Zhao Liu',
      position: 'CTO',
      mobile: '+8613912345678',
      email: 'zhao@example.test',
    });
    expect(ok.status).toBe(200);
    expect((await get('/api/v1/info/company', a.token)).body.account_contact).toMatchObject({
      name: 'Zhao Liu',
    });
    // B's contact is B's own
    expect((await get('/api/v1/info/company', b.token)).body.account_contact.name).toBe('Li Si');

    await fake('memberships', {
      partner_account_id: b.id,
      paths: [{ path: 'software', status: 'active', stage: 'role_certification' }],
      programs: [
        { program: 'solution_provider', status: 'pending_review' },
        { program: 'pce', status: 'active' },
      ],
    });
    const accounts = await get('/api/v1/info/accounts', a.token);
    expect(
      accounts.body.items.find((i: { partner_account_id: string }) => i.partner_account_id === b.id),
    ).toMatchObject({
      paths: [{ path: 'software', stage: 'role_certification' }],
      programs: [{ program: 'pce', status: 'active' }],
    });
  });

  it('INFO-020 scenario 10: the account name changes once, through the account center', async () => {
    const a = await newPartner(t);
    const profile = await get('/api/v1/info/profile', a.token);
    expect(profile.body).toMatchObject({
      account_name: a.accountName,
      account_name_change_count: 0,
      account_name_changeable: true,
    });
    const bad = await send('put', '/api/v1/info/profile/account-name', a.token, {
      account_name: 'bad name!',
    });
    expect(bad.status).toBe(400);
    const newName = `acme-cloud-${a.id.slice(0, 6)}`;
    const first = await send('put', '/api/v1/info/profile/account-name', a.token, { account_name: newName });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ account_name: newName, account_name_change_count: 1 });
    const second = await send('put', '/api/v1/info/profile/account-name', a.token, {
      account_name: `${newName}-2`,
    });
    expect(second.status).toBe(409);
    expect(second.body.error_code).toBe('INFO_ACCOUNT_NAME_ALREADY_CHANGED');
    const after = await get('/api/v1/info/profile', a.token);
    expect(after.body).toMatchObject({
      account_name: newName,
      account_name_change_count: 1,
      account_name_changeable: false,
    });
    const taken = await newPartner(t);
    const clash = await send('put', '/api/v1/info/profile/account-name', taken.token, {
      account_name: newName,
    });
    expect(clash.body.error_code).toBe('INFO_ACCOUNT_NAME_TAKEN');
  });

  it('INFO-021: profile shows masked bound contacts; the partner admin edits the business mobile/e-mail', async () => {
    const a = await newPartner(t);
    const profile = await get('/api/v1/info/profile', a.token);
    expect(profile.body.bound_mobile).toMatch(/^139\*{4}\d{4}$/);
    expect(profile.body.bound_email).toMatch(/^ac\*\*\*@example\.test$/);
    expect(profile.body.security_credentials_url).toMatch(/^https:\/\//);
    const bad = await send('put', '/api/v1/info/profile/business-contact', a.token, {
      business_mobile: 'abc',
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      error_code: 'INFO_FIELD_INVALID',
      details: { field: 'business_mobile' },
    });
    const ok = await send('put', '/api/v1/info/profile/business-contact', a.token, {
      business_mobile: '13800001111',
      business_email: 'biz@example.test',
    });
    expect(ok.status).toBe(200);
    expect((await get('/api/v1/info/profile', a.token)).body).toMatchObject({
      business_mobile: '13800001111',
      business_email: 'biz@example.test',
    });
  });

  it("INFO-021: an org member edits its own business mobile/e-mail, not the account's", async () => {
    const a = await newPartner(t);
    const member = await newMember(t, a, ['admin']);
    await send('put', '/api/v1/info/profile/business-contact', a.token, {
      business_email: 'owner@example.test',
    });
    const ok = await send('put', '/api/v1/info/profile/business-contact', member.token, {
      business_mobile: '13800002222',
      business_email: 'member@example.test',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ business_mobile: '13800002222', business_email: 'member@example.test' });
    const mine = await get('/api/v1/info/profile', member.token);
    expect(mine.body).toMatchObject({
      user_kind: 'org_member',
      business_mobile: '13800002222',
      business_email: 'member@example.test',
    });
    // the account's business contact (the partner admin's) is untouched
    const owner = await get('/api/v1/info/profile', a.token);
    expect(owner.body.business_email).toBe('owner@example.test');
    expect(owner.body.business_mobile).toBeNull();
    const bad = await send('put', '/api/v1/info/profile/business-contact', member.token, {
      business_email: 'nope',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error_code).toBe('INFO_FIELD_INVALID');
  });

  it('INFO-018 INFO-022: operations edit an account contact and message settings on a ticket; others cannot', async () => {
    const a = await newPartner(t);
    const contact = { name: 'Wang Wu', position: 'Sales', mobile: '13900001111', email: 'ww@example.test' };
    const byOps = await send('put', `/api/v1/admin/accounts/${a.id}/contact`, ops.token, contact);
    expect(byOps.status).toBe(200);
    expect((await get('/api/v1/info/company', a.token)).body.account_contact).toMatchObject({
      name: 'Wang Wu',
    });
    const settings = await send('put', `/api/v1/admin/accounts/${a.id}/message-settings`, ops.token, {
      language: 'en-us',
      timezone: 'Europe/Berlin',
    });
    expect(settings.status).toBe(200);
    expect((await get('/api/v1/info/message-settings', a.token)).body).toMatchObject({
      language: 'en-us',
      timezone: 'Europe/Berlin',
    });
    const pdm = await newReviewer(t, ['pdm']);
    expect((await send('put', `/api/v1/admin/accounts/${a.id}/contact`, pdm.token, contact)).status).toBe(
      403,
    );
    expect((await send('put', `/api/v1/admin/accounts/${a.id}/contact`, a.token, contact)).status).toBe(403);
    const missing = await send(
      'put',
      '/api/v1/admin/accounts/00000000-0000-0000-0000-000000000000/contact',
      ops.token,
      contact,
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error_code).toBe('INFO_ACCOUNT_NOT_FOUND');
  });

  it('INFO-022: message settings — language zh-cn/en-us and an IANA time zone', async () => {
    const a = await newPartner(t);
    expect((await get('/api/v1/info/message-settings', a.token)).body).toMatchObject({
      language: 'zh-cn',
      timezone: 'Asia/Shanghai',
    });
    const badLang = await send('put', '/api/v1/info/message-settings', a.token, {
      language: 'fr-fr',
      timezone: 'Europe/Paris',
    });
    expect(badLang.status).toBe(400);
    expect(badLang.body).toMatchObject({ error_code: 'INFO_FIELD_INVALID', details: { field: 'language' } });
    const badTz = await send('put', '/api/v1/info/message-settings', a.token, {
      language: 'en-us',
      timezone: 'Mars/Olympus',
    });
    expect(badTz.status).toBe(400);
    expect(badTz.body).toMatchObject({ error_code: 'INFO_FIELD_INVALID', details: { field: 'timezone' } });
    const ok = await send('put', '/api/v1/info/message-settings', a.token, {
      language: 'en-us',
      timezone: 'Europe/Paris',
    });
    expect(ok.status).toBe(200);
    expect((await get('/api/v1/info/message-settings', a.token)).body).toMatchObject({
      language: 'en-us',
      timezone: 'Europe/Paris',
    });
  });

  it('INFO-019 scenario 11: customer identity is lost by joining SP / distributor / cloud reseller, not by a pending application', async () => {
    const s = await newPartner(t);
    const soft = await newPartner(t);
    const pending = await newPartner(t);
    await fake('memberships', {
      partner_account_id: s.id,
      programs: [{ program: 'solution_provider', status: 'active' }],
    });
    await fake('memberships', {
      partner_account_id: soft.id,
      paths: [{ path: 'software', status: 'active' }],
    });
    await fake('memberships', {
      partner_account_id: pending.id,
      programs: [{ program: 'solution_provider', status: 'pending_review' }],
    });
    const sId = await get(`/api/v1/accounts/${s.id}/customer-identity`, s.token);
    expect(sId.status).toBe(200);
    expect(sId.body).toEqual({ partner_account_id: s.id, customer_identity: false });
    const buy = await get(`/api/v1/accounts/${s.id}/purchase-eligibility`, s.token);
    expect(buy.status).toBe(403);
    expect(buy.body.error_code).toBe('INFO_NO_CUSTOMER_IDENTITY');
    expect(
      (await get(`/api/v1/accounts/${soft.id}/customer-identity`, soft.token)).body.customer_identity,
    ).toBe(true);
    expect(
      (await get(`/api/v1/accounts/${pending.id}/customer-identity`, pending.token)).body.customer_identity,
    ).toBe(true);
    expect((await get(`/api/v1/accounts/${pending.id}/purchase-eligibility`, pending.token)).status).toBe(
      200,
    );
    // the console integration (operations service account) asks about any account; expiry keeps it lost
    await fake('memberships', {
      partner_account_id: s.id,
      programs: [{ program: 'solution_provider', status: 'expired' }],
    });
    expect(
      (await get(`/api/v1/admin/accounts/${s.id}/customer-identity`, ops.token)).body.customer_identity,
    ).toBe(false);
    const d = await newPartner(t);
    await fake('memberships', {
      partner_account_id: d.id,
      programs: [{ program: 'distributor', status: 'exited' }],
    });
    expect(
      (await get(`/api/v1/admin/accounts/${d.id}/purchase-eligibility`, ops.token)).body.error_code,
    ).toBe('INFO_NO_CUSTOMER_IDENTITY');
    // another partner's account is 404 like a missing one
    const foreign = await get(`/api/v1/accounts/${s.id}/customer-identity`, soft.token);
    expect(foreign.status).toBe(404);
    expect((await get('/api/v1/accounts/not-an-id/customer-identity', soft.token)).status).toBe(404);
  });
});
