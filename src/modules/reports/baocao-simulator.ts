/**
 * A local stand-in for the Government's reporting information system (baocao-protocol.ts), used
 * when REPORTING_SYSTEM_URL is unset: served over HTTP under /sim/baocao/ (baocao-sim.routes.ts)
 * and, for our own adapter, behind a fetch without a socket. It keeps one report per idempotency
 * key — a repeated key answers the first receipt with 200 and stores nothing new — so a delivery
 * retried after a lost answer is still received exactly once.
 */
import { createHash } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../kernel/db.js';
import type { Env } from '../../kernel/env.js';
import { BAOCAO_PATH, type BaoCao, baoCaoProblem } from './baocao-protocol.js';
import { simBaocaoReports } from './reports.tables.js';

export const SIM_BASE = '/sim/baocao';

export interface SimReply {
  status: number;
  body: Record<string, unknown>;
}

const fail = (status: number, ma: string, thongBao: string): SimReply => ({ status, body: { loi: { ma, thongBao } } });

/** The receipt number the simulator gives a key: stable, so a replay shows the same one. */
export const receiptOf = (key: string) =>
  `BC-${createHash('sha256').update(key).digest('hex').slice(0, 12).toUpperCase()}`;

export function simulatedReportingSystem(db: Queryable, env: Env) {
  return {
    async receive(headers: { authorization?: string; idempotencyKey?: string }, body: unknown): Promise<SimReply> {
      if (headers.authorization !== `Bearer ${env.REPORTING_SYSTEM_TOKEN}`)
        return fail(401, 'UNAUTHORIZED', 'Mã truy cập không hợp lệ');
      const key = headers.idempotencyKey?.trim();
      if (!key || key.length > 200) return fail(400, 'IDEMPOTENCY_KEY', 'Thiếu Idempotency-Key');
      const problem = baoCaoProblem(body);
      if (problem) return fail(400, 'INVALID', problem);
      const report = body as BaoCao;
      const now = new Date();
      const [row] = await queryRows<{ receipt: string; received_at: Date | string; inserted: boolean }>(
        db,
        sql`insert into sim_baocao_reports (idempotency_key, receipt, unit_code, period_id, payload, received_at)
            values (${key}, ${receiptOf(key)}, ${report.donVi.maDinhDanh}, ${report.kyBaoCao.ma}, ${JSON.stringify(report)}::jsonb, ${now.toISOString()}::timestamptz)
            on conflict (idempotency_key) do update set requests = sim_baocao_reports.requests + 1
            returning receipt, received_at, (xmax = 0) as inserted`,
      );
      return {
        status: row!.inserted ? 201 : 200,
        body: { soTiepNhan: row!.receipt, thoiDiemNhan: new Date(row!.received_at).toISOString() },
      };
    },
    async list() {
      const rows = await db.select().from(simBaocaoReports).orderBy(desc(simBaocaoReports.receivedAt)).limit(100);
      return {
        items: rows.map((r) => ({
          soTiepNhan: r.receipt,
          maDinhDanh: r.unitCode,
          kyBaoCao: r.periodId,
          thoiDiemNhan: r.receivedAt.toISOString(),
          soLanGui: r.requests,
        })),
      };
    },
  };
}

/** The simulator behind a fetch: what an HTTP call to /sim/baocao/* would answer, without the socket. */
export function simulatorFetch(db: Queryable, env: Env) {
  const system = simulatedReportingSystem(db, env);
  return async (url: string, init: { method?: string; headers?: Record<string, string>; body?: string }) => {
    const path = new URL(url).pathname;
    if (path !== `${SIM_BASE}${BAOCAO_PATH}` || init.method !== 'POST')
      return Response.json({ loi: { ma: 'NOT_FOUND', thongBao: 'Không có đường dẫn này' } }, { status: 404 });
    let body: unknown;
    try {
      body = JSON.parse(init.body ?? '');
    } catch {
      return Response.json({ loi: { ma: 'INVALID', thongBao: 'Nội dung không phải JSON' } }, { status: 400 });
    }
    const h = init.headers ?? {};
    const reply = await system.receive(
      {
        ...(h.authorization !== undefined ? { authorization: h.authorization } : {}),
        ...(h['idempotency-key'] !== undefined ? { idempotencyKey: h['idempotency-key'] } : {}),
      },
      body,
    );
    return Response.json(reply.body, { status: reply.status });
  };
}
