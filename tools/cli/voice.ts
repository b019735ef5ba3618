// readerctl voice: the kiosk's voice guidance at install and at the bench. `prepare` renders
// every prompt into readerd's dataDir ahead of the first start (the install step), `say` plays
// one prompt through ALSA to check the loudspeaker, `list` shows languages, voices, prompts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isLang, LANGS } from '../../firmware-host/kiosk/texts/index.js';
import { espeakNg, espeakVersion } from '../../firmware-host/voice/espeak.js';
import { aplayPlayer } from '../../firmware-host/voice/player.js';
import type { SpokenKey } from '../../firmware-host/voice/prompts.js';
import { prepareVoice, SPOKEN_KEYS, VOICE_OF } from '../../firmware-host/voice/voice-cache.js';
import { scaleWav } from '../../firmware-host/voice/wav.js';
import { EXIT, positiveInt } from '../../platform/cli.js';
import { helpText, parseCommand } from '../../platform/cli-spec.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { voiceCommand } from './specs/voice.js';

export async function voice(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  const { values } = parseCommand(voiceCommand, rest);
  if (!action) {
    process.stdout.write(`${helpText(voiceCommand)}\n`);
    return EXIT.usage;
  }
  const data = (): string => {
    if (!values.data) throw new ReaderError(ErrorCode.Usage, '--data is required (readerd’s dataDir)');
    return join(values.data, 'voice');
  };
  switch (action) {
    case 'list': {
      const rows = LANGS.map((lang) => ({ lang, voice: VOICE_OF[lang] }));
      if (values.json) process.stdout.write(`${JSON.stringify({ langs: rows, prompts: SPOKEN_KEYS })}\n`);
      else
        process.stdout.write(
          `${rows.map((r) => `${r.lang}  espeak-ng voice ${r.voice}`).join('\n')}\nprompts: ${SPOKEN_KEYS.join(' ')}\n`,
        );
      return EXIT.ok;
    }
    case 'prepare': {
      const t0 = performance.now();
      const engine = espeakNg({ version: await espeakVersion() });
      // Ctrl-C stops the render in progress; the files already rendered stay cached.
      const abort = new AbortController();
      const stop = (): void => abort.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      const tty = process.stderr.isTTY === true;
      const lib = await prepareVoice({
        dir: data(),
        engine,
        signal: abort.signal,
        onProgress: (done, total) => {
          if (tty)
            process.stderr.write(`\rvoice: ${done}/${total} prompts ready${done === total ? '\n' : ''}`);
        },
      }).finally(() => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      });
      const r = {
        dir: data(),
        rendered: lib.rendered,
        prompts: LANGS.length * SPOKEN_KEYS.length,
        fallbacks: lib.fallbacks,
        ms: Math.round(performance.now() - t0),
      };
      if (values.json) process.stdout.write(`${JSON.stringify(r)}\n`);
      else {
        process.stdout.write(`${r.dir}: ${r.rendered} rendered, ${r.prompts} prompts ready (${r.ms} ms)\n`);
        if (r.fallbacks.length > 0)
          process.stdout.write(`no espeak-ng voice for ${r.fallbacks.join(', ')}: spoken in English\n`);
      }
      return EXIT.ok;
    }
    case 'say': {
      const lang = values.lang ?? 'ja';
      if (!isLang(lang)) throw new ReaderError(ErrorCode.Usage, `--lang must be one of ${LANGS.join(', ')}`);
      const key = values.key ?? 'place';
      if (key !== 'beep' && !(SPOKEN_KEYS as readonly string[]).includes(key))
        throw new ReaderError(ErrorCode.Usage, `--key: no prompt "${key}" (see readerctl voice list)`);
      const volume = positiveInt(values.volume, '--volume', 80);
      if (volume > 100) throw new ReaderError(ErrorCode.Usage, '--volume must be 0 to 100');
      const engine = espeakNg({ version: await espeakVersion() });
      const lib = await prepareVoice({ dir: data(), engine, langs: [lang] });
      const file = key === 'beep' ? lib.beep : lib.file(lang, key as SpokenKey);
      await aplayPlayer({ device: values.device ?? 'default' }).play(
        scaleWav(readFileSync(file), volume / 100),
      );
      process.stdout.write(`played ${key === 'beep' ? 'beep' : `${lang}:${key}`}\n`);
      return EXIT.ok;
    }
    default:
      throw new ReaderError(ErrorCode.Usage, `unknown action "${action}"`);
  }
}
