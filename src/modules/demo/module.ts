/** The demo province, accounts, the living demo's traffic and synthetic data (never imported by production code). */
import type { ModuleManifest } from '../../kernel/module.js';

export const demoModule: ModuleManifest = {
  name: 'demo',
  needs: [
    'calendar',
    'catalog',
    'dossiers',
    'eforms',
    'files',
    'identifiers',
    'identity',
    'national-data',
    'org',
    'payments',
    'queue',
    'satisfaction',
    'workflows',
  ],
};
