// The session's result draft as the wire's VerificationResult (SPEC §6).
import { createHash } from 'node:crypto';
import { fromHex } from '../../protocol/bytes.js';
import { fareader } from '../../protocol/gen/fareader.js';
import { toLong } from '../../protocol/link/u64.js';
import type { ConsentKind, Method, Outcome, ResultDraft, Stage } from './types.js';

const v1 = fareader.v1;

export const METHOD: Record<Method, fareader.v1.Method> = {
  face: v1.Method.METHOD_FACE,
  pin: v1.Method.METHOD_PIN,
  'visual-check': v1.Method.METHOD_VISUAL_CHECK,
};

export const OUTCOME: Record<Outcome, fareader.v1.Outcome> = {
  verified: v1.Outcome.OUTCOME_VERIFIED,
  'face-not-matched': v1.Outcome.OUTCOME_FACE_NOT_MATCHED,
  'liveness-failed': v1.Outcome.OUTCOME_LIVENESS_FAILED,
  'pin-wrong': v1.Outcome.OUTCOME_PIN_WRONG,
  'pin-blocked': v1.Outcome.OUTCOME_PIN_BLOCKED,
  'cancelled-by-patient': v1.Outcome.OUTCOME_CANCELLED_BY_PATIENT,
  'cancelled-by-terminal': v1.Outcome.OUTCOME_CANCELLED_BY_TERMINAL,
  'timed-out': v1.Outcome.OUTCOME_TIMED_OUT,
  'card-removed': v1.Outcome.OUTCOME_CARD_REMOVED,
  'card-error': v1.Outcome.OUTCOME_CARD_ERROR,
  'card-expired': v1.Outcome.OUTCOME_CARD_EXPIRED,
  'camera-error': v1.Outcome.OUTCOME_CAMERA_ERROR,
  'module-error': v1.Outcome.OUTCOME_MODULE_ERROR,
  'card-face-unreadable': v1.Outcome.OUTCOME_CARD_FACE_UNREADABLE,
  'visual-check-rejected': v1.Outcome.OUTCOME_VISUAL_CHECK_REJECTED,
  interrupted: v1.Outcome.OUTCOME_INTERRUPTED,
};

export const STAGE: Record<Stage, fareader.v1.Stage> = {
  'card-read': v1.Stage.STAGE_CARD_READ,
  'card-face-read': v1.Stage.STAGE_CARD_FACE_READ,
  'photo-read': v1.Stage.STAGE_PHOTO_READ,
  'capture-and-match': v1.Stage.STAGE_CAPTURE_AND_MATCH,
  pin: v1.Stage.STAGE_PIN,
  'visual-check': v1.Stage.STAGE_VISUAL_CHECK,
  consent: v1.Stage.STAGE_CONSENT,
  'sign-and-publish': v1.Stage.STAGE_SIGN_AND_PUBLISH,
};

export const CONSENT: Record<ConsentKind, fareader.v1.ConsentKind> = {
  medication: v1.ConsentKind.CONSENT_KIND_MEDICATION,
  'health-checkup': v1.ConsentKind.CONSENT_KIND_HEALTH_CHECKUP,
  'medical-treatment': v1.ConsentKind.CONSENT_KIND_MEDICAL_TREATMENT,
  surgery: v1.ConsentKind.CONSENT_KIND_SURGERY,
  'high-cost-limit': v1.ConsentKind.CONSENT_KIND_HIGH_COST_LIMIT,
};

/** SHA-256("fareader.v1/pin-evidence" ‖ 0x00 ‖ session_id ‖ terminal_nonce): what the card signs. */
export function pinEvidenceDigest(sessionId: string, nonceHex: string): Uint8Array {
  return new Uint8Array(
    createHash('sha256')
      .update('fareader.v1/pin-evidence')
      .update(Uint8Array.of(0))
      .update(sessionId)
      .update(fromHex(nonceHex))
      .digest(),
  );
}

export function toResultMessage(d: ResultDraft): fareader.v1.IVerificationResult {
  const r: fareader.v1.IVerificationResult = {
    sessionId: d.sessionId,
    terminalNonce: fromHex(d.nonce),
    method: d.method ? METHOD[d.method] : v1.Method.METHOD_UNSPECIFIED,
    outcome: OUTCOME[d.outcome],
    userAuthCertificate: d.certificate,
    consents: d.consents.map((c) => ({ kind: CONSENT[c.kind], granted: c.granted })),
    timings: d.timings.map((t) => ({ stage: STAGE[t.stage], durationMs: Math.round(t.ms) })),
    startedAtMs: toLong(d.startedAt),
    finishedAtMs: toLong(d.finishedAt),
    detail: d.detail,
  };
  if (d.face) {
    r.face = {
      score: d.face.score,
      threshold: d.face.threshold,
      matcher: d.face.matcher,
      attempts: d.face.attempts,
      liveness: d.face.liveness && { ...d.face.liveness, checksPassed: [...d.face.liveness.checksPassed] },
    };
  } else if (d.pin?.signature) {
    r.pin = {
      cardSignature: d.pin.signature,
      signedDigest: d.pin.digest,
      algorithm: 'RSASSA-PKCS1-v1_5/SHA-256',
      triesLeftBefore: d.pin.triesLeftBefore,
      lastTryConfirmed: d.pin.lastTryConfirmed,
    };
  } else if (d.visual) {
    r.visualCheck = {
      enablingCommandId: fromHex(d.visual.commandId),
      staffId: d.visual.staffId,
      confirmed: d.visual.confirmed,
    };
  }
  return r;
}
