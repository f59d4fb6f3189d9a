/**
 * The committed openapi.json is the document the code builds (routes of a start without test hooks), and every
 * operation declares its access rule as `x-permission`. After changing an endpoint: `npm run openapi`.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApiJson, type Json } from '../../../scripts/openapi-json.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';

const COMMITTED = join(dirname(fileURLToPath(import.meta.url)), '../../../openapi.json');
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

type Paths = Record<string, Record<string, { [key: string]: Json }>>;

function operations(doc: { paths?: Paths }): string[] {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((m) => METHODS.includes(m))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );
}

describe('OpenAPI document', () => {
  let t: TestApp;
  let built: string;
  beforeAll(async () => {
    t = await createTestApp({ TEST_HOOKS: 'false', NODE_ENV: 'development' });
    built = openApiJson(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  it('equals the committed openapi.json', async () => {
    const committed = await readFile(COMMITTED, 'utf8').catch(() => '');
    if (committed !== built) {
      const now = new Set(operations(JSON.parse(built) as { paths?: Paths }));
      const before = new Set(committed ? operations(JSON.parse(committed) as { paths?: Paths }) : []);
      const added = [...now].filter((o) => !before.has(o));
      const removed = [...before].filter((o) => !now.has(o));
      throw new Error(
        `openapi.json is out of date with the code: run npm run openapi (and commit openapi.json).` +
          (added.length ? `\n  not in openapi.json: ${added.join(', ')}` : '') +
          (removed.length ? `\n  no longer in the code: ${removed.join(', ')}` : '') +
          (!added.length && !removed.length ? '\n  (same operations; schemas or descriptions differ)' : ''),
      );
    }
    expect(committed).toBe(built);
  });

  it('gives every operation an x-permission', () => {
    const doc = JSON.parse(built) as { paths: Paths };
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(0);
    const missing = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([m, op]) => METHODS.includes(m) && !op['x-permission'])
        .map(([m]) => `${m.toUpperCase()} ${path}`),
    );
    expect(missing).toEqual([]);
  });

  it('leaves out the routes mounted only with TEST_HOOKS=true', async () => {
    const withHooks = await createTestApp({ TEST_HOOKS: 'true' });
    let hookOps: string[];
    try {
      const all = operations(JSON.parse(openApiJson(withHooks.app)) as { paths?: Paths });
      const without = new Set(operations(JSON.parse(built) as { paths?: Paths }));
      hookOps = all.filter((o) => !without.has(o));
    } finally {
      await withHooks.close();
    }
    expect(hookOps.length).toBeGreaterThan(0);
    const committed = await readFile(COMMITTED, 'utf8').catch(() => '{}');
    const inFile = new Set(operations(JSON.parse(committed) as { paths?: Paths }));
    expect(hookOps.filter((o) => inFile.has(o))).toEqual([]);
  });
});
