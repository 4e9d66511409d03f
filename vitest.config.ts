import { defineConfig } from 'vitest/config';

/** Tests beside the code that still open a database: they run with the integration tests. */
const DATABASE_TESTS_IN_SRC = ['src/modules/dossiers/code-sequence.test.ts'];

/** How long a browser test's expect.poll waits: e2e/helpers.ts E2E_WAIT_MS (a busy two-core machine). */
const E2E_WAIT_MS = 30_000;

export default defineConfig({
  test: {
    // Two workers: vitest's default (available cores − 1) is one on the two-core CI machine, and
    // database tests spend much of their time waiting on PGlite or PostgreSQL, not computing.
    maxWorkers: 2,
    projects: [
      {
        // Pure tests beside the code (rules, parsers, formats): no database, no global setup.
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: [...DATABASE_TESTS_IN_SRC, '**/*.e2e.test.ts', 'node_modules/**'],
          // freshDatabase refuses to open a database here (src/app/testing/database.ts).
          env: { MOTCUA_UNIT_TESTS: '1' },
          // Rendering a PDF takes seconds on a loaded 2-core machine; vitest's 5 s fails them there.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          globalSetup: ['./test/global-setup.ts'],
          include: ['test/**/*.test.ts', ...DATABASE_TESTS_IN_SRC],
          exclude: ['**/*.e2e.test.ts', 'node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          globalSetup: ['./test/global-setup.ts'],
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // expect.poll waits as long as a Playwright locator does, not vitest's 1 s: a page on a
          // loaded CI machine takes seconds to show what the test waits for.
          expect: { poll: { timeout: E2E_WAIT_MS } },
          // One browser at a time, and only after the other projects: the CI machine has two cores.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
