/**
 * S3-compatible object storage (AWS S3, MinIO, Ceph RGW, Viettel/FPT/CMC object storage…) over
 * plain HTTP with Node's fetch and our own SigV4 (sigv4.ts): PUT, GET and HEAD object, nothing
 * else. The payload is signed (x-amz-content-sha256 is the body's real hash), so the service
 * rejects a body altered in transit.
 */
import { awsUriEncode, EMPTY_SHA256, sha256Hex, signRequest, type SigV4Credentials } from './sigv4.js';
import { assertSafeKey, type FileStorage, StoredObjectMissing } from './storage.js';

export interface S3StorageOptions {
  /** e.g. https://s3.ap-southeast-1.amazonaws.com or http://minio:9000; default AWS for the region. */
  endpoint?: string | undefined;
  bucket: string;
  region: string;
  credentials: SigV4Credentials;
  /** `endpoint/bucket/key` instead of `bucket.endpoint/key` (MinIO and most on-premises stores). */
  forcePathStyle: boolean;
  /** Per-request time limit. */
  timeoutMs?: number;
  /** For tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** For tests; defaults to the current time. */
  now?: () => Date;
}

/** A refusal or fault from the object store, with its HTTP status and S3 error code. */
export class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly s3Code: string | null,
    operation: string,
  ) {
    super(`S3 ${operation} failed: HTTP ${status}${s3Code ? ` ${s3Code}` : ''}`);
    this.name = 'S3Error';
  }
}

export class S3Storage implements FileStorage {
  private readonly base: URL;
  private readonly fetch: typeof fetch;
  private readonly now: () => Date;
  private readonly timeoutMs: number;

  constructor(private readonly options: S3StorageOptions) {
    const endpoint = new URL(options.endpoint ?? `https://s3.${options.region}.amazonaws.com`);
    const basePath = endpoint.pathname.replace(/\/+$/, '');
    if (options.forcePathStyle) {
      this.base = new URL(`${endpoint.protocol}//${endpoint.host}${basePath}/${awsUriEncode(options.bucket)}/`);
    } else {
      this.base = new URL(`${endpoint.protocol}//${options.bucket}.${endpoint.host}${basePath}/`);
    }
    this.fetch = options.fetch ?? fetch;
    this.now = options.now ?? (() => new Date());
    this.timeoutMs = options.timeoutMs ?? 60_000;
  }

  /** The object's URL. */
  urlOf(key: string): URL {
    assertSafeKey(key);
    return new URL(awsUriEncode(key, true), this.base);
  }

  async put(key: string, data: Buffer, mediaType: string): Promise<void> {
    const res = await this.send('PUT', key, data, { 'content-type': mediaType });
    if (!res.ok) throw new S3Error(res.status, await errorCode(res), 'PUT');
    await res.arrayBuffer().catch(() => undefined);
  }

  async get(key: string): Promise<Buffer> {
    const res = await this.send('GET', key);
    if (res.status === 404) {
      await res.arrayBuffer().catch(() => undefined);
      throw new StoredObjectMissing(key);
    }
    if (!res.ok) throw new S3Error(res.status, await errorCode(res), 'GET');
    return Buffer.from(await res.arrayBuffer());
  }

  /**
   * HEAD object. Note: AWS answers 403 (not 404) for a missing key unless the credentials may
   * also list the bucket (s3:ListBucket); grant it, or this throws instead of returning false.
   */
  async exists(key: string): Promise<boolean> {
    const res = await this.send('HEAD', key);
    if (res.status === 404) return false;
    if (!res.ok) throw new S3Error(res.status, null, 'HEAD');
    return true;
  }

  private async send(method: 'PUT' | 'GET' | 'HEAD', key: string, body?: Buffer, extra: Record<string, string> = {}) {
    const url = this.urlOf(key);
    const payloadHash = body ? sha256Hex(body) : EMPTY_SHA256;
    const headers: Record<string, string> = { ...extra, 'x-amz-content-sha256': payloadHash };
    const auth = signRequest(
      { method, url, headers, payloadHash },
      this.options.credentials,
      { region: this.options.region, service: 's3' },
      this.now(),
    );
    return this.fetch(url, {
      method,
      headers: { ...headers, ...auth },
      ...(body ? { body: new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength) } : {}),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
  }
}

/** The <Code> of an S3 error document, if the body is one. */
async function errorCode(res: Response): Promise<string | null> {
  const text = await res.text().catch(() => '');
  return /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1] ?? null;
}
