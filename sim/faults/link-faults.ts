// Link-level misbehaviour for the conformance kit's can-fail proof, applied by decorating the
// seams the device link is built from (a client factory, a sealer, an outbox). The link itself
// has no fault branches: a reader in service is simply never composed with these.

import type { LinkOutbox, OutboxRow } from '../../firmware-host/link/outbox.js';
import type { EnvelopeSealer } from '../../platform/keys/envelope-sealer.js';
import type { MqttClientFactory } from '../../platform/link/mqtt-client.js';
import { fareader } from '../../protocol/gen/fareader.js';

const RESULT = fareader.v1.PayloadType.PAYLOAD_TYPE_VERIFICATION_RESULT;

/** noWill: connects without a Will, so a lost connection leaves the birth standing (SPEC §3.2). */
export function willless(connect: MqttClientFactory): MqttClientFactory {
  return (url, options) => connect(url, { ...options, will: undefined });
}

/**
 * unsignedResults: results go out as an envelope with no key id and no signature (SPEC §4);
 * everything else is sealed as before, so only the cases about results notice.
 */
export function unsignedResults(inner: EnvelopeSealer): EnvelopeSealer {
  return {
    seal: (payloadType, payload) =>
      payloadType === RESULT
        ? fareader.v1.SignedEnvelope.encode({ payloadType, payload }).finish()
        : inner.seal(payloadType, payload),
  };
}

/**
 * counterResetOnRestart: the outbox as a device that forgot its counter at start would present
 * it: counters (and the birth's last_counter) start again from 1 over what is stored. The
 * stored rows keep their real counters underneath, so nothing the real outbox holds is lost.
 */
export function counterResetOnOpen(inner: LinkOutbox): LinkOutbox {
  const base = inner.lastCounter;
  const shown = (row: OutboxRow): OutboxRow => ({ ...row, counter: row.counter - base });
  return {
    get lastCounter() {
      return inner.lastCounter - base;
    },
    get pendingCount() {
      return inner.pendingCount;
    },
    nextBdSeq: () => inner.nextBdSeq(),
    enqueue: (sessionId, build, nowMs) =>
      shown(inner.enqueue(sessionId, (counter) => build(counter - base), nowMs)),
    ack: (counters) => inner.ack(counters.map((c) => c + base)),
    has: (counter) => inner.has(counter + base),
    pendingAfter: (after, limit) => inner.pendingAfter(after + base, limit).map(shown),
    openSession: (sessionId, nonceHex, startedMs) => inner.openSession(sessionId, nonceHex, startedMs),
    openSessions: () => inner.openSessions(),
    rememberCommand: (id, nowMs, keepMs) => inner.rememberCommand(id, nowMs, keepMs),
    admitSequence: (terminal, seq) => inner.admitSequence(terminal, seq),
    close: () => inner.close(),
  };
}
