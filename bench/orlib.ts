// Loads an OR-Library p-median instance into a graphology graph (the last line for a repeated
// pair sets the edge's cost, the convention the published optima use) with its published optima.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Graph from 'graphology';
import { projectFile } from './project-files.js';

export interface OrLibInstance {
  readonly name: string;
  readonly graph: Graph;
  readonly vertexCount: number;
  readonly p: number;
  readonly pMedianOptimum: number;
  readonly pCenterOptimum: number;
}

const folder = projectFile('bench/orlib-pmed');

export function orLibNames(): string[] {
  return Array.from({ length: 40 }, (_, i) => `pmed${i + 1}`);
}

export function loadOrLib(name: string, directory: string = folder): OrLibInstance {
  const optima = readFileSync(join(directory, 'optima.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
  const row = optima.find((cells) => cells[0] === name);
  if (!row) throw new Error(`${name} is not in optima.csv`);
  const lines = readFileSync(join(directory, `${name}.txt`), 'utf8').trim().split('\n');
  const [vertexCount, , p] = lines[0].trim().split(/\s+/).map(Number);
  const graph = new Graph({ type: 'undirected' });
  for (let v = 1; v <= vertexCount; v++) graph.addNode(String(v));
  for (const line of lines.slice(1)) {
    const [i, j, cost] = line.trim().split(/\s+/).map(Number);
    if (i === j) continue;
    graph.mergeEdge(String(i), String(j), { weight: cost });
  }
  return { name, graph, vertexCount, p, pMedianOptimum: Number(row[4]), pCenterOptimum: Number(row[5]) };
}
