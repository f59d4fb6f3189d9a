/**
 * The org module's part of the admin panel (org.md ORG-026, ORG-034): project-specialist applications and
 * cancellation requests (PDM, operations) and uploaded personal certificates (operations), plus read-only
 * personal accounts and links. Every field is read-only; decisions are record actions calling the same
 * services as `POST /api/v1/admin/org/specialists/:id/…` and `POST /api/v1/admin/org/certificates/:id/…`.
 */
import type { ResourceWithOptions } from 'adminjs';
import { type AdminKit, readOnlyActions, serviceRecordAction } from '../../admin/admin-kit.js';
import {
  PersonalAccount,
  PersonalAccountLink,
  PersonalCertificate,
  ProjectSpecialist,
} from './entities/personal.entities.js';
import { CERTIFICATE_REVIEWER_ROLES, type CertificateService } from './services/certificate.service.js';
import { SPECIALIST_REVIEWER_ROLES, type SpecialistService } from './services/specialist.service.js';

const NAVIGATION = { name: 'Organization', icon: 'Users' };
const values = (list: readonly string[]) => list.map((value) => ({ value, label: value }));

export function orgAdminResources(deps: {
  kit: AdminKit;
  specialists: SpecialistService;
  certificates: CertificateService;
}): ResourceWithOptions[] {
  const { kit, specialists, certificates } = deps;
  const inState = (status: string) => (params: Record<string, unknown>) => params.status === status;

  const specialistResource: ResourceWithOptions = {
    resource: ProjectSpecialist,
    options: {
      navigation: NAVIGATION,
      sort: { sortBy: 'submittedAt', direction: 'desc' },
      listProperties: ['personalAccountId', 'partnerAccountId', 'path', 'status', 'submittedAt', 'decidedAt'],
      filterProperties: ['status', 'path', 'partnerAccountId', 'personalAccountId'],
      properties: {
        status: {
          availableValues: values([
            'pending_review',
            'active',
            'rejected',
            'withdrawn',
            'cancellation_pending',
            'cancelled',
          ]),
          isDisabled: true,
        },
        path: { availableValues: values(['software', 'service', 'si', 'lp']), isDisabled: true },
        partnerAccountId: { reference: 'PartnerAccount' },
        personalAccountId: { reference: 'PersonalAccount' },
        linkId: { reference: 'PersonalAccountLink' },
      },
      actions: {
        ...readOnlyActions(SPECIALIST_REVIEWER_ROLES),
        approve: serviceRecordAction(kit, {
          roles: SPECIALIST_REVIEWER_ROLES,
          isVisibleFor: inState('pending_review'),
          icon: 'CheckCircle',
          prompt:
            'Approve this project specialist application (ORG-034). The person becomes a specialist of the path ' +
            'and the partner admin is notified.',
          submitLabel: 'Approve application',
          run: async (ctx, id) => {
            const v = await specialists.approve(ctx, id);
            return `Application approved: ${v.tenant_name} is a ${v.path} project specialist.`;
          },
        }),
        reject: serviceRecordAction(kit, {
          roles: SPECIALIST_REVIEWER_ROLES,
          isVisibleFor: inState('pending_review'),
          icon: 'XCircle',
          variant: 'danger',
          prompt: 'Reject this project specialist application; the partner admin sees the reason.',
          submitLabel: 'Reject application',
          reason: { label: 'Reason (shown to the partner)', maxLength: 500 },
          run: async (ctx, id, { reason }) => {
            const v = await specialists.reject(ctx, id, reason);
            return `Application rejected: ${v.tenant_name}.`;
          },
        }),
        approveCancellation: serviceRecordAction(kit, {
          roles: SPECIALIST_REVIEWER_ROLES,
          isVisibleFor: inState('cancellation_pending'),
          icon: 'CheckCircle',
          prompt:
            'Approve the cancellation of this project specialist (the person may then be unlinked or moved to another path).',
          submitLabel: 'Approve cancellation',
          run: async (ctx, id) => {
            const v = await specialists.approveCancellation(ctx, id);
            return `Cancellation approved: ${v.tenant_name} is no longer a ${v.path} project specialist.`;
          },
        }),
        refuseCancellation: serviceRecordAction(kit, {
          roles: SPECIALIST_REVIEWER_ROLES,
          isVisibleFor: inState('cancellation_pending'),
          icon: 'XCircle',
          variant: 'danger',
          prompt: 'Refuse the cancellation request; the project specialist stays active.',
          submitLabel: 'Refuse cancellation',
          run: async (ctx, id) => {
            const v = await specialists.refuseCancellation(ctx, id);
            return `Cancellation refused: ${v.tenant_name} stays active.`;
          },
        }),
      },
      translations: {
        en: {
          labels: { ProjectSpecialist: 'Project specialists' },
          actions: {
            approve: 'Approve',
            reject: 'Reject',
            approveCancellation: 'Approve cancellation',
            refuseCancellation: 'Refuse cancellation',
          },
        },
      },
    },
  };

  const certificateResource: ResourceWithOptions = {
    resource: PersonalCertificate,
    options: {
      navigation: NAVIGATION,
      sort: { sortBy: 'createdAt', direction: 'desc' },
      listProperties: [
        'personalAccountId',
        'family',
        'certificateNo',
        'source',
        'status',
        'reviewStatus',
        'validTo',
      ],
      filterProperties: ['status', 'reviewStatus', 'family', 'source', 'certificateNo', 'personalAccountId'],
      properties: {
        status: {
          availableValues: values(['pending_review', 'valid', 'rejected', 'expired', 'deleted']),
          isDisabled: true,
        },
        reviewStatus: { isDisabled: true },
        ownerKey: { isVisible: false },
        personalAccountId: { reference: 'PersonalAccount' },
      },
      actions: {
        ...readOnlyActions(CERTIFICATE_REVIEWER_ROLES),
        approve: serviceRecordAction(kit, {
          roles: CERTIFICATE_REVIEWER_ROLES,
          isVisibleFor: inState('pending_review'),
          icon: 'CheckCircle',
          prompt:
            'Approve this uploaded certificate after checking the scan (ORG-026); it then counts for the partner.',
          submitLabel: 'Approve certificate',
          run: async (ctx, id) => {
            const v = await certificates.approve(ctx, id);
            return `Certificate approved: ${v.family} ${v.certificate_no}.`;
          },
        }),
        reject: serviceRecordAction(kit, {
          roles: CERTIFICATE_REVIEWER_ROLES,
          isVisibleFor: inState('pending_review'),
          icon: 'XCircle',
          variant: 'danger',
          prompt: 'Reject this uploaded certificate; the employee sees the reason.',
          submitLabel: 'Reject certificate',
          reason: { label: 'Reason (shown to the employee)', maxLength: 500 },
          run: async (ctx, id, { reason }) => {
            const v = await certificates.reject(ctx, id, reason);
            return `Certificate rejected: ${v.family} ${v.certificate_no}.`;
          },
        }),
      },
      translations: {
        en: {
          labels: { PersonalCertificate: 'Personal certificates' },
          actions: { approve: 'Approve', reject: 'Reject' },
        },
      },
    },
  };

  const accounts: ResourceWithOptions = {
    resource: PersonalAccount,
    options: {
      navigation: NAVIGATION,
      titleProperty: 'tenantName',
      listProperties: ['tenantName', 'site', 'accountType', 'realnameStatus', 'emailBound', 'lastSyncedAt'],
      filterProperties: ['tenantName', 'site', 'accountType', 'realnameStatus', 'huaweiCloudAccountId'],
      actions: readOnlyActions([...SPECIALIST_REVIEWER_ROLES, ...CERTIFICATE_REVIEWER_ROLES]),
      translations: { en: { labels: { PersonalAccount: 'Personal accounts' } } },
    },
  };

  const links: ResourceWithOptions = {
    resource: PersonalAccountLink,
    options: {
      navigation: NAVIGATION,
      sort: { sortBy: 'linkedAt', direction: 'desc' },
      listProperties: [
        'personalAccountId',
        'partnerAccountId',
        'status',
        'linkedAt',
        'unlinkedAt',
        'unlinkReason',
      ],
      filterProperties: ['status', 'partnerAccountId', 'personalAccountId', 'unlinkReason'],
      properties: {
        status: { isDisabled: true },
        activeKey: { isVisible: false },
        partnerAccountId: { reference: 'PartnerAccount' },
        personalAccountId: { reference: 'PersonalAccount' },
      },
      actions: readOnlyActions([...SPECIALIST_REVIEWER_ROLES, ...CERTIFICATE_REVIEWER_ROLES]),
      translations: { en: { labels: { PersonalAccountLink: 'Personal-account links' } } },
    },
  };

  return [specialistResource, certificateResource, accounts, links];
}
