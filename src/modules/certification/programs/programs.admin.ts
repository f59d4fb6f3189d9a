/**
 * The programs part of the admin panel (certification-paths.md "Permissions"): memberships with the reviewer
 * decisions (SP approval — operations; Huawei review of cloud-reseller applications — PDM / operations; exit —
 * PDM, cloud reseller also bd; manual renewal PROG-021 — operations; conversion to distributor PROG-018 — PDM;
 * one more SP account for the entity PROG-005 — PDM), distributor invitations (revoke), level upgrades (PDM) and
 * read-only certificates, assessments, quotas; program levels are configuration (operations may edit them).
 * Every action calls the same service method as its `/api/v1/admin/…` endpoint.
 */
import type { ResourceWithOptions } from 'adminjs';
import { forRoles, readOnlyActions, serviceRecordAction } from '../../../admin/admin-kit.js';
import type { CertificationAdminDeps } from '../certification.admin.js';
import {
  DistributorInvitation,
  LevelUpgradeApplication,
  ProgramAssessment,
  ProgramCertificate,
  ProgramLevel,
  ProgramMembership,
  SpAccountQuota,
} from './entities/program.entities.js';
import {
  PROGRAM_OPERATIONS_ROLES,
  PROGRAM_PDM_OR_OPERATIONS_ROLES,
  PROGRAM_PDM_ROLES,
  PROGRAM_VIEWER_ROLES,
  RESELLER_EXIT_ROLES,
} from './programs.permissions.js';
import { ProgramMembershipService } from './services/program-membership.service.js';
import { ProgramScorecardService } from './services/program-scorecard.service.js';

/** who decides a pending application: SP → operations; cloud reseller (Huawei review) → PDM or operations */
const applicationDeciders = (params: Record<string, unknown>) =>
  params.program === 'solution_provider' ? PROGRAM_OPERATIONS_ROLES : PROGRAM_PDM_OR_OPERATIONS_ROLES;

const NAVIGATION = { name: 'Partner programs', icon: 'Award' };
const values = (list: readonly string[]) => list.map((value) => ({ value, label: value }));
const is =
  (field: string, ...accepted: string[]) =>
  (params: Record<string, unknown>) =>
    accepted.includes(String(params[field]));

/** `national` or `regional:<1-3>` [`; reason`] typed into the reason field of the conversion form. */
function parseConversion(text: string): {
  distributor_type: 'national' | 'regional';
  region_class?: number;
  reason: string;
} {
  const [head, ...rest] = text.split(';');
  const [type, cls] = head.trim().toLowerCase().split(':');
  const reason = rest.join(';').trim() || 'converted by the ecosystem manager';
  if (type === 'regional') return { distributor_type: 'regional', region_class: Number(cls), reason };
  return { distributor_type: 'national', reason };
}

export function programAdminResources(deps: CertificationAdminDeps): ResourceWithOptions[] {
  const { kit } = deps;
  const programs = () => deps.get(ProgramMembershipService);
  const scorecards = () => deps.get(ProgramScorecardService);

  const memberships: ResourceWithOptions = {
    resource: ProgramMembership,
    options: {
      navigation: NAVIGATION,
      sort: { sortBy: 'appliedAt', direction: 'desc' },
      listProperties: [
        'partnerAccountId',
        'program',
        'status',
        'level',
        'validTo',
        'appliedAt',
        'distributorInactive',
      ],
      filterProperties: ['program', 'status', 'partnerAccountId', 'legalEntityId', 'distributorMembershipId'],
      properties: {
        status: {
          availableValues: values([
            'pending_review',
            'pending_distributor_review',
            'active',
            'expired',
            'exited',
            'rejected',
            'withdrawn',
          ]),
          isDisabled: true,
        },
        program: {
          availableValues: values(['solution_provider', 'distributor', 'cloud_reseller']),
          isDisabled: true,
        },
        activeKey: { isVisible: false },
        partnerAccountId: { reference: 'PartnerAccount' },
      },
      actions: {
        ...readOnlyActions(PROGRAM_VIEWER_ROLES),
        approve: serviceRecordAction(kit, {
          roles: PROGRAM_PDM_OR_OPERATIONS_ROLES,
          rolesFor: applicationDeciders,
          isVisibleFor: is('status', 'pending_review'),
          icon: 'CheckCircle',
          prompt:
            'Approve: a solution-provider application becomes active (operations; level standard, certificate ' +
            'issued); a cloud-reseller application goes to its distributor for review (PDM or operations).',
          submitLabel: 'Approve',
          run: async (ctx, id) => {
            const v = await programs().approve(ctx, id);
            return `Membership ${v.program} is now ${v.status}.`;
          },
        }),
        reject: serviceRecordAction(kit, {
          roles: PROGRAM_PDM_OR_OPERATIONS_ROLES,
          rolesFor: applicationDeciders,
          isVisibleFor: is('status', 'pending_review'),
          icon: 'XCircle',
          variant: 'danger',
          prompt: 'Reject this program application; the partner sees the reason.',
          submitLabel: 'Reject',
          reason: { label: 'Reason (shown to the partner)', maxLength: 500 },
          run: async (ctx, id, { reason }) => {
            const v = await programs().reject(ctx, id, reason);
            return `Application rejected (${v.program}).`;
          },
        }),
        exit: serviceRecordAction(kit, {
          roles: RESELLER_EXIT_ROLES,
          rolesFor: (params) =>
            params.program === 'cloud_reseller' ? RESELLER_EXIT_ROLES : PROGRAM_PDM_ROLES,
          isVisibleFor: is('status', 'active', 'expired'),
          icon: 'LogOut',
          variant: 'danger',
          prompt:
            'Record the offline exit request (PROG-012). A cloud reseller account becomes abandoned and is ' +
            'disassociated from its distributor; a distributor’s resellers are flagged distributor_inactive.',
          submitLabel: 'Record exit',
          reason: { label: 'Reason / ticket', maxLength: 500 },
          run: async (ctx, id, { reason }) => {
            const v = await programs().exit(ctx, id, { reason });
            return `Membership ${v.program} exited.`;
          },
        }),
        renew: serviceRecordAction(kit, {
          roles: PROGRAM_OPERATIONS_ROLES,
          isVisibleFor: is('status', 'active', 'expired'),
          icon: 'RefreshCw',
          prompt:
            'Apply a late assessment result (PROG-021): the membership is renewed to the next 31 January.',
          submitLabel: 'Renew manually',
          run: async (ctx, id) => {
            const v = await programs().manualRenewal(ctx, id, {});
            return `Renewed until ${v.valid_to}.`;
          },
        }),
        convertToDistributor: serviceRecordAction(kit, {
          roles: PROGRAM_PDM_ROLES,
          isVisibleFor: (p) =>
            p.program === 'cloud_reseller' && ['active', 'expired'].includes(String(p.status)),
          icon: 'ArrowUpCircle',
          prompt:
            'Convert this cloud reseller into a distributor on the same account (PROG-018). Type "national" or ' +
            '"regional:<1-3>", optionally followed by "; reason".',
          submitLabel: 'Convert',
          reason: { label: 'Distributor type [; reason]', maxLength: 500 },
          run: async (ctx, id, { reason }) => {
            const v = await programs().convertToDistributor(ctx, id, parseConversion(reason));
            return `Distributor membership ${v.id} created (${v.distributor_type}).`;
          },
        }),
        allowAnotherSpAccount: serviceRecordAction(kit, {
          roles: PROGRAM_PDM_ROLES,
          isVisibleFor: (p) => p.program === 'solution_provider' && !!p.legalEntityId,
          icon: 'PlusCircle',
          prompt: 'Allow one more solution-provider account for this company (PROG-005 quota + 1).',
          submitLabel: 'Raise quota',
          reason: { label: 'Reason', maxLength: 500 },
          run: async (ctx, id, { reason }) => {
            const m = await programs().adminGet(id);
            const q = await programs().raiseSpQuota(ctx, m.legal_entity_id!, reason);
            return `The company may now hold ${String(q.max_accounts)} solution-provider accounts.`;
          },
        }),
      },
      translations: { en: { labels: { ProgramMembership: 'Program memberships' } } },
    },
  };

  const invitations: ResourceWithOptions = {
    resource: DistributorInvitation,
    options: {
      navigation: NAVIGATION,
      sort: { sortBy: 'createdAt', direction: 'desc' },
      properties: { status: { isDisabled: true }, partnerAccountId: { reference: 'PartnerAccount' } },
      actions: {
        ...readOnlyActions(PROGRAM_PDM_OR_OPERATIONS_ROLES),
        revoke: serviceRecordAction(kit, {
          roles: PROGRAM_PDM_OR_OPERATIONS_ROLES,
          isVisibleFor: is('status', 'pending'),
          icon: 'XCircle',
          variant: 'danger',
          prompt: 'Revoke this distributor invitation.',
          submitLabel: 'Revoke',
          run: async (ctx, id) => {
            await programs().revokeDistributorInvitation(ctx, id);
            return 'Invitation revoked.';
          },
        }),
      },
      translations: { en: { labels: { DistributorInvitation: 'Distributor invitations' } } },
    },
  };

  const upgrades: ResourceWithOptions = {
    resource: LevelUpgradeApplication,
    options: {
      navigation: NAVIGATION,
      sort: { sortBy: 'submittedAt', direction: 'desc' },
      properties: { status: { isDisabled: true }, partnerAccountId: { reference: 'PartnerAccount' } },
      actions: {
        ...readOnlyActions(PROGRAM_PDM_ROLES),
        approve: serviceRecordAction(kit, {
          roles: PROGRAM_PDM_ROLES,
          isVisibleFor: is('status', 'pending_review'),
          icon: 'CheckCircle',
          prompt: 'Approve the level upgrade (PROG-010): every SP account of the company gets the new level.',
          submitLabel: 'Approve',
          run: async (ctx, id) => {
            const v = await scorecards().approveUpgrade(ctx, id);
            return `Level ${String(v.to_level)} granted.`;
          },
        }),
        reject: serviceRecordAction(kit, {
          roles: PROGRAM_PDM_ROLES,
          isVisibleFor: is('status', 'pending_review'),
          icon: 'XCircle',
          variant: 'danger',
          prompt: 'Reject the level upgrade application.',
          submitLabel: 'Reject',
          reason: { label: 'Reason (shown to the partner)', maxLength: 500 },
          run: async (ctx, id, { reason }) => {
            await scorecards().rejectUpgrade(ctx, id, reason);
            return 'Level upgrade rejected.';
          },
        }),
      },
      translations: { en: { labels: { LevelUpgradeApplication: 'Level upgrades' } } },
    },
  };

  const readOnly = (resource: unknown, label: string, roles = PROGRAM_VIEWER_ROLES): ResourceWithOptions => ({
    resource,
    options: {
      navigation: NAVIGATION,
      actions: readOnlyActions(roles),
      translations: { en: { labels: { [(resource as { name: string }).name]: label } } },
    },
  });

  const levels: ResourceWithOptions = {
    resource: ProgramLevel,
    options: {
      navigation: NAVIGATION,
      actions: {
        ...readOnlyActions(PROGRAM_VIEWER_ROLES),
        new: { isAccessible: forRoles(PROGRAM_OPERATIONS_ROLES) },
        edit: { isAccessible: forRoles(PROGRAM_OPERATIONS_ROLES) },
      },
      translations: { en: { labels: { ProgramLevel: 'Program levels (configuration)' } } },
    },
  };

  return [
    memberships,
    invitations,
    upgrades,
    readOnly(ProgramCertificate, 'Program certificates'),
    readOnly(ProgramAssessment, 'Annual assessments'),
    readOnly(SpAccountQuota, 'SP account quotas', PROGRAM_PDM_OR_OPERATIONS_ROLES),
    levels,
  ];
}
