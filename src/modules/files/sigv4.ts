/**
 * AWS Signature Version 4 (header authorization), written out so S3-compatible storage needs no
 * SDK. Pure: the caller gives the clock. Pinned by AWS's published test vectors (sigv4.test.ts).
 *
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 */
import { createHash, createHmac } from 'node:crypto';

export interface SigV4Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Temporary credentials (STS) add x-amz-security-token. */
  sessionToken?: string | undefined;
}

export interface SigV4Scope {
  region: string;
  /** `s3` for object storage; the test suite uses `service`. */
  service: string;
}

export interface SigV4Request {
  method: string;
  /** The URL as sent: its pathname must already be URI-encoded the way the service expects. */
  url: URL;
  /** Headers to sign besides host and x-amz-date (names in any case). */
  headers: Record<string, string>;
  /** Hex SHA-256 of the body (S3 also sends it as x-amz-content-sha256). */
  payloadHash: string;
}

export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** 20150830T123600Z */
export function amzDate(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/**
 * URI-encode as SigV4 requires: every byte except A–Z a–z 0–9 - . _ ~ as %XX (upper-case hex);
 * `/` kept when encoding an object key path.
 */
export function awsUriEncode(value: string, keepSlash = false): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-._~]/.test(c) || (keepSlash && c === '/')) out += c;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Query parameters decoded, re-encoded strictly and sorted by name, then value. */
export function canonicalQuery(search: string): string {
  const text = search.startsWith('?') ? search.slice(1) : search;
  if (text === '') return '';
  const pairs = text
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      const name = eq === -1 ? part : part.slice(0, eq);
      const value = eq === -1 ? '' : part.slice(eq + 1);
      return [awsUriEncode(decodeURIComponent(name)), awsUriEncode(decodeURIComponent(value))] as const;
    });
  pairs.sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([n, v]) => `${n}=${v}`).join('&');
}

export interface SignedParts {
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
  signedHeaders: string;
  credentialScope: string;
}

/** The intermediate products of signing (exposed for tests and for a verifying simulator). */
export function signParts(
  request: SigV4Request,
  credentials: SigV4Credentials,
  scope: SigV4Scope,
  at: Date,
): SignedParts {
  const stamp = amzDate(at);
  const day = stamp.slice(0, 8);
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(request.headers)) {
    headers.set(name.toLowerCase(), value.trim().replace(/\s+/g, ' '));
  }
  headers.set('host', request.url.host);
  headers.set('x-amz-date', stamp);
  if (credentials.sessionToken) headers.set('x-amz-security-token', credentials.sessionToken);
  const names = [...headers.keys()].sort();
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    request.method.toUpperCase(),
    request.url.pathname || '/',
    canonicalQuery(request.url.search),
    names.map((n) => `${n}:${headers.get(n)}\n`).join(''),
    signedHeaders,
    request.payloadHash,
  ].join('\n');
  const credentialScope = `${day}/${scope.region}/${scope.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', stamp, credentialScope, sha256Hex(canonicalRequest)].join('\n');
  const signature = createHmac('sha256', signingKey(credentials.secretAccessKey, day, scope))
    .update(stringToSign, 'utf8')
    .digest('hex');
  return { canonicalRequest, stringToSign, signature, signedHeaders, credentialScope };
}

/** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
export function signingKey(secretAccessKey: string, day: string, scope: SigV4Scope): Buffer {
  const kDate = hmac(`AWS4${secretAccessKey}`, day);
  const kRegion = hmac(kDate, scope.region);
  const kService = hmac(kRegion, scope.service);
  return hmac(kService, 'aws4_request');
}

/**
 * The headers to add to a request: `authorization`, `x-amz-date` and, with temporary
 * credentials, `x-amz-security-token`.
 */
export function signRequest(
  request: SigV4Request,
  credentials: SigV4Credentials,
  scope: SigV4Scope,
  at: Date = new Date(),
): Record<string, string> {
  const parts = signParts(request, credentials, scope, at);
  const added: Record<string, string> = {
    authorization:
      `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${parts.credentialScope}, ` +
      `SignedHeaders=${parts.signedHeaders}, Signature=${parts.signature}`,
    'x-amz-date': amzDate(at),
  };
  if (credentials.sessionToken) added['x-amz-security-token'] = credentials.sessionToken;
  return added;
}
