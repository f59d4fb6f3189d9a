/**
 * Personal certificates (FAQ 7.2.6–7.2.8, 4.2.1, 4.2.11, 4.2.12; org.md ORG-024…ORG-029, J-ORG-3, J-ORG-4):
 * HCIA/HCIP/HCIE/PMP are uploaded by the personal account and reviewed by operations; developer and
 * professional certificates are synced from Huawei Cloud Academy; the linked partner sees them while the link
 * is active.
 */
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, LessThan, Not } from 'typeorm';
import { AuditService } from '../../../../libs/audit/index.js';
import { WorkingDayCalendar } from '../../../../libs/calendar/index.js';
import type { RequestContext, ReviewerRole } from '../../../../libs/context/index.js';
import { DomainError } from '../../../../libs/errors/index.js';
import { NotificationService } from '../../../../libs/notify/index.js';
import {
  findOneForUpdate,
  isUniqueViolation,
  TransactionRunner,
} from '../../../../libs/persistence/index.js';
import { StateMachine } from '../../../../libs/state-machine/index.js';
import { holdsLevel, holdsProfessionalPair, isCounted, SYNCED_FAMILIES } from '../domain/certificates.js';
import { CERTIFICATE_MACHINE } from '../domain/personal-state-machines.js';
import type { ListCertificatesQuery, UploadCertificateDto } from '../dto/personal.dto.js';
import {
  type CertificateFamily,
  type CertificateReviewStatus,
  type CertificateSource,
  PersonalAccount,
  PersonalAccountLink,
  PersonalCertificate,
  type PersonalCertificateStatus,
} from '../entities/personal.entities.js';
import { OrgErrors } from '../org.errors.js';
import { ACADEMY_CERTIFICATE_PORT, type AcademyCertificatePort } from '../ports/academy.port.js';
import { LinkService } from './link.service.js';

/** ORG-026 / Open point 8: uploaded certificates are reviewed by operations. */
export const CERTIFICATE_REVIEWER_ROLES: readonly ReviewerRole[] = ['operations'];

export interface CertificateView {
  id: string;
  personal_account_id: string;
  family: CertificateFamily;
  track: string;
  certificate_no: string;
  source: CertificateSource;
  review_status: CertificateReviewStatus;
  status: PersonalCertificateStatus;
  issued_on: string;
  valid_to: string | null;
  file_id: string | null;
  reject_reason: string | null;
  /** ORG-029: counts for path criteria (valid and approved / not requiring review) */
  counted: boolean;
  synced_at: string | null;
}

export interface CertificateSummary {
  partner_account_id: string;
  linked_accounts: number;
  /** ORG-029: persons holding both HCSA and HCSP on the same personal account */
  professional_count: number;
  /** ORG-029 level substitution: persons holding at least the level (a higher level replaces a lower one) */
  persons_with_level: { entry: number; working: number; expert: number };
  pmp_count: number;
}

const ownerKey = (family: CertificateFamily, no: string) => `${family}:${no.trim().toUpperCase()}`;

@Injectable()
export class CertificateService {
  private readonly machine: StateMachine<PersonalCertificateStatus, PersonalCertificate>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly notifications: NotificationService,
    private readonly links: LinkService,
    @Inject(ACADEMY_CERTIFICATE_PORT) private readonly academy: AcademyCertificatePort,
    @Inject(WorkingDayCalendar) private readonly calendar: WorkingDayCalendar,
    audit: AuditService,
  ) {
    this.machine = new StateMachine(CERTIFICATE_MACHINE, audit);
  }

  // --- the personal account ---------------------------------------------------------------------------------------

  /**
   * ORG-025 (synced families refused), ORG-026 (pending review; one number per family on one account).
   * Decision: uploading does not require a current link — the certificates belong to the person and are
   * shared with whichever partner the person is linked to (ORG-024).
   */
  async upload(ctx: RequestContext, dto: UploadCertificateDto): Promise<CertificateView> {
    if (ctx.actor.kind !== 'personal') throw OrgErrors.fail('ORG_CERT_NOT_OWNER');
    if (SYNCED_FAMILIES.has(dto.family))
      throw OrgErrors.fail('ORG_CERT_SYNC_ONLY', undefined, { family: dto.family });
    if (dto.valid_to && dto.valid_to < dto.issued_on) {
      throw OrgErrors.fail('ORG_FIELD_INVALID', 'Invalid parameter: valid_to is before issued_on', {
        field: 'valid_to',
      });
    }
    const key = ownerKey(dto.family, dto.certificate_no);
    try {
      return await this.tx.run(ctx, async (t) => {
        const em = t.em!;
        await findOneForUpdate(em, PersonalAccount, { id: t.personalAccountId });
        const taken = await em.findOne(PersonalCertificate, { where: { ownerKey: key } });
        if (taken) throw OrgErrors.fail('ORG_CERT_DUPLICATE', undefined, { family: dto.family });
        const c = em.create(PersonalCertificate, {
          personalAccountId: t.personalAccountId,
          family: dto.family,
          track: dto.track,
          certificateNo: dto.certificate_no.trim(),
          ownerKey: key,
          source: 'upload',
          reviewStatus: 'pending_review',
          issuedOn: dto.issued_on,
          validTo: dto.valid_to ?? null,
          fileId: dto.file_id ?? null,
          status: 'pending_review',
          reviewerId: null,
          rejectReason: null,
          createdAt: t.now(),
          syncedAt: null,
        });
        await this.machine.create(t, c, { action: 'personal_certificate.uploaded' });
        return certificateView(c);
      });
    } catch (err) {
      // two uploads of one number racing: the unique owner key lets one through
      if (isUniqueViolation(err))
        throw OrgErrors.fail('ORG_CERT_DUPLICATE', undefined, { family: dto.family });
      throw err;
    }
  }

  /** ORG-027: the owner deletes an uploaded certificate (to re-upload it on another account); synced ones stay. */
  async delete(ctx: RequestContext, id: string): Promise<CertificateView> {
    return this.tx.run(ctx, async (t) => {
      const c = await findOneForUpdate(t.em!, PersonalCertificate, { id });
      if (!c || c.status === 'deleted') throw OrgErrors.fail('ORG_CERT_NOT_FOUND');
      if (c.personalAccountId !== t.personalAccountId) throw OrgErrors.fail('ORG_CERT_NOT_OWNER');
      if (c.source !== 'upload') throw OrgErrors.fail('ORG_CERT_SYNC_ONLY');
      await this.machine.transition(t, c, 'deleted', {
        action: 'personal_certificate.deleted',
        mutate: (x) => (x.ownerKey = null),
      });
      return certificateView(c);
    });
  }

  async mine(ctx: RequestContext): Promise<{ total_count: number; items: CertificateView[] }> {
    return this.listOf(ctx.personalAccountId);
  }

  /** J-ORG-4 on demand for the caller's own account. */
  async syncMine(ctx: RequestContext): Promise<{ total_count: number; items: CertificateView[] }> {
    await this.syncPerson(ctx, ctx.personalAccountId);
    return this.listOf(ctx.personalAccountId);
  }

  // --- the linked partner (ORG-024) -------------------------------------------------------------------------------

  /** Certificates of a personal account linked to the caller's partner account; 404 when not (or no longer) linked. */
  async ofLinkedAccount(
    ctx: RequestContext,
    personalAccountId: string,
  ): Promise<{ total_count: number; last_synced_at: string | null; items: CertificateView[] }> {
    await this.links.activeLinkOf(ctx, personalAccountId);
    const person = await this.dataSource.getRepository(PersonalAccount).findOneBy({ id: personalAccountId });
    return {
      ...(await this.listOf(personalAccountId)),
      last_synced_at: person?.lastSyncedAt?.toISOString() ?? null,
    };
  }

  /** ORG-029 counting over the partner's linked accounts. */
  async summary(ctx: RequestContext): Promise<CertificateSummary> {
    const links = await this.dataSource.getRepository(PersonalAccountLink).find({
      where: { partnerAccountId: ctx.partnerAccountId, status: 'active' },
    });
    const ids = links.map((l) => l.personalAccountId);
    const certs = ids.length
      ? await this.dataSource
          .getRepository(PersonalCertificate)
          .find({ where: { personalAccountId: In(ids) } })
      : [];
    const byPerson = new Map<string, PersonalCertificate[]>(ids.map((id) => [id, []]));
    for (const c of certs) byPerson.get(c.personalAccountId)?.push(c);
    const persons = [...byPerson.values()];
    return {
      partner_account_id: ctx.partnerAccountId,
      linked_accounts: ids.length,
      professional_count: persons.filter((p) => holdsProfessionalPair(p)).length,
      persons_with_level: {
        entry: persons.filter((p) => holdsLevel(p, 'entry')).length,
        working: persons.filter((p) => holdsLevel(p, 'working')).length,
        expert: persons.filter((p) => holdsLevel(p, 'expert')).length,
      },
      pmp_count: persons.filter((p) => p.some((c) => c.family === 'PMP' && isCounted(c))).length,
    };
  }

  // --- operations -------------------------------------------------------------------------------------------------

  async approve(ctx: RequestContext, id: string): Promise<CertificateView> {
    return this.review(ctx, id, 'valid', null);
  }

  async reject(ctx: RequestContext, id: string, reason: string): Promise<CertificateView> {
    const trimmed = (reason ?? '').trim();
    if (!trimmed || trimmed.length > 500) {
      throw OrgErrors.fail('ORG_FIELD_INVALID', 'Invalid parameter: reason is required (≤ 500 characters)', {
        field: 'reason',
      });
    }
    return this.review(ctx, id, 'rejected', trimmed);
  }

  async listForReviewer(
    q: ListCertificatesQuery,
  ): Promise<{ total_count: number; items: CertificateView[] }> {
    const rows = await this.dataSource.getRepository(PersonalCertificate).find({
      where: q.status ? { status: q.status } : {},
      order: { createdAt: 'DESC', id: 'DESC' },
      take: 500,
    });
    return { total_count: rows.length, items: rows.map(certificateView) };
  }

  // --- jobs -------------------------------------------------------------------------------------------------------

  /**
   * J-ORG-3 (daily 00:30): certificates with `valid_to < today` (Asia/Shanghai; `valid_to` inclusive) expire;
   * each linked partner admin gets one in-app digest.
   */
  async expireDue(ctx: RequestContext): Promise<{ expired: number; today: string }> {
    const today = this.calendar.localDate(ctx.now());
    return this.tx.run(ctx, async (t) => {
      const due = await t.em!.find(PersonalCertificate, {
        where: { status: In(['valid', 'pending_review']), validTo: LessThan(today) },
        order: { validTo: 'ASC', id: 'ASC' },
      });
      const digest = new Map<string, string[]>();
      for (const c of due) {
        await this.machine.transition(t, c, 'expired', { action: 'personal_certificate.expired' });
        const link = await t.em!.findOne(PersonalAccountLink, {
          where: { personalAccountId: c.personalAccountId, status: 'active' },
        });
        if (link)
          digest.set(link.partnerAccountId, [
            ...(digest.get(link.partnerAccountId) ?? []),
            `${c.family} ${c.certificateNo}`,
          ]);
      }
      for (const [partnerId, list] of digest) {
        await this.notifications.enqueue(t, [
          {
            channel: 'in_app',
            recipient: partnerId,
            partnerAccountId: partnerId,
            template: 'org.certificate.expired_digest',
            subject: `${list.length} certificate(s) of your linked accounts expired`,
            body: `Expired on ${today}: ${list.join(', ')}.`,
            params: { certificates: list, date: today },
          },
        ]);
      }
      return { expired: due.length, today };
    });
  }

  /** J-ORG-4 (daily 02:00): upserts academy certificates of every linked personal account. */
  async syncAll(ctx: RequestContext): Promise<{ accounts: number; created: number; updated: number }> {
    const links = await this.dataSource
      .getRepository(PersonalAccountLink)
      .find({ where: { status: 'active' } });
    let created = 0;
    let updated = 0;
    for (const l of links) {
      const r = await this.syncPerson(ctx, l.personalAccountId);
      created += r.created;
      updated += r.updated;
    }
    return { accounts: links.length, created, updated };
  }

  // --- internals --------------------------------------------------------------------------------------------------

  private async syncPerson(
    ctx: RequestContext,
    personalAccountId: string,
  ): Promise<{ created: number; updated: number }> {
    const person = await this.dataSource.getRepository(PersonalAccount).findOneBy({ id: personalAccountId });
    if (!person) return { created: 0, updated: 0 };
    const remote = await this.academy.listCertificates(person.huaweiCloudAccountId);
    const today = this.calendar.localDate(ctx.now());
    return this.tx.run(ctx, async (t) => {
      const em = t.em!;
      const p = (await findOneForUpdate(em, PersonalAccount, { id: personalAccountId }))!;
      let created = 0;
      let updated = 0;
      for (const r of remote) {
        const key = ownerKey(r.family, r.certificateNo);
        const existing = await em.findOne(PersonalCertificate, { where: { ownerKey: key } });
        if (existing && existing.personalAccountId !== p.id) continue; // the academy is the owner's source of truth
        if (existing) {
          existing.track = r.track;
          existing.issuedOn = r.issuedOn;
          existing.validTo = r.validTo;
          existing.syncedAt = t.now();
          if (existing.status === 'expired' && (r.validTo === null || r.validTo >= today)) {
            await this.machine.transition(t, existing, 'valid', {
              action: 'personal_certificate.renewed_by_sync',
            });
          } else {
            await em.save(existing);
          }
          updated++;
          continue;
        }
        const c = em.create(PersonalCertificate, {
          personalAccountId: p.id,
          family: r.family,
          track: r.track,
          certificateNo: r.certificateNo,
          ownerKey: key,
          source: 'academy_sync',
          reviewStatus: 'not_required',
          issuedOn: r.issuedOn,
          validTo: r.validTo,
          fileId: null,
          status: r.validTo !== null && r.validTo < today ? 'expired' : 'valid',
          reviewerId: null,
          rejectReason: null,
          createdAt: t.now(),
          syncedAt: t.now(),
        });
        await this.machine.create(t, c, { action: 'personal_certificate.synced' });
        created++;
      }
      p.lastSyncedAt = t.now();
      await em.save(p);
      return { created, updated };
    });
  }

  private async review(
    ctx: RequestContext,
    id: string,
    to: 'valid' | 'rejected',
    reason: string | null,
  ): Promise<CertificateView> {
    if (!ctx.hasReviewerRole(...CERTIFICATE_REVIEWER_ROLES)) throw new DomainError('ORG_PERMISSION_DENIED');
    return this.tx.run(ctx, async (t) => {
      const c = await findOneForUpdate(t.em!, PersonalCertificate, { id });
      if (!c || c.status === 'deleted') throw OrgErrors.fail('ORG_CERT_NOT_FOUND');
      if (c.status !== 'pending_review') {
        throw new DomainError(
          'STATE_TRANSITION_INVALID',
          `Cannot move personal_certificate from ${c.status} to ${to}.`,
          {
            from: c.status,
            to,
          },
        );
      }
      await this.machine.transition(t, c, to, {
        action: to === 'valid' ? 'personal_certificate.approved' : 'personal_certificate.rejected',
        mutate: (x) => {
          x.reviewStatus = to === 'valid' ? 'approved' : 'rejected';
          x.reviewerId = t.reviewerId;
          x.rejectReason = reason;
        },
      });
      return certificateView(c);
    });
  }

  private async listOf(
    personalAccountId: string,
  ): Promise<{ total_count: number; items: CertificateView[] }> {
    const rows = await this.dataSource.getRepository(PersonalCertificate).find({
      where: { personalAccountId, status: Not('deleted'), ownerKey: Not(IsNull()) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return { total_count: rows.length, items: rows.map(certificateView) };
  }
}

export function certificateView(c: PersonalCertificate): CertificateView {
  return {
    id: c.id,
    personal_account_id: c.personalAccountId,
    family: c.family,
    track: c.track,
    certificate_no: c.certificateNo,
    source: c.source,
    review_status: c.reviewStatus,
    status: c.status,
    issued_on: c.issuedOn,
    valid_to: c.validTo,
    file_id: c.fileId,
    reject_reason: c.rejectReason,
    counted: isCounted(c),
    synced_at: c.syncedAt?.toISOString() ?? null,
  };
}
