// When each step of readerd's start finished, in ms since the process started (the clock of
// performance.now(), whose origin is the process's own start, so module loading counts): the
// "ready" line carries them, and the memory bench reads them to say where a slow start went.

/** Step name → ms since the process started, in the order the steps finished. */
export type StartSteps = Readonly<Record<string, number>>;

export class StartTrace {
  private readonly at: Record<string, number> = {};

  constructor(private readonly clock: () => number = () => performance.now()) {}

  /** The step finished now, or `at` (a step marked twice keeps its first time). */
  mark(step: string, at: number = this.clock()): void {
    this.at[step] ??= Math.round(at);
  }

  /** `work` marked as `step` when it settles, fulfilled or not; its outcome passed on. */
  step<T>(step: string, work: Promise<T>): Promise<T> {
    return work.finally(() => this.mark(step));
  }

  steps(): StartSteps {
    return { ...this.at };
  }
}
