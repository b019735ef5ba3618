// The runner's pipeline on the face path, on an I/O double whose every call the test settles by
// hand: which work starts before which result, what the machine sees (always its own order),
// and what is cancelled when one side fails. Behaviour only: no timings.
import { describe, expect, it } from 'vitest';
import type { RgbImage } from '../../device/image/decode.js';
import type { PinState } from '../../device/mynumber/mynumber-card.js';
import { silentLogger } from '../../platform/log.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import type { FaceEvidence } from '../vision/face-verifier.js';
import { type SessionIo, SessionService, type SessionSettings } from './session-service.js';
import type { ResultDraft } from './types.js';

interface Pending<T> {
  readonly signal?: AbortSignal;
  resolve(v: T): void;
  reject(e: unknown): void;
}

/** A SessionIo whose calls wait until the test answers them; it logs each call as it starts. */
class ManualIo implements SessionIo {
  readonly calls: string[] = [];
  readonly pending = new Map<string, Pending<unknown>>();
  // Private: the dump test looks at the service, not at what this double was handed.
  #reference?: Promise<RgbImage>;
  #keyB?: string;
  get reference() {
    return this.#reference;
  }
  get keyBGiven() {
    return this.#keyB;
  }

  private wait<T>(name: string, signal?: AbortSignal): Promise<T> {
    this.calls.push(name);
    return new Promise<T>((resolve, reject) => {
      this.pending.set(name, { signal, resolve: resolve as (v: unknown) => void, reject });
    });
  }

  answer(name: string, v: unknown): void {
    const p = this.pending.get(name);
    if (!p) throw new Error(`${name} was not called (calls: ${this.calls.join(', ')})`);
    this.pending.delete(name);
    p.resolve(v);
  }

  fail(name: string, e: unknown): void {
    const p = this.pending.get(name);
    if (!p) throw new Error(`${name} was not called (calls: ${this.calls.join(', ')})`);
    this.pending.delete(name);
    p.reject(e);
  }

  /** Whether the live capture was told the patient is asked to look (state `capturing`). */
  prompted?: boolean;

  signalOf(name: string): AbortSignal {
    return this.pending.get(name)!.signal!;
  }

  readCard(signal: AbortSignal) {
    return this.wait<{ certificate: Uint8Array; pin: PinState }>('readCard', signal);
  }
  readCardFaceKey(signal: AbortSignal) {
    return this.wait<{ ok: true; keyB: string } | { ok: false; reason: string }>('readCardFaceKey', signal);
  }
  readPhoto(keyB: string, signal: AbortSignal) {
    this.#keyB = keyB;
    return this.wait<RgbImage>('readPhoto', signal);
  }
  verifyFace(reference: Promise<RgbImage>, signal: AbortSignal, _g: unknown, prompted: Promise<void>) {
    this.#reference = reference;
    this.prompted = false;
    void prompted.then(() => (this.prompted = true));
    return this.wait<FaceEvidence>('verifyFace', signal);
  }
  pinState(signal: AbortSignal) {
    return this.wait<PinState>('pinState', signal);
  }
  verifyPin() {
    return this.wait<{ triesLeftBefore: number }>('verifyPin');
  }
  signDigest() {
    return this.wait<Uint8Array>('signDigest');
  }
}

const SETTINGS: SessionSettings = {
  consents: [],
  faceEnabled: true,
  pinEnabled: true,
  visualCheckOnBlockedPin: false,
  timeouts: {},
};
const CERT = Uint8Array.of(0x30, 0x82);
const PHOTO: RgbImage = { width: 1, height: 1, data: Uint8Array.of(1, 2, 3) };
const verified: FaceEvidence = {
  outcome: 'verified',
  score: 0.8,
  threshold: 0.4,
  matcher: 'test',
  attempts: 1,
  timingsMs: { reference: 1, capture: 2, match: 0.1 },
};
const flush = () => new Promise((r) => setImmediate(r));

function rig(pipeline?: boolean) {
  const io = new ManualIo();
  const results: ResultDraft[] = [];
  let n = 0;
  const service = new SessionService({
    io,
    settings: SETTINGS,
    publish: (r) => {
      results.push(r);
      return BigInt(results.length);
    },
    journal: () => {},
    now: () => 1000 + n++,
    newId: () => `s${n}`,
    log: silentLogger,
    pipeline,
  });
  const events = () => service.trace.map((t) => t.event);
  return { io, service, results, events };
}

describe('the session runner: the face path as its critical path', () => {
  it('reads 照合番号B beside the certificate and captures the live face beside the photo read; the machine sees its own order', async () => {
    const { io, service, results, events } = rig();
    service.cardPlaced();
    // Both start at the tap: the certificate over the card link, 照合番号B by the camera.
    expect(io.calls).toEqual(['readCard', 'readCardFaceKey']);
    // 照合番号B is ready first: the machine still hears of the certificate first.
    io.answer('readCardFaceKey', { ok: true, keyB: '9001011234' });
    await flush();
    expect(service.state.kind).toBe('reading-card');
    io.answer('readCard', { certificate: CERT, pin: { kind: 'no-pin' } });
    await flush();
    // Face is the only method: the live side starts now, with the photo read, not after it.
    expect(io.calls).toEqual(['readCard', 'readCardFaceKey', 'verifyFace', 'readPhoto']);
    expect(io.keyBGiven).toBe('9001011234');
    expect(service.state.kind).toBe('reading-photo');
    let referenceSeen: RgbImage | undefined;
    void io.reference!.then((r) => (referenceSeen = r));
    await flush();
    expect(referenceSeen).toBeUndefined();
    // The patient is asked to look now (the reading-photo screen is the capture screen): the
    // live attempt runs beside the photo read; only the comparison waits for the photo.
    expect(io.prompted).toBe(true);
    io.answer('readPhoto', PHOTO);
    await flush();
    // The verifier gets the photo once it is read, to compare with the frames it has.
    expect(referenceSeen).toEqual(PHOTO);
    expect(service.state.kind).toBe('capturing');
    expect(io.prompted).toBe(true);
    io.answer('verifyFace', verified);
    await flush();
    expect(results).toHaveLength(1);
    expect(results[0]!.outcome).toBe('verified');
    expect(events()).toEqual([
      'card-placed',
      'card-read',
      'card-face-read',
      'photo-read',
      'face-verified',
      'published',
    ]);
  });

  it('照合番号B unreadable: the live capture already running is cancelled, PIN is offered', async () => {
    const { io, service } = rig();
    service.cardPlaced();
    io.answer('readCard', { certificate: CERT, pin: { kind: 'tries', left: 3 } });
    await flush();
    expect(service.state.kind).toBe('choosing-method');
    service.patient({ type: 'choose', method: 'face' });
    expect(io.calls).toEqual(['readCard', 'readCardFaceKey', 'verifyFace']);
    const live = io.signalOf('verifyFace');
    expect(live.aborted).toBe(false);
    io.answer('readCardFaceKey', { ok: false, reason: 'the digits did not agree' });
    await flush();
    expect(live.aborted).toBe(true);
    expect(service.state.kind).toBe('choosing-method');
    expect(service.state.kind === 'choosing-method' && service.state.offered).toEqual(['pin']);
    expect(io.calls).not.toContain('readPhoto');
  });

  it('the face camera fails during the photo read: the session ends at once and the photo read is aborted', async () => {
    const { io, service, results } = rig();
    service.cardPlaced();
    io.answer('readCard', { certificate: CERT, pin: { kind: 'no-pin' } });
    io.answer('readCardFaceKey', { ok: true, keyB: '9001011234' });
    await flush();
    expect(service.state.kind).toBe('reading-photo');
    const photoRead = io.signalOf('readPhoto');
    io.fail('verifyFace', new ReaderError(ErrorCode.Camera_Failed, 'the face camera sent no picture'));
    await flush();
    expect(results.map((r) => r.outcome)).toEqual(['camera-error']);
    expect(photoRead.aborted).toBe(true);
    // The photo read that ends after the session is dropped: no second result.
    io.fail('readPhoto', new ReaderError(ErrorCode.Op_Canceled, 'aborted'));
    await flush();
    expect(results).toHaveLength(1);
  });

  it('the chip refuses 照合番号B: the live side is cancelled and face is out', async () => {
    const { io, service, results } = rig();
    service.cardPlaced();
    io.answer('readCard', { certificate: CERT, pin: { kind: 'no-pin' } });
    io.answer('readCardFaceKey', { ok: true, keyB: '9001011234' });
    await flush();
    const live = io.signalOf('verifyFace');
    io.fail('readPhoto', new ReaderError(ErrorCode.Card_KeyBWrong, 'the card refused 照合番号B'));
    await flush();
    expect(live.aborted).toBe(true);
    expect(results.map((r) => r.outcome)).toEqual(['card-face-unreadable']);
  });

  it('the certificate read fails: 照合番号B still being read is cancelled', async () => {
    const { io, service, results } = rig();
    service.cardPlaced();
    const keyB = io.signalOf('readCardFaceKey');
    io.fail('readCard', new ReaderError(ErrorCode.Card_Removed, 'the card left'));
    await flush();
    expect(keyB.aborted).toBe(true);
    expect(results.map((r) => r.outcome)).toEqual(['card-removed']);
  });

  it('the PIN path: the card operations in their order, 照合番号B dropped when PIN is chosen, the tries not read twice', async () => {
    const { io, service, results, events } = rig();
    service.cardPlaced();
    const keyB = io.signalOf('readCardFaceKey');
    io.answer('readCard', { certificate: CERT, pin: { kind: 'tries', left: 3 } });
    await flush();
    service.patient({ type: 'choose', method: 'pin' });
    expect(keyB.aborted).toBe(true);
    // The card read gave the tries: the PIN screen comes at once (VERIFY checks them again).
    expect(service.state).toMatchObject({ kind: 'entering-pin', triesLeft: 3 });
    expect(service.patient({ type: 'pin', pin: '1234' })).toBe(true);
    io.answer('verifyPin', { triesLeftBefore: 3 });
    await flush();
    io.answer('signDigest', Uint8Array.of(9));
    await flush();
    expect(io.calls).toEqual(['readCard', 'readCardFaceKey', 'verifyPin', 'signDigest']);
    expect(results.map((r) => [r.method, r.outcome])).toEqual([['pin', 'verified']]);
    expect(events()).toEqual([
      'card-placed',
      'card-read',
      'method-chosen',
      'pin-entered',
      'pin-verified',
      'signed',
      'published',
    ]);
  });

  it('照合番号B failing after PIN was chosen (camera gone, OCR failed) is no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const record = (e: unknown): void => void unhandled.push(e);
    process.on('unhandledRejection', record);
    try {
      const { io, service } = rig();
      service.cardPlaced();
      io.answer('readCard', { certificate: CERT, pin: { kind: 'tries', left: 3 } });
      await flush();
      service.patient({ type: 'choose', method: 'pin' });
      io.fail('readCardFaceKey', new Error('no picture within 3000 ms'));
      await flush();
      await flush();
      expect(unhandled).toEqual([]);
      expect(service.state.kind).toBe('entering-pin');
    } finally {
      process.off('unhandledRejection', record);
    }
  });

  it('keeps 照合番号B and the photo out of a dump of the service', async () => {
    const { inspect } = await import('node:util');
    const { io, service } = rig();
    service.cardPlaced();
    io.answer('readCard', { certificate: CERT, pin: { kind: 'no-pin' } });
    io.answer('readCardFaceKey', { ok: true, keyB: '9001011234' });
    await flush();
    io.answer('readPhoto', { width: 1, height: 1, data: Uint8Array.of(0xab, 0xcd, 0xef) });
    await flush();
    const dump = inspect(service, { depth: 8 });
    expect(dump).not.toMatch(/9001011234/);
    expect(dump).not.toMatch(/171, 205, 239|ab cd ef/);
  });

  it('pipeline off (the bench baseline): each face stage starts when the machine asks, after the one before', async () => {
    const { io, service, results, events } = rig(false);
    service.cardPlaced();
    expect(io.calls).toEqual(['readCard']);
    io.answer('readCard', { certificate: CERT, pin: { kind: 'no-pin' } });
    await flush();
    expect(io.calls).toEqual(['readCard', 'readCardFaceKey']);
    io.answer('readCardFaceKey', { ok: true, keyB: '9001011234' });
    await flush();
    expect(io.calls).toEqual(['readCard', 'readCardFaceKey', 'readPhoto']);
    io.answer('readPhoto', PHOTO);
    await flush();
    expect(io.calls).toEqual(['readCard', 'readCardFaceKey', 'readPhoto', 'verifyFace']);
    expect(await io.reference).toEqual(PHOTO);
    expect(io.prompted).toBe(true);
    io.answer('verifyFace', verified);
    await flush();
    expect(results.map((r) => r.outcome)).toEqual(['verified']);
    expect(events()).toEqual([
      'card-placed',
      'card-read',
      'card-face-read',
      'photo-read',
      'face-verified',
      'published',
    ]);
  });
});
