/**
 * The permission table for the org and info modules (org.md "Permissions", ORG-001, ORG-005, ORG-008, ORG-009,
 * ORG-017; STYLE "Tests"): actor × every endpoint → expected answer, see test/builders/permission-table.ts.
 */
import { describe, expect, it } from '@jest/globals';
import { InfoModule } from '../../../src/modules/info/index.js';
import { OrgModule } from '../../../src/modules/org/index.js';
import { permissionTable } from '../../builders/permission-table.js';

describe('permission table: actor × org and info endpoints (ORG-001 ORG-005 ORG-008 ORG-009 ORG-017)', () => {
  const table = permissionTable({
    modules: () => [OrgModule, InfoModule],
    identity: 'reseller',
    minRoutes: 30,
    mustContain: [
      'POST /api/v1/org/members',
      'PUT /api/v1/org/members/:id/roles',
      'GET /api/v1/org/members/:id/effective-permissions',
      'POST /api/v1/org/roles',
      'PATCH /api/v1/org/roles/:id',
      'PUT /api/v1/org/customer-manager-assignments/:customer_id',
      'GET /api/v1/info/company',
    ],
  });

  it('ORG-017 the same rows by hand: GET /info/company and the member API', async () => {
    const { t } = table;
    const get = (token: string, url: string) => t.http.get(url).set('X-Auth-Token', token);
    const company = (actor: Parameters<typeof table.token>[0]) =>
      get(table.token(actor), '/api/v1/info/company');
    expect((await company('member without role')).body.error_code).toBe('ORG_PERMISSION_DENIED');
    expect((await company('member without the key')).status).toBe(200); // a table 7-1 default
    expect((await company('customer manager only')).status).toBe(200);
    expect((await company('reviewer (operations)')).body.error_code).toBe('AUTH_TOKEN_TYPE_NOT_ALLOWED');
    expect((await t.http.get('/api/v1/info/company')).status).toBe(401);
    const members = await get(table.token('member with admin role'), '/api/v1/org/members');
    expect([members.status, members.body.error_code]).toEqual([403, 'ORG_ADMIN_REQUIRED']);
    expect((await get(table.b.token, '/api/v1/org/members')).body.total_count).toBe(0);
  });
});
