import { describe, expect, it } from 'vitest';
import { readEnv } from './env.js';

describe('readEnv: payment secret', () => {
  it('accepts the development key outside production', () => {
    expect(readEnv({}).PAYMENT_SECRET).toMatch(/^motcua-paygov-simulator/);
    expect(readEnv({ NODE_ENV: 'test' }).PAYMENT_SECRET).toBe(readEnv({}).PAYMENT_SECRET);
  });

  it('refuses it in production, and accepts a real one there', () => {
    expect(() => readEnv({ NODE_ENV: 'production' })).toThrow(/PAYMENT_SECRET: must be set/);
    const secret = 'x'.repeat(40);
    expect(readEnv({ NODE_ENV: 'production', PAYMENT_SECRET: secret }).PAYMENT_SECRET).toBe(secret);
  });
});

describe('readEnv: national portal sync', () => {
  it('syncs to the in-process simulator with its account outside production', () => {
    const env = readEnv({});
    expect(env.NATIONAL_PORTAL_URL).toBeUndefined();
    expect(env).toMatchObject({ NATIONAL_PORTAL_SYNC_ENABLED: true, NATIONAL_PORTAL_USERNAME: 'motcua-dvcqg-sim' });
  });

  it('is off by default in production, and refuses the simulator (its URL or account) when turned on there', () => {
    const base = { NODE_ENV: 'production', PAYMENT_SECRET: 'x'.repeat(40) };
    expect(readEnv(base).NATIONAL_PORTAL_SYNC_ENABLED).toBe(false);
    expect(() => readEnv({ ...base, NATIONAL_PORTAL_SYNC_ENABLED: 'true' })).toThrow(
      /NATIONAL_PORTAL_URL: must be set/,
    );
    expect(() =>
      readEnv({ ...base, NATIONAL_PORTAL_SYNC_ENABLED: 'true', NATIONAL_PORTAL_URL: 'https://dvcqg.example.vn/api' }),
    ).toThrow(/NATIONAL_PORTAL_PASSWORD: must be set/);
    const real = {
      ...base,
      NATIONAL_PORTAL_SYNC_ENABLED: 'true',
      NATIONAL_PORTAL_URL: 'https://dvcqg.example.vn/api',
      NATIONAL_PORTAL_USERNAME: 'ag.motcua',
      NATIONAL_PORTAL_PASSWORD: 'y'.repeat(20),
    };
    expect(readEnv(real)).toMatchObject({ NATIONAL_PORTAL_SYNC_ENABLED: true, NATIONAL_PORTAL_USERNAME: 'ag.motcua' });
  });
});

describe('readEnv: national data-sharing platform', () => {
  it('uses the in-process simulator with its client outside production', () => {
    const env = readEnv({});
    expect(env.NATIONAL_DATA_URL).toBeUndefined();
    expect(env.NATIONAL_DATA_CLIENT_ID).toBe('motcua-ndxp-sim');
  });

  it('refuses the simulator client for a real platform in production', () => {
    const base = { NODE_ENV: 'production', PAYMENT_SECRET: 'x'.repeat(40) };
    expect(readEnv(base).NATIONAL_DATA_URL).toBeUndefined();
    expect(() => readEnv({ ...base, NATIONAL_DATA_URL: 'https://ndxp.example.vn/api' })).toThrow(
      /NATIONAL_DATA_CLIENT_SECRET: must be set/,
    );
    const real = {
      ...base,
      NATIONAL_DATA_URL: 'https://ndxp.example.vn/api',
      NATIONAL_DATA_CLIENT_ID: 'ag.motcua',
      NATIONAL_DATA_CLIENT_SECRET: 'z'.repeat(32),
    };
    expect(readEnv(real).NATIONAL_DATA_CLIENT_ID).toBe('ag.motcua');
  });
});

describe('API processes', () => {
  it('runs one by default, and several only on PostgreSQL', () => {
    expect(readEnv({}).API_PROCESSES).toBe(1);
    expect(() => readEnv({ API_PROCESSES: '2' })).toThrow(/API_PROCESSES: needs DATABASE_URL/);
    expect(readEnv({ API_PROCESSES: '2', DATABASE_URL: 'postgres://db/motcua' }).API_PROCESSES).toBe(2);
    expect(readEnv({}).DATABASE_POOL_SIZE).toBe(10);
    expect(() => readEnv({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
  });
});
