// The speech engine: Debian's espeak-ng, run once per prompt to write a WAV file. Only the
// fixed prompt texts ever reach its command line (nothing personal is spoken).
import { execFile } from 'node:child_process';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';

export interface SpeechEngine {
  /** Identifies the engine and its data: part of the cache key, so an upgrade re-renders. */
  readonly id: string;
  /** The voice names the engine has (e.g. `ja`, `en-us`, `cmn`). */
  voices(): Promise<ReadonlySet<string>>;
  /** Writes `file`; an abort kills the engine and rejects with Op_Canceled. */
  render(o: { voice: string; text: string; file: string; signal?: AbortSignal }): Promise<void>;
}

const TIMEOUT_MS = 20_000;

function run(bin: string, args: readonly string[], signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(bin, args, { timeout: TIMEOUT_MS, maxBuffer: 4 << 20, signal }, (e, stdout, stderr) => {
      if (!e) return resolve(stdout);
      if (signal?.aborted)
        return reject(
          new ReaderError(ErrorCode.Op_Canceled, `${bin} stopped: canceled`, { bin }, { cause: e }),
        );
      const timedOut = (e as { killed?: boolean }).killed === true;
      reject(
        new ReaderError(
          timedOut ? ErrorCode.Op_Timeout : ErrorCode.Audio_Failed,
          `${bin} ${args[0] ?? ''} failed: ${timedOut ? `no answer in ${TIMEOUT_MS} ms` : stderr.trim() || e.message}`,
          { bin },
          { cause: e },
        ),
      );
    });
  });
}

/** Voice names from `espeak-ng --voices`: the language column and its aliases in brackets. */
export function parseVoiceList(out: string): Set<string> {
  const names = new Set<string>();
  for (const line of out.split('\n').slice(1)) {
    const cols = line.trim().split(/\s+/);
    if (cols.length >= 4 && cols[1]) names.add(cols[1].toLowerCase());
  }
  return names;
}

export function espeakNg(o: { bin?: string; wordsPerMinute?: number; version?: string } = {}): SpeechEngine {
  const bin = o.bin ?? 'espeak-ng';
  // Slower than espeak's 175 words a minute: many patients at the counter are elderly.
  const speed = String(o.wordsPerMinute ?? 150);
  return {
    id: `espeak-ng ${o.version ?? ''} s${speed}`,
    voices: async () => parseVoiceList(await run(bin, ['--voices'])),
    render: async ({ voice, text, file, signal }) => {
      await run(bin, ['-v', voice, '-s', speed, '-w', file, '--', text], signal);
    },
  };
}

/** The installed espeak-ng's version line, for the cache key. */
export async function espeakVersion(bin = 'espeak-ng'): Promise<string> {
  return (await run(bin, ['--version'])).trim();
}
