// The main job as a user runs it: `geoslo plan` on the default scenario as a whole process (start,
// init, plan, report), beside a bare `node` start and the planning step alone, in process.

import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultScenario } from '../../src/plan/default-scenario.js';
import { plan } from '../../src/plan/plan.js';
import { measure, medianMs } from '../measure.js';
import { projectFile } from '../project-files.js';

export interface PlanProcessRow {
  processMs: number;
  nodeStartMs: number;
  planStepMs: number;
}

export async function planProcessSuite(quick: boolean): Promise<PlanProcessRow> {
  const cli = projectFile('dist/cli.js');
  const cwd = mkdtempSync(join(tmpdir(), 'geoslo-plan-'));
  const iterations = quick ? 3 : 7;
  plan(defaultScenario);
  const timings = await measure('plan process', [
    { name: 'geoslo plan', run: () => execFileSync(process.execPath, [cli, 'plan'], { cwd, stdio: 'ignore' }), iterations },
    { name: 'node start', run: () => execFileSync(process.execPath, ['-e', '0'], { stdio: 'ignore' }), iterations },
    { name: 'plan step', run: () => plan(defaultScenario), iterations: iterations * 3 },
  ]);
  return { processMs: medianMs(timings, 'geoslo plan'), nodeStartMs: medianMs(timings, 'node start'), planStepMs: medianMs(timings, 'plan step') };
}
