// Notices a duplicate client id (SPEC §13.5): MQTT 3.1.1 has no reason code for "session taken
// over", so a broker that keeps closing our connection soon after it was made, several times
// a minute, is taken as another client using our id.
const SHORT_MS = 10_000;
const WINDOW_MS = 60_000;
const SUSPECT_AT = 3;

export class SessionKicks {
  private connectedAt?: number;
  private drops: number[] = [];
  private warned = false;

  constructor(private readonly now: () => number) {}

  connected(): void {
    this.connectedAt = this.now();
  }

  /** Records a closed connection; true once per episode, when it makes the suspicion. */
  closed(): boolean {
    const t = this.now();
    if (this.connectedAt !== undefined && t - this.connectedAt < SHORT_MS) this.drops.push(t);
    this.connectedAt = undefined;
    const now = this.suspected();
    if (now && !this.warned) {
      this.warned = true;
      return true;
    }
    if (!now) this.warned = false;
    return false;
  }

  recent(): number {
    const t = this.now();
    this.drops = this.drops.filter((d) => t - d < WINDOW_MS);
    return this.drops.length;
  }

  suspected(): boolean {
    return this.recent() >= SUSPECT_AT;
  }
}
