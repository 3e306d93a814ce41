/** Token and document counts gathered by a lookup layer's `adapt`. */
export interface TokenCounts<T> {
  tokens: Map<T, number>;
  documents: Map<T, number>;
  numDocuments: number;
}

/**
 * Adds one batch: every token counts once per occurrence; each of the `documents` equal slices
 * of `values` counts once per distinct token in it.
 */
export function countTokens<T>(counts: TokenCounts<T>, values: readonly T[], documents: number): void {
  for (const token of values) counts.tokens.set(token, (counts.tokens.get(token) ?? 0) + 1);
  const size = documents === 0 ? 0 : values.length / documents;
  for (let document = 0; document < documents; document++) {
    for (const token of new Set(values.slice(document * size, (document + 1) * size))) counts.documents.set(token, (counts.documents.get(token) ?? 0) + 1);
  }
  counts.numDocuments += documents;
}

function compareTokens(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  // numpy orders strings by code point; JS compares UTF-16 units, so compare code points.
  const left = [...String(a)];
  const right = [...String(b)];
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const difference = left[index].codePointAt(0)! - right[index].codePointAt(0)!;
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

/**
 * The learned vocabulary, as Keras's `finalize_state`: special tokens removed, most frequent
 * first, ties broken by the token in descending order (`np.lexsort((tokens, counts))[::-1]`),
 * at most `limit` of them.
 */
export function learnedVocabulary<T extends string | number>(counts: TokenCounts<T>, specials: readonly T[], limit: number | null): T[] {
  const entries = [...counts.tokens].filter(([token]) => !specials.includes(token));
  entries.sort(([tokenA, countA], [tokenB, countB]) => countB - countA || compareTokens(tokenB, tokenA));
  const tokens = entries.map(([token]) => token);
  return limit === null ? tokens : tokens.slice(0, Math.max(0, limit));
}
