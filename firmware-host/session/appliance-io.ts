// The session's hardware on a real (or emulated) appliance: the IC-card module with the My
// Number card API, the card-face camera with the 照合番号B reader, and the face camera with the
// face matcher. Composed by readerd; the session service only sees SessionIo.
import { X509Certificate } from 'node:crypto';
import { CardChannel } from '../../device/card/card-channel.js';
import type { CardModule } from '../../device/card/card-module.js';
import { decodeImage, type RgbImage } from '../../device/image/decode.js';
import { MyNumberCardApi, type PinState } from '../../device/mynumber/mynumber-card.js';
import { canceled, untilAborted } from '../../platform/abortable.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import type { CardFaceRead } from '../vision/card-face-reader.js';
import type { RawFrame } from '../vision/card-locate.js';
import type { FaceMatcher } from '../vision/face-matcher.js';
import {
  type FaceEvidence,
  type FaceVerifyConfig,
  type FaceVerifyHooks,
  type FrameFeed,
  verifyFace,
} from '../vision/face-verifier.js';
import type { EyeState } from '../vision/liveness-models.js';
import type { QualityIssue } from '../vision/quality.js';
import { CardLinkQueue } from './card-link-queue.js';
import type { SessionIo, StagePart } from './session-io.js';

export interface ApplianceIoOptions {
  readonly module: CardModule;
  readonly cardFaceCamera: FrameFeed;
  readonly faceCamera: FrameFeed;
  /** Honours the signal if it can (the worker reader does); it is raced with it regardless. */
  readonly cardFaceReader: { read(image: Buffer | RawFrame, signal?: AbortSignal): Promise<CardFaceRead> };
  readonly matcher: FaceMatcher;
  readonly face: FaceVerifyConfig;
  /** The liveness challenge's models and where its prompts go (the kiosk's board). */
  readonly faceHooks?: Omit<FaceVerifyHooks, 'signal' | 'onGuidance' | 'prompted'>;
  /** The eye-state model with the session's signal on its calls (the worker's); else faceHooks.eyes. */
  readonly eyesFor?: (signal: AbortSignal) => EyeState;
  /** Card-face frames to try before asking the patient to re-place the card. */
  readonly cardFaceFrames: number;
  readonly apduTimeoutMs: number;
  readonly now: () => number;
  /** The chip photo's decoder (readerd: in the face worker, off this event loop); else here. */
  readonly decodePhoto?: (bytes: Uint8Array) => Promise<RgbImage>;
}

export class ApplianceIo implements SessionIo {
  /** Every card operation goes through it: the session overlaps them with camera work. */
  private readonly link = new CardLinkQueue();

  constructor(private readonly o: ApplianceIoOptions) {}

  private api(signal?: AbortSignal): MyNumberCardApi {
    return new MyNumberCardApi(new CardChannel(this.o.module, { signal, timeoutMs: this.o.apduTimeoutMs }));
  }

  async readCard(signal: AbortSignal): Promise<{ certificate: Uint8Array; pin: PinState }> {
    const api = this.api(signal);
    const { certificate, pin } = await this.link.run(async () => {
      const certificate = await api.readUserAuthCertificate();
      return { certificate, pin: await api.pinState() };
    }, signal);
    let validTo: number;
    try {
      validTo = Date.parse(new X509Certificate(certificate).validTo);
    } catch (e) {
      throw new ReaderError(
        ErrorCode.Card_Status,
        `the user-authentication certificate does not parse: ${(e as Error).message}`,
      );
    }
    if (validTo < this.o.now())
      throw new ReaderError(
        ErrorCode.Card_Expired,
        'the card’s certificate has expired: the card must be renewed',
      );
    return { certificate, pin };
  }

  async readCardFaceKey(signal: AbortSignal, part: StagePart = (_, p) => p): Promise<CardFaceRead> {
    let last: CardFaceRead = { ok: false, reason: 'no card-face picture' };
    // Each wait ends on the abort: a session that moved on (PIN chosen, card gone) does not
    // hold the camera or the reader, and the next session's read does not queue behind it.
    for (let i = 0; i < this.o.cardFaceFrames; i++) {
      if (signal.aborted) throw canceled('the card-face read');
      // The frame as it is, raw RGB: the worker reads it without a JPEG encode here and decode there.
      const f = await part(
        'card-face-frame',
        untilAborted(this.o.cardFaceCamera.nextFrame(3000), signal, 'the card-face frame'),
      );
      last = await part(
        'card-face-ocr',
        untilAborted(this.o.cardFaceReader.read(f, signal), signal, 'the card-face OCR'),
      );
      if (last.ok) return last;
    }
    return last;
  }

  async readPhoto(
    keyB: string,
    signal: AbortSignal,
    part: StagePart = (_, p) => p,
    early?: (photo: Promise<RgbImage>) => void,
  ): Promise<RgbImage> {
    const api = this.api(signal);
    const decode = this.o.decodePhoto ?? decodeImage;
    let decoding: Promise<RgbImage> | undefined;
    const onPhoto = early
      ? (bytes: Uint8Array): void => {
          // Decoded (and embedded by whoever waits on it) while the rest of the record comes in.
          part('photo-image', Promise.resolve());
          decoding = part('photo-decode', decode(bytes));
          decoding.catch(() => {}); // awaited below once the record is the card's
          early(decoding);
        }
      : undefined;
    const face = await part(
      'photo-card',
      this.link.run(() => api.readCardFace(keyB, { onPhoto }), signal),
    );
    // readCardFace checked that the early bytes are its signed photo. Decoded off the link: the
    // next card operation need not wait for the JPEG 2000 decoder.
    return decoding ?? part('photo-decode', decode(face.photo));
  }

  verifyFace(
    reference: RgbImage | Promise<RgbImage>,
    signal: AbortSignal,
    onGuidance: (i: QualityIssue) => void,
    prompted?: Promise<void>,
  ): Promise<FaceEvidence> {
    // Every model call of this session carries its signal: one that ends (the card taken, the
    // patient gone) drops its queued frames in the worker and stops the running one.
    const matcher = this.o.matcher.withSignal?.(signal) ?? this.o.matcher;
    return verifyFace(matcher, reference, this.o.faceCamera, this.o.face, {
      ...this.o.faceHooks,
      ...(this.o.eyesFor && this.o.faceHooks?.eyes ? { eyes: this.o.eyesFor(signal) } : {}),
      onGuidance,
      signal,
      prompted,
    });
  }

  pinState(signal: AbortSignal): Promise<PinState> {
    const api = this.api(signal);
    return this.link.run(() => api.pinState(), signal);
  }

  verifyPin(pin: string, lastTryConfirmed: boolean): Promise<{ triesLeftBefore: number }> {
    // No signal: a VERIFY once sent is answered, or the patient's try is in doubt.
    const api = this.api();
    return this.link.run(() => api.verifyPin(pin, { patientConfirmedLastTry: lastTryConfirmed }));
  }

  signDigest(digest: Uint8Array): Promise<Uint8Array> {
    const api = this.api();
    return this.link.run(() => api.signDigest(digest));
  }
}
