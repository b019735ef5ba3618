// The prompt cache with an engine that records what it is asked to say: a language without a
// voice is spoken in English (and reported), each distinct text is rendered once, and a
// changed engine (a new espeak-ng) renders again.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEXTS } from '../kiosk/texts/index.js';
import type { SpeechEngine } from './espeak.js';
import { prepareVoice, SPOKEN_KEYS } from './voice-cache.js';
import { beepWav } from './wav.js';

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
});
