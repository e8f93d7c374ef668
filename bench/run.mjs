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
  packages: 'external',
  logLevel: 'warning',
});
process.argv = [process.argv[0], outFile, ...args];
await import(pathToFileURL(outFile).href);
