/** Edit distance with an early exit once it exceeds `limit` (did-you-mean only wants close words). */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

/**
 * The closest candidate to `word`, if it is close enough to be what the author meant.
 * Case and separators (`_`, `-`, space) count as no difference: `queue-name` finds `queue_name`.
 */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  const normalise = normaliseWord;
  const target = normalise(word);
  if (!target) return undefined;
  // Short words (`MO`, `5`) only match up to case and separators: one edit changes their meaning.
  const limit = matchLimit(target.length);
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(target, normalise(candidate), bestDistance - 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      if (distance === 0) break;
    }
  }
  return best;
}

/** What did-you-mean compares: case and separators (`_`, `-`, space) removed. */
export function normaliseWord(word: string): string {
  return word.toLowerCase().replace(/[\s_-]/g, '');
}

/** The largest edit distance still taken as a misspelling of a word of this (normalised) length. */
export function matchLimit(length: number): number {
  return Math.floor(length / 3);
}

/** `a`, `a and b`, `a, b and c`. */
export function listWords(words: readonly string[], conjunction = 'and'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}
