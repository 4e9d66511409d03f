/**
 * The verdict on a dossier workload (workload.ts), computed from the database once the servers
 * are stopped — never from the client's bookkeeping alone: everything answered 201/200 is there,
 * no code twice, every dossier whole (its components, its events, its audit records and outbox
 * events), the audit chain verifies, the outbox drained, and the retries converged to exactly N.
 */
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../src/kernel/db.js';
import { chainPendingAudit } from '../../src/modules/audit/audit.chainer.js';
import { verifyAuditChain } from '../../src/modules/audit/audit.service.js';
import { type Check, check, firstOf } from './verdict.js';
import type { ServerProcess } from './server.js';
import type { Target } from './target.js';
import { type Accepted, awaitRelayRun, JOB_ACTIONS, type Workload, type WorkloadSetup } from './workload.js';

export interface Expected {
  /** Every job's Idempotency-Key: exactly one dossier each. */
  keys: readonly string[];
  accepted: Accepted;
  /** Components each intake filed. */
  componentsPerDossier: number;
  /** Whether the outbox relay ran after the last answer (workload.ts awaitRelayRun). */
  relayRan: boolean;
}

interface DossierRow extends Record<string, unknown> {
  id: string;
  code: string;
  version: number;
  key: string | null;
  components: number;
  receive_events: number;
  forward_events: number;
  audit_rows: number;
  outbox_events: number;
}

/** Each dossier with what belongs to it, counted in the database. */
function dossierRows(db: Database): Promise<DossierRow[]> {
  return queryRows<DossierRow>(
    db,
    sql`select d.id, d.code, d.version,
      (select k.key from dossier_idempotency_keys k where k.dossier_id = d.id limit 1) as key,
      (select count(*)::int from dossier_components c where c.dossier_id = d.id) as components,
      (select count(*)::int from dossier_events e where e.dossier_id = d.id and e.action = 'receive') as receive_events,
      (select count(*)::int from dossier_events e where e.dossier_id = d.id and e.action = 'forward') as forward_events,
      -- a staff read of the detail is audited too (personal data) but changes nothing: not counted
      (select count(*)::int from audit_log a where a.target_type = 'dossier' and a.target_id = d.id::text
         and a.action <> 'dossier.read') as audit_rows,
      (select count(*)::int from outbox_events o where o.aggregate_type = 'dossier' and o.aggregate_id = d.id::text) as outbox_events
    from dossiers d`,
  );
}

export async function dossierVerdict(
  db: Database,
  expected: Expected,
): Promise<{ checks: Check[]; figures: Record<string, number> }> {
  const rows = await dossierRows(db);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const { accepted } = expected;

  const missing = [...accepted.intakes]
    .filter(([, code]) => !byCode.has(code))
    .map(([key, code]) => `${key} → ${code}`);
  const actionsMissing = accepted.actions
    .filter((a) => {
      const row = byCode.get(a.code);
      return !row || row.version < a.version || row.forward_events === 0;
    })
    .map((a) => `${a.action} on ${a.code} (version ${a.version})`);
  const keyMismatch = [...accepted.intakes]
    .filter(([key, code]) => byCode.get(code)?.key !== key)
    .map(([key, code]) => `${key} answered ${code}, which the database gives to ${byCode.get(code)?.key ?? 'no key'}`);

  const codes = await queryRows<{ code: string; n: number }>(
    db,
    sql`select code, count(*)::int as n from dossiers group by code having count(*) > 1 or code like 'pending-%'`,
  );
  const actionsPerJob = JOB_ACTIONS.length;
  const incomplete = rows
    .filter(
      (r) =>
        r.components !== expected.componentsPerDossier ||
        r.receive_events !== 1 ||
        r.audit_rows !== 1 + r.forward_events ||
        r.outbox_events !== 1 + r.forward_events,
    )
    .map(
      (r) =>
        `${r.code}: ${r.components} components, ${r.receive_events} receive events, ${r.audit_rows} audit rows, ${r.outbox_events} outbox events for ${r.forward_events} actions`,
    );
  const notOnce = rows
    .filter((r) => r.forward_events !== actionsPerJob)
    .map((r) => `${r.code}: ${r.forward_events} forward events`);

  const keyed = new Set(rows.map((r) => r.key).filter((k): k is string => k !== null));
  const unconverged = expected.keys.filter((k) => !keyed.has(k));
  const [orphans] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from dossier_idempotency_keys where dossier_id is null`,
  );

  const [unchained] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from audit_log where seq is null`,
  );
  await chainPendingAudit(db);
  const audit = await verifyAuditChain(db);
  const [pending] = await queryRows<{ n: number; failed: number }>(
    db,
    sql`select count(*)::int as n, count(*) filter (where last_error is not null)::int as failed from outbox_events where published_at is null`,
  );

  return {
    checks: [
      check(
        'every 201/200 answered is in the database',
        missing.length === 0 && actionsMissing.length === 0 && keyMismatch.length === 0,
        `${accepted.intakes.size} intakes and ${accepted.actions.length} actions answered; missing ${firstOf([...missing, ...actionsMissing, ...keyMismatch])}`,
      ),
      check(
        'no dossier code twice (and none left unnumbered)',
        codes.length === 0,
        firstOf(codes.map((c) => `${c.code} ×${c.n}`)),
      ),
      check(
        'no dossier without its components, intake event, audit records and outbox events',
        incomplete.length === 0,
        firstOf(incomplete),
      ),
      check(
        `retries converged to exactly N = ${expected.keys.length} dossiers, each action once`,
        rows.length === expected.keys.length && unconverged.length === 0 && notOnce.length === 0 && orphans?.n === 0,
        `${rows.length} dossiers; keys without a dossier ${firstOf(unconverged)}; ${orphans?.n} claimed keys without a dossier; actions not once ${firstOf(notOnce)}`,
      ),
      check(
        'audit chain verifies, and the servers had chained every record by themselves',
        audit.ok && unchained?.n === 0,
        `${audit.checked} records (${unchained?.n ?? 0} still unchained at the end, linked now); first break ${JSON.stringify(audit.firstBreak)}`,
      ),
      check(
        'the outbox drains',
        expected.relayRan && pending?.n === 0,
        `relay ran after the last answer: ${expected.relayRan}; ${pending?.n} events pending (${pending?.failed} with an error)`,
      ),
    ],
    figures: { dossiers: rows.length, auditRecords: audit.checked, unchainedAtEnd: unchained?.n ?? 0 },
  };
}

/**
 * After the load: waits for the outbox relay to run once more, asks each server for its health,
 * stops them (PGlite: the verdict can open the directory only then), and judges from the database.
 */
export async function concludeWorkload(
  target: Target,
  servers: ServerProcess[],
  workload: Workload,
  setup: WorkloadSetup,
  jobs: number,
): Promise<{ health: number[]; checks: Check[]; figures: Record<string, number> }> {
  const relayRan = await awaitRelayRun(servers[0]!.url, setup.admin, workload.lastAnswerAt).catch(() => false);
  const health = await Promise.all(
    servers.map((s) =>
      fetch(`${s.url}/api/health`).then(
        (r) => r.status,
        () => 0,
      ),
    ),
  );
  await Promise.all(servers.splice(0).map((s) => s.stop()));
  const handle = await target.open();
  try {
    const verdict = await dossierVerdict(handle.db, {
      keys: workload.keys(jobs),
      accepted: workload.accepted,
      componentsPerDossier: setup.componentIds.length,
      relayRan,
    });
    return { health, ...verdict };
  } finally {
    await handle.close();
  }
}
