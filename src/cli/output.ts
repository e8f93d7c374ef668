// Where the CLI reads and writes. A command's outputs are committed together: every file is
// written to a temporary file beside it first, and only when all are written are they renamed
// into place, so a failed run leaves no file, whole or partial. Standard output comes last. A
// file-system failure is one line naming the file and what to do, never a stack trace.

import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { GeosloError } from '../errors.js';

/** A file the command could not read or write. */
export class FileError extends GeosloError {
  readonly path: string;
  readonly code: string;

  constructor(action: string, path: string, code: string) {
    super(`cannot ${action} "${path}": ${describeCode(code, path, action.startsWith('read'))}.`);
    this.path = path;
    this.code = code;
  }
}

function describeCode(code: string, path: string, reading: boolean): string {
  switch (code) {
    case 'ENOENT': return reading ? 'no such file' : `the folder "${dirname(path)}" does not exist; create it or write elsewhere`;
    case 'ENOTDIR': return 'a part of the path is a file, not a folder';
    case 'EISDIR': return 'it is a folder; name a file';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'ENAMETOOLONG': return 'the name is too long for the file system';
    case 'EROFS': return 'the file system is read-only';
    case 'ENOSPC': return 'no space left on the device';
    case 'EEXIST': return 'something is already there';
    default: return `the file system refused it (${code})`;
  }
}

function codeOf(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : null;
}

/** Reads a text file, turning a file-system failure into a one-line FileError. */
export function readTextFile(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = codeOf(error);
    if (code === null) throw error;
    throw new FileError(`read ${what}`, path, code);
  }
}

export interface CommandOutput {
  /** What goes to standard output, or to `--out` when given. */
  readonly text: string;
  /** Files the command writes besides (their folders are created). */
  readonly files?: readonly { readonly path: string; readonly content: string }[];
}

/** Writes all of a command's files, or none of them, then its text. */
export function commitOutput(output: CommandOutput, outFile: string | undefined): void {
  const writes = [
    ...(output.files ?? []).map((file) => ({ ...file, createFolder: true })),
    ...(outFile === undefined ? [] : [{ path: outFile, content: output.text, createFolder: false }]),
  ];
  const written: string[] = [];
  const createdFolders: string[] = [];
  let current = '';
  try {
    for (const write of writes) {
      current = write.path;
      const created = write.createFolder ? mkdirSync(dirname(write.path), { recursive: true }) : undefined;
      if (created !== undefined) createdFolders.push(created);
      const temporary = join(dirname(write.path), `.${basename(write.path)}.${process.pid}.tmp`);
      writeFileSync(temporary, write.content);
      written.push(temporary);
    }
    writes.forEach((write, i) => {
      current = write.path;
      renameSync(written[i], write.path);
    });
  } catch (error) {
    for (const temporary of written) rmSync(temporary, { force: true });
    for (const folder of createdFolders) rmSync(folder, { recursive: true, force: true });
    const code = codeOf(error);
    if (code === null) throw error;
    throw new FileError('write', current, code);
  }
  if (outFile === undefined) process.stdout.write(output.text);
}
