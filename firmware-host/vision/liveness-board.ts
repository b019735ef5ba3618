// What the running liveness challenge asks of the patient right now: the step's prompt, the
// attempt, when the step's window closes, or a request to take off a mask or sunglasses. The
// face verifier writes it as the prompts fall due; the kiosk shows it and speaks it; on the
// emulated appliance, the person in front of the emulated camera sees it too.
import type { ChallengePrompt } from './liveness-attempt.js';
import type { Occlusion } from './occlusion.js';

export type ChallengeNotice =
  | (ChallengePrompt & {
      readonly kind: 'prompt';
      readonly attempt: number;
      readonly attempts: number;
      /** Wall-clock time (ms since the epoch) by which the step must be answered, for a countdown. */
      readonly untilMs: number;
    })
  | {
      readonly kind: 'occlusion';
      readonly occlusion: Occlusion;
      readonly attempt: number;
      readonly attempts: number;
    };

export class ChallengeBoard {
  private notice?: ChallengeNotice;
  private readonly listeners = new Set<(n: ChallengeNotice | undefined) => void>();

  get current(): ChallengeNotice | undefined {
    return this.notice;
  }

  show(n: ChallengeNotice | undefined): void {
    this.notice = n;
    for (const l of this.listeners) l(n);
  }

  /** Called with every notice (undefined: the challenge is over). Returns the unsubscriber. */
  watch(listener: (n: ChallengeNotice | undefined) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
