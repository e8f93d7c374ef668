// The JSON Schema of scenario files (data/scenario.schema.json, shipped as
// geoslo/scenario.schema.json) is generated from the valibot schema plan() checks scenarios with;
// this test fails when the file is stale (REGEN=1 rewrites it) and checks that the bundled
// scenarios declare it and pass both it and the runtime check.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { toJsonSchema } from '@valibot/to-json-schema';
import { describe, expect, it } from 'vitest';
import { checkScenarioShape, scenarioSchema } from '../src/plan/scenario-schema.js';

const root = resolve(import.meta.dirname, '..');
const file = join(root, 'data', 'scenario.schema.json');

function generated(): string {
  const schema = toJsonSchema(scenarioSchema, { errorMode: 'ignore', target: 'draft-07' }) as Record<string, unknown>;
  const document = {
    ...schema,
    $id: 'https://www.npmjs.com/package/geoslo/scenario.schema.json',
    title: 'geoslo scenario',
    description: 'A planning scenario for geoslo: markets, SLOs, network, objective, candidates, constraints and topology. Generated from the valibot schema plan() checks scenarios with.',
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

describe('the scenario JSON Schema', () => {
  it('is the one generated from the runtime schema (REGEN=1 rewrites it)', () => {
    if (process.env.REGEN) writeFileSync(file, generated());
    expect(readFileSync(file, 'utf8')).toBe(generated());
  });

  it('says what is allowed: unknown fields, objectives and number ranges', () => {
    const schema = JSON.parse(readFileSync(file, 'utf8'));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.objective.properties.type.enum).toEqual(['fewest-regions', 'least-cost', 'least-mean-latency', 'least-worst-latency', 'most-covered']);
    expect(schema.properties.topology.properties.type.enum).toEqual(['regional-centres']);
    expect(schema.properties.slo.required).toEqual(['defaultMs']);
  });

  it('is declared by every bundled scenario, which passes the runtime check', () => {
    const folder = join(root, 'data', 'scenarios');
    for (const name of readdirSync(folder)) {
      const scenario = JSON.parse(readFileSync(join(folder, name), 'utf8'));
      expect(scenario.$schema, name).toBe('../scenario.schema.json');
      expect(() => checkScenarioShape(scenario)).not.toThrow();
    }
  });
});
