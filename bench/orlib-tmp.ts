import { loadOrLib } from './orlib.js';
import { shortestPath, solvePlacement } from '../src/index.js';
const totals: Record<string, number> = { wasm: 0, js: 0 };
for (const name of (process.argv[2] ?? 'pmed1').split(',')) {
  const inst = loadOrLib(name);
  const m = shortestPath.matrix(inst.graph);
  const line: string[] = [name];
  let prev: any = null;
  for (const kernel of (process.argv[4] ?? 'wasm,js').split(',') as ('wasm' | 'js')[]) {
    const t1 = performance.now();
    const r = solvePlacement({ latencyMs: m, objective: (process.argv[3] ?? 'p-median') as any, k: inst.p, timeLimitMs: 60000, kernel });
    const ms = performance.now() - t1; totals[kernel] += ms;
    line.push(`${kernel} ${r.objective} ${r.status} ${ms.toFixed(0)}ms`);
    if (prev && (prev.objective !== r.objective || prev.sites.join() !== r.sites.join())) line.push('DIFFERENT');
    prev = r;
  }
  console.log(line.join(' | '));
}
console.log(totals);
