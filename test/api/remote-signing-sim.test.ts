/** Issue 19: the remote-signing simulator over HTTP — request, the phone page, confirmation, the signature value. */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../src/app/testing/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(() => t.close());

describe('/sim/remote-signing', () => {
  it('a sign-hash request waits on the phone page until confirmed, then answers the signature and chain', async () => {
    const digest = createHash('sha256').update('kết quả').digest('base64');
    const created = await t.app.inject({
      method: 'POST',
      url: '/sim/remote-signing/v1/signatures',
      payload: { userId: '001080000009', description: 'Phê duyệt kết quả hồ sơ thử nghiệm', digest },
    });
    expect(created.statusCode).toBe(201);
    const { transactionId } = created.json();
    const page = await t.app.inject({ url: '/sim/remote-signing/app/001080000009' });
    expect(page.body).toContain('Phê duyệt kết quả hồ sơ thử nghiệm');
    const pending = await t.app.inject({ url: `/sim/remote-signing/v1/signatures/${transactionId}` });
    expect(pending.json()).toMatchObject({ status: 'pending', signature: null, certificates: [] });
    const confirmed = await t.app.inject({
      method: 'POST',
      url: `/sim/remote-signing/app/transactions/${transactionId}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'decision=confirm',
    });
    expect(confirmed.statusCode).toBe(303);
    const done = (await t.app.inject({ url: `/sim/remote-signing/v1/signatures/${transactionId}` })).json();
    expect(done.status).toBe('confirmed');
    expect(Buffer.from(done.signature, 'base64')).toHaveLength(256);
    expect(done.certificates).toHaveLength(2);
    expect((await t.app.inject({ url: '/sim/remote-signing/app/001080000009' })).body).toContain('sim-sign-empty');
  });

  it('serves the demo root certificate and a CRL', async () => {
    const root = await t.app.inject({ url: '/sim/ca/root.crt' });
    expect(root.headers['content-type']).toBe('application/pkix-cert');
    expect(root.rawPayload[0]).toBe(0x30);
    expect((await t.app.inject({ url: '/sim/ca/sub.crl' })).headers['content-type']).toBe('application/pkix-crl');
  });
});
