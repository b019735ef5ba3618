// The card is one link: a SELECT of one operation between the READ BINARYs of another would
// read the wrong file, and a half-sent frame corrupts the module's next answer. Operations on
// it run one after another, whole; camera and vision work overlap with them, never card I/O.
import { ErrorCode, ReaderError } from '../../protocol/errors.js';

export class CardLinkQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private running = 0;

  /** Operations started and not yet settled (0 or 1). */
  get busy(): boolean {
    return this.running > 0;
  }

  /**
   * Runs `op` once every operation queued before it has settled (an aborted one included: it
   * settles once its frame in flight is answered or abandoned by the driver). An operation
   * whose signal is aborted while it waits never starts.
   */
  run<T>(op: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const p = this.tail.then(async () => {
      if (signal?.aborted)
        throw new ReaderError(ErrorCode.Op_Canceled, 'the card operation was cancelled before it started');
      this.running++;
      try {
        return await op();
      } finally {
        this.running--;
      }
    });
    this.tail = p.catch(() => {});
    return p;
  }
}
