/**
 * The global guard (deny by default): a handler without an access declaration is refused; otherwise the
 * token is verified, its type matched to the route (partner tokens never reach reviewer routes and the
 * reverse, API-012), the principal resolved (permissions, onboarding status, site), the permission checked,
 * the call throttled (API-013), and the request context completed for the handler.
 */
import { type CanActivate, type ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { type Actor, RequestContext } from '../context/index.js';
import { DomainError } from '../errors/index.js';
import { ACCESS_RULE, type AccessRule, FIELD_ERROR_CODE } from './access.decorators.js';
import type { ApiToken } from './auth.entities.js';
import { AuthService } from './auth.service.js';
import {
  PARTNER_PRINCIPALS,
  type PartnerPrincipalResolver,
  PERSONAL_PRINCIPALS,
  type PersonalPrincipalResolver,
  REVIEWER_PRINCIPALS,
  type ReviewerPrincipalResolver,
} from './principals.js';
import { ThrottleService } from './throttle.service.js';

export type ContextRequest = Request & { ctx: RequestContext; fieldErrorCode?: string };

export function presentedToken(req: Request): string | undefined {
  const x = req.headers['x-auth-token'];
  if (typeof x === 'string' && x) return x.trim();
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && /^Bearer\s+/i.test(auth)) return auth.replace(/^Bearer\s+/i, '').trim();
  return undefined;
}

@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('AccessGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly throttle: ThrottleService,
    @Inject(PARTNER_PRINCIPALS) private readonly partners: PartnerPrincipalResolver,
    @Inject(REVIEWER_PRINCIPALS) private readonly reviewers: ReviewerPrincipalResolver,
    @Inject(PERSONAL_PRINCIPALS) private readonly personals: PersonalPrincipalResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<ContextRequest>();
    const targets = [context.getHandler(), context.getClass()];
    req.fieldErrorCode =
      this.reflector.getAllAndOverride<string>(FIELD_ERROR_CODE, targets) ?? 'FIELD_INVALID';
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, targets);
    if (!rule) {
      this.logger.error(`route ${req.method} ${req.route?.path ?? req.path} declares no access rule: denied`);
      throw new DomainError('ORG_PERMISSION_DENIED');
    }
    if (rule.kind === 'public' || rule.kind === 'test_hook') return true;

    const token = await this.auth.verify(presentedToken(req));
    const operation = `${req.method} ${req.route?.path ?? req.path}`;

    if (rule.kind === 'personal' || (rule.kind === 'any_token' && token.subjectKind === 'personal')) {
      if (token.subjectKind !== 'personal') {
        throw new DomainError(
          'AUTH_TOKEN_TYPE_NOT_ALLOWED',
          'This API must be called with a personal-account token',
        );
      }
      const personal = await this.personals.resolve(token.subjectId);
      if (!personal) throw new DomainError('AUTH_TOKEN_INVALID');
      this.throttle.check(`personal:${token.subjectId}`, operation);
      req.ctx = req.ctx.withActor({
        kind: 'personal',
        personalAccountId: token.subjectId,
        site: personal.site,
        tokenId: token.id,
      });
      return true;
    }

    if (rule.kind === 'reviewer' || (rule.kind === 'any_token' && token.subjectKind === 'reviewer')) {
      if (token.subjectKind !== 'reviewer') {
        if (rule.kind === 'reviewer' && rule.partnerDenial === 'permission' && token.partnerAccountId) {
          throw new DomainError(
            'ORG_PERMISSION_DENIED',
            'Partners cannot perform this action; ask your partner development manager (PDM).',
          );
        }
        throw new DomainError('AUTH_TOKEN_TYPE_NOT_ALLOWED', 'This API must be called with a reviewer token');
      }
      const actor = await this.reviewerActor(token);
      if (rule.kind === 'reviewer' && !actor.roles.some((r) => r === 'admin' || rule.roles.includes(r))) {
        throw new DomainError('REVIEWER_ROLE_REQUIRED', undefined, { required_roles: rule.roles });
      }
      this.throttle.check(`reviewer:${token.subjectId}`, operation);
      req.ctx = req.ctx.withActor(actor);
      return true;
    }

    if (token.subjectKind === 'reviewer' || token.subjectKind === 'personal' || !token.partnerAccountId) {
      throw new DomainError('AUTH_TOKEN_TYPE_NOT_ALLOWED', 'This API must be called with a partner token');
    }
    const memberId = token.subjectKind === 'org_member' ? token.subjectId : null;
    const principal = await this.partners.resolve(token.partnerAccountId, memberId);
    if (!principal) throw new DomainError('AUTH_TOKEN_INVALID');
    if (rule.kind !== 'any_token') {
      if (principal.notActiveError && !rule.allowNotOnboarded) throw principal.notActiveError;
      if (rule.kind === 'partner_admin' && memberId !== null) throw new DomainError('ORG_ADMIN_REQUIRED');
      if (rule.kind === 'permission' && !principal.permissions.has(rule.key)) {
        throw new DomainError('ORG_PERMISSION_DENIED', undefined, { permission: rule.key });
      }
      if (rule.kind === 'any_permission' && !rule.keys.some((k) => principal.permissions.has(k))) {
        throw new DomainError('ORG_PERMISSION_DENIED', undefined, { permissions: rule.keys });
      }
      // org.md ORG-005: a member without any role (hence no permission at all) gets 403 on every API
      if (rule.kind === 'any_partner' && memberId !== null && principal.permissions.size === 0) {
        throw new DomainError('ORG_PERMISSION_DENIED');
      }
    }
    this.throttle.check(`partner:${token.subjectId}`, operation);
    req.ctx = req.ctx.withActor(
      {
        kind: 'partner',
        partnerAccountId: token.partnerAccountId,
        memberId,
        site: principal.site,
        tokenId: token.id,
      },
      principal.permissions,
    );
    return true;
  }

  private async reviewerActor(token: ApiToken): Promise<Extract<Actor, { kind: 'reviewer' }>> {
    const reviewer = await this.reviewers.resolve(token.subjectId);
    if (!reviewer) throw new DomainError('AUTH_TOKEN_INVALID');
    return {
      kind: 'reviewer',
      reviewerId: token.subjectId,
      email: reviewer.email,
      roles: reviewer.roles,
      flags: reviewer.flags,
      tokenId: token.id,
    };
  }
}
