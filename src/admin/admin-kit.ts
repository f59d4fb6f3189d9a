/**
 * What a module needs to contribute resources to the AdminJS panel (`src/modules/<area>/<area>.admin.ts`):
 * the logged-in reviewer, role checks, read-only action sets, and record actions that call a Nest service
 * with a reviewer RequestContext — so the state machine, audit and notifications apply exactly as through
 * the reviewer API. Type-only imports of adminjs: loading this file does not load AdminJS.
 */
import type {
  Action,
  ActionContext,
  ActionRequest,
  ActionResponse,
  CurrentAdmin,
  RecordActionResponse,
  ResourceOptions,
} from 'adminjs';
import type { ReviewerPrincipalResolver } from '../../libs/auth/index.js';
import type { Clock } from '../../libs/clock/index.js';
import { REVIEWER_ROLES, RequestContext, type ReviewerRole } from '../../libs/context/index.js';
import { DomainError } from '../../libs/errors/index.js';
import { Decimal, formatMoney } from '../../libs/money/index.js';

/** The reviewer kept in the panel session (AdminJS `currentAdmin`). */
export interface ReviewerAdmin extends CurrentAdmin {
  id: string;
  email: string;
  title: string;
  roles: ReviewerRole[];
  flags: string[];
}

/** What module admin files get from the panel. */
export interface AdminKit {
  clock: Clock;
  reviewers: ReviewerPrincipalResolver;
  /** names of the shared React components (src/admin/components) */
  components: { recordDecision: string };
}

function isReviewerRole(v: unknown): v is ReviewerRole {
  return typeof v === 'string' && (REVIEWER_ROLES as readonly string[]).includes(v);
}

/** The session's reviewer, or null when the session holds something else (never trust its shape). */
export function reviewerOf(admin: CurrentAdmin | undefined): ReviewerAdmin | null {
  if (!admin || typeof admin.id !== 'string' || typeof admin.email !== 'string') return null;
  const roles: unknown = admin.roles;
  const flags: unknown = admin.flags;
  if (!Array.isArray(roles) || !Array.isArray(flags)) return null;
  return {
    ...admin,
    id: admin.id,
    email: admin.email,
    title: typeof admin.title === 'string' ? admin.title : admin.email,
    roles: roles.filter(isReviewerRole),
    flags: flags.filter((f): f is string => typeof f === 'string'),
  };
}

/** Same rule as RequestContext.hasReviewerRole and the API guard: `admin` passes every role check. */
export function hasReviewerRole(admin: CurrentAdmin | undefined, roles: readonly ReviewerRole[]): boolean {
  const r = reviewerOf(admin);
  return !!r && r.roles.some((role) => role === 'admin' || roles.includes(role));
}

/** `isAccessible` for reviewers holding one of the roles; any logged-in reviewer when `roles` is empty. */
export function forRoles(roles: readonly ReviewerRole[]) {
  return ({ currentAdmin }: ActionContext): boolean =>
    roles.length === 0 ? reviewerOf(currentAdmin) !== null : hasReviewerRole(currentAdmin, roles);
}

type Params = Record<string, unknown>;

/**
 * The fields of a panel form's text box: `key: value` or `key=value`, one per line or several on a line separated
 * by `;` (`taxpayer_type=small_scale; ticket_no=T2025-001`); keys are lower-cased, values trimmed, other lines
 * ignored. Every module's multi-field record action reads its text this way.
 */
export function formFields(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(/\r?\n|;(?=\s*[A-Za-z_]+\s*[:=])/)) {
    const m = /^\s*([A-Za-z_]+)\s*[:=]\s*(.*)$/s.exec(part);
    if (m) out[m[1].toLowerCase()] = m[2].trim();
  }
  return out;
}

/** Shows money columns (decimal.js values) with their scale, as the API does (`1000000.50`, never `1e-8`). */
export function moneyParams(paths: readonly string[], decimals = 2): (params: Params) => void {
  return (params) => {
    for (const path of paths) {
      const v = params[path];
      if (v instanceof Decimal || (typeof v === 'string' && v !== ''))
        params[path] = formatMoney(v, decimals);
    }
  };
}

function formattingHooks(format: ((params: Params) => void) | undefined) {
  if (!format) return {};
  return {
    list: {
      after: (response: ActionResponse) => {
        const records: unknown = response.records;
        if (Array.isArray(records)) for (const r of records as Array<{ params: Params }>) format(r.params);
        return response;
      },
    },
    show: {
      after: (response: ActionResponse) => {
        const record = response.record as { params: Params } | undefined;
        if (record) format(record.params);
        return response;
      },
    },
  };
}

/**
 * Actions of a read-only resource: list/show/search for the given roles (every reviewer when empty);
 * new/edit/delete/bulkDelete switched off. State changes only happen through service-backed record actions.
 * `format` adjusts the displayed params of list and show (e.g. moneyParams).
 */
export function readOnlyActions(
  roles: readonly ReviewerRole[] = [],
  format?: (params: Params) => void,
): NonNullable<ResourceOptions['actions']> {
  const can = forRoles(roles);
  const hooks = formattingHooks(format);
  return {
    list: { isAccessible: can, ...hooks.list },
    show: { isAccessible: can, ...hooks.show },
    search: { isAccessible: can },
    new: { isAccessible: false, isVisible: false },
    edit: { isAccessible: false, isVisible: false },
    delete: { isAccessible: false, isVisible: false },
    bulkDelete: { isAccessible: false, isVisible: false },
  };
}

/** A RequestContext for the reviewer, as the API guard builds it for a reviewer token. */
export function reviewerContext(
  clock: Clock,
  reviewerId: string,
  principal: { email: string; roles: readonly ReviewerRole[]; flags: readonly string[] },
): RequestContext {
  return RequestContext.create({
    clock,
    actor: {
      kind: 'reviewer',
      reviewerId,
      email: principal.email,
      roles: principal.roles,
      flags: principal.flags,
      tokenId: null,
    },
  });
}

export interface ServiceActionOptions {
  /** reviewer roles allowed to see and run the action (`admin` always may) */
  roles: readonly ReviewerRole[];
  /** shown only for records in a state where the action makes sense (the service still decides) */
  isVisibleFor?: (params: Record<string, unknown>) => boolean;
  icon?: string;
  /** the confirmation text of the form */
  prompt: string;
  submitLabel: string;
  variant?: 'contained' | 'danger';
  /**
   * the form asks for a text passed to `run` as `reason`; required unless `required: false` (then the form can
   * be sent empty — for optional comments)
   */
  reason?: { label: string; maxLength: number; required?: boolean };
  /**
   * narrows `roles` per record (e.g. by program: SP approval by operations, cloud-reseller review by PDM or
   * operations): the action is shown and runs only for reviewers holding one of the returned roles
   */
  rolesFor?: (params: Record<string, unknown>) => readonly ReviewerRole[];
  /**
   * reviewer flags of which the reviewer must hold at least one (e.g. `supervisor` for level-2 approvals, as
   * the service checks); `admin` passes. Hides the action from the others and refuses it on POST.
   */
  flags?: readonly string[];
  /** calls the service; answers the success notice */
  run: (ctx: RequestContext, recordId: string, payload: { reason: string }) => Promise<string>;
}

/** The error notice of a refusal: the catalogue message and its code, as service errors are shown. */
function refusal(code: string): string {
  const err = new DomainError(code);
  return `${err.message} (${err.code})`;
}

function payloadString(request: ActionRequest, key: string): string {
  const v: unknown = request.payload?.[key];
  return typeof v === 'string' ? v : '';
}

/**
 * A record action backed by a Nest service. GET answers the record (the form is shown by the shared
 * RecordDecision component); only POST changes anything, so a link can never trigger it. The reviewer's
 * roles are re-read at execution (a reviewer deactivated or demoted since login cannot act), the service
 * runs with a reviewer RequestContext, and a DomainError becomes an error notice on the record.
 */
export function serviceRecordAction(
  kit: AdminKit,
  opts: ServiceActionOptions,
): Partial<Action<ActionResponse>> {
  const roleCheck = forRoles(opts.roles);
  const flagged = (admin: CurrentAdmin | undefined): boolean => {
    if (!opts.flags?.length) return true;
    const r = reviewerOf(admin);
    return !!r && (r.roles.includes('admin') || r.flags.some((f) => opts.flags!.includes(f)));
  };
  const can = (context: ActionContext): boolean => roleCheck(context) && flagged(context.currentAdmin);
  return {
    actionType: 'record',
    icon: opts.icon,
    component: kit.components.recordDecision,
    isAccessible: can,
    isVisible: (context) =>
      can(context) &&
      (!context.record ||
        ((!opts.isVisibleFor || opts.isVisibleFor(context.record.params)) &&
          (!opts.rolesFor || hasReviewerRole(context.currentAdmin, opts.rolesFor(context.record.params))))),
    custom: {
      prompt: opts.prompt,
      submitLabel: opts.submitLabel,
      variant: opts.variant ?? 'contained',
      reason: opts.reason ? { ...opts.reason, required: opts.reason.required ?? true } : null,
    },
    handler: async (request, _response, context) => {
      const { record, currentAdmin, h, resource } = context;
      if (!record) throw new Error('record action without a record');
      const current = (): RecordActionResponse => ({ record: record.toJSON(currentAdmin) });
      if (request.method !== 'post') return current();
      const fail = (message: string): RecordActionResponse => ({
        ...current(),
        notice: { message, type: 'error' },
      });

      const session = reviewerOf(currentAdmin);
      const principal = session ? await kit.reviewers.resolve(session.id) : null;
      if (!session || !principal) return fail(new DomainError('AUTH_TOKEN_INVALID').message);
      if (!principal.roles.some((r) => r === 'admin' || opts.roles.includes(r))) {
        return fail(refusal('REVIEWER_ROLE_REQUIRED'));
      }
      const recordRoles = opts.rolesFor?.(record.params);
      if (recordRoles && !principal.roles.some((r) => r === 'admin' || recordRoles.includes(r))) {
        return fail(refusal('REVIEWER_ROLE_REQUIRED'));
      }
      if (
        opts.flags?.length &&
        !principal.roles.includes('admin') &&
        !principal.flags.some((f) => opts.flags!.includes(f))
      ) {
        return fail(refusal('REVIEWER_ROLE_REQUIRED'));
      }
      const reason = payloadString(request, 'reason');
      if (opts.reason && reason.length > opts.reason.maxLength) {
        return fail(`${opts.reason.label}: at most ${opts.reason.maxLength} characters.`);
      }
      const recordId = String(record.id());
      let message: string;
      try {
        message = await opts.run(reviewerContext(kit.clock, session.id, principal), recordId, { reason });
      } catch (err) {
        if (err instanceof DomainError) return fail(`${err.message} (${err.code})`);
        throw err;
      }
      const fresh = await resource.findOne(recordId);
      return {
        record: (fresh ?? record).toJSON(currentAdmin),
        redirectUrl: h.recordActionUrl({ resourceId: resource.id(), recordId, actionName: 'show' }),
        notice: { message, type: 'success' },
      };
    },
  };
}
