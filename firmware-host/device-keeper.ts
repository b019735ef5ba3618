// Keeps one configured device open: an appliance must keep serving when its panel, camera or
// card module is absent at boot or unplugged later (issue 16, item 1), and take the device up
// again when it appears. Each try to open is bounded by a timeout; tries back off from
// `minMs` to `maxMs`. The device's state is what /healthz and the debug shell's `status` show.
import type { Logger } from '../platform/log.js';
import { ErrorCode, ReaderError } from '../protocol/errors.js';

/** A configured device as the status shows it: `off` = switched off in the configuration. */
export interface DeviceState {
  readonly state: 'ok' | 'missing' | 'off';
  /** What is missing or wrong, one line (the error's message, never a stack). */
  readonly detail?: string;
  /** Where it is expected (port, device node, file), when there is one. */
  readonly where?: string;
  /** Tries since it was last up. */
  readonly retries?: number;
}

export interface KeeperOptions<T> {
  readonly name: string;
  readonly where?: string;
  /** Opens the device; `lost` is called by the device's own watcher when it goes away. */
  open(lost: (why: Error) => void): Promise<T>;
  close(device: T): Promise<void>;
  /** Called each time the device comes up (again). */
  onUp?(device: T): void;
  /** Called when a device that was up is lost (before it is closed). */
  onDown?(device: T): void;
  readonly openTimeoutMs?: number;
  readonly minMs?: number;
  readonly maxMs?: number;
  readonly log: Logger;
}

/** One line for the status and the log: the message only, whatever was thrown. */
export function oneLine(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return (m.split('\n')[0] ?? '').slice(0, 200);
}

export class DeviceKeeper<T> {
  private device?: T;
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private retries = 0;
  private detail?: string;
  private generation = 0;
  private wake?: () => void;
  /** The loop: one at a time; `close` awaits it. */
  private loop?: Promise<void>;

  constructor(private readonly o: KeeperOptions<T>) {}

  /** Tries at once; resolves after the first try (up or not): later tries run on their own. */
  start(): Promise<void> {
    let first!: () => void;
    const tried = new Promise<void>((r) => {
      first = r;
    });
    this.loop = this.run(first);
    return tried;
  }

  get current(): T | undefined {
    return this.device;
  }

  status(): DeviceState {
    const where = this.o.where === undefined ? {} : { where: this.o.where };
    if (this.device) return { state: 'ok', ...where };
    return { state: 'missing', ...where, detail: this.detail ?? 'not opened yet', retries: this.retries };
  }

  private async run(first: () => void): Promise<void> {
    let delay = this.o.minMs ?? 500;
    const max = this.o.maxMs ?? 30_000;
    while (!this.stopped) {
      const gen = ++this.generation;
      try {
        const dev = await this.openBounded(gen);
        if (this.stopped) {
          await this.o.close(dev).catch(() => {});
          break;
        }
        this.device = dev;
        if (this.retries > 0 || this.detail)
          this.o.log.info(`${this.o.name} is back`, { where: this.o.where, retries: this.retries });
        this.retries = 0;
        this.detail = undefined;
        this.o.onUp?.(dev);
        first();
        // The delay starts over only once the device has stayed up for `maxMs`: one lost right
        // after opening is retried with the backoff, not reopened in a tight loop.
        const stable = setTimeout(() => {
          delay = this.o.minMs ?? 500;
        }, max);
        // Up: wait until the device's watcher reports it lost (or the keeper stops).
        await new Promise<void>((r) => {
          this.wake = r;
        });
        clearTimeout(stable);
      } catch (e) {
        const line = oneLine(e);
        // The first failure and every change of reason are logged; each retry is not.
        if (line !== this.detail)
          this.o.log.warn(`${this.o.name} missing: running without it, retrying`, {
            where: this.o.where,
            detail: line,
          });
        this.detail = line;
        this.retries++;
      }
      first();
      if (this.stopped) break;
      await new Promise<void>((r) => {
        this.wake = r;
        this.timer = setTimeout(r, delay);
      });
      delay = Math.min(max, delay * 2);
    }
  }

  private openBounded(gen: number): Promise<T> {
    const ms = this.o.openTimeoutMs ?? 10_000;
    const lost = (why: Error): void => {
      // Only the opening that is current counts (a late report of an old one is not).
      if (gen !== this.generation || this.stopped) return;
      void this.onLost(why);
    };
    const opening = this.o.open(lost);
    return new Promise<T>((resolve, reject) => {
      const t = setTimeout(() => {
        // A late open still gets closed: nobody else holds it.
        opening.then((d) => this.o.close(d)).catch(() => {});
        reject(new ReaderError(ErrorCode.Op_Timeout, `${this.o.name} did not open within ${ms} ms`));
      }, ms);
      opening.then(
        (d) => {
          clearTimeout(t);
          resolve(d);
        },
        (e) => {
          clearTimeout(t);
          reject(e);
        },
      );
    });
  }

  private async onLost(why: Error): Promise<void> {
    const dev = this.device;
    if (!dev) return;
    this.device = undefined;
    this.detail = oneLine(why);
    this.o.log.warn(`${this.o.name} lost: running without it, retrying`, {
      where: this.o.where,
      detail: this.detail,
    });
    this.o.onDown?.(dev);
    await this.o.close(dev).catch(() => {});
    this.wake?.();
  }

  async close(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.wake?.();
    await this.loop;
    const dev = this.device;
    this.device = undefined;
    if (dev) await this.o.close(dev).catch(() => {});
  }
}
