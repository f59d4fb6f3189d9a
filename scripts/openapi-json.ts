/**
 * The committed form of the OpenAPI document (openapi.json): object keys sorted at every level, 2-space indent,
 * trailing newline — shared by scripts/write-openapi.ts and the sync test (test/e2e/platform/openapi.e2e-spec.ts).
 */
import type { INestApplication } from '@nestjs/common';
import { buildOpenApi } from '../src/app.factory.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSON value with the keys of every object in code-point order (arrays keep their order). */
export function sortKeys(value: unknown): Json {
  if (Array.isArray(value)) return value.map((v) => sortKeys(v));
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value as Json;
}

export function stableJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(JSON.parse(JSON.stringify(value))), null, 2)}\n`;
}

export function openApiJson(app: INestApplication): string {
  return stableJson(buildOpenApi(app));
}
