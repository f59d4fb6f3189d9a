import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { ReviewerRoles } from '../../../libs/auth/index.js';
import { JobRegistry, JobRun } from '../../../libs/scheduling/index.js';

/** Operations see every scheduled job with its schedule and last run. */
@ApiTags('admin: jobs')
@Controller('api/v1/admin/jobs')
export class JobsController {
  constructor(
    private readonly registry: JobRegistry,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  @ReviewerRoles('operations')
  async list() {
    const runs = this.dataSource.getRepository(JobRun);
    const items = [];
    for (const job of this.registry.list()) {
      const last = await runs.findOne({
        where: { jobName: job.name },
        order: { startedAt: 'DESC', id: 'DESC' },
      });
      items.push({
        job: job.name,
        description: job.description,
        schedule: job.schedule,
        last_run: last
          ? { status: last.status, started_at: last.startedAt.toISOString(), summary: last.summary }
          : null,
      });
    }
    return { total_count: items.length, items };
  }
}
