/**
 * A local stand-in for the national data-sharing platform (ndxp-protocol.ts): client credentials
 * → a bearer token (signed, 60 minutes; no state to keep), a citizen lookup in the population
 * database and the national data store's documents of a citizen, both over DEMO_CITIZENS. Served
 * over HTTP under /sim/ndxp/ (ndxp-sim.routes.ts) and, for our own client, through
 * `simulatorFetch` (same messages and status codes, no socket). Never logs identifiers.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Env } from '../../kernel/env.js';
import { DEMO_CITIZENS, demoStoreDocuments } from './demo-citizens.js';
import {
  type CongDan,
  type GiayToKho,
  NDXP_FAILURE,
  NDXP_INVALID,
  NDXP_NOT_FOUND,
  NDXP_OK,
  NDXP_PATHS,
  type NdxpReply,
  type TokenReply,
} from './ndxp-protocol.js';

export const SIM_BASE = '/sim/ndxp';
const TOKEN_SECONDS = 3600;

type Rec = Record<string, unknown>;
interface SimAnswer {
  status: number;
  body: unknown;
}

const equal = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
const answer = (body: unknown, status = 200): SimAnswer => ({ status, body });
const reply = <T>(maKetQua: string, thongDiep: string, duLieu?: T): NdxpReply<T> =>
  duLieu === undefined ? { maKetQua, thongDiep } : { maKetQua, thongDiep, duLieu };

export function simulatedPlatform(env: Env, now: () => number = Date.now) {
  const sign = (payload: string) =>
    createHmac('sha256', env.NATIONAL_DATA_CLIENT_SECRET).update(payload).digest('base64url');

  /** `<client>.<expiry seconds>.<signature>`: valid while unexpired and signed with our secret. */
  function validToken(header: string | undefined): boolean {
    const token = header?.startsWith('Bearer ') ? header.slice(7) : '';
    const [client, expiry, signature] = token.split('.');
    if (!client || !expiry || !signature || !equal(signature, sign(`${client}.${expiry}`))) return false;
    return Number(expiry) * 1000 > now();
  }

  function issueToken(form: Rec): SimAnswer {
    if (form.grant_type !== 'client_credentials') return answer({ error: 'unsupported_grant_type' }, 400);
    if (
      form.client_id !== env.NATIONAL_DATA_CLIENT_ID ||
      typeof form.client_secret !== 'string' ||
      !equal(form.client_secret, env.NATIONAL_DATA_CLIENT_SECRET)
    ) {
      return answer({ error: 'invalid_client' }, 401);
    }
    const payload = `${form.client_id}.${Math.floor(now() / 1000) + TOKEN_SECONDS}`;
    return answer({
      access_token: `${payload}.${sign(payload)}`,
      token_type: 'Bearer',
      expires_in: TOKEN_SECONDS,
    } satisfies TokenReply);
  }

  function person(body: Rec): CongDan | NdxpReply<never> {
    const id = body.soDinhDanh;
    if (typeof id !== 'string' || !/^\d{12}$/.test(id)) return reply(NDXP_INVALID, 'soDinhDanh: phải gồm 12 chữ số');
    if (typeof body.maYeuCau !== 'string' || !body.maYeuCau) return reply(NDXP_INVALID, 'maYeuCau: bắt buộc');
    return DEMO_CITIZENS.find((c) => c.soDinhDanh === id) ?? reply(NDXP_NOT_FOUND, 'Không tìm thấy công dân');
  }

  return {
    /** One request as the platform would answer it. */
    handle(path: string, headers: { authorization?: string | undefined }, body: Rec): SimAnswer {
      if (path === `${SIM_BASE}${NDXP_PATHS.token}`) return issueToken(body);
      if (!validToken(headers.authorization)) return answer({ error: 'invalid_token' }, 401);
      if (path === `${SIM_BASE}${NDXP_PATHS.citizen}`) {
        const found = person(body);
        return answer('maKetQua' in found ? found : reply(NDXP_OK, 'Thành công', found));
      }
      if (path === `${SIM_BASE}${NDXP_PATHS.storeDocuments}`) {
        const found = person(body);
        return answer(
          'maKetQua' in found ? found : reply<GiayToKho[]>(NDXP_OK, 'Thành công', demoStoreDocuments(found)),
        );
      }
      return answer(reply(NDXP_FAILURE, 'Không có dịch vụ này'), 404);
    },
  };
}

/** Parses a body as the platform accepts it: a form for the token, JSON for the services. */
export function parseBody(contentType: string | null | undefined, raw: string): Rec | null {
  if (contentType?.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  try {
    const parsed = JSON.parse(raw) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Rec) : null;
  } catch {
    return null;
  }
}

/** The simulator behind a fetch: what an HTTP call to /sim/ndxp/* would answer, without the socket. */
export function simulatorFetch(env: Env) {
  const platform = simulatedPlatform(env);
  return async (url: string, init: { headers: Record<string, string>; body: string }): Promise<Response> => {
    const body = parseBody(init.headers['content-type'], init.body);
    if (!body) return Response.json(reply(NDXP_FAILURE, 'Nội dung không hợp lệ'), { status: 400 });
    const { status, body: out } = platform.handle(
      new URL(url).pathname,
      { authorization: init.headers.authorization },
      body,
    );
    return Response.json(out, { status });
  };
}
