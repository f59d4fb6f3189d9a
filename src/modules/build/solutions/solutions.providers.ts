/** Solutions and software certification (build.md BUILD-001…BUILD-019), spread into BuildModule. */
import type { Provider, Type } from '@nestjs/common';
import { SOLUTION_FACTS, type SolutionFacts } from '../build.contracts.js';

const NOT_YET: SolutionFacts = {
  get: async () => null,
  issueEcosystemTechnicalCertification: async () => {
    throw new Error('solution certifications are not implemented yet');
  },
};

export const SOLUTION_CONTROLLERS: Type[] = [];
export const SOLUTION_PROVIDERS: Provider[] = [{ provide: SOLUTION_FACTS, useValue: NOT_YET }];
export const SOLUTION_EXPORTS: Array<Type | symbol> = [SOLUTION_FACTS];
export const SOLUTION_ENTITIES: Type[] = [];
