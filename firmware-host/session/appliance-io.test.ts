// The card is one link: card operations the session overlaps (a photo read, the next session's
// certificate read, a PIN state) reach the card one whole operation after another, never with
// their APDUs interleaved, and an operation cancelled while it waits is never sent at all.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { CardModule, CardModuleEvents } from '../../device/card/card-module.js';
import { ErrorCode, isReaderError } from '../../protocol/errors.js';
import type { MyNumberCard } from '../../sim/card/mynumber-emulator.js';
import { makeCard } from '../../tools/rig/emulated-card.js';
import { ApplianceIo } from './appliance-io.js';

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

function applianceIo(module: CardModule): ApplianceIo {
  const unused = {
    nextFrame: () => Promise.reject(new Error('no camera in this test')),
  };
  return new ApplianceIo({
    module,
    cardFaceCamera: unused,
    faceCamera: unused,
    cardFaceReader: { read: () => Promise.reject(new Error('no reader in this test')) },
    matcher: undefined as never,
    face: { attempts: 1, attemptTimeoutMs: 1000, livenessFrames: 1, challenge: 'blink', liveness: 'off' },
    cardFaceFrames: 1,
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
