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
