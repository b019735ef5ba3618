// The prompt cache with an engine that records what it is asked to say: a language without a
// voice is spoken in English (and reported), each distinct text is rendered once, and a
// changed engine (a new espeak-ng) renders again.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEXTS } from '../kiosk/texts/index.js';
import type { SpeechEngine } from './espeak.js';
import { prepareVoice, SPOKEN_KEYS } from './voice-cache.js';
import { beepWav, parseWav, pcmWav, wavMs } from './wav.js';

function recordingEngine(voices: string[], id = 'fake 1'): SpeechEngine & { said: string[] } {
  const said: string[] = [];
  return {
    id,
    said,
    voices: async () => new Set(voices),
    render: async ({ voice, text, file }) => {
      said.push(`${voice}:${text}`);
      writeFileSync(file, beepWav({ ms: 20 }));
    },
  };
}

describe('the prompt cache', () => {
  it('a language without a voice is spoken in English, and said so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fareader-voice-cache-'));
    const engine = recordingEngine(['ja', 'en-us']);
    const lib = await prepareVoice({ dir, engine, langs: ['ja', 'en', 'ko'] });
    expect(lib.fallbacks).toEqual(['ko']);
    expect(lib.file('ko', 'place')).toBe(lib.file('en', 'place'));
    expect(engine.said).toContain(`en-us:${TEXTS.en.place}`);
    expect(engine.said.some((s) => s.startsWith('ko:'))).toBe(false);
    expect(engine.said.filter((s) => s.startsWith('ja:')).length).toBeLessThanOrEqual(SPOKEN_KEYS.length);
  });

  it('renders each text once; a new engine version renders again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fareader-voice-cache-'));
    const first = await prepareVoice({ dir, engine: recordingEngine(['ja']), langs: ['ja'] });
    expect(first.rendered).toBeGreaterThan(40);
    const same = recordingEngine(['ja']);
    expect((await prepareVoice({ dir, engine: same, langs: ['ja'] })).rendered).toBe(0);
    expect(same.said).toEqual([]);
    const upgraded = await prepareVoice({ dir, engine: recordingEngine(['ja'], 'fake 2'), langs: ['ja'] });
    expect(upgraded.rendered).toBe(first.rendered);
  });

  it('renders again a cached file that is not a playable WAV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fareader-voice-cache-'));
    const first = await prepareVoice({ dir, engine: recordingEngine(['ja']), langs: ['ja'] });
    writeFileSync(first.file('ja', 'place'), 'truncated by a full disk');
    const again = recordingEngine(['ja']);
    const lib = await prepareVoice({ dir, engine: again, langs: ['ja'] });
    expect(lib.rendered).toBe(1);
    expect(parseWav(readFileSync(lib.file('ja', 'place'))).dataLength).toBeGreaterThan(0);
  });

  it('an abort stops between prompts and inside a render, leaving no partial file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fareader-voice-cache-'));
    const abort = new AbortController();
    let renders = 0;
    const engine: SpeechEngine = {
      id: 'slow',
      voices: async () => new Set(['ja']),
      render: ({ file, signal }) =>
        new Promise((resolve, reject) => {
          if (++renders === 3) {
            writeFileSync(file, 'half');
            abort.abort();
          }
          if (signal?.aborted) return reject(new Error('killed'));
          writeFileSync(file, beepWav({ ms: 20 }));
          resolve();
        }),
    };
    const progress: number[] = [];
    await expect(
      prepareVoice({ dir, engine, langs: ['ja'], signal: abort.signal, onProgress: (d) => progress.push(d) }),
    ).rejects.toThrow();
    expect(renders).toBe(3);
    expect(progress).toEqual([1, 2]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.wav'))).toHaveLength(2);
  });
});

describe('the WAV reader', () => {
  it('refuses a header with no sample rate instead of giving an infinite or NaN length', () => {
    const w = pcmWav(new Int16Array(100), 22050);
    expect(wavMs(w)).toBeCloseTo((100 / 22050) * 1000, 5);
    const zero = w.slice();
    new DataView(zero.buffer).setUint32(24, 0, true);
    expect(() => wavMs(zero)).toThrow(/sample rate/);
    const mono0 = w.slice();
    new DataView(mono0.buffer).setUint16(22, 0, true);
    expect(() => wavMs(mono0)).toThrow(/channels/);
  });
});
