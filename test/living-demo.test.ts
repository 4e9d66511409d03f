/**
 * The living demo (issue 15 item 15): on a fresh database, three months of dossiers made through
 * the services, so that every promised state exists and the worklists, the late list, the 766
 * index and the public dashboard show true, non-zero figures. Pinned to Wed 2026-11-18 10:00
 * Vietnam time (the window, 19/8–18/11/2026, lies in one year): the seed's "now" and the
 * `Date` the routes read are that instant.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../src/app/testing/app.js';
import { DEMO_PASSWORD, TEST_SCRYPT_LOG_N } from '../src/app/testing/database.js';
import { queryRows } from '../src/kernel/db.js';
import { verifyAuditChain } from '../src/modules/audit/audit.service.js';
import { seedDemoIfEmpty } from '../src/modules/demo/seed-demo.js';
import { windowStart } from '../src/modules/demo/living/living-demo.js';

const NOW = new Date('2026-11-18T03:00:00Z'); // 10:00 in Vietnam
const filesDir = mkdtempSync(join(tmpdir(), 'motcua-living-'));
let t: TestApp;
let seconds = 0;

const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T & Record<string, unknown>>(t.handle.db, query);
const one = async (query: ReturnType<typeof sql>) => Number((await rows<{ n: number }>(query))[0]!.n);

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW, shouldAdvanceTime: true });
  t = await createTestApp({ demo: false, env: { FILES_DIR: filesDir } });
  const started = performance.now();
  const seeded = await seedDemoIfEmpty(t.handle.db, {
    kind: 'living',
    password: DEMO_PASSWORD,
    scryptLogN: TEST_SCRYPT_LOG_N,
    env: t.deps.env,
    files: t.deps.services.files,
    national: t.deps.services.nationalData,
    now: new Date(),
  });
  seconds = (performance.now() - started) / 1000;
  expect(seeded).toBe(true);
}, 600_000);

afterAll(async () => {
  await t?.close();
  vi.useRealTimers();
  rmSync(filesDir, { recursive: true, force: true });
});

describe('the living demo on a fresh database', () => {
  it('has a few hundred dossiers, all received in the window, during office hours, none after now', async () => {
    console.log(`living demo seeded in ${seconds.toFixed(1)} s`);
    const [span] = await rows<{ n: number; first: Date; last: Date; outside: number }>(sql`
      select count(*)::int as n, min(received_at) as first, max(received_at) as last,
        count(*) filter (where extract(hour from received_at at time zone 'Asia/Ho_Chi_Minh') not between 7 and 17)::int as outside
      from dossiers`);
    expect(span!.n).toBeGreaterThanOrEqual(150);
    expect(span!.n).toBeLessThan(600);
    expect(new Date(span!.first).getTime()).toBeGreaterThanOrEqual(windowStart(NOW).getTime());
    expect(span!.outside).toBe(0);
    for (const table of ['dossier_events', 'audit_log', 'payments', 'satisfaction_ratings']) {
      const column = {
        dossier_events: 'occurred_at',
        audit_log: 'occurred_at',
        payments: 'paid_at',
        satisfaction_ratings: 'rated_at',
      }[table]!;
      const [latest] = await rows<{ at: Date | null }>(
        sql`select max(${sql.identifier(column)}) as at from ${sql.identifier(table)}`,
      );
      expect(new Date(latest!.at!).getTime(), table).toBeLessThanOrEqual(NOW.getTime());
    }
  });

  it('shows every promised state: on time, late with apology, awaiting supplement, consulted, paid, rated, returned', async () => {
    expect(
      await one(sql`select count(*) as n from dossiers where status = 'returned' and completed_at <= legal_due_at`),
    ).toBeGreaterThan(50);
    const lateWithApology = sql`exists (select 1 from dossier_extensions x where x.dossier_id = d.id)`;
    expect(
      await one(sql`select count(*) as n from dossiers d where ${lateWithApology} and completed_at > legal_due_at`),
    ).toBeGreaterThan(0);
    expect(
      await one(
        sql`select count(*) as n from dossiers d where ${lateWithApology} and completed_at is null and legal_due_at < ${NOW.toISOString()}`,
      ),
    ).toBeGreaterThan(0);
    expect(await one(sql`select count(*) as n from dossiers where status = 'awaitingSupplement'`)).toBeGreaterThan(0);
    expect(
      await one(sql`select count(*) as n from dossier_consultations where answered_at is not null`),
    ).toBeGreaterThan(0);
    expect(
      await one(sql`select count(*) as n from payments where status = 'paid' and obligation_id is not null`),
    ).toBeGreaterThan(0);
    expect(
      await one(sql`select count(*) as n from payments where status = 'paid' and obligation_id is null`),
    ).toBeGreaterThan(0);
    expect(await one(sql`select count(*) as n from satisfaction_ratings`)).toBeGreaterThan(20);
    expect(
      await one(sql`select count(*) as n from dossiers where status in ('received', 'processing')`),
    ).toBeGreaterThan(0);
  });

  it('was made through the services: every dossier has its events and audit records, the chain verifies', async () => {
    expect(
      await one(
        sql`select count(*) as n from dossiers d where not exists (select 1 from dossier_events e where e.dossier_id = d.id and e.action = 'receive')`,
      ),
    ).toBe(0);
    expect(
      await one(
        sql`select count(*) as n from dossiers d where not exists (select 1 from audit_log a where a.target_id = d.id::text and a.action = 'dossier.receive')`,
      ),
    ).toBe(0);
    // One audit record per event: nothing was written around the services.
    expect(await one(sql`select count(*) as n from dossier_events`)).toBe(
      await one(sql`select count(*) as n from audit_log where action like 'dossier.%' and target_type = 'dossier'`),
    );
    expect(await one(sql`select count(*) as n from outbox_events where topic like 'dossier.%'`)).toBeGreaterThan(0);
    const chain = await verifyAuditChain(t.handle.db);
    expect(chain.ok).toBe(true);
    // In time order: the province was set up before the first dossier, and seq follows time.
    expect(
      await one(
        sql`select count(*) as n from audit_log a join audit_log b on b.seq = a.seq + 1 where b.occurred_at < a.occurred_at`,
      ),
    ).toBe(0);
  });

  it('fills the worklists, the 766 index of each unit, the late list and the public dashboard', async () => {
    const kstthc = await t.login('kstthc');
    const units = await rows<{ id: string; name: string }>(sql`
      select distinct u.id, u.name from dossiers d join units u on u.id = d.competent_unit_id`);
    expect(units.length).toBe(4);
    for (const unit of units) {
      const res = await kstthc.request({ url: `/api/kpi/766?unit=${unit.id}&period=2026` });
      expect(res.statusCode, res.body).toBe(200);
      const indicators = res.json().groups.flatMap((g: { indicators: { denominator: number }[] }) => g.indicators);
      expect(
        indicators.some((i: { denominator: number }) => i.denominator > 0),
        unit.name,
      ).toBe(true);
      expect(res.json().total, unit.name).toBeGreaterThan(0);
    }
    const [province] = await rows<{ id: string }>(sql`select id from units where kind = 'province'`);
    const late = await kstthc.request({ url: `/api/kpi/late?unit=${province!.id}&month=2026-11` });
    expect(late.statusCode, late.body).toBe(200);
    expect(late.json().total).toBeGreaterThan(0);

    const dashboard = await t.app.inject({ url: '/api/public/kpi/index?period=2026' });
    expect(dashboard.statusCode, dashboard.body).toBe(200);
    expect(dashboard.json().total).toBeGreaterThan(0);
    const communes = await t.app.inject({ url: '/api/public/kpi/rankings?period=2026&kind=commune' });
    expect(communes.json().items.filter((i: { total: number }) => i.total > 0).length).toBeGreaterThanOrEqual(3);

    const officer = await t.login('chuyenvien');
    const worklist = await officer.request({ url: '/api/dossiers?mine=false' });
    expect(worklist.statusCode, worklist.body).toBe(200);
    expect(worklist.json().total).toBeGreaterThan(0);
  });

  it('offers each e-form’s blank tờ khai as its component’s form file on the procedure page', async () => {
    const forms = await one(sql`select count(distinct procedure_version_id) as n from eform_definitions`);
    const attached = await one(sql`select count(*) as n from procedure_form_files`);
    expect(forms).toBeGreaterThanOrEqual(12);
    expect(attached).toBeGreaterThanOrEqual(12);
    const [birth] = await rows<{ id: string }>(sql`select id from procedures where national_code = '1.001193'`);
    const page = await t.app.inject({ url: `/api/procedures/${birth!.id}` });
    const formFiles = page.json().formFiles as { fileName: string; url: string }[];
    expect(formFiles.map((f) => f.fileName)).toEqual(['Tờ khai đăng ký khai sinh.pdf']);
    const pdf = await t.app.inject({ url: formFiles[0]!.url });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
