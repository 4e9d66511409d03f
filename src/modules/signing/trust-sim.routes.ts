/**
 * The demo trust services over HTTP, as relying parties outside MotCua would reach a CA and a
 * TSA: the root and subordinate certificates (to install as trusted in a PDF reader), each CA's
 * CRL and OCSP responder (named in every certificate it issues when PUBLIC_URL is set; the root's
 * answer for the subordinate CA), and the
 * RFC 3161 endpoint (application/timestamp-query → application/timestamp-reply). No keys here.
 */
import type { App, Deps } from '../../kernel/http.js';
import { certificateDer } from './pki.js';

export function trustSimRoutes(app: App, deps: Deps): void {
  const trust = deps.services.trust;
  const certificate = (pick: 'root' | 'sub') => async (_request: unknown, reply: import('fastify').FastifyReply) => {
    const t = await trust.get();
    const cert = pick === 'root' ? t.trustAnchors[0]! : t.intermediates[0]!;
    return reply.header('content-type', 'application/pkix-cert').send(certificateDer(cert));
  };
  app.get('/sim/ca/root.crt', { schema: { hide: true } }, certificate('root'));
  app.get('/sim/ca/sub.crt', { schema: { hide: true } }, certificate('sub'));
  for (const [path, ca] of [
    ['/sim/ca/sub.crl', 'subordinate'],
    ['/sim/ca/root.crl', 'root'],
  ] as const)
    app.get(path, { schema: { hide: true } }, async (_request, reply) =>
      reply.header('content-type', 'application/pkix-crl').send(await (await trust.get()).publishedCrl(ca)),
    );
  app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/timestamp-query',
      { parseAs: 'buffer', bodyLimit: 64 * 1024 },
      (_r, body, done) => done(null, body),
    );
    // OCSP over HTTP POST (RFC 6960 Appendix A.1): the responder named in every certificate the sub CA issues.
    scope.addContentTypeParser(
      'application/ocsp-request',
      { parseAs: 'buffer', bodyLimit: 64 * 1024 },
      (_r, body, done) => done(null, body),
    );
    for (const [path, ca] of [
      ['/sim/ca/ocsp', 'subordinate'],
      ['/sim/ca/root-ocsp', 'root'],
    ] as const)
      scope.post(path, { schema: { hide: true } }, async (request, reply) => {
        const answer = await (await trust.get()).ocspRespond(request.body as Buffer, ca);
        return reply.header('content-type', 'application/ocsp-response').send(answer);
      });
    scope.post('/sim/tsa', { schema: { hide: true } }, async (request, reply) => {
      const answer = await (await trust.get()).tsa.respond(request.body as Buffer);
      return reply.header('content-type', 'application/timestamp-reply').send(answer);
    });
  });
}
