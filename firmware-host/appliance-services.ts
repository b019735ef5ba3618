// The services around the session: the kiosk screen (with the health endpoint) and the serial
// debug shell. Both read the same status.

import { join } from 'node:path';
import type { Frame } from '../device/camera/frame-source.js';
import { CardChannel } from '../device/card/card-channel.js';
import { SerialPortTransport } from '../device/serial/serialport-transport.js';
import type { HardwareIdentity } from '../platform/boards/hardware-identity.js';
import { packageVersion } from '../platform/cli.js';
import type { Logger } from '../platform/log.js';
import { AID, apdu } from '../protocol/mynumber/mynumber.js';
import type { ApplianceConfig } from './config-appliance.js';
import type { DeviceState } from './device-keeper.js';
import { kioskBackend } from './kiosk/kiosk-backend.js';
import { KioskServer } from './kiosk/kiosk-server.js';
import { StaffGate } from './kiosk/staff/staff-pin.js';
import { type RecentSession, StaffRoutes, type StaffSettings } from './kiosk/staff/staff-routes.js';
import {
  loadStaffSettings,
  STAFF_SETTINGS_FILE,
  saveStaffSettings,
} from './kiosk/staff/staff-settings-file.js';
import { DEFAULT_LANG, type Lang } from './kiosk/texts/index.js';
import type { DeviceLink } from './link/device-link.js';
import type { PairingWindow } from './link/pairing-window.js';
import type { OpenedCamera, OpenedCardModule } from './open-devices.js';
import type { KeptPanel } from './panel/kept-panel.js';
import { inSession, type StateKind } from './session/machine.js';
import type { ReaderModes } from './session/session-commands.js';
import type { SessionService } from './session/session-service.js';
import { DebugShell } from './shell/debug-shell.js';
import type { ChallengeBoard } from './vision/liveness-board.js';
import { type RunningVoice, startVoice } from './voice/start-voice.js';

export interface ServiceParts {
  readonly config: ApplianceConfig;
  readonly service: SessionService;
  readonly modes: ReaderModes;
  readonly link: DeviceLink;
  readonly module: OpenedCardModule;
  readonly cameras: { readonly face: OpenedCamera; readonly cardFace: OpenedCamera };
  /** The front panel, kept trying while absent; none: not configured or `"panel": null`. */
  readonly panel?: KeptPanel;
  readonly lastFaceFrame: () => Frame | undefined;
  /** The liveness challenge's prompts, for the kiosk. */
  readonly board?: ChallengeBoard;
  /** Where the voice guidance keeps its rendered prompts (<dataDir>/voice); none: no voice. */
  readonly voiceDir?: string;
  /** The session's timeouts per state, for the kiosk's countdowns. */
  readonly timeouts: Partial<Record<StateKind, number>>;
  readonly log: Logger;
  readonly now: () => number;
  /** The reader's id and key id, for the staff screen. */
  readonly identity?: {
    readonly deviceId: string;
    readonly keyId: string;
    readonly hardware?: HardwareIdentity;
  };
  /** Pairing with a terminal (SPEC §15): the shell's `pair` and the staff screen open it. */
  readonly pairing?: PairingWindow;
  /** The vision models: loading (readerd is ready before them), ready or failed. */
  readonly visionModels?: () => string;
  /** readerd's dataDir: the staff screen keeps its settings there; none: not kept. */
  readonly dataDir?: string;
}

/** The staff screen's parts: the gate, the settings staff change, the recent outcomes. */
function staffScreen(
  p: ServiceParts,
  started: number,
  setLang: (l: Lang) => void,
  getLang: () => Lang,
  volume: { value: number },
  initial: StaffSettings,
  save: (s: StaffSettings) => void,
): StaffRoutes | undefined {
  const s = p.config.kiosk.staff;
  if (!s) return undefined;
  let brightness = initial.brightness;
  const recent: RecentSession[] = [];
  let last: unknown;
  p.service.on('change', (st) => {
    if (st.kind !== 'done' || st === last) return;
    last = st;
    // Time, method, outcome: no session id, no card or personal data.
    recent.unshift({ at: new Date(p.now()).toISOString(), method: st.method, outcome: st.outcome });
    recent.length = Math.min(recent.length, 10);
  });
  const settings = (): StaffSettings => ({ volume: volume.value, defaultLang: getLang(), brightness });
  return new StaffRoutes({
    gate: new StaffGate({ pinHash: s.pinHash, maxTries: s.maxTries, lockoutMs: s.lockoutMs, now: p.now }),
    info: () => ({
      deviceId: p.identity?.deviceId,
      keyId: p.identity?.keyId,
      model: p.identity?.hardware?.model,
      serial: p.identity?.hardware?.serial,
      emulated: p.identity?.hardware?.emulated,
      versions: { readerd: packageVersion(), node: process.version, faceMatcher: 'fr-onnx' },
      connected: p.link.health().connected,
      devices: devices(p),
      uptimeMs: p.now() - started,
    }),
    recent: () => recent,
    settings,
    apply: (c) => {
      if (c.volume !== undefined) volume.value = c.volume;
      if (c.defaultLang !== undefined) setLang(c.defaultLang);
      if (c.brightness !== undefined) {
        brightness = c.brightness;
        p.panel?.setBrightness(c.brightness);
      }
      const now = settings();
      save(now);
      return now;
    },
    selfTest: (what) => selfTest(p, what),
    pairing: p.pairing,
    log: p.log.child('staff'),
  });
}

/** Each configured device and its state: what /healthz and the shell's `status` name. */
export function devices(p: ServiceParts): Record<string, DeviceState> {
  return {
    cardModule: p.module.status(),
    faceCamera: p.cameras.face.status(),
    cardFaceCamera: p.cameras.cardFace.status(),
    panel: p.panel?.status() ?? { state: 'off' },
  };
}

export function status(p: ServiceParts, started: number): { ok: boolean } & Record<string, unknown> {
  const link = p.link.health();
  const devs = devices(p);
  const missing = Object.entries(devs)
    .filter(([, d]) => d.state === 'missing')
    .map(([name]) => name);
  return {
    // Another client holding our client id means commands go to it: not healthy (SPEC §13.5).
    // A missing device is not healthy either: the reader runs, but not fully.
    ok: link.connected && !link.duplicateClientId && missing.length === 0,
    state: p.service.state.kind,
    // Who this is, as its birth says (SPEC 3.7): the shell's `status` is where a bench reads it.
    reader: p.identity && {
      deviceId: p.identity.deviceId,
      keyId: p.identity.keyId,
      model: p.identity.hardware?.model,
      serial: p.identity.hardware?.serial,
      emulated: p.identity.hardware?.emulated,
      version: packageVersion(),
    },
    missing,
    devices: devs,
    link,
    cardModule: { name: p.module.module.name, cardPresent: p.module.module.cardPresent },
    ...(p.visionModels ? { visionModels: p.visionModels() } : {}),
    modes: {
      maintenance: p.modes.maintenance,
      outOfService: p.modes.outOfService,
      visualCheck: !!p.service.visualCheckMode,
    },
    uptimeMs: p.now() - started,
  };
}

export async function startKiosk(
  p: ServiceParts,
  started: number,
): Promise<{ server: KioskServer; url: string; voice?: RunningVoice }> {
  let voice: RunningVoice | undefined;
  const v = p.config.kiosk.voice;
  // What staff set before the last restart, if the staff screen is on (else nobody sets them).
  const settingsFile = p.config.kiosk.staff && p.dataDir ? join(p.dataDir, STAFF_SETTINGS_FILE) : undefined;
  const defaults: StaffSettings = {
    volume: v.mute ? 0 : v.volume,
    defaultLang: DEFAULT_LANG,
    brightness: 100,
  };
  const initial = settingsFile ? loadStaffSettings(settingsFile, defaults, p.log.child('staff')) : defaults;
  let defaultLang: Lang = initial.defaultLang;
  const volume = { value: initial.volume };
  if (initial.brightness !== 100) p.panel?.setBrightness(initial.brightness);
  const backend = kioskBackend({
    service: p.service,
    consents: p.config.session.consents,
    outOfService: () => p.modes.outOfService,
    lastFaceFrame: p.lastFaceFrame,
    board: p.board,
    health: () => ({ ...status(p, started), voice: voice?.status() ?? { state: 'off' } }),
    timeouts: p.timeouts,
    now: p.now,
    defaultLang: () => defaultLang,
  });
  if (p.voiceDir && !v.mute && v.volume > 0)
    voice = startVoice(backend, {
      dir: p.voiceDir,
      device: v.device,
      volume: v.volume,
      volumeNow: () => volume.value,
      log: p.log.child('voice'),
    });
  const staff = staffScreen(
    p,
    started,
    (l) => {
      defaultLang = l;
      backend.greetIn(l);
    },
    () => defaultLang,
    volume,
    initial,
    (now) => {
      if (!settingsFile) return;
      try {
        saveStaffSettings(settingsFile, now);
      } catch (e) {
        // Applied now, lost at the next restart: said, not a failed request.
        p.log.warn('staff settings not saved', { file: settingsFile, error: (e as Error).message });
      }
    },
  );
  const server = new KioskServer(backend, p.log.child('kiosk'), staff);
  try {
    const port = await server.listen(p.config.kiosk.port);
    return { server, url: `http://127.0.0.1:${port}/`, voice };
  } catch (e) {
    // A port another process holds: the voice started for this screen goes with it.
    voice?.close();
    throw e;
  }
}

async function selfTest(p: ServiceParts, what: 'card' | 'camera' | 'panel'): Promise<string[]> {
  if (what === 'panel')
    return [p.panel ? await p.panel.selfTest() : 'panel: off (not configured, or "panel": null)'];
  if (what === 'camera') {
    const out: string[] = [];
    for (const [name, cam] of Object.entries(p.cameras)) {
      const t0 = performance.now();
      try {
        const f = await cam.nextFrame(3000);
        out.push(`${name} camera: ${f.width}x${f.height} frame in ${Math.round(performance.now() - t0)} ms`);
      } catch (e) {
        out.push(`${name} camera: FAILED (${(e as Error).message})`);
      }
    }
    return out;
  }
  const m = p.module.module;
  const out = [`card module: ${m.name}, card ${m.cardPresent ? 'present' : 'absent'}`];
  if (m.cardPresent && !inSession(p.service.state)) {
    const r = await new CardChannel(m, { timeoutMs: 3000 }).transmit(apdu.selectAid(AID.JPKI));
    out.push(`SELECT user-authentication AP: SW ${r.sw.toString(16)}`);
  }
  return out;
}

/** The debug shell's serial line (opened beside the devices' first tries: it waits on its port). */
export function openShellPort(path: string, baudRate: number): Promise<SerialPortTransport> {
  return SerialPortTransport.open({ path, baudRate, reopenEveryMs: 1000 });
}

/** The debug shell on its opened line; returns how to close it. */
export function startDebugShell(
  p: ServiceParts,
  port: SerialPortTransport,
  path: string,
  started: number,
): () => Promise<void> {
  new DebugShell(port, {
    service: p.service,
    maintenance: () => p.modes.maintenance,
    status: () => status(p, started),
    selfTest: (what) => selfTest(p, what),
    transmit: (c) => p.module.module.transmit(c, { timeoutMs: 5000 }),
    pairing: p.pairing,
    deviceId: p.identity?.deviceId,
    log: p.log,
  });
  p.log.info('debug shell', { path });
  return () => port.close();
}
