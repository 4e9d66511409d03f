import { describe, expect, it } from 'vitest';
import { forgetMemo, memo, withRequestMemo } from './request-memo.js';

const counter = () => {
  let calls = 0;
  return { load: async () => ++calls, calls: () => calls };
};

describe('request memo', () => {
  it('loads a key once within a request, again in the next request', async () => {
    const c = counter();
    const first = await withRequestMemo(async () => [await memo('k', c.load), await memo('k', c.load)]);
    const second = await withRequestMemo(() => memo('k', c.load));
    expect(first).toEqual([1, 1]);
    expect(second).toBe(2);
  });

  it('shares one load between concurrent asks in the same request', async () => {
    const c = counter();
    const both = await withRequestMemo(() => Promise.all([memo('k', c.load), memo('k', c.load)]));
    expect(both).toEqual([1, 1]);
    expect(c.calls()).toBe(1);
  });

  it('memoises nothing outside a request', async () => {
    const c = counter();
    expect([await memo('k', c.load), await memo('k', c.load)]).toEqual([1, 2]);
  });

  it('forgets keys by prefix, and does not keep a failed load', async () => {
    const c = counter();
    const values = await withRequestMemo(async () => {
      const a = await memo('unit:1', c.load);
      forgetMemo('unit:');
      const b = await memo('unit:1', c.load);
      await expect(memo('bad', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
      const c2 = await memo('bad', async () => 'ok');
      return [a, b, c2];
    });
    expect(values).toEqual([1, 2, 'ok']);
  });
});
