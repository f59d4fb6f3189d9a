/** Baseline solutions, offerings and ecosystem special programs (build.md BUILD-020…BUILD-036), spread into BuildModule. */
import type { Provider, Type } from '@nestjs/common';
import { BASELINE_FACTS, type BaselineFacts } from '../build.contracts.js';

const NOT_YET: BaselineFacts = { get: async () => null, jointOfferings: async () => [] };

export const BASELINE_CONTROLLERS: Type[] = [];
export const BASELINE_PROVIDERS: Provider[] = [{ provide: BASELINE_FACTS, useValue: NOT_YET }];
export const BASELINE_EXPORTS: Array<Type | symbol> = [BASELINE_FACTS];
export const BASELINE_ENTITIES: Type[] = [];
