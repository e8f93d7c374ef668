// Executes examples/notebook.ipynb headless with Jupyter's nbconvert on the tslab TypeScript kernel,
// in a scratch folder laid out as a user's (geoslo and tslab in its node_modules), and checks what
// each cell shows. Skipped, saying why, where Jupyter or tslab is not installed; .ci/run installs
// both (tslab into out/notebook-kernel: as a dev dependency its TypeScript fork would take over the
// project's `tsc` command).

import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const NBCONVERT = '/usr/bin/jupyter-nbconvert';
const root = resolve(import.meta.dirname, '..');
const TSLAB = join(root, 'out', 'notebook-kernel', 'node_modules', 'tslab');
const missing = [
  existsSync(NBCONVERT) ? '' : `${NBCONVERT} not found (apt-get install jupyter-nbconvert python3-ipykernel)`,
  existsSync(TSLAB) ? '' : `tslab not found in out/notebook-kernel (npm install --prefix out/notebook-kernel tslab@1.0.22)`,
].filter((reason) => reason !== '');
const available = missing.length === 0;
if (!available && process.env.CI) throw new Error(`the notebook test needs ${missing.join(' and ')}; .ci/run installs both.`);
const why = available ? '' : ` (skipped: ${missing.join('; ')})`;

const scratch = mkdtempSync(join(tmpdir(), 'geoslo-notebook-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Output {
  readonly output_type: string;
  readonly text?: string | string[];
  readonly data?: Record<string, string | string[]>;
  readonly ename?: string;
}

describe.skipIf(!available)(`the example notebook${why}`, () => {
  it('plans the bundled scenario and shows the map, the trade-off chart and the market table inline', () => {
    // A user's folder: geoslo and tslab installed, the kernel registered (here in a private Jupyter path).
    mkdirSync(join(scratch, 'node_modules'));
    symlinkSync(root, join(scratch, 'node_modules', 'geoslo'));
    symlinkSync(TSLAB, join(scratch, 'node_modules', 'tslab'));
    // tslab type-checks cells against the folder's @types (Node's, installed with tslab).
    symlinkSync(join(TSLAB, '..', '@types'), join(scratch, 'node_modules', '@types'));
    const kernel = join(scratch, 'jupyter', 'kernels', 'tslab');
    mkdirSync(kernel, { recursive: true });
    writeFileSync(join(kernel, 'kernel.json'), JSON.stringify({
      argv: [process.execPath, join(TSLAB, 'bin', 'tslab'), 'kernel', '--config-path', '{connection_file}'], display_name: 'TypeScript', language: 'typescript',
    }));
    copyFileSync(join(root, 'examples', 'notebook.ipynb'), join(scratch, 'notebook.ipynb'));
    execFileSync(NBCONVERT, ['--to', 'notebook', '--execute', 'notebook.ipynb', '--output', 'executed.ipynb', '--ExecutePreprocessor.timeout=240'], {
      cwd: scratch, env: { ...process.env, JUPYTER_PATH: join(scratch, 'jupyter') }, stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000,
    });
    const executed = JSON.parse(readFileSync(join(scratch, 'executed.ipynb'), 'utf8')) as { cells: { cell_type: string; outputs?: Output[] }[] };
    const outputs = executed.cells.filter((cell) => cell.cell_type === 'code').map((cell) => cell.outputs ?? []);
    const text = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join('') : value ?? '');
    expect(outputs.flat().filter((o) => o.output_type === 'error')).toEqual([]);
    expect(text(outputs[0][0]?.text)).toMatch(/^(optimal|infeasible|feasible): \d+ regions, [\d.]+% of demand within its SLO\nMarket-to-site RTT over the public internet/);
    const html = outputs.slice(1).map((cell) => text(cell.find((o) => o.output_type === 'display_data')?.data?.['text/html']));
    expect(html[0]).toMatch(/^<svg[\s\S]*class="land"[\s\S]*<\/svg>$/);
    expect(html[1]).toMatch(/^<svg[\s\S]*<\/svg>$/);
    expect(html[2].match(/<tr>/g)).toHaveLength(1 + 111);
  }, 320_000);
});
