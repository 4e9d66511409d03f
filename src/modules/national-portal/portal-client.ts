/**
 * The national portal as the sync sees it (NationalPortalClient), and its HTTP implementation:
 * JSON POSTs to `<base>/auth` (login → session) and `<base>/integration` (the services), the
 * session kept per process and renewed once when the portal says it is no longer valid.
 * NATIONAL_PORTAL_URL names a real portal (or adapter); unset, the same client talks to the
 * in-process simulator (dvcqg-simulator.ts) through a fetch that calls it directly — the
 * messages, status codes and errors are the ones the simulator serves under /sim/dvcqg/.
 */
import type { Queryable } from '../../kernel/db.js';
import type { Env } from '../../kernel/env.js';
import {
  type HoSoDongBo,
  type LoginReply,
  PORTAL_OK,
  PORTAL_SESSION_INVALID,
  type PortalReply,
  type PortalService,
  type TienDoHoSo,
} from './dvcqg-protocol.js';
import { SIM_BASE, simulatorFetch } from './dvcqg-simulator.js';

export interface NationalPortalClient {
  /** DongBoHoSoMC: the dossier as it stands (an upsert keyed by MaHoSo), sent by unit `madonvi`. */
  syncDossier(madonvi: string, record: HoSoDongBo, isUpdating: boolean): Promise<void>;
  /** CapNhatTienDoHoSoMC: progress steps, in order. */
  updateProgress(madonvi: string, steps: TienDoHoSo[]): Promise<void>;
  /** TraCuuHoSo: what the portal holds for a dossier code, if anything. */
  lookupDossier(madonvi: string, code: string): Promise<HoSoDongBo | null>;
}

/** A failed call: the portal's error code (or NETWORK / HTTP_<status>) and what it said. */
export class PortalError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Fetch = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string; signal?: AbortSignal },
) => Promise<Response>;

export interface HttpPortalOptions {
  baseUrl: string;
  username: string;
  password: string;
  fetch?: Fetch;
  timeoutMs?: number;
}

/** Sessions by portal and account, shared by the clients of this process (a login per expiry, not per call). */
const sessions = new Map<string, string>();

export function httpPortalClient(options: HttpPortalOptions): NationalPortalClient {
  const send = options.fetch ?? (globalThis.fetch as Fetch);
  const base = options.baseUrl.replace(/\/+$/, '');
  const key = `${base}|${options.username}`;

  async function post<T = PortalReply>(path: string, body: Record<string, unknown>): Promise<T> {
    let response: Response;
    try {
      response = await send(`${base}/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
    } catch (error) {
      throw new PortalError('NETWORK', `Không kết nối được Cổng DVCQG: ${(error as Error).message}`);
    }
    if (!response.ok) throw new PortalError(`HTTP_${response.status}`, `Cổng DVCQG trả về HTTP ${response.status}`);
    try {
      return (await response.json()) as T;
    } catch {
      throw new PortalError('BAD_REPLY', 'Cổng DVCQG trả về nội dung không phải JSON');
    }
  }

  async function login(): Promise<string> {
    const reply = await post<LoginReply>('auth', { username: options.username, password: options.password });
    if (Number(reply.error_code) !== 0 || !reply.session)
      throw new PortalError('LOGIN_FAILED', reply.message || 'Đăng nhập Cổng DVCQG không thành công');
    sessions.set(key, reply.session);
    return reply.session;
  }

  /** One service call; an invalid or expired session → log in again and repeat once. */
  async function call(service: PortalService, madonvi: string, body: Record<string, unknown>): Promise<PortalReply> {
    for (let attempt = 0; ; attempt++) {
      const session = sessions.get(key) ?? (await login());
      const reply = await post('integration', { session, madonvi, service, ...body });
      if (reply.error_code === PORTAL_SESSION_INVALID && attempt === 0) {
        sessions.delete(key);
        continue;
      }
      if (reply.error_code !== PORTAL_OK) {
        const detail = reply.errors?.length ? ` (${reply.errors.join('; ')})` : '';
        throw new PortalError(String(reply.error_code), `${reply.message}${detail}`);
      }
      return reply;
    }
  }

  return {
    async syncDossier(madonvi, record, isUpdating) {
      await call('DongBoHoSoMC', madonvi, { isUpdating: isUpdating ? 'True' : 'False', data: [record] });
    },
    async updateProgress(madonvi, steps) {
      if (steps.length > 0) await call('CapNhatTienDoHoSoMC', madonvi, { data: steps });
    },
    async lookupDossier(madonvi, code) {
      const reply = await call('TraCuuHoSo', madonvi, { mahoso: code });
      return (reply.result as HoSoDongBo[] | undefined)?.[0] ?? null;
    },
  };
}

/** The portal of the configuration: NATIONAL_PORTAL_URL, or the in-process simulator. */
export function nationalPortalClientFromEnv(env: Env, db: Queryable): NationalPortalClient {
  const credentials = { username: env.NATIONAL_PORTAL_USERNAME, password: env.NATIONAL_PORTAL_PASSWORD };
  if (env.NATIONAL_PORTAL_URL) return httpPortalClient({ baseUrl: env.NATIONAL_PORTAL_URL, ...credentials });
  return httpPortalClient({ baseUrl: `http://in-process${SIM_BASE}`, ...credentials, fetch: simulatorFetch(db, env) });
}
