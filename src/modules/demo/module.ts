/** The demo province, accounts and synthetic data (never imported by production code). */
import type { ModuleManifest } from '../../kernel/module.js';

export const demoModule: ModuleManifest = {
  name: 'demo',
  needs: ['calendar', 'catalog', 'dossiers', 'identifiers', 'identity', 'org', 'queue', 'workflows'],
};
