// Packs the library as npm would publish it, installs the tarball in a scratch project and uses it
// from ESM and from CommonJS: what a user gets, not what the source tree happens to resolve.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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

  it('ships type declarations for both, the bin entry, and no build tooling at run time', () => {
    const installed = join(scratch, 'node_modules', 'geoslo');
    const files = readdirSync(join(installed, 'dist'));
    expect(files).toEqual(expect.arrayContaining(['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts', 'cli.js']));
    expect(readdirSync(join(scratch, 'node_modules'))).not.toContain('assemblyscript');
    expect(run('node', [join(installed, 'dist', 'cli.js'), '--version'], scratch).trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
