// The emulated cards the demo, tests and conformance kit use, one per behaviour to cover.
import { join } from 'node:path';
import type { CardHolder } from './card-face.js';

export type ProfileName =
  | 'normal'
  | 'pin-last-try'
  | 'pin-blocked'
  | 'no-pin'
  | 'expired-cert'
  | 'wrong-key-b'
  | 'removed-mid-command';

export interface CardProfile {
  readonly name: ProfileName;
  /** Tries left on the user-authentication PIN when the card is first made; null = no PIN. */
  readonly pinTries: number | null;
  /** Tries left on the signature password when the card is first made (5 when unset). */
  readonly signPinTries?: number;
  readonly expiredCert: boolean;
  /** The chip's 照合番号B differs from the one printed on its face. */
  readonly keyBMismatch: boolean;
  /** The card leaves the field while the module handles this APDU (1-based). */
  readonly removeAtApdu?: number;
}

export const PROFILES: Record<ProfileName, CardProfile> = {
  normal: { name: 'normal', pinTries: 3, expiredCert: false, keyBMismatch: false },
  'pin-last-try': { name: 'pin-last-try', pinTries: 1, expiredCert: false, keyBMismatch: false },
  'pin-blocked': { name: 'pin-blocked', pinTries: 0, expiredCert: false, keyBMismatch: false },
  'no-pin': { name: 'no-pin', pinTries: null, expiredCert: false, keyBMismatch: false },
  'expired-cert': { name: 'expired-cert', pinTries: 3, expiredCert: true, keyBMismatch: false },
  'wrong-key-b': { name: 'wrong-key-b', pinTries: 3, expiredCert: false, keyBMismatch: true },
  'removed-mid-command': {
    name: 'removed-mid-command',
    pinTries: 3,
    expiredCert: false,
    keyBMismatch: false,
    removeAtApdu: 6,
  },
};

export const FACES_DIR = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'faces');

/** A fictional holder for a card id, with a photo from the fixtures. */
export function holderFor(cardId: string, photo = 'img1.jpg'): CardHolder {
  let h = 0;
  for (const c of cardId) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return {
    name: `TEST HOLDER ${cardId.toUpperCase()}`,
    birth: { y: 1960 + (h % 45), m: 1 + (h % 12), d: 1 + (h % 28) },
    sex: (1 + (h % 2)) as 1 | 2,
    address: 'Tokyo-to Chiyoda-ku Kasumigaseki 1-2-2',
    expiryYear: 2030 + (h % 6),
    securityCode: String(1000 + (h % 9000)),
    photo: join(FACES_DIR, photo),
  };
}
