/**
 * The relying party refuses an ID token that is not for this sign-in: wrong nonce, wrong audience,
 * bad signature. Against a provider of the test's own (any OIDC provider works by configuration)
 * whose token endpoint answers with the ID token each case crafts; a well-formed one signs in.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../src/app/testing/app.js';
import { Browser, listen } from '../fixtures/oidc.js';

const CLIENT_ID = 'motcua-test-client';
const PERSON = '089302001122';

type Keys = Awaited<ReturnType<typeof generateKeyPair>>;
let providerKey: Keys;
let otherKey: Keys;
let issuer: string;
let provider: Server;
let t: TestApp;
let base: string;
/** What the token endpoint answers with, given the nonce of the sign-in under way. */
let idTokenFor: (nonce: string) => Promise<string>;
let lastNonce = '';

function sign(key: Keys, claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key.privateKey);
}

const good = (nonce: string) => ({
  iss: issuer,
  aud: CLIENT_ID,
  sub: 'subject-1',
  nonce,
  acr: 'urn:vneid:loa:2',
  so_dinh_danh: PERSON,
  name: 'Phạm Ngọc Diệp',
});

beforeAll(async () => {
  providerKey = await generateKeyPair('RS256');
  otherKey = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(providerKey.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  provider = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const json = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (path === '/.well-known/openid-configuration') {
      return json({
        issuer,
        authorization_endpoint: `${issuer}/auth`,
        token_endpoint: `${issuer}/token`,
        userinfo_endpoint: `${issuer}/userinfo`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (path === '/jwks') return json({ keys: [jwk] });
    if (path === '/userinfo') return json({ sub: 'subject-1' });
    if (path === '/token') {
      req.resume();
      req.on('end', () => {
        void idTokenFor(lastNonce).then((id_token) =>
          json({ access_token: 'access-1', token_type: 'Bearer', expires_in: 60, id_token }),
        );
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
  t = await createTestApp({ env: { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: CLIENT_ID } });
  base = await listen(t);
}, 60_000);

afterAll(async () => {
  await t.close();
  await new Promise((resolve) => provider.close(resolve));
});

/** Starts a sign-in, then returns to the callback as the provider would; where MotCua lands. */
async function signInWith(token: (nonce: string) => Promise<string>): Promise<{ location: string; browser: Browser }> {
  const browser = new Browser(base);
  const start = await browser.request('/api/auth/oidc/start');
  const authorize = new URL(start.headers.get('location')!);
  expect(authorize.origin + authorize.pathname).toBe(`${issuer}/auth`);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  lastNonce = authorize.searchParams.get('nonce')!;
  idTokenFor = token;
  const state = authorize.searchParams.get('state')!;
  const back = await browser.request(`/api/auth/oidc/callback?code=code-1&state=${encodeURIComponent(state)}`);
  return { location: back.headers.get('location')!, browser };
}

describe('ID token validation', () => {
  it('accepts a token signed by the provider, for us, with this sign-in’s nonce', async () => {
    const { location, browser } = await signInWith((nonce) => sign(providerKey, good(nonce)));
    expect(location).toBe('/');
    expect(browser.cookies.has('motcua_session')).toBe(true);
  });

  const refusals: [string, (nonce: string) => Promise<string>][] = [
    ['a wrong nonce', () => sign(providerKey, good('someone-elses-nonce'))],
    ['a wrong audience', (nonce) => sign(providerKey, { ...good(nonce), aud: 'another-client' })],
    ['a bad signature', (nonce) => sign(otherKey, good(nonce))],
  ];
  it.each(refusals)('refuses %s', async (_name, token) => {
    const { location, browser } = await signInWith(token);
    expect(location).toBe('/login?oidcError=OIDC_SIGN_IN_FAILED');
    expect(browser.cookies.has('motcua_session')).toBe(false);
  });

  it('refuses a callback whose state is not the one this browser started', async () => {
    const browser = new Browser(base);
    await browser.request('/api/auth/oidc/start');
    idTokenFor = (nonce) => sign(providerKey, good(nonce));
    const back = await browser.request('/api/auth/oidc/callback?code=code-1&state=forged');
    expect(back.headers.get('location')).toBe('/login?oidcError=OIDC_SIGN_IN_FAILED');
    expect(browser.cookies.has('motcua_session')).toBe(false);
  });
});
