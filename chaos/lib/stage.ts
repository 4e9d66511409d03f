/** Progress lines of a scenario, each with the real seconds since its process began. */
const born = performance.now();

export const stage = (what: string) => console.log(`[${((performance.now() - born) / 1000).toFixed(1)} s] ${what}`);
