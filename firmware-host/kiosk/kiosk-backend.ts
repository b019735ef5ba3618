// Connects the kiosk server to the session service: views as the session moves, patient
// input into the session, the face camera's latest picture while capturing, and health.
// The patient's language lives here, beside the session and not in it: Japanese for every
// new patient, whatever the one before chose.
import sharp from 'sharp';
import type { Frame } from '../../device/camera/frame-source.js';
import { inSession, type State, type StateKind } from '../session/machine.js';
import type { PatientInput, SessionService } from '../session/session-service.js';
import type { ConsentKind } from '../session/types.js';
import type { ChallengeBoard } from '../vision/liveness-board.js';
import type { KioskBackend, KioskInput, PagePrompt } from './kiosk-server.js';
import { DEFAULT_LANG, type Lang } from './texts/index.js';
import { challengeView, type KioskView, viewOf } from './view.js';

/** Screens that wait for the patient: their timeout is shown as a countdown. */
const PATIENT_WAITS: ReadonlySet<StateKind> = new Set([
  'awaiting-card',
  'choosing-method',
  'entering-pin',
  'confirming-last-try',
  'consenting',
]);

/** A new patient: back to the reader's waiting screen, or a card placed on the last result. */
function newPatient(from: State, to: State): boolean {
  return (to.kind === 'idle' && from.kind !== 'idle') || (from.kind === 'done' && inSession(to));
}

export function kioskBackend(o: {
  service: SessionService;
  consents: readonly ConsentKind[];
  outOfService: () => boolean;
  lastFaceFrame: () => Frame | undefined;
  /** The liveness challenge's prompts as they fall due. */
  board?: ChallengeBoard;
  health: () => { ok: boolean } & Record<string, unknown>;
  /** Each state's timeout (ms), as the session service runs it. */
  timeouts?: Partial<Record<StateKind, number>>;
  now?: () => number;
  /** The language each new patient is greeted in (the staff screen sets it; default ja). */
  defaultLang?: () => Lang;
}): KioskBackend & { greetIn(lang: Lang): void } {
  const { service } = o;
  const now = o.now ?? Date.now;
  let notice: string | undefined;
  const greeting = (): Lang => o.defaultLang?.() ?? DEFAULT_LANG;
  let lang: Lang = greeting();
  let shown: State = service.state;
  let shownSince = now();
  const listeners = new Set<(v: KioskView) => void>();
  const promptListeners = new Set<(p: { key: PagePrompt; lang: Lang }) => void>();
  const timeoutMs = (): number | undefined => {
    const ms = o.timeouts?.[shown.kind];
    if (ms === undefined || !PATIENT_WAITS.has(shown.kind)) return undefined;
    return Math.max(0, ms - (now() - shownSince));
  };
  const view = (): KioskView =>
    viewOf(service.state, {
      consents: o.consents,
      lang,
      guidance: service.guidance,
      challenge: challengeView(o.board?.current, now()),
      notice,
      timeoutMs: timeoutMs(),
      visualCheckMode: !!service.visualCheckMode,
      outOfService: o.outOfService(),
    });
  const push = (): void => {
    const v = view();
    for (const l of listeners) l(v);
  };
  service.on('change', (st) => {
    if (st !== shown) {
      if (newPatient(shown, st)) lang = greeting();
      shown = st;
      shownSince = now();
    }
    notice = undefined;
    push();
  });
  // A notice belongs to the screen the session just moved to (e.g. "face not matched").
  service.on('notice', (code) => {
    notice = code;
    push();
  });
  service.on('guidance', push);
  o.board?.watch(push);
  const input = (i: KioskInput): boolean => {
    switch (i.type) {
      case 'language':
        if (i.lang === lang) return true;
        lang = i.lang;
        push();
        return true;
      case 'consent-all': {
        let moved = false;
        while (service.state.kind === 'consenting' && service.patient({ type: 'consent', granted: true }))
          moved = true;
        return moved;
      }
      case 'prompt':
        for (const l of promptListeners) l({ key: i.key, lang });
        return true;
      default:
        return service.patient(i as PatientInput);
    }
  };
  return {
    /** The default language changed: an idle screen greets in it at once. */
    greetIn: (l) => {
      if (service.state.kind !== 'idle' || l === lang) return;
      lang = l;
      push();
    },
    view,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    onPrompt: (l) => {
      promptListeners.add(l);
      return () => promptListeners.delete(l);
    },
    input,
    preview: async () => {
      const f = o.lastFaceFrame();
      const k = service.state.kind;
      if ((k !== 'capturing' && k !== 'reading-photo') || !f) return undefined;
      return sharp(f.data, { raw: { width: f.width, height: f.height, channels: 3 } })
        .jpeg({ quality: 70 })
        .toBuffer();
    },
    health: o.health,
  };
}
