/**
 * Every handler declares who may call it; the global AccessGuard denies any handler that declares nothing
 * (deny by default). The declaration also goes into the OpenAPI document as `x-permission`.
 */
import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiExtension, ApiSecurity } from '@nestjs/swagger';
import type { ReviewerRole } from '../context/index.js';

export type AccessRule =
  | { kind: 'public' }
  | { kind: 'test_hook' }
  /** a partner user holding the permission key (the partner admin holds every key allowed for its identity) */
  | { kind: 'permission'; key: string; allowNotOnboarded: boolean }
  /** a partner user holding at least one of the keys (e.g. view-or-apply reads; the service narrows by key) */
  | { kind: 'any_permission'; keys: readonly string[]; allowNotOnboarded: boolean }
  /** the partner admin (account owner) only: not delegable to org members, not even to the preset admin role */
  | { kind: 'partner_admin'; allowNotOnboarded: boolean }
  /** any authenticated partner user of an active account */
  | { kind: 'any_partner'; allowNotOnboarded: boolean }
  /**
   * a reviewer holding one of the roles (`admin` passes every reviewer rule). `partnerDenial: 'permission'`:
   * a partner token is refused with 403 ORG_PERMISSION_DENIED ("ask your PDM") instead of
   * AUTH_TOKEN_TYPE_NOT_ALLOWED, for reviewer actions the spec tells partners they cannot do themselves
   * (opportunity.md OPP-064, acceptance scenario 27).
   */
  | { kind: 'reviewer'; roles: readonly ReviewerRole[]; partnerDenial?: 'permission' }
  /** any valid token of any type (partner admin, org member, reviewer), e.g. logout */
  | { kind: 'any_token' }
  /** a personal account (an individual's own Huawei account, org.md), with its own token */
  | { kind: 'personal' };

export const ACCESS_RULE = 'access_rule';
export const FIELD_ERROR_CODE = 'field_error_code';

export function describeAccess(rule: AccessRule): string {
  switch (rule.kind) {
    case 'public':
      return 'public';
    case 'test_hook':
      return 'test-hook';
    case 'permission':
      return `partner:${rule.key}${rule.allowNotOnboarded ? ' (not onboarded allowed)' : ''}`;
    case 'any_permission':
      return `partner:${rule.keys.join('|')}${rule.allowNotOnboarded ? ' (not onboarded allowed)' : ''}`;
    case 'partner_admin':
      return `partner-admin${rule.allowNotOnboarded ? ' (not onboarded allowed)' : ''}`;
    case 'any_partner':
      return `partner:any${rule.allowNotOnboarded ? ' (not onboarded allowed)' : ''}`;
    case 'reviewer':
      return `reviewer:${rule.roles.join('|')}${rule.partnerDenial ? ' (partners: permission denied)' : ''}`;
    case 'any_token':
      return 'token:any';
    case 'personal':
      return 'personal-account';
  }
}

function declare(rule: AccessRule): MethodDecorator & ClassDecorator {
  const security = rule.kind === 'public' || rule.kind === 'test_hook' ? [] : [ApiSecurity('X-Auth-Token')];
  return applyDecorators(
    SetMetadata(ACCESS_RULE, rule),
    ApiExtension('x-permission', describeAccess(rule)),
    ...security,
  );
}

export interface PartnerAccessOptions {
  /** the route serves accounts that have not (yet) completed onboarding (info.md INFO-011) */
  allowNotOnboarded?: boolean;
}

export const Public = (): MethodDecorator & ClassDecorator => declare({ kind: 'public' });
export const TestHook = (): MethodDecorator & ClassDecorator => declare({ kind: 'test_hook' });
export const RequirePermission = (
  key: string,
  opts: PartnerAccessOptions = {},
): MethodDecorator & ClassDecorator =>
  declare({ kind: 'permission', key, allowNotOnboarded: opts.allowNotOnboarded ?? false });
/** A partner user holding at least one of the keys; the handler may narrow what each key shows. */
export const RequireAnyPermission = (
  keys: readonly string[],
  opts: PartnerAccessOptions = {},
): MethodDecorator & ClassDecorator =>
  declare({ kind: 'any_permission', keys, allowNotOnboarded: opts.allowNotOnboarded ?? false });
export const PartnerAdminOnly = (opts: PartnerAccessOptions = {}): MethodDecorator & ClassDecorator =>
  declare({ kind: 'partner_admin', allowNotOnboarded: opts.allowNotOnboarded ?? false });
export const AnyPartner = (opts: PartnerAccessOptions = {}): MethodDecorator & ClassDecorator =>
  declare({ kind: 'any_partner', allowNotOnboarded: opts.allowNotOnboarded ?? false });
export const ReviewerRoles = (...roles: ReviewerRole[]): MethodDecorator & ClassDecorator =>
  declare({ kind: 'reviewer', roles });
/** A reviewer action partners are told they may not perform: partner tokens get 403 ORG_PERMISSION_DENIED. */
export const ReviewerRolesDenyingPartners = (...roles: ReviewerRole[]): MethodDecorator & ClassDecorator =>
  declare({ kind: 'reviewer', roles, partnerDenial: 'permission' });
/** Any authenticated caller, whatever its token type (partner, org member, reviewer). */
export const AnyToken = (): MethodDecorator & ClassDecorator => declare({ kind: 'any_token' });
export const PersonalAccountOnly = (): MethodDecorator & ClassDecorator => declare({ kind: 'personal' });

/** The module's generic field-error code for validation failures on this controller (e.g. `INFO_FIELD_INVALID`). */
export const FieldErrorCode = (code: string): ClassDecorator & MethodDecorator =>
  SetMetadata(FIELD_ERROR_CODE, code);
