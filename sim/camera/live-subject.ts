// The emulated patient's face in front of the face camera, made from one photo: the head sways a
// little, the eyes blink now and then, and when the kiosk asks ("blink", "turn left", "look at
// the camera") the person does it after a human delay. Every frame is a function of the time and
// of the prompts the person has seen, so a seeded subject replays exactly.
import type { RgbImage } from '../../device/image/decode.js';
import { seededRandom } from '../../protocol/seeded-random.js';
import { type Accessory, wear } from './accessories.js';
import { type FaceModel, faceModel, type Point, type Pose, renderFace } from './face-warp.js';

/** What the kiosk asks the person in front of the camera to do. */
export type PromptAction =
  | 'blink'
  | 'blink-twice'
  | 'turn-left'
  | 'turn-right'
  | 'look-up'
  | 'look-down'
  /** Look straight at the camera again. */
  | 'look'
  /** Guidance before an attempt: take off the mask, the sunglasses. */
  | 'remove-mask'
  | 'remove-sunglasses';

export interface Prompt {
  readonly action: PromptAction;
  /** When the prompt appeared on the kiosk, ms on the camera's clock. */
  readonly atMs: number;
}

export { seededRandom };

export interface SubjectOptions {
  readonly seed: number;
  readonly width?: number;
  readonly height?: number;
  /** Reaction time to a prompt, ms (default 300–700, drawn per prompt). */
  readonly reactionMs?: readonly [number, number];
  /** Head turn when asked, radians (default 0.40–0.50). */
  readonly turnRad?: readonly [number, number];
  /** Worn on arrival, taken off when the kiosk asks. */
  readonly wearing?: readonly Accessory[];
}

/** A presentation in front of the face camera: a live subject or an attack instrument. */
export interface Presentation {
  /** The person (or attacker) sees a prompt on the kiosk. */
  perceive(prompt: Prompt): void;
  /** The camera's picture at time t (ms), RGB. */
  frameAt(tMs: number): RgbImage;
}

interface Action {
  readonly kind: 'blink' | 'turn';
  readonly startMs: number;
  readonly durMs: number;
  /** Turn: target yaw and pitch (radians). */
  readonly yaw?: number;
  readonly pitch?: number;
}

/** Smooth noise: a few sines of random frequency and phase, amplitude ~1. */
function sway(rnd: () => number): (t: number) => number {
  const parts = Array.from({ length: 3 }, () => ({
    f: 0.15 + rnd() * 0.6,
    p: rnd() * Math.PI * 2,
    a: 0.4 + rnd() * 0.6,
  }));
  const norm = parts.reduce((s, q) => s + q.a, 0);
  return (t) => parts.reduce((s, q) => s + q.a * Math.sin((2 * Math.PI * q.f * t) / 1000 + q.p), 0) / norm;
}

const smoothstep = (x: number): number => (x <= 0 ? 0 : x >= 1 ? 1 : x * x * (3 - 2 * x));

/** Eyelid closure during a blink that starts at 0: closes fast, holds, opens slower. */
export function blinkClosure(dt: number, durMs: number): number {
  if (dt < 0 || dt > durMs) return 0;
  const close = durMs * 0.3;
  const hold = durMs * 0.25;
  if (dt < close) return smoothstep(dt / close);
  if (dt < close + hold) return 1;
  return 1 - smoothstep((dt - close - hold) / (durMs - close - hold));
}

/** The person behind a presentation: when they blink and turn, from a seed and the prompts. */
export class Behaviour {
  private readonly rnd: () => number;
  private readonly actions: Action[] = [];
  readonly motion: { x: (t: number) => number; y: (t: number) => number; roll: (t: number) => number };
  readonly jitter: { yaw: (t: number) => number; pitch: (t: number) => number };
  private nextBlinkFrom = 0;

  constructor(
    seed: number,
    private readonly o: SubjectOptions = { seed },
  ) {
    this.rnd = seededRandom(seed);
    this.motion = { x: sway(this.rnd), y: sway(this.rnd), roll: sway(this.rnd) };
    this.jitter = { yaw: sway(this.rnd), pitch: sway(this.rnd) };
    this.nextBlinkFrom = 800 + this.rnd() * 2500;
  }

  private reaction(): number {
    const [lo, hi] = this.o.reactionMs ?? [300, 700];
    return lo + this.rnd() * (hi - lo);
  }

  /** When each accessory comes off (ms), once asked. */
  readonly removedAt = new Map<Accessory, number>();

  perceive(p: Prompt): void {
    const at = p.atMs + this.reaction();
    if (p.action === 'remove-mask' || p.action === 'remove-sunglasses') {
      const what = p.action === 'remove-mask' ? 'mask' : 'sunglasses';
      // Taking a mask off takes a moment more than a reaction.
      if (!this.removedAt.has(what)) this.removedAt.set(what, at + 800 + this.rnd() * 700);
      return;
    }
    if (p.action === 'blink' || p.action === 'blink-twice') {
      const dur = 320 + this.rnd() * 120;
      this.actions.push({ kind: 'blink', startMs: at, durMs: dur });
      if (p.action === 'blink-twice')
        this.actions.push({ kind: 'blink', startMs: at + dur + 150 + this.rnd() * 150, durMs: dur });
      // Nobody blinks again straight after a deliberate blink.
      this.nextBlinkFrom = Math.max(this.nextBlinkFrom, at + 2500);
      return;
    }
    const [lo, hi] = this.o.turnRad ?? [0.4, 0.5];
    const amount = lo + this.rnd() * (hi - lo);
    const target = {
      look: [0, 0],
      'turn-left': [-amount, 0],
      'turn-right': [amount, 0],
      // People nod less far than they turn.
      'look-up': [0, -0.8 * amount],
      'look-down': [0, amount],
    }[p.action];
    this.actions.push({
      kind: 'turn',
      startMs: at,
      durMs: 350 + this.rnd() * 200,
      yaw: target[0],
      pitch: target[1],
    });
  }

  /** Spontaneous blinks every 2–6 s, drawn lazily in time order. */
  private spontaneous(t: number): void {
    while (this.nextBlinkFrom <= t) {
      const dur = 180 + this.rnd() * 120;
      this.actions.push({ kind: 'blink', startMs: this.nextBlinkFrom, durMs: dur });
      this.nextBlinkFrom += 2000 + this.rnd() * 4000;
    }
  }

  /** Eye closure (0–1) and the head's yaw and pitch from prompted turns, at t. */
  stateAt(t: number): { closed: number; yaw: number; pitch: number } {
    this.spontaneous(t);
    let closed = 0;
    let yaw = 0;
    let pitch = 0;
    for (const a of [...this.actions].sort((x, y) => x.startMs - y.startMs)) {
      if (a.kind === 'blink') closed = Math.max(closed, blinkClosure(t - a.startMs, a.durMs));
      else if (t >= a.startMs) {
        // From wherever the head is when the move begins.
        const k = smoothstep((t - a.startMs) / a.durMs);
        yaw += (a.yaw! - yaw) * k;
        pitch += (a.pitch! - pitch) * k;
      }
    }
    return { closed, yaw, pitch };
  }
}

/** Where the photo's face goes in the frame: centred, eyes ~19 % of the frame's width apart. */
export function framing(
  m: FaceModel,
  width: number,
  height: number,
): { cx: number; cy: number; scale: number } {
  return { cx: width / 2, cy: height * 0.47, scale: (0.19 * width) / m.eyeDistance };
}

export class LiveSubject implements Presentation {
  readonly width: number;
  readonly height: number;
  private readonly model: FaceModel;
  readonly behaviour: Behaviour;

  private readonly wearing: readonly Accessory[];

  constructor(
    private readonly photo: RgbImage,
    private readonly landmarks: readonly Point[],
    o: SubjectOptions,
  ) {
    this.wearing = o.wearing ?? [];
    this.width = o.width ?? 640;
    this.height = o.height ?? 480;
    this.model = faceModel(landmarks);
    this.behaviour = new Behaviour(o.seed, o);
  }

  perceive(p: Prompt): void {
    this.behaviour.perceive(p);
  }

  poseAt(t: number): Pose {
    const b = this.behaviour;
    const { closed, yaw, pitch } = b.stateAt(t);
    const f = framing(this.model, this.width, this.height);
    return {
      cx: f.cx + 0.012 * this.width * b.motion.x(t),
      cy: f.cy + 0.012 * this.height * b.motion.y(t),
      scale: f.scale,
      roll: 0.025 * b.motion.roll(t),
      yaw: yaw + 0.05 * b.jitter.yaw(t),
      pitch: pitch + 0.04 * b.jitter.pitch(t),
      eyes: [closed, closed],
    };
  }

  frameAt(t: number): RgbImage {
    const pose = this.poseAt(t);
    const img = renderFace(this.photo, this.model, pose, this.width, this.height);
    for (const a of this.wearing) {
      const off = this.behaviour.removedAt.get(a);
      if (off === undefined || t < off) wear(img, this.model, this.landmarks, pose, a);
    }
    return img;
  }
}
