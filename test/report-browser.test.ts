// Opens the HTML report in headless Chromium (Debian's chromium; .ci/run installs it) and checks
// what a person would see: a map with land and coloured markets drawn, and the market table rows.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { gapAnalysis, nMinusOne } from '../src/plan/gaps.js';
import { plan } from '../src/plan/plan.js';
import { sweep } from '../src/plan/sweep.js';
import { renderReportHtml } from '../src/report/report-html.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium for this test.`);
// Skipped tests say why in their name, so a run without Chromium reads as such, not as a pass.
const why = available ? '' : ` (skipped: ${CHROMIUM} not found; apt-get install chromium)`;
if (!available) console.warn(`report-browser.test.ts: the browser tests are skipped${why}.`);

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe.skipIf(!available)(`the HTML report in headless Chromium${why}`, () => {
  const scenario = { markets: { countries: ['ID', 'TH', 'SG', 'AE', 'MX', 'BR'] }, slo: { defaultMs: 100 } };
  const result = plan(scenario);
  const folder = mkdtempSync(join(tmpdir(), 'geoslo-report-'));
  const file = join(folder, 'plan.html');
  writeFileSync(file, renderReportHtml(result, { gaps: gapAnalysis(result), failures: nMinusOne(result), sweep: sweep(scenario, { k: { from: 1, to: 5 } }) }));
  const run = (extra: string[]) => execFileSync(CHROMIUM, [...FLAGS, `--user-data-dir=${join(folder, 'profile')}`, ...extra, `file://${file}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 60_000 });

  it('renders the market table with one row per market', () => {
    const dom = run(['--dump-dom']);
    const body = /<table id="markets">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(dom)?.[1] ?? '';
    expect(body.match(/<tr>/g)).toHaveLength(result.markets.length);
    expect(dom).toContain('id-jakarta');
  });

  it('draws the map: land, and green and red markets, in the screenshot', () => {
    const screenshot = join(folder, 'shot.png');
    run([`--screenshot=${screenshot}`, '--window-size=1280,900']);
    const png = PNG.sync.read(readFileSync(screenshot));
    let land = 0;
    let green = 0;
    let red = 0;
    // The map sits under the summary: sample its band.
    for (let y = 150; y < Math.min(png.height, 700); y++) {
      for (let x = 0; x < png.width; x++) {
        const at = (y * png.width + x) * 4;
        const [r, g, b] = [png.data[at], png.data[at + 1], png.data[at + 2]];
        if (Math.abs(r - 0xe8) < 6 && Math.abs(g - 0xe4) < 6 && Math.abs(b - 0xda) < 6) land++;
        if (g > 120 && r < 90 && b < 110) green++;
        if (r > 180 && g < 90 && b < 90) red++;
      }
    }
    expect(land).toBeGreaterThan(20_000);
    expect(green).toBeGreaterThan(200);
    expect(red).toBeGreaterThan(50);
  });
});

describe.skipIf(!available)(`the browser example page${why}`, () => {
  it('bundles geoslo with esbuild and, opened from disk as its instructions say, plans in Chromium and draws the map', () => {
    const folder = join(import.meta.dirname, '..', 'examples', 'browser');
    execFileSync(process.execPath, [join(folder, 'build.mjs')], { stdio: 'ignore' });
    const profile = mkdtempSync(join(tmpdir(), 'geoslo-browser-'));
    const dom = execFileSync(
      CHROMIUM, [...FLAGS, `--user-data-dir=${profile}`, '--virtual-time-budget=15000', '--dump-dom', pathToFileURL(join(folder, 'index.html')).href],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(dom).toMatch(/id="summary">\d+ regions \([a-z0-9, -]+\), [\d.]+% of demand within its SLO\./);
    expect(dom).toContain('class="land"');
  });
});
