// The link self-test: results marked link_test=true that exercise the whole signed,
// durable path before the patient session service exists on a reader (e.g. at install, or
// in CI). Answers StartSession with a link-test result that echoes the terminal's nonce.
import { randomUUID } from 'node:crypto';
import { fareader } from '../protocol/gen/fareader.js';
import { toLong } from '../protocol/link/u64.js';
import type { CommandReply, DeviceLink } from './link/device-link.js';

const v1 = fareader.v1;

export function linkTestResult(
  sessionId: string,
  nonce: Uint8Array,
  nowMs: number,
): fareader.v1.IVerificationResult {
  return {
    sessionId,
    terminalNonce: nonce,
    method: v1.Method.METHOD_UNSPECIFIED,
    outcome: v1.Outcome.OUTCOME_UNSPECIFIED,
    linkTest: true,
    detail: 'link self-test result; not an identity check',
    startedAtMs: toLong(nowMs),
    finishedAtMs: toLong(nowMs),
    timings: [{ stage: v1.Stage.STAGE_SIGN_AND_PUBLISH, durationMs: 0 }],
  };
}

export class LinkTestService {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly link: DeviceLink,
    private readonly now: () => number = Date.now,
  ) {}

  /** Produces `count` results, one every `intervalMs`; resolves when all are in the outbox. */
  produce(count: number, intervalMs: number, onEach?: (counter: bigint) => void): Promise<void> {
    return new Promise((resolve) => {
      let made = 0;
      const tick = (): void => {
        if (made >= count) return resolve();
        made++;
        const counter = this.link.publishResult(linkTestResult(randomUUID(), new Uint8Array(), this.now()));
        onEach?.(counter);
        this.timer = setTimeout(tick, intervalMs);
      };
      tick();
    });
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  onCommand = (command: fareader.v1.Command): CommandReply => {
    if (command.body === 'startSession') {
      const sessionId = randomUUID();
      this.link.publishResult(
        linkTestResult(sessionId, command.startSession?.nonce ?? new Uint8Array(), this.now()),
      );
      return { status: v1.ResponseStatus.RESPONSE_STATUS_OK, sessionId, detail: 'link self-test session' };
    }
    if (command.body === 'cancelSession') return { status: v1.ResponseStatus.RESPONSE_STATUS_NO_SESSION };
    return {
      status: v1.ResponseStatus.RESPONSE_STATUS_UNSUPPORTED,
      detail: `${command.body} needs the session service`,
    };
  };
}
