// Presentation attacks for the emulated face camera, each an ISO/IEC 30107 attack type made
// from the same fixture photo as the live subject:
// - print-still: the photo printed and held still in front of the camera;
// - print-moved: the print moved, tilted and bent by a hand, tilted toward whatever the kiosk
//   asks (rigid and near-rigid motion: a cylinder bend turns like a shallow head);
// - screen-replay: a video of the live subject played on a phone held to the camera (pixel
//   grid, moiré, refresh banding, glare, the screen's border);
// - session-replay: a recording of an earlier genuine session injected as the camera's picture
//   (it answers the challenge it was recorded with, at the times it was recorded);
// - paper-mask: the printed face worn as a mask with the eyes cut out: a flat face that turns as
//   a plane, with the wearer's real eyes blinking behind it.
// The print's geometry, seen through a pinhole camera at 25–40 cm (print-sheet.ts):
// - print-folded: the print folded along the nose (a V, the crease toward the camera), turned
//   and tilted toward the prompt: the cheeks and eyes lie deeper than the nose;
// - print-bent-across: the print bent about a horizontal axis, nodded and turned toward the
//   prompt: the brow and chin lie deeper than the middle of the face;
// - print-perspective: the flat print turned and tilted hard toward the prompt, close to the
//   camera: its near side larger than its far side.
import type { RgbImage } from '../../device/image/decode.js';
import {
  type FaceModel,
  faceFrontDepth,
  faceModel,
  type Point,
  project,
  renderFace,
  type Surface,
} from './face-warp.js';
import {
  Behaviour,
  framing,
  LiveSubject,
  type Presentation,
  type Prompt,
  seededRandom,
} from './live-subject.js';
import {
  bentAcrossSheet,
  flatSheet,
  foldedSheet,
  renderSheet,
  type SheetShape,
  webcam,
} from './print-sheet.js';

/** The instruments the appliance's own tests present through readerd (test/appliance/liveness.test.ts). */
export const ATTACK_TYPES = [
  'print-still',
  'print-moved',
  'screen-replay',
  'session-replay',
  'paper-mask',
] as const;
/** The print's geometry under perspective (print-sheet.ts): measured by liveness-eval, tested in test/vision. */
export const PRINT_GEOMETRY_ATTACKS = ['print-folded', 'print-bent-across', 'print-perspective'] as const;
/** Every attack type liveness-eval measures. */
export const ALL_ATTACK_TYPES = [...ATTACK_TYPES, ...PRINT_GEOMETRY_ATTACKS] as const;
export type AttackType = (typeof ALL_ATTACK_TYPES)[number];

export interface AttackOptions {
  readonly seed: number;
  readonly width: number;
  readonly height: number;
  /** session-replay and screen-replay: the genuine session that was recorded (its prompts). */
  readonly recorded?: readonly Prompt[];
}

const ROOM: [number, number, number] = [118, 114, 108];

/** A printed photo: paper white around it, colours a little flatter than the screen's. */
function printOf(photo: RgbImage): RgbImage {
  const data = new Uint8Array(photo.data.length);
  for (let i = 0; i < data.length; i += 3) {
    const r = photo.data[i]!;
    const g = photo.data[i + 1]!;
    const b = photo.data[i + 2]!;
    const y = 0.299 * r + 0.587 * g + 0.114 * b;
    // Ink on paper: less saturation, lifted blacks, a warm cast.
    data[i] = 18 + 0.86 * (y + 0.8 * (r - y));
    data[i + 1] = 16 + 0.86 * (y + 0.8 * (g - y));
    data[i + 2] = 12 + 0.84 * (y + 0.8 * (b - y));
  }
  return { width: photo.width, height: photo.height, data };
}

/** A sheet of paper bent about a vertical axis (radius in photo px; Infinity = flat). */
function sheet(m: FaceModel, radius: number): Surface {
  return {
    depth: Number.isFinite(radius) ? (x) => -((x - m.centre[0]) ** 2) / (2 * radius) : () => 0,
    everywhere: true,
    paper: { margin: 0.08 * m.a * 4, room: ROOM },
  };
}

/** The printed photo held still (on a stand, or by a steady hand). */
export class PrintStill implements Presentation {
  private readonly print: RgbImage;
  private readonly m: FaceModel;

  constructor(
    photo: RgbImage,
    landmarks: readonly Point[],
    private readonly o: AttackOptions,
  ) {
    this.print = printOf(photo);
    this.m = faceModel(landmarks);
  }

  perceive(): void {}

  frameAt(): RgbImage {
    const f = framing(this.m, this.o.width, this.o.height);
    return renderFace(
      this.print,
      this.m,
      { ...f, roll: 0.01, yaw: 0, pitch: 0, eyes: [0, 0] },
      this.o.width,
      this.o.height,
      sheet(this.m, Number.POSITIVE_INFINITY),
    );
  }
}

/**
 * The print in a hand: it sways, and when the kiosk asks for a turn the attacker turns and
 * tilts the (bent) print that way and back.
 */
export class PrintMoved implements Presentation {
  private readonly print: RgbImage;
  private readonly m: FaceModel;
  private readonly hand: Behaviour;
  private readonly surface: Surface;
  private readonly wobble: number;

  constructor(
    photo: RgbImage,
    landmarks: readonly Point[],
    private readonly o: AttackOptions,
  ) {
    this.print = printOf(photo);
    this.m = faceModel(landmarks);
    this.hand = new Behaviour(o.seed, { seed: o.seed, turnRad: [0.45, 0.6] });
    const rnd = seededRandom(o.seed ^ 0x5bd1e995);
    // From a gentle curve to a strong one (radius 1.2–3 half-faces).
    this.surface = sheet(this.m, this.m.a * (1.2 + rnd() * 1.8));
    this.wobble = 0.5 + rnd();
  }

  perceive(p: Prompt): void {
    // A print cannot blink: the attacker gives it a shake instead.
    if (p.action === 'blink' || p.action === 'blink-twice')
      this.hand.perceive({ ...p, action: 'turn-right' });
    else this.hand.perceive(p);
    if (p.action === 'blink' || p.action === 'blink-twice')
      this.hand.perceive({ ...p, atMs: p.atMs + 500, action: 'look' });
  }

  frameAt(t: number): RgbImage {
    const f = framing(this.m, this.o.width, this.o.height);
    const s = this.hand.stateAt(t);
    const mo = this.hand.motion;
    return renderFace(
      this.print,
      this.m,
      {
        cx: f.cx + 0.04 * this.o.width * mo.x(t) * this.wobble,
        cy: f.cy + 0.03 * this.o.height * mo.y(t) * this.wobble,
        scale: f.scale * (1 + 0.04 * mo.x(t * 0.7)),
        roll: 0.08 * mo.roll(t) * this.wobble,
        yaw: s.yaw + 0.1 * this.hand.jitter.yaw(t),
        pitch: s.pitch + 0.08 * this.hand.jitter.pitch(t),
        eyes: [0, 0],
      },
      this.o.width,
      this.o.height,
      this.surface,
    );
  }
}

/** A recording of the live subject: the prompts it answered are the recorded session's. */
function recording(
  photo: RgbImage,
  landmarks: readonly Point[],
  o: AttackOptions,
  seed: number,
): LiveSubject {
  const s = new LiveSubject(photo, landmarks, { seed, width: o.width, height: o.height });
  for (const p of o.recorded ?? []) s.perceive(p);
  return s;
}

/** The recorded genuine session as the camera's picture: what a virtual-camera injection gives. */
export class SessionReplay implements Presentation {
  private readonly video: LiveSubject;

  constructor(photo: RgbImage, landmarks: readonly Point[], o: AttackOptions) {
    this.video = recording(photo, landmarks, o, o.seed);
  }

  perceive(): void {}

  frameAt(t: number): RgbImage {
    return this.video.frameAt(t);
  }
}

/** The live subject's video on a phone held to the camera. */
export class ScreenReplay implements Presentation {
  private readonly video: LiveSubject;
  private readonly hand: Behaviour;
  private readonly look: { w: number; glareX: number; glareY: number; beat: number; refresh: number };

  constructor(
    photo: RgbImage,
    landmarks: readonly Point[],
    private readonly o: AttackOptions,
  ) {
    this.video = recording(photo, landmarks, o, o.seed + 1);
    this.hand = new Behaviour(o.seed + 2, { seed: o.seed + 2 });
    const rnd = seededRandom(o.seed ^ 0x27d4eb2f);
    this.look = {
      w: 0.82 + rnd() * 0.15,
      glareX: 0.2 + rnd() * 0.6,
      glareY: 0.15 + rnd() * 0.5,
      beat: 0.9 + rnd() * 0.5,
      refresh: 1.5 + rnd() * 3,
    };
  }

  perceive(): void {}

  frameAt(t: number): RgbImage {
    const { width: W, height: H } = this.o;
    const src = this.video.frameAt(t);
    const out = new Uint8Array(W * H * 3);
    const mo = this.hand.motion;
    // The screen (4:3 video, landscape phone) fills most of the frame, its bezel around it.
    const sw = W * this.look.w;
    const sh = (sw * 3) / 4;
    const cx = W / 2 + 0.02 * W * mo.x(t);
    const cy = H / 2 + 0.02 * H * mo.y(t);
    const roll = 0.03 * mo.roll(t);
    const cr = Math.cos(roll);
    const sr = Math.sin(roll);
    const bezel = 0.05 * sw;
    const band = ((t / 1000) * this.look.refresh) % 1;
    for (let Y = 0; Y < H; Y++)
      for (let X = 0; X < W; X++) {
        const dx = X - cx;
        const dy = Y - cy;
        const u = dx * cr + dy * sr;
        const v = -dx * sr + dy * cr;
        const o = (Y * W + X) * 3;
        if (Math.abs(u) > sw / 2 + bezel || Math.abs(v) > sh / 2 + bezel) {
          out[o] = ROOM[0];
          out[o + 1] = ROOM[1];
          out[o + 2] = ROOM[2];
          continue;
        }
        if (Math.abs(u) > sw / 2 || Math.abs(v) > sh / 2) {
          out[o] = out[o + 1] = out[o + 2] = 14;
          continue;
        }
        const sx = ((u + sw / 2) / sw) * src.width;
        const sy = ((v + sh / 2) / sh) * src.height;
        const i = (Math.min(src.height - 1, sy | 0) * src.width + Math.min(src.width - 1, sx | 0)) * 3;
        // Pixel grid: each screen pixel's three subpixel stripes, seen a little larger than
        // the camera's pixels; their beat with the sensor grid is the moiré.
        const phase = (u / (sw / src.width)) * this.look.beat;
        const sub = phase - Math.floor(phase);
        const gridY = Math.abs(Math.sin((Math.PI * v) / (sh / src.height)));
        const moire = 0.88 + 0.12 * Math.cos(2 * Math.PI * (0.013 * u + 0.011 * v) * this.look.beat);
        const bandY = (v + sh / 2) / sh;
        const refresh = Math.abs(bandY - band) < 0.08 ? 0.86 : 1;
        const gx = (u / sw - (this.look.glareX - 0.5)) * 3;
        const gy = (v / sh - (this.look.glareY - 0.5)) * 3;
        const glare = 110 * Math.exp(-(gx * gx + gy * gy));
        for (let c = 0; c < 3; c++) {
          const stripe = Math.abs(sub - (c + 0.5) / 3) < 1 / 6 ? 1.15 : 0.8;
          const k = stripe * (0.85 + 0.15 * gridY) * moire * refresh;
          out[o + c] = Math.min(255, src.data[i + c]! * 0.92 * k + 10 + glare);
        }
      }
    return { width: W, height: H, data: out };
  }
}

/**
 * The printed face worn as a mask with the eyes cut out: the wearer reacts to the kiosk like a
 * patient (blinks, turns), but the face turns as a flat sheet; only the eyes are real.
 */
export class PaperMask implements Presentation {
  private readonly print: RgbImage;
  private readonly m: FaceModel;
  private readonly wearer: LiveSubject;

  constructor(
    private readonly photo: RgbImage,
    landmarks: readonly Point[],
    private readonly o: AttackOptions,
  ) {
    this.print = printOf(photo);
    this.m = faceModel(landmarks);
    this.wearer = new LiveSubject(photo, landmarks, { seed: o.seed, width: o.width, height: o.height });
  }

  perceive(p: Prompt): void {
    this.wearer.perceive(p);
  }

  frameAt(t: number): RgbImage {
    const pose = this.wearer.poseAt(t);
    const eyes = renderFace(this.photo, this.m, pose, this.o.width, this.o.height);
    // The mask is a sheet at the face's front: it turns as a plane, the eyes show through holes
    // where the head puts them.
    const mask = renderFace(this.print, this.m, pose, this.o.width, this.o.height, {
      depth: () => faceFrontDepth(this.m),
      everywhere: true,
      paper: { margin: 0.3 * this.m.a, room: ROOM },
    });
    const W = this.o.width;
    for (const e of this.m.eyes) {
      const [cx, cy] = project(this.m, pose, e.c[0], e.c[1]);
      const rx = pose.scale * e.hw * 1.25;
      const ry = pose.scale * (e.top + e.bottom) * 0.9;
      for (
        let y = Math.max(0, Math.floor(cy - ry));
        y <= Math.min(this.o.height - 1, Math.ceil(cy + ry));
        y++
      )
        for (let x = Math.max(0, Math.floor(cx - rx)); x <= Math.min(W - 1, Math.ceil(cx + rx)); x++) {
          if (((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 > 1) continue;
          const o = (y * W + x) * 3;
          mask.data[o] = eyes.data[o]!;
          mask.data[o + 1] = eyes.data[o + 1]!;
          mask.data[o + 2] = eyes.data[o + 2]!;
        }
    }
    return mask;
  }
}

type SheetKind = 'folded' | 'bent-across' | 'flat';

/**
 * The print held in a hand at 25–40 cm from the camera, seen by perspective: folded along the
 * nose, bent about a horizontal axis, or flat; the attacker turns, tilts or nods it toward what
 * the kiosk asks (a shake for a blink) and back, as print-moved's hand does.
 */
export class PrintInSpace implements Presentation {
  private readonly print: RgbImage;
  private readonly m: FaceModel;
  private readonly hand: Behaviour;
  private readonly shape: SheetShape;
  private readonly distanceCm: number;
  private readonly cmPerPx: number;
  private readonly wobble: number;
  private readonly tilt: number;

  constructor(
    photo: RgbImage,
    landmarks: readonly Point[],
    private readonly o: AttackOptions,
    kind: SheetKind,
  ) {
    this.print = printOf(photo);
    this.m = faceModel(landmarks);
    const rnd = seededRandom(o.seed ^ 0x1b873593);
    // Flat, the attacker turns it harder: only then does the near side grow noticeably.
    const turnRad: [number, number] = kind === 'flat' ? [0.5, 0.8] : [0.45, 0.6];
    this.hand = new Behaviour(o.seed, { seed: o.seed, turnRad });
    this.distanceCm = 25 + rnd() * 15;
    // Printed at the size that fills the kiosk's face outline at that distance.
    const cam = webcam(o.width, o.height);
    this.cmPerPx = (framing(this.m, o.width, o.height).scale * this.distanceCm) / cam.focalPx;
    const a = this.m.a;
    if (kind === 'folded') {
      // Each half 17–34° back from the crease.
      this.shape = foldedSheet(this.m, this.cmPerPx, 0.3 + rnd() * 0.3);
    } else if (kind === 'bent-across') {
      // The bend's axis between the eyes and the mouth, from a gentle curve to a strong one.
      const axis = (rnd() - 0.3) * 0.6 * a;
      this.shape = bentAcrossSheet(this.cmPerPx, axis, a * (1.2 + rnd() * 1.8));
    } else this.shape = flatSheet(this.cmPerPx);
    this.wobble = 0.5 + rnd();
    // The attacker's own lean of the sheet, constant (a print is seldom held square on).
    this.tilt = (rnd() - 0.5) * 0.2;
  }

  perceive(p: Prompt): void {
    if (p.action === 'blink' || p.action === 'blink-twice') {
      this.hand.perceive({ ...p, action: 'turn-right' });
      this.hand.perceive({ ...p, atMs: p.atMs + 500, action: 'look' });
    } else this.hand.perceive(p);
  }

  frameAt(t: number): RgbImage {
    const { width: W, height: H } = this.o;
    const f = framing(this.m, W, H);
    const s = this.hand.stateAt(t);
    const mo = this.hand.motion;
    return renderSheet(
      this.print,
      this.m,
      this.shape,
      {
        cx: f.cx + 0.04 * W * mo.x(t) * this.wobble,
        cy: f.cy + 0.03 * H * mo.y(t) * this.wobble,
        distanceCm: this.distanceCm * (1 + 0.04 * mo.x(t * 0.7)),
        roll: 0.08 * mo.roll(t) * this.wobble,
        yaw: s.yaw + 0.1 * this.hand.jitter.yaw(t),
        pitch: s.pitch + this.tilt + 0.08 * this.hand.jitter.pitch(t),
      },
      webcam(W, H),
      { cmPerPx: this.cmPerPx, margin: 0.08 * this.m.a * 4, room: ROOM },
    );
  }
}

export function attackInstrument(
  type: AttackType,
  photo: RgbImage,
  landmarks: readonly Point[],
  o: AttackOptions,
): Presentation {
  switch (type) {
    case 'print-still':
      return new PrintStill(photo, landmarks, o);
    case 'print-moved':
      return new PrintMoved(photo, landmarks, o);
    case 'screen-replay':
      return new ScreenReplay(photo, landmarks, o);
    case 'session-replay':
      return new SessionReplay(photo, landmarks, o);
    case 'paper-mask':
      return new PaperMask(photo, landmarks, o);
    case 'print-folded':
      return new PrintInSpace(photo, landmarks, o, 'folded');
    case 'print-bent-across':
      return new PrintInSpace(photo, landmarks, o, 'bent-across');
    case 'print-perspective':
      return new PrintInSpace(photo, landmarks, o, 'flat');
  }
}
