/**
 * Business info verification in the admin panel (info.md "Business info verification", FAQ 6.2): the business
 * info reviewer's (operations) record actions call BusinessInfoVerificationService exactly as the reviewer API
 * `/api/v1/admin/business-verifications/:id/…` does. Every field is read-only; statuses change only through the
 * service. Actions that need more than a reason take it in the reason box (documented in each prompt).
 */
import type { ResourceWithOptions } from 'adminjs';
import type { ReviewerRole } from '../../../libs/context/index.js';
import {
  type AdminKit,
  moneyParams,
  readOnlyActions,
  serviceRecordAction,
  formFields,
} from '../../admin/admin-kit.js';
import {
  BankLetter,
  BusinessInfoVerification,
  type BusinessVerificationStatus,
  ContractingEntity,
  ContractingEntitySwitch,
  type InvoiceMode,
  type TaxpayerType,
} from './entities/business-verification.entities.js';
import { InfoErrors } from './info.errors.js';
import type { BusinessInfoVerificationService } from './services/business-verification.service.js';

/** The business info reviewer (商业信息审核员) is an operations reviewer (info.md Permissions). */
export const BUSINESS_INFO_REVIEWER_ROLES: readonly ReviewerRole[] = ['operations'];

const NAVIGATION = { name: 'Business info', icon: 'CreditCard' };
const STATUSES: BusinessVerificationStatus[] = [
  'verifying',
  'manual_review',
  'bank_letter_required',
  'verified',
  'failed',
];
const values = (list: readonly string[]) => list.map((value) => ({ value, label: value }));
const statusIn =
  (...s: string[]) =>
  (params: Record<string, unknown>) =>
    s.includes(String(params.status));

function jsonObject(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw InfoErrors.fail('INFO_FIELD_INVALID', 'Enter the new bank data as a JSON object.', {
    field: 'bank_data',
  });
}

export function businessVerificationAdminResources(deps: {
  kit: AdminKit;
  verifications: BusinessInfoVerificationService;
}): ResourceWithOptions[] {
  const { kit, verifications } = deps;
  const roles = BUSINESS_INFO_REVIEWER_ROLES;

  const verificationResource: ResourceWithOptions = {
    resource: BusinessInfoVerification,
    options: {
      navigation: NAVIGATION,
      titleProperty: 'companyName',
      sort: { sortBy: 'submittedAt', direction: 'desc' },
      listProperties: [
        'companyName',
        'contractingEntityCode',
        'version',
        'status',
        'failureReason',
        'bankAccountNo',
        'submittedAt',
      ],
      filterProperties: [
        'status',
        'contractingEntityCode',
        'partnerAccountId',
        'uscc',
        'companyName',
        'origin',
      ],
      properties: {
        status: { availableValues: values(STATUSES), isDisabled: true },
        partnerAccountId: { reference: 'PartnerAccount' },
      },
      actions: {
        ...readOnlyActions(roles, moneyParams(['taxRate', 'microDepositAmount'])),
        approveReview: serviceRecordAction(kit, {
          roles,
          isVisibleFor: statusIn('manual_review'),
          icon: 'CheckCircle',
          prompt: 'Mark this business info as verified after manual review (6.2.8). The partner is notified.',
          submitLabel: 'Verify',
          run: async (ctx, id) => {
            const v = await verifications.approveReview(ctx, id);
            return `Business info verified (version ${v.version}, ${v.contracting_entity}).`;
          },
        }),
        failVerification: serviceRecordAction(kit, {
          roles,
          isVisibleFor: statusIn('manual_review', 'bank_letter_required'),
          icon: 'XCircle',
          variant: 'danger',
          prompt: 'Fail this verification: the partner must correct its bank data and re-verify.',
          submitLabel: 'Fail verification',
          reason: { label: 'Reason (shown to the partner)', maxLength: 500 },
          run: async (ctx, id, { reason }) => {
            const v = await verifications.failVerification(ctx, id, reason);
            return `Verification failed (version ${v.version}).`;
          },
        }),
        requireBankLetter: serviceRecordAction(kit, {
          roles,
          isVisibleFor: statusIn('manual_review'),
          icon: 'FileText',
          prompt:
            'Ask for a bank letter (6.2.9): a letter is opened in awaiting_draft and the partner is notified.',
          submitLabel: 'Require bank letter',
          reason: { label: 'Comment (optional)', maxLength: 500, required: false },
          run: async (ctx, id, { reason }) => {
            await verifications.requireBankLetter(ctx, id, reason);
            return 'Bank letter required.';
          },
        }),
        generateBankLetterDraft: serviceRecordAction(kit, {
          roles,
          isVisibleFor: statusIn('bank_letter_required'),
          icon: 'FilePlus',
          prompt:
            "Generate the draft bank letter from the partner's bank data (INFO-031); the partner downloads, stamps " +
            'and uploads it. To upload your own document use POST /api/v1/admin/business-verifications/:id/bank-letter/draft.',
          submitLabel: 'Generate draft',
          run: async (ctx, id) => {
            await verifications.prepareDraft(ctx, id);
            return 'Draft bank letter ready for the partner.';
          },
        }),
        acceptBankLetter: serviceRecordAction(kit, {
          roles,
          isVisibleFor: statusIn('bank_letter_required'),
          icon: 'CheckSquare',
          prompt:
            'Accept the signed bank letter (wet company/finance/contract seal checked): the business info becomes verified.',
          submitLabel: 'Accept letter',
          run: async (ctx, id) => {
            await verifications.acceptLetter(ctx, id);
            return 'Bank letter accepted; business info verified.';
          },
        }),
        rejectBankLetter: serviceRecordAction(kit, {
          roles,
          isVisibleFor: statusIn('bank_letter_required'),
          icon: 'XSquare',
          variant: 'danger',
          prompt:
            'Reject the signed bank letter. Reason: seal_invalid, screenshot_seal, data_mismatch or other, optionally ' +
            'followed by ": comment" (e.g. "screenshot_seal: the seal is pasted").',
          submitLabel: 'Reject letter',
          reason: { label: 'Reason', maxLength: 520 },
          run: async (ctx, id, { reason }) => {
            const [code, ...rest] = reason.split(':');
            await verifications.rejectLetter(ctx, id, code.trim(), rest.join(':').trim() || undefined);
            return `Bank letter rejected (${code.trim()}).`;
          },
        }),
        offlineBankChange: serviceRecordAction(kit, {
          roles,
          isVisibleFor: statusIn('verified'),
          icon: 'Edit',
          prompt:
            'Record new bank data received via the ecosystem manager or a ticket (INFO-033). Enter a JSON object with ' +
            'all 7 fields and the ticket: {"supplier_name", "bank_name", "bank_account_no", "branch_name", ' +
            '"branch_code", "bank_account_name", "currency", "ticket_no"}. A new version needing a bank letter is ' +
            'created and its draft generated.',
          submitLabel: 'Record bank change',
          reason: { label: 'New bank data (JSON)', maxLength: 2000 },
          run: async (ctx, id, { reason }) => {
            const body = jsonObject(reason);
            const ticket = typeof body.ticket_no === 'string' ? body.ticket_no : undefined;
            const v = await verifications.offlineBankChange(ctx, id, body, ticket);
            return `Bank change recorded as version ${v.version}; draft letter generated.`;
          },
        }),
        changeTaxData: serviceRecordAction(kit, {
          roles,
          icon: 'Percent',
          prompt:
            'Change the taxpayer type and/or invoice mode on a ticket (INFO-027), e.g. ' +
            '"taxpayer_type=small_scale; ticket_no=T2025-001" or "invoice_mode=marketplace_goods; ticket_no=…".',
          submitLabel: 'Change tax data',
          reason: { label: 'Changes and ticket', maxLength: 200 },
          run: async (ctx, id, { reason }) => {
            const kv = formFields(reason);
            const v = await verifications.changeTaxData(ctx, id, {
              taxpayer_type: kv.taxpayer_type as TaxpayerType | undefined,
              invoice_mode: kv.invoice_mode as InvoiceMode | undefined,
              ticket_no: kv.ticket_no,
            });
            return `Tax data changed: ${v.taxpayer_type} (${v.tax_rate} %), ${v.invoice_mode}.`;
          },
        }),
        switchContractingEntity: serviceRecordAction(kit, {
          roles,
          isVisibleFor: statusIn('verified'),
          icon: 'Repeat',
          prompt:
            'Switch this account to another contracting entity now (J-INFO-4, INFO-034): its last verified data are ' +
            'verified against the new entity automatically; the partner is told no action is needed.',
          submitLabel: 'Switch',
          reason: { label: 'New contracting entity code (e.g. HWCLOUD)', maxLength: 32 },
          run: async (ctx, id, { reason }) => {
            const v = await verifications.get(id);
            const { items } = await verifications.scheduleSwitch(ctx, {
              partner_account_ids: [v.partner_account_id],
              to: reason.trim().toUpperCase(),
            });
            return `Contracting-entity switch ${items[0]?.status ?? 'scheduled'}${items[0]?.skip_reason ? ` (${items[0].skip_reason})` : ''}.`;
          },
        }),
      },
      translations: {
        en: {
          labels: { BusinessInfoVerification: 'Business info verifications' },
          actions: {
            approveReview: 'Verify',
            failVerification: 'Fail',
            requireBankLetter: 'Require bank letter',
            generateBankLetterDraft: 'Generate letter draft',
            acceptBankLetter: 'Accept letter',
            rejectBankLetter: 'Reject letter',
            offlineBankChange: 'Offline bank change',
            changeTaxData: 'Change taxpayer type / invoice mode',
            switchContractingEntity: 'Switch contracting entity',
          },
        },
      },
    },
  };

  const letters: ResourceWithOptions = {
    resource: BankLetter,
    options: {
      navigation: NAVIGATION,
      sort: { sortBy: 'createdAt', direction: 'desc' },
      listProperties: [
        'verificationId',
        'status',
        'overdue',
        'rejectReason',
        'signedUploadedAt',
        'createdAt',
      ],
      filterProperties: ['status', 'overdue', 'partnerAccountId', 'verificationId'],
      properties: {
        status: { isDisabled: true },
        verificationId: { reference: 'BusinessInfoVerification' },
        partnerAccountId: { reference: 'PartnerAccount' },
      },
      actions: readOnlyActions(roles),
      translations: { en: { labels: { BankLetter: 'Bank letters' } } },
    },
  };

  const entities: ResourceWithOptions = {
    resource: ContractingEntity,
    options: {
      navigation: NAVIGATION,
      titleProperty: 'name',
      listProperties: ['code', 'name', 'currency', 'active'],
      actions: readOnlyActions(),
      translations: { en: { labels: { ContractingEntity: 'Contracting entities' } } },
    },
  };

  const switches: ResourceWithOptions = {
    resource: ContractingEntitySwitch,
    options: {
      navigation: NAVIGATION,
      sort: { sortBy: 'createdAt', direction: 'desc' },
      listProperties: ['partnerAccountId', 'fromCode', 'toCode', 'effectiveAt', 'status', 'skipReason'],
      filterProperties: ['status', 'partnerAccountId', 'toCode'],
      properties: { partnerAccountId: { reference: 'PartnerAccount' }, status: { isDisabled: true } },
      actions: readOnlyActions(roles),
      translations: { en: { labels: { ContractingEntitySwitch: 'Contracting-entity switches' } } },
    },
  };

  return [verificationResource, letters, entities, switches];
}
