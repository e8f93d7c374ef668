// The exact cover decision in WebAssembly or its TypeScript twin; the same nodes, the same answer.

import { scratchChecked, withScratch } from './kernel-scratch.js';
import { copyIn, copyOutInt32 } from './memory.js';
import type { KernelName } from './packed-graph.js';
import { type CoverDecision, type CoverDecisionInput, decideCover } from './twin/placement/cover-decision.js';
import { kernel } from './wasm.js';

const FOUND_NONE = -2;
const BUDGET_SPENT = -3;

export function decideCoverWith(input: CoverDecisionInput, nodeBudget: number, kernelName: KernelName): CoverDecision {
  if (kernelName === 'js') return decideCover(input, nodeBudget);
  const { demandCount: n, candidateCount: m, coverStart, coverDemands, needed, fixed, allowed, k } = input;
  return withScratch(
    [coverStart.byteLength, coverDemands.byteLength, needed.byteLength, fixed.byteLength, allowed.byteLength, m * 4],
    ([startsPointer, demandsPointer, neededPointer, fixedPointer, allowedPointer, outPointer]) => {
      copyIn(startsPointer, coverStart);
      copyIn(demandsPointer, coverDemands);
      copyIn(neededPointer, needed);
      copyIn(fixedPointer, fixed);
      copyIn(allowedPointer, allowed);
      const result = kernel().coverDecision(startsPointer, demandsPointer, n, m, neededPointer, fixedPointer, allowedPointer, k, nodeBudget, outPointer);
      if (result === FOUND_NONE) return { feasible: false };
      if (result === BUDGET_SPENT) return { feasible: null };
      const count = scratchChecked(result);
      const sites = new Int32Array(count);
      copyOutInt32(outPointer, count, sites);
      return { feasible: true, sites };
    },
  );
}
