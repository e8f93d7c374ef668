// Paths into the project, found from the nearest package.json above this module, so benchmark
// code reads the same files whether it runs bundled (bench/.build/) or from source under vitest.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, 'package.json'))) {
    const parent = dirname(directory);
    if (parent === directory) throw new Error('no package.json above the benchmark code');
    directory = parent;
  }
  return directory;
}

const root = findRoot();

/** Absolute path of a file given relative to the project root. */
export function projectFile(relativePath: string): string {
  return join(root, relativePath);
}
