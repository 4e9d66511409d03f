import { describe, expect, it } from 'vitest';
import type { Tx } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import type { PeerFetch as Fetch } from '../../kernel/http-peer.js';
import { httpPlatform } from './paygov-http.js';

const tx = {} as Tx;
const answering =
  (status: number, body: unknown, seen: string[] = []): Fetch =>
  async (url, init) => {
    seen.push(`${init.method} ${url}`);
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
  };
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

describe('the payment platform over HTTP', () => {
  it('posts the signed creation request and makes the payer’s URL absolute on the platform', async () => {
    const seen: string[] = [];
    const platform = httpPlatform(
      'http://127.0.0.1:9/sim/paygov/',
      1000,
      answering(200, { resultCode: '00', transactionId: 'PG1', paymentUrl: '/sim/paygov/pay/PG1' }, seen),
    );
    expect(await platform.create(tx, { orderId: 'x', checksum: 'c' })).toEqual({
      transactionId: 'PG1',
      paymentUrl: 'http://127.0.0.1:9/sim/paygov/pay/PG1',
    });
    await platform.statement(tx, '2026-12-06');
    expect(seen).toEqual([
      'POST http://127.0.0.1:9/sim/paygov/api/transactions',
      'GET http://127.0.0.1:9/sim/paygov/api/statements/2026-12-06',
    ]);
  });

  it.each([
    [
      'unreachable',
      (async () => {
        throw new TypeError('fetch failed');
      }) as Fetch,
      'PAYMENT_PLATFORM_UNAVAILABLE',
    ],
    ['503', answering(503, { error: 'down' }), 'PAYMENT_PLATFORM_UNAVAILABLE'],
    ['an HTML error page', answering(200, '<html>'), 'PAYMENT_PLATFORM_UNAVAILABLE'],
    [
      'a refused signature (401)',
      answering(401, { error: { code: 'PAYMENT_SIGNATURE_INVALID' } }),
      'PAYMENT_SIGNATURE_INVALID',
    ],
  ])('%s: %s', async (_what, fetchImpl, code) => {
    const platform = httpPlatform('http://127.0.0.1:9/sim/paygov', 1000, fetchImpl);
    expect(await codeOf(platform.query(tx, { orderId: 'x', checksum: 'c' }))).toBe(code);
  });

  it('a platform that does not answer in time is unavailable', async () => {
    const hung: Fetch = (_url, init) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const platform = httpPlatform('http://127.0.0.1:9/sim/paygov', 150, hung);
    expect(await codeOf(platform.refund(tx, { refundId: 'r', checksum: 'c' }))).toBe('PAYMENT_PLATFORM_UNAVAILABLE');
  });
});
