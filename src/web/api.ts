/**
 * The one way the web app talks to the API: same-origin cookies, X-CSRF-Token on state changes,
 * the error shape {"error":{code,message,details}} turned into ApiError (message in Vietnamese,
 * as the server wrote it). A 401 on an authenticated call hands over to the session (→ /login).
 */

import type { Schema } from './api/types.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let onUnauthorized: ((code: string) => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called once by the session provider: what to do when the server says we are signed out. */
export function setUnauthorizedHandler(handler: ((code: string) => void) | null): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  /** 'redirect' (default): a 401 ends the session and goes to /login. 'throw': just throw. */
  on401?: 'redirect' | 'throw';
  /** Extra request headers, e.g. Idempotency-Key. */
  headers?: Record<string, string>;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  // FormData (a file upload) sets its own multipart content type with the boundary; a Blob (a
  // file sent as the body itself) goes as its own type.
  const multipart = options.body instanceof FormData;
  const blob = options.body instanceof Blob ? options.body : null;
  if (blob) headers['content-type'] = blob.type || 'application/octet-stream';
  else if (options.body !== undefined && !multipart) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let url = path;
  if (options.query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(options.query)) {
      if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
    }
    const qs = params.toString();
    if (qs) url += `?${qs}`;
  }

  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body:
        options.body === undefined
          ? undefined
          : multipart
            ? (options.body as FormData)
            : (blob ?? JSON.stringify(options.body)),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Không kết nối được máy chủ.');
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (response.ok) return data as T;

  // The API's error shape (Schema<'Error'>), read defensively: a proxy may answer otherwise.
  const error = (data as { error?: Partial<Schema<'Error'>['error']> } | null)?.error;
  const failure = new ApiError(
    response.status,
    error?.code ?? `HTTP_${response.status}`,
    error?.message ?? `Lỗi máy chủ (${response.status}).`,
    error?.details,
  );
  if (response.status === 401 && (options.on401 ?? 'redirect') === 'redirect') onUnauthorized?.(failure.code);
  throw failure;
}
