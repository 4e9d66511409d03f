/** scripts/build-stamp.mjs: the fingerprint that lets `npm start` skip a build (no build runs here). */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fingerprint, needsBuild, readStamp, removeStamp, writeStamp } from '../scripts/build-stamp.mjs';

let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'motcua-stamp-'));
  mkdirSync(join(root, 'src/web/pages'), { recursive: true });
  mkdirSync(join(root, 'src/server'), { recursive: true });
  writeFileSync(join(root, 'src/server/main.ts'), 'export const a = 1;\n');
  writeFileSync(join(root, 'src/web/pages/Home.tsx'), 'export const b = 2;\n');
  writeFileSync(join(root, 'vite.config.ts'), 'export default {};\n');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

const web = () => fingerprint(root, ['src', 'vite.config.ts']);
const server = () => fingerprint(root, ['src', 'tsconfig.json'], { exclude: ['src/web'] });

describe('fingerprint', () => {
  it('is a sha256 that is the same for the same tree', () => {
    expect(web()).toMatch(/^[0-9a-f]{64}$/);
    expect(web()).toBe(web());
  });

  it('changes when a file changes content, not when only its mtime changes', () => {
    const before = web();
    const file = join(root, 'src/web/pages/Home.tsx');
    utimesSync(file, new Date(2001, 0, 1), new Date(2001, 0, 1));
    expect(web()).toBe(before);
    writeFileSync(file, 'export const b = 3;\n');
    expect(web()).not.toBe(before);
  });

  it('changes when a file is added, removed or renamed', () => {
    const before = web();
    writeFileSync(join(root, 'src/server/extra.ts'), '');
    const added = web();
    expect(added).not.toBe(before);
    rmSync(join(root, 'src/server/extra.ts'));
    expect(web()).toBe(before);
    rmSync(join(root, 'src/server/main.ts'));
    writeFileSync(join(root, 'src/server/main2.ts'), 'export const a = 1;\n');
    expect(web()).not.toBe(before);
  });

  it('ignores excluded directories and notices a missing input appearing', () => {
    const before = server();
    writeFileSync(join(root, 'src/web/pages/Home.tsx'), 'changed');
    expect(server()).toBe(before);
    writeFileSync(join(root, 'tsconfig.json'), '{}');
    expect(server()).not.toBe(before);
  });

  it('does not depend on the order the inputs are given in', () => {
    expect(fingerprint(root, ['vite.config.ts', 'src'])).toBe(web());
  });
});

describe('needsBuild', () => {
  it('is true when the stamp is missing or different, false when equal', () => {
    const stamp = join(root, 'dist/web/.build-hash');
    const current = web();
    expect(readStamp(stamp)).toBeNull();
    expect(needsBuild(stamp, current)).toBe(true);
    writeStamp(stamp, current);
    expect(readStamp(stamp)).toBe(current);
    expect(needsBuild(stamp, current)).toBe(false);
    writeFileSync(join(root, 'src/web/pages/Home.tsx'), 'export const b = 4;\n');
    expect(needsBuild(stamp, web())).toBe(true);
    writeStamp(stamp, 'f'.repeat(64));
    expect(needsBuild(stamp, current)).toBe(true);
    removeStamp(stamp);
    expect(needsBuild(stamp, current)).toBe(true);
  });
});
