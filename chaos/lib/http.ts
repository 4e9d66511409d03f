/** Talking to a chaos server over HTTP as a signed-in account or anonymously. */
import { DEMO_PASSWORD } from './server.js';

/** A reply slower than this is a failure of its own (the server hung). */
const REPLY_TIMEOUT_MS = 60_000;
/** The server's body limit (src/app/http-app.ts bodyLimit). */
const SERVER_BODY_LIMIT = 1024 * 1024;

export interface Session {
  username: string;
  cookie: string;
  csrfToken: string;
}

export interface Reply {
  /** 0: the server refused an over-limit body and closed the connection while it was being sent. */
  status: number;
  contentType: string;
  text: string;
}

export interface Call {
  method: string;
  path: string;
  session?: Session | null;
  /** Send the session's CSRF token (default true). */
  csrf?: boolean;
  headers?: Record<string, string>;
  /** A JSON value (serialised), or raw text/bytes sent as they are. */
  json?: unknown;
  raw?: string | Uint8Array;
  contentType?: string | null;
  signal?: AbortSignal;
}

export async function call(base: string, c: Call): Promise<Reply> {
  const headers: Record<string, string> = { ...c.headers };
  if (c.session) {
    headers.cookie = c.session.cookie;
    if (c.csrf !== false) headers['x-csrf-token'] = c.session.csrfToken;
  }
  let body: string | Uint8Array | undefined;
  if (c.json !== undefined) body = JSON.stringify(c.json);
  else if (c.raw !== undefined) body = c.raw;
  if (body !== undefined && c.contentType !== null) headers['content-type'] = c.contentType ?? 'application/json';
  let res: Response;
  try {
    res = await fetch(base + c.path, {
      method: c.method,
      headers,
      body: body as BodyInit | undefined,
      signal: c.signal ?? AbortSignal.timeout(REPLY_TIMEOUT_MS),
    });
  } catch (err) {
    // HTTP lets a server answer (413, 401) and close before it has read a body it will not take;
    // the client, still sending, sees the connection go. Only for a body over the limit is that
    // the server's right; anything else is reported.
    const size = typeof body === 'string' ? Buffer.byteLength(body) : (body?.byteLength ?? 0);
    if (size > SERVER_BODY_LIMIT && err instanceof TypeError) return { status: 0, contentType: '', text: '' };
    throw err;
  }
  const contentType = res.headers.get('content-type') ?? '';
  // An event stream never ends: its status and headers are the answer.
  if (contentType.startsWith('text/event-stream')) {
    await res.body?.cancel();
    return { status: res.status, contentType, text: '' };
  }
  return { status: res.status, contentType, text: await res.text() };
}

export async function login(base: string, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const session = /motcua_session=([^;]+)/.exec(res.headers.getSetCookie().join('\n'))?.[1];
  if (!session) throw new Error(`login ${username}: no session cookie`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { username, cookie: `motcua_session=${session}`, csrfToken };
}

/** JSON of a successful reply, or an error naming the call. */
export async function expectJson<T>(base: string, c: Call, status: number): Promise<T> {
  const reply = await call(base, c);
  if (reply.status !== status)
    throw new Error(`${c.method} ${c.path}: expected ${status}, got ${reply.status} ${reply.text.slice(0, 500)}`);
  return JSON.parse(reply.text) as T;
}

/** The error shape every refusal carries (src/kernel/error-handler.ts): {"error":{"code","message","details"}}. */
export function hasErrorShape(reply: Reply): boolean {
  if (!reply.contentType.includes('application/json')) return false;
  try {
    const body = JSON.parse(reply.text) as { error?: { code?: unknown; message?: unknown } };
    return typeof body.error?.code === 'string' && typeof body.error.message === 'string';
  } catch {
    return false;
  }
}
