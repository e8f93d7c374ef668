// Packs the library as npm would publish it, installs the tarball in a scratch project and uses it
// from ESM and from CommonJS: what a user gets, not what the source tree happens to resolve.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'geoslo-packed-'));
const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const USE_THE_PACKAGE = `
  const graph = new Graph({ type: 'undirected' });
  graph.mergeEdge('sin', 'hkg', { rttMs: 33 });
  graph.mergeEdge('hkg', 'tyo', { rttMs: 48 });
  const lengths = shortestPath.singleSourceLength(graph, 'sin', { getEdgeWeight: 'rttMs' });
  const index = createLatencyIndex(graph, { getEdgeWeight: 'rttMs' });
  const matrix = index.matrix({ sources: ['tyo'] });
  index.dispose();
  console.log(JSON.stringify({ lengths, row: Array.from(matrix.data) }));
`;
const EXPECTED = { lengths: { sin: 0, hkg: 33, tyo: 81 }, row: [81, 48, 0] };

beforeAll(() => {
  run('npm', ['pack', '--pack-destination', scratch, '--silent'], root);
  const tarball = readdirSync(scratch).find((name) => name.endsWith('.tgz'));
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true }));
  run('npm', ['install', '--no-audit', '--no-fund', join(scratch, tarball as string), 'graphology'], scratch);
}, 240_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the packed package', () => {
  it('works when imported from an ES module, with init() awaited', () => {
    writeFileSync(join(scratch, 'use.mjs'), `
      import Graph from 'graphology';
      import { init, shortestPath, createLatencyIndex } from 'geoslo';
      await init();
      ${USE_THE_PACKAGE}`);
    expect(JSON.parse(run('node', ['use.mjs'], scratch))).toEqual(EXPECTED);
  });

  it('works when required from CommonJS, with initSync()', () => {
    writeFileSync(join(scratch, 'use.cjs'), `
      const Graph = require('graphology');
      const { initSync, shortestPath, createLatencyIndex } = require('geoslo');
      initSync();
      ${USE_THE_PACKAGE}`);
    expect(JSON.parse(run('node', ['use.cjs'], scratch))).toEqual(EXPECTED);
  });

  it('serves geoslo/shortest-path and geoslo/placement to ESM and CommonJS, without the world data', () => {
    writeFileSync(join(scratch, 'subpaths.mjs'), `
      import Graph from 'graphology';
      import { createLatencyIndex, singleSourceLength } from 'geoslo/shortest-path';
      import { solvePlacement } from 'geoslo/placement';
      const graph = new Graph({ type: 'undirected' });
      graph.mergeEdge('sin', 'hkg', { rttMs: 33 });
      const index = createLatencyIndex(graph, { getEdgeWeight: 'rttMs' });
      index.dispose();
      const placed = solvePlacement({ latencyMs: [[1, 9], [9, 1], [2, 8]], objective: 'p-median', k: 1 });
      console.log(JSON.stringify({ lengths: singleSourceLength(graph, 'sin', { getEdgeWeight: 'rttMs' }), sites: placed.sites, status: placed.status }));`);
    expect(JSON.parse(run('node', ['subpaths.mjs'], scratch))).toEqual({ lengths: { sin: 0, hkg: 33 }, sites: [0], status: 'optimal' });
    writeFileSync(join(scratch, 'subpaths.cjs'), `
      const { solvePlacement, initSync } = require('geoslo/placement');
      const { GeosloError } = require('geoslo');
      initSync();
      let shared = false;
      try { solvePlacement({ latencyMs: [[1]], objective: 'p-median', k: 5 }); } catch (error) { shared = error instanceof GeosloError; }
      console.log(JSON.stringify({ sites: solvePlacement({ latencyMs: [[1, 9], [9, 1]], objective: 'p-center', k: 2 }).sites, shared }));`);
    // The entries share one copy of the error classes in CommonJS too.
    expect(JSON.parse(run('node', ['subpaths.cjs'], scratch))).toEqual({ sites: [0, 1], shared: true });
    // Every file the subpath entries load, followed through their imports, is free of world data.
    const dist = join(scratch, 'node_modules', 'geoslo', 'dist');
    for (const entry of ['shortest-path.js', 'shortest-path.cjs', 'placement.js', 'placement.cjs']) {
      const seen = new Set<string>();
      const visit = (file: string) => {
        if (seen.has(file)) return;
        seen.add(file);
        const text = readFileSync(join(dist, file), 'utf8');
        expect(text, `${entry} loads ${file}`).not.toMatch(/cn-hangzhou|sea-me-we|"populationSource"/);
        for (const match of text.matchAll(/from\s*"\.\/([^"]+)"|require\("\.\/([^"]+)"\)/g)) visit(match[1] ?? match[2]);
      };
      visit(entry);
    }
    expect(readFileSync(join(dist, 'index.js'), 'utf8') + readdirSync(dist).filter((f) => f.startsWith('chunk-')).map((f) => readFileSync(join(dist, f), 'utf8')).join('')).toMatch(/cn-hangzhou/);
  });

  it('has types that resolve for every entry under Node 16+ and bundlers (arethetypeswrong)', () => {
    const tarball = readdirSync(scratch).find((name) => name.endsWith('.tgz')) as string;
    const report = JSON.parse(run(join(root, 'node_modules', '.bin', 'attw'), [join(scratch, tarball), '--profile', 'node16', '--format', 'json'], scratch)) as {
      analysis: { entrypoints: Record<string, unknown> }; problems: Record<string, { resolutionKind?: string }[]>;
    };
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual(['.', './package.json', './placement', './scenario.schema.json', './shortest-path']);
    // node10 cannot resolve subpath exports at all; every resolution the node16 profile checks is clean.
    expect(Object.values(report.problems).flat().filter((problem) => problem.resolutionKind !== 'node10')).toEqual([]);
  });

  it('ships type declarations for both, the bin entry, and no build tooling at run time', () => {
    const installed = join(scratch, 'node_modules', 'geoslo');
    const files = readdirSync(join(installed, 'dist'));
    expect(files).toEqual(expect.arrayContaining(['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts', 'cli.js']));
    expect(readdirSync(join(scratch, 'node_modules'))).not.toContain('assemblyscript');
    expect(run('node', [join(installed, 'dist', 'cli.js'), '--version'], scratch).trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
