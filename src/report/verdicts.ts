// The markets' verdicts in one sentence, so every report counts and names them the same way.

import type { Plan } from '../plan/plan.js';

/** "80 met, 31 missed, 0 by national station, of 111 markets". */
export function verdictCounts(result: Plan): string {
  const { markets } = result.coverage;
  return `${markets.met} met, ${markets.missed} missed, ${markets['national station']} by national station, of ${result.markets.length} markets`;
}

/** "regions failed: ap-southeast-1; corridors cut: red-sea", or null for a plan under no what-if. */
export function whatIfDescription(result: Plan): string | null {
  const { cutCables, cutCorridors, removeNodes, removeRegions } = result.whatIf;
  const parts = [
    removeRegions.length > 0 ? `regions failed: ${removeRegions.join(', ')}` : '',
    cutCables.length > 0 ? `cables cut: ${cutCables.join(', ')}` : '',
    cutCorridors.length > 0 ? `corridors cut: ${cutCorridors.join(', ')}` : '',
    removeNodes.length > 0 ? `backbone nodes removed: ${removeNodes.join(', ')}` : '',
  ].filter((part) => part !== '');
  return parts.length === 0 ? null : parts.join('; ');
}
