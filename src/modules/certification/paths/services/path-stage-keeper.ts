/**
 * Stage and certificate mechanics shared by every way a stage changes (software recompute PATH-006/007/010,
 * stage-application approval, annual-review downgrade J-PATH-4, expiry J-PATH-5, cancellation PATH-016): the
 * membership's stage and first-time timestamps, the partner certificate (issue / revoke / expire / renew), the
 * audit row of the stage move, and the after-commit event `certification.path_membership.stage_changed`.
 */
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../../../../../libs/audit/index.js';
import { WorkingDayCalendar } from '../../../../../libs/calendar/index.js';
import type { RequestContext } from '../../../../../libs/context/index.js';
import { nextSequenceValue } from '../../../../../libs/persistence/index.js';
import { StateMachine } from '../../../../../libs/state-machine/index.js';
import type { PathStage } from '../../ports/membership.port.js';
import { certificateTitle, STAGE_RANK } from '../domain/criteria.js';
import { PATH_CERTIFICATE_MACHINE } from '../domain/path-state-machines.js';
import {
  PathCertificate,
  type PathCertificateStatus,
  PathMembership,
  type TargetStage,
} from '../entities/path.entities.js';

export const PATH_STAGE_CHANGED_EVENT = 'certification.path_membership.stage_changed';

@Injectable()
export class PathStageKeeper {
  readonly certificates: StateMachine<PathCertificateStatus, PathCertificate>;

  constructor(
    private readonly audit: AuditService,
    @Inject(WorkingDayCalendar) private readonly calendar: WorkingDayCalendar,
  ) {
    this.certificates = new StateMachine(PATH_CERTIFICATE_MACHINE, audit);
  }

  today(t: RequestContext): string {
    return this.calendar.localDate(t.now());
  }

  async currentCertificate(t: RequestContext, membershipId: string): Promise<PathCertificate | null> {
    return t.em!.findOne(PathCertificate, {
      where: { membershipId, status: 'valid' },
      order: { issuedAt: 'DESC', id: 'DESC' },
    });
  }

  /**
   * Moves the membership to `stage`. A higher or equal certified stage gets a (new) certificate valid to
   * `validTo` (the current one of another stage is revoked); `joined` ends the current certificate as
   * `endCertificateAs`. First-time timestamps are set, never cleared. No-op when nothing changes.
   */
  async setStage(
    t: RequestContext,
    m: PathMembership,
    stage: PathStage,
    opts: {
      validTo: string | null;
      reason: string;
      endCertificateAs?: 'expired' | 'revoked';
      revokeReason?: string | null;
    },
  ): Promise<{ changed: boolean; certificate: PathCertificate | null }> {
    const em = t.em!;
    const before = m.stage;
    const current = await this.currentCertificate(t, m.id);
    let certificate: PathCertificate | null = current;
    if (stage === 'joined') {
      if (current) {
        await this.certificates.transition(t, current, opts.endCertificateAs ?? 'expired', {
          mutate: (c) => (c.revokeReason = opts.revokeReason ?? null),
        });
      }
      certificate = null;
    } else if (!current || current.stage !== stage) {
      if (current) {
        await this.certificates.transition(t, current, 'revoked', {
          mutate: (c) => (c.revokeReason = opts.revokeReason ?? `stage changed to ${stage}`),
        });
      }
      certificate = await this.issue(t, m, stage, opts.validTo ?? this.today(t));
    } else if (opts.validTo && current.validTo !== opts.validTo) {
      const old = current.validTo;
      current.validTo = opts.validTo;
      await em.save(current);
      await this.audit.record(t, {
        action: 'path_certificate.valid_to_changed',
        entityType: 'path_certificate',
        entityId: current.id,
        partnerAccountId: current.partnerAccountId,
        before: { valid_to: old },
        after: { valid_to: current.validTo },
      });
    }
    if (before === stage) return { changed: false, certificate };
    const snapshot = () => ({
      stage: m.stage,
      role_certified_at: m.roleCertifiedAt?.toISOString() ?? null,
      differentiated_at: m.differentiatedAt?.toISOString() ?? null,
    });
    const beforeSnap = snapshot();
    m.stage = stage;
    if (STAGE_RANK[stage] >= 1 && !m.roleCertifiedAt) m.roleCertifiedAt = t.now();
    if (stage === 'capability_differentiation' && !m.differentiatedAt) m.differentiatedAt = t.now();
    await em.save(m);
    await this.audit.record(t, {
      action: 'path_membership.stage_changed',
      entityType: 'path_membership',
      entityId: m.id,
      partnerAccountId: m.partnerAccountId,
      before: beforeSnap,
      after: { ...snapshot(), reason: opts.reason },
    });
    t.publishAfterCommit({
      name: PATH_STAGE_CHANGED_EVENT,
      payload: {
        id: m.id,
        partner_account_id: m.partnerAccountId,
        path: m.path,
        from: before,
        to: stage,
        reason: opts.reason,
      },
      occurredAt: t.now(),
      requestId: t.requestId,
    });
    return { changed: true, certificate };
  }

  private async issue(
    t: RequestContext,
    m: PathMembership,
    stage: TargetStage,
    validTo: string,
  ): Promise<PathCertificate> {
    const today = this.today(t);
    const year = today.slice(0, 4);
    const seq = await nextSequenceValue(t.em!, `certification.path_certificate.${year}`);
    const c = t.em!.create(PathCertificate, {
      membershipId: m.id,
      partnerAccountId: m.partnerAccountId,
      path: m.path,
      stage,
      title: certificateTitle(m.path, stage),
      certificateNo: `PC-${year}-${String(seq).padStart(6, '0')}`,
      validFrom: today,
      validTo,
      status: 'valid',
      issuedAt: t.now(),
      revokeReason: null,
    });
    await this.certificates.create(t, c, { action: 'path_certificate.issued' });
    return c;
  }
}
