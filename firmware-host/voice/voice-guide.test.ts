// The voice follows the kiosk's views: which prompts each screen says, a beep when a card is
// placed, nothing said twice for a countdown, every language's table complete, the Japanese
// spoken form in kana only, and mute and volume honoured by the guide (a recording player).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/log.js';
import { LANGS, TEXTS } from '../kiosk/texts/index.js';
import type { KioskView } from '../kiosk/view.js';
import type { AudioPlayer } from './player.js';
import { promptsFor } from './prompts.js';
import { SPOKEN_JA } from './spoken-ja.js';
import { SPOKEN_KEYS, type VoiceLibrary } from './voice-cache.js';
import { utterancesFor, VoiceGuide, type VoiceSettings } from './voice-guide.js';
import { beepWav, parseWav } from './wav.js';

const view = (v: Partial<KioskView>): KioskView => ({
  screen: 'idle',
  lang: 'ja',
  visualCheckMode: false,
  outOfService: false,
  ...v,
});

describe('the texts and their spoken form', () => {
  it('every language has every text, none empty', () => {
    const keys = Object.keys(TEXTS.ja).sort();
    for (const l of LANGS) {
      expect(Object.keys(TEXTS[l]).sort(), l).toEqual(keys);
      for (const [k, t] of Object.entries(TEXTS[l])) expect(t.trim(), `${l}.${k}`).not.toBe('');
      // A translation, not a copy of the Japanese (except the language's own name line).
      if (l !== 'ja') expect(TEXTS[l].place).not.toBe(TEXTS.ja.place);
    }
  });

  it('Japanese is spoken from kana: no kanji, no digits, for every spoken prompt', () => {
    expect(Object.keys(SPOKEN_JA).sort()).toEqual([...SPOKEN_KEYS].sort());
    for (const [k, t] of Object.entries(SPOKEN_JA)) {
      expect(t, k).not.toMatch(/[\u4e00-\u9fff0-9０-９A-Za-z]/);
      expect(t.length, k).toBeGreaterThan(2);
    }
  });

  it('every screen says something; the tries left and other numbers are never spoken', () => {
    const screens: KioskView[] = [
      view({}),
      view({ outOfService: true }),
      view({ screen: 'awaiting-card' }),
      view({ screen: 'reading-card' }),
      view({ screen: 'choosing-method', offered: ['face', 'pin'], reason: 'key-b-refused' }),
      view({ screen: 'capturing', guidance: { code: 'too-far', ja: '', en: '' } }),
      view({ screen: 'entering-pin', triesLeft: 1, wrongBefore: true }),
      view({ screen: 'confirming-last-try' }),
      view({ screen: 'awaiting-visual-check', notice: 'pin-blocked' }),
      view({ screen: 'consenting', consent: { kind: 'surgery', index: 1, total: 3 } }),
      view({ screen: 'publishing' }),
      view({ screen: 'done', outcome: 'pin-blocked' }),
      view({ screen: 'done', outcome: 'cancelled-by-patient' }),
    ];
    for (const v of screens) {
      const keys = promptsFor(v);
      expect(keys.length, v.screen).toBeGreaterThan(0);
      for (const k of keys) expect(SPOKEN_KEYS).toContain(k);
    }
    expect(promptsFor(view({ screen: 'entering-pin', triesLeft: 1 }))).toEqual(['lastTryBefore', 'enterPin']);
    expect(
      promptsFor(view({ screen: 'consenting', consent: { kind: 'surgery', index: 1, total: 3 } })),
    ).toEqual(['surgery', 'consentQ']);
  });
});

describe('what is said as the views change', () => {
  const start = { said: [] as string[] };

  it('a beep when a card is placed, then the reading prompt', () => {
    const idle = utterancesFor(start, view({}));
    expect(idle.say).toEqual([
      { lang: 'ja', key: 'place' },
      { lang: 'ja', key: 'placeSub' },
    ]);
    const reading = utterancesFor(
      { view: view({}), said: idle.said },
      view({ screen: 'reading-card', sessionId: 'a' }),
    );
    expect(reading.say[0]).toEqual({ beep: true });
    expect(reading.say.slice(1).map((u) => 'key' in u && u.key)).toEqual(['reading', 'dontMove']);
  });

  it('a countdown tick or a card taken off the done screen says nothing again; another wrong PIN does', () => {
    const pin = view({ screen: 'entering-pin', sessionId: 'a', triesLeft: 3, timeoutMs: 60_000 });
    const first = utterancesFor(start, pin);
    expect(utterancesFor({ view: pin, said: first.said }, { ...pin, timeoutMs: 59_000 }).say).toEqual([]);
    const wrong = { ...pin, triesLeft: 2, wrongBefore: true };
    const w1 = utterancesFor({ view: pin, said: first.said }, wrong);
    expect(w1.say.map((u) => 'key' in u && u.key)).toEqual(['wrongPin', 'enterPin']);
    const again = { ...wrong, triesLeft: 1 };
    expect(utterancesFor({ view: wrong, said: w1.said }, again).say.length).toBeGreaterThan(0);
    const done = view({ screen: 'done', sessionId: 'a', outcome: 'verified', cardGone: false });
    const d = utterancesFor(start, done);
    expect(utterancesFor({ view: done, said: d.said }, { ...done, cardGone: true }).say).toEqual([]);
  });

  it('choosing another language says the screen again in it', () => {
    const ja = view({});
    const first = utterancesFor(start, ja);
    const en = utterancesFor({ view: ja, said: first.said }, { ...ja, lang: 'en' });
    expect(en.say).toEqual([
      { lang: 'en', key: 'place' },
      { lang: 'en', key: 'placeSub' },
    ]);
  });
});

describe('the guide', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fareader-voice-unit-'));
  const wav = beepWav({ ms: 40 });
  const file = join(dir, 'x.wav');
  writeFileSync(file, wav);
  const library: VoiceLibrary = { file: () => file, beep: file, fallbacks: [], rendered: 0 };
  const log = createLogger('voice', { level: 'error' });
  const backend = (v: KioskView) => ({
    view: () => v,
    subscribe: () => () => {},
    onPrompt: () => () => {},
  });
  const recording = (): AudioPlayer & { peaks: number[] } => {
    const peaks: number[] = [];
    return {
      peaks,
      play: async (b) => {
        const w = parseWav(b);
        const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
        let peak = 0;
        for (let i = w.dataOffset; i < w.dataOffset + w.dataLength; i += 2)
          peak = Math.max(peak, Math.abs(dv.getInt16(i, true)));
        peaks.push(peak);
      },
    };
  };
  const run = async (settings: VoiceSettings) => {
    const player = recording();
    const g = new VoiceGuide({ library, player, settings: () => settings, log }).attach(backend(view({})));
    await g.idle();
    g.close();
    return { player, played: g.played };
  };

  it('plays the screen at the configured volume; muted, plays nothing', async () => {
    const full = await run({ mute: false, volume: 100 });
    expect(full.played).toEqual(['ja:place', 'ja:placeSub']);
    const half = await run({ mute: false, volume: 50 });
    expect(half.player.peaks[0]).toBeCloseTo(full.player.peaks[0]! / 2, -1);
    expect((await run({ mute: true, volume: 100 })).played).toEqual([]);
    expect((await run({ mute: false, volume: 0 })).played).toEqual([]);
  });
});
