/**
 * The info module's part of the admin panel (info.md "Onboarding"): onboarding applications with the
 * reviewer decisions (INFO-008 manual review, operations only), partner accounts and legal entities.
 * Every field is read-only here; state changes only through OnboardingService, exactly as the reviewer API
 * (`POST /api/v1/admin/onboarding/applications/:id/approve|reject`).
 */
import type { ResourceWithOptions } from 'adminjs';
import type { ReviewerRole } from '../../../libs/context/index.js';
import { type AdminKit, moneyParams, readOnlyActions, serviceRecordAction } from '../../admin/admin-kit.js';
import { businessVerificationAdminResources } from './business-verification.admin.js';
import type { BusinessInfoVerificationService } from './services/business-verification.service.js';
import { LegalEntity } from './entities/legal-entity.entity.js';
import { OnboardingApplication, type OnboardingStatus } from './entities/onboarding-application.entity.js';
import { PartnerAccount, type PartnerAccountStatus } from './entities/partner-account.entity.js';
import type { OnboardingService } from './services/onboarding.service.js';
import {
  type BasicInfoAdminDeps,
  changeRequestResource,
  legalEntityTicketActions,
  partnerAccountTicketActions,
} from './basic-info.admin.js';

/** Who decides onboarding applications (info.md: reviewer:operations; `admin` always may). */
export const ONBOARDING_REVIEWER_ROLES: readonly ReviewerRole[] = ['operations'];

const NAVIGATION = { name: 'Partner info', icon: 'Briefcase' };

const ONBOARDING_STATUSES: OnboardingStatus[] = ['submitted', 'manual_review', 'approved', 'rejected'];
const ACCOUNT_STATUSES: PartnerAccountStatus[] = ['registered', 'onboarding', 'active', 'deregistered'];
const SITES = ['cn', 'intl', 'eu'];

const values = (list: readonly string[]) => list.map((value) => ({ value, label: value }));
const money = moneyParams(['registeredCapital']);

export function infoAdminResources(deps: {
  kit: AdminKit;
  onboarding: OnboardingService;
  /** basic info (INFO-010, INFO-013…INFO-017): change requests and operations' ticket actions */
  basicInfo?: Omit<BasicInfoAdminDeps, 'kit'>;
  /** business info verification (INFO-023…INFO-034): the business info reviewer's actions */
  businessVerifications?: BusinessInfoVerificationService;
}): ResourceWithOptions[] {
  const { kit, onboarding } = deps;
  const basicInfo = deps.basicInfo ? { kit, ...deps.basicInfo } : null;
  const inReview = (params: Record<string, unknown>) => params.status === 'manual_review';

  const applications: ResourceWithOptions = {
    resource: OnboardingApplication,
    options: {
      navigation: NAVIGATION,
      titleProperty: 'companyName',
      sort: { sortBy: 'submittedAt', direction: 'desc' },
      listProperties: [
        'companyName',
        'uscc',
        'site',
        'status',
        'autoCheckResult',
        'submittedAt',
        'decidedAt',
      ],
      filterProperties: ['status', 'site', 'companyName', 'uscc', 'autoCheckResult', 'partnerAccountId'],
      showProperties: [
        'id',
        'status',
        'companyName',
        'uscc',
        'orgCode',
        'taxCode',
        'site',
        'partnerAccountId',
        'fastOnboarding',
        'autoCheckResult',
        'legalEntityId',
        'legalRepresentative',
        'registeredCapital',
        'registeredCapitalCurrency',
        'establishedOn',
        'businessTermFrom',
        'businessTermTo',
        'licenseAddress',
        'postalCode',
        'businessScope',
        'licenseFileId',
        'contactName',
        'contactPosition',
        'contactMobile',
        'contactEmail',
        'submittedAt',
        'reviewerId',
        'decidedAt',
        'rejectReason',
      ],
      properties: {
        status: { availableValues: values(ONBOARDING_STATUSES), isDisabled: true },
        site: { availableValues: values(SITES), isDisabled: true },
        autoCheckResult: { availableValues: values(['pass', 'mismatch', 'unavailable']) },
        businessScope: { type: 'textarea' },
        partnerAccountId: { reference: 'PartnerAccount' },
        legalEntityId: { reference: 'LegalEntity' },
      },
      actions: {
        ...readOnlyActions(ONBOARDING_REVIEWER_ROLES, money),
        approve: serviceRecordAction(kit, {
          roles: ONBOARDING_REVIEWER_ROLES,
          isVisibleFor: inReview,
          icon: 'CheckCircle',
          prompt:
            'Approve this onboarding application after manual review (INFO-008). The account joins the partner ' +
            'network, the legal entity is created or linked, and the partner is notified by in-app message, ' +
            'e-mail and SMS.',
          submitLabel: 'Approve application',
          run: async (ctx, id) => {
            const view = await onboarding.approve(ctx, id);
            return `Application approved: ${view.company_name} is now a partner (${view.partner_account_status}).`;
          },
        }),
        reject: serviceRecordAction(kit, {
          roles: ONBOARDING_REVIEWER_ROLES,
          isVisibleFor: inReview,
          icon: 'XCircle',
          variant: 'danger',
          prompt:
            'Reject this onboarding application. The partner sees the reason and is notified by in-app ' +
            'message, e-mail and SMS; the account may apply again (INFO-007).',
          submitLabel: 'Reject application',
          reason: { label: 'Reason (shown to the partner)', maxLength: 500 },
          run: async (ctx, id, { reason }) => {
            const view = await onboarding.reject(ctx, id, reason);
            return `Application rejected: ${view.company_name}.`;
          },
        }),
      },
      translations: {
        en: {
          labels: { OnboardingApplication: 'Onboarding applications' },
          actions: { approve: 'Approve', reject: 'Reject' },
        },
      },
    },
  };

  const accounts: ResourceWithOptions = {
    resource: PartnerAccount,
    options: {
      navigation: NAVIGATION,
      titleProperty: 'accountName',
      sort: { sortBy: 'createdAt', direction: 'desc' },
      listProperties: ['accountName', 'site', 'status', 'isPrimary', 'legalEntityId', 'hcpnJoinedAt'],
      filterProperties: ['accountName', 'site', 'status', 'isPrimary', 'legalEntityId', 'huaweiAccountId'],
      properties: {
        status: { availableValues: values(ACCOUNT_STATUSES), isDisabled: true },
        site: { availableValues: values(SITES), isDisabled: true },
        legalEntityId: { reference: 'LegalEntity' },
      },
      actions: {
        ...readOnlyActions(),
        ...(basicInfo ? partnerAccountTicketActions(basicInfo) : {}),
      },
      translations: { en: { labels: { PartnerAccount: 'Partner accounts' } } },
    },
  };

  const entities: ResourceWithOptions = {
    resource: LegalEntity,
    options: {
      navigation: NAVIGATION,
      titleProperty: 'companyName',
      sort: { sortBy: 'createdAt', direction: 'desc' },
      listProperties: ['companyName', 'uscc', 'orgCode', 'site', 'primaryAccountId', 'createdAt'],
      filterProperties: ['companyName', 'uscc', 'orgCode', 'site', 'primaryAccountId'],
      properties: {
        site: { availableValues: values(SITES), isDisabled: true },
        businessScope: { type: 'textarea' },
        primaryAccountId: { reference: 'PartnerAccount' },
      },
      actions: {
        ...readOnlyActions([], money),
        ...(basicInfo ? legalEntityTicketActions(basicInfo) : {}),
      },
      translations: { en: { labels: { LegalEntity: 'Legal entities' } } },
    },
  };

  return [
    applications,
    accounts,
    entities,
    ...(basicInfo ? [changeRequestResource(basicInfo)] : []),
    ...(deps.businessVerifications
      ? businessVerificationAdminResources({ kit, verifications: deps.businessVerifications })
      : []),
  ];
}
