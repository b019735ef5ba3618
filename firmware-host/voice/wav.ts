// RIFF/WAVE PCM in memory: find the samples of what espeak-ng writes, scale them for the
// configured volume (aplay has no volume of its own), and synthesize the card-detected beep.
// Pure: bytes in, bytes out. A file that is not 16-bit PCM is refused, never guessed at.
import { ErrorCode, ReaderError } from '../../protocol/errors.js';

export interface WavInfo {
  readonly sampleRate: number;
  readonly channels: number;
  readonly bitsPerSample: number;
  /** Byte offset and length of the samples (the `data` chunk). */
  readonly dataOffset: number;
  readonly dataLength: number;
}

const ascii = (b: Uint8Array, at: number): string => String.fromCharCode(...b.subarray(at, at + 4));

export function parseWav(b: Uint8Array): WavInfo {
  const bad = (why: string): ReaderError =>
    new ReaderError(ErrorCode.Audio_Failed, `not a PCM WAV file: ${why}`, { bytes: b.length });
  if (b.length < 12 || ascii(b, 0) !== 'RIFF' || ascii(b, 8) !== 'WAVE') throw bad('no RIFF/WAVE header');
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let fmt: Omit<WavInfo, 'dataOffset' | 'dataLength'> | undefined;
  for (let at = 12; at + 8 <= b.length; ) {
    const id = ascii(b, at);
    const size = dv.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ' && size >= 16 && body + 16 <= b.length) {
      if (dv.getUint16(body, true) !== 1) throw bad('not PCM');
      fmt = {
        channels: dv.getUint16(body + 2, true),
        sampleRate: dv.getUint32(body + 4, true),
        bitsPerSample: dv.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      if (!fmt) throw bad('data before fmt');
      if (fmt.bitsPerSample !== 16) throw bad(`${fmt.bitsPerSample}-bit samples`);
      // Both divide the playing time: a header with either 0 has no length to play for.
      if (fmt.channels === 0 || fmt.sampleRate === 0) throw bad('0 channels or a sample rate of 0');
      // espeak-ng writes its WAV to a pipe-friendly stream: a data size of 0 or past the end
      // means "to the end of the file".
      const len = size === 0 || body + size > b.length ? b.length - body : size;
      return { ...fmt, dataOffset: body, dataLength: len - (len % 2) };
    }
    at = body + size + (size % 2);
  }
  throw bad('no data chunk');
}

/** A copy with every sample multiplied by `gain` (0..1), clipped to 16 bits. */
export function scaleWav(b: Uint8Array, gain: number): Uint8Array {
  const w = parseWav(b);
  const out = b.slice();
  if (gain >= 1) return out;
  const dv = new DataView(out.buffer, out.byteOffset, out.byteLength);
  for (let i = w.dataOffset; i + 1 < w.dataOffset + w.dataLength; i += 2)
    dv.setInt16(i, Math.round(dv.getInt16(i, true) * Math.max(0, gain)), true);
  return out;
}

/** A 16-bit mono PCM WAV holding `samples`. */
export function pcmWav(samples: Int16Array, sampleRate: number): Uint8Array {
  const out = new Uint8Array(44 + samples.length * 2);
  const dv = new DataView(out.buffer);
  const put = (at: number, s: string): void => {
    for (let i = 0; i < 4; i++) out[at + i] = s.charCodeAt(i);
  };
  put(0, 'RIFF');
  dv.setUint32(4, 36 + samples.length * 2, true);
  put(8, 'WAVE');
  put(12, 'fmt ');
  dv.setUint32(16, 16, true);
  dv.setUint16(20, 1, true);
  dv.setUint16(22, 1, true);
  dv.setUint32(24, sampleRate, true);
  dv.setUint32(28, sampleRate * 2, true);
  dv.setUint16(32, 2, true);
  dv.setUint16(34, 16, true);
  put(36, 'data');
  dv.setUint32(40, samples.length * 2, true);
  for (let i = 0; i < samples.length; i++) dv.setInt16(44 + i * 2, samples[i]!, true);
  return out;
}

/** The card-detected beep: a short sine with soft edges (no click at start and end). */
export function beepWav(o: { hz?: number; ms?: number; sampleRate?: number } = {}): Uint8Array {
  const hz = o.hz ?? 1000;
  const rate = o.sampleRate ?? 22050;
  const n = Math.round(((o.ms ?? 180) * rate) / 1000);
  const edge = Math.min(Math.round(rate * 0.01), Math.floor(n / 2));
  const s = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    const env = Math.min(1, i / edge, (n - 1 - i) / edge);
    s[i] = Math.round(0.6 * 32767 * env * Math.sin((2 * Math.PI * hz * i) / rate));
  }
  return pcmWav(s, rate);
}

/** Playing time of a PCM WAV in ms. */
export function wavMs(b: Uint8Array): number {
  const w = parseWav(b);
  return (w.dataLength / (w.channels * (w.bitsPerSample / 8)) / w.sampleRate) * 1000;
}
