// Bundles main.js (which imports 'geoslo') for the browser with esbuild, as a user's bundler would.
// Run after `npm install`: node examples/browser/build.mjs, then open examples/browser/index.html
// in a browser, straight from disk. The bundle is a classic script (IIFE): browsers refuse module
// scripts on file:// pages.

import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
await build({
  entryPoints: [join(here, 'main.js')],
  outfile: join(here, 'bundle.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  logLevel: 'warning',
});
console.log(`wrote ${join(here, 'bundle.js')}`);
