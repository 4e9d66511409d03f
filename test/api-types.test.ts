/**
 * The web's API types (src/web/api/schema.d.ts) are generated from the server's OpenAPI document:
 * regenerated here in memory from the document the app serves, they must equal the committed file.
 */
import { readFileSync } from 'node:fs';
import type { OpenAPI3 } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_TYPES_FILE, renderApiTypes } from '../scripts/api-types.js';
import { createTestApp, type TestApp } from '../src/app/testing/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
});
afterAll(() => t.close());

describe(API_TYPES_FILE, () => {
  it('is up to date with the API (else: npm run api:types)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const expected = await renderApiTypes(res.json() as OpenAPI3);
    const committed = readFileSync(new URL(`../${API_TYPES_FILE}`, import.meta.url), 'utf8');
    // Not toEqual on the whole text: a 13 000-line diff says less than where it starts.
    if (committed !== expected) {
      const a = committed.split('\n');
      const b = expected.split('\n');
      const line = a.findIndex((l, i) => l !== b[i]);
      expect.fail(
        `${API_TYPES_FILE} is stale: the server's schemas changed. Run \`npm run api:types\` and commit the result ` +
          `(first difference at line ${line + 1}: committed ${JSON.stringify(a[line])}, expected ${JSON.stringify(b[line])}).`,
      );
    }
  });
});
