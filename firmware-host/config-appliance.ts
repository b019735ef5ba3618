// The appliance part of readerd's configuration: card module, cameras, the session, the kiosk
// screen, the front panel and the serial debug shell. A board profile (platform/boards) gives
// the device settings left out; explicit settings override it.
import type { PanelPins, PanelSetting } from '../platform/boards/panel-setting.js';
import { BOARDS, type BoardProfile, NANO_PANEL_PINS } from '../platform/boards/profiles.js';
import type { Checker, Json } from './config.js';
import { CONSENT_KINDS, type ConsentKind } from './session/types.js';

export type CameraSetting =
  | {
      readonly kind: 'v4l2';
      readonly device: string;
      readonly format: 'mjpeg' | 'yuyv422';
      readonly size?: string;
      readonly fps: number;
      readonly width: number;
      readonly height: number;
      readonly rotate: 0 | 90 | 180 | 270;
    }
  | {
      readonly kind: 'still';
      readonly path: string;
      readonly width: number;
      readonly height: number;
      readonly fps: number;
    };

export type CardModuleSetting =
  | { readonly type: 'pn532'; readonly path: string; readonly baudRate: number }
  | { readonly type: 'ccid' };

export interface ApplianceConfig {
  readonly board?: string;
  readonly cardModule: CardModuleSetting;
  readonly cameras: { readonly face: CameraSetting; readonly cardFace: CameraSetting };
  readonly session: {
    readonly face: boolean;
    readonly pin: boolean;
    readonly faceAttempts: number;
    readonly attemptTimeoutMs: number;
    readonly liveness: 'required' | 'off';
    readonly challenge: 'blink' | 'turn-left' | 'turn-right';
    readonly consents: readonly ConsentKind[];
    readonly visualCheckOnBlockedPin: boolean;
    readonly patientTimeoutMs: number;
    readonly awaitCardMs: number;
    readonly visualCheckTimeoutMs: number;
    readonly doneScreenMs: number;
  };
  readonly kiosk: {
    readonly enabled: boolean;
    readonly port: number;
    /** Spoken prompts: ALSA device for aplay, volume 0..100, mute (README "Voice guidance"). */
    readonly voice: { readonly mute: boolean; readonly volume: number; readonly device: string };
  };
  readonly panel?: PanelSetting;
  readonly debugShell?: { readonly path: string; readonly baudRate: number };
}

export const APPLIANCE_KEYS = ['board', 'cardModule', 'cameras', 'session', 'kiosk', 'panel', 'debugShell'];

const ROTATIONS = [0, 90, 180, 270] as const;

function camera(c: Checker, raw: unknown, path: string, dflt?: BoardProfile['faceCamera']): CameraSetting {
  if (raw === undefined && dflt) {
    if (dflt.input.kind !== 'v4l2') {
      c.problems.push(`${path}: the board profile's camera must be a v4l2 device`);
    } else {
      return {
        kind: 'v4l2',
        device: dflt.input.device,
        format: dflt.input.format ?? 'mjpeg',
        size: dflt.input.size,
        fps: dflt.input.fps ?? 15,
        width: dflt.width,
        height: dflt.height,
        rotate: dflt.rotate,
      };
    }
  }
  const o = c.obj(raw, path);
  const kind = c.oneOf(o, 'kind', path, ['v4l2', 'still'], 'v4l2');
  const width = c.int(o, 'width', path, 640, 16, 8192);
  const height = c.int(o, 'height', path, 480, 16, 8192);
  if (kind === 'still') {
    c.unknown(o, path, ['kind', 'path', 'width', 'height', 'fps']);
    return { kind, path: c.file(o, 'path', path), width, height, fps: c.int(o, 'fps', path, 30, 1, 120) };
  }
  c.unknown(o, path, ['kind', 'device', 'format', 'size', 'fps', 'width', 'height', 'rotate']);
  const rotate = c.int(o, 'rotate', path, 0, 0, 270);
  if (!ROTATIONS.includes(rotate as 0)) c.problems.push(`${path}.rotate: must be 0, 90, 180 or 270`);
  return {
    kind,
    device: c.str(o, 'device', path),
    format: c.oneOf(o, 'format', path, ['mjpeg', 'yuyv422'], 'mjpeg'),
    size: c.optStr(o, 'size', path),
    fps: c.int(o, 'fps', path, 15, 1, 120),
    width,
    height,
    rotate: rotate as 0,
  };
}

function cardModule(c: Checker, raw: unknown, board?: BoardProfile): CardModuleSetting {
  if (raw === undefined && board) {
    const m = board.cardModule;
    return m.kind === 'ccid' ? { type: 'ccid' } : { type: 'pn532', path: m.path, baudRate: m.baud };
  }
  const o = c.obj(raw, '$.cardModule');
  const type = c.oneOf(o, 'type', '$.cardModule', ['pn532', 'ccid'], 'pn532');
  if (type === 'ccid') {
    c.unknown(o, '$.cardModule', ['type']);
    return { type };
  }
  c.unknown(o, '$.cardModule', ['type', 'path', 'baudRate']);
  const baudRate = c.int(o, 'baudRate', '$.cardModule', 115200, 9600, 1_288_000);
  return { type, path: c.str(o, 'path', '$.cardModule'), baudRate };
}

function pins(c: Checker, raw: unknown, path: string, dflt?: PanelPins): PanelPins {
  if (raw === undefined && dflt) return dflt;
  const o = c.obj(raw, path);
  c.unknown(o, path, ['ledGreen', 'ledRed', 'buzzer', 'keys']);
  const keysRaw = c.obj(o.keys, `${path}.keys`);
  const keys: Record<string, number> = {};
  for (const k of Object.keys(keysRaw)) {
    if (!/^[0-9*#]$/.test(k)) c.problems.push(`${path}.keys.${k}: keys are "0".."9", "*" and "#"`);
    else keys[k] = c.int(keysRaw, k, `${path}.keys`, 0, 0, 127);
  }
  return {
    ledGreen: c.int(o, 'ledGreen', path, 5, 0, 127),
    ledRed: c.int(o, 'ledRed', path, 6, 0, 127),
    buzzer: c.int(o, 'buzzer', path, 3, 0, 127),
    keys,
  };
}

function panelSetting(c: Checker, panel: Json | undefined, board?: BoardProfile): PanelSetting | undefined {
  if (!panel) return board?.panel;
  const p = '$.panel';
  const io = c.oneOf(panel, 'io', p, ['firmata', 'plugin'], board?.panel?.io ?? 'firmata');
  const pinMap = pins(c, panel.pins, `${p}.pins`, board?.panel?.pins ?? NANO_PANEL_PINS);
  if (io === 'plugin') {
    const options = c.obj(panel.options, `${p}.options`);
    // A package name, or a module file relative to the configuration file.
    const name = c.str(panel, 'module', p);
    return { io, module: name.startsWith('.') ? c.file(panel, 'module', p) : name, options, pins: pinMap };
  }
  const fromBoard = board?.panel?.io === 'firmata' ? board.panel : undefined;
  return {
    io,
    path: c.str(panel, 'path', p, fromBoard?.path),
    baudRate: c.int(panel, 'baudRate', p, fromBoard?.baudRate ?? 57600, 1200, 1_000_000),
    pins: pinMap,
  };
}

export function parseAppliance(c: Checker, root: Json): ApplianceConfig | undefined {
  if (!APPLIANCE_KEYS.some((k) => root[k] !== undefined)) return undefined;
  const boardName = c.optStr(root, 'board', '$');
  // An own property only: "constructor" or "__proto__" must not find Object.prototype's.
  const board = boardName && Object.hasOwn(BOARDS, boardName) ? BOARDS[boardName] : undefined;
  if (boardName && !board)
    c.problems.push(
      `$.board: unknown board profile "${boardName}" (known: ${Object.keys(BOARDS).join(', ')})`,
    );
  const cams = c.obj(root.cameras, '$.cameras');
  c.unknown(cams, '$.cameras', ['face', 'cardFace']);
  const s = c.obj(root.session, '$.session');
  const sp = '$.session';
  c.unknown(s, sp, [
    'face',
    'pin',
    'faceAttempts',
    'attemptTimeoutMs',
    'liveness',
    'challenge',
    'consents',
    'visualCheckOnBlockedPin',
    'patientTimeoutMs',
    'awaitCardMs',
    'visualCheckTimeoutMs',
    'doneScreenMs',
  ]);
  const consents = s.consents ?? CONSENT_KINDS;
  if (!Array.isArray(consents) || consents.some((k) => !CONSENT_KINDS.includes(k as ConsentKind)))
    c.problems.push(`${sp}.consents: a list of ${CONSENT_KINDS.join(', ')}`);
  const kiosk = c.obj(root.kiosk, '$.kiosk');
  c.unknown(kiosk, '$.kiosk', ['enabled', 'port', 'voice']);
  const voice = c.obj(kiosk.voice, '$.kiosk.voice');
  c.unknown(voice, '$.kiosk.voice', ['mute', 'volume', 'device']);
  const panel = root.panel === undefined ? undefined : c.obj(root.panel, '$.panel');
  if (panel) c.unknown(panel, '$.panel', ['io', 'path', 'baudRate', 'module', 'options', 'pins']);
  const shell = root.debugShell === undefined ? undefined : c.obj(root.debugShell, '$.debugShell');
  if (shell) c.unknown(shell, '$.debugShell', ['path', 'baudRate']);
  const session = {
    face: c.bool(s, 'face', sp, true),
    pin: c.bool(s, 'pin', sp, true),
    faceAttempts: c.int(s, 'faceAttempts', sp, 3, 1, 10),
    attemptTimeoutMs: c.int(s, 'attemptTimeoutMs', sp, 8000, 1000, 60_000),
    liveness: c.oneOf(s, 'liveness', sp, ['required', 'off'], 'required'),
    challenge: c.oneOf(s, 'challenge', sp, ['blink', 'turn-left', 'turn-right'], 'blink'),
    consents: (Array.isArray(consents) ? consents : []) as ConsentKind[],
    visualCheckOnBlockedPin: c.bool(s, 'visualCheckOnBlockedPin', sp, true),
    patientTimeoutMs: c.int(s, 'patientTimeoutMs', sp, 60_000, 1000, 600_000),
    awaitCardMs: c.int(s, 'awaitCardMs', sp, 60_000, 1000, 600_000),
    visualCheckTimeoutMs: c.int(s, 'visualCheckTimeoutMs', sp, 180_000, 1000, 3_600_000),
    doneScreenMs: c.int(s, 'doneScreenMs', sp, 8000, 100, 600_000),
  };
  if (!session.face && !session.pin) c.problems.push(`${sp}: face and pin cannot both be disabled`);
  return {
    board: boardName,
    cardModule: cardModule(c, root.cardModule, board),
    cameras: {
      face: camera(c, cams.face, '$.cameras.face', board?.faceCamera),
      cardFace: camera(c, cams.cardFace, '$.cameras.cardFace', board?.cardCamera),
    },
    session,
    kiosk: {
      enabled: c.bool(kiosk, 'enabled', '$.kiosk', true),
      port: c.int(kiosk, 'port', '$.kiosk', 8080, 0, 65535),
      voice: {
        mute: c.bool(voice, 'mute', '$.kiosk.voice', false),
        volume: c.int(voice, 'volume', '$.kiosk.voice', 80, 0, 100),
        device: c.str(voice, 'device', '$.kiosk.voice', 'default'),
      },
    },
    panel: panelSetting(c, panel, board),
    debugShell: shell
      ? {
          path: c.str(shell, 'path', '$.debugShell'),
          baudRate: c.int(shell, 'baudRate', '$.debugShell', 115200, 1200, 4_000_000),
        }
      : undefined,
  };
}
