import { describe, expect, it } from 'vitest';
import { DEMO_CITIZENS } from '../national-data/demo-citizens.js';
import { DEMO_ACCOUNTS } from './seed-demo.js';

// The population simulator lists the demo citizens itself (production code does not import the
// demo); this keeps the two lists in step.
describe('the simulated population database knows every demo account that has a personal identifier', () => {
  for (const account of DEMO_ACCOUNTS.filter((a) => a.personalId)) {
    it(account.username, () => {
      const found = DEMO_CITIZENS.find((c) => c.soDinhDanh === account.personalId);
      expect(found?.hoVaTen).toBe(account.fullName);
    });
  }
});
