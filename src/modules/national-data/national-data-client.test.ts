import { describe, expect, it } from 'vitest';
import { testEnv } from '../../app/testing/env.js';
import { DEMO_CITIZENS } from './demo-citizens.js';
import { httpNationalDataClient, NationalDataError } from './national-data-client.js';
import { SIM_BASE, simulatedPlatform, simulatorFetch } from './ndxp-simulator.js';

const env = testEnv();
const demo = DEMO_CITIZENS[0]!;

/** A client on the in-process simulator, counting the calls by path. */
function onSimulator(options: { clientSecret?: string; baseUrl?: string } = {}) {
  const calls: string[] = [];
  const sim = simulatorFetch(env);
  const client = httpNationalDataClient({
    baseUrl: options.baseUrl ?? `http://in-process${SIM_BASE}`,
    clientId: env.NATIONAL_DATA_CLIENT_ID,
    clientSecret: options.clientSecret ?? env.NATIONAL_DATA_CLIENT_SECRET,
    fetch: async (url, init) => {
      calls.push(new URL(url).pathname.replace(SIM_BASE, ''));
      return sim(url, init);
    },
  });
  return { client, calls };
}

describe('national data-sharing platform: client against the simulator', () => {
  it('takes a token once, then finds the demo citizen with name, birth date, sex and residence', async () => {
    const { client, calls } = onSimulator({ baseUrl: `http://in-process${SIM_BASE}/` });
    const found = await client.findCitizen(demo.soDinhDanh);
    expect(found).toMatchObject({
      soDinhDanh: '089095000123',
      hoVaTen: 'Nguyễn Văn An',
      ngaySinh: '19950104',
      gioiTinh: '1',
    });
    expect(found!.noiThuongTru.tenTinh).toBe('Tỉnh An Giang');
    expect(await client.findCitizen('089095999999')).toBeNull();
    expect(calls).toEqual(['/token', '/dancu/v1/tra-cuu-cong-dan', '/dancu/v1/tra-cuu-cong-dan']);
  });

  it('lists the national store documents of a citizen, with a PDF; none for an unknown one', async () => {
    const { client } = onSimulator();
    const [document] = await client.storeDocuments(demo.soDinhDanh);
    expect(document).toMatchObject({
      maGiayTo: 'KS-089095000123',
      loaiGiayTo: 'TRICH_LUC_KHAI_SINH',
      tenGiayTo: 'Trích lục khai sinh',
    });
    expect(Buffer.from(document!.tepDinhKem.noiDung, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(await client.storeDocuments('089095999999')).toEqual([]);
  });

  it('refuses a wrong client secret, and says so without the identifier', async () => {
    const { client } = onSimulator({ clientSecret: 'not-the-secret-at-all', baseUrl: 'http://wrong-secret/sim/ndxp' });
    const error = await client.findCitizen(demo.soDinhDanh).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NationalDataError);
    expect(error).toMatchObject({ code: 'TOKEN_REFUSED' });
    expect((error as Error).message).not.toContain(demo.soDinhDanh);
  });

  it('reports a platform that does not answer as a NETWORK error', async () => {
    const client = httpNationalDataClient({
      baseUrl: 'http://127.0.0.1:9',
      clientId: 'x',
      clientSecret: 'y'.repeat(20),
      fetch: () => Promise.reject(new TypeError('fetch failed')),
    });
    await expect(client.findCitizen(demo.soDinhDanh)).rejects.toMatchObject({ code: 'NETWORK' });
  });
});

describe('the simulated platform', () => {
  const platform = simulatedPlatform(env);
  const token = () =>
    (
      platform.handle(
        `${SIM_BASE}/token`,
        {},
        {
          grant_type: 'client_credentials',
          client_id: env.NATIONAL_DATA_CLIENT_ID,
          client_secret: env.NATIONAL_DATA_CLIENT_SECRET,
        },
      ).body as { access_token: string }
    ).access_token;

  it('answers 401 without a token, with a forged one, and with an expired one', () => {
    const path = `${SIM_BASE}/dancu/v1/tra-cuu-cong-dan`;
    const body = { soDinhDanh: demo.soDinhDanh, maYeuCau: 'r1' };
    expect(platform.handle(path, {}, body).status).toBe(401);
    expect(platform.handle(path, { authorization: `Bearer ${token()}x` }, body).status).toBe(401);
    const later = simulatedPlatform(env, () => Date.now() + 61 * 60_000);
    expect(later.handle(path, { authorization: `Bearer ${token()}` }, body).status).toBe(401);
    expect(platform.handle(path, { authorization: `Bearer ${token()}` }, body)).toMatchObject({
      status: 200,
      body: { maKetQua: '00' },
    });
  });

  it('refuses a malformed identifier or a missing request id (02) and another grant type', () => {
    const path = `${SIM_BASE}/dancu/v1/tra-cuu-cong-dan`;
    const auth = { authorization: `Bearer ${token()}` };
    expect(platform.handle(path, auth, { soDinhDanh: '12345', maYeuCau: 'r' }).body).toMatchObject({ maKetQua: '02' });
    expect(platform.handle(path, auth, { soDinhDanh: demo.soDinhDanh }).body).toMatchObject({ maKetQua: '02' });
    expect(platform.handle(`${SIM_BASE}/token`, {}, { grant_type: 'password' }).status).toBe(400);
  });
});

describe('a token the platform no longer accepts', () => {
  it('is replaced once and the call repeated', async () => {
    const sim = simulatorFetch(env);
    const calls: string[] = [];
    let first = true;
    const client = httpNationalDataClient({
      baseUrl: `http://renewal${SIM_BASE}`,
      clientId: env.NATIONAL_DATA_CLIENT_ID,
      clientSecret: env.NATIONAL_DATA_CLIENT_SECRET,
      fetch: async (url, init) => {
        const path = new URL(url).pathname.replace(SIM_BASE, '');
        calls.push(path);
        // The platform restarted with new keys: the first service call's token is refused.
        if (path !== '/token' && first) {
          first = false;
          return Response.json({ error: 'invalid_token' }, { status: 401 });
        }
        return sim(url, init);
      },
    });
    expect(await client.findCitizen(demo.soDinhDanh)).toMatchObject({ hoVaTen: 'Nguyễn Văn An' });
    expect(calls).toEqual(['/token', '/dancu/v1/tra-cuu-cong-dan', '/token', '/dancu/v1/tra-cuu-cong-dan']);
  });
});
