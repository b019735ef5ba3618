// What the session runner needs of the hardware: readerd's ApplianceIo (the card module, the
// cameras, the vision workers) or a test's stand-in. Types only.
import type { RgbImage } from '../../device/image/decode.js';
import type { PinState } from '../../device/mynumber/mynumber-card.js';
import type { FaceEvidence } from '../vision/face-verifier.js';
import type { QualityIssue } from '../vision/quality.js';

/**
 * The hardware the session drives; readerd composes it from the card module and cameras. Its
 * card operations may be called while another runs: it serializes them on the one card link.
 */
/** Times a part of a stage into the session's "session stages" line (its own span, by name). */
export type StagePart = <T>(name: string, p: Promise<T>) => Promise<T>;

export interface SessionIo {
  readCard(signal: AbortSignal): Promise<{ certificate: Uint8Array; pin: PinState }>;
  /** Camera and vision only: it runs beside card I/O. */
  readCardFaceKey(
    signal: AbortSignal,
    part?: StagePart,
  ): Promise<{ ok: true; keyB: string } | { ok: false; reason: string }>;
  /**
   * `early`: the photo decoded from its bytes as soon as they are read, before the rest of the
   * record and its checks (for the reference embedding to start on); readPhoto's own result
   * says whether it is the card's.
   */
  readPhoto(
    keyB: string,
    signal: AbortSignal,
    part?: StagePart,
    early?: (photo: Promise<RgbImage>) => void,
  ): Promise<RgbImage>;
  /**
   * Warms the camera and detector up at once; captures, checks and embeds live frames from
   * `prompted` on (the kiosk shows the capture screen: the attempt's clock and liveness
   * challenge start then); compares when the reference is here.
   */
  verifyFace(
    reference: Promise<RgbImage>,
    signal: AbortSignal,
    onGuidance: (issue: QualityIssue) => void,
    prompted: Promise<void>,
  ): Promise<FaceEvidence>;
  pinState(signal: AbortSignal): Promise<PinState>;
  verifyPin(pin: string, lastTryConfirmed: boolean): Promise<{ triesLeftBefore: number }>;
  signDigest(digest: Uint8Array): Promise<Uint8Array>;
}
