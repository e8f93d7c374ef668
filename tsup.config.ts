import { defineConfig, type Options } from 'tsup';

// The kernel's bytes are inlined (binary loader) so no consumer needs an asset path. es2022 keeps
// esbuild from emitting Uint8Array.fromBase64, which Node 20 lacks.
const shared: Pick<Options, 'target' | 'loader' | 'sourcemap' | 'noExternal'> = {
  target: 'es2022',
  loader: { '.wasm': 'binary' },
  sourcemap: true,
  // The map renderer's projection code and world outline are bundled: d3-geo is ESM-only (a CJS
  // require would fail on Node 20) and the outline is data, so neither is a run-time dependency.
  noExternal: ['d3-geo', 'd3-array', 'internmap', 'topojson-client', 'world-atlas'],
};

export default defineConfig([
  {
    ...shared,
    // The subpath entries carry no world data: planning tools with their own graphs and matrices
    // load only the kernel and its wrappers.
    entry: { index: 'src/index.ts', 'shortest-path': 'src/entries/shortest-path.ts', placement: 'src/entries/placement.ts' },
    format: ['esm', 'cjs'],
    // Shared chunks in CommonJS too, so that the entries share one copy of the kernel and of the
    // error classes (instanceof GeosloError holds whichever entry threw).
    splitting: true,
    platform: 'neutral',
    dts: true,
    clean: true,
  },
  {
    ...shared,
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
