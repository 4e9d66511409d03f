import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditRoutes } from '../../modules/audit/audit.routes.js';
import { calendarRoutes } from '../../modules/calendar/calendar.routes.js';
import { catalogIoRoutes } from '../../modules/catalog/catalog-io.routes.js';
import { catalogRoutes } from '../../modules/catalog/catalog.routes.js';
import { dossierRoutes } from '../../modules/dossiers/dossiers.routes.js';
import { datastoreRoutes } from '../../modules/datastore/datastore.routes.js';
import { publicLookupRoutes } from '../../modules/dossiers/public-lookup.routes.js';
import { trackingBookRoutes } from '../../modules/dossiers/tracking-book.routes.js';
import { feedbackPublicRoutes } from '../../modules/feedback/feedback-public.routes.js';
import { feedbackRoutes } from '../../modules/feedback/feedback.routes.js';
import { fileRoutes } from '../../modules/files/files.routes.js';
import { identifierRoutes } from '../../modules/identifiers/identifiers.routes.js';
import { jobsRoutes } from '../../modules/jobs/jobs.routes.js';
import { kpiRoutes } from '../../modules/kpi/kpi.routes.js';
import { kpiInsightRoutes } from '../../modules/kpi/insights.routes.js';
import { kpiReportRoutes } from '../../modules/kpi/reports.routes.js';
import { kpiPublicRoutes } from '../../modules/kpi/kpi-public.routes.js';
import { authRoutes } from '../../modules/identity/auth.routes.js';
import { userRoutes } from '../../modules/identity/users.routes.js';
import { unitRoutes } from '../../modules/org/units.routes.js';
import { queuePublicRoutes } from '../../modules/queue/queue-public.routes.js';
import { queueRoutes } from '../../modules/queue/queue.routes.js';
import { paymentRoutes } from '../../modules/payments/payments.routes.js';
import { paygovSimRoutes } from '../../modules/payments/paygov-sim.routes.js';
import { dvcqgSimRoutes } from '../../modules/national-portal/dvcqg-sim.routes.js';
import { ndxpSimRoutes } from '../../modules/national-data/ndxp-sim.routes.js';
import { nationalPortalRoutes } from '../../modules/national-portal/national-portal.routes.js';
import { satisfactionRoutes } from '../../modules/satisfaction/satisfaction.routes.js';
import { workflowRoutes } from '../../modules/workflows/workflows.routes.js';
import { AppError } from '../errors.js';
import { FILE_ACCESS } from '../file-access.js';
import { PERIODIC_TASKS } from '../periodic-tasks.js';
import { registerAuth } from './auth.js';
import { errorHandler } from './error-handler.js';
import { healthRoutes } from './health.routes.js';
import { registerOpenApi } from './openapi.js';
import type { App, Deps } from './types.js';
import { registerWeb, WEB_DIR } from './web.js';

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
      req: (req: { method: string; url: string; id: string }) => ({ method: req.method, path: req.url.split('?')[0], id: req.id }),
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
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(cookie);
  await registerOpenApi(app);
  registerAuth(app, deps);

  healthRoutes(app, deps);
  authRoutes(app, deps);
  unitRoutes(app, deps);
  userRoutes(app, deps);
  auditRoutes(app, deps);
  calendarRoutes(app, deps);
  catalogRoutes(app, deps);
  catalogIoRoutes(app, deps);
  trackingBookRoutes(app, deps);
  dossierRoutes(app, deps);
  datastoreRoutes(app, deps);
  publicLookupRoutes(app, deps);
  workflowRoutes(app, deps);
  fileRoutes(app, deps, FILE_ACCESS);
  identifierRoutes(app, deps);
  feedbackRoutes(app, deps);
  feedbackPublicRoutes(app, deps);
  satisfactionRoutes(app, deps);
  paymentRoutes(app, deps);
  paygovSimRoutes(app, deps);
  nationalPortalRoutes(app, deps);
  dvcqgSimRoutes(app, deps);
  ndxpSimRoutes(app, deps);
  kpiRoutes(app, deps);
  queueRoutes(app, deps);
  queuePublicRoutes(app, deps);
  kpiInsightRoutes(app, deps);
  kpiReportRoutes(app, deps);
  kpiPublicRoutes(app, deps);
  jobsRoutes(app, deps, PERIODIC_TASKS);

  const hasWeb = await registerWeb(app);
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/');
    if (isPage && hasWeb) return reply.type('text/html').sendFile('index.html', WEB_DIR);
    throw new AppError('ROUTE_NOT_FOUND', { method: request.method, path: request.url.split('?')[0] });
  });
  return app;
}
