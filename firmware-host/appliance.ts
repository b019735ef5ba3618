// The patient-facing appliance inside readerd: card module and cameras, the face models and
// the 照合番号B reader, the session service, and the services around it (kiosk screen, front
// panel, serial debug shell). reader-composition.ts composes this with the link.

import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Frame } from '../device/camera/frame-source.js';
import type { UsbBusLike } from '../device/ccid/webusb.js';
import type { HardwareIdentity } from '../platform/boards/hardware-identity.js';
import type { Logger } from '../platform/log.js';
import { openShellPort, type ServiceParts, startDebugShell, startKiosk } from './appliance-services.js';
import { type ApplianceConfig, challengeTimingOf } from './config-appliance.js';
import type { CommandHandler, DeviceLink } from './link/device-link.js';
import type { PairingWindow } from './link/pairing-window.js';
import { type OpenedCamera, type OpenedCardModule, openCamera, openCardModule } from './open-devices.js';
import { keepPanel } from './panel/kept-panel.js';
import { ApplianceIo } from './session/appliance-io.js';
import type { StateKind } from './session/machine.js';
import { STAGE, toResultMessage } from './session/result-proto.js';
import { ReaderModes, sessionCommandHandler } from './session/session-commands.js';
import { type LoopDelayMonitor, SessionService, type SessionSettings } from './session/session-service.js';
import { StartTrace } from './start-trace.js';
import { CHALLENGE_WALL_FACTOR, type FaceVerifyConfig, type FrameFeed } from './vision/face-verifier.js';
import { ChallengeBoard } from './vision/liveness-board.js';
import { type ChallengePlan, DEFAULT_TIMING, longestPlanMs } from './vision/liveness-challenge.js';
import { startVisionWorkers, type VisionOptions, type VisionWorkers } from './vision/vision-workers.js';

export interface Appliance {
  readonly service: SessionService;
  readonly modes: ReaderModes;
  readonly module: OpenedCardModule;
  readonly cameras: { readonly face: OpenedCamera; readonly cardFace: OpenedCamera };
  readonly kioskUrl?: string;
  /** Resolves once the session has ended cleanly (its result stored) and devices are closed. */
  stop(): Promise<void>;
}

/** What the composition root hands the appliance instead of building it itself. */
export interface ApplianceSeams {
  /** The USB bus a CCID card module is found on. */
  readonly usbBus: () => UsbBusLike;
  /** Wraps the session command handler before the link gets it (a composition root's choice). */
  readonly commands?: (handler: CommandHandler, service: SessionService) => CommandHandler;
  /**
   * The face camera, where the root has its own (the emulated appliance's live subject, which
   * sees the challenge on `board` as a patient sees the kiosk); else the configured one.
   */
  readonly faceCamera?: (board: ChallengeBoard) => OpenedCamera;
  /** The face verification as the root wants it (a bench's match alone); else the configured. */
  readonly faceVerify?: (configured: FaceVerifyConfig) => FaceVerifyConfig;
  /** The challenge's randomness (a seeded test); else the platform's CSPRNG. */
  readonly challengeRandom?: () => number;
  /** The face stages one after another, not overlapped (the session bench's baseline). */
  readonly sequentialSession?: boolean;
  /** The OCR worker's idle end (vision-workers.ts OCR_IDLE_CLOSE_MS); a bench's shorter one. */
  readonly ocrIdleCloseMs?: number;
}

function settingsOf(c: ApplianceConfig): SessionSettings {
  const s = c.session;
  const ioTimeouts: Partial<Record<StateKind, number>> = {
    'reading-card': 10_000,
    'reading-card-face': 20_000,
    'reading-photo': 15_000,
    // A challenge's attempt lasts as long as its plan (face-verifier.ts), plus the wait for a
    // bare face (twice an attempt's time) before each.
    capturing:
      s.faceAttempts *
        (CHALLENGE_WALL_FACTOR *
          Math.max(
            s.attemptTimeoutMs,
            longestPlanMs(s.challengeSteps, challengeTimingOf(s.challengeTiming)) + 2000,
          ) +
          CHALLENGE_WALL_FACTOR * 2 * s.attemptTimeoutMs) +
      10_000,
    'checking-pin': 5000,
    'verifying-pin': 5000,
    signing: 10_000,
  };
  const patient = s.patientTimeoutMs;
  return {
    consents: s.consents,
    faceEnabled: s.face,
    pinEnabled: s.pin,
    visualCheckOnBlockedPin: s.visualCheckOnBlockedPin,
    timeouts: {
      ...ioTimeouts,
      'awaiting-card': s.awaitCardMs,
      'choosing-method': patient,
      'entering-pin': patient,
      'confirming-last-try': patient,
      consenting: patient,
      'awaiting-visual-check': s.visualCheckTimeoutMs,
      done: s.doneScreenMs,
    },
  };
}

/** How late this event loop ran its callbacks during a session: the card link's timeouts need it low. */
function loopDelayMonitor(): LoopDelayMonitor {
  const h = monitorEventLoopDelay({ resolution: 2 });
  h.enable();
  return { reset: () => h.reset(), p99Ms: () => h.percentile(99) / 1e6 };
}

/** The vision workers this appliance's configuration asks for. */
export function visionOptionsOf(_config: ApplianceConfig, seams: ApplianceSeams, log: Logger): VisionOptions {
  return {
    // Every challenge has a blink (PLAN_MINIMUMS): the eye model is always loaded.
    eyes: true,
    ocrIdleCloseMs: seams.ocrIdleCloseMs,
    log: log.child('vision'),
  };
}

/** The states the face path's live side may run in (the session runner overlaps it with reads). */
const FACE_PATH: ReadonlySet<StateKind> = new Set(['reading-card-face', 'reading-photo', 'capturing']);

export async function startAppliance(
  config: ApplianceConfig,
  link: DeviceLink,
  log: Logger,
  seams: ApplianceSeams,
  now: () => number = Date.now,
  /** readerd's dataDir: the voice guidance renders its prompts into <dataDir>/voice. */
  dataDir?: string,
  /** The reader's id and key id (the staff screen shows them). */
  identity?: {
    readonly deviceId: string;
    readonly keyId: string;
    readonly pairing?: PairingWindow;
    /** What the birth says the reader is (SPEC 3.7): the staff screen and the shell show it too. */
    readonly hardware?: HardwareIdentity;
  },
  /** The vision workers, started by the caller ahead of the broker (else started here). */
  visionWorkers?: VisionWorkers,
  /** Where the start's steps are noted (the "ready" line carries them). */
  trace: StartTrace = new StartTrace(),
): Promise<Appliance> {
  // The random challenge's own model, the eyes' state (blinks), runs in the matcher's worker on
  // the same wasm runtime. The passive anti-spoofing model is not run here: PASSIVE_MIN was
  // measured on face-api's boxes, and on the shipped detector's boxes it scores live faces near 0.
  const vision = visionWorkers ?? startVisionWorkers(visionOptionsOf(config, seams, log));
  const { matcher, reader, eyes } = vision;
  // Each device's first try starts now and runs beside the others (each mostly waits on its
  // port or handshake); the session is built on the module's slot meanwhile. Ready after all.
  const module = openCardModule(config.cardModule, seams.usbBus, log.child('card'));
  const board = new ChallengeBoard();
  const cameras = {
    face: seams.faceCamera ? seams.faceCamera(board) : openCamera(config.cameras.face, log.child('camera')),
    cardFace: openCamera(config.cameras.cardFace, log.child('camera')),
  };
  let lastFaceFrame: Frame | undefined;
  const faceFeed: FrameFeed = {
    nextFrame: async (ms) => {
      lastFaceFrame = await cameras.face.nextFrame(ms);
      return lastFaceFrame;
    },
  };
  // Not the models: readerd is ready while they load (vision-workers.ts).
  const cameraReady = cameras.face.ready?.() ?? Promise.resolve();
  const configured: FaceVerifyConfig = {
    attempts: config.session.faceAttempts,
    attemptTimeoutMs: config.session.attemptTimeoutMs,
    livenessFrames: 12,
    challenge: config.session.challenge,
    challengeSteps: config.session.challengeSteps,
    challengeTiming: challengeTimingOf(config.session.challengeTiming),
    liveness: config.session.liveness,
  };
  let attemptNo = { attempt: 1, attempts: configured.attempts, plan: undefined as ChallengePlan | undefined };
  const io = new ApplianceIo({
    module: module.module,
    cardFaceCamera: cameras.cardFace,
    faceCamera: faceFeed,
    cardFaceReader: reader,
    matcher,
    face: seams.faceVerify ? seams.faceVerify(configured) : configured,
    eyesFor: (signal) => matcher.eyeState(signal),
    faceHooks: {
      eyes,
      random: seams.challengeRandom,
      onAttempt: (attempt, attempts, plan) => {
        attemptNo = { attempt, attempts, plan };
      },
      onPrompt: (p) => {
        const { attempt, attempts, plan } = attemptNo;
        const step = plan?.steps[p.step - 1];
        // The step's response window closes this long after the prompt (frames' clock = wall).
        const window = (plan?.timing ?? DEFAULT_TIMING).onsetMs[1];
        const hold = step?.backMs !== undefined && p.action !== 'look' ? step.backMs - step.promptMs : 0;
        board.show({ kind: 'prompt', ...p, attempt, attempts, untilMs: now() + hold + window });
      },
      onOcclusion: (occlusion, attempt) =>
        board.show({ kind: 'occlusion', occlusion, attempt, attempts: configured.attempts }),
    },
    cardFaceFrames: 3,
    apduTimeoutMs: 5000,
    // The JPEG 2000 decode (OpenJPEG wasm) off this loop, in the card-face worker: free after
    // 照合番号B, which the photo read needs, while the face worker embeds live frames.
    decodePhoto: (bytes) => reader.decode(bytes),
    now,
  });
  const outbox = link.outbox;
  const settings = settingsOf(config);
  const service = new SessionService({
    io,
    settings,
    publish: (draft) => link.publishResult(toResultMessage(draft)),
    journal: (id, nonce, at) => outbox.openSession(id, nonce, at),
    progress: (sessionId, stage, state) =>
      link.publishEvent({ sessionId, stage: stage ? STAGE[stage] : 0, state }),
    now,
    newId: randomUUID,
    log: log.child('session'),
    loopDelay: loopDelayMonitor(),
    pipeline: !seams.sequentialSession,
  });
  module.module.on('error', (e) => log.warn('card module', { error: e }));
  const shellPort = config.debugShell
    ? openShellPort(config.debugShell.path, config.debugShell.baudRate).catch((e: Error) => {
        log.warn('debug shell unavailable', { path: config.debugShell?.path, error: e });
        return undefined;
      })
    : undefined;
  // Configured (by the file or the board) and absent: kept trying; `"panel": null`: off.
  // All settled, not all: a try that fails (the face camera) must not leave the others opening
  // unseen, since what they open is closed below.
  const [panelTry, portTry, moduleTry, cameraTry] = await Promise.allSettled([
    config.panel ? trace.step('panel', keepPanel(config.panel, service, log.child('panel'))) : undefined,
    shellPort && trace.step('shell port', shellPort),
    trace.step('card module', module.tried),
    trace.step('cameras', cameraReady),
  ]);
  const panel = panelTry.status === 'fulfilled' ? panelTry.value : undefined;
  const port = portTry.status === 'fulfilled' ? portTry.value : undefined;
  let closeShell: (() => Promise<void>) | undefined;
  let kiosk: Awaited<ReturnType<typeof startKiosk>> | undefined;
  /** A start that failed: closes what it opened (each in turn, the next even if one fails). */
  const closeOpened = async (): Promise<void> => {
    const steps: [string, () => Promise<void> | void][] = [
      ['session', () => service.stop()],
      ['kiosk voice', () => kiosk?.voice?.close()],
      ['kiosk', () => kiosk?.server.close()],
      ['debug shell', () => (closeShell ? closeShell() : port?.close())],
      ['panel', () => panel?.close()],
      ['card module', () => module.close()],
      ['face camera', () => cameras.face.close()],
      ['card-face camera', () => cameras.cardFace.close()],
      ['vision workers', () => vision.close()],
    ];
    for (const [what, close] of steps) {
      try {
        await close();
      } catch (e) {
        log.warn('closing after a failed start', { what, error: e as Error });
      }
    }
  };
  try {
    for (const t of [panelTry, portTry, moduleTry, cameraTry]) if (t.status === 'rejected') throw t.reason;
    return await startServices();
  } catch (e) {
    await closeOpened();
    // The first failure as it came (its code and cause): readerd's exit says what it was.
    throw e;
  }

  async function startServices(): Promise<Appliance> {
    // Commands are the session's once its devices were tried (till then: "the reader is starting").
    const modes = new ReaderModes();
    const commands = sessionCommandHandler(service, modes);
    link.onCommand = seams.commands ? seams.commands(commands, service) : commands;
    // Sessions cut by a crash or power loss still end with exactly one result (SPEC §6.1).
    for (const s of outbox.openSessions()) {
      log.warn('a session was cut by a restart: recording it as interrupted', { sessionId: s.sessionId });
      link.publishResult(
        toResultMessage({
          sessionId: s.sessionId,
          nonce: s.nonce,
          outcome: 'interrupted',
          consents: [],
          timings: [],
          startedAt: s.startedMs,
          finishedAt: now(),
          detail: 'readerd stopped during this session (restart or power loss)',
        }),
      );
    }
    module.module.on('card', () => {
      // At the bench (maintenance) or out of service, a card does not start a patient session.
      if (!modes.outOfService && !modes.maintenance) service.cardPlaced();
    });
    module.module.on('removed', () => service.cardRemoved());
    service.on('change', (st) => {
      if (st.kind === 'idle' || st.kind === 'done') lastFaceFrame = undefined;
      // The challenge runs beside the card's reads (reading-photo) and in capturing; off the face path it is over.
      if (!FACE_PATH.has(st.kind) && board.current) board.show(undefined);
    });
    const started = now();
    const parts: ServiceParts = {
      config,
      service,
      modes,
      link,
      module,
      cameras,
      panel,
      lastFaceFrame: () => lastFaceFrame,
      board,
      timeouts: settings.timeouts,
      voiceDir: dataDir === undefined ? undefined : join(dataDir, 'voice'),
      dataDir,
      identity,
      pairing: identity?.pairing,
      visionModels: vision.state,
      log,
      now,
    };
    closeShell =
      port && config.debugShell ? startDebugShell(parts, port, config.debugShell.path, started) : undefined;
    // Last: the kiosk serving is what /readyz says, so it waits for the devices' first tries.
    kiosk = config.kiosk.enabled ? await trace.step('kiosk', startKiosk(parts, started)) : undefined;
    if (kiosk) log.info('kiosk screen', { url: kiosk.url });
    module.startWatching();
    if (module.module.cardPresent) service.cardPlaced();
    return {
      service,
      modes,
      module,
      cameras,
      kioskUrl: kiosk?.url,
      stop: async () => {
        await service.stop();
        kiosk?.voice?.close();
        await kiosk?.server.close();
        await closeShell?.();
        await panel?.close();
        await module.close();
        await cameras.face.close();
        await cameras.cardFace.close();
        await vision.close();
      },
    };
  }
}
