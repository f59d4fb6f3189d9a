/**
 * Wiring of the personal-account part of the org module (linking, certificates, specialists), spread into
 * OrgModule so the module file stays small.
 */
import type { Provider, Type } from '@nestjs/common';
import {
  AdminCertificatesController,
  AdminSpecialistsController,
  LinksController,
  PersonalAccountController,
  SpecialistsController,
} from './controllers/personal.controllers.js';
import { OrgDeregistrationListener } from './listeners/deregistration.listener.js';
import { OrgCron } from './org.cron.js';
import { ACADEMY_CERTIFICATE_PORT, InProcessAcademy } from './ports/academy.port.js';
import { OrgFakes } from './ports/org-fakes.js';
import {
  InProcessSpecialistOccupancy,
  SPECIALIST_OCCUPANCY_PORT,
} from './ports/specialist-occupancy.port.js';
import { CertificateService } from './services/certificate.service.js';
import { LinkService } from './services/link.service.js';
import { PersonalAccountService } from './services/personal-account.service.js';
import { SpecialistService } from './services/specialist.service.js';

export const PERSONAL_CONTROLLERS: Type[] = [
  LinksController,
  PersonalAccountController,
  SpecialistsController,
  AdminSpecialistsController,
  AdminCertificatesController,
];

export const PERSONAL_PROVIDERS: Provider[] = [
  PersonalAccountService,
  LinkService,
  SpecialistService,
  CertificateService,
  InProcessAcademy,
  { provide: ACADEMY_CERTIFICATE_PORT, useExisting: InProcessAcademy },
  InProcessSpecialistOccupancy,
  { provide: SPECIALIST_OCCUPANCY_PORT, useExisting: InProcessSpecialistOccupancy },
  OrgFakes,
  OrgDeregistrationListener,
  OrgCron,
];

export const PERSONAL_EXPORTS = [
  PersonalAccountService,
  LinkService,
  SpecialistService,
  CertificateService,
  SPECIALIST_OCCUPANCY_PORT,
];
