import type { Env } from '../../kernel/env.js';
import { S3Storage } from './s3-storage.js';
import { type FileStorage, LocalDirectoryStorage } from './storage.js';

/** The configured storage: FILE_STORAGE=local (FILES_DIR, the default) or s3 (S3_*). */
export function fileStorageFromEnv(env: Env): FileStorage {
  if (env.FILE_STORAGE === 'local') return new LocalDirectoryStorage(env.FILES_DIR);
  // env.ts refuses FILE_STORAGE=s3 without these at start.
  return new S3Storage({
    endpoint: env.S3_ENDPOINT,
    bucket: env.S3_BUCKET!,
    region: env.S3_REGION,
    credentials: { accessKeyId: env.S3_ACCESS_KEY_ID!, secretAccessKey: env.S3_SECRET_ACCESS_KEY! },
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
  });
}

/** MAX_UPLOAD_MB in bytes. */
export function maxUploadBytes(env: Env): number {
  return env.MAX_UPLOAD_MB * 1024 * 1024;
}

declare module '../../kernel/http.js' {
  interface Services {
    /** Where uploaded files live (FILE_STORAGE), built once by the composition root. */
    files: FileStorage;
  }
}
