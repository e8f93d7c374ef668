// Writes a benchmark report to bench/results/<name>.json whole or not at all (temp file, rename).

import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { projectFile } from './project-files.js';

export function writeResults(name: string, report: unknown): string {
  const directory = projectFile('bench/results');
  mkdirSync(directory, { recursive: true });
  const file = `${directory}/${name}.json`;
  writeFileSync(`${file}.tmp`, `${JSON.stringify(report, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
  return `bench/results/${name}.json`;
}
