/**
 * Helpers of the development-path e2e specs: joining over HTTP, project specialists with certificates (academy
 * fake for HCCDx/HCSx, upload + operations approval for HCIA/HCIP/HCIE), and in-process test doubles for the
 * collaborators whose modules are outside this spec (build facts, benefit records, PCE, program memberships,
 * capability labels) — registered on the running app the way those modules register theirs.
 */
import { expect } from '@jest/globals';
import type { PartnerActor } from '../../builders/actors.js';
import type { TestApp } from '../../setup/test-app.js';
import { DomainEventBus } from '../../../libs/events/index.js';
import {
  CAPABILITY_LABEL_READER,
  type CapabilityLabelReader,
  CertificationCollaborators,
  type BenefitRecordKind,
  type JointOfferingView,
  PROGRAM_MEMBERSHIP_VIEWS,
  type ProgramMembershipView,
  SOLUTION_CERTIFICATION_CHANGED_EVENT,
  type SolutionCertificationType,
  type ValidSolutionCertification,
} from '../../../src/modules/certification/index.js';
import { randomBytes } from 'node:crypto';
import type { Response } from 'supertest';
import { PASSWORD, tokenFor } from '../../builders/actors.js';

export interface PersonalActor {
  id: string;
  tenant: string;
  huaweiCloudAccountId: string;
  token: string;
}

export function as(t: TestApp, token: string | null) {
  const withToken = <R extends { set(k: string, v: string): R }>(r: R): R =>
    token ? r.set('X-Auth-Token', token) : r;
  return {
    get: (path: string) => withToken(t.http.get(`/api/v1${path}`)),
    post: (path: string, body: object = {}) => withToken(t.http.post(`/api/v1${path}`)).send(body),
    put: (path: string, body: object = {}) => withToken(t.http.put(`/api/v1${path}`)).send(body),
    delete: (path: string) => withToken(t.http.delete(`/api/v1${path}`)),
  };
}

export async function setClock(t: TestApp, now: string): Promise<void> {
  expect((await t.http.put('/api/v1/admin/test/clock').send({ now })).status).toBe(200);
}

export async function relogin(t: TestApp, p: PartnerActor): Promise<void> {
  p.token = await tokenFor(t, { account: p.accountName, password: PASSWORD });
}

export async function runJob(t: TestApp, job: string): Promise<Response> {
  const res = await t.http.post(`/api/v1/admin/jobs/${job}/run`).send({});
  expect(res.status).toBe(200);
  expect(res.body.status).toBe('succeeded');
  return res;
}

export async function outbox(t: TestApp, q: Record<string, string>): Promise<Array<Record<string, unknown>>> {
  const res = await t.http.get('/api/v1/admin/test/outbox').query(q);
  expect(res.status).toBe(200);
  return res.body.items as Array<Record<string, unknown>>;
}

/** A personal account (org.md) through the test hook, with its token. */
export async function newPersonal(t: TestApp): Promise<PersonalActor> {
  const tenant = `p_${randomBytes(5).toString('hex')}`;
  const res = await t.http.post('/api/v1/admin/test/personal-accounts').send({
    tenant_name: tenant,
    password: PASSWORD,
    site: 'cn',
    account_type: 'personal',
    realname_status: 'personal',
    is_partner_account: false,
    email: `${tenant}@example.test`,
  });
  expect(res.status).toBe(201);
  const token = await tokenFor(t, { personal: tenant, password: PASSWORD });
  return {
    id: res.body.personal_account_id,
    tenant,
    huaweiCloudAccountId: res.body.huawei_cloud_account_id,
    token,
  };
}

/** Invitation by the partner admin, accepted by the person. */
export async function link(t: TestApp, partner: PartnerActor, person: PersonalActor): Promise<void> {
  const inv = await as(t, partner.token).post('/org/invitations', { tenant_name: person.tenant });
  expect(inv.status).toBe(201);
  expect((await as(t, person.token).post(`/org/invitations/${inv.body.id}/accept`)).status).toBe(200);
}

export async function joinPath(t: TestApp, p: PartnerActor, path: string): Promise<string> {
  const res = await as(t, p.token).post('/paths/memberships', { path });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

export async function membership(t: TestApp, p: PartnerActor, id: string): Promise<Record<string, unknown>> {
  const res = await as(t, p.token).get(`/paths/memberships/${id}`);
  expect(res.status).toBe(200);
  return res.body as Record<string, unknown>;
}

let certSeq = 0;
export type CertSpec = { family: string; track?: string; valid_to?: string };

/**
 * A person linked to the partner, holding the certificates (all valid), approved as project specialist of
 * `path` by a PDM. Answers the personal actor.
 */
export async function specialist(
  t: TestApp,
  partner: PartnerActor,
  path: string,
  certs: CertSpec[],
  reviewers: { ops: { token: string }; pdm: { token: string } },
): Promise<PersonalActor> {
  // API-013 throttles per user and operation in a sliding second of the (frozen) clock: step 1.1 s per person
  expect((await t.http.post('/api/v1/admin/test/clock/advance').send({ ms: 1100 })).status).toBe(200);
  const person = await newPersonal(t);
  await link(t, partner, person);
  const synced = certs.filter((c) => ['HCCDA', 'HCCDP', 'HCCDE', 'HCSA', 'HCSP'].includes(c.family));
  if (synced.length) {
    const res = await t.http.put('/api/v1/admin/test/fakes/academy').send({
      huawei_cloud_account_id: person.huaweiCloudAccountId,
      certificates: synced.map((c) => ({
        family: c.family,
        track: c.track ?? c.family,
        certificate_no: `${c.family}-${++certSeq}-${person.tenant}`.slice(0, 60),
        issued_on: '2024-01-01',
        valid_to: c.valid_to ?? '2028-12-31',
      })),
    });
    expect(res.status).toBe(200);
    expect((await as(t, person.token).post('/org/my-certificates/sync')).status).toBeLessThan(300);
  }
  for (const c of certs.filter((x) => !synced.includes(x))) {
    const up = await as(t, person.token).post('/org/my-certificates', {
      family: c.family,
      track: c.track ?? 'Cloud Service',
      certificate_no: `${c.family}-${++certSeq}`,
      issued_on: '2024-01-01',
      valid_to: c.valid_to ?? '2028-12-31',
      file_id: 'scan-1',
    });
    expect(up.status).toBe(201);
    expect(
      (await as(t, reviewers.ops.token).post(`/admin/org/certificates/${up.body.id}/approve`)).status,
    ).toBe(200);
  }
  const app = await as(t, partner.token).post('/org/specialists', {
    personal_account_id: person.id,
    path,
    employment_proof_file_id: 'file-emp',
  });
  expect(app.status).toBe(201);
  expect(
    (await as(t, reviewers.pdm.token).post(`/admin/org/specialists/${app.body.id}/approve`)).status,
  ).toBe(200);
  return person;
}

// --- collaborator doubles ----------------------------------------------------------------------------------------

export interface FakeFacts {
  certs: Map<string, ValidSolutionCertification[]>;
  solutionRecords: Map<string, Set<SolutionCertificationType>>;
  offerings: Map<string, JointOfferingView[]>;
  benefits: Map<string, Set<BenefitRecordKind>>;
  pce: Set<string>;
  programs: Map<string, ProgramMembershipView[]>;
  labels: Map<string, string[]>;
}

/** Installs the doubles on the app; answers the mutable fact store. */
export function installFakes(t: TestApp): FakeFacts {
  const f: FakeFacts = {
    certs: new Map(),
    solutionRecords: new Map(),
    offerings: new Map(),
    benefits: new Map(),
    pce: new Set(),
    programs: new Map(),
    labels: new Map(),
  };
  const c = t.app.get(CertificationCollaborators);
  c.registerBuildFacts({
    listValidCertifications: async (pid, type, at) => {
      const today = new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
      return (f.certs.get(pid) ?? []).filter(
        (x) => (!type || x.certificationType === type) && x.validUntil >= today,
      );
    },
    solutionRecordExists: async (pid, type) => f.solutionRecords.get(pid)?.has(type) ?? false,
    jointOfferings: async (pid) => f.offerings.get(pid) ?? [],
  });
  c.registerBenefitRecordReader({
    kinds: ['test_voucher', 'exam_voucher', 'mdf', 'fh', 'delivery_support'],
    exists: async (pid, kind) => f.benefits.get(pid)?.has(kind) ?? false,
  });
  c.registerPceReader({ status: async (pid) => (f.pce.has(pid) ? 'active' : null) });
  const programs = t.app.get<{ programMemberships(pid: string): Promise<ProgramMembershipView[]> }>(
    PROGRAM_MEMBERSHIP_VIEWS,
  );
  const realPrograms = programs.programMemberships.bind(programs);
  programs.programMemberships = async (pid) => f.programs.get(pid) ?? realPrograms(pid);
  const labels = t.app.get<CapabilityLabelReader>(CAPABILITY_LABEL_READER);
  const realLabels = labels.listValid.bind(labels);
  labels.listValid = async (pid) =>
    f.labels.has(pid)
      ? f.labels.get(pid)!.map((labelCode) => ({
          partnerAccountId: pid,
          labelCode,
          site: 'cn' as const,
          grantedAt: new Date('2025-01-01T00:00:00Z'),
          status: 'active' as const,
        }))
      : realLabels(pid);
  return f;
}

/** The build module's after-commit event (SolutionCertificationChanged). */
export async function solutionCertificationChanged(
  t: TestApp,
  partnerAccountId: string,
  cert: ValidSolutionCertification,
): Promise<void> {
  await t.app.get(DomainEventBus).publish({
    name: SOLUTION_CERTIFICATION_CHANGED_EVENT,
    payload: {
      partner_account_id: partnerAccountId,
      solution_id: cert.solutionId,
      certification_id: cert.certificationId,
      certification_type: cert.certificationType,
      status: 'certified',
      certified_on: cert.certifiedOn,
      valid_until: cert.validUntil,
    },
    occurredAt: new Date(),
  });
}
