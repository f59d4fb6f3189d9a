import { Module } from '@nestjs/common';
import { InfoModule } from '../../modules/info/index.js';
import { TestHooksController } from './test-hooks.controller.js';

/** Imported by AppModule only when TEST_HOOKS=true (never in production: config refuses it). */
@Module({ imports: [InfoModule], controllers: [TestHooksController] })
export class TestHooksModule {}
