/**
 * Notifications of the development paths (certification-paths.md "Deadlines and scheduled jobs": partner admin
 * in-app + e-mail [+ SMS]). The partner admin's e-mail and mobile live in the info module, which certification
 * cannot import; the org module's certification bridge registers a contact resolver here at start-up (as the
 * other modules register their readers in `CertificationCollaborators`). Without a resolver only the in-app
 * message is written.
 */
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../../../../libs/context/index.js';
import { NotificationService, type OutgoingMessage } from '../../../../../libs/notify/index.js';

export interface PartnerContact {
  email: string | null;
  mobile: string | null;
}

export interface PartnerContactResolver {
  contactOf(partnerAccountId: string): Promise<PartnerContact | null>;
}

export type PathChannel = 'in_app' | 'email' | 'sms';

/** In-app recipient of messages for the path reviewers (PDM): the admin panel's reviewer inbox. */
export const PDM_INBOX = 'reviewers:pdm';

@Injectable()
export class PathNotifier {
  private resolver: PartnerContactResolver | null = null;

  constructor(private readonly notifications: NotificationService) {}

  registerContactResolver(r: PartnerContactResolver): void {
    this.resolver = r;
  }

  /** Queues the message to the partner admin in the caller's transaction. */
  async toPartner(
    t: RequestContext,
    partnerAccountId: string,
    msg: { template: string; subject: string; body: string; params?: Record<string, unknown> },
    channels: readonly PathChannel[] = ['in_app', 'email'],
  ): Promise<void> {
    const contact = (await this.resolver?.contactOf(partnerAccountId)) ?? null;
    const common = { ...msg, partnerAccountId };
    const out: OutgoingMessage[] = [];
    if (channels.includes('in_app')) out.push({ ...common, channel: 'in_app', recipient: partnerAccountId });
    if (channels.includes('email') && contact?.email) {
      out.push({ ...common, channel: 'email', recipient: contact.email });
    }
    if (channels.includes('sms') && contact?.mobile) {
      out.push({ ...common, channel: 'sms', recipient: contact.mobile });
    }
    await this.notifications.enqueue(t, out);
  }

  /** An in-app message for the PDMs (reviewer inbox). */
  async toPdm(
    t: RequestContext,
    msg: { template: string; subject: string; body: string; params?: Record<string, unknown> },
    partnerAccountId: string | null = null,
  ): Promise<void> {
    await this.notifications.enqueue(t, [
      { ...msg, channel: 'in_app', recipient: PDM_INBOX, partnerAccountId },
    ]);
  }
}
