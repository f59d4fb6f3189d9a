/**
 * Platform resources of the panel ("Platform" navigation group): the append-only audit log and the
 * notification outbox (in-app, e-mail, SMS), both read-only, for operations (and admin).
 */
import type { ResourceWithOptions } from 'adminjs';
import { AuditLog } from '../../libs/audit/index.js';
import type { ReviewerRole } from '../../libs/context/index.js';
import { NOTIFICATION_CHANNELS, Notification } from '../../libs/notify/index.js';
import { readOnlyActions } from './admin-kit.js';

export const PLATFORM_READER_ROLES: readonly ReviewerRole[] = ['operations'];

const NAVIGATION = { name: 'Platform', icon: 'Settings' };
const values = (list: readonly string[]) => list.map((value) => ({ value, label: value }));

export function platformAdminResources(): ResourceWithOptions[] {
  return [
    {
      resource: AuditLog,
      options: {
        navigation: NAVIGATION,
        sort: { sortBy: 'occurredAt', direction: 'desc' },
        listProperties: ['occurredAt', 'actorKind', 'actorId', 'action', 'entityType', 'entityId'],
        filterProperties: [
          'action',
          'actorKind',
          'actorId',
          'entityType',
          'entityId',
          'partnerAccountId',
          'requestId',
        ],
        properties: {
          actorKind: { availableValues: values(['partner', 'reviewer', 'system', 'anonymous']) },
          partnerAccountId: { reference: 'PartnerAccount' },
        },
        actions: readOnlyActions(PLATFORM_READER_ROLES),
        translations: { en: { labels: { AuditLog: 'Audit log' } } },
      },
    },
    {
      resource: Notification,
      options: {
        navigation: NAVIGATION,
        titleProperty: 'subject',
        sort: { sortBy: 'createdAt', direction: 'desc' },
        listProperties: ['createdAt', 'channel', 'recipient', 'template', 'status', 'sentAt'],
        filterProperties: ['channel', 'recipient', 'template', 'status', 'partnerAccountId', 'requestId'],
        properties: {
          channel: { availableValues: values(NOTIFICATION_CHANNELS) },
          status: { availableValues: values(['pending', 'sent', 'failed', 'delivered']) },
          body: { type: 'textarea' },
          partnerAccountId: { reference: 'PartnerAccount' },
        },
        actions: readOnlyActions(PLATFORM_READER_ROLES),
        translations: { en: { labels: { Notification: 'Notifications (outbox)' } } },
      },
    },
  ];
}
