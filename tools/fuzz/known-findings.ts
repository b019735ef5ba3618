// Findings in code other people own, reported in /work/notes/fuzz-findings.md and not yet
// fixed. A handler failure that matches one is counted here instead of stopping the run, so
// that fuzzing goes on to find the next one; each is also in the corpus, replayed every run.
// Delete an entry when its fix lands: the corpus input then proves the fix.
export interface KnownFinding {
  readonly id: string;
  readonly target: string;
  readonly where: string;
  /** Matches the failure's message (the 'internal' rejection's detail). */
  readonly pattern: RegExp;
}

export const knownFindings: readonly KnownFinding[] = [];

const hits = new Map<string, number>();

/** True (and counted) when `failure` is a known open finding (of `target`, when given). */
export function isKnown(failure: string, target?: string): boolean {
  const k = knownFindings.find(
    (f) => (target === undefined || f.target === target) && f.pattern.test(failure),
  );
  if (k) hits.set(k.id, (hits.get(k.id) ?? 0) + 1);
  return k !== undefined;
}

export function knownHits(): Record<string, number> {
  return Object.fromEntries(hits);
}
