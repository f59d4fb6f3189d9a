/**
 * Admin-panel parts of basic info (info.md "Permissions", "Ticket system"): the change-request resource with
 * approve/reject, and operations' ticket actions on legal entities and partner accounts. Every action calls the
 * same service method as its `/api/v1/admin/info/…` endpoint. The shared decision form has one text field, so
 * ticket actions read it as `key: value` lines (decision), e.g. `ticket_no: T-2025-0001` and `uscc: 9131…`.
 */
import type { ResourceWithOptions } from 'adminjs';
import type { ReviewerRole } from '../../../libs/context/index.js';
import { type AdminKit, readOnlyActions, serviceRecordAction, formFields } from '../../admin/admin-kit.js';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AccountContactDto, CompanyDetailsDto, MessageSettingsDto } from './dto/basic-info.dto.js';
import type { BasicInfoService } from './services/basic-info.service.js';
import {
  CHANGE_REQUEST_STATUSES,
  CompanyInfoChangeRequest,
} from './entities/company-info-change-request.entity.js';
import { InfoErrors } from './info.errors.js';
import type { CompanyChangeService } from './services/company-change.service.js';
import type { InfoOperationsService } from './services/info-operations.service.js';

/** Operations decide licence changes and handle the ticket actions of basic info. */
export const BASIC_INFO_REVIEWER_ROLES: readonly ReviewerRole[] = ['operations'];

export interface BasicInfoAdminDeps {
  kit: AdminKit;
  changes: CompanyChangeService;
  ops: InfoOperationsService;
  basic: BasicInfoService;
}

/** Validates a panel form like the API's ValidationPipe does, answering INFO_FIELD_INVALID with the field. */
function validated<T extends object>(cls: new () => T, plain: Record<string, string>): T {
  const dto = plainToInstance(cls, plain);
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) {
    const e = errors[0];
    throw InfoErrors.fail('INFO_FIELD_INVALID', Object.values(e.constraints ?? {})[0] ?? 'Invalid value.', {
      field: e.property,
    });
  }
  return dto;
}

function required(form: Record<string, string>, key: string): string {
  const v = form[key];
  if (!v) throw InfoErrors.fail('INFO_FIELD_INVALID', `${key} is required.`, { field: key });
  return v;
}

function flag(v: string | undefined): boolean | undefined {
  if (v === undefined) return undefined;
  if (v === 'true' || v === 'false') return v === 'true';
  throw InfoErrors.fail('INFO_FIELD_INVALID', 'Flags are true or false.', { field: 'flag' });
}

const NAVIGATION = { name: 'Partner info', icon: 'Briefcase' };
const values = (list: readonly string[]) => list.map((value) => ({ value, label: value }));

/** The change-request resource (read-only fields; decisions through the service). */
export function changeRequestResource(deps: BasicInfoAdminDeps): ResourceWithOptions {
  const { kit, changes } = deps;
  const pending = (p: Record<string, unknown>) => p.status === 'pending_review';
  return {
    resource: CompanyInfoChangeRequest,
    options: {
      navigation: NAVIGATION,
      sort: { sortBy: 'submittedAt', direction: 'desc' },
      listProperties: ['legalEntityId', 'partnerAccountId', 'status', 'registryResult', 'submittedAt'],
      filterProperties: ['status', 'legalEntityId', 'partnerAccountId'],
      properties: {
        status: { availableValues: values(CHANGE_REQUEST_STATUSES), isDisabled: true },
        legalEntityId: { reference: 'LegalEntity' },
        partnerAccountId: { reference: 'PartnerAccount' },
      },
      actions: {
        ...readOnlyActions(BASIC_INFO_REVIEWER_ROLES),
        approve: serviceRecordAction(kit, {
          roles: BASIC_INFO_REVIEWER_ROLES,
          isVisibleFor: pending,
          icon: 'CheckCircle',
          prompt:
            'Approve this business-licence change (INFO-013; the registry did not pass it automatically). The ' +
            "changes are written to the company's licence data and the partner is notified.",
          submitLabel: 'Approve change',
          run: async (ctx, id) => {
            const v = await changes.approve(ctx, id);
            return `Change request ${v.change_request_id} approved.`;
          },
        }),
        reject: serviceRecordAction(kit, {
          roles: BASIC_INFO_REVIEWER_ROLES,
          isVisibleFor: pending,
          icon: 'XCircle',
          variant: 'danger',
          prompt: 'Reject this business-licence change. The partner sees the reason and is notified.',
          submitLabel: 'Reject change',
          reason: { label: 'Reason (shown to the partner)', maxLength: 500 },
          run: async (ctx, id, { reason }) => {
            const v = await changes.reject(ctx, id, reason);
            return `Change request ${v.change_request_id} rejected.`;
          },
        }),
      },
      translations: {
        en: {
          labels: { CompanyInfoChangeRequest: 'Company info change requests' },
          actions: { approve: 'Approve', reject: 'Reject' },
        },
      },
    },
  };
}

/** Ticket actions on a legal entity: company details, missing USCC, primary account. */
export function legalEntityTicketActions(deps: BasicInfoAdminDeps) {
  const { kit, ops } = deps;
  return {
    editCompanyDetails: serviceRecordAction(kit, {
      roles: BASIC_INFO_REVIEWER_ROLES,
      icon: 'Edit',
      prompt:
        'Edit logo, public contact details and introduction on a ticket (INFO-017). One line per field: ' +
        'ticket_no, logo_file_id, public_phone, public_email, website, introduction (e.g. "ticket_no: T-1").',
      submitLabel: 'Save company details',
      reason: { label: 'ticket_no and fields, one "key: value" per line', maxLength: 3000 },
      run: async (ctx, id, { reason }) => {
        const form = formFields(reason);
        const fields: Record<string, string | null> = {};
        for (const k of [
          'logo_file_id',
          'public_phone',
          'public_email',
          'website',
          'introduction',
        ] as const) {
          if (form[k] !== undefined) fields[k] = form[k] === '' ? null : form[k];
        }
        // the same field rules as the API's DTO (e-mail format, lengths)
        const dto = validated(CompanyDetailsDto, fields as Record<string, string>);
        await ops.updateCompanyDetails(ctx, id, dto, required(form, 'ticket_no'));
        return 'Company details saved.';
      },
    }),
    recordUscc: serviceRecordAction(kit, {
      roles: BASIC_INFO_REVIEWER_ROLES,
      isVisibleFor: (p) => !p.uscc,
      icon: 'Key',
      prompt: 'Record the missing credit code of this company (ticket; INFO-015). Lines: ticket_no, uscc.',
      submitLabel: 'Record USCC',
      reason: { label: '"ticket_no: …" and "uscc: …"', maxLength: 200 },
      run: async (ctx, id, { reason }) => {
        const form = formFields(reason);
        const v = await ops.setMissingUscc(ctx, id, required(form, 'uscc'), required(form, 'ticket_no'));
        return `USCC ${String(v.uscc)} recorded.`;
      },
    }),
    setPrimaryAccount: serviceRecordAction(kit, {
      roles: BASIC_INFO_REVIEWER_ROLES,
      icon: 'Star',
      prompt:
        'Make an active account of this company its primary account (ticket; INFO-010). Lines: ticket_no, ' +
        'partner_account_id.',
      submitLabel: 'Set primary account',
      reason: { label: '"ticket_no: …" and "partner_account_id: …"', maxLength: 200 },
      run: async (ctx, id, { reason }) => {
        const form = formFields(reason);
        await ops.setPrimaryAccount(
          ctx,
          id,
          required(form, 'partner_account_id'),
          required(form, 'ticket_no'),
        );
        return 'Primary account set.';
      },
    }),
  };
}

/** Ticket actions on a partner account: make it primary, expansion flags, contact, message settings. */
export function partnerAccountTicketActions(deps: BasicInfoAdminDeps) {
  const { kit, ops, basic } = deps;
  return {
    editContact: serviceRecordAction(kit, {
      roles: BASIC_INFO_REVIEWER_ROLES,
      icon: 'User',
      prompt:
        'Edit the account contact on a ticket (INFO-018). Lines: name, position, mobile, email ' +
        '(e.g. "name: Wang Wu").',
      submitLabel: 'Save contact',
      reason: { label: 'name, position, mobile, email — one "key: value" per line', maxLength: 600 },
      run: async (ctx, id, { reason }) => {
        const f = formFields(reason);
        await basic.updateContact(
          ctx,
          validated(AccountContactDto, {
            name: f.name,
            position: f.position,
            mobile: f.mobile,
            email: f.email,
          }),
          id,
        );
        return 'Contact saved.';
      },
    }),
    editMessageSettings: serviceRecordAction(kit, {
      roles: BASIC_INFO_REVIEWER_ROLES,
      icon: 'Settings',
      prompt: 'Edit the message settings on a ticket (INFO-022). Lines: language (zh-cn/en-us), timezone.',
      submitLabel: 'Save settings',
      reason: { label: '"language: …" and "timezone: …"', maxLength: 200 },
      run: async (ctx, id, { reason }) => {
        const f = formFields(reason);
        await basic.updateMessageSettings(
          ctx,
          validated(MessageSettingsDto, { language: f.language, timezone: f.timezone }),
          id,
        );
        return 'Message settings saved.';
      },
    }),
    makePrimary: serviceRecordAction(kit, {
      roles: BASIC_INFO_REVIEWER_ROLES,
      isVisibleFor: (p) => p.status === 'active' && p.isPrimary !== true && !!p.legalEntityId,
      icon: 'Star',
      prompt: 'Make this account the primary account of its company (ticket; INFO-010).',
      submitLabel: 'Make primary',
      reason: { label: 'Ticket number', maxLength: 32 },
      run: async (ctx, id, { reason }) => {
        const record = await ops.legalEntityOf(id);
        await ops.setPrimaryAccount(ctx, record, id, reason);
        return 'Primary account set.';
      },
    }),
    setExpansionFlags: serviceRecordAction(kit, {
      roles: BASIC_INFO_REVIEWER_ROLES,
      icon: 'Flag',
      prompt:
        'Set the channel-expansion / customer-expansion incentive flags on a ticket. Lines: ticket_no, ' +
        'channel_expansion_account (true/false), customer_expansion_account (true/false).',
      submitLabel: 'Save flags',
      reason: { label: 'ticket_no and flags, one "key: value" per line', maxLength: 200 },
      run: async (ctx, id, { reason }) => {
        const form = formFields(reason);
        await ops.setExpansionFlags(
          ctx,
          id,
          {
            channel_expansion_account: flag(form.channel_expansion_account),
            customer_expansion_account: flag(form.customer_expansion_account),
          },
          required(form, 'ticket_no'),
        );
        return 'Flags saved.';
      },
    }),
  };
}
