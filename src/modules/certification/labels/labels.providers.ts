/**
 * Capability labels (certification-labels.md LABEL-*): controllers, providers, exports and entities, spread into
 * CertificationModule. `CAPABILITY_LABEL_READER` (LABEL-023) is the real held-label table through
 * PartnerLabelService.
 */
import type { Provider, Type } from '@nestjs/common';
import { LabelsAdminController, LabelsController } from './controllers/labels.controllers.js';
import { LABEL_ENTITY_LIST } from './entities/label.entities.js';
import { CAPABILITY_LABEL_READER } from './label-reader.js';
import { LabelsCron } from './labels.cron.js';
import { InProcessPartnerFinder, PARTNER_FINDER_PORT } from './ports/partner-finder.port.js';
import { LabelCatalogueService } from './services/label-catalogue.service.js';
import { LabelCertificationService } from './services/label-certification.service.js';
import { LabelSettings } from './services/label-settings.js';
import { LabelSlaService } from './services/label-sla.service.js';
import { PartnerLabelService } from './services/partner-label.service.js';

export const LABEL_CONTROLLERS: Type[] = [LabelsController, LabelsAdminController];
export const LABEL_PROVIDERS: Provider[] = [
  LabelSettings,
  InProcessPartnerFinder,
  { provide: PARTNER_FINDER_PORT, useExisting: InProcessPartnerFinder },
  LabelCatalogueService,
  PartnerLabelService,
  LabelCertificationService,
  LabelSlaService,
  LabelsCron,
  { provide: CAPABILITY_LABEL_READER, useExisting: PartnerLabelService },
];
export const LABEL_EXPORTS: Array<Type | symbol> = [
  CAPABILITY_LABEL_READER,
  PartnerLabelService,
  LabelCertificationService,
  LabelCatalogueService,
];
export const LABEL_ENTITIES: Type[] = [...LABEL_ENTITY_LIST];
