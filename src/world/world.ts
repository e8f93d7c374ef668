// The world a latency model and a planner run on: regions, markets and backbone together. The
// bundled one is the default; callers may supply their own (validated by the parse functions).

import { backbone } from './backbone.js';
import { markets } from './markets.js';
import type { Backbone, Market, Region } from './records.js';
import { regions } from './regions.js';

export interface World {
  readonly regions: readonly Region[];
  readonly markets: readonly Market[];
  readonly backbone: Backbone;
}

export const bundledWorld: World = Object.freeze({ regions, markets, backbone });
