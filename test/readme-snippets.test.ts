// Every TypeScript block in README.md, run as a user would on this Node: compiled to JavaScript
// with esbuild (types stripped, nothing else changed) and executed as an ES module that imports the
// built package by its name, so a snippet that no longer runs fails here.

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { transformSync } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
// Inside the package, so `import 'geoslo'` resolves to the built package through its own exports.
const folder = join(root, 'out', 'readme-snippets');

interface Snippet {
  readonly line: number;
  readonly code: string;
}

function typeScriptBlocks(markdown: string): Snippet[] {
  const blocks: Snippet[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```ts') continue;
    const end = lines.findIndex((line, j) => j > i && line.trim() === '```');
    blocks.push({ line: i + 1, code: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return blocks;
}

const snippets = typeScriptBlocks(readme);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('README.md TypeScript snippets', () => {
  it('has the snippets it is meant to have', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(5);
  });

  it.each(snippets.map((snippet) => [snippet.line, snippet] as const))('the block at line %i runs on this Node', (line, snippet) => {
    mkdirSync(folder, { recursive: true });
    const file = join(folder, `line-${line}.mjs`);
    writeFileSync(file, transformSync(snippet.code, { loader: 'ts', format: 'esm', target: 'node20' }).code);
    expect(() => execFileSync(process.execPath, [file], { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 120_000 })).not.toThrow();
  }, 150_000);
});
