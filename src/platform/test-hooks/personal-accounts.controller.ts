/**
 * Test hook: registers a personal Huawei account (an individual's own account, org.md "Personal account") as
 * the account center would report it — type, real-name status, site, partner flag, e-mail — with its login
 * (`POST /api/v1/auth/tokens` with `{ "personal": "<tenant_name>", "password": "…" }`). TEST_HOOKS=true only.
 */
import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Ctx, FieldErrorCode, TestHook } from '../../../libs/auth/index.js';
import type { RequestContext } from '../../../libs/context/index.js';
import { PersonalAccountService, TestPersonalAccountDto } from '../../modules/org/index.js';

@ApiTags('test hooks (TEST_HOOKS=true only)')
@FieldErrorCode('ORG_FIELD_INVALID')
@Controller('api/v1/admin/test')
export class PersonalAccountsTestHookController {
  constructor(private readonly personalAccounts: PersonalAccountService) {}

  @Post('personal-accounts')
  @TestHook()
  create(@Ctx() ctx: RequestContext, @Body() dto: TestPersonalAccountDto) {
    return this.personalAccounts.register(ctx, {
      tenantName: dto.tenant_name,
      huaweiAccountName: dto.huawei_account_name ?? null,
      huaweiCloudAccountId: dto.huawei_cloud_account_id ?? null,
      password: dto.password,
      site: dto.site ?? 'cn',
      accountType: dto.account_type ?? 'personal',
      realnameStatus: dto.realname_status ?? 'personal',
      isPartnerAccount: dto.is_partner_account ?? false,
      email: dto.email ?? null,
      uniportalId: dto.uniportal_id ?? null,
    });
  }
}
