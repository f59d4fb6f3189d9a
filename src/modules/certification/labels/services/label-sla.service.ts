/**
 * SLA reminders and breach flags of the label steps (certification-labels.md LABEL-014, F-LABEL-1, "Deadlines
 * and scheduled jobs"): `labelSlaReminderJob` and `labelSlaBreachJob` every 30 minutes, and the defense reminder
 * (decision) 24 hours before a scheduled session. Idempotent: each reminder instant is recorded on the step
 * visit; a breach is flagged once. A breach never decides the application (no automatic approval or
 * rejection); partner steps stay open until the partner acts or operations close them (LABEL-015).
 *
 * Recipients (decisions where the spec names a person the system does not model): the "assigned reviewer" of a
 * Huawei step is the admin-panel inbox of the step's reviewer roles (`reviewers:<role>`); the reviewer's
 * supervisor is `reviewers:supervisor`; the partner's PDM is `reviewers:pdm`.
 */
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull, LessThan, LessThanOrEqual } from 'typeorm';
import { WorkingDayCalendar } from '../../../../../libs/calendar/index.js';
import type { RequestContext } from '../../../../../libs/context/index.js';
import { NotificationService, type OutgoingMessage } from '../../../../../libs/notify/index.js';
import { findOneForUpdate, TransactionRunner } from '../../../../../libs/persistence/index.js';
import { AuditService } from '../../../../../libs/audit/index.js';
import { PathNotifier, type PathChannel } from '../../paths/services/path-contacts.js';
import { reminderInstants } from '../domain/label-steps.js';
import {
  LabelCertification,
  LabelCertificationStep,
  LabelDefenseSession,
} from '../entities/label.entities.js';
import { reviewerInbox, STEP_ROLES } from './label-certification.service.js';

const DAY_MS = 24 * 3600 * 1000;

@Injectable()
export class LabelSlaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly notifications: NotificationService,
    private readonly notifier: PathNotifier,
    private readonly audit: AuditService,
    @Inject(WorkingDayCalendar) private readonly calendar: WorkingDayCalendar,
  ) {}

  /** `labelSlaReminderJob`: for every open step visit, the latest reached and unsent reminder instant. */
  async sendReminders(ctx: RequestContext): Promise<Record<string, unknown>> {
    const now = ctx.now();
    const candidates = await this.dataSource.getRepository(LabelCertificationStep).find({
      where: { completedAt: IsNull(), dueAt: LessThanOrEqual(new Date(now.getTime() + 3 * DAY_MS)) },
      order: { dueAt: 'ASC', certificationId: 'ASC', seq: 'ASC' },
      take: 1000,
    });
    let sent = 0;
    for (const peek of candidates) {
      const due = reminderInstants(peek.ownerSide, peek.dueAt).filter(
        (r) => r.at.getTime() <= now.getTime() && !peek.remindersSent.some((s) => s.key === r.key),
      );
      if (!due.length) continue;
      await this.tx.run(ctx, async (t) => {
        const step = await findOneForUpdate(t.em!, LabelCertificationStep, { id: peek.id });
        if (!step || step.completedAt) return;
        const reached = reminderInstants(step.ownerSide, step.dueAt).filter(
          (r) => r.at.getTime() <= now.getTime() && !step.remindersSent.some((s) => s.key === r.key),
        );
        if (!reached.length) return;
        const latest = reached[reached.length - 1];
        step.remindersSent = [
          ...step.remindersSent,
          ...reached.map((r) => ({ key: r.key, sent_at: now.toISOString() })),
        ];
        await t.em!.save(step);
        const c = await t.em!.findOne(LabelCertification, { where: { id: step.certificationId } });
        if (!c) return;
        const params = {
          certification_id: c.id,
          label_code: c.labelCode,
          step: step.step,
          reminder: latest.key,
          due_at: step.dueAt.toISOString(),
        };
        const subject = `Capability label certification: step ${step.step} due ${step.dueAt.toISOString()}`;
        if (step.ownerSide === 'partner') {
          // SMS on the due day (Asia/Shanghai) in addition to in-app and e-mail
          const dueDay = this.calendar.localDate(step.dueAt) === this.calendar.localDate(now);
          const channels: PathChannel[] = dueDay ? ['in_app', 'email', 'sms'] : ['in_app', 'email'];
          await this.notifier.toPartner(
            t,
            c.partnerAccountId,
            {
              template: 'certification.label.sla_reminder',
              subject,
              body: `Your ${c.labelCode} certification is waiting for you in step ${step.step}; please act by ${step.dueAt.toISOString()}.`,
              params,
            },
            channels,
          );
        } else {
          await this.notifications.enqueue(
            t,
            STEP_ROLES[step.step].map((role) => ({
              channel: 'in_app' as const,
              recipient: reviewerInbox(role),
              partnerAccountId: c.partnerAccountId,
              template: 'certification.label.sla_reminder',
              subject,
              body: `The ${c.labelCode} application ${c.id} is due in step ${step.step} by ${step.dueAt.toISOString()}.`,
              params,
            })),
          );
        }
        sent++;
      });
    }
    return { reminders_sent: sent };
  }

  /** `labelSlaBreachJob`: `now > due_at` and not completed → `sla_breached = true` and escalation (no state change). */
  async flagBreaches(ctx: RequestContext): Promise<Record<string, unknown>> {
    const now = ctx.now();
    const overdue = await this.dataSource.getRepository(LabelCertificationStep).find({
      where: { completedAt: IsNull(), slaBreached: false, dueAt: LessThan(now) },
      order: { dueAt: 'ASC', certificationId: 'ASC', seq: 'ASC' },
      take: 1000,
    });
    let flagged = 0;
    for (const peek of overdue) {
      await this.tx.run(ctx, async (t) => {
        const step = await findOneForUpdate(t.em!, LabelCertificationStep, { id: peek.id });
        if (!step || step.completedAt || step.slaBreached) return;
        step.slaBreached = true;
        step.breachedAt = now;
        await t.em!.save(step);
        await this.audit.record(t, {
          action: 'label_certification_step.sla_breached',
          entityType: 'label_certification_step',
          entityId: step.id,
          partnerAccountId: step.partnerAccountId,
          before: { sla_breached: false },
          after: { sla_breached: true, due_at: step.dueAt.toISOString() },
        });
        const c = await t.em!.findOne(LabelCertification, { where: { id: step.certificationId } });
        const recipients =
          step.ownerSide === 'huawei'
            ? [reviewerInbox('supervisor'), reviewerInbox('pdm')]
            : [reviewerInbox('pdm'), reviewerInbox('operations')];
        const msgs: OutgoingMessage[] = recipients.map((recipient) => ({
          channel: 'in_app',
          recipient,
          partnerAccountId: step.partnerAccountId,
          template: 'certification.label.sla_breached',
          subject: `Capability label certification overdue: step ${step.step}`,
          body:
            step.ownerSide === 'huawei'
              ? `The ${c?.labelCode ?? ''} application ${step.certificationId} passed the due time of Huawei step ${step.step} (${step.dueAt.toISOString()}); please escalate.`
              : `The partner has not completed step ${step.step} of the ${c?.labelCode ?? ''} application ${step.certificationId} by ${step.dueAt.toISOString()}; operations may close it (LABEL-015).`,
          params: {
            certification_id: step.certificationId,
            step: step.step,
            owner_side: step.ownerSide,
            due_at: step.dueAt.toISOString(),
          },
        }));
        await this.notifications.enqueue(t, msgs);
        flagged++;
      });
    }
    return { flagged };
  }

  /** Defense reminder (decision): 24 hours before a scheduled session → partner admin, experts, PDM. */
  async remindDefenses(ctx: RequestContext): Promise<Record<string, unknown>> {
    const now = ctx.now();
    const sessions = await this.dataSource.getRepository(LabelDefenseSession).find({
      where: {
        reminderSentAt: IsNull(),
        scheduledAt: LessThanOrEqual(new Date(now.getTime() + DAY_MS)),
      },
      order: { scheduledAt: 'ASC', certificationId: 'ASC', seq: 'ASC' },
      take: 1000,
    });
    let sent = 0;
    for (const peek of sessions) {
      if (!peek.scheduledAt || peek.scheduledAt.getTime() <= now.getTime()) continue;
      await this.tx.run(ctx, async (t) => {
        const s = await findOneForUpdate(t.em!, LabelDefenseSession, { id: peek.id });
        if (!s || s.reminderSentAt) return;
        s.reminderSentAt = now;
        await t.em!.save(s);
        const msg = {
          template: 'certification.label.defense_reminder',
          subject: `Capability label ${s.kind === 'technical_defense' ? 'technical defense' : 'clarification'} at ${s.scheduledAt!.toISOString()}`,
          body: `Online ${s.kind === 'technical_defense' ? 'technical defense' : 'clarification'} with the review experts at ${s.scheduledAt!.toISOString()}${s.meetingLink ? ` (${s.meetingLink})` : ''}.`,
          params: {
            certification_id: s.certificationId,
            session_id: s.id,
            scheduled_at: s.scheduledAt!.toISOString(),
          },
        };
        await this.notifier.toPartner(t, s.partnerAccountId, msg);
        await this.notifications.enqueue(
          t,
          [reviewerInbox('expert'), reviewerInbox('pdm')].map((recipient) => ({
            ...msg,
            channel: 'in_app' as const,
            recipient,
            partnerAccountId: s.partnerAccountId,
          })),
        );
        sent++;
      });
    }
    return { reminders_sent: sent };
  }
}
