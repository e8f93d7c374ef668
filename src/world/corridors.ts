// The named corridors of the backbone: stretches of sea (and the Suez crossing) that many cable
// segments share, so that one event there (an anchor drag, an earthquake, a conflict) can cut them
// together. Every cable segment in a world names the corridors it passes through, from this list.

/** Every corridor a cable segment may name, e.g. in `cutCorridors: ['red-sea']`. */
export const CORRIDORS = Object.freeze([
  'mediterranean', 'suez', 'red-sea', 'indian-ocean', 'gulf', 'malacca', 'intra-asia', 'luzon-strait',
  'trans-pacific', 'australia', 'americas-pacific', 'trans-atlantic', 'north-sea', 'south-atlantic',
  'americas-atlantic', 'caribbean', 'africa-west', 'africa-east',
] as const);

/** The name of a corridor, one of {@link CORRIDORS}. */
export type Corridor = (typeof CORRIDORS)[number];
