/**
 * Signing and trust services: the demo CA hierarchy, CRL and RFC 3161 TSA; agency seal keys
 * through a key store (and their rotation by the administrator); PAdES-B-T signing; validation of
 * signed PDFs (docs/ARCHITECTURE.md "Signing").
 */
import type { ModuleManifest } from '../../kernel/module.js';
import { SIGNING_ERRORS } from './signing.errors.js';
import { trustFromEnv } from './trust.config.js';
import { remoteSigningFromEnv } from './remote-signing.config.js';
import { remoteSigningSimRoutes } from './remote-signing-sim.routes.js';
import { sealAdminRoutes } from './seal-admin.routes.js';
import { trustSimRoutes } from './trust-sim.routes.js';
import { verificationRoutes } from './verification.routes.js';

export const signingModule: ModuleManifest = {
  name: 'signing',
  needs: ['access', 'audit', 'documents', 'org'],
  errors: [SIGNING_ERRORS],
  provides: (env) => {
    const trust = trustFromEnv(env);
    return { trust, remoteSigning: remoteSigningFromEnv(env, trust) };
  },
  routes(app, deps) {
    // Generated on the first start, not on the first signature.
    void deps.services.trust
      .get()
      .catch((error: unknown) => app.log.error({ err: error }, 'trust services unavailable'));
    trustSimRoutes(app, deps);
    remoteSigningSimRoutes(app, deps);
    verificationRoutes(app, deps);
    sealAdminRoutes(app, deps);
  },
};
