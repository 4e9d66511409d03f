/**
 * The dossier workload the fault scenarios share: N jobs run by C concurrent workers over HTTP,
 * each a counter intake with an Idempotency-Key (one-stop officer) and two processing actions
 * (the officer forwards to processing, the specialist forwards to the leader). A request left
 * unanswered — the connection cut by a killed process, or 503 while the database is down — is
 * sent again, the same request: an intake with the same key (the server answers with the dossier
 * the first attempt created, if it committed), an action with the same `version` (if the first
 * attempt committed, the server refuses it as stale, and the dossier shows it applied). So the
 * retries converge to exactly N dossiers, each with both actions once — what
 * dossier-verdict.ts then checks in the database.
 *
 * The servers are an `Endpoints` set: a scenario marks one down before killing it and up again
 * with its new address; workers spread requests over the live ones and wait while none is.
 */
import { randomBytes } from 'node:crypto';
import { call, login, type Reply, type Session } from './http.js';
import { uploadPdf } from './province.js';

/** A request unanswered for this long in all (retries included) is a failure of its own. */
const GIVE_UP_MS = 180_000;
const RETRY_PAUSE_MS = { first: 100, max: 2_000 };
/** Every this many jobs, the intake is replayed once after its answer (see job()). */
const REPLAY_EVERY = 4;

export class Endpoints {
  private readonly urls: (string | null)[];
  private next = 0;
  private waiters: (() => void)[] = [];
  /** Requests in flight per endpoint. */
  readonly inFlight: number[];

  constructor(urls: readonly string[]) {
    this.urls = [...urls];
    this.inFlight = urls.map(() => 0);
  }

  down(index: number): void {
    this.urls[index] = null;
  }

  up(index: number, url: string): void {
    this.urls[index] = url;
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** The next live endpoint, round robin; waits while none is live. */
  async pick(): Promise<{ index: number; url: string }> {
    for (;;) {
      for (let i = 0; i < this.urls.length; i += 1) {
        const index = (this.next + i) % this.urls.length;
        const url = this.urls[index];
        if (url) {
          this.next = index + 1;
          return { index, url };
        }
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }
}

/** What a job needs to know of the province (read once, before the load). */
export interface WorkloadSetup {
  officer: Session;
  specialist: Session;
  admin: Session;
  procedureId: string;
  competentUnitId: string;
  componentIds: string[];
  /** A PDF uploaded once, filed for every component (a counter may tick "checked against the original" for plain copies only). */
  fileId: string;
}

interface Named {
  id: string;
  name: string;
  children: unknown[];
}

async function getJson<T>(base: string, session: Session, path: string): Promise<T> {
  const reply = await call(base, { method: 'GET', path, session });
  if (reply.status !== 200) throw new Error(`GET ${path}: ${reply.status} ${reply.text.slice(0, 300)}`);
  return JSON.parse(reply.text) as T;
}

/** The procedure the lifecycle benchmark uses (2.000635, Sở Tư pháp), its mandatory components. */
export async function readSetup(
  base: string,
  sessions: Omit<WorkloadSetup, 'procedureId' | 'competentUnitId' | 'componentIds' | 'fileId'>,
): Promise<WorkloadSetup> {
  const { officer } = sessions;
  const [found] = (await getJson<{ items: { id: string }[] }>(base, officer, '/api/procedures?q=2.000635')).items;
  if (!found) throw new Error('procedure 2.000635 is not in the catalog');
  const procedure = await getJson<{ id: string; components: { id: string; mandatory: boolean }[] }>(
    base,
    officer,
    `/api/procedures/${found.id}`,
  );
  const { units } = await getJson<{ units: Named[] }>(base, officer, '/api/units');
  const flat = (nodes: Named[]): Named[] => nodes.flatMap((n) => [n, ...flat(n.children as Named[])]);
  const competent = flat(units).find((u) => u.name === 'Sở Tư pháp');
  if (!competent) throw new Error('unit Sở Tư pháp not found');
  return {
    ...sessions,
    procedureId: procedure.id,
    competentUnitId: competent.id,
    componentIds: procedure.components.filter((c) => c.mandatory).map((c) => c.id),
    fileId: await uploadPdf(base, officer),
  };
}

/** The processing actions every job performs after its intake, in order, and who performs each. */
export const JOB_ACTIONS = [
  { action: 'forward', by: 'officer' },
  { action: 'forward', by: 'specialist' },
] as const;

export interface Tally {
  /** Requests sent (retries included). */
  sent: number;
  /** Requests whose connection failed (no answer). */
  unanswered: number;
  /** 503 answers, and those among them without DATABASE_UNAVAILABLE in the error shape. */
  unavailable: number;
  badUnavailable: string[];
  /** Answers a job did not expect (a 500, a refusal): each a failure. */
  unexpected: string[];
  /** Jobs that ended without all their steps. */
  abandoned: string[];
  /** Intakes sent again after their answer, on purpose. */
  replayed: number;
}

/** What the servers accepted: the verdict looks for each of these in the database. */
export interface Accepted {
  /** Idempotency-Key → dossier code, from a 201. */
  intakes: Map<string, string>;
  /** Each action answered 200: the dossier, the action, the version it left. */
  actions: { code: string; action: string; version: number }[];
}

interface DossierAnswer {
  code: string;
  version: number;
  status: string;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The Vietnamese message the kernel sends with DATABASE_UNAVAILABLE (src/kernel/errors.ts). */
function isUnavailableShape(reply: Reply): boolean {
  try {
    const { error } = JSON.parse(reply.text) as { error?: { code?: string; message?: string } };
    return error?.code === 'DATABASE_UNAVAILABLE' && /cơ sở dữ liệu/.test(error.message ?? '');
  } catch {
    return false;
  }
}

export class Workload {
  readonly tally: Tally = {
    sent: 0,
    unanswered: 0,
    unavailable: 0,
    badUnavailable: [],
    unexpected: [],
    abandoned: [],
    replayed: 0,
  };
  readonly accepted: Accepted = { intakes: new Map(), actions: [] };
  /** When the last request was answered (the outbox relay must run after it). */
  lastAnswerAt = new Date(0);
  private issued = 0;
  private stopReason: string | null = null;

  constructor(
    private readonly endpoints: Endpoints,
    private readonly setup: WorkloadSetup,
    /** Prefix of the Idempotency-Keys: unique per run. */
    private readonly runId: string,
  ) {}

  /** The Idempotency-Keys of every job (the verdict expects exactly these). */
  keys(count: number): string[] {
    return Array.from({ length: count }, (_, i) => this.keyOf(i));
  }

  private keyOf(i: number): string {
    return `${this.runId}-${i}`;
  }

  /** Runs `count` jobs with `concurrency` workers. */
  async run(count: number, concurrency: number): Promise<void> {
    const worker = async () => {
      while (this.issued < count) {
        const i = this.issued;
        this.issued += 1;
        try {
          await this.job(i);
        } catch (error) {
          this.tally.abandoned.push(`job ${i}: ${(error as Error).message.slice(0, 300)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }

  /** Ends the load now (a server died): every request in hand fails with `reason`. */
  abort(reason: string): void {
    this.stopReason ??= reason;
  }

  /** Resolves once `n` intakes have been answered 201. */
  async reached(n: number): Promise<void> {
    while (this.accepted.intakes.size < n && !this.stopReason) await pause(20);
  }

  private async job(i: number): Promise<void> {
    const key = this.keyOf(i);
    const { setup } = this;
    const intakeRequest = {
      method: 'POST',
      path: '/api/dossiers',
      session: setup.officer,
      headers: { 'idempotency-key': key },
      json: {
        procedureId: setup.procedureId,
        channel: 'counter',
        applicant: {
          kind: 'citizen',
          fullName: 'Trần Thị Bích Ngọc',
          idNumber: '089195000789',
          phone: '0912345678',
          address: 'Phường Long Xuyên, An Giang',
        },
        competentUnitId: setup.competentUnitId,
        components: setup.componentIds.map((componentId) => ({ componentId, fileIds: [setup.fileId] })),
      },
    };
    const intake = await this.send('POST /api/dossiers', intakeRequest);
    if (intake.status !== 201) throw new Error(`intake answered ${intake.status} ${intake.text.slice(0, 200)}`);
    let dossier = JSON.parse(intake.text) as DossierAnswer;
    this.accepted.intakes.set(key, dossier.code);
    // Every REPLAY_EVERY-th intake is sent again as if its answer had been lost after the commit
    // (what a kill does to a few, by chance): the same key must give the same dossier.
    if (i % REPLAY_EVERY === 0) {
      const again = await this.send(`POST /api/dossiers (replayed ${key})`, intakeRequest);
      const code = again.status === 201 ? (JSON.parse(again.text) as DossierAnswer).code : null;
      this.tally.replayed += 1;
      if (code !== dossier.code)
        this.tally.unexpected.push(
          `replayed ${key}: ${again.status} ${code ?? again.text.slice(0, 100)}, first ${dossier.code}`,
        );
    }
    for (const step of JOB_ACTIONS) dossier = await this.act(dossier, step.action, setup[step.by]);
  }

  /** An action; a stale `version` after an unanswered attempt means that attempt committed. */
  private async act(before: DossierAnswer, action: string, session: Session): Promise<DossierAnswer> {
    const path = `/api/dossiers/${before.code}/actions`;
    let retried = false;
    const reply = await this.send(
      `POST ${path} ${action}`,
      { method: 'POST', path, session, json: { action, version: before.version } },
      () => {
        retried = true;
      },
    );
    let after: DossierAnswer;
    if (reply.status === 200) {
      after = JSON.parse(reply.text) as DossierAnswer;
      this.accepted.actions.push({ code: after.code, action, version: after.version });
    } else if (reply.status === 409 && retried) {
      const read = await this.send(`GET /api/dossiers/${before.code}`, {
        method: 'GET',
        path: `/api/dossiers/${before.code}`,
        session,
      });
      after = JSON.parse(read.text) as DossierAnswer;
      if (read.status !== 200 || after.version <= before.version)
        throw new Error(`${action} on ${before.code}: 409 and the dossier did not move (${read.status})`);
    } else throw new Error(`${action} on ${before.code} answered ${reply.status} ${reply.text.slice(0, 200)}`);
    return after;
  }

  /** Sends until answered (not cut off, not 503); `onRetry` hears of every resend. */
  private async send(what: string, request: Parameters<typeof call>[1], onRetry?: () => void): Promise<Reply> {
    const started = Date.now();
    let wait = RETRY_PAUSE_MS.first;
    for (let attempt = 1; ; attempt += 1) {
      if (this.stopReason) throw new Error(`${what}: ${this.stopReason}`);
      if (attempt > 1) onRetry?.();
      if (Date.now() - started > GIVE_UP_MS) throw new Error(`${what}: no answer in ${GIVE_UP_MS / 1000} s`);
      const { index, url } = await this.endpoints.pick();
      this.tally.sent += 1;
      this.endpoints.inFlight[index]! += 1;
      let reply: Reply | null = null;
      try {
        reply = await call(url, request);
      } catch {
        this.tally.unanswered += 1;
      } finally {
        this.endpoints.inFlight[index]! -= 1;
      }
      if (reply && reply.status !== 503) {
        this.lastAnswerAt = new Date();
        if (reply.status >= 500 || (reply.status >= 400 && !(reply.status === 409 && attempt > 1)))
          this.tally.unexpected.push(`${reply.status} ${what}: ${reply.text.slice(0, 200)}`);
        return reply;
      }
      if (reply) {
        this.tally.unavailable += 1;
        if (!isUnavailableShape(reply)) this.tally.badUnavailable.push(`${what}: ${reply.text.slice(0, 200)}`);
      }
      await pause(wait);
      wait = Math.min(RETRY_PAUSE_MS.max, wait * 2);
    }
  }
}

/**
 * Waits until the outbox relay (a periodic task, JOBS_TICK_SECONDS apart) has started and finished
 * a run after `since`: from then on every event committed before `since` has had its delivery.
 */
export async function awaitRelayRun(base: string, admin: Session, since: Date, timeoutMs = 120_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { items } = await getJson<{
      items: { name: string; lastStartedAt: string | null; lastFinishedAt: string | null }[];
    }>(base, admin, '/api/jobs');
    const relay = items.find((t) => t.name === 'outbox.relay');
    const started = relay?.lastStartedAt ? new Date(relay.lastStartedAt) : null;
    const finished = relay?.lastFinishedAt ? new Date(relay.lastFinishedAt) : null;
    if (started && finished && started > since && finished >= started) return true;
    await pause(1000);
  }
  return false;
}

/** Signs in the three accounts on the first endpoint, reads the province, and makes the workload. */
export async function prepareWorkload(
  urls: readonly string[],
  name: string,
): Promise<{ endpoints: Endpoints; setup: WorkloadSetup; workload: Workload }> {
  const endpoints = new Endpoints(urls);
  const base = urls[0]!;
  const setup = await readSetup(base, {
    officer: await login(base, 'tiepnhan'),
    specialist: await login(base, 'chuyenvien'),
    admin: await login(base, 'admin'),
  });
  return {
    endpoints,
    setup,
    workload: new Workload(endpoints, setup, `chaos-${name}-${randomBytes(4).toString('hex')}`),
  };
}
