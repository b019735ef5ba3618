// Plays WAV bytes through ALSA's aplay, on the configured device (`default`, `plughw:1,0`;
// tests use `null`, ALSA's discarding device). One playback at a time is the guide's business;
// this only plays, with a deadline of the sound's length plus a margin, and stops on abort.
import { spawn } from 'node:child_process';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { wavMs } from './wav.js';

export interface AudioPlayer {
  play(wav: Uint8Array, signal?: AbortSignal): Promise<void>;
}

const MARGIN_MS = 5000;

export function aplayPlayer(o: { device: string; bin?: string }): AudioPlayer {
  const bin = o.bin ?? 'aplay';
  return {
    play: (wav, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return resolve();
        const limit = wavMs(wav) + MARGIN_MS;
        const p = spawn(bin, ['-q', '-D', o.device, '-'], { stdio: ['pipe', 'ignore', 'pipe'] });
        let stderr = '';
        let timedOut = false;
        p.stderr.on('data', (c: Buffer) => {
          if (stderr.length < 2000) stderr += c.toString();
        });
        const stop = (): void => void p.kill('SIGTERM');
        const timer = setTimeout(() => {
          timedOut = true;
          stop();
        }, limit);
        signal?.addEventListener('abort', stop, { once: true });
        p.stdin.on('error', () => {}); // aplay killed mid-write: its exit says what happened
        p.on('error', (e) => {
          clearTimeout(timer);
          reject(new ReaderError(ErrorCode.Audio_Failed, `${bin} could not start`, { bin }, { cause: e }));
        });
        p.on('close', (code) => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', stop);
          if (timedOut)
            return reject(new ReaderError(ErrorCode.Op_Timeout, `${bin} still playing after ${limit} ms`));
          if (code === 0 || signal?.aborted) return resolve();
          reject(
            new ReaderError(
              ErrorCode.Audio_Failed,
              `${bin} -D ${o.device} failed: ${stderr.trim().replace(/\s*\n\s*/g, '; ')}`,
              {
                device: o.device,
                code,
              },
            ),
          );
        });
        p.stdin.end(wav);
      }),
  };
}
