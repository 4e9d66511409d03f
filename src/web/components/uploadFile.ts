import { api } from '../api.js';
import type { StoredFile } from '../types.js';

/** Uploads one file to POST /api/files (multipart, field "file"); the server sniffs its type. */
export function uploadFile(file: Blob, name: string): Promise<StoredFile> {
  const body = new FormData();
  body.append('file', file, name);
  return api<StoredFile>('/api/files', { method: 'POST', body });
}
