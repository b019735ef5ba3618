// The card is one link: card operations the session overlaps (a photo read, the next session's
// certificate read, a PIN state) reach the card one whole operation after another, never with
// their APDUs interleaved, and an operation cancelled while it waits is never sent at all.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { CardModule, CardModuleEvents } from '../../device/card/card-module.js';
import { ErrorCode, isReaderError } from '../../protocol/errors.js';
import type { MyNumberCard } from '../../sim/card/mynumber-emulator.js';
import { makeCard } from '../../tools/rig/emulated-card.js';
import type { FaceMatcher } from '../vision/face-matcher.js';
import { ApplianceIo, type ApplianceIoOptions } from './appliance-io.js';

/** A card module over the emulated card that answers each APDU a few event-loop turns later. */
class SlowModule extends EventEmitter<CardModuleEvents> implements CardModule {
  readonly name = 'slow test module';
  readonly cardPresent = true;
  readonly maxResponseData = 256;
  inFlight = 0;
  maxInFlight = 0;
  readonly log: { ins: number }[] = [];

  constructor(private readonly card: MyNumberCard) {
    super();
  }

  async transmit(apdu: Uint8Array): Promise<Uint8Array> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    this.log.push({ ins: apdu[1]! });
    for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
    this.inFlight--;
    return this.card.process(apdu)!;
  }

  async close(): Promise<void> {}
}

function applianceIo(
  module: CardModule,
  cardFace?: Pick<ApplianceIoOptions, 'cardFaceCamera' | 'cardFaceReader'>,
): ApplianceIo {
  const unused = {
    nextFrame: () => Promise.reject(new Error('no camera in this test')),
  };
  return new ApplianceIo({
    module,
    cardFaceCamera: unused,
    faceCamera: unused,
    cardFaceReader: { read: () => Promise.reject(new Error('no reader in this test')) },
    ...cardFace,
    matcher: undefined as never,
    face: { attempts: 1, attemptTimeoutMs: 1000, livenessFrames: 1, challenge: 'blink', liveness: 'off' },
    cardFaceFrames: 3,
    apduTimeoutMs: 5000,
    now: Date.now,
  });
}

describe('ApplianceIo on one card link', () => {
  it('runs overlapping card operations one whole operation after another', async () => {
    const card = await makeCard('normal');
    const module = new SlowModule(card);
    const io = applianceIo(module);
    const signal = new AbortController().signal;
    // What a session may overlap: the photo read, the PIN state, the certificate read.
    const [photo, pin, read] = await Promise.all([
      io.readPhoto(card.printedKeyB, signal),
      io.pinState(signal),
      io.readCard(signal),
    ]);
    expect(module.maxInFlight).toBe(1);
    expect(photo.width).toBeGreaterThan(0);
    expect(pin).toEqual({ kind: 'tries', left: 3 });
    expect(read.pin).toEqual({ kind: 'tries', left: 3 });
    expect(read.certificate[0]).toBe(0x30);
    // Interleaved, one operation's SELECT would land between another's VERIFY and READ BINARY
    // and the reads above would fail or read the wrong file: the answers being right is the proof.
    expect(card.stats.keyBVerifies).toBe(1);
  });

  it('never sends an operation cancelled while it waits for the link', async () => {
    const card = await makeCard('normal');
    const module = new SlowModule(card);
    const io = applianceIo(module);
    const first = io.readPhoto(card.printedKeyB, new AbortController().signal);
    const ac = new AbortController();
    const waiting = io.pinState(ac.signal);
    ac.abort();
    const before = card.stats.apdus;
    await first;
    const sentForPhoto = card.stats.apdus - before;
    const e = await waiting.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(isReaderError(e) && e.code).toBe(ErrorCode.Op_Canceled);
    // Nothing of the PIN-state read reached the card: only the photo read's APDUs did.
    expect(card.stats.apdus - before).toBe(sentForPhoto);
  });
});

describe('the card-face read (照合番号B) ends on the abort', () => {
  const frame = { seq: 1, width: 4, height: 4, data: new Uint8Array(48), timestampMs: 0 };
  const failure = (p: Promise<unknown>) =>
    p.then(
      () => undefined,
      (e: unknown) => e,
    );

  it('while it waits for a card-face frame: rejected at once, no frame waited for after it', async () => {
    let asked = 0;
    let answered = false;
    const camera = {
      nextFrame: (ms: number) => {
        asked++;
        // A camera that sends nothing: only its own timeout would end the wait.
        return new Promise<never>((_, rej) =>
          setTimeout(() => {
            answered = true;
            rej(new Error(`no frame within ${ms} ms`));
          }, ms),
        );
      },
    };
    const io = applianceIo(new SlowModule(await makeCard('normal')), {
      cardFaceCamera: camera,
      cardFaceReader: { read: () => Promise.reject(new Error('not reached')) },
    });
    const ac = new AbortController();
    const read = failure(io.readCardFaceKey(ac.signal));
    await new Promise((r) => setImmediate(r));
    ac.abort();
    const e = await read;
    expect(isReaderError(e) && e.code).toBe(ErrorCode.Op_Canceled);
    expect(answered).toBe(false);
    expect(asked).toBe(1);
  });

  it('while the OCR reads: rejected at once, the reader is told, no next frame is taken', async () => {
    let frames = 0;
    let readerSignal: AbortSignal | undefined;
    const io = applianceIo(new SlowModule(await makeCard('normal')), {
      cardFaceCamera: {
        nextFrame: async () => {
          frames++;
          return frame;
        },
      },
      cardFaceReader: {
        // An OCR that never answers by itself.
        read: (_img, signal) => {
          readerSignal = signal;
          return new Promise(() => {});
        },
      },
    });
    const ac = new AbortController();
    const read = failure(io.readCardFaceKey(ac.signal));
    while (!readerSignal) await new Promise((r) => setTimeout(r, 5));
    ac.abort();
    const e = await read;
    expect(isReaderError(e) && e.code).toBe(ErrorCode.Op_Canceled);
    expect(readerSignal.aborted).toBe(true);
    expect(frames).toBe(1);
  });

  it("verifyFace runs on the session's views: the matcher's and the eye model's calls carry its signal", async () => {
    // review-a finding 2 (stop 24): the per-session views were wired but never checked.
    const calls = { view: 0, base: 0 };
    let matcherSignal: AbortSignal | undefined;
    let eyesSignal: AbortSignal | undefined;
    const unusedEyes = {
      load: async () => {},
      closed: async (): Promise<[number, number]> => [0, 0],
      dispose: async () => {},
    };
    const matcher = (name: string, count: () => void): FaceMatcher => ({
      name,
      load: async () => {},
      detect: async () => {
        count();
        return [];
      },
      similarity: () => 0,
      threshold: 1,
      dispose: () => {},
    });
    const view = matcher('session view', () => calls.view++);
    const io = new ApplianceIo({
      module: new SlowModule(await makeCard('normal')),
      cardFaceCamera: { nextFrame: () => Promise.reject(new Error('no card-face camera here')) },
      faceCamera: { nextFrame: () => Promise.reject(new Error('not reached: no reference face')) },
      cardFaceReader: { read: () => Promise.reject(new Error('no reader here')) },
      matcher: {
        ...matcher('worker', () => calls.base++),
        withSignal: (s) => {
          matcherSignal = s;
          return view;
        },
      },
      face: { attempts: 1, attemptTimeoutMs: 1000, livenessFrames: 1, challenge: 'blink', liveness: 'off' },
      faceHooks: { eyes: unusedEyes },
      eyesFor: (s) => {
        eyesSignal = s;
        return unusedEyes;
      },
      cardFaceFrames: 1,
      apduTimeoutMs: 5000,
      now: Date.now,
    });
    const ac = new AbortController();
    const photo = { width: 2, height: 2, data: new Uint8Array(12) };
    const ev = await io.verifyFace(photo, ac.signal, () => {});
    expect(ev.outcome).not.toBe('verified');
    expect(matcherSignal).toBe(ac.signal);
    expect(eyesSignal).toBe(ac.signal);
    expect(calls).toEqual({ view: 1, base: 0 });
  });
});
