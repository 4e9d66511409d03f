/**
 * Runs the benchmarks: `npm run bench` (all) or `npm run bench -- <name>`. Each prints its
 * figures; BENCHMARKS.md records them with the command and the machine.
 */
const BENCHES: Record<string, () => Promise<{ run: () => Promise<string> }>> = {
  'catalog-search': () => import('./catalog-search.js'),
  'dossier-intake': () => import('./dossier-intake.js'),
  'kpi-index': () => import('./kpi-index.js'),
  lifecycle: () => import('./lifecycle.js'),
  'lifecycle-bound': () => import('./lifecycle-bound.js'),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((n) => !BENCHES[n]);
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
for (const name of wanted.length > 0 ? wanted : Object.keys(BENCHES)) {
  const bench = await BENCHES[name]!();
  console.log(await bench.run());
}
process.exit(0);
