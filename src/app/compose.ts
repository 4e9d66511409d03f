/**
 * Wires the modules' manifests: orders them by what each needs (refusing an unknown name or a
 * cycle with the path that closes it), registers their error tables, builds the shared services
 * once, and gathers what they offer at the extension points.
 */
import type { Env } from '../kernel/env.js';
import { registerErrorTable } from '../kernel/errors.js';
import type { Extensions, Services } from '../kernel/http.js';
import type { ModuleManifest } from '../kernel/module.js';

/** The manifests in dependency order (a module after every module it needs); throws on a cycle. */
export function orderModules(modules: readonly ModuleManifest[]): ModuleManifest[] {
  const byName = new Map<string, ModuleManifest>();
  for (const m of modules) {
    if (byName.has(m.name)) throw new Error(`Module ${m.name} is listed twice`);
    byName.set(m.name, m);
  }
  const ordered: ModuleManifest[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (m: ModuleManifest, path: string[]): void => {
    if (state.get(m.name) === 'done') return;
    if (state.get(m.name) === 'visiting') {
      const cycle = [...path.slice(path.indexOf(m.name)), m.name].join(' → ');
      throw new Error(`Module dependency cycle: ${cycle}`);
    }
    state.set(m.name, 'visiting');
    for (const name of m.needs) {
      const needed = byName.get(name);
      if (!needed) throw new Error(`Module ${m.name} needs ${name}, which is not listed in src/app/modules.ts`);
      visit(needed, [...path, m.name]);
    }
    state.set(m.name, 'done');
    ordered.push(m);
  };
  for (const m of modules) visit(m, []);
  return ordered;
}

export interface Composition {
  modules: readonly ModuleManifest[];
  extensions: Extensions;
  databaseSettings: Record<string, string | number>;
  referenceTables: readonly string[];
  services(env: Env): Services;
}

export function compose(modules: readonly ModuleManifest[]): Composition {
  const ordered = orderModules(modules);
  for (const m of ordered) for (const table of m.errors ?? []) registerErrorTable(m.name, table);
  const outboxSubscribers = ordered.flatMap((m) => m.outboxSubscribers ?? []);
  return {
    modules: ordered,
    extensions: {
      outboxSubscribers,
      fileAccess: ordered.flatMap((m) => m.fileAccess ?? []),
      dossierActionGuards: ordered.flatMap((m) => m.dossierActionGuards ?? []),
      periodicTasks: ordered.flatMap((m) => m.periodicTasks?.({ outboxSubscribers }) ?? []),
    },
    databaseSettings: Object.assign({}, ...ordered.map((m) => m.databaseSettings ?? {})),
    referenceTables: ordered.flatMap((m) => m.referenceTables ?? []),
    services: (env) => buildServices(ordered, env),
  };
}

/**
 * The shared services, each built once from the settings. A service two modules provide is a
 * start-up error (one would silently replace the other); that every key of Services is provided
 * is checked by test/architecture.test.ts.
 */
export function buildServices(modules: readonly ModuleManifest[], env: Env): Services {
  const services: Record<string, unknown> = {};
  const providers = new Map<string, string>();
  for (const m of modules) {
    for (const [key, service] of Object.entries(m.provides?.(env) ?? {})) {
      const other = providers.get(key);
      if (other) throw new Error(`Service ${key} is provided by both ${other} and ${m.name}`);
      providers.set(key, m.name);
      services[key] = service;
    }
  }
  return services as unknown as Services;
}
