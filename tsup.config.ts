import { defineConfig } from 'tsup';

// The kernel's bytes are inlined (binary loader) so no consumer needs an asset path. es2022 keeps
// esbuild from emitting Uint8Array.fromBase64, which Node 20 lacks.
const shared = {
  target: 'es2022',
  loader: { '.wasm': 'binary' },
  sourcemap: true,
} as const;

export default defineConfig([
  {
    ...shared,
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
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
