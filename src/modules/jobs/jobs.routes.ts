/**
 * Periodic tasks: at start, a row for each registered task and, when JOBS_ENABLED, this
 * process's runner (stopped, after the run in hand, when the app closes). The system
 * administrator lists them (`GET /api/jobs`) and pauses or resumes one (`PUT /api/jobs/:name`).
 */
import { z } from 'zod';
import { requireActor } from '../../kernel/http.js';
import { errorResponses } from '../../kernel/schemas.js';
import type { App, Deps } from '../../kernel/http.js';
import { authorize } from '../access/policy.js';
import { listTasks, registerTasks, type ScheduledTask, setTaskEnabled } from './jobs.service.js';
import { Job, JobParams, JobUpdateBody } from './jobs.schema.js';
import { TaskRunner } from './task-runner.js';

const tags = ['Công việc định kỳ (jobs)'];

const view = ({ version: _v, ...task }: ScheduledTask) => task;

/** Each app's runner (also when not started): tests tick it with an injected clock. */
export const taskRunners = new WeakMap<App, TaskRunner>();

export function jobsRoutes(app: App, { db, env, services, extensions }: Deps): void {
  const tasks = extensions.periodicTasks;
  const runner = new TaskRunner(
    db,
    env,
    services,
    tasks,
    (message, error) => app.log.error({ err: error }, message),
    env.JOBS_TICK_SECONDS * 1000,
  );
  taskRunners.set(app, runner);
  app.addHook('onReady', async () => {
    await registerTasks(db, tasks);
    if (env.JOBS_ENABLED) runner.start();
  });
  app.addHook('onClose', async () => runner.stop());

  app.get(
    '/api/jobs',
    {
      config: { access: { action: 'jobs.manage', scope: 'anywhere' } },
      schema: {
        tags,
        summary:
          'The periodic tasks: period, whether paused, next and last run, last outcome or error (system administrator)',
        response: { 200: z.object({ items: z.array(Job) }), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      authorize(requireActor(request), 'jobs.manage');
      return { items: (await listTasks(db)).map(view) };
    },
  );

  app.put(
    '/api/jobs/:name',
    {
      config: { access: { action: 'jobs.manage', scope: 'anywhere' } },
      schema: {
        tags,
        summary: 'Pause or resume a periodic task in every process (system administrator)',
        params: JobParams,
        body: JobUpdateBody,
        response: { 200: Job, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'jobs.manage');
      return view(
        await db.transaction((tx) =>
          setTaskEnabled(tx, { ...request.ctx, actor }, request.params.name, request.body.enabled),
        ),
      );
    },
  );
}
