// Voice guidance with the real tools: espeak-ng renders every prompt in every language it has
// a voice for (ja and en at least), sox (which we did not write) says each file is a real,
// non-silent WAV of a length plausible for its text, a second start renders nothing, and the
// guide plays through ALSA's aplay on the null device.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../firmware-host/config.js';
import { LANGS, type Lang } from '../../firmware-host/kiosk/texts/index.js';
import type { KioskView } from '../../firmware-host/kiosk/view.js';
import { espeakNg, espeakVersion } from '../../firmware-host/voice/espeak.js';
import { aplayPlayer } from '../../firmware-host/voice/player.js';
import { startVoice } from '../../firmware-host/voice/start-voice.js';
import {
  prepareVoice,
  SPOKEN_KEYS,
  spokenText,
  type VoiceLibrary,
} from '../../firmware-host/voice/voice-cache.js';
import { VoiceGuide } from '../../firmware-host/voice/voice-guide.js';
import { beepWav } from '../../firmware-host/voice/wav.js';
import { createLogger } from '../../platform/log.js';
import { ErrorCode, isReaderError } from '../../protocol/errors.js';
import { runReaderctl } from '../helpers/readerctl.js';
import { missing } from '../helpers/system.js';

/** Seconds of speech per character of the spoken text: measured with espeak-ng 1.51, widened. */
const SECONDS_PER_CHAR: Record<Lang, [number, number]> = {
  ja: [0.07, 0.36],
  en: [0.035, 0.35],
  zh: [0.2, 1.4],
  ko: [0.11, 0.8],
  vi: [0.035, 0.4],
  pt: [0.045, 0.3],
};

function soxStat(file: string): { seconds: number; rms: number; max: number; rate: number } {
  // sox prints its statistics on stderr.
  const out = execFileSync('sh', ['-c', 'sox "$1" -n stat 2>&1', 'sh', file], { encoding: 'utf8' });
  const num = (re: RegExp): number => Number(re.exec(out)?.[1] ?? Number.NaN);
  const info = execFileSync('soxi', ['-r', file], { encoding: 'utf8' });
  return {
    seconds: num(/Length \(seconds\):\s+([\d.]+)/),
    rms: num(/RMS\s+amplitude:\s+([\d.]+)/),
    max: num(/Maximum amplitude:\s+([\d.-]+)/),
    rate: Number(info.trim()),
  };
}

describe.skipIf(missing('espeak-ng', 'espeak-ng') || missing('sox', 'sox') || missing('aplay', 'alsa-utils'))(
  'voice guidance rendered by espeak-ng, checked by sox, played by aplay',
  () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'fareader-voice-')), 'voice');
    let lib: VoiceLibrary;
    let engine: ReturnType<typeof espeakNg>;

    beforeAll(async () => {
      engine = espeakNg({ version: await espeakVersion() });
      lib = await prepareVoice({ dir, engine });
    }, 300_000);

    it('Japanese and English have voices; every language is spoken in its own', () => {
      expect(lib.fallbacks).not.toContain('ja');
      expect(lib.fallbacks).not.toContain('en');
      // With Debian's espeak-ng-data all six have a voice; a missing one falls back to English.
      expect(lib.fallbacks).toEqual([]);
      // One file per distinct text: a prompt worded like another (「暗証番号が違います」) shares it.
      const distinct = new Set(LANGS.flatMap((l) => SPOKEN_KEYS.map((k) => `${l}\n${spokenText(l, k)}`)));
      expect(lib.rendered).toBe(distinct.size);
      expect(new Set(LANGS.flatMap((l) => SPOKEN_KEYS.map((k) => lib.file(l, k)))).size).toBe(distinct.size);
    });

    it('every prompt in every language: a non-silent WAV of plausible length', () => {
      for (const lang of LANGS) {
        if (lib.fallbacks.includes(lang)) continue;
        const [lo, hi] = SECONDS_PER_CHAR[lang];
        for (const key of SPOKEN_KEYS) {
          const s = soxStat(lib.file(lang, key));
          const chars = [...spokenText(lang, key).replace(/[\s、。，,.?？!！・（）()]/g, '')].length;
          const what = `${lang}:${key} (${chars} chars, ${s.seconds} s)`;
          expect(s.rate, what).toBe(22050);
          expect(s.max, what).toBeGreaterThan(0.2);
          expect(s.rms, what).toBeGreaterThan(0.03);
          expect(s.seconds, what).toBeGreaterThan(0.3 + chars * lo);
          expect(s.seconds, what).toBeLessThan(1 + chars * hi);
        }
      }
    });

    it('the beep is a short tone; a second start renders nothing', async () => {
      const b = soxStat(lib.beep);
      expect(b.seconds).toBeGreaterThan(0.1);
      expect(b.seconds).toBeLessThan(0.5);
      expect(b.rms).toBeGreaterThan(0.2);
      const again = await prepareVoice({ dir, engine });
      expect(again.rendered).toBe(0);
      expect(again.file('ja', 'place')).toBe(lib.file('ja', 'place'));
    });

    it('the guide plays a placed card (beep, then the prompt) through ALSA’s null device', async () => {
      const views = new Set<(v: KioskView) => void>();
      let current: KioskView = { screen: 'idle', lang: 'ja', visualCheckMode: false, outOfService: false };
      const g = new VoiceGuide({
        library: lib,
        player: aplayPlayer({ device: 'null' }),
        settings: () => ({ mute: false, volume: 80 }),
        log: createLogger('voice', { level: 'error' }),
      }).attach({
        view: () => current,
        subscribe: (l) => {
          views.add(l);
          return () => views.delete(l);
        },
        onPrompt: () => () => {},
      });
      await g.idle();
      current = { ...current, screen: 'reading-card', sessionId: 's1' };
      for (const l of views) l(current);
      await g.idle();
      g.close();
      expect(g.played).toEqual(['ja:place', 'ja:placeSub', 'beep', 'ja:reading', 'ja:dontMove']);
    }, 60_000);

    it('readerd’s composition: rendered at first start in the background, then spoken', async () => {
      const views = new Set<(v: KioskView) => void>();
      const idle: KioskView = { screen: 'idle', lang: 'en', visualCheckMode: false, outOfService: false };
      const log = createLogger('voice', { level: 'error' });
      const v = startVoice(
        {
          view: () => idle,
          subscribe: (l) => {
            views.add(l);
            return () => views.delete(l);
          },
          onPrompt: () => () => {},
        },
        { dir, device: 'null', volume: 60, log },
      );
      expect(v.status().state).toBe('preparing');
      await v.ready;
      expect(v.status()).toMatchObject({ state: 'ready', fallbacks: [] });
      expect(views.size).toBe(1);
      v.close();
      expect(views.size).toBe(0);
      // Without espeak-ng the kiosk keeps running; the status says why there is no voice.
      const none = startVoice(
        { view: () => idle, subscribe: () => () => {}, onPrompt: () => () => {} },
        { dir: join(dir, 'x'), device: 'null', volume: 60, log, engineBin: '/nonexistent/espeak-ng' },
      );
      await none.ready;
      expect(none.status().state).toBe('failed');
    }, 120_000);

    it('the configuration: volume and mute under kiosk.voice, checked', () => {
      const base = {
        deviceId: 'r',
        dataDir: 'data',
        keys: { deviceKey: 'k', trustedTerminalsDir: 't' },
        board: 'x86-uvc-ccid',
      };
      const c = parseConfig({ ...base, kiosk: {} }, '/etc/fareader');
      expect(c.appliance?.kiosk.voice).toEqual({ mute: false, volume: 80, device: 'default' });
      const m = parseConfig({ ...base, kiosk: { voice: { mute: true, volume: 30, device: 'null' } } }, '/');
      expect(m.appliance?.kiosk.voice).toEqual({ mute: true, volume: 30, device: 'null' });
      expect(() => parseConfig({ ...base, kiosk: { voice: { volume: 101, loud: 1 } } }, '/')).toThrow();
    });

    it('readerctl voice: prepare at install (nothing left to render here), say on the null device', async () => {
      const data = dirname(dir);
      const p = await runReaderctl('voice', 'prepare', '--data', data, '--json');
      expect(p.code, p.err).toBe(0);
      expect(JSON.parse(p.out)).toMatchObject({ dir, rendered: 0, fallbacks: [] });
      const say = await runReaderctl(
        'voice',
        'say',
        '--data',
        data,
        '--lang',
        'en',
        '--key',
        'place',
        '--device',
        'null',
      );
      expect(say.code, say.err).toBe(0);
      expect(say.out).toBe('played en:place\n');
      const bad = await runReaderctl('voice', 'say', '--data', data, '--lang', 'fr');
      expect(bad.code).toBe(2);
      expect(bad.err.split('\n')[0]).toMatch(/^readerctl: --lang must be one of ja, en, zh, ko, vi, pt/);
      const list = JSON.parse((await runReaderctl('voice', 'list', '--json')).out) as { langs: unknown[] };
      expect(list.langs).toHaveLength(6);
    }, 120_000);

    it('a device ALSA does not know fails with one clear error', async () => {
      const e = await aplayPlayer({ device: 'no-such-device' })
        .play(beepWav({ ms: 30 }))
        .catch((x: unknown) => x);
      expect(isReaderError(e, ErrorCode.Audio_Failed)).toBe(true);
      expect((e as Error).message).toMatch(/no-such-device/);
    });
  },
);
