// Releases bytes at a line rate (8N1: ten bit times per byte) on the UART's clock, not the
// event loop's: what a pty or an in-memory wire lacks. Shared by the emulators' line-rate
// wrapper and the in-memory transport pair.

export class LinePacer {
  private queue: Uint8Array[] = [];
  /** When the line has sent every byte released so far (the UART's clock, not the event loop's). */
  private lineFreeAt = 0;
  private timer?: NodeJS.Timeout;
  private spinning = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    public bytesPerSecond: number,
    private readonly deliver: (b: Uint8Array) => void,
  ) {}

  push(b: Uint8Array): void {
    if (this.queue.length === 0) this.lineFreeAt = Math.max(this.lineFreeAt, performance.now());
    this.queue.push(b);
    this.schedule();
  }

  /** Bytes not yet released. */
  get pending(): number {
    return this.queue.reduce((n, b) => n + b.length, 0);
  }

  /** Delivers every byte whose last bit is on the wire by now, late ones all at once. */
  private releaseDue(): void {
    const now = performance.now();
    let due = Math.floor(((now - this.lineFreeAt) * this.bytesPerSecond) / 1000);
    const out: Uint8Array[] = [];
    while (due > 0 && this.queue.length > 0) {
      const head = this.queue[0]!;
      const n = Math.min(due, head.length);
      out.push(head.subarray(0, n));
      if (n === head.length) this.queue.shift();
      else this.queue[0] = head.subarray(n);
      due -= n;
      this.lineFreeAt += (n * 1000) / this.bytesPerSecond;
    }
    for (const b of out) this.deliver(b);
    if (this.queue.length === 0) this.wakeIdle();
  }

  /** Resolves once every byte pushed so far has been released (or cleared). */
  whenIdle(): Promise<void> {
    if (this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private wakeIdle(): void {
    for (const w of this.idleWaiters.splice(0)) w();
  }

  private schedule(): void {
    if (this.timer || this.spinning || this.queue.length === 0) return;
    const slice = Math.max(1, Math.floor(this.bytesPerSecond / 2000));
    const queued = this.pending;
    const next = Math.min(slice, queued);
    const dueAt = this.lineFreeAt + (next * 1000) / this.bytesPerSecond;
    const wait = dueAt - performance.now();
    const step = (): void => {
      this.releaseDue();
      this.schedule();
    };
    // Timers are only good to a millisecond: sleep while more than a slice is queued (lateness
    // is caught up), and spin (setImmediate) only for a burst's last bytes, so a short frame's
    // end is not held a whole ms.
    if (wait > 1.5 || queued > slice) {
      this.timer = setTimeout(
        () => {
          this.timer = undefined;
          step();
        },
        Math.max(1, wait - 1),
      );
    } else {
      this.spinning = true;
      const spin = (): void => {
        if (performance.now() < dueAt) {
          setImmediate(spin);
          return;
        }
        this.spinning = false;
        step();
      };
      setImmediate(spin);
    }
  }

  clear(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.queue = [];
    this.wakeIdle();
  }
}
