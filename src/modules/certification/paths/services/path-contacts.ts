/**
 * Notifications of the certification module (paths, programs, labels; certification-paths.md "Deadlines and
 * scheduled jobs": partner admin in-app + e-mail [+ SMS]). The partner admin's e-mail and mobile live in the
 * info module, read through `CertificationCollaborators.accounts` (info's AccountDirectory).
 */
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../../../../libs/context/index.js';
import { NotificationService, type OutgoingMessage } from '../../../../../libs/notify/index.js';
import { CertificationCollaborators } from '../../ports/collaborators.js';

export type PathChannel = 'in_app' | 'email' | 'sms';

/** In-app recipient of messages for the path reviewers (PDM): the admin panel's reviewer inbox. */
export const PDM_INBOX = 'reviewers:pdm';

@Injectable()
export class PathNotifier {
  constructor(
    private readonly notifications: NotificationService,
    private readonly collaborators: CertificationCollaborators,
  ) {}

  /** Queues the message to the partner admin in the caller's transaction. */
  async toPartner(
    t: RequestContext,
    partnerAccountId: string,
    msg: { template: string; subject: string; body: string; params?: Record<string, unknown> },
    channels: readonly PathChannel[] = ['in_app', 'email'],
  ): Promise<void> {
    const contact = await this.collaborators.accounts.facts(partnerAccountId);
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
