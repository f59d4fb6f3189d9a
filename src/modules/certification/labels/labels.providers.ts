/**
 * Capability labels (certification-labels.md LABEL-*): controllers, providers, exports and entities, spread into
 * CertificationModule.
 */
import type { Provider, Type } from '@nestjs/common';
import { CAPABILITY_LABEL_READER, type CapabilityLabelReader } from './label-reader.js';

const NO_LABELS: CapabilityLabelReader = { listValid: async () => [] };

export const LABEL_CONTROLLERS: Type[] = [];
export const LABEL_PROVIDERS: Provider[] = [{ provide: CAPABILITY_LABEL_READER, useValue: NO_LABELS }];
export const LABEL_EXPORTS: Array<Type | symbol> = [CAPABILITY_LABEL_READER];
export const LABEL_ENTITIES: Type[] = [];
