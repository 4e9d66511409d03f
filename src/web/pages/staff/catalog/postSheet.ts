import { api, ApiError, type RequestOptions } from '../../../api.js';
import type { Schema } from '../../../api/types.js';
import type { MeResponse } from '../../../types.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The import body type the server expects, from the file's name (browsers often leave csv untyped). */
export function sheetType(name: string): 'json' | 'csv' | 'xlsx' | null {
  const ext = name.toLowerCase().split('.').pop();
  return ext === 'json' || ext === 'csv' || ext === 'xlsx' ? ext : null;
}

/**
 * POSTs an import file as its own body. JSON goes through api() as parsed data; a CSV or XLSX
 * sheet goes raw with its content type, which api() (JSON or multipart only) does not send, so
 * this call asks the session for its CSRF token and reads the error shape the same way.
 */
export async function postImportFile<T>(path: string, file: File, query: RequestOptions['query']): Promise<T> {
  const type = sheetType(file.name);
  if (type === 'json') {
    let records: unknown;
    try {
      records = JSON.parse(await file.text());
    } catch {
      throw new ApiError(400, 'INVALID_JSON', 'Tệp JSON không hợp lệ.');
    }
    return api<T>(path, { method: 'POST', query, body: records });
  }
  const { csrfToken } = await api<MeResponse>('/api/me');
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {}))
    if (v !== null && v !== undefined && v !== '') params.set(k, String(v));
  const response = await fetch(`${path}?${params}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      'content-type': type === 'csv' ? 'text/csv' : XLSX_TYPE,
      'x-csrf-token': csrfToken ?? '',
    },
    body: file,
  }).catch(() => {
    throw new ApiError(0, 'NETWORK', 'Không kết nối được máy chủ.');
  });
  const data = (await response.json().catch(() => null)) as (T & Partial<Schema<'Error'>>) | null;
  if (response.ok && data) return data;
  const error = data?.error;
  throw new ApiError(
    response.status,
    error?.code ?? `HTTP_${response.status}`,
    error?.message ?? `Lỗi máy chủ (${response.status}).`,
    error?.details,
  );
}
