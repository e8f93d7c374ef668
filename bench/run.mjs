// Bundles a TypeScript benchmark entry with esbuild (inlining the kernel's wasm bytes, as the
// package build does) and runs it, passing the command-line arguments through.

import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const benchDirectory = dirname(fileURLToPath(import.meta.url));
const [entry = 'main.ts', ...args] = process.argv.slice(2);
const outDirectory = join(benchDirectory, '.build');
mkdirSync(outDirectory, { recursive: true });
const outFile = join(outDirectory, entry.replace(/\.ts$/, '.mjs'));

await build({
  entryPoints: [resolve(benchDirectory, entry)],
  outfile: outFile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'es2022',
  loader: { '.wasm': 'binary' },
  // Run-time libraries stay external, as in the package; the map's d3-geo and world outline are
  // bundled, as tsup bundles them. highs loads its own wasm file, so it must stay external.
  external: ['highs', 'graphology', 'graphology-*', 'tinybench', '@turf/*', 'esbuild'],
  logLevel: 'warning',
});
process.argv = [process.argv[0], outFile, ...args];
await import(pathToFileURL(outFile).href);
