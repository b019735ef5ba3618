// Counters of what a link end rejected, by reason; reported in logs and the status endpoint.
export class RejectionStats {
  private readonly counts = new Map<string, number>();

  count(reason: string): void {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
  }

  get total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }

  toJSON(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort());
  }
}
