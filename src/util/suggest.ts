// "Did you mean": the known id closest to an unknown one by edit distance, for error messages.

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** Longer inputs than this are not ids anyone mistyped; comparing them would only cost time. */
const MAX_SUGGESTED_LENGTH = 200;

/** The closest of `known` to `unknown`, or null when nothing is reasonably close. */
export function closestId(unknown: string, known: Iterable<string>): string | null {
  if (unknown.length > MAX_SUGGESTED_LENGTH) return null;
  const needle = unknown.toLowerCase();
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(needle.length / 2)) ? best : null;
}

export function didYouMean(unknown: string, known: Iterable<string>): string {
  const closest = closestId(unknown, known);
  return closest === null ? '' : ` Did you mean "${closest}"?`;
}
