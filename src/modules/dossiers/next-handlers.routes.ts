import { AppError } from '../../kernel/errors.js';
import { requireActor } from '../../kernel/http.js';
import type { App, Deps } from '../../kernel/http.js';
import { errorResponses } from '../../kernel/schemas.js';
import { workflowSteps } from '../workflows/workflows.service.js';
import { currentStep } from './actions.rules.js';
import { allowedActions } from './actions.service.js';
import { readableDossier } from './dossier-access.js';
import { CodeParams, NextHandlers } from './dossiers.schema.js';
import { stepHandlers } from './next-handlers.service.js';
import { stepRole } from './step-assignment.rules.js';

const tags = ['Hồ sơ (dossiers)'];

export function nextHandlerRoutes(app: App, { db }: Deps): void {
  app.get(
    '/api/dossiers/:code/next-handlers',
    {
      config: { access: { action: 'dossier.read', scope: 'record' } },
      schema: {
        tags,
        summary:
          'Người xử lý tiếp theo: for each step the current one moves on to, who may take it, with their load and the default (for whoever may forward or approve now)',
        params: CodeParams,
        response: { 200: NextHandlers, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { dossier } = await readableDossier(db, actor, request.params.code);
      // Names and loads of officials are for the one handing the step on, not for every reader.
      const allowed = await allowedActions(db, actor, dossier);
      if (!allowed.includes('forward') && !allowed.includes('signResult'))
        throw new AppError('FORBIDDEN', { action: 'forward' });
      const steps = await workflowSteps(db, dossier.workflowId);
      const step = currentStep({ status: dossier.status, currentStepKey: dossier.currentStepKey, steps });
      const nextSteps = steps.filter((s) => step?.next.includes(s.key));
      return {
        steps: await Promise.all(
          nextSteps.map(async (s) => {
            const handlers = await stepHandlers(db, s, dossier.competentUnitId);
            return {
              key: s.key,
              name: s.name,
              role: stepRole(s),
              defaultUserId: handlers[0]?.userId ?? null,
              handlers,
            };
          }),
        ),
      };
    },
  );
}
