// The device link's result delivery (SPEC §7): results leave the durable outbox in counter
// order within an in-flight window, are published again when their acknowledgement is
// overdue or a terminal comes (back) online, and are deleted when a signed ResultAck arrives,
// in one transaction per burst.

import type { EnvelopeSealer } from '../../platform/keys/envelope-sealer.js';
import type { Route } from '../../platform/link/signed-endpoint.js';
import type { Logger } from '../../platform/log.js';
import { fareader } from '../../protocol/gen/fareader.js';
import { deviceTopics, QOS } from '../../protocol/link/topics.js';
import { toLong, u64, u64ms } from '../../protocol/link/u64.js';
import type { ResultQueue } from './outbox.js';

const v1 = fareader.v1;

export type ResultDraft = Omit<fareader.v1.IVerificationResult, 'counter' | 'deviceId'>;

export interface PumpOptions {
  readonly deviceId: string;
  readonly outbox: ResultQueue;
  readonly sealer: EnvelopeSealer;
  readonly log: Logger;
  readonly now: () => number;
  /** Unacknowledged results are published again after this long. */
  readonly ackTimeoutMs: number;
  /** Results published and not yet acknowledged, at most. */
  readonly window: number;
  /** Terminal births made further than this from now are stale. */
  readonly freshnessMs: number;
  /** Terminal births trigger a pass over the outbox at most this often. */
  readonly birthRedeliveryMinMs: number;
  /** Connected and not stopping. */
  readonly live: () => boolean;
  readonly publish: (topic: string, bytes: Uint8Array, qos: 0 | 1) => void;
  readonly reject: (kind: string, reason: string, detail: string, topic: string) => void;
  readonly acked: (counters: bigint[]) => void;
  readonly terminalState: (state: fareader.v1.TerminalState) => void;
}

export class OutboxPump {
  private readonly topics;
  /** Counter → time it was last published, for results not yet acknowledged. */
  private readonly inflight = new Map<bigint, number>();
  /** Highest counter handed to MQTT in this pass over the outbox. */
  private cursor = 0n;
  private pendingAcks: bigint[] = [];
  private ackFlush?: NodeJS.Immediate;
  private redeliveryTimer?: NodeJS.Timeout;
  /** Per terminal id: time_ms of the newest birth that triggered a pass (SPEC §7.6). */
  private readonly births = new Map<string, number>();
  private lastBirthPass = Number.NEGATIVE_INFINITY;
  private deferredPass?: NodeJS.Timeout;

  constructor(private readonly o: PumpOptions) {
    this.topics = deviceTopics(o.deviceId);
  }

  start(): void {
    this.redeliveryTimer = setInterval(() => this.redeliverStale(), Math.max(200, this.o.ackTimeoutMs / 4));
  }

  /** Starts a new in-order pass over everything still in the outbox. */
  restartPass(): void {
    this.inflight.clear();
    this.cursor = 0n;
    this.pump();
  }

  private pump(): void {
    if (!this.o.live()) return;
    const room = this.o.window - this.inflight.size;
    if (room <= 0) return;
    for (const row of this.o.outbox.pendingAfter(this.cursor, room)) {
      this.cursor = row.counter;
      this.inflight.set(row.counter, this.o.now());
      this.o.publish(this.topics.result, row.envelope, QOS.result);
    }
  }

  /** Publishes again, in order, the results whose acknowledgement is overdue. */
  private redeliverStale(): void {
    if (!this.o.live()) return;
    const now = this.o.now();
    const overdue = [...this.inflight].filter(([, t]) => now - t > this.o.ackTimeoutMs).map(([c]) => c);
    if (overdue.length === 0) return;
    this.o.log.warn('results not acknowledged in time; publishing them again', {
      overdue: overdue.length,
      pending: this.o.outbox.pendingCount,
    });
    overdue.sort((a, b) => (a < b ? -1 : 1));
    const rows = new Map(
      this.o.outbox.pendingAfter(overdue[0]! - 1n, this.o.window).map((r) => [r.counter, r]),
    );
    for (const c of overdue) {
      const row = rows.get(c);
      if (!row) {
        this.inflight.delete(c); // acknowledged meanwhile
        continue;
      }
      this.inflight.set(c, now);
      this.o.publish(this.topics.result, row.envelope, QOS.result);
    }
  }

  /** Signs a result under the next counter, stores it durably, then publishes it. */
  publishResult(draft: ResultDraft): bigint {
    const row = this.o.outbox.enqueue(
      draft.sessionId ?? '',
      (counter) => {
        const payload = v1.VerificationResult.encode({
          ...draft,
          deviceId: this.o.deviceId,
          counter: toLong(counter),
        }).finish();
        return this.o.sealer.seal(v1.PayloadType.PAYLOAD_TYPE_VERIFICATION_RESULT, payload);
      },
      this.o.now(),
    );
    this.pump();
    return row.counter;
  }

  /** Signed acknowledgements from a trusted terminal (SPEC §7.4). */
  ackRoute(): Route<fareader.v1.ResultAck> {
    return {
      kind: 'ack',
      filter: this.topics.ack,
      matches: (topic) => topic === this.topics.ack,
      payloadType: v1.PayloadType.PAYLOAD_TYPE_RESULT_ACK,
      decode: (b) => v1.ResultAck.decode(b),
      handle: ({ message: ack, topic }) => {
        if (ack.deviceId !== this.o.deviceId)
          return this.o.reject('ack', 'wrong-device', `ack for "${ack.deviceId}"`, topic);
        const counter = u64(ack.counter);
        // The outbox never allocates these; SQLite could not even look them up.
        if (counter === 0n || counter > this.o.outbox.lastCounter)
          return this.o.reject('ack', 'unknown-counter', `ack for counter ${counter} never allocated`, topic);
        this.inflight.delete(counter);
        this.pendingAcks.push(counter);
        // Acks arrive in bursts; delete them in one transaction per turn of the event loop.
        this.ackFlush ??= setImmediate(() => this.flushAcks());
      },
    };
  }

  private flushAcks(): void {
    this.ackFlush = undefined;
    const batch = this.pendingAcks;
    this.pendingAcks = [];
    try {
      this.o.outbox.ack(batch);
    } catch (e) {
      // A storage failure keeps the results; they are published again and acknowledged again:
      // back in flight as overdue, so the next redelivery pass republishes them.
      for (const c of batch) this.inflight.set(c, 0);
      this.o.reject('ack', 'internal', (e as Error).message, this.topics.ack);
      return;
    }
    this.o.acked(batch);
    this.pump();
  }

  /**
   * Terminal births and deaths (SPEC §7.6): only a birth made just now, newer than the last one
   * from that terminal, triggers redelivery; a retained birth from before is history, not a request.
   */
  terminalStateRoute(
    filter: string,
    terminalIdOf: (topic: string) => string | undefined,
  ): Route<fareader.v1.TerminalState> {
    return {
      kind: 'terminal-state',
      filter,
      matches: (topic) => terminalIdOf(topic) !== undefined,
      payloadType: v1.PayloadType.PAYLOAD_TYPE_TERMINAL_STATE,
      decode: (b) => v1.TerminalState.decode(b),
      ignoreEmpty: true, // a cleared retained message
      handle: ({ message: state, topic, retained }) => {
        const topicId = terminalIdOf(topic) ?? '';
        if (state.terminalId !== topicId) {
          return this.o.reject(
            'terminal-state',
            'wrong-terminal',
            `state of "${state.terminalId}" on ${topicId}'s topic`,
            topic,
          );
        }
        this.o.terminalState(state);
        if (!state.online) return;
        const now = this.o.now();
        const t = u64ms(state.timeMs);
        if (Math.abs(now - t) > this.o.freshnessMs) {
          if (!retained) this.o.reject('terminal-state', 'stale', `birth made ${now - t} ms ago`, topic);
          return;
        }
        if (t <= (this.births.get(topicId) ?? Number.NEGATIVE_INFINITY)) {
          if (!retained) this.o.reject('terminal-state', 'replayed', `birth of ${t} already seen`, topic);
          return;
        }
        this.births.set(topicId, t);
        this.o.log.info('terminal birth', { terminalId: state.terminalId });
        this.birthPass();
      },
    };
  }

  /** A terminal that comes (back) online gets everything still unacknowledged: rate-limited. */
  private birthPass(): void {
    const wait = this.lastBirthPass + this.o.birthRedeliveryMinMs - this.o.now();
    if (wait <= 0) {
      this.lastBirthPass = this.o.now();
      this.restartPass();
      return;
    }
    // Births in a burst share one deferred pass.
    this.deferredPass ??= setTimeout(() => {
      this.deferredPass = undefined;
      this.birthPass();
    }, wait);
  }

  /** Stops the timers and commits the acknowledgements already received. */
  stop(): void {
    clearInterval(this.redeliveryTimer);
    clearTimeout(this.deferredPass);
    if (this.ackFlush) {
      clearImmediate(this.ackFlush);
      this.flushAcks();
    }
  }
}
