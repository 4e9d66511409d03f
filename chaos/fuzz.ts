/**
 * Fuzzing from the API's own schemas (issue 16, scenario `fuzz`): reads /api/openapi.json from the
 * running server and, for every operation and every actor (each demo account, and anonymous),
 * sends property-based requests — valid-shaped values from the operation's schemas, and hostile
 * ones: wrong types, huge strings, lone surrogates, NUL, deep nesting, `__proto__`/`constructor`
 * keys, traversal in path parameters, a missing CSRF token, wrong content types, bodies that are
 * not JSON.
 *
 * Verdict: no response ≥ 500 and no error logged by the server, every 4xx carries the error shape
 * {"error":{"code","message"}}, the server still answers /api/health at the end, and the audit
 * chain in the database still verifies.
 */
import fc from 'fast-check';
import { verifyAuditChain } from '../src/modules/audit/audit.service.js';
import { DEMO_ACCOUNTS } from '../src/modules/demo/seed-demo.js';
import { call, hasErrorShape, login, type Reply, type Session } from './lib/http.js';
import { hostileRawBody, hostileSegment, hostileValue, wrongContentType } from './lib/hostile.js';
import { type OpenApiDocument, type Operation, operations, readOpenApi, shapedLike } from './lib/openapi.js';
import type { Options } from './lib/options.js';
import { startServer } from './lib/server.js';
import { createTarget } from './lib/target.js';
import { check, firstOf, type Verdict } from './lib/verdict.js';

/** Requests per operation and actor. */
const RUNS = { small: 5, full: 40 } as const;

interface FuzzRequest {
  path: string;
  headers: Record<string, string>;
  body: { json: unknown } | { raw: string | Uint8Array } | null;
  /** undefined: the operation's own; null: none. */
  contentType: string | null | undefined;
  csrf: boolean;
}

/** A path or query value as it goes on the wire. */
function onTheWire(value: unknown): string {
  return encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value));
}

function requestOf(doc: OpenApiDocument, op: Operation, options: Options): fc.Arbitrary<FuzzRequest> {
  const hostile = hostileValue(options.scale);
  const param = (schema: object) =>
    fc.oneof(
      { weight: 3, arbitrary: shapedLike(doc, schema).map(onTheWire) },
      { weight: 1, arbitrary: hostileSegment },
    );
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const headerParams = op.parameters.filter((p) => p.in === 'header');
  const path = fc
    .tuple(...pathParams.map((p) => param(p.schema)))
    .map((values) => pathParams.reduce((acc, p, i) => acc.replace(`{${p.name}}`, values[i]!), op.path));
  const query = fc
    .tuple(...queryParams.map((p) => fc.option(param(p.schema), { nil: undefined, freq: 2 })))
    .map((values) =>
      queryParams
        .map((p, i) => (values[i] === undefined ? null : `${encodeURIComponent(p.name)}=${values[i]}`))
        .filter((x) => x !== null)
        .join('&'),
    );
  const headers = fc
    .tuple(
      ...headerParams.map((p) =>
        fc.option(fc.oneof(shapedLike(doc, p.schema).map(String), fc.constant('k'.repeat(20_000))), {
          nil: undefined,
        }),
      ),
    )
    .map((values) =>
      Object.fromEntries(
        headerParams.flatMap((p, i) =>
          // Header values are Latin-1 on the wire; fetch refuses anything else before sending.
          values[i] === undefined || !/^[\x20-\x7e]*$/.test(values[i]!) ? [] : [[p.name, values[i]!]],
        ),
      ),
    );
  const valid = op.body ? shapedLike(doc, op.body.schema) : fc.constant(undefined);
  const body = fc.oneof(
    { weight: 4, arbitrary: valid.map((json) => (json === undefined ? null : { json })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(valid, fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor')), hostile)
        .map(([json, key, bad]) => {
          if (json === null || typeof json !== 'object' || Array.isArray(json)) return { json: bad };
          const keys = Object.keys(json);
          const target = keys.length > 0 && key.length % 2 === 0 ? keys[key.length % keys.length]! : key;
          // defineProperty: a `__proto__` key stays an own key and is serialised.
          return { json: Object.defineProperty({ ...json }, target, { value: bad, enumerable: true }) };
        }),
    },
    { weight: 1, arbitrary: hostile.map((json) => ({ json })) },
    { weight: 1, arbitrary: hostileRawBody(options.scale).map((raw) => ({ raw })) },
  );
  const contentType = fc.oneof(
    { weight: 5, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: wrongContentType },
  );
  // fetch sends no body with GET (and the API reads none with DELETE).
  const bodyless = op.method === 'GET' || op.method === 'DELETE';
  return fc.record({
    path: fc.tuple(path, query).map(([p, q]) => (q ? `${p}?${q}` : p)),
    headers,
    body: bodyless ? fc.constant(null) : body,
    contentType: bodyless ? fc.constant(undefined) : contentType,
    csrf: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  }) as fc.Arbitrary<FuzzRequest>;
}

/** "status METHOD /path" → how many, for failures recorded as "status METHOD /path as …". */
function byOperation(items: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const item of items) {
    const key = item.split(' as ')[0]!;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${n}× ${k}`).join(', ') || 'none';
}

export async function run(options: Options): Promise<Verdict> {
  console.log(`fast-check seed: ${options.seed} (again: --seed ${options.seed})`);
  const target = await createTarget(options.engine, 'fuzz');
  const server = await startServer(target);
  const failures: string[] = [];
  const badShapes: string[] = [];
  /** Requests the client could not even send or read: the suite's own fault, reported so it is fixed. */
  const clientErrors: string[] = [];
  const statuses = new Map<number, number>();
  let requests = 0;
  let health: Reply | null = null;
  const started = performance.now();
  try {
    const doc = await readOpenApi(server.url);
    const ops = operations(doc).filter((op) => !options.only || op.id.includes(options.only));
    const accounts = DEMO_ACCOUNTS.map((a) => a.username);
    const sessions = new Map<string, Session | null>([['anonymous', null]]);
    for (const username of accounts) sessions.set(username, await login(server.url, username));
    console.log(`${ops.length} operations × ${sessions.size} actors × ${RUNS[options.scale]} requests`);
    for (const [index, op] of ops.entries()) {
      const endsSessions = /\/auth\/|\/me\/password/.test(op.path);
      for (const actor of sessions.keys()) {
        const result = await fc.check(
          fc.asyncProperty(requestOf(doc, op, options), async (req) => {
            if (endsSessions && actor !== 'anonymous') sessions.set(actor, await login(server.url, actor));
            const reply = await call(server.url, {
              method: op.method,
              path: req.path,
              session: sessions.get(actor) ?? null,
              csrf: req.csrf,
              headers: req.headers,
              ...(req.body ?? {}),
              contentType: req.contentType === undefined ? op.body?.contentType : req.contentType,
            });
            requests += 1;
            statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
            const where = `${op.id} as ${actor}: ${req.path.slice(0, 160)}`;
            if (reply.status >= 500) failures.push(`${reply.status} ${where} → ${reply.text.slice(0, 200)}`);
            else if (reply.status >= 400 && !hasErrorShape(reply))
              badShapes.push(`${reply.status} ${where} → ${reply.contentType} ${reply.text.slice(0, 120)}`);
            // Failures are collected above, all of them; fast-check stops only on the client's own errors.
            return true;
          }),
          // One seed per operation, derived from the run's: a failure replays with --seed alone.
          { seed: options.seed + index, numRuns: RUNS[options.scale], endOnFailure: true },
        );
        if (result.failed && result.errorInstance)
          clientErrors.push(
            `${op.id} as ${actor} (seed ${options.seed + index}): ${String(result.errorInstance).slice(0, 200)}`,
          );
      }
    }
    health = await call(server.url, { method: 'GET', path: '/api/health' });
  } finally {
    await server.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  const logged = server
    .output()
    .split('\n')
    .filter((l) => l.includes('"level":50') || l.includes('"level":60'));
  const handle = await target.open();
  let audit: Awaited<ReturnType<typeof verifyAuditChain>>;
  try {
    audit = await verifyAuditChain(handle.db);
  } finally {
    await handle.close();
    await target.dispose();
  }
  return {
    checks: [
      check('no response ≥ 500', failures.length === 0, `${byOperation(failures)}; ${firstOf(failures)}`),
      check('no error logged by the server', logged.length === 0, firstOf(logged.map((l) => l.slice(0, 300)))),
      check(
        'every 4xx carries the error shape',
        badShapes.length === 0,
        `${byOperation(badShapes)}; ${firstOf(badShapes)}`,
      ),
      check('every generated request was sent and answered', clientErrors.length === 0, firstOf(clientErrors)),
      check('/api/health answers at the end', health?.status === 200, `${health?.status} ${health?.text ?? ''}`),
      check(
        'audit chain verifies',
        audit.ok,
        `${audit.checked} records; first break ${JSON.stringify(audit.firstBreak)}`,
      ),
    ],
    figures: {
      requests,
      seconds: Math.round(seconds),
      'requests/s': Math.round(requests / seconds),
      statuses: [...statuses.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([s, n]) => `${s}:${n}`)
        .join(' '),
    },
  };
}
