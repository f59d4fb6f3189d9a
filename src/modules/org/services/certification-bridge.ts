/**
 * The org module's side of the certification module's collaborators (certification-paths.md "External systems":
 * `CountedPersonReader` — org.md counted persons; PATH-023 path-exit effects): certification sits below org, so
 * org registers its reader at start-up and reacts to certification's `path_membership.exited` event.
 *   - counted persons: `active` project specialists of the path on the account with their certificates that are
 *     counted (ORG-029: valid and approved / synchronised) and not past `valid_to` on the evaluation date;
 *   - path exit: every open project-specialist record of that path on the account → `cancelled` (reason
 *     `path_exited`).
 */
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { WorkingDayCalendar } from '../../../../libs/calendar/index.js';
import { Clock } from '../../../../libs/clock/index.js';
import { RequestContext } from '../../../../libs/context/index.js';
import { type DomainEvent, DomainEventBus } from '../../../../libs/events/index.js';
import {
  type CertificateLevel,
  CertificationCollaborators,
  type CountedPerson,
  type CountedPersonReader,
  type DevelopmentPath,
  PATH_MEMBERSHIP_EXITED_EVENT,
  type PathMembershipExitedPayload,
} from '../../certification/index.js';
import { isValidOn, levelOf } from '../domain/certificates.js';
import {
  PersonalCertificate,
  ProjectSpecialist,
  type SpecialistPath,
} from '../entities/personal.entities.js';
import { SpecialistService } from './specialist.service.js';

const PROFESSIONAL = new Set(['HCSA', 'HCSP']);

@Injectable()
export class OrgCertificationBridge implements CountedPersonReader, OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly collaborators: CertificationCollaborators,
    private readonly bus: DomainEventBus,
    private readonly specialists: SpecialistService,
    private readonly clock: Clock,
    @Inject(WorkingDayCalendar) private readonly calendar: WorkingDayCalendar,
  ) {}

  onModuleInit(): void {
    this.collaborators.registerCountedPersonReader(this);
    this.bus.on(PATH_MEMBERSHIP_EXITED_EVENT, (e) => this.onPathExited(e));
  }

  async list(partnerAccountId: string, path: DevelopmentPath, at: Date): Promise<CountedPerson[]> {
    const specialists = await this.dataSource.getRepository(ProjectSpecialist).find({
      where: { partnerAccountId, path, status: 'active' },
      order: { activeSince: 'ASC', id: 'ASC' },
    });
    if (!specialists.length) return [];
    const today = this.calendar.localDate(at);
    const ids = [...new Set(specialists.map((s) => s.personalAccountId))];
    const certs = await this.dataSource
      .getRepository(PersonalCertificate)
      .find({ where: { personalAccountId: In(ids), status: 'valid' } });
    return ids.map((personalAccountId) => ({
      personalAccountId,
      certificates: certs
        .filter((c) => c.personalAccountId === personalAccountId && isValidOn(c, today))
        .map((c) => ({
          family: c.family,
          name: `${c.family}-${c.track}`,
          level: (levelOf(c.family) ?? (PROFESSIONAL.has(c.family) ? 'professional' : 'other')) as
            CertificateLevel | 'professional' | 'other',
          validUntil: c.validTo,
        })),
    }));
  }

  private async onPathExited(e: DomainEvent): Promise<void> {
    const p = e.payload as unknown as PathMembershipExitedPayload;
    if (!p.partner_account_id || !p.path) return;
    await this.specialists.cancelOpenRecordsOfPath(
      RequestContext.system(this.clock, 'certification.path_exited'),
      p.partner_account_id,
      p.path as SpecialistPath,
      'path_exited',
    );
  }
}
