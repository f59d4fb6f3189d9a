/**
 * The React components of the panel (src/admin/components/*.jsx), bundled for the browser by AdminJS.
 * Shared by the server (admin.module.ts) and the production pre-bundle (scripts/admin-bundle.ts), which must
 * register the same components so the bundle matches. The .jsx files are read from the source tree (they are
 * not compiled by tsc), found from the project root.
 */
import './admin-env.js';
import { join } from 'node:path';
import { ComponentLoader } from 'adminjs';
import { projectRoot } from './admin-env.js';

export interface AdminComponents {
  loader: ComponentLoader;
  dashboard: string;
  recordDecision: string;
}

export function createAdminComponents(): AdminComponents {
  const loader = new ComponentLoader();
  const dir = join(projectRoot(), 'src', 'admin', 'components');
  return {
    loader,
    dashboard: loader.add('OpcDashboard', join(dir, 'dashboard.jsx')),
    recordDecision: loader.add('OpcRecordDecision', join(dir, 'record-decision.jsx')),
  };
}
