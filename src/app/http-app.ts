import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../kernel/errors.js';
import { composition } from './composition.js';
import { clientErrorResponse, errorHandler } from '../kernel/error-handler.js';
import { ReferenceCache } from '../kernel/reference-cache.js';
import { withRequestMemo } from '../kernel/request-memo.js';
import { healthRoutes } from './health.routes.js';
import { registerOpenApi } from './openapi.js';
import type { App, Deps } from '../kernel/http.js';
import { registerWeb, WEB_DIR } from './web.js';
import { watchRouteAccess } from './route-access.js';

// Validation messages reach officers and citizens: Vietnamese.
z.config(z.locales.vi());

/** Request ids from a load balancer are kept (tracing across hops) if they look sane. */
const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    // No personal data in logs: no bodies, no query strings (they may carry a CCCD), no IPs,
    // no cookies or tokens.
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        method: req.method,
        path: req.url.split('?')[0],
        id: req.id,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
  };
}

export async function buildApp(deps: Deps): Promise<App> {
  const app = Fastify({
    logger: loggerOptions(deps.env.NODE_ENV === 'test' ? 'silent' : deps.env.LOG_LEVEL),
    trustProxy: deps.env.TRUST_PROXY,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    // Errors Fastify raises before routing (a URL that is not valid percent-encoding, a bad
    // Content-Type header) get the same error shape as every other refusal.
    frameworkErrors: (error, request, reply) => errorHandler(error, request, reply),
    clientErrorHandler: (error, socket) => {
      if (socket.writable) socket.end(clientErrorResponse(error));
      else socket.destroy(error);
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // Reference data is read once per request, and once per change across requests (kernel/request-memo.ts).
  const referenceCache = new ReferenceCache();
  app.addHook('onRequest', (_request, _reply, done) => withRequestMemo(done, referenceCache));
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // A route without its access rule stops the start (route-access.ts).
  watchRouteAccess(app);
  await app.register(cookie);
  await registerOpenApi(app);
  for (const m of composition.modules) m.httpHooks?.(app, deps);
  healthRoutes(app, deps);
  for (const m of composition.modules) m.routes?.(app, deps);

  const hasWeb = await registerWeb(app);
  app.setNotFoundHandler((request, reply) => {
    // The simulators' paths (/sim/…) are peers' APIs and pages served by their own routes, never
    // client-side routes of the web app: a missing one is a 404, not index.html.
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/sim/');
    if (isPage && hasWeb) return reply.type('text/html').sendFile('index.html', WEB_DIR);
    throw new AppError('ROUTE_NOT_FOUND', { method: request.method, path: request.url.split('?')[0] });
  });
  return app;
}
