/**
 * The solutions part of the admin panel (build.md Permissions): certification applications with the reviewer
 * record actions — PSA pre-review (`psa`), level-1 technical review (`expert`), level-2 business review (`pdm`
 * with the supervisor flag) — calling the same service methods as `POST /api/v1/admin/solution-certifications/
 * :id/{psa,expert,pdm}-review`; solutions and the cloud service catalogue read-only. Status fields are read-only.
 */
import type { ResourceWithOptions } from 'adminjs';
import { readOnlyActions, serviceRecordAction } from '../../../admin/admin-kit.js';
import type { BuildAdminDeps } from '../build.admin.js';
import { CloudServiceCatalogEntry, Solution, SolutionCertification } from './entities/solution.entities.js';
import {
  EXPERT_REVIEWER_ROLES,
  PDM_REVIEWER_ROLES,
  PDM_SUPERVISOR_FLAG,
  PSA_REVIEWER_ROLES,
  SOLUTION_REVIEWER_ROLES,
  SolutionCertificationService,
} from './services/solution-certification.service.js';

const NAVIGATION = { name: 'Build', icon: 'Package' };
const values = (list: readonly string[]) => list.map((value) => ({ value, label: value }));
const STATUSES = [
  'draft',
  'pending_psa_pre_review',
  'pending_expert_review',
  'pending_pdm_review',
  'rejected',
  'withdrawn',
  'certified',
  'expired',
  'superseded',
];

export function solutionAdminResources(deps: BuildAdminDeps): ResourceWithOptions[] {
  const { kit } = deps;
  const service = () => deps.get(SolutionCertificationService);
  const inState = (status: string) => (params: Record<string, unknown>) => params.status === status;
  const ids = (text: string) =>
    text
      .split(/[\s,;]+/)
      .map((s) => s.trim())
      .filter(Boolean);

  const certificationResource: ResourceWithOptions = {
    resource: SolutionCertification,
    options: {
      navigation: NAVIGATION,
      sort: { sortBy: 'submittedAt', direction: 'desc' },
      listProperties: [
        'solutionId',
        'partnerAccountId',
        'certificationType',
        'passScenario',
        'status',
        'submittedAt',
      ],
      filterProperties: ['status', 'certificationType', 'passScenario', 'partnerAccountId', 'solutionId'],
      properties: {
        status: { availableValues: values(STATUSES), isDisabled: true },
        certificationType: {
          availableValues: values(['cloud_software', 'advanced_cloud_software']),
          isDisabled: true,
        },
        partnerAccountId: { reference: 'PartnerAccount' },
        solutionId: { reference: 'Solution' },
        remindersSent: { isVisible: false },
        version: { isVisible: false },
      },
      actions: {
        ...readOnlyActions(SOLUTION_REVIEWER_ROLES),
        psaPass: serviceRecordAction(kit, {
          roles: PSA_REVIEWER_ROLES,
          isVisibleFor: inState('pending_psa_pre_review'),
          icon: 'CheckCircle',
          prompt:
            'PSA pre-review passed (BUILD-011): the materials comply; the application goes to the software technical experts.',
          submitLabel: 'Pass pre-review',
          reason: { label: 'Comment (optional)', maxLength: 2000, required: false },
          run: async (ctx, id, { reason }) => {
            const v = await service().psaReview(ctx, id, { result: 'pass', comment: reason || undefined });
            return `Pre-review passed: ${v.status}.`;
          },
        }),
        psaReject: serviceRecordAction(kit, {
          roles: PSA_REVIEWER_ROLES,
          isVisibleFor: inState('pending_psa_pre_review'),
          icon: 'XCircle',
          variant: 'danger',
          prompt:
            'Reject the application as non-compliant (BUILD-011); the partner sees the comment and may resubmit.',
          submitLabel: 'Reject',
          reason: { label: 'Comment (required, shown to the partner)', maxLength: 2000 },
          run: async (ctx, id, { reason }) => {
            const v = await service().psaReview(ctx, id, { result: 'reject', comment: reason });
            return `Application rejected: ${v.status}.`;
          },
        }),
        expertPass: serviceRecordAction(kit, {
          roles: EXPERT_REVIEWER_ROLES,
          isVisibleFor: inState('pending_expert_review'),
          icon: 'CheckCircle',
          prompt:
            'Level-1 technical conclusion "pass" (BUILD-012): FTR (advanced: FTR and Haydn/test report) reviewed; the ' +
            'computed "3 or 1" architecture check is confirmed.',
          submitLabel: 'Technical pass',
          reason: { label: 'Comment (optional)', maxLength: 2000, required: false },
          run: async (ctx, id, { reason }) => {
            const v = await service().expertReview(ctx, id, {
              technical_conclusion: 'pass',
              comment: reason || undefined,
            });
            return `Technical review passed: ${v.status}.`;
          },
        }),
        expertFail: serviceRecordAction(kit, {
          roles: EXPERT_REVIEWER_ROLES,
          isVisibleFor: inState('pending_expert_review'),
          icon: 'XCircle',
          variant: 'danger',
          prompt:
            'Level-1 technical conclusion "fail" (BUILD-012): the application is rejected with the comment.',
          submitLabel: 'Technical fail',
          reason: { label: 'Comment (required, shown to the partner)', maxLength: 2000 },
          run: async (ctx, id, { reason }) => {
            const v = await service().expertReview(ctx, id, {
              technical_conclusion: 'fail',
              comment: reason,
            });
            return `Technical review failed: ${v.status}.`;
          },
        }),
        pdmApprove: serviceRecordAction(kit, {
          roles: PDM_REVIEWER_ROLES,
          flags: [PDM_SUPERVISOR_FLAG],
          isVisibleFor: inState('pending_pdm_review'),
          icon: 'Award',
          prompt:
            'Level-2 business approval by the PDM supervisor (BUILD-013, BUILD-014): certifies the solution for one ' +
            'year and issues the certificate. For advanced certification enter the reviewer ids of the software ' +
            'business expert group (comma-separated, at least one).',
          submitLabel: 'Approve and certify',
          reason: {
            label: 'Business expert group reviewer ids (advanced only)',
            maxLength: 800,
            required: false,
          },
          run: async (ctx, id, { reason }) => {
            const v = await service().pdmReview(ctx, id, {
              result: 'pass',
              business_expert_group_ids: ids(reason),
            });
            return `Certified: ${v.certificate_no ?? ''}, valid until ${v.valid_until ?? ''}.`;
          },
        }),
        pdmReject: serviceRecordAction(kit, {
          roles: PDM_REVIEWER_ROLES,
          flags: [PDM_SUPERVISOR_FLAG],
          isVisibleFor: inState('pending_pdm_review'),
          icon: 'XCircle',
          variant: 'danger',
          prompt: 'Reject at level 2 (BUILD-013); the partner sees the comment and may resubmit.',
          submitLabel: 'Reject',
          reason: { label: 'Comment (required, shown to the partner)', maxLength: 2000 },
          run: async (ctx, id, { reason }) => {
            const v = await service().pdmReview(ctx, id, { result: 'reject', comment: reason });
            return `Application rejected: ${v.status}.`;
          },
        }),
      },
      translations: {
        en: {
          labels: { SolutionCertification: 'Solution certifications' },
          actions: {
            psaPass: 'PSA: pass',
            psaReject: 'PSA: reject',
            expertPass: 'Expert: pass',
            expertFail: 'Expert: fail',
            pdmApprove: 'PDM supervisor: approve',
            pdmReject: 'PDM supervisor: reject',
          },
        },
      },
    },
  };

  const solutionResource: ResourceWithOptions = {
    resource: Solution,
    options: {
      navigation: NAVIGATION,
      sort: { sortBy: 'createdAt', direction: 'desc' },
      listProperties: ['name', 'partnerAccountId', 'softwareProductType', 'createdAt'],
      filterProperties: ['name', 'partnerAccountId'],
      properties: { partnerAccountId: { reference: 'PartnerAccount' } },
      actions: readOnlyActions(SOLUTION_REVIEWER_ROLES),
    },
  };

  const catalogueResource: ResourceWithOptions = {
    resource: CloudServiceCatalogEntry,
    options: {
      navigation: NAVIGATION,
      sort: { sortBy: 'serviceCode', direction: 'asc' },
      listProperties: ['serviceCode', 'nameZh', 'productDept', 'tier', 'active'],
      filterProperties: ['tier', 'productDept', 'active'],
      actions: readOnlyActions([]),
    },
  };

  return [certificationResource, solutionResource, catalogueResource];
}
