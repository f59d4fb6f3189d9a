/**
 * CTSP project occupancy of project specialists (ORG-036; FAQ 13.1.1–13.1.3). The delivery module owns
 * `SpecialistOccupation` (delivery-support.md) and does not exist yet; until it binds its own adapter to this
 * token, the in-process adapter reports "not occupied" unless a test sets an occupation:
 * `PUT /api/v1/admin/test/fakes/specialist-occupancy` with `{ "personal_account_id": "…", "project_id": "…" }`
 * (`project_id: null` releases it).
 */
import { Injectable } from '@nestjs/common';
import type { ConfigurableFake } from '../../../../libs/testing/index.js';

export interface SpecialistOccupancyPort {
  /** the CTSP project occupying this personal account as a specialist of the partner, or null */
  occupiedProjectId(partnerAccountId: string, personalAccountId: string): Promise<string | null>;
}

export const SPECIALIST_OCCUPANCY_PORT = Symbol('SPECIALIST_OCCUPANCY_PORT');

@Injectable()
export class InProcessSpecialistOccupancy implements SpecialistOccupancyPort, ConfigurableFake {
  readonly portName = 'SpecialistOccupancyPort';
  private readonly occupied = new Map<string, string>();

  async occupiedProjectId(_partnerAccountId: string, personalAccountId: string): Promise<string | null> {
    return this.occupied.get(personalAccountId) ?? null;
  }

  configure(body: Record<string, unknown>): void {
    const person = body.personal_account_id;
    if (typeof person !== 'string' || !person) throw new RangeError('personal_account_id is required');
    const project = body.project_id;
    if (project === null || project === undefined) this.occupied.delete(person);
    else if (typeof project === 'string' && project.length <= 36) this.occupied.set(person, project);
    else throw new RangeError('project_id must be a string (≤ 36 chars) or null');
  }

  reset(): void {
    this.occupied.clear();
  }

  describe(): Record<string, unknown> {
    return { occupied: this.occupied.size };
  }
}
