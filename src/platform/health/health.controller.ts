import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../../../libs/auth/index.js';
import { DomainError } from '../../../libs/errors/index.js';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** Liveness with a database round trip: 200 `{ status: "ok" }`, or 503 SYS_UNAVAILABLE. */
  @Get()
  @Public()
  async check(): Promise<Record<string, string>> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new DomainError('SYS_UNAVAILABLE', 'Database unavailable');
    }
    return { status: 'ok', database: 'up', db_type: String(this.dataSource.options.type) };
  }
}
