// Lookups in lists kept in reading order (sentences, quotes, words, hedges): binary search keeps the
// engine linear on long drafts, where a scan per claim would make it quadratic.

/** Index of the first item for which `isAtOrAfter` holds; the predicate must be false, then true. */
export function firstIndex<T>(items: readonly T[], isAtOrAfter: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (isAtOrAfter(items[middle])) high = middle;
    else low = middle + 1;
  }
  return low;
}
