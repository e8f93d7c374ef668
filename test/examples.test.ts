// Every example runs against the built package, as a user would run it (npm test builds dist).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const folder = resolve(import.meta.dirname, '..', 'examples');
const scripts = readdirSync(folder).filter((name) => name.endsWith('.mjs'));

describe('examples', () => {
  it('has the scripts a notebook user would copy', () => {
    expect(scripts).toEqual(expect.arrayContaining(['default-scenario.mjs', 'data-residency.mjs', 'cable-cut.mjs', 'sweep-to-svg.mjs', 'own-graph-shortest-paths.mjs']));
    // The browser page (examples/browser) is built and opened in Chromium by report-browser.test.ts.
  });

  it.each(scripts)('%s runs to completion', (script) => {
    // Run from a scratch folder so the examples' out/ files land there; resolve geoslo from here.
    const cwd = mkdtempSync(join(tmpdir(), 'geoslo-example-'));
    const run = spawnSync(process.execPath, [join(folder, script)], { cwd, encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(0);
  });
});
