import { Module } from '@nestjs/common';
import { InfoModule } from '../../modules/info/index.js';
import { OrgModule } from '../../modules/org/index.js';
import { PersonalAccountsTestHookController } from './personal-accounts.controller.js';
import { TestHooksController } from './test-hooks.controller.js';

/** Imported by AppModule only when TEST_HOOKS=true (never in production: config refuses it). */
@Module({
  imports: [InfoModule, OrgModule],
  controllers: [TestHooksController, PersonalAccountsTestHookController],
})
export class TestHooksModule {}
