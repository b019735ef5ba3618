// Renders every prompt of every language to WAV files ahead of time (at install or first
// start), in <dataDir>/voice/, one file per text named by a hash of engine, voice and text:
// a changed text or engine renders anew, an unchanged one is never rendered twice. A language
// whose voice the engine lacks is spoken in English, and the fallback is reported.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { LANGS, type Lang, TEXTS } from '../kiosk/texts/index.js';
import type { SpeechEngine } from './espeak.js';
import { allSpokenKeys, type SpokenKey } from './prompts.js';
import { SPOKEN_JA } from './spoken-ja.js';
import { beepWav, parseWav } from './wav.js';

/** espeak-ng's voice for each language (pt: Brazilian, as most Portuguese speakers in Japan). */
export const VOICE_OF: Readonly<Record<Lang, string>> = {
  ja: 'ja',
  en: 'en-us',
  zh: 'cmn',
  ko: 'ko',
  vi: 'vi',
  pt: 'pt-br',
};

export const SPOKEN_KEYS: readonly SpokenKey[] = allSpokenKeys(Object.keys(TEXTS.ja) as SpokenKey[]);

/** What is said for `key` in `lang`: Japanese as kana, the others as on the screen. */
export function spokenText(lang: Lang, key: SpokenKey): string {
  return lang === 'ja' ? SPOKEN_JA[key] : TEXTS[lang][key];
}

export interface VoiceLibrary {
  /** The WAV file of a prompt in a language. */
  file(lang: Lang, key: SpokenKey): string;
  readonly beep: string;
  /** Languages spoken in English because the engine has no voice for them. */
  readonly fallbacks: readonly Lang[];
  /** How many files this preparation rendered (0 when all were cached). */
  readonly rendered: number;
}

const canceled = (): ReaderError => new ReaderError(ErrorCode.Op_Canceled, 'voice preparation canceled');

/** A cached prompt worth keeping: present, a 16-bit PCM WAV, with samples in it. */
function playable(file: string): boolean {
  if (!existsSync(file)) return false;
  try {
    return parseWav(readFileSync(file)).dataLength > 0;
  } catch {
    return false;
  }
}

export async function prepareVoice(o: {
  dir: string;
  engine: SpeechEngine;
  langs?: readonly Lang[];
  /** Stops between prompts and kills a render in progress (Ctrl-C at the install step). */
  signal?: AbortSignal;
  /** Called after each prompt with how many of how many are ready. */
  onProgress?: (done: number, total: number) => void;
}): Promise<VoiceLibrary> {
  mkdirSync(o.dir, { recursive: true, mode: 0o755 });
  const have = await o.engine.voices();
  const langs = o.langs ?? LANGS;
  const fallbacks = langs.filter((l) => !have.has(VOICE_OF[l]));
  const files = new Map<string, string>();
  let rendered = 0;
  let done = 0;
  const total = langs.length * SPOKEN_KEYS.length;
  for (const lang of langs) {
    const spokenAs: Lang = fallbacks.includes(lang) ? 'en' : lang;
    for (const key of SPOKEN_KEYS) {
      const voice = VOICE_OF[spokenAs];
      const text = spokenText(spokenAs, key);
      const hash = createHash('sha256')
        .update(JSON.stringify([o.engine.id, voice, text]))
        .digest('hex');
      const file = join(o.dir, `${hash.slice(0, 24)}.wav`);
      if (o.signal?.aborted) throw canceled();
      if (!playable(file)) {
        // Rendered beside, then renamed: a crash mid-render never leaves half a file cached.
        const part = `${file}.${process.pid}.part`;
        try {
          await o.engine.render({ voice, text, file: part, signal: o.signal });
          if (o.signal?.aborted) throw canceled();
          renameSync(part, file);
        } finally {
          rmSync(part, { force: true });
        }
        rendered++;
      }
      files.set(`${lang}:${key}`, file);
      o.onProgress?.(++done, total);
    }
  }
  const beep = join(o.dir, 'beep.wav');
  const wav = beepWav();
  if (!existsSync(beep) || !Buffer.from(readFileSync(beep)).equals(Buffer.from(wav)))
    writeFileSync(beep, wav);
  return {
    file: (lang, key) => {
      const f = files.get(`${lang}:${key}`) ?? files.get(`ja:${key}`);
      if (!f) throw new RangeError(`no prompt ${key} for ${lang}`);
      return f;
    },
    beep,
    fallbacks,
    rendered,
  };
}
