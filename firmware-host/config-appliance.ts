// The appliance part of readerd's configuration: card module, cameras, the session, the kiosk
// screen, the front panel and the serial debug shell. A board profile (platform/boards) gives
// the devices' settings unless explicit settings override them. The schema is the only
// description: the types below are inferred from it.
import { type PanelPins, type PanelSetting, panelSchema } from '../platform/boards/panel-setting.js';
import { BOARDS, type BoardProfile, NANO_PANEL_PINS } from '../platform/boards/profiles.js';
import {
  bool,
  type Field,
  file,
  type Infer,
  int,
  listOf,
  mapped,
  object,
  oneOf,
  optional,
  str,
  variants,
} from '../platform/config-schema.js';
import { staffHashProblem } from './kiosk/staff/staff-pin.js';
import { CONSENT_KINDS } from './session/types.js';
import { DEFAULT_FACE_VERIFY } from './vision/face-verifier.js';
import { FR_ONNX_CALIBRATED_ATTEMPTS } from './vision/fr-onnx-operating-point.js';
import { type ChallengeTiming, DEFAULT_TIMING, PLAN_MINIMUMS } from './vision/liveness-challenge.js';

export const APPLIANCE_KEYS = ['board', 'cardModule', 'cameras', 'session', 'kiosk', 'panel', 'debugShell'];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The settings the board profile `$.board` names supplies, written into the raw JSON where the
 * file leaves them out (explicit settings win), so the schema parses them like any other. A
 * profile's own problem (a camera that is not a v4l2 device) is added to `problems`.
 */
export function withBoardProfile(root: Readonly<Json>, problems: string[]): Json {
  const name = root.board;
  // An own property only: "constructor" or "__proto__" must not find Object.prototype's.
  const board: BoardProfile | undefined =
    typeof name === 'string' && Object.hasOwn(BOARDS, name) ? BOARDS[name] : undefined;
  const out: Json = { ...root };
  // `"panel": null`: no panel, whatever the board has (a board whose panel is not fitted).
  if (root.panel === null) delete out.panel;
  if (isObject(root.panel)) {
    const p = root.panel;
    const io = p.io ?? board?.panel?.io ?? 'firmata';
    const fromBoard = board?.panel?.io === 'firmata' && io === 'firmata' ? board.panel : undefined;
    out.panel = {
      io,
      pins: board?.panel?.pins ?? NANO_PANEL_PINS,
      ...(fromBoard ? { path: fromBoard.path, baudRate: fromBoard.baudRate } : {}),
      ...p,
    };
  }
  if (!board) return out;
  if (root.cardModule === undefined) {
    const m = board.cardModule;
    out.cardModule = m.kind === 'ccid' ? { type: 'ccid' } : { type: 'pn532', path: m.path, baudRate: m.baud };
  }
  if (root.panel === undefined && board.panel) out.panel = board.panel;
  const cams = isObject(root.cameras) ? { ...root.cameras } : root.cameras === undefined ? {} : undefined;
  if (cams) {
    for (const [key, profile] of [
      ['face', board.faceCamera],
      ['cardFace', board.cardCamera],
    ] as const) {
      if (cams[key] !== undefined) continue;
      if (profile.input.kind !== 'v4l2') {
        problems.push(`$.cameras.${key}: the board profile's camera must be a v4l2 device`);
        continue;
      }
      const i = profile.input;
      cams[key] = {
        kind: 'v4l2',
        device: i.device,
        format: i.format ?? 'mjpeg',
        ...(i.size === undefined ? {} : { size: i.size }),
        fps: i.fps ?? 15,
        width: profile.width,
        height: profile.height,
        rotate: profile.rotate,
      };
    }
    out.cameras = cams;
  }
  return out;
}

const ROTATIONS = [0, 90, 180, 270] as const;
const width = int({ min: 16, max: 8192, default: 640, description: 'frame width the pipeline works at' });
const height = int({ min: 16, max: 8192, default: 480, description: 'frame height' });

function camera(what: string) {
  return variants(
    'kind',
    {
      v4l2: {
        device: str({ description: 'the V4L2 device (udev gives each camera a stable name)' }),
        format: oneOf(['mjpeg', 'yuyv422'], { default: 'mjpeg', description: 'capture format' }),
        size: optional(str({ description: "capture size, e.g. 1280x720 (default: the camera's)" })),
        fps: int({ min: 1, max: 120, default: 15, description: 'frames per second' }),
        width,
        height,
        rotate: mapped(
          int({
            min: 0,
            max: 270,
            default: 0,
            description: 'how the camera is mounted: 0, 90, 180 or 270',
            check: (v) =>
              (ROTATIONS as readonly number[]).includes(v) ? undefined : 'must be 0, 90, 180 or 270',
          }),
          (v) => v as (typeof ROTATIONS)[number],
        ),
      },
      still: {
        path: file({ description: 'an image file something keeps replacing: the emulators, a bench rig' }),
        width,
        height,
        fps: int({ min: 1, max: 120, default: 30, description: 'frames per second' }),
      },
    },
    { default: 'v4l2', description: `${what}; default from \`board\`` },
  );
}

const cardModule = variants(
  'type',
  {
    pn532: {
      path: str({ description: 'serial port of the PN532 (greeted at 115200, then switched)' }),
      baudRate: int({
        min: 9600,
        max: 1_288_000,
        default: 115200,
        description: 'line rate after the greeting',
      }),
    },
    ccid: {},
  },
  {
    default: 'pn532',
    description:
      'the IC-card module: a PN532 on a serial port, or the first known USB CCID reader; default from `board`',
  },
);

const wait = (description: string, dflt: number, min: number, max: number) =>
  int({ min, max, default: dflt, description });

/** The single-prompt challenges readerd once had: refused, each with what to set instead. */
const FIXED_CHALLENGES: readonly string[] = ['blink', 'turn-left', 'turn-right'];
/** Every plan has a turn or nod and a blink (PLAN_MINIMUMS): no fewer steps hold them. */
const MIN_STEPS = PLAN_MINIMUMS.minTurns + PLAN_MINIMUMS.minBlinks;

/** `field`, with a value it would refuse anyway refused by a message of its own that says what to do. */
function refusing<T, E>(field: Field<T, E>, why: (raw: unknown) => string | undefined): Field<T, E> {
  return {
    ...field,
    parse: (raw, path, cx) => {
      const problem = why(raw);
      if (!problem) return field.parse(raw, path, cx);
      cx.problems.push(`${path}: ${problem}`);
      return field.parse(undefined, path, { ...cx, problems: [] });
    },
  };
}

const session = object(
  {
    face: bool({ default: true, description: 'offer face verification' }),
    pin: bool({
      default: true,
      description:
        'offer the PIN; visual check only ever by a signed `SetMode(VISUAL_CHECK)` for the next session',
    }),
    // The face threshold holds FAR ≤ 0.1 % per session only up to the attempts it was
    // calibrated for: more would let an impostor try his luck past the security goal.
    faceAttempts: int({
      min: 1,
      max: FR_ONNX_CALIBRATED_ATTEMPTS,
      default: DEFAULT_FACE_VERIFY.attempts,
      description: `match attempts before PIN is offered (at most ${FR_ONNX_CALIBRATED_ATTEMPTS}: the face threshold is calibrated for FAR ≤ 0.1 % per session over that many)`,
    }),
    attemptTimeoutMs: wait('the time for one match attempt', 8000, 1000, 60_000),
    // `off` is not a reader's setting: a bench that wants the match alone runs the emulated
    // appliance's root with --match-only (sim/appliance/emulated-seams.ts).
    liveness: oneOf(['required'], {
      default: 'required',
      description: 'liveness is always checked (a bench wanting the match alone uses the emulated root)',
    }),
    challenge: refusing(
      oneOf(['random'], {
        default: 'random',
        description:
          'the liveness challenge: its steps and their moments drawn per attempt, each with a turn or nod and a blink',
      }),
      (v) =>
        typeof v === 'string' && FIXED_CHALLENGES.includes(v)
          ? `"${v}" was a single fixed prompt, which cannot ask for both a turn or nod and a blink: remove the setting (or set "random")`
          : undefined,
    ),
    challengeSteps: refusing(
      int({ min: MIN_STEPS, max: 6, default: 3, description: 'steps of the random challenge' }),
      (v) =>
        typeof v === 'number' && v >= 1 && v < MIN_STEPS
          ? `${v} step cannot hold both a turn or nod and a blink: set ${MIN_STEPS} or more (default 3)`
          : undefined,
    ),
    challengeTiming: object(
      {
        baselineMs: wait(
          'the random challenge: before the first prompt',
          DEFAULT_TIMING.baselineMs,
          200,
          5000,
        ),
        gapMinMs: wait('shortest random wait before a prompt', DEFAULT_TIMING.gapMs[0], 0, 10_000),
        gapMaxMs: wait('longest random wait before a prompt', DEFAULT_TIMING.gapMs[1], 0, 10_000),
        onsetMinMs: wait(
          'a response begins this long after its prompt at the earliest',
          DEFAULT_TIMING.onsetMs[0],
          0,
          2000,
        ),
        onsetMaxMs: wait(
          'a response begins this long after its prompt at the latest',
          DEFAULT_TIMING.onsetMs[1],
          200,
          10_000,
        ),
        holdMinMs: wait(
          'shortest hold of a turn before "look at the camera"',
          DEFAULT_TIMING.holdMs[0],
          200,
          10_000,
        ),
        holdMaxMs: wait('longest hold of a turn', DEFAULT_TIMING.holdMs[1], 200, 10_000),
      },
      {
        check: (t) =>
          t.gapMinMs > t.gapMaxMs || t.onsetMinMs >= t.onsetMaxMs || t.holdMinMs > t.holdMaxMs
            ? 'each minimum must be below its maximum'
            : undefined,
      },
    ),
    consents: listOf(CONSENT_KINDS, {
      description: 'the consent questions asked after identity is confirmed, in order',
    }),
    visualCheckOnBlockedPin: bool({
      default: true,
      description: 'with visual check enabled, a blocked PIN goes to staff',
    }),
    patientTimeoutMs: wait('how long a patient may take to answer a screen', 60_000, 1000, 600_000),
    awaitCardMs: wait('how long a started session waits for the card', 60_000, 1000, 600_000),
    visualCheckTimeoutMs: wait('how long staff may take for a visual check', 180_000, 1000, 3_600_000),
    doneScreenMs: wait('how long the result screen stays', 8000, 100, 600_000),
  },
  { check: (s) => (!s.face && !s.pin ? 'face and pin cannot both be disabled' : undefined) },
);

export const applianceSchema = object(
  {
    board: optional(
      str({
        description: `a board profile for the devices: ${Object.keys(BOARDS).join(', ')}`,
        check: (name) =>
          Object.hasOwn(BOARDS, name)
            ? undefined
            : `unknown board profile "${name}" (known: ${Object.keys(BOARDS).join(', ')})`,
      }),
      'none',
    ),
    cardModule,
    cameras: object({
      face: camera('the camera that looks at the patient'),
      cardFace: camera('the camera that looks down at the card tray'),
    }),
    session,
    kiosk: object({
      enabled: bool({ default: true, description: 'serve the kiosk page (127.0.0.1 only)' }),
      port: int({
        min: 0,
        max: 65535,
        default: 8080,
        description: "the kiosk page's port (0 = any free port)",
      }),
      // Spoken prompts (README "Voice guidance").
      staff: optional(
        object(
          {
            pinHash: str({
              description:
                'the staff PIN as `readerd --hash-staff-pin` prints it (a scrypt hash, never the PIN)',
              check: staffHashProblem,
            }),
            maxTries: int({
              min: 1,
              max: 20,
              default: 5,
              description: 'wrong staff PINs before the screen locks',
            }),
            lockoutMs: wait('how long the staff screen stays locked after them', 300_000, 1000, 86_400_000),
          },
          {
            description:
              'the staff screen at /staff: volume, default language, brightness, self-tests, identity, recent outcomes',
          },
        ),
        'none',
      ),
      voice: object({
        mute: bool({ default: false, description: 'no spoken prompts' }),
        volume: int({ min: 0, max: 100, default: 80, description: 'volume of the spoken prompts (aplay)' }),
        device: str({ default: 'default', description: 'the ALSA device aplay plays the prompts on' }),
      }),
    }),
    panel: optional(panelSchema, 'from `board`, else none'),
    debugShell: optional(
      object(
        {
          path: str({ description: "the serial debug shell's port" }),
          baudRate: int({ min: 1200, max: 4_000_000, default: 115200, description: "the shell's line rate" }),
        },
        { description: 'the serial debug shell (help, status, trace, selftest, log; apdu in maintenance)' },
      ),
      'none',
    ),
  },
  // The root object's own schema (config.ts) checks its keys, these included.
  { keysCheckedElsewhere: true },
);

export type ApplianceConfig = Infer<typeof applianceSchema>;
export type CameraSetting = ApplianceConfig['cameras']['face'];
export type CardModuleSetting = ApplianceConfig['cardModule'];
export type { PanelPins, PanelSetting };

/** The configured random challenge's timing, as the plan draws it. */
export function challengeTimingOf(t: ApplianceConfig['session']['challengeTiming']): ChallengeTiming {
  return {
    baselineMs: t.baselineMs,
    gapMs: [t.gapMinMs, t.gapMaxMs],
    onsetMs: [t.onsetMinMs, t.onsetMaxMs],
    holdMs: [t.holdMinMs, t.holdMaxMs],
  };
}
