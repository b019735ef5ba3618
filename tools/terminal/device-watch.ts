// Two readers configured with the same device id share one client id, so the broker drops the
// older connection whenever the other connects, and both reconnect at once: each sees only that
// it keeps losing its connection (SPEC 13.5). The terminal sees the pair: live births from
// one device whose bd_seq goes down (two service runs alive at once: no single device does
// that, its bd_seq only grows, SPEC 3.4), or more births in a minute than any healthy link
// makes. It reports the device instead of letting the pair flap unnoticed.

/** Live births within this window are counted together. */
const WINDOW_MS = 60_000;
/** More live births than this within the window is a flapping connection (a failover costs a few). */
const FLAP_BIRTHS = 10;

export type DeviceTrouble = 'duplicate-device-id' | 'flapping';

export class DeviceWatch {
  /** Per device: the highest bd_seq seen live, and the times of recent live births. */
  private readonly seen = new Map<string, { highest: bigint; births: number[]; regressedAt?: number }>();

  constructor(private readonly now: () => number) {}

  /**
   * A birth (online state) received live, not as retained history. Returns the trouble it
   * shows, if any: each further birth of a pair of clones shows it again.
   */
  birth(deviceId: string, bdSeq: bigint): DeviceTrouble | undefined {
    const t = this.now();
    const s = this.seen.get(deviceId) ?? { highest: 0n, births: [] };
    this.seen.set(deviceId, s);
    s.births = s.births.filter((b) => t - b < WINDOW_MS);
    s.births.push(t);
    if (bdSeq < s.highest) s.regressedAt = t;
    if (bdSeq > s.highest) s.highest = bdSeq;
    // The more specific finding sticks for the window: the clone with the higher bd_seq
    // shows only flapping, its twin the regression.
    if (s.regressedAt !== undefined && t - s.regressedAt < WINDOW_MS) return 'duplicate-device-id';
    if (s.births.length > FLAP_BIRTHS) return 'flapping';
    return undefined;
  }
}
