import { Injectable, type OnModuleInit } from '@nestjs/common';
import { FakeRegistry } from '../../../../libs/testing/index.js';
import { InProcessAcademy } from './academy.port.js';
import { InProcessSpecialistOccupancy } from './specialist-occupancy.port.js';

/** Registers the org module's in-process fakes for `PUT /api/v1/admin/test/fakes/{port}`. */
@Injectable()
export class OrgFakes implements OnModuleInit {
  constructor(
    private readonly fakes: FakeRegistry,
    private readonly academy: InProcessAcademy,
    private readonly occupancy: InProcessSpecialistOccupancy,
  ) {}

  onModuleInit(): void {
    this.fakes.register(this.academy, 'academy');
    this.fakes.register(this.occupancy, 'specialist-occupancy');
  }
}
