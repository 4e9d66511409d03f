/**
 * The adapter to the Government's reporting information system (baocao-protocol.ts): one call,
 * `submit`, that sends a signed report with its idempotency key and answers the receipt, or throws
 * a ReportingError saying why (network, HTTP status, the system's own error code).
 */
import type { Queryable } from '../../kernel/db.js';
import type { Env } from '../../kernel/env.js';
import { BAOCAO_PATH, type BaoCao } from './baocao-protocol.js';
import { SIM_BASE, simulatorFetch } from './baocao-simulator.js';

export class ReportingError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus: number | null = null,
  ) {
    super(message);
  }
}

export interface Receipt {
  receipt: string;
  receivedAt: string;
  httpStatus: number;
}

export interface ReportingClient {
  submit(report: BaoCao, idempotencyKey: string): Promise<Receipt>;
}

type Fetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal?: AbortSignal },
) => Promise<Response>;

export function httpReportingClient(options: { baseUrl: string; token: string; fetch?: Fetch; timeoutMs?: number }) {
  const doFetch: Fetch = options.fetch ?? ((url, init) => fetch(url, init));
  const url = `${options.baseUrl.replace(/\/+$/, '')}${BAOCAO_PATH}`;
  return {
    async submit(report: BaoCao, idempotencyKey: string): Promise<Receipt> {
      let res: Response;
      try {
        res = await doFetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${options.token}`,
            'idempotency-key': idempotencyKey,
          },
          body: JSON.stringify(report),
          signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
        });
      } catch (error) {
        throw new ReportingError('NETWORK', `Không kết nối được hệ thống báo cáo: ${(error as Error).message}`);
      }
      let body: Record<string, unknown> = {};
      try {
        body = (await res.json()) as Record<string, unknown>;
      } catch {
        // a body that is not JSON: judged by the status alone
      }
      if (res.status === 200 || res.status === 201) {
        if (typeof body.soTiepNhan !== 'string')
          throw new ReportingError('BAD_REPLY', 'Hệ thống báo cáo không trả số tiếp nhận', res.status);
        return { receipt: body.soTiepNhan, receivedAt: String(body.thoiDiemNhan ?? ''), httpStatus: res.status };
      }
      const loi = (body.loi ?? {}) as { ma?: unknown; thongBao?: unknown };
      throw new ReportingError(
        typeof loi.ma === 'string' ? loi.ma : `HTTP_${res.status}`,
        typeof loi.thongBao === 'string' ? loi.thongBao : `Hệ thống báo cáo trả mã ${res.status}`,
        res.status,
      );
    },
  } satisfies ReportingClient;
}

/** The configured system, or the in-process simulator; null in production without a URL (not sent). */
export function reportingClientFromEnv(env: Env, db: Queryable): ReportingClient | null {
  if (env.REPORTING_SYSTEM_URL)
    return httpReportingClient({ baseUrl: env.REPORTING_SYSTEM_URL, token: env.REPORTING_SYSTEM_TOKEN });
  if (env.NODE_ENV === 'production') return null;
  return httpReportingClient({
    baseUrl: `http://in-process${SIM_BASE}`,
    token: env.REPORTING_SYSTEM_TOKEN,
    fetch: simulatorFetch(db, env),
  });
}
