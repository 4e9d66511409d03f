/** Documents in the Decree 30/2020 layout: forms (mẫu) as PDF, fonts, Vietnamese formatting. */
import type { ModuleManifest } from '../../kernel/module.js';

export const documentsModule: ModuleManifest = {
  name: 'documents',
  needs: [],
};
