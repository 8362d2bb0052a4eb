import { distance } from 'fastest-levenshtein';

/**
 * The candidate fewest edits away from `value` (Levenshtein distance: letters inserted, removed or
 * replaced, counted by fastest-levenshtein), with that number; the first of equals wins. Undefined
 * when there is no candidate. Compared as given: lowercase both sides first for a match that
 * ignores case. Used for "did you mean" suggestions (field names, addresses).
 */
export function closestByEdits(
  value: string,
  candidates: Iterable<string>,
): { candidate: string; edits: number } | undefined {
  let best: { candidate: string; edits: number } | undefined;
  for (const candidate of candidates) {
    const edits = distance(value, candidate);
    if (!best || edits < best.edits) best = { candidate, edits };
  }
  return best;
}

/**
 * Whether `a` is `b` with two neighbouring letters swapped (`nmae` for `name`, `tilte` for
 * `title`): one slip of the fingers, though Levenshtein distance counts it as two edits (Damerau's
 * transposition, which fastest-levenshtein does not count). Compared as given.
 */
export function isOneSwapAway(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const first = [...a].findIndex((letter, i) => letter !== b[i]);
  return a[first] === b[first + 1] && a[first + 1] === b[first] && a.slice(first + 2) === b.slice(first + 2);
}
