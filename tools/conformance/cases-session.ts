// Conformance cases with a patient at the bench: results per method and outcome, nonce echo,
// busy and cancel, visual check only by signed command, PIN safety at the card, card removal,
// timeouts, acknowledgement and redelivery, counters across restarts.
import { createHash, verify, X509Certificate } from 'node:crypto';
import { fromBase64, fromHex } from '../../protocol/bytes.js';
import { fareader } from '../../protocol/gen/fareader.js';
import { seal } from '../../protocol/link/envelope.js';
import { terminalStateTopic } from '../../protocol/link/topics.js';
import { toLong, u64 } from '../../protocol/link/u64.js';
import type { ResultRecord } from '../terminal/result-json.js';
import type { Kit, KitCase } from './kit.js';
import { verifiesWith } from './monitor.js';

const v1 = fareader.v1;
const S = v1.ResponseStatus;
let serial = 0;
const cardId = (what: string): string => `kit-${what}-${Date.now().toString(36)}-${++serial}`;

/** Places a card and waits for the session it starts; returns its id. */
async function place(k: Kit, profile: string, face?: string, photo = 'img20.jpg'): Promise<string> {
  await k.bench.placeCard({ id: cardId(profile), profile, photo, face });
  const v = await k.bench.waitFor(['choosing-method', 'reading-card-face', 'capturing', 'done'], 30_000);
  k.step(`card placed (${profile}); the reader shows ${v.screen}`);
  return v.sessionId!;
}

/**
 * How long the face path may take to its result: the reader's liveness challenge (several
 * prompted steps, a few attempts) on a loaded bench machine, not a terminal's patience.
 */
const FACE_RESULT_MS = 150_000;

async function leave(k: Kit): Promise<void> {
  await k.bench.removeCard();
  await k.bench.waitReady();
}

/** The card's RSA signature in PIN evidence verifies with the certificate in the result. */
export function pinSignatureOk(r: ResultRecord): boolean {
  const e = (r.evidence as { pin?: { cardSignature: string; signedDigest: string } } | null)?.pin;
  if (!e) return false;
  const input = Buffer.concat([
    Buffer.from('fareader.v1/pin-evidence'),
    Buffer.of(0),
    Buffer.from(r.sessionId),
    Buffer.from(fromHex(r.terminalNonce)),
  ]);
  const digestOk = createHash('sha256')
    .update(input)
    .digest()
    .equals(Buffer.from(fromBase64(e.signedDigest)));
  const key = new X509Certificate(Buffer.from(fromBase64(r.userAuthCertificate))).publicKey;
  return digestOk && verify('sha256', input, key, Buffer.from(fromBase64(e.cardSignature)));
}

/** The result's envelope verifies with the device key announced in its birth (node:crypto). */
function envelopeVerifies(k: Kit, r: ResultRecord): boolean {
  const env = v1.SignedEnvelope.decode(Buffer.from(r.envelope, 'base64'));
  const birth = k.monitor.seen.filter((s) => s.kind === 'state').at(-1)?.message as
    | fareader.v1.DeviceState
    | undefined;
  return !!birth && verifiesWith(birth.publicKey, env);
}

async function consentAll(k: Kit): Promise<void> {
  await k.bench.consent([true]);
}

export const SESSION_CASES: KitCase[] = [
  {
    id: 'SES-01',
    title: 'Face session started by the terminal: nonce echoed, face evidence, events, signature',
    clauses: ['4.2', '5.1', '6.1', '6.3', '6.4', '6.5', '8.5'],
    preconditions: 'a normal card whose photo matches the face shown to the camera',
    expected:
      'StartSession OK; one VERIFIED result, METHOD_FACE, score ≥ threshold, liveness passed with its challenge named, nonce echoed; stage events',
    needs: ['patient'],
    async run(k) {
      const { nonce, response } = await k.terminal.startSession(k.deviceId);
      k.check(response.status === S.RESPONSE_STATUS_OK, 'StartSession is accepted', response.sessionId);
      await k.bench.waitFor('awaiting-card');
      const since = Date.now();
      await place(k, 'normal', 'img21.jpg');
      await k.bench.choose('face');
      // The challenge takes the patient seconds and the reader's checks more on a busy bench:
      // the consents come after it, not within the bench's usual screen wait.
      const after = await k.bench.waitFor(
        ['consenting', 'publishing', 'done', 'choosing-method'],
        FACE_RESULT_MS,
      );
      k.check(
        after.screen !== 'choosing-method',
        'the face path ends in the consents, no other method offered',
        {
          screen: after.screen,
          notice: after.notice,
        },
      );
      await consentAll(k);
      const r = await k.result(response.sessionId, FACE_RESULT_MS);
      k.check(
        r.method === 'FACE' && r.outcome === 'VERIFIED',
        'METHOD_FACE, OUTCOME_VERIFIED',
        `${r.method} ${r.outcome}`,
      );
      k.check(
        r.terminalNonce === Buffer.from(nonce).toString('hex'),
        'the nonce is echoed',
        r.terminalNonce.slice(0, 16),
      );
      const face = (r.evidence as { face?: { score: number; threshold: number; matcher: string } }).face;
      k.check(
        !!face && face.score >= face.threshold && !!face.matcher,
        'face evidence: score ≥ threshold, matcher named',
        face,
      );
      // SPEC 6.5: face evidence names its liveness decision (the challenge and the checks).
      const live = (face as { liveness?: { passed?: boolean; challenge?: string; checksPassed?: string[] } })
        ?.liveness;
      k.check(
        !!live?.passed && !!live.challenge && (live.checksPassed?.length ?? 0) > 0,
        'liveness evidence: passed, the challenge and the checks named',
        live && { challenge: live.challenge, checksPassed: live.checksPassed },
      );
      k.check(envelopeVerifies(k, r), 'the result’s signature verifies with the birth’s key (node:crypto)');
      const events = k.monitor
        .since<fareader.v1.SessionEvent>('event', since)
        .filter((e) => e.message.sessionId === r.sessionId);
      const stages = new Set(events.map((e) => e.message.stage));
      k.check(stages.size >= 4, 'session events for the stages (card read, card face, photo, capture, …)', [
        ...stages,
      ]);
      k.check(
        !/\b\d{14}\b/.test(r.detail) && r.userAuthCertificate.length > 0,
        'no 照合番号B in the result; the certificate is there',
      );
      await leave(k);
    },
  },
  {
    id: 'SES-02',
    title: 'PIN session: the card’s signature is the evidence',
    clauses: ['6.1', '6.4', '6.5'],
    preconditions: 'a normal card, PIN 1234',
    expected:
      'METHOD_PIN VERIFIED; the card signature verifies with the certificate in the result; no PIN in it',
    needs: ['patient'],
    async run(k) {
      const id = await place(k, 'normal');
      await k.bench.choose('pin');
      await k.bench.enterPin('1234');
      await consentAll(k);
      const r = await k.result(id);
      k.check(
        r.method === 'PIN' && r.outcome === 'VERIFIED',
        'METHOD_PIN, OUTCOME_VERIFIED',
        `${r.method} ${r.outcome}`,
      );
      k.check(pinSignatureOk(r), 'the card’s RSA signature over SHA-256(context ‖ session ‖ nonce) verifies');
      k.check(
        !JSON.stringify({ ...r, envelope: '', userAuthCertificate: '' }).includes('1234'),
        'the PIN appears nowhere in the result',
      );
      await leave(k);
    },
  },
  {
    id: 'SES-03',
    title: 'Busy while a session runs; CancelSession ends it; cancel without a session',
    clauses: ['6.1', '8.4', '8.6'],
    preconditions: 'a normal card',
    expected: 'StartSession BUSY; CancelSession OK → CANCELLED_BY_TERMINAL; then CancelSession NO_SESSION',
    needs: ['patient'],
    async run(k) {
      const id = await place(k, 'normal');
      const busy = await k.terminal.startSession(k.deviceId);
      k.check(
        busy.response.status === S.RESPONSE_STATUS_BUSY,
        'StartSession during a session is BUSY',
        k.status(busy.response.status),
      );
      const c = await k.command({ cancelSession: { sessionId: id } });
      k.check(c.status === S.RESPONSE_STATUS_OK, 'CancelSession is accepted', k.status(c.status));
      const r = await k.result(id, 15_000);
      k.check(r.outcome === 'CANCELLED_BY_TERMINAL', 'the session ends CANCELLED_BY_TERMINAL', r.outcome);
      await leave(k);
      const none = await k.command({ cancelSession: {} });
      k.check(
        none.status === S.RESPONSE_STATUS_NO_SESSION,
        'CancelSession with no session is NO_SESSION',
        k.status(none.status),
      );
    },
  },
  {
    id: 'SES-04',
    title: 'Visual check only after a signed SetMode(VISUAL_CHECK)',
    clauses: ['6.5', '8.4', '8.7'],
    preconditions: 'a card whose PIN is blocked',
    expected:
      'without the mode: decision UNSUPPORTED, the blocked PIN neither offered nor accepted; with it: METHOD_VISUAL_CHECK naming the command',
    needs: ['patient'],
    async run(k) {
      const early = await k.command({ visualCheckDecision: { confirmed: true, staffId: 'kit' } });
      k.check(
        early.status === S.RESPONSE_STATUS_UNSUPPORTED,
        'a staff decision without the mode is UNSUPPORTED',
        k.status(early.status),
      );
      let id = await place(k, 'pin-blocked');
      const offer = await k.bench.waitFor('choosing-method');
      // Only a bench that sees the screen knows what is offered (an operator is told what to do).
      if (offer.offered) {
        k.check(!offer.offered.includes('pin'), 'a blocked PIN is not offered', offer.offered);
        k.check(!(await k.bench.choose('pin')), 'choosing the blocked PIN anyway is refused');
      }
      await k.bench.cancel();
      let r = await k.result(id, 15_000);
      k.check(r.outcome === 'CANCELLED_BY_PATIENT', 'the patient may still stop', r.outcome);
      await leave(k);
      const mode = await k.command({
        setMode: { mode: v1.ReaderMode.READER_MODE_VISUAL_CHECK, staffId: 'kit-staff' },
      });
      k.check(mode.status === S.RESPONSE_STATUS_OK, 'SetMode(VISUAL_CHECK) is accepted');
      id = await place(k, 'pin-blocked');
      await k.bench.choose('visual-check');
      await k.bench.waitFor('awaiting-visual-check');
      const d = await k.command({
        visualCheckDecision: { sessionId: id, confirmed: true, staffId: 'kit-staff' },
      });
      k.check(d.status === S.RESPONSE_STATUS_OK, 'the staff decision is accepted');
      await consentAll(k);
      r = await k.result(id);
      const ev = (r.evidence as { visualCheck?: { enablingCommandId: string; staffId: string } }).visualCheck;
      k.check(
        r.method === 'VISUAL_CHECK' && r.outcome === 'VERIFIED',
        'METHOD_VISUAL_CHECK, VERIFIED',
        `${r.method} ${r.outcome}`,
      );
      k.check(
        !!ev && ev.staffId === 'kit-staff' && ev.enablingCommandId.length > 0,
        'the evidence names the enabling command and the staff',
        ev,
      );
      await leave(k);
    },
  },
  {
    id: 'PIN-01',
    title: 'PIN safety at the card: no VERIFY on the last try without confirmation, no retries',
    clauses: ['12.1'],
    preconditions: 'a card with one PIN try left; a normal card',
    expected: 'the card sees 0 VERIFY when the patient declines the last try, exactly 1 after one wrong PIN',
    needs: ['patient', 'cardStats'],
    async run(k) {
      let id = await place(k, 'pin-last-try');
      await k.bench.choose('pin');
      const v = await k.bench.enterPin('1234');
      k.check(
        v.screen === 'confirming-last-try',
        'the reader asks the patient to confirm the last try',
        v.screen,
      );
      await k.bench.cancel();
      await k.result(id, 15_000);
      let stats = await k.bench.cardStats();
      k.check(stats.pinVerifies === 0, 'the card received no VERIFY', stats);
      await leave(k);
      id = await place(k, 'normal');
      await k.bench.choose('pin');
      await k.bench.enterPin('9999');
      await new Promise((r) => setTimeout(r, 1500));
      stats = await k.bench.cardStats();
      k.check(stats.pinVerifies === 1, 'one wrong PIN: exactly one VERIFY, no retry', stats);
      k.check(stats.myNumberApSelected === 0, 'the My Number application was never selected');
      await k.bench.cancel();
      const r = await k.result(id, 15_000);
      k.check(r.outcome === 'PIN_WRONG', 'the session ends PIN_WRONG', r.outcome);
      await leave(k);
    },
  },
  {
    id: 'REM-01',
    title: 'Card removed while choosing, entering the PIN, and at the consents',
    clauses: ['6.1', '12.2'],
    preconditions: 'a normal card',
    expected: 'each session ends CARD_REMOVED',
    needs: ['patient'],
    async run(k) {
      for (const stage of ['choosing-method', 'entering-pin', 'consenting']) {
        const id = await place(k, 'normal');
        if (stage !== 'choosing-method') await k.bench.choose('pin');
        if (stage === 'consenting') await k.bench.enterPin('1234');
        await k.bench.waitFor(stage);
        await k.bench.removeCard();
        const r = await k.result(id, 15_000);
        k.check(r.outcome === 'CARD_REMOVED', `removed at ${stage}: CARD_REMOVED`, r.outcome);
        await k.bench.waitReady();
      }
    },
  },
  {
    id: 'TMO-01',
    title: 'The patient walks away: the session times out with a result',
    clauses: ['6.1', '12.3'],
    preconditions: 'a normal card; the device’s patient timeout (up to 2 minutes)',
    expected: 'TIMED_OUT',
    needs: ['patient'],
    async run(k) {
      const id = await place(k, 'normal');
      k.step('nobody answers the screen');
      const r = await k.result(id, 130_000);
      k.check(r.outcome === 'TIMED_OUT', 'the session ends TIMED_OUT', r.detail);
      await leave(k);
    },
  },
  {
    id: 'ACK-01',
    title:
      'No acknowledgement: redelivered with the same counter and bytes; a terminal birth triggers it; an ack stops it',
    clauses: ['2.6', '2.7', '7.1', '7.2', '7.3', '7.4'],
    preconditions: 'a normal card; the kit holds back its acks',
    expected:
      'the result comes again unchanged after the ack timeout and after a terminal birth; none after the ack',
    needs: ['patient'],
    async run(k) {
      k.terminal.acknowledging = false;
      try {
        const id = await place(k, 'normal');
        await k.bench.cancel();
        const r = await k.result(id, 15_000);
        const counter = BigInt(r.counter);
        const copies = (): number =>
          k.monitor.seen.filter(
            (s) =>
              s.kind === 'result' && u64((s.message as fareader.v1.VerificationResult).counter) === counter,
          ).length;
        const first = await k.waitFor(() => (copies() >= 2 ? copies() : undefined), k.o.redeliveryWaitMs);
        k.check(
          first !== undefined,
          'unacknowledged, the result is published again (same counter; same bytes, checked by the monitor)',
          { counter: counter.toString() },
        );
        await leave(k);
        const before = copies();
        const state = v1.TerminalState.encode({
          terminalId: 'conformance-kit',
          online: true,
          timeMs: toLong(Date.now()),
        }).finish();
        await k.raw.publishAsync(
          terminalStateTopic('conformance-kit'),
          Buffer.from(seal(v1.PayloadType.PAYLOAD_TYPE_TERMINAL_STATE, state, k.o.terminalKey)),
          { qos: 1 },
        );
        const again = await k.waitFor(() => (copies() > before ? copies() : undefined), 5000);
        k.check(again !== undefined, 'a terminal birth makes the device republish what is unacknowledged');
        k.terminal.acknowledging = true;
        // The next copy is acknowledged (as a duplicate); after that, silence.
        await k.waitFor(() => (copies() > (again ?? 0) ? true : undefined), k.o.redeliveryWaitMs);
        await new Promise((res) => setTimeout(res, 500));
        const settled = copies();
        await new Promise((res) => setTimeout(res, k.o.redeliveryWaitMs));
        k.check(copies() === settled, 'once acknowledged, the result is not published again', {
          copies: copies(),
        });
      } finally {
        k.terminal.acknowledging = true;
      }
    },
  },
  {
    id: 'OUT-01',
    title: 'Broker outage: a result made while the broker is down is delivered once it is back',
    clauses: ['7.1', '7.2'],
    preconditions: 'the kit can stop and restart the broker; a normal card',
    expected: 'the session’s result reaches the terminal after the broker returns, exactly once',
    needs: ['patient', 'brokerControl'],
    async run(k) {
      await k.broker.stop();
      k.step('broker stopped');
      let id: string;
      try {
        id = await place(k, 'normal');
        await k.bench.cancel();
        await k.bench.waitFor('done');
        k.step('a session ended while the broker was down');
        await new Promise((r) => setTimeout(r, 1000));
      } finally {
        await k.broker.start();
        k.step('broker back');
      }
      const r = await k.result(id, 30_000);
      k.check(r.outcome === 'CANCELLED_BY_PATIENT', 'the stored result arrives', {
        counter: r.counter,
        outcome: r.outcome,
      });
      await new Promise((res) => setTimeout(res, 1500));
      k.check(
        k.results.filter((x) => x.sessionId === id).length === 1,
        'accepted exactly once at the terminal',
      );
      await leave(k);
    },
  },
  {
    id: 'CTR-01',
    title: 'Counters strictly increase across a restart; the birth carries last_counter',
    clauses: ['3.4', '3.5', '6.2', '7.2'],
    preconditions: 'the bench can restart the device',
    expected: 'birth.last_counter ≥ the last result’s counter; the next result’s counter is higher',
    needs: ['patient', 'restart'],
    async run(k) {
      let id = await place(k, 'normal');
      await k.bench.cancel();
      const before = await k.result(id, 15_000);
      await leave(k);
      const since = Date.now();
      await k.bench.readerd('stop');
      await k.bench.readerd('start');
      const birth = await k.waitFor(
        () => k.monitor.since<fareader.v1.DeviceState>('state', since).find((s) => s.message.online),
        20_000,
      );
      k.check(birth !== undefined, 'a birth after the restart');
      k.check(
        u64(birth!.message.lastCounter) >= BigInt(before.counter),
        'last_counter covers the results before the restart',
        {
          lastCounter: u64(birth!.message.lastCounter).toString(),
          before: before.counter,
        },
      );
      id = await place(k, 'normal');
      await k.bench.cancel();
      const after = await k.result(id, 15_000);
      k.check(BigInt(after.counter) > BigInt(before.counter), 'the next counter is higher', {
        before: before.counter,
        after: after.counter,
      });
      await leave(k);
    },
  },
];
