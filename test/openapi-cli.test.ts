/**
 * `npm run openapi -- --out <file>`: the document a separate process writes is the one the app
 * serves at /api/openapi.json (test/api/openapi.test.ts checks that document's content).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_VERSION } from '../src/kernel/env.js';

const dir = mkdtempSync(join(tmpdir(), 'motcua-openapi-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = promisify(execFile);

type Spec = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { summary?: string }>>;
};

describe('npm run openapi', () => {
  it('writes the OpenAPI document to --out', async () => {
    const out = join(dir, 'openapi.json');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/app/cli/openapi.ts', '--out', out], {
      // Not the developer's database: the command must not need one.
      env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/nowhere', DATA_DIR: join(dir, 'unused') },
    });
    expect(stdout).toContain(out);
    const spec = JSON.parse(readFileSync(out, 'utf8')) as Spec;
    expect(spec.openapi).toMatch(/^3\./);
    expect(spec.info).toMatchObject({ title: 'MotCua API', version: APP_VERSION });
    expect(spec.paths['/api/kpi/766']?.get?.summary).toContain('766');
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/auth/login', '/api/kpi/766/drilldown']),
    );
    expect(Object.keys(spec.paths).filter((p) => p === '/api/openapi.json' || p.startsWith('/api/docs'))).toEqual([]);
  }, 180_000);
});
