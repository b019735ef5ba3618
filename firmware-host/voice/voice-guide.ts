// Voice guidance: follows the same view stream as the kiosk page and says each new screen's
// prompts in the patient's language, a beep first when a card has just been placed. A new
// screen cuts off the one still being said. Failures to play are logged, never fatal: the
// screen still shows everything.
import { readFileSync } from 'node:fs';
import type { Logger } from '../../platform/log.js';
import type { KioskBackend } from '../kiosk/kiosk-server.js';
import type { Lang } from '../kiosk/texts/index.js';
import type { KioskView } from '../kiosk/view.js';
import type { AudioPlayer } from './player.js';
import { promptsFor, type SpokenKey } from './prompts.js';
import type { VoiceLibrary } from './voice-cache.js';
import { scaleWav } from './wav.js';

export interface VoiceSettings {
  readonly mute: boolean;
  /** 0..100 */
  readonly volume: number;
}

/** Screens before a card is on the tray: leaving them for a reading screen is "card detected". */
const NO_CARD = new Set(['connecting', 'idle', 'done', 'awaiting-card']);

const PLAYED_KEPT = 50;

export type Utterance = { readonly beep: true } | { readonly lang: Lang; readonly key: SpokenKey };

/** Which screen this is: a new session, a new consent question, another wrong PIN. */
const identity = (v: KioskView | undefined): string =>
  v ? `${v.screen}|${v.sessionId ?? ''}|${v.triesLeft ?? ''}|${v.consent?.index ?? ''}` : '';

/**
 * What to say when the view goes from `prev` to `next`. On the same screen, nothing when the
 * prompts are the same or a shortening of what was just said (a countdown, a notice cleared,
 * the card taken off the done screen).
 */
export function utterancesFor(
  prev: { view?: KioskView; said: readonly string[] },
  next: KioskView,
): { say: Utterance[]; said: string[] } {
  const keys = promptsFor(next);
  const said = keys.map((k) => `${next.lang}:${k}`);
  const beep = prev.view !== undefined && NO_CARD.has(prev.view.screen) && next.screen === 'reading-card';
  const same =
    identity(prev.view) === identity(next) &&
    said.length <= prev.said.length &&
    said.every((s, i) => prev.said[i] === s);
  const words: Utterance[] = same ? [] : keys.map((key) => ({ lang: next.lang, key }));
  return { say: beep ? [{ beep: true }, ...words] : words, said: same ? [...prev.said] : said };
}

export class VoiceGuide {
  private last: { view?: KioskView; said: readonly string[] } = { said: [] };
  private current = new AbortController();
  private readonly offs: (() => void)[] = [];
  private chain: Promise<void> = Promise.resolve();
  /** The last prompts played (keys, never texts), for the staff screen and tests. */
  readonly played: string[] = [];
  /** How many sounds were played since start. */
  playedCount = 0;

  constructor(
    private readonly o: {
      library: VoiceLibrary;
      player: AudioPlayer;
      settings: () => VoiceSettings;
      log: Logger;
    },
  ) {}

  attach(backend: Pick<KioskBackend, 'view' | 'subscribe' | 'onPrompt'>): this {
    this.offs.push(backend.subscribe((v) => this.onView(v)));
    this.offs.push(backend.onPrompt((p) => this.speak([{ lang: p.lang, key: p.key }])));
    this.onView(backend.view());
    return this;
  }

  private onView(v: KioskView): void {
    const { say, said } = utterancesFor(this.last, v);
    this.last = { view: v, said };
    if (say.length > 0) this.speak(say);
  }

  /** Cuts off what is being said and says `u` instead. */
  private speak(u: readonly Utterance[]): void {
    this.current.abort();
    const ctl = new AbortController();
    this.current = ctl;
    const s = this.o.settings();
    if (s.mute || s.volume <= 0) return;
    this.chain = this.chain.then(async () => {
      for (const x of u) {
        if (ctl.signal.aborted) return;
        const file = 'beep' in x ? this.o.library.beep : this.o.library.file(x.lang, x.key);
        const name = 'beep' in x ? 'beep' : `${x.lang}:${x.key}`;
        try {
          await this.o.player.play(scaleWav(readFileSync(file), s.volume / 100), ctl.signal);
          if (!ctl.signal.aborted) {
            this.playedCount++;
            this.played.push(name);
            if (this.played.length > PLAYED_KEPT) this.played.shift();
          }
        } catch (e) {
          this.o.log.warn('voice guidance could not play', { prompt: name, error: e as Error });
          return;
        }
      }
    });
  }

  /** Resolves when everything queued has been played (or cut off). */
  idle(): Promise<void> {
    return this.chain;
  }

  close(): void {
    for (const off of this.offs.splice(0)) off();
    this.current.abort();
  }
}
