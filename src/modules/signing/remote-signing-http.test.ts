import { describe, expect, it } from 'vitest';
import { AppError, registerErrorTable } from '../../kernel/errors.js';
import type { PeerFetch } from '../../kernel/http-peer.js';
import { httpRemoteSigning } from './remote-signing-http.js';
import { SIGNING_ERRORS } from './signing.errors.js';

registerErrorTable('signing', SIGNING_ERRORS);

const BASE = 'http://127.0.0.1:9/sim/remote-signing/';
const answering =
  (status: number, body: unknown, seen: string[] = []): PeerFetch =>
  async (url, init) => {
    seen.push(`${init.method} ${url}${init.body ? ` ${String(init.body)}` : ''}`);
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
  };
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof AppError ? `${e.code} ${e.status}` : String(e)),
  );
const digest = Buffer.alloc(32, 7);
const request = { userId: 'lanhdao', holderName: 'Lê Văn C', description: 'Ký kết quả', digest };

describe('the remote-signing service over HTTP', () => {
  it('speaks the protocol: sign-hash request, transaction status with the signature', async () => {
    const seen: string[] = [];
    const service = httpRemoteSigning(
      BASE,
      1000,
      answering(201, { transactionId: 'T1', expiresAt: '2026-12-07T01:00:00.000Z' }, seen),
    );
    expect(await service.requestSignature(request)).toEqual({
      transactionId: 'T1',
      expiresAt: new Date('2026-12-07T01:00:00.000Z'),
    });
    expect(seen).toEqual([
      `POST http://127.0.0.1:9/sim/remote-signing/v1/signatures {"userId":"lanhdao","holderName":"Lê Văn C","description":"Ký kết quả","digest":"${digest.toString('base64')}"}`,
    ]);
    const confirmed = httpRemoteSigning(
      BASE,
      1000,
      answering(200, {
        transactionId: 'T1',
        userId: 'lanhdao',
        description: 'Ký kết quả',
        status: 'confirmed',
        expiresAt: '2026-12-07T01:00:00.000Z',
        signature: Buffer.from('chữ ký').toString('base64'),
        certificates: [],
      }),
    );
    expect((await confirmed.transaction('T1'))?.signature?.toString()).toBe('chữ ký');
    expect(await httpRemoteSigning(BASE, 1000, answering(404, { error: 'unknown' })).transaction('T9')).toBeNull();
  });

  it.each([
    [
      'unreachable',
      (async () => {
        throw new TypeError('fetch failed');
      }) as PeerFetch,
      'REMOTE_SIGNING_UNAVAILABLE 503',
    ],
    ['502', answering(502, '<html>Bad gateway</html>'), 'REMOTE_SIGNING_UNAVAILABLE 503'],
    ['429', answering(429, { error: 'busy' }), 'REMOTE_SIGNING_UNAVAILABLE 503'],
    ['an HTML page with 200', answering(200, '<html>'), 'REMOTE_SIGNING_UNAVAILABLE 503'],
    ['an answer not in the protocol', answering(201, { id: 1 }), 'REMOTE_SIGNING_UNAVAILABLE 503'],
    ['our request refused (400)', answering(400, { error: 'digest must be SHA-256' }), 'SIGNING_FAILED 502'],
  ])('%s', async (_what, fetchImpl, code) => {
    expect(await codeOf(httpRemoteSigning(BASE, 1000, fetchImpl).requestSignature(request))).toBe(code);
  });

  it('a service that does not answer in time is unavailable, within the timeout', async () => {
    const hung: PeerFetch = (_url, init) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const started = performance.now();
    expect(await codeOf(httpRemoteSigning(BASE, 150, hung).transaction('T1'))).toBe('REMOTE_SIGNING_UNAVAILABLE 503');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('a read on a connection the service closed meanwhile is sent once more; a signature request is not', async () => {
    let calls = 0;
    const staleOnce: PeerFetch = async (url, init) => {
      calls += 1;
      if (calls === 1) throw new TypeError('other side closed');
      return answering(404, { error: 'unknown' })(url, init);
    };
    expect(await httpRemoteSigning(BASE, 1000, staleOnce).transaction('T1')).toBeNull();
    calls = 0;
    expect(await codeOf(httpRemoteSigning(BASE, 1000, staleOnce).requestSignature(request))).toBe(
      'REMOTE_SIGNING_UNAVAILABLE 503',
    );
    expect(calls).toBe(1);
  });
});
