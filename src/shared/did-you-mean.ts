import leven from 'leven';

/** The closest candidate to `word`, when it is close enough to be a likely typo. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = leven(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(2, Math.floor(lower.length / 3));
  return bestDistance <= limit ? best : undefined;
}

/** " (did you mean `x`?)" when a candidate is close to `word`, else nothing. */
export function bracketedGuess(word: string, candidates: readonly string[]): string {
  const near = didYouMean(word, candidates);
  return near === undefined ? '' : ` (did you mean \`${near}\`?)`;
}

/** ", did you mean `x`?" or "; expected one of `a`, `b`" */
export function suggestion(word: string, candidates: readonly string[]): string {
  const near = didYouMean(word, candidates);
  if (near) return `, did you mean \`${near}\`?`;
  if (candidates.length === 0) return '';
  return `; expected one of ${candidates.map((c) => `\`${c}\``).join(', ')}`;
}
