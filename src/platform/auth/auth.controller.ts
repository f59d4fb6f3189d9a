import { Body, Controller, Delete, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import {
  AnyPartner,
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

  @IsOptional()
  @IsString()
  @MaxLength(256)
  password?: string;

  /** the vendor IAM form: `{ auth: { identity: { methods: ["password"], password: { user: { name, password, domain: { name } } } } } }` */
  @IsOptional()
  @IsObject()
  auth?: Record<string, unknown>;
}

type Login = { kind: 'partner_admin' | 'org_member' | 'reviewer'; login: string; password: string };

function parseLogin(dto: TokenRequestDto): Login {
  const fail = (field: string): never => {
    throw new DomainError('AUTH_FIELD_INVALID', `Invalid parameter: ${field} is required`, { field });
  };
  if (dto.auth) {
    const user = (
      dto.auth as { identity?: { methods?: unknown; password?: { user?: Record<string, unknown> } } }
    ).identity?.password?.user;
    const name = typeof user?.name === 'string' ? user.name : fail('auth.identity.password.user.name');
    const password =
      typeof user?.password === 'string' ? user.password : fail('auth.identity.password.user.password');
    const domainName = (user?.domain as { name?: unknown } | undefined)?.name;
    const domain = typeof domainName === 'string' ? domainName : name;
    return domain.toLowerCase() === name.toLowerCase()
      ? { kind: 'partner_admin', login: name, password }
      : { kind: 'org_member', login: `${domain}/${name}`, password };
  }
  const password = dto.password ?? fail('password');
  if (dto.reviewer) return { kind: 'reviewer', login: dto.reviewer, password };
  const account = dto.account ?? fail('account');
  if (dto.member) return { kind: 'org_member', login: `${account}/${dto.member}`, password };
  return { kind: 'partner_admin', login: account, password };
}

function tokenBody(t: IssuedToken): Record<string, unknown> {
  return {
    token: t.token,
    token_type: t.subjectKind === 'reviewer' ? 'reviewer' : 'partner',
    issued_at: t.issuedAt.toISOString(),
    expires_at: t.expiresAt.toISOString(),
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
    return tokenBody(issued);
  }

  /** Revokes the presented token (logout). */
  @Delete()
  @HttpCode(204)
  @AnyPartner({ allowNotOnboarded: true })
  async revoke(@Req() req: Request): Promise<void> {
    await this.auth.revoke(presentedToken(req) ?? '');
  }
}
