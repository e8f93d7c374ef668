// Where the CLI writes: stdout, or a file replaced atomically (written to a temporary file beside
// it, then renamed), so an interrupted or failed run never leaves half a file behind.

import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function writeOutput(text: string, outFile: string | undefined): void {
  if (outFile === undefined) {
    process.stdout.write(text);
    return;
  }
  const temporary = join(dirname(outFile), `.${basename(outFile)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, outFile);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
