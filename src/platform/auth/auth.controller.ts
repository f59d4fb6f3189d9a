import { Body, Controller, Delete, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import {
  AnyToken,
  AuthService,
  FieldErrorCode,
  Public,
  presentedToken,
  type IssuedToken,
} from '../../../libs/auth/index.js';
import { DomainError } from '../../../libs/errors/index.js';

export class TokenRequestDto {
  @IsOptional()
  @IsString()
  @MaxLength(64)
  account?: string;

  @IsOptional()
  @IsString()
  @MaxLength(32)
  member?: string;

  @IsOptional()
  @IsString()
  @MaxLength(254)
  reviewer?: string;

  /** a personal account (an individual's own Huawei account name), e.g. to accept a link invitation */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  personal?: string;

  @IsOptional()
  @IsString()
  @MaxLength(256)
  password?: string;

  /** the vendor IAM form: `{ auth: { identity: { methods: ["password"], password: { user: { name, password, domain: { name } } } } } }` */
  @IsOptional()
  @IsObject()
  auth?: Record<string, unknown>;
}

type Login = {
  kind: 'partner_admin' | 'org_member' | 'reviewer' | 'personal';
  login: string;
  password: string;
  /** the vendor IAM form: the response carries the vendor's `token` object too */
  vendor: { userName: string; domainName: string } | null;
};

function parseLogin(dto: TokenRequestDto): Login {
  const fail = (field: string): never => {
    throw new DomainError('AUTH_FIELD_INVALID', `Invalid parameter: ${field} is required`, { field });
  };
  if (dto.auth) {
    const identity = (dto.auth as { identity?: unknown }).identity as
      { methods?: unknown; password?: { user?: unknown } } | null | undefined;
    const methods = identity?.methods;
    if (methods !== undefined && !(Array.isArray(methods) && methods.includes('password'))) {
      fail('auth.identity.methods');
    }
    const rawUser = identity?.password?.user;
    const user = (rawUser && typeof rawUser === 'object' ? rawUser : {}) as Record<string, unknown>;
    const name =
      typeof user.name === 'string' && user.name ? user.name : fail('auth.identity.password.user.name');
    const password =
      typeof user.password === 'string' ? user.password : fail('auth.identity.password.user.password');
    const domainName = (user.domain as { name?: unknown } | null | undefined)?.name;
    const domain = typeof domainName === 'string' && domainName ? domainName : name;
    const vendor = { userName: name, domainName: domain };
    return domain.toLowerCase() === name.toLowerCase()
      ? { kind: 'partner_admin', login: name, password, vendor }
      : { kind: 'org_member', login: `${domain}/${name}`, password, vendor };
  }
  const password = dto.password ?? fail('password');
  if (dto.reviewer) return { kind: 'reviewer', login: dto.reviewer, password, vendor: null };
  if (dto.personal) return { kind: 'personal', login: dto.personal, password, vendor: null };
  const account = dto.account ?? fail('account');
  if (dto.member) return { kind: 'org_member', login: `${account}/${dto.member}`, password, vendor: null };
  return { kind: 'partner_admin', login: account, password, vendor: null };
}

/**
 * The simple form answers `{ token, token_type, issued_at, expires_at, user }`; the vendor IAM form answers
 * the vendor's `{ token: { issued_at, expires_at, user: { id, name, domain: { id, name } }, token_type } }`
 * (api.md "Key payloads") with `token_type`, `issued_at` and `expires_at` repeated at the top level.
 */
function tokenBody(t: IssuedToken, vendor: Login['vendor']): Record<string, unknown> {
  const common = {
    token_type:
      t.subjectKind === 'reviewer' ? 'reviewer' : t.subjectKind === 'personal' ? 'personal' : 'partner',
    issued_at: t.issuedAt.toISOString(),
    expires_at: t.expiresAt.toISOString(),
  };
  if (vendor) {
    return {
      token: {
        ...common,
        user: {
          id: t.subjectId,
          name: vendor.userName,
          domain: { id: t.partnerAccountId, name: vendor.domainName },
        },
      },
      ...common,
    };
  }
  return {
    token: t.token,
    ...common,
    user: {
      id: t.subjectId,
      kind: t.subjectKind,
      partner_account_id: t.partnerAccountId,
    },
  };
}

/**
 * Token endpoint (api.md API-007…API-009; the foundation issue's simple form and the vendor IAM form).
 * 201 with the token in `X-Subject-Token` and the body; 401 AUTH_CREDENTIALS_INVALID; 429 after repeated failures.
 */
@ApiTags('auth')
@FieldErrorCode('AUTH_FIELD_INVALID')
@Controller('api/v1/auth/tokens')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post()
  @Public()
  async issue(@Body() dto: TokenRequestDto, @Res({ passthrough: true }) res: Response) {
    const l = parseLogin(dto);
    const issued = await this.auth.login(l.kind, l.login, l.password);
    res.setHeader('X-Subject-Token', issued.token);
    return tokenBody(issued, l.vendor);
  }

  /** Revokes the presented token (logout), whatever its type. */
  @Delete()
  @HttpCode(204)
  @AnyToken()
  async revoke(@Req() req: Request): Promise<void> {
    await this.auth.revoke(presentedToken(req) ?? '');
  }
}
