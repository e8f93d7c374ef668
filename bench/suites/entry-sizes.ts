// The minified size of each package entry as a bundler would ship it: the source entry bundled and
// minified with esbuild the way the package build bundles it (the kernel's wasm inlined, run-time
// dependencies external), so the subpath entries can be held to carrying no world data.

import { build } from 'esbuild';
import { projectFile } from '../project-files.js';

export interface EntrySizeRow {
  readonly entry: string;
  readonly minifiedBytes: number;
}

const ENTRIES: readonly [string, string][] = [
  ['geoslo', 'src/index.ts'],
  ['geoslo/shortest-path', 'src/entries/shortest-path.ts'],
  ['geoslo/placement', 'src/entries/placement.ts'],
];

export async function entrySizeSuite(): Promise<EntrySizeRow[]> {
  const rows: EntrySizeRow[] = [];
  for (const [entry, file] of ENTRIES) {
    const result = await build({
      entryPoints: [projectFile(file)], bundle: true, minify: true, write: false, format: 'esm', platform: 'neutral', target: 'es2022',
      loader: { '.wasm': 'binary' }, mainFields: ['module', 'main'], external: ['graphology', 'graphology-*', '@turf/*', 'node:*'], logLevel: 'error',
    });
    rows.push({ entry, minifiedBytes: result.outputFiles[0].contents.length });
  }
  return rows;
}
