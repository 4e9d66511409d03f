/**
 * The VNeID-style identity provider simulator: a real OpenID Connect provider (`oidc-provider` 9,
 * certified by the OpenID Foundation) whose people are the demo citizens the simulated population
 * database knows (national-data/demo-citizens.ts), each with a VNeID level. Outside production
 * and when OIDC_ISSUER is unset it is served in-process under /sim/vneid (vneid-sim.routes.ts).
 *
 * One provider per public origin (PUBLIC_URL, else the origin the browser used): the issuer must be
 * the URL the relying party discovers. Its signing key and cookie keys live in the process, so a
 * restart signs everyone out of the simulator (not of MotCua): enough for a simulator.
 */
import { createHash, randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';
import type { Env } from '../../kernel/env.js';
import { DEMO_CITIZENS } from '../national-data/demo-citizens.js';
import { callbackUrlFor } from './oidc.config.js';
import { type IdentityLevel, VNEID_ACR, VNEID_SCOPES } from './vneid-claims.rules.js';

export const VNEID_SIM_BASE = '/sim/vneid';
/** The simulator's passcode for every demo person (VNeID asks for a 6-digit passcode). */
export const VNEID_SIM_PASSCODE = '123456';

export interface SimPerson {
  sub: string;
  personalId: string;
  fullName: string;
  birthDate: string;
  sex: 'male' | 'female';
  address: { formatted: string; street_address: string; locality: string; region: string; country: string };
  phone: string;
  level: IdentityLevel;
}

/** Level and phone per demo citizen; anyone not listed here is not a VNeID user of the simulator. */
const ACCOUNTS: Record<string, { level: IdentityLevel; phone: string }> = {
  '089095000123': { level: 2, phone: '+84912000123' },
  '089196001357': { level: 2, phone: '+84913001357' },
  '089088002468': { level: 1, phone: '+84914002468' },
  '089302001122': { level: 2, phone: '+84915001122' },
};

/** A pairwise-looking, stable subject: the relying party must not take it for the identifier. */
function subjectOf(personalId: string): string {
  return createHash('sha256').update(`vneid-sim:${personalId}`).digest('hex').slice(0, 32);
}

export const SIM_PEOPLE: readonly SimPerson[] = DEMO_CITIZENS.flatMap((c) => {
  const account = ACCOUNTS[c.soDinhDanh];
  if (!account) return [];
  const r = c.noiThuongTru;
  const birth = c.ngaySinh;
  return [
    {
      sub: subjectOf(c.soDinhDanh),
      personalId: c.soDinhDanh,
      fullName: c.hoVaTen,
      birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
      sex: c.gioiTinh === '1' ? 'male' : 'female',
      address: {
        formatted: [r.chiTiet, r.tenXa, r.tenTinh].join(', '),
        street_address: r.chiTiet,
        locality: r.tenXa,
        region: r.tenTinh,
        country: 'VN',
      },
      phone: account.phone,
      level: account.level,
    },
  ];
});

export function simPersonBySub(sub: string): SimPerson | undefined {
  return SIM_PEOPLE.find((p) => p.sub === sub);
}

export function simPersonByPersonalId(personalId: string): SimPerson | undefined {
  return SIM_PEOPLE.find((p) => p.personalId === personalId);
}

/** The claims of vneid-claims.ts, by scope (OIDC Core §5.4). */
function claimsOf(person: SimPerson): Record<string, unknown> {
  return {
    sub: person.sub,
    so_dinh_danh: person.personalId,
    name: person.fullName,
    birthdate: person.birthDate,
    gender: person.sex,
    address: person.address,
    phone_number: person.phone,
    phone_number_verified: true,
  };
}

let signingKey: Promise<Record<string, unknown>> | null = null;
const cookieKeys = [randomBytes(32).toString('hex')];

function signingJwk(): Promise<Record<string, unknown>> {
  signingKey ??= generateKeyPair('RS256', { extractable: true }).then(async ({ privateKey }) => ({
    ...(await exportJWK(privateKey)),
    kid: `vneid-sim-${randomBytes(4).toString('hex')}`,
    alg: 'RS256',
    use: 'sig',
  }));
  return signingKey;
}

const providers = new Map<string, Promise<Provider>>();

/** The simulator for one public origin (e.g. http://localhost:3000), built on first use. */
export function simulatorFor(origin: string, env: Env): Promise<Provider> {
  let found = providers.get(origin);
  if (!found) {
    found = buildProvider(origin, env);
    providers.set(origin, found);
  }
  return found;
}

async function buildProvider(origin: string, env: Env): Promise<Provider> {
  const provider = new Provider(`${origin}${VNEID_SIM_BASE}`, {
    clients: [
      {
        client_id: env.OIDC_CLIENT_ID,
        client_secret: env.OIDC_CLIENT_SECRET,
        client_name: 'Hệ thống thông tin giải quyết TTHC (MotCua)',
        redirect_uris: [callbackUrlFor(env, origin)],
        post_logout_redirect_uris: [`${origin}/login`],
        backchannel_logout_uri: `${origin}/api/auth/oidc/backchannel-logout`,
        backchannel_logout_session_required: true,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [await signingJwk()] },
    cookies: { keys: cookieKeys },
    pkce: { required: () => true },
    scopes: [...VNEID_SCOPES],
    claims: {
      acr: null,
      sid: null,
      auth_time: null,
      iss: null,
      openid: ['sub'],
      profile: ['name', 'birthdate', 'gender'],
      address: ['address'],
      phone: ['phone_number', 'phone_number_verified'],
      vneid: ['so_dinh_danh'],
    },
    acrValues: [VNEID_ACR.level1, VNEID_ACR.level2],
    // The ID token carries the claims too (the relying party also reads userinfo).
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true },
      backchannelLogout: { enabled: true },
    },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `${VNEID_SIM_BASE}/interaction/${interaction.uid}`,
    },
    async findAccount(_ctx: unknown, sub: string) {
      const person = simPersonBySub(sub);
      if (!person) return undefined;
      return { accountId: sub, claims: async () => claimsOf(person) };
    },
    // Its only outgoing call is the back-channel logout to MotCua itself, usually on a loopback or
    // private address, which the library's SSRF guard (its default dispatcher) would refuse.
    fetch: (url: string, options: RequestInit & { dispatcher?: unknown }) => {
      const { dispatcher: _guard, ...rest } = options;
      return globalThis.fetch(url, rest);
    },
    ttl: {
      Session: 8 * 3600,
      Interaction: 600,
      Grant: 8 * 3600,
      IdToken: 600,
      AccessToken: 600,
      AuthorizationCode: 60,
    },
  });
  provider.proxy = env.TRUST_PROXY;
  return provider;
}
