import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// esbuild's binary loader inlines the kernel in the bundle; in tests this plugin does the same job.
const wasmAsBytes = {
  name: 'geoslo-wasm-bytes',
  enforce: 'pre' as const,
  load(id: string) {
    if (!id.endsWith('.wasm')) return null;
    const base64 = readFileSync(id).toString('base64');
    return `export default Uint8Array.from(atob(${JSON.stringify(base64)}), (c) => c.charCodeAt(0));`;
  },
};

export default defineConfig({
  plugins: [wasmAsBytes],
  test: {
    include: ['test/**/*.test.ts'],
    // CI reads the JSON report to print its plain "N passed, N failed" line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results.json' }]] : ['default'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
