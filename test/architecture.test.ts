/**
 * The boundaries the layout promises, checked on the source text (no database): the kernel
 * imports no module; every module has a manifest listed in src/app/modules.ts; a module imports
 * another only if its manifest `needs` it (table files may import each other's tables for foreign
 * keys), with no cycle; route files run no query; services take their dependencies as arguments.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { buildServices, orderModules } from '../src/app/compose.js';
import { composition } from '../src/app/composition.js';
import { MODULES } from '../src/app/modules.js';
import { testEnv } from '../src/app/testing/env.js';
import type { Services } from '../src/kernel/http.js';
import type { ModuleManifest } from '../src/kernel/module.js';

const ROOT = resolve(import.meta.dirname, '..');
const MODULES_DIR = join(ROOT, 'src/modules');

/** Repository-relative paths (with `/`) of the .ts/.tsx files under a folder. */
function sourceFiles(folder: string): string[] {
  const dir = join(ROOT, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts') && statSync(join(dir, f)).isFile())
    .map((f) => `${folder}/${f.split(sep).join('/')}`);
}

interface Import {
  file: string;
  /** The imported file, repository-relative, `.js` as written (relative imports only). */
  target: string;
}

const textCache = new Map<string, string>();
function text(file: string): string {
  let t = textCache.get(file);
  if (t === undefined) {
    t = readFileSync(join(ROOT, file), 'utf8');
    textCache.set(file, t);
  }
  return t;
}

/** The relative imports of a file: static, re-exports and dynamic `import()`, type-only included. */
function importsOf(file: string): Import[] {
  const { importedFiles } = ts.preProcessFile(text(file), true, true);
  return importedFiles
    .filter((i) => i.fileName.startsWith('.'))
    .map((i) => ({
      file,
      target: relative(ROOT, resolve(ROOT, dirname(file), i.fileName))
        .split(sep)
        .join('/'),
    }));
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file) || file.split('/').includes('testing');
const moduleOf = (file: string) => /^src\/modules\/([^/]+)\//.exec(file)?.[1] ?? null;
const isTableFile = (file: string) => /\.tables?\.(ts|js)$/.test(file);
const show = (list: readonly Import[]) => list.map((i) => `${i.file} → ${i.target}`).join('\n');

const allSrc = sourceFiles('src');
const production = allSrc.filter((f) => !isTest(f));
const moduleNames = readdirSync(MODULES_DIR).filter((n) => statSync(join(MODULES_DIR, n)).isDirectory());
const needsOf = new Map(MODULES.map((m) => [m.name, m.needs]));

describe('architecture: the kernel', () => {
  it('imports no module and not the composition root', () => {
    const bad = sourceFiles('src/kernel')
      .flatMap(importsOf)
      .filter((i) => !i.target.startsWith('src/kernel/'));
    expect(bad, show(bad)).toEqual([]);
  });
});

describe('architecture: module manifests', () => {
  it('every folder of src/modules has module.ts exporting a manifest named after the folder, listed in src/app/modules.ts', async () => {
    const problems: string[] = [];
    for (const name of moduleNames) {
      const path = join(MODULES_DIR, name, 'module.ts');
      if (!existsSync(path)) {
        problems.push(`src/modules/${name}: no module.ts`);
        continue;
      }
      const exported = Object.values((await import(path)) as Record<string, unknown>).filter(
        (v): v is ModuleManifest => typeof v === 'object' && v !== null && 'name' in v && 'needs' in v,
      );
      if (exported.length !== 1) problems.push(`src/modules/${name}/module.ts exports ${exported.length} manifests`);
      for (const m of exported) {
        if (m.name !== name) problems.push(`src/modules/${name}/module.ts is named '${m.name}'`);
        if (!MODULES.includes(m)) problems.push(`src/modules/${name}/module.ts is not listed in src/app/modules.ts`);
      }
    }
    for (const m of MODULES)
      if (!moduleNames.includes(m.name)) problems.push(`src/app/modules.ts lists '${m.name}', which has no folder`);
    expect(problems).toEqual([]);
  });

  it('no file outside src/app imports a module.ts', () => {
    const files = [...allSrc, ...sourceFiles('test'), ...sourceFiles('e2e'), ...sourceFiles('bench')].filter(
      (f) => !f.startsWith('src/app/'),
    );
    const bad = files.flatMap(importsOf).filter((i) => /^src\/modules\/[^/]+\/module\.(js|ts)$/.test(i.target));
    expect(bad, show(bad)).toEqual([]);
  });
});

describe('architecture: module boundaries', () => {
  const crossModule = production.flatMap((file) => {
    const from = moduleOf(file);
    if (!from) return [];
    return importsOf(file).flatMap((i) => {
      const to = moduleOf(i.target);
      return to && to !== from ? [{ ...i, from, to }] : [];
    });
  });
  // A table file may import another module's table for a foreign key: the schema, not a call.
  const calls = crossModule.filter((i) => !(isTableFile(i.file) && isTableFile(i.target)));

  it("a module imports another only if its manifest needs it (table files' foreign keys aside)", () => {
    const bad = calls.filter((i) => !(needsOf.get(i.from) ?? []).includes(i.to));
    expect(bad, `imports a module's manifest does not need:\n${show(bad)}`).toEqual([]);
  });

  it('a module needs only modules it imports', () => {
    const unused = MODULES.flatMap((m) =>
      m.needs
        .filter((n) => !calls.some((i) => i.from === m.name && i.to === n))
        .map((n) => `${m.name} needs ${n} but imports nothing of it`),
    );
    expect(unused).toEqual([]);
  });

  // Issue 14: a module reads another's data through what the owner publishes (its *.query.ts
  // functions, its *.reporting.ts sub-selects), never its tables; table files' foreign keys aside.
  it('no production file outside <owner>/ imports <owner>/*.table(s).ts unless it is itself a table file', () => {
    const bad = crossModule.filter((i) => !isTableFile(i.file) && isTableFile(i.target));
    expect(bad, `reads another module's tables:\n${show(bad)}`).toEqual([]);
  });

  it('modules import neither the composition root nor the web client', () => {
    const bad = production
      .filter((f) => f.startsWith('src/modules/'))
      .flatMap(importsOf)
      .filter((i) => /^src\/(app|web)\//.test(i.target));
    expect(bad, show(bad)).toEqual([]);
  });

  it('only the composition root (and tests) import the demo module', () => {
    const bad = production
      .filter((f) => !f.startsWith('src/app/') && moduleOf(f) !== 'demo')
      .flatMap(importsOf)
      .filter((i) => i.target.startsWith('src/modules/demo/'));
    expect(bad, show(bad)).toEqual([]);
  });
});

describe('architecture: module order', () => {
  const manifest = (name: string, needs: string[]): ModuleManifest => ({ name, needs });

  it('the listed modules have no dependency cycle', () => {
    const ordered = orderModules(MODULES);
    expect(ordered).toHaveLength(MODULES.length);
    for (const m of ordered)
      for (const n of m.needs)
        expect(
          ordered.findIndex((o) => o.name === n),
          `${m.name} after ${n}`,
        ).toBeLessThan(ordered.indexOf(m));
  });

  it('orderModules puts a module after what it needs', () => {
    const ordered = orderModules([manifest('a', ['b']), manifest('b', ['c']), manifest('c', [])]);
    expect(ordered.map((m) => m.name)).toEqual(['c', 'b', 'a']);
  });

  it('orderModules refuses a cycle, naming it', () => {
    expect(() => orderModules([manifest('a', ['b']), manifest('b', ['c']), manifest('c', ['a'])])).toThrow(
      'Module dependency cycle: a → b → c → a',
    );
  });

  it('orderModules refuses an unknown need', () => {
    expect(() => orderModules([manifest('a', ['nowhere'])])).toThrow(/a needs nowhere/);
  });

  it('a service provided by two modules is refused, naming both', () => {
    const providing = (name: string): ModuleManifest => ({
      ...manifest(name, []),
      provides: () => ({ rootUnitIds: async () => [] }),
    });
    expect(() => buildServices([providing('a'), providing('b')], testEnv())).toThrow(
      /rootUnitIds is provided by both a and b/,
    );
  });
});

describe('architecture: shared services', () => {
  // Every key of Services: the type check fails when a module adds a service not listed here.
  const expected = [
    'auth',
    'files',
    'nationalData',
    'notificationChannels',
    'notificationSimulators',
    'notifier',
    'remoteSigning',
    'rootUnitIds',
    'trust',
  ] as const satisfies readonly (keyof Services)[];
  const exhaustive: Exclude<keyof Services, (typeof expected)[number]> extends never ? true : false = true;

  it('every service is provided by a module', () => {
    expect(exhaustive).toBe(true);
    const services = composition.services(testEnv());
    expect(Object.keys(services).sort()).toEqual([...expected].sort());
    expect(typeof services.rootUnitIds).toBe('function');
    expect(typeof services.files).toBe('object');
    expect(typeof services.files.get).toBe('function');
    expect(typeof services.notifier.send).toBe('function');
    expect(typeof services.nationalData.findCitizen).toBe('function');
  });
});

describe('architecture: layers within a module', () => {
  const routeFiles = production.filter((f) => moduleOf(f) && f.endsWith('.routes.ts'));

  it('route files run no query: they parse, authorize, call a service and shape the reply', () => {
    const bad: string[] = [];
    for (const file of routeFiles) {
      const source = text(file);
      // `x.select(`, `x\n  .insert(`…: a query builder call (Fastify's `app.delete(` is a route).
      for (const m of source.matchAll(/([\w$)\]]*)\s*\.(select|selectDistinct|insert|update|delete|execute|from)\(/g)) {
        if (m[1] !== 'app') bad.push(`${file}: ${m[0].replace(/\s+/g, '')}`);
      }
      for (const m of source.matchAll(/\bqueryRows\(|\bsql`/g)) bad.push(`${file}: ${m[0]}`);
      for (const i of importsOf(file)) if (isTableFile(i.target)) bad.push(`${file} → ${i.target}`);
      if (/from\s+'drizzle-orm'/.test(source)) bad.push(`${file} → drizzle-orm`);
    }
    expect(bad, bad.join('\n')).toEqual([]);
  });

  it('services and queries take their dependencies as arguments (none builds one from the settings)', () => {
    const bad = production
      .filter((f) => moduleOf(f) && /\.(service|query)\.ts$/.test(f))
      .flatMap((file) => [...text(file).matchAll(/\b\w*FromEnv\(/g)].map((m) => `${file}: ${m[0]}`));
    expect(bad, bad.join('\n')).toEqual([]);
  });

  it('a `*FromEnv` builder is called only in its own module, and one whose product is a service only by its provides', () => {
    const moduleFiles = production.filter((f) => moduleOf(f));
    const definedIn = new Map(
      moduleFiles.flatMap((file) =>
        [...text(file).matchAll(/\bfunction (\w+FromEnv)\(/g)].map((m) => [m[1]!, moduleOf(file)!] as const),
      ),
    );
    const calls = moduleFiles.flatMap((file) =>
      [...text(file).matchAll(/(?<!function )\b(\w+FromEnv)\(/g)].map((m) => ({ file, builder: m[1]! })),
    );
    // Built in a manifest's `provides`: once at start, for every route and task (Deps.services).
    const provided = new Set(calls.filter((c) => c.file.endsWith('/module.ts')).map((c) => c.builder));
    expect([...provided].sort()).toEqual([
      'authConfigFromEnv',
      'fileStorageFromEnv',
      'nationalDataClientFromEnv',
      'notificationServicesFromEnv',
      'remoteSigningFromEnv',
      'trustFromEnv',
    ]);
    const bad = calls
      .filter(
        (c) =>
          definedIn.get(c.builder) !== moduleOf(c.file) || (provided.has(c.builder) && !c.file.endsWith('/module.ts')),
      )
      .map((c) => `${c.file}: ${c.builder}`);
    expect(bad, bad.join('\n')).toEqual([]);
  });
});
