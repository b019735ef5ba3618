// Counters of what a link end rejected, by reason; reported on /healthz, the debug shell's
// `status` and a periodic summary line. Logging is throttled per reason: a flood of bad
// messages costs a few lines and a count, not a line each (issue 13, defect 13).
export class RejectionStats {
  private readonly counts = new Map<string, number>();
  /** Per reason: lines logged in the current summary period. */
  private readonly logged = new Map<string, number>();
  private sinceSummary = new Map<string, number>();
  private suppressed = 0;

  /** `logsPerPeriod`: warn lines per reason between two summaries. */
  constructor(private readonly logsPerPeriod = 5) {}

  /** Counts one rejection; true when it should be logged (the reason's budget is not spent). */
  count(reason: string): boolean {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
    this.sinceSummary.set(reason, (this.sinceSummary.get(reason) ?? 0) + 1);
    const n = (this.logged.get(reason) ?? 0) + 1;
    this.logged.set(reason, n);
    if (n <= this.logsPerPeriod) return true;
    this.suppressed++;
    return false;
  }

  get total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }

  /**
   * What was rejected since the last call (by reason) and how many lines were not logged;
   * undefined when nothing was. Starts a new logging period.
   */
  takeSummary(): { byReason: Record<string, number>; suppressedLines: number; total: number } | undefined {
    this.logged.clear();
    if (this.sinceSummary.size === 0) return undefined;
    const out = {
      byReason: Object.fromEntries([...this.sinceSummary].sort()),
      suppressedLines: this.suppressed,
      total: this.total,
    };
    this.sinceSummary = new Map();
    this.suppressed = 0;
    return out;
  }

  toJSON(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort());
  }
}
