/**
 * The permission table for the certification, build and opportunity modules (certification-paths.md,
 * certification-labels.md, build.md and opportunity.md "Permissions"; GLOSSARY convention 1): actor × every
 * endpoint → expected answer (test/builders/permission-table.ts). Run twice: for path partners (the path-only
 * keys such as `build.solution.view`, ORG-015) and for reseller partners (the reseller-only keys).
 */
import { describe, expect, it } from '@jest/globals';
import { BuildModule } from '../../../src/modules/build/index.js';
import { CertificationModule } from '../../../src/modules/certification/index.js';
import { OpportunityModule } from '../../../src/modules/opportunity/index.js';
import { permissionTable } from '../../builders/permission-table.js';

const modules = () => [CertificationModule, BuildModule, OpportunityModule];
const mustContain = [
  'POST /api/v1/paths/memberships',
  'POST /api/v1/paths/memberships/:id/exit',
  'POST /api/v1/solutions',
  'POST /api/v1/admin/opportunities/:id/withdraw',
];

describe('permission table: actor × certification, build and opportunity endpoints, path partners', () => {
  const table = permissionTable({ modules, identity: 'path', minRoutes: 80, mustContain });

  it('OPP-064 a partner calling the reviewer withdraw action is told to ask its PDM (403 ORG_PERMISSION_DENIED)', async () => {
    const res = await table.t.http
      .post(`/api/v1/admin/opportunities/00000000-0000-4000-8000-000000000000/withdraw`)
      .set('X-Auth-Token', table.a.token)
      .send({ reason: 'mistake' });
    expect([res.status, res.body.error_code]).toEqual([403, 'ORG_PERMISSION_DENIED']);
  });
});

describe('permission table: actor × certification, build and opportunity endpoints, reseller partners', () => {
  permissionTable({ modules, identity: 'reseller', minRoutes: 80, mustContain });
});
