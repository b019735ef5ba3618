// The seams of the emulated appliance: what readerd's composition gets instead of real
// hardware. The PN532 is on a pty (readerd opens it as it opens a serial port); the USB bus is
// the CCID reader emulator's bus, reached over a socket from the rig's process
// (sim/ccid/usb-socket-server.ts), behind the WebUSB interface the CCID driver uses; the face
// camera is the emulated one, showing what the rig's scene file describes (a live subject, an
// attack instrument), which sees the kiosk's challenge as a patient does. A bench that wants
// the match alone says --match-only: the reader's own configuration has no such setting.
import type { ReaderSeams } from '../../firmware-host/reader-composition.js';
import { connectMqtt } from '../../platform/link/mqtt-client.js';
import type { Logger } from '../../platform/log.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { SocketUsbBus } from '../ccid/usb-socket-bus.js';
import { challengeRandomFor, SceneFaceCamera } from './scene-face-camera.js';

export const EMULATED_OPTIONS = {
  usb: { type: 'string' },
  'face-scene': { type: 'string' },
  'face-size': { type: 'string' },
  'face-fps': { type: 'string' },
  'face-realtime': { type: 'boolean' },
  'match-only': { type: 'boolean' },
  'challenge-seed': { type: 'string' },
  sequential: { type: 'boolean' },
  'ocr-idle-ms': { type: 'string' },
} as const;
export const EMULATED_USAGE =
  '[--usb SOCKET] [--face-scene FILE [--face-size WxH] [--face-fps N] [--face-realtime]] [--match-only] [--challenge-seed N] [--sequential] [--ocr-idle-ms N]';

function whole(values: Record<string, unknown>, name: string): number | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new ReaderError(ErrorCode.Usage, `--${name}: a whole number`);
  return n;
}

export function emulatedSeams(values: Record<string, unknown>, log: Logger): ReaderSeams {
  const socket = typeof values.usb === 'string' ? values.usb : undefined;
  const scene = typeof values['face-scene'] === 'string' ? values['face-scene'] : undefined;
  const size = /^(\d+)x(\d+)$/.exec(String(values['face-size'] ?? '320x240'));
  if (!size) throw new ReaderError(ErrorCode.Usage, '--face-size: WIDTHxHEIGHT');
  // --face-realtime: the camera on the wall clock (the bench's figures); else on its frames' clock.
  const realtime = values['face-realtime'] === true;
  const fps = whole(values, 'face-fps') ?? (realtime ? 15 : 6);
  const seed = whole(values, 'challenge-seed');
  let camera: SceneFaceCamera | undefined;
  // Seeded: each presentation (a session's patient) draws from a stream of its own, from the seed
  // and the scene, so a test's challenges do not depend on the sessions before it (the attempts
  // of one session follow each other in its stream).
  let drawn = -1;
  let stream: () => number = () => 0;
  const perPresentation = (s: number) => (): number => {
    const now = camera?.presentation ?? 0;
    if (now !== drawn) {
      drawn = now;
      stream = challengeRandomFor(s, camera?.current ?? {});
    }
    return stream();
  };
  return {
    connect: connectMqtt,
    // Said in every birth, so a conformance report of this appliance says it was emulated.
    hardware: (c) => ({
      model: `fareader emulated appliance (${c.appliance?.cardModule.type ?? 'link only'})`,
      serial: `EMU-${c.deviceId}`,
      emulated: true,
    }),
    usbBus: () => {
      if (!socket)
        throw new ReaderError(
          ErrorCode.Config_Invalid,
          'the emulated appliance has no USB bus: its CCID reader needs --usb SOCKET (the rig serves it)',
        );
      return new SocketUsbBus(socket, log.child('usb'));
    },
    ...(scene
      ? {
          faceCamera: (board) => {
            camera = new SceneFaceCamera(
              scene,
              { width: Number(size[1]), height: Number(size[2]), fps, realtime },
              board,
            );
            return camera;
          },
        }
      : {}),
    ...(values['match-only'] ? { faceVerify: (c) => ({ ...c, liveness: 'off' as const }) } : {}),
    ...(seed === undefined ? {} : { challengeRandom: perPresentation(seed) }),
    // The session bench's baseline: the face stages one after another, as before the pipeline.
    ...(values.sequential ? { sequentialSession: true } : {}),
    // The memory bench's: the OCR worker's idle end within its run, not after 10 min.
    ...(values['ocr-idle-ms'] === undefined ? {} : { ocrIdleCloseMs: whole(values, 'ocr-idle-ms') }),
  };
}
