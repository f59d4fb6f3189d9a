/**
 * Linking personal accounts (FAQ 7.2.1–7.2.5; org.md ORG-018…ORG-023, J-ORG-1, J-ORG-2): the partner admin
 * invites a personal account of the same site, the addressee accepts or declines within 7 natural days, the
 * partner admin revokes pending invitations and unlinks. Every operation on one personal account first locks
 * its row (`SELECT … FOR UPDATE` on MySQL/MariaDB), so concurrent invitations and acceptances serialise:
 * two parallel acceptances create exactly one link (the unique `active_key` index is a second guard).
 */
import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource, In, LessThan } from 'typeorm';
import { AuditService } from '../../../../libs/audit/index.js';
import { WorkingDayCalendar } from '../../../../libs/calendar/index.js';
import type { RequestContext } from '../../../../libs/context/index.js';
import { DomainError } from '../../../../libs/errors/index.js';
import { NotificationService } from '../../../../libs/notify/index.js';
import { dbKind, findOneForUpdate, TransactionRunner } from '../../../../libs/persistence/index.js';
import { StateMachine } from '../../../../libs/state-machine/index.js';
import { PartnerAccountService, type PartnerAccount } from '../../info/index.js';
import { failedInviteeConditions } from '../domain/invitee.js';
import { LINK_INVITATION_MACHINE, PERSONAL_LINK_MACHINE } from '../domain/personal-state-machines.js';
import type { InviteDto, ListLinkedAccountsQuery } from '../dto/personal.dto.js';
import {
  LinkInvitation,
  type LinkInvitationStatus,
  PersonalAccount,
  PersonalAccountLink,
  type PersonalAccountLinkStatus,
  type UnlinkReason,
} from '../entities/personal.entities.js';
import { OrgErrors } from '../org.errors.js';
import { SpecialistService } from './specialist.service.js';

/** ORG-022: an invitation is valid 7 natural days after its creation day (GLOSSARY convention 5). */
export const INVITATION_VALID_DAYS = 7;
const EXPIRY_BATCH = 200;

export interface InvitationView {
  id: string;
  partner_account_id: string;
  personal_account_id: string;
  tenant_name: string;
  token: string;
  status: LinkInvitationStatus;
  created_at: string;
  expires_at: string;
  decided_at: string | null;
}

export interface LinkView {
  link_id: string;
  partner_account_id: string;
  personal_account_id: string;
  tenant_name: string;
  huawei_account_name: string;
  site: string;
  email_bound: boolean;
  status: PersonalAccountLinkStatus;
  linked_at: string;
  unlinked_at: string | null;
  unlink_reason: UnlinkReason | null;
}

@Injectable()
export class LinkService {
  private readonly invitations: StateMachine<LinkInvitationStatus, LinkInvitation>;
  private readonly links: StateMachine<PersonalAccountLinkStatus, PersonalAccountLink>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly notifications: NotificationService,
    private readonly partnerAccounts: PartnerAccountService,
    private readonly specialists: SpecialistService,
    @Inject(WorkingDayCalendar) private readonly calendar: WorkingDayCalendar,
    audit: AuditService,
  ) {
    this.invitations = new StateMachine(LINK_INVITATION_MACHINE, audit);
    this.links = new StateMachine(PERSONAL_LINK_MACHINE, audit);
  }

  // --- partner admin ------------------------------------------------------------------------------------------

  /** ORG-018…ORG-022 and J-ORG-2 (the invitee is notified in the same transaction). */
  async invite(ctx: RequestContext, dto: InviteDto): Promise<InvitationView> {
    requirePartnerAdmin(ctx);
    if (!dto.tenant_name === !dto.account_id) {
      throw OrgErrors.fail('ORG_FIELD_INVALID', 'Invalid parameter: give either tenant_name or account_id', {
        field: 'tenant_name',
      });
    }
    // MySQL/MariaDB: nothing is read inside the transaction before the person's row lock, so every later read
    // sees the data committed by the transaction that held the lock before (no stale REPEATABLE READ snapshot)
    const partner = await this.partner(ctx);
    const found = await this.lookup(partner, dto);
    return this.tx.run(ctx, async (t) => {
      const person = await this.lockPerson(t, found.id);
      await this.assertInviteeConditions(t, person);
      // ORG-021: one pending invitation per (partner account, personal account)
      const pending = await t.em!.find(LinkInvitation, {
        where: { partnerAccountId: partner.id, personalAccountId: person.id, status: 'pending' },
      });
      for (const inv of pending) {
        if (this.isExpired(t, inv)) await this.expire(t, inv, 'link_invitation.expired_on_use');
        else throw OrgErrors.fail('ORG_INVITE_PENDING_EXISTS', undefined, { invitation_id: inv.id });
      }
      const createdAt = t.now();
      const inv = t.em!.create(LinkInvitation, {
        partnerAccountId: partner.id,
        personalAccountId: person.id,
        invitedBy: t.actorId,
        token: randomBytes(24).toString('base64url'),
        status: 'pending',
        createdAt,
        expiresAt: this.calendar.naturalDayDeadline(createdAt, INVITATION_VALID_DAYS),
        decidedAt: null,
      });
      await this.invitations.create(t, inv, { action: 'link_invitation.sent' });
      await this.notifyInvitee(t, inv, person, partner);
      return invitationView(inv, person);
    });
  }

  /** Pending → revoked by the inviting partner admin; another partner's invitation is 404. */
  async revoke(ctx: RequestContext, id: string): Promise<InvitationView> {
    requirePartnerAdmin(ctx);
    const peek = await this.dataSource.getRepository(LinkInvitation).findOne({ where: { id } });
    if (!peek || peek.partnerAccountId !== ctx.partnerAccountId) throw OrgErrors.fail('ORG_INVITE_NOT_FOUND');
    const outcome = await this.tx.run(ctx, async (t) => {
      const person = await this.lockPerson(t, peek.personalAccountId);
      const inv = (await findOneForUpdate(t.em!, LinkInvitation, { id }))!;
      if (inv.status === 'pending' && this.isExpired(t, inv)) {
        await this.expire(t, inv, 'link_invitation.expired_on_use');
        return { expired: true as const };
      }
      await this.invitations.transition(t, inv, 'revoked', {
        action: 'link_invitation.revoked',
        mutate: (i) => (i.decidedAt = t.now()),
      });
      return { expired: false as const, view: invitationView(inv, person) };
    });
    if (outcome.expired) throw OrgErrors.fail('ORG_INVITE_EXPIRED');
    return outcome.view;
  }

  /** The partner's invitations, newest first; an overdue `pending` one is shown `expired` (lazily on read). */
  async listForPartner(ctx: RequestContext): Promise<{ total_count: number; items: InvitationView[] }> {
    const rows = await this.dataSource.getRepository(LinkInvitation).find({
      where: { partnerAccountId: ctx.partnerAccountId },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: 500,
    });
    return this.invitationList(ctx, rows);
  }

  /** ORG-023: unlink, only when no specialist record of the link is open. */
  async unlink(ctx: RequestContext, linkId: string): Promise<LinkView> {
    requirePartnerAdmin(ctx);
    const peek = await this.dataSource.getRepository(PersonalAccountLink).findOne({ where: { id: linkId } });
    if (!peek || peek.partnerAccountId !== ctx.partnerAccountId || peek.status !== 'active') {
      throw OrgErrors.fail('ORG_LINK_NOT_FOUND');
    }
    return this.tx.run(ctx, async (t) => {
      const person = await this.lockPerson(t, peek.personalAccountId);
      const link = (await findOneForUpdate(t.em!, PersonalAccountLink, { id: linkId }))!;
      if (link.status !== 'active') throw OrgErrors.fail('ORG_LINK_NOT_FOUND');
      const open = await this.specialists.openRecordOfLink(t, link.id);
      if (open) {
        throw OrgErrors.fail('ORG_UNLINK_SPECIALIST_ACTIVE', undefined, {
          specialist_id: open.id,
          path: open.path,
          status: open.status,
        });
      }
      await this.endLink(t, link, 'admin');
      return linkView(link, person);
    });
  }

  /** Linked accounts of the partner (ORG-024 view, ORG-035 `eligible_for=exam_voucher`). */
  async linkedAccounts(
    ctx: RequestContext,
    q: ListLinkedAccountsQuery,
  ): Promise<{ total_count: number; items: LinkView[] }> {
    const links = await this.dataSource.getRepository(PersonalAccountLink).find({
      where: { partnerAccountId: ctx.partnerAccountId, status: 'active' },
      order: { linkedAt: 'ASC', id: 'ASC' },
    });
    const people = await this.people(links.map((l) => l.personalAccountId));
    let items = links.map((l) => linkView(l, people.get(l.personalAccountId)!));
    // ORG-035: exam-voucher users need a linked account with a bound e-mail, not a specialist role
    if (q.eligible_for === 'exam_voucher') items = items.filter((i) => i.email_bound);
    return { total_count: items.length, items };
  }

  /** The active link of a personal account to the caller's partner account, or ORG_LINK_NOT_FOUND. */
  async activeLinkOf(ctx: RequestContext, personalAccountId: string): Promise<PersonalAccountLink> {
    const link = await this.tx.manager(ctx).findOne(PersonalAccountLink, {
      where: { partnerAccountId: ctx.partnerAccountId, personalAccountId, status: 'active' },
    });
    if (!link) throw OrgErrors.fail('ORG_LINK_NOT_FOUND');
    return link;
  }

  // --- the invited personal account ---------------------------------------------------------------------------

  async listForPersonal(ctx: RequestContext): Promise<{ total_count: number; items: InvitationView[] }> {
    const rows = await this.dataSource.getRepository(LinkInvitation).find({
      where: { personalAccountId: ctx.personalAccountId },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: 500,
    });
    return this.invitationList(ctx, rows);
  }

  /** ORG-020 (re-checked), ORG-022: accept before `expires_at`, addressee only, once. */
  async accept(ctx: RequestContext, id: string): Promise<LinkView & { invitation: InvitationView }> {
    return this.decide(ctx, id, 'accepted');
  }

  async decline(ctx: RequestContext, id: string): Promise<InvitationView> {
    return this.decide(ctx, id, 'declined');
  }

  /** The personal account's own active link (its partner), or null. */
  async myLink(ctx: RequestContext): Promise<LinkView | null> {
    const link = await this.dataSource.getRepository(PersonalAccountLink).findOne({
      where: { personalAccountId: ctx.personalAccountId, status: 'active' },
    });
    if (!link) return null;
    const person = await this.dataSource
      .getRepository(PersonalAccount)
      .findOneByOrFail({ id: link.personalAccountId });
    return linkView(link, person);
  }

  // --- system -------------------------------------------------------------------------------------------------

  /** J-ORG-1 (hourly): pending invitations past `expires_at` become `expired`; the partner admin is told. */
  async expireDue(ctx: RequestContext): Promise<{ expired: number; as_of: string }> {
    let expired = 0;
    for (;;) {
      const n = await this.tx.run(ctx, async (t) => {
        const due = await t.em!.find(LinkInvitation, {
          where: { status: 'pending', expiresAt: LessThan(t.now()) },
          order: { expiresAt: 'ASC', id: 'ASC' },
          take: EXPIRY_BATCH,
          ...(dbKind() === 'mysql' ? { lock: { mode: 'pessimistic_write' as const } } : {}),
        });
        for (const inv of due) await this.expire(t, inv, 'link_invitation.expired');
        return due.length;
      });
      expired += n;
      if (n < EXPIRY_BATCH) break;
    }
    return { expired, as_of: ctx.now().toISOString() };
  }

  /**
   * INFO-040 effect: a deregistered partner account loses its links (reason `account_deregistered`); its open
   * specialist records are cancelled first and its pending invitations revoked (decision: a deregistered
   * account can no longer be joined).
   */
  async endLinksOfDeregisteredAccount(
    ctx: RequestContext,
    partnerAccountId: string,
  ): Promise<{ unlinked: number }> {
    // one short transaction per link, each starting with the person's row lock
    const links = await this.dataSource
      .getRepository(PersonalAccountLink)
      .find({ where: { partnerAccountId, status: 'active' } });
    let unlinked = 0;
    for (const l of links) {
      unlinked += await this.tx.run(ctx, async (t) => {
        await this.lockPerson(t, l.personalAccountId);
        const link = (await findOneForUpdate(t.em!, PersonalAccountLink, { id: l.id }))!;
        if (link.status !== 'active') return 0;
        await this.specialists.cancelOpenRecordsOfLink(t, link.id, 'account_deregistered');
        await this.endLink(t, link, 'account_deregistered');
        return 1;
      });
    }
    const pending = await this.dataSource
      .getRepository(LinkInvitation)
      .find({ where: { partnerAccountId, status: 'pending' } });
    for (const p of pending) {
      await this.tx.run(ctx, async (t) => {
        await this.lockPerson(t, p.personalAccountId);
        const inv = (await findOneForUpdate(t.em!, LinkInvitation, { id: p.id }))!;
        if (inv.status !== 'pending') return;
        await this.invitations.transition(t, inv, 'revoked', {
          action: 'link_invitation.revoked_on_deregistration',
          mutate: (i) => (i.decidedAt = t.now()),
        });
      });
    }
    return { unlinked };
  }

  // --- internals ----------------------------------------------------------------------------------------------

  private async decide(
    ctx: RequestContext,
    id: string,
    to: 'accepted',
  ): Promise<LinkView & { invitation: InvitationView }>;
  private async decide(ctx: RequestContext, id: string, to: 'declined'): Promise<InvitationView>;
  private async decide(
    ctx: RequestContext,
    id: string,
    to: 'accepted' | 'declined',
  ): Promise<InvitationView | (LinkView & { invitation: InvitationView })> {
    const outcome = await this.tx.run(ctx, async (t) => {
      const em = t.em!;
      // lock the caller's own row first: every change about one person is serialised on it
      const person = await this.lockPerson(t, t.personalAccountId);
      const inv = await findOneForUpdate(em, LinkInvitation, { id });
      if (!inv) throw OrgErrors.fail('ORG_INVITE_NOT_FOUND');
      if (inv.personalAccountId !== person.id) throw OrgErrors.fail('ORG_INVITE_NOT_ADDRESSEE');
      if (inv.status === 'expired') return { expired: true as const };
      if (inv.status === 'pending' && this.isExpired(t, inv)) {
        // lazily on accept/decline (J-ORG-1): the expiry is committed, then the call is refused
        await this.expire(t, inv, 'link_invitation.expired_on_use');
        return { expired: true as const };
      }
      if (inv.status !== 'pending') {
        throw OrgErrors.fail('ORG_INVITE_NOT_PENDING', undefined, { status: inv.status });
      }
      const partner = await this.partnerById(inv.partnerAccountId);
      if (to === 'declined') {
        await this.invitations.transition(t, inv, 'declined', {
          action: 'link_invitation.declined',
          mutate: (i) => (i.decidedAt = t.now()),
        });
        await this.notifyPartnerAdmin(t, partner, 'org.invitation.declined', {
          subject: `Invitation declined by ${person.tenantName}`,
          body: `${person.tenantName} declined your invitation to link the personal account.`,
          params: { invitation_id: inv.id, personal_account_id: person.id },
        });
        return { expired: false as const, view: invitationView(inv, person) };
      }
      await this.assertInviteeConditions(t, person);
      const link = em.create(PersonalAccountLink, {
        partnerAccountId: partner.id,
        legalEntityId: partner.legalEntityId,
        personalAccountId: person.id,
        activeKey: person.id,
        invitationId: inv.id,
        status: 'active',
        linkedAt: t.now(),
        unlinkedAt: null,
        unlinkReason: null,
      });
      await this.links.create(t, link, { action: 'personal_account_link.linked' });
      await this.invitations.transition(t, inv, 'accepted', {
        action: 'link_invitation.accepted',
        mutate: (i) => (i.decidedAt = t.now()),
        eventPayload: { link_id: link.id },
      });
      await this.notifyPartnerAdmin(t, partner, 'org.invitation.accepted', {
        subject: `${person.tenantName} accepted your invitation`,
        body: `The personal account ${person.tenantName} is now linked to your partner account.`,
        params: { invitation_id: inv.id, link_id: link.id, personal_account_id: person.id },
      });
      return {
        expired: false as const,
        view: { ...linkView(link, person), invitation: invitationView(inv, person) },
      };
    });
    if (outcome.expired) throw OrgErrors.fail('ORG_INVITE_EXPIRED');
    return outcome.view;
  }

  private async endLink(t: RequestContext, link: PersonalAccountLink, reason: UnlinkReason): Promise<void> {
    await this.links.transition(t, link, 'unlinked', {
      action:
        reason === 'admin'
          ? 'personal_account_link.unlinked'
          : 'personal_account_link.ended_on_deregistration',
      mutate: (l) => {
        l.unlinkedAt = t.now();
        l.unlinkReason = reason;
        l.activeKey = null;
      },
      eventPayload: { personal_account_id: link.personalAccountId, reason },
    });
  }

  /**
   * ORG-019 / ORG-037: by tenant name (then Huawei account name) or account id, on the partner's own site,
   * personal accounts only; every miss answers the same 404 (no leak of other sites).
   */
  private async lookup(partner: PartnerAccount, dto: InviteDto): Promise<PersonalAccount> {
    const em = this.dataSource.manager;
    let person: PersonalAccount | null = null;
    if (dto.account_id) {
      person = await em.findOne(PersonalAccount, {
        where: { huaweiCloudAccountId: dto.account_id, site: partner.site },
      });
    } else if (dto.tenant_name) {
      person =
        (await em.findOne(PersonalAccount, { where: { tenantName: dto.tenant_name, site: partner.site } })) ??
        (await em.findOne(PersonalAccount, {
          where: { huaweiAccountName: dto.tenant_name, site: partner.site },
          order: { createdAt: 'ASC', id: 'ASC' },
        }));
    }
    if (!person || person.accountType !== 'personal') throw OrgErrors.fail('ORG_PERSONAL_ACCOUNT_NOT_FOUND');
    return person;
  }

  private async assertInviteeConditions(t: RequestContext, person: PersonalAccount): Promise<void> {
    const links = await t.em!.find(PersonalAccountLink, { where: { personalAccountId: person.id } });
    const failed = failedInviteeConditions(person, links, t.now());
    if (failed.length) throw OrgErrors.fail(failed[0], undefined, { failed_conditions: failed });
  }

  private async lockPerson(t: RequestContext, id: string): Promise<PersonalAccount> {
    const person = await findOneForUpdate(t.em!, PersonalAccount, { id });
    if (!person) throw OrgErrors.fail('ORG_PERSONAL_ACCOUNT_NOT_FOUND');
    return person;
  }

  private isExpired(t: RequestContext, inv: LinkInvitation): boolean {
    return t.now().getTime() > inv.expiresAt.getTime();
  }

  private async expire(t: RequestContext, inv: LinkInvitation, action: string): Promise<void> {
    await this.invitations.transition(t, inv, 'expired', { action });
    const person = await t.em!.findOne(PersonalAccount, { where: { id: inv.personalAccountId } });
    const partner = await this.partnerById(inv.partnerAccountId);
    const tenant = person?.tenantName ?? inv.personalAccountId;
    await this.notifyPartnerAdmin(t, partner, 'org.invitation.expired', {
      subject: `Invitation to ${tenant} expired`,
      body: `Your invitation to ${tenant} expired after ${INVITATION_VALID_DAYS} days; you can send a new invitation.`,
      params: { invitation_id: inv.id, personal_account_id: inv.personalAccountId },
    });
  }

  /** J-ORG-2: e-mail (if bound) and in-app message to the personal account, with the expiry date-time. */
  private async notifyInvitee(
    t: RequestContext,
    inv: LinkInvitation,
    person: PersonalAccount,
    partner: PartnerAccount,
  ): Promise<void> {
    const local = `${this.calendar.localDate(inv.expiresAt)} 23:59:59 (Asia/Shanghai)`;
    const common = {
      partnerAccountId: null,
      template: 'org.invitation.sent',
      subject: `${partner.accountName} invites you to link your personal account`,
      body:
        `The partner account ${partner.accountName} invites your personal account ${person.tenantName} to link. ` +
        `Accept it in the partner center before ${local} (${inv.expiresAt.toISOString()}).`,
      params: {
        invitation_id: inv.id,
        expires_at: inv.expiresAt.toISOString(),
        partner_account_id: partner.id,
      },
    };
    await this.notifications.enqueue(t, [
      { ...common, channel: 'in_app', recipient: person.id },
      ...(person.emailBound && person.email
        ? [{ ...common, channel: 'email' as const, recipient: person.email }]
        : []),
    ]);
  }

  private async notifyPartnerAdmin(
    t: RequestContext,
    partner: PartnerAccount,
    template: string,
    msg: { subject: string; body: string; params: Record<string, unknown> },
  ): Promise<void> {
    await this.notifications.enqueue(t, [
      { channel: 'in_app', recipient: partner.id, partnerAccountId: partner.id, template, ...msg },
    ]);
  }

  private async partner(t: RequestContext): Promise<PartnerAccount> {
    return this.partnerById(t.partnerAccountId);
  }

  private async partnerById(id: string): Promise<PartnerAccount> {
    const p = await this.partnerAccounts.findById(id);
    if (!p) throw new DomainError('AUTH_TOKEN_INVALID');
    return p;
  }

  private async people(ids: string[]): Promise<Map<string, PersonalAccount>> {
    if (!ids.length) return new Map();
    const rows = await this.dataSource.getRepository(PersonalAccount).find({ where: { id: In(ids) } });
    return new Map(rows.map((p) => [p.id, p]));
  }

  private async invitationList(
    ctx: RequestContext,
    rows: LinkInvitation[],
  ): Promise<{ total_count: number; items: InvitationView[] }> {
    const people = await this.people([...new Set(rows.map((r) => r.personalAccountId))]);
    const now = ctx.now().getTime();
    const items = rows.map((r) => {
      const v = invitationView(r, people.get(r.personalAccountId) ?? null);
      // lazily on read (J-ORG-1): an overdue pending invitation is shown as expired before the job runs
      return r.status === 'pending' && now > r.expiresAt.getTime() ? { ...v, status: 'expired' as const } : v;
    });
    return { total_count: items.length, items };
  }
}

/** ORG-018: linking and unlinking are partner-admin only (also declared on the handlers). */
function requirePartnerAdmin(ctx: RequestContext): void {
  if (!ctx.isPartnerAdmin) throw new DomainError('ORG_ADMIN_REQUIRED');
}

export function invitationView(i: LinkInvitation, person: PersonalAccount | null): InvitationView {
  return {
    id: i.id,
    partner_account_id: i.partnerAccountId,
    personal_account_id: i.personalAccountId,
    tenant_name: person?.tenantName ?? '',
    token: i.token,
    status: i.status,
    created_at: i.createdAt.toISOString(),
    expires_at: i.expiresAt.toISOString(),
    decided_at: i.decidedAt?.toISOString() ?? null,
  };
}

export function linkView(l: PersonalAccountLink, p: PersonalAccount): LinkView {
  return {
    link_id: l.id,
    partner_account_id: l.partnerAccountId,
    personal_account_id: l.personalAccountId,
    tenant_name: p.tenantName,
    huawei_account_name: p.huaweiAccountName,
    site: p.site,
    email_bound: p.emailBound,
    status: l.status,
    linked_at: l.linkedAt.toISOString(),
    unlinked_at: l.unlinkedAt?.toISOString() ?? null,
    unlink_reason: l.unlinkReason,
  };
}
