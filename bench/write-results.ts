// Writes a benchmark report whole or not at all (temp file, rename): to bench/results/<name>.json,
// or to any path.

import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { projectFile } from './project-files.js';

/** Writes `report` as JSON to `file` (relative to the project root), creating its folder. */
export function writeReport(file: string, report: unknown): string {
  const path = resolve(projectFile('.'), file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, `${JSON.stringify(report, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
  return file;
}

export function writeResults(name: string, report: unknown): string {
  return writeReport(`bench/results/${name}.json`, report);
}
