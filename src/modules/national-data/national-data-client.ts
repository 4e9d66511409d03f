/**
 * The national data-sharing platform as MotCua sees it (NationalDataClient): the population
 * database's citizen lookup and the national data store's documents, over ndxp-protocol.ts. The
 * bearer token is kept per process and taken anew once when the platform answers 401.
 * NATIONAL_DATA_URL names the real platform (or a provincial LGSP in front of it); unset, the
 * same client talks to the in-process simulator (ndxp-simulator.ts) outside production, and in
 * production there is no platform (lookups are "unavailable": dossiers are recorded unverified).
 */
import { randomUUID } from 'node:crypto';
import type { Env } from '../../kernel/env.js';
import {
  type CongDan,
  type GiayToKho,
  NDXP_NOT_FOUND,
  NDXP_OK,
  NDXP_PATHS,
  type NdxpReply,
  type TokenReply,
} from './ndxp-protocol.js';
import { SIM_BASE, simulatorFetch } from './ndxp-simulator.js';

export interface NationalDataClient {
  /** Tra cứu công dân: the population database's record, or null when it has no such identifier. */
  findCitizen(personalId: string): Promise<CongDan | null>;
  /** The national data store's documents of a citizen (none when it has no such identifier). */
  storeDocuments(personalId: string): Promise<GiayToKho[]>;
}

/** A failed call (network, HTTP status, refused credentials, an error result): never the identifier. */
export class NationalDataError extends Error {
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

export interface HttpNationalDataOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  fetch?: Fetch;
  timeoutMs?: number;
}

/** Tokens by platform and client, shared by the clients of this process. */
const tokens = new Map<string, string>();

export function httpNationalDataClient(options: HttpNationalDataOptions): NationalDataClient {
  const send = options.fetch ?? (globalThis.fetch as Fetch);
  const base = options.baseUrl.replace(/\/+$/, '');
  const key = `${base}|${options.clientId}`;

  async function post(path: string, headers: Record<string, string>, body: string): Promise<Response> {
    try {
      return await send(`${base}${path}`, {
        method: 'POST',
        headers: { accept: 'application/json', ...headers },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
      });
    } catch (error) {
      throw new NationalDataError(
        'NETWORK',
        `Không kết nối được nền tảng chia sẻ dữ liệu quốc gia: ${(error as Error).name}`,
      );
    }
  }

  async function json<T>(response: Response): Promise<T> {
    try {
      return (await response.json()) as T;
    } catch {
      throw new NationalDataError('BAD_REPLY', 'Nền tảng chia sẻ dữ liệu trả về nội dung không phải JSON');
    }
  }

  async function token(): Promise<string> {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: options.clientId,
      client_secret: options.clientSecret,
    });
    const response = await post(
      NDXP_PATHS.token,
      { 'content-type': 'application/x-www-form-urlencoded' },
      form.toString(),
    );
    if (!response.ok)
      throw new NationalDataError(
        'TOKEN_REFUSED',
        `Nền tảng chia sẻ dữ liệu từ chối cấp token (HTTP ${response.status})`,
      );
    const reply = await json<TokenReply>(response);
    tokens.set(key, reply.access_token);
    return reply.access_token;
  }

  /** One service call by a citizen's identifier: the data, null when not found, or an error. */
  async function call<T>(path: string, personalId: string): Promise<T | null> {
    const body = JSON.stringify({ soDinhDanh: personalId, maYeuCau: randomUUID() });
    for (let attempt = 0; ; attempt++) {
      const bearer = tokens.get(key) ?? (await token());
      const response = await post(
        path,
        { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
        body,
      );
      if (response.status === 401 && attempt === 0) {
        tokens.delete(key);
        continue;
      }
      if (!response.ok)
        throw new NationalDataError(
          `HTTP_${response.status}`,
          `Nền tảng chia sẻ dữ liệu trả về HTTP ${response.status}`,
        );
      const reply = await json<NdxpReply<T>>(response);
      if (reply.maKetQua === NDXP_NOT_FOUND) return null;
      if (reply.maKetQua !== NDXP_OK || reply.duLieu === undefined)
        throw new NationalDataError(reply.maKetQua, reply.thongDiep);
      return reply.duLieu;
    }
  }

  return {
    findCitizen: (personalId) => call<CongDan>(NDXP_PATHS.citizen, personalId),
    storeDocuments: async (personalId) => (await call<GiayToKho[]>(NDXP_PATHS.storeDocuments, personalId)) ?? [],
  };
}

/** A platform that is not there (production without NATIONAL_DATA_URL): every call is unavailable. */
const NO_PLATFORM: NationalDataClient = {
  findCitizen: () =>
    Promise.reject(new NationalDataError('NOT_CONFIGURED', 'Chưa cấu hình kết nối nền tảng chia sẻ dữ liệu quốc gia')),
  storeDocuments: () =>
    Promise.reject(new NationalDataError('NOT_CONFIGURED', 'Chưa cấu hình kết nối nền tảng chia sẻ dữ liệu quốc gia')),
};

/**
 * The platform of the configuration: NATIONAL_DATA_URL, else the in-process simulator (never in
 * production). Built once by the composition root (this module's `provides`): one token per process.
 */
export function nationalDataClientFromEnv(env: Env): NationalDataClient {
  const credentials = { clientId: env.NATIONAL_DATA_CLIENT_ID, clientSecret: env.NATIONAL_DATA_CLIENT_SECRET };
  if (env.NATIONAL_DATA_URL) return httpNationalDataClient({ baseUrl: env.NATIONAL_DATA_URL, ...credentials });
  if (env.NODE_ENV === 'production') return NO_PLATFORM;
  return httpNationalDataClient({
    baseUrl: `http://in-process${SIM_BASE}`,
    ...credentials,
    fetch: simulatorFetch(env),
  });
}

declare module '../../kernel/http.js' {
  interface Services {
    /** The national data-sharing platform (NATIONAL_DATA_URL or the simulator), built once by the composition root. */
    nationalData: NationalDataClient;
  }
}
