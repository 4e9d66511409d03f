/**
 * A small S3-speaking server for tests: PUT, GET and HEAD object, path-style, objects in memory.
 * It checks every request the way S3 does — SigV4 recomputed here from the raw request with the
 * shared secret (an implementation of its own, not sigv4.ts), the credential scope, the clock
 * skew, and that x-amz-content-sha256 is the body's real hash — and answers S3's XML errors.
 */
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SimulatedObject {
  data: Buffer;
  contentType: string;
}

export interface S3Simulator {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  objects: Map<string, SimulatedObject>;
  /** Every request: method, key and the status answered. */
  log: { method: string; key: string; status: number }[];
  close(): Promise<void>;
}

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const mac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

function encode(value: string): string {
  return [...Buffer.from(value, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

export async function startS3Simulator(options: { bucket?: string; region?: string } = {}): Promise<S3Simulator> {
  const sim = {
    bucket: options.bucket ?? 'motcua-test',
    region: options.region ?? 'ap-southeast-1',
    accessKeyId: 'MOTCUATESTKEY',
    secretAccessKey: 'simulator/secret+KEY0123456789',
    objects: new Map<string, SimulatedObject>(),
    log: [] as S3Simulator['log'],
  };

  function xmlError(res: ServerResponse, status: number, code: string): void {
    res.writeHead(status, { 'content-type': 'application/xml' });
    res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`);
  }

  /** Null when the request is correctly signed, else the S3 error code. */
  function verify(req: IncomingMessage, body: Buffer): string | null {
    const auth = req.headers.authorization ?? '';
    const m =
      /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
        auth,
      );
    if (!m) return 'AuthorizationHeaderMalformed';
    const [, accessKey, day, region, signedHeaders, signature] = m as unknown as string[];
    if (accessKey !== sim.accessKeyId) return 'InvalidAccessKeyId';
    if (region !== sim.region) return 'AuthorizationHeaderMalformed';
    const stamp = String(req.headers['x-amz-date'] ?? '');
    const at = Date.parse(stamp.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
    if (!Number.isFinite(at) || Math.abs(Date.now() - at) > 15 * 60_000 || stamp.slice(0, 8) !== day)
      return 'RequestTimeTooSkewed';
    const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
    if (payloadHash !== sha(body)) return 'XAmzContentSHA256Mismatch';
    const names = signedHeaders!.split(';');
    if (!names.includes('host') || !names.includes('x-amz-date') || !names.includes('x-amz-content-sha256'))
      return 'AccessDenied';
    const [path, query = ''] = (req.url ?? '/').split('?');
    const canonicalQuery = query
      .split('&')
      .filter(Boolean)
      .map((p) => p.split('=').map((x) => encode(decodeURIComponent(x ?? ''))))
      .map(([k, v = '']) => `${k}=${v}`)
      .sort()
      .join('&');
    const headerLines = names.map((n) => {
      const raw = req.headers[n];
      const value = Array.isArray(raw) ? raw.join(',') : (raw ?? '');
      return `${n}:${value.trim().replace(/\s+/g, ' ')}\n`;
    });
    const canonical = [req.method, path, canonicalQuery, headerLines.join(''), signedHeaders, payloadHash].join('\n');
    const scope = `${day}/${region}/s3/aws4_request`;
    const toSign = `AWS4-HMAC-SHA256\n${stamp}\n${scope}\n${sha(canonical)}`;
    const key = mac(mac(mac(mac(`AWS4${sim.secretAccessKey}`, day!), region!), 's3'), 'aws4_request');
    const expected = createHmac('sha256', key).update(toSign).digest('hex');
    return expected === signature ? null : 'SignatureDoesNotMatch';
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
      const prefix = `/${sim.bucket}/`;
      const key = path.startsWith(prefix) ? path.slice(prefix.length) : '';
      const answer = (status: number) => sim.log.push({ method: req.method ?? '', key, status });
      const refused = verify(req, body);
      if (refused) {
        answer(403);
        return xmlError(res, refused === 'AuthorizationHeaderMalformed' ? 400 : 403, refused);
      }
      if (!key) {
        answer(404);
        return xmlError(res, 404, 'NoSuchBucket');
      }
      const object = sim.objects.get(key);
      if (req.method === 'PUT') {
        sim.objects.set(key, { data: body, contentType: String(req.headers['content-type'] ?? 'binary/octet-stream') });
        answer(200);
        res.writeHead(200, { etag: `"${createHash('md5').update(body).digest('hex')}"` });
        return res.end();
      }
      if (req.method === 'GET' || req.method === 'HEAD') {
        if (!object) {
          answer(404);
          if (req.method === 'HEAD') return res.writeHead(404).end();
          return xmlError(res, 404, 'NoSuchKey');
        }
        answer(200);
        res.writeHead(200, { 'content-type': object.contentType, 'content-length': String(object.data.length) });
        return res.end(req.method === 'GET' ? object.data : undefined);
      }
      answer(405);
      return xmlError(res, 405, 'MethodNotAllowed');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...sim,
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

/** The environment that points FILE_STORAGE=s3 at this simulator. */
export function s3Env(sim: S3Simulator): Record<string, string> {
  return {
    FILE_STORAGE: 's3',
    S3_ENDPOINT: sim.endpoint,
    S3_BUCKET: sim.bucket,
    S3_REGION: sim.region,
    S3_ACCESS_KEY_ID: sim.accessKeyId,
    S3_SECRET_ACCESS_KEY: sim.secretAccessKey,
    S3_FORCE_PATH_STYLE: 'true',
  };
}
