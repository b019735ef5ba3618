// The session's vocabulary, independent of the wire: result-proto.ts maps it to fareader.v1.
export type Method = 'face' | 'pin' | 'visual-check';

export type Outcome =
  | 'verified'
  | 'face-not-matched'
  | 'liveness-failed'
  | 'pin-wrong'
  | 'pin-blocked'
  | 'cancelled-by-patient'
  | 'cancelled-by-terminal'
  | 'timed-out'
  | 'card-removed'
  | 'card-error'
  | 'card-expired'
  | 'camera-error'
  | 'module-error'
  | 'card-face-unreadable'
  | 'visual-check-rejected'
  | 'interrupted';

export type Stage =
  | 'card-read'
  | 'card-face-read'
  | 'photo-read'
  | 'capture-and-match'
  | 'pin'
  | 'visual-check'
  | 'consent'
  | 'sign-and-publish';

export type ConsentKind =
  | 'medication'
  | 'health-checkup'
  | 'medical-treatment'
  | 'surgery'
  | 'high-cost-limit';

export const CONSENT_KINDS: readonly ConsentKind[] = [
  'medication',
  'health-checkup',
  'medical-treatment',
  'surgery',
  'high-cost-limit',
];

export interface FaceProof {
  readonly score: number;
  readonly threshold: number;
  readonly matcher: string;
  readonly attempts: number;
  readonly liveness?: {
    readonly passed: boolean;
    readonly challenge: string;
    readonly score: number;
    readonly threshold: number;
    readonly frames: number;
    readonly checksPassed: readonly string[];
    /** Why it failed (the challenge's step and verdict, rigid, passive); absent when passed. */
    readonly reason?: string;
    /** The passive anti-spoofing score and its threshold, when the model ran. */
    readonly passiveScore?: number;
    readonly passiveThreshold?: number;
  };
}

export interface PinProof {
  readonly triesLeftBefore: number;
  readonly lastTryConfirmed: boolean;
  readonly signature?: Uint8Array;
  readonly digest?: Uint8Array;
}

export interface ResultDraft {
  readonly sessionId: string;
  readonly nonce: string;
  readonly method?: Method;
  readonly outcome: Outcome;
  readonly certificate?: Uint8Array;
  readonly face?: FaceProof;
  readonly pin?: PinProof;
  readonly visual?: { readonly commandId: string; readonly staffId: string; readonly confirmed: boolean };
  readonly consents: readonly { readonly kind: ConsentKind; readonly granted: boolean }[];
  readonly timings: readonly { readonly stage: Stage; readonly ms: number }[];
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly detail: string;
}
