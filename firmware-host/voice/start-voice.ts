// The voice guidance's composition: espeak-ng renders the prompts into <dataDir>/voice in the
// background at start (the kiosk screen does not wait for it), then the guide follows the
// kiosk's views and plays through aplay on the configured ALSA device. A reader without
// espeak-ng or a sound device keeps working, silently, and says so in its status.

import type { Logger } from '../../platform/log.js';
import type { KioskBackend } from '../kiosk/kiosk-server.js';
import { espeakNg, espeakVersion } from './espeak.js';
import { aplayPlayer } from './player.js';
import { prepareVoice } from './voice-cache.js';
import { VoiceGuide } from './voice-guide.js';

export interface VoiceStatus {
  readonly state: 'preparing' | 'ready' | 'failed';
  readonly fallbacks?: readonly string[];
  /** Sounds played since start (prompts and beeps). */
  readonly played?: number;
  readonly error?: string;
}

export interface RunningVoice {
  status(): VoiceStatus;
  /** Resolves when the prompts are rendered (or rendering failed). */
  readonly ready: Promise<void>;
  close(): void;
}

export function startVoice(
  backend: Pick<KioskBackend, 'view' | 'subscribe' | 'onPrompt'>,
  o: {
    dir: string;
    device: string;
    volume: number;
    /** The volume now, when it can change while running (the staff screen). */
    volumeNow?: () => number;
    log: Logger;
    engineBin?: string;
  },
): RunningVoice {
  let status: VoiceStatus = { state: 'preparing' };
  let guide: VoiceGuide | undefined;
  let closed = false;
  const ready = (async () => {
    try {
      const t0 = performance.now();
      const engine = espeakNg({ bin: o.engineBin, version: await espeakVersion(o.engineBin) });
      const library = await prepareVoice({ dir: o.dir, engine });
      if (library.fallbacks.length > 0)
        o.log.warn('no espeak-ng voice for some languages: they are spoken in English', {
          langs: library.fallbacks,
        });
      o.log.info('voice guidance ready', {
        rendered: library.rendered,
        ms: Math.round(performance.now() - t0),
        device: o.device,
      });
      status = { state: 'ready', fallbacks: library.fallbacks };
      if (closed) return;
      guide = new VoiceGuide({
        library,
        player: aplayPlayer({ device: o.device }),
        settings: () => ({ mute: false, volume: o.volumeNow?.() ?? o.volume }),
        log: o.log,
      }).attach(backend);
    } catch (e) {
      status = { state: 'failed', error: (e as Error).message };
      o.log.warn('voice guidance unavailable: the kiosk runs without it', { error: e as Error });
    }
  })();
  return {
    status: () => (guide ? { ...status, played: guide.playedCount } : status),
    ready,
    close: () => {
      closed = true;
      guide?.close();
    },
  };
}
