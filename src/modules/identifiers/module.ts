/** Identifiers: personal identifier (CCCD), tax code, chip-card QR, dossier codes. */
import type { ModuleManifest } from '../../kernel/module.js';
import { identifierRoutes } from './identifiers.routes.js';

export const identifiersModule: ModuleManifest = {
  name: 'identifiers',
  needs: ['access', 'calendar', 'org'],
  routes: identifierRoutes,
};
