// What the voice says on each kiosk screen: a pure function of the same view the page shows,
// so screen and voice never disagree. Only fixed prompts are spoken: never a name, a number
// from the card (not even the tries left) or anything else personal.
import type { TextKey } from '../kiosk/texts/index.js';
import type { KioskView } from '../kiosk/view.js';

/** Texts that are labels on the screen, not prompts: never spoken. */
const LABELS = [
  'langName',
  'title',
  'language',
  'face',
  'pin',
  'visual',
  'triesLeft',
  'clear',
  'ok',
  'cancel',
  'cancelYes',
  'cancelNo',
  'confirmTry',
  'yes',
  'no',
  'yesAll',
  'secondsLeft',
  'challengeStep',
  'challengeAttempt',
  'challengeSeconds',
] as const;
export type SpokenKey = Exclude<TextKey, (typeof LABELS)[number]>;

const REASON: Record<NonNullable<KioskView['reason']>, SpokenKey> = {
  'face-failed': 'faceFailed',
  'card-face-unreadable': 'cardFaceFailed',
  'key-b-refused': 'keyBRefused',
  'pin-locked': 'pinLockedUseFace',
};

function done(v: KioskView): SpokenKey[] {
  const take: SpokenKey[] = v.cardGone ? [] : ['takeCard'];
  if (v.outcome === 'verified') return ['doneOk', ...take];
  if (v.outcome === 'cancelled-by-patient') return ['cancelled', ...take];
  if (v.outcome === 'pin-blocked') return ['doneFail', 'blocked', 'askStaff'];
  return v.outcome ? ['doneFail', v.outcome, 'askStaff'] : ['doneFail', 'askStaff'];
}

/** The prompts of a screen, in the order they are said. */
export function promptsFor(v: KioskView): SpokenKey[] {
  switch (v.screen) {
    case 'idle':
      return v.outOfService ? ['outOfService'] : ['place', 'placeSub'];
    case 'awaiting-card':
      return ['started', 'place'];
    case 'choosing-method':
      return v.reason ? [REASON[v.reason], 'choose'] : ['choose'];
    case 'reading-photo': // the capture screen while the chip photo is read
    case 'capturing':
      // The challenge's step (or the request to uncover) is what the patient must hear now.
      if (v.challenge) return [v.challenge.key as SpokenKey];
      return v.guidance ? [`guide-${v.guidance.code}`] : ['look', 'lookSub'];
    case 'entering-pin': {
      const k: SpokenKey[] = v.wrongBefore ? ['wrongPin'] : [];
      if (v.triesLeft === 1) k.push('lastTryBefore');
      return [...k, 'enterPin'];
    }
    case 'confirming-last-try':
      return ['lastTry', 'lastTrySub'];
    case 'awaiting-visual-check':
      return v.notice === 'pin-blocked' ? ['blocked', 'staff'] : ['staff'];
    case 'consenting':
      return v.consent ? [v.consent.kind, 'consentQ'] : ['consentQ'];
    case 'publishing':
      return ['sending'];
    case 'done':
      return done(v);
    default:
      return ['reading', 'dontMove'];
  }
}

/** Every prompt the voice can say: what is rendered ahead of time. */
export function allSpokenKeys(keys: readonly TextKey[]): SpokenKey[] {
  return keys.filter((k): k is SpokenKey => !(LABELS as readonly string[]).includes(k));
}
