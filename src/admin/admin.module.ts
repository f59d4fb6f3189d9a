import type { DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../../config/app.config.js';

/** AdminJS panel at /admin (placeholder until the admin wiring lands). */
export async function createAdminModule(_cfg: AppConfig): Promise<DynamicModule | undefined> {
  return undefined;
}
