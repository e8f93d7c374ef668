// The API reference is part of the library: TypeDoc, with the project's typedoc.json, must find a
// doc comment on every export of every entry, and an @example on every exported function and class.

import { resolve } from 'node:path';
import {
  Application, DeclarationReflection, Logger, LogLevel, ReflectionKind, TSConfigReader, TypeDocReader,
  type ProjectReflection, type Reflection,
} from 'typedoc';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

// Collects messages instead of printing them, so a failure lists every offending export.
class CollectingLogger extends Logger {
  readonly messages: { level: LogLevel; text: string }[] = [];
  override log(message: string, level: LogLevel): void {
    super.log(message, level);
    this.messages.push({ level, text: message });
  }
}

let logger: CollectingLogger;
let project: ProjectReflection | undefined;

beforeAll(async () => {
  // Paths in typedoc.json (entry points, tsconfig, readme) resolve against the file's own folder.
  const app = await Application.bootstrapWithPlugins(
    { options: resolve(root, 'typedoc.json') },
    [new TypeDocReader(), new TSConfigReader()],
  );
  logger = new CollectingLogger();
  app.logger = logger;
  project = await app.convert();
  if (project) app.validate(project);
}, 120_000);

// Every function and class declared in the reference, whichever entry or namespace holds it.
function declarationsOfKind(reflection: Reflection, kinds: ReflectionKind, found: DeclarationReflection[] = []) {
  reflection.traverse((child) => {
    if (child instanceof DeclarationReflection) {
      if (child.kindOf(kinds)) found.push(child);
      if (child.kindOf(ReflectionKind.SomeModule)) declarationsOfKind(child, kinds, found);
    }
  });
  return found;
}

function hasExample(reflection: DeclarationReflection): boolean {
  const comments = [reflection.comment, ...(reflection.signatures ?? []).map((signature) => signature.comment)];
  return comments.some((comment) => comment?.blockTags.some((tag) => tag.tag === '@example'));
}

describe('API reference (TypeDoc)', () => {
  it('converts the three entries without errors or warnings, so no export is undocumented', () => {
    expect(project).toBeDefined();
    const problems = logger.messages.filter((message) => message.level >= LogLevel.Warn).map((message) => message.text);
    expect(problems).toEqual([]);
    expect(project!.children?.map((entry) => entry.name).sort()).toEqual(['entries/placement', 'entries/shortest-path', 'index']);
  });

  it('has an @example on every exported function and class', () => {
    const declarations = declarationsOfKind(project!, ReflectionKind.Function | ReflectionKind.Class);
    // The walk must reach the entries' functions and classes (46 when written), not pass vacuously.
    expect(declarations.length).toBeGreaterThan(40);
    const missing = declarations.filter((declaration) => !hasExample(declaration)).map((declaration) => declaration.getFullName());
    expect(missing).toEqual([]);
  });
});
