import { describe, expect, it } from 'vitest';
import { identityLevelTooLow } from './identity-level.rules.js';

describe('identityLevelTooLow', () => {
  const cases: [string, 1 | 2 | undefined, Parameters<typeof identityLevelTooLow>[1], boolean][] = [
    ['no requirement, password citizen', undefined, { kind: 'citizen', identityLevel: null }, false],
    ['level 1 required, level-1 citizen', 1, { kind: 'citizen', identityLevel: 1 }, false],
    ['level 2 required, level-2 citizen', 2, { kind: 'citizen', identityLevel: 2 }, false],
    ['level 2 required, level-1 citizen', 2, { kind: 'citizen', identityLevel: 1 }, true],
    ['level 2 required, password citizen', 2, { kind: 'citizen', identityLevel: null }, true],
    ['level 2 required, token (no level)', 2, { kind: 'citizen' }, true],
    ['level 2 required, staff at the counter', 2, { kind: 'staff', identityLevel: null }, false],
  ];
  it.each(cases)('%s', (_name, required, filer, expected) => {
    expect(identityLevelTooLow(required, filer)).toBe(expected);
  });
});
