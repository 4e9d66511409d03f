import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { APP_VERSION } from '../kernel/env.js';
import type { App } from '../kernel/http.js';

/** The OpenAPI 3.1 document is generated from the routes' own Zod schemas. */
export async function registerOpenApi(app: App): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'MotCua API',
        description:
          'Hệ thống thông tin giải quyết thủ tục hành chính — API. Browser calls authenticate with the session ' +
          'cookie from POST /api/auth/login and send X-CSRF-Token on state changes; integrations send ' +
          '`Authorization: Bearer <token>`. Errors: {"error":{"code","message","details"}}.',
        version: APP_VERSION,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'motcua_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
