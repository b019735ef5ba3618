// The emulated appliance's face camera, inside the emulated readerd: what stands in front of it
// is described by a small scene file the rig writes (a person made from a fixture photo, an
// attack instrument made from it, a mask worn, nobody, or a camera that has died), rendered by
// the emulated face camera through the appliance's ffmpeg decode. The person sees what the
// kiosk asks (the challenge board) as a patient sees the screen. The scene file is the only
// channel from the rig's process: the camera reads it before each frame.
import { appendFileSync, readFileSync, statSync } from 'node:fs';
import type { Frame } from '../../device/camera/frame-source.js';
import { decodeImage, type RgbImage } from '../../device/image/decode.js';
import type { DeviceState } from '../../firmware-host/device-keeper.js';
import type { ChallengeBoard } from '../../firmware-host/vision/liveness-board.js';
import { drawPlan } from '../../firmware-host/vision/liveness-challenge.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import type { Accessory } from '../camera/accessories.js';
import { type AttackType, attackInstrument } from '../camera/attacks.js';
import { EmulatedFaceCamera } from '../camera/emulated-face-camera.js';
import type { Point } from '../camera/face-warp.js';
import { LiveSubject, type Presentation, type Prompt, seededRandom } from '../camera/live-subject.js';
import { photoLandmarks } from './photo-landmarks.js';

export interface FaceScene {
  /** The photo the person (or the instrument) is made from; none: an empty counter. */
  readonly photo?: string;
  /** `live` (default): the person; else the attack instrument made from the photo. */
  readonly as?: 'live' | AttackType;
  readonly seed?: number;
  readonly wearing?: readonly Accessory[];
  /** `dead`: the camera sends nothing. */
  readonly camera?: 'dead';
  /**
   * The photo's 68 landmarks, found by whoever wrote the scene (the rig, in its own process):
   * without them the camera finds them itself, loading face-api into this process.
   */
  readonly landmarks?: readonly Point[];
}

export interface SceneCameraOptions {
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  /** The camera on the wall clock (emulated-face-camera.ts `realtime`). */
  readonly realtime?: boolean;
}

/** FNV-1a over a string: a seed from a presentation's description. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * The seed of a presentation from what it is (the photo's file name, live or which attack, what
 * is worn), not from how many came before it: a test's patient meets the same person and the
 * same challenges whichever tests ran before it in the same rig.
 */
export function presentationSeed(photo: string, how: Pick<FaceScene, 'as' | 'wearing'> = {}): number {
  const name = photo.split('/').pop();
  return hash32(`${name}|${how.as ?? 'live'}|${(how.wearing ?? []).join('+')}`);
}

/**
 * A seeded test's challenge randomness for one presentation (a session's patient): a stream of
 * its own from the rig's seed and the scene, so a session's challenges do not depend on the
 * sessions before it in the same readerd.
 */
export function challengeRandomFor(challengeSeed: number, scene: FaceScene): () => number {
  const what = scene.photo ? `${presentationSeed(scene.photo, scene)}|${scene.seed ?? ''}` : 'nobody';
  return seededRandom(hash32(`${challengeSeed}|${what}`));
}

/** One prompt the live subject answered, as `<scene file>.subject.jsonl` records it (camera ms). */
export interface SubjectAnswer {
  readonly action: string;
  readonly promptMs: number;
  /** From seeing the prompt to starting to move, and the motion itself (the human floor). */
  readonly reactionMs: number;
  readonly motionMs: number;
}

/** The counter with nobody at it. */
class EmptyCounter implements Presentation {
  constructor(private readonly img: RgbImage) {}
  perceive(): void {}
  frameAt(): RgbImage {
    return this.img;
  }
}

/** A presentation that begins at camera time t0: its own clock starts at 0 there. */
class Shifted implements Presentation {
  constructor(
    readonly inner: Presentation,
    private readonly t0: number,
  ) {}
  perceive(p: Prompt): void {
    this.inner.perceive({ ...p, atMs: p.atMs - this.t0 });
  }
  frameAt(t: number): RgbImage {
    return this.inner.frameAt(t - this.t0);
  }
}

/** Prompts a genuine session would have heard, for a replay when none was recorded here. */
function someSession(seed: number): Prompt[] {
  const plan = drawPlan(seededRandom(seed ^ 0x5eed));
  return plan.steps.flatMap((s) => [
    { action: s.action, atMs: s.promptMs },
    ...(s.backMs === undefined ? [] : [{ action: 'look' as const, atMs: s.backMs }]),
  ]);
}

export class SceneFaceCamera {
  private readonly cam: EmulatedFaceCamera;
  private stamp = '';
  private scene: FaceScene = {};
  private shown?: Shifted;
  /** Prompts the live subject made from each photo heard (what a recording of it answers). */
  private readonly heard = new Map<string, Prompt[]>();
  private readonly landmarks = new Map<string, { photo: RgbImage; landmarks: readonly Point[] }>();
  private readonly unwatch: () => void;

  constructor(
    private readonly sceneFile: string,
    private readonly o: SceneCameraOptions,
    board: ChallengeBoard,
  ) {
    const grey = new Uint8Array(o.width * o.height * 3).fill(110);
    // Never ahead of the wall clock: the renderer shares readerd's event loop with the card
    // link, and a camera faster than real time is no camera.
    this.cam = new EmulatedFaceCamera(new EmptyCounter({ width: o.width, height: o.height, data: grey }), {
      ...o,
      notAhead: true,
    });
    this.unwatch = board.watch((n) => {
      if (!n) return;
      const prompt: Prompt =
        n.kind === 'prompt'
          ? { action: n.action, atMs: n.atMs }
          : { action: n.occlusion === 'mask' ? 'remove-mask' : 'remove-sunglasses', atMs: 0 };
      const seen = this.cam.prompt(prompt);
      if (this.scene.photo && (this.scene.as ?? 'live') === 'live' && this.shown) {
        this.heard.get(this.scene.photo)?.push({ ...seen, atMs: seen.atMs - this.t0 });
        this.recordAnswer(seen);
      }
    });
  }

  private t0 = 0;

  /**
   * The live subject's answer to a prompt it just saw (the newest action it drew), appended to
   * `<scene file>.subject.jsonl` for a bench's human floor: timings only, no picture.
   */
  private recordAnswer(seen: Prompt): void {
    const inner = this.shown?.inner;
    if (!(inner instanceof LiveSubject) || seen.action.startsWith('remove-')) return;
    // Behaviour keeps its drawn actions private; the newest ones answer this prompt.
    const actions = (inner.behaviour as unknown as { actions: { startMs: number; durMs: number }[] }).actions;
    const mine = actions.filter((a) => a.startMs >= seen.atMs - this.t0);
    if (!mine.length) return;
    const start = Math.min(...mine.map((a) => a.startMs));
    const end = Math.max(...mine.map((a) => a.startMs + a.durMs));
    const answer: SubjectAnswer = {
      action: seen.action,
      promptMs: seen.atMs - this.t0,
      reactionMs: start - (seen.atMs - this.t0),
      motionMs: end - start,
    };
    try {
      appendFileSync(`${this.sceneFile}.subject.jsonl`, `${JSON.stringify(answer)}\n`);
    } catch {
      // A bench's figure only: the camera goes on without it.
    }
  }

  /** Bumped each time the scene file changes: a new presentation (a new patient, or the same again). */
  presentation = 0;

  /** What stands in front of the camera now (the scene file as last read). */
  get current(): FaceScene {
    return this.scene;
  }

  /**
   * The photo decoded, and its landmarks: the scene's, else found here (photo-landmarks.ts: face-api
   * loaded into this process the first time, its first inference holding the event loop for seconds).
   */
  private async photo(
    path: string,
    given?: readonly Point[],
  ): Promise<{ photo: RgbImage; landmarks: readonly Point[] }> {
    const have = this.landmarks.get(path);
    if (have && !given) return have;
    const photo = have?.photo ?? (await decodeImage(new Uint8Array(readFileSync(path))));
    const got = { photo, landmarks: given ?? (await photoLandmarks(path, photo)) };
    this.landmarks.set(path, got);
    return got;
  }

  /** Reads the scene file when it has changed, and puts its presentation in front of the camera. */
  private async look(): Promise<void> {
    let stamp = '';
    try {
      const st = statSync(this.sceneFile);
      stamp = `${st.mtimeMs}:${st.size}:${st.ino}`;
    } catch {
      stamp = 'none';
    }
    if (stamp === this.stamp) return;
    this.stamp = stamp;
    let scene: FaceScene = {};
    try {
      scene = JSON.parse(readFileSync(this.sceneFile, 'utf8')) as FaceScene;
    } catch {
      scene = {};
    }
    this.scene = scene;
    this.presentation++;
    this.t0 = this.cam.presentMs;
    if (!scene.photo) {
      this.shown = undefined;
      const grey = new Uint8Array(this.o.width * this.o.height * 3).fill(110);
      this.cam.show(new EmptyCounter({ width: this.o.width, height: this.o.height, data: grey }));
      return;
    }
    const { photo, landmarks } = await this.photo(scene.photo, scene.landmarks);
    const seed = scene.seed ?? 1;
    const size = { width: this.o.width, height: this.o.height };
    const as = scene.as ?? 'live';
    let p: Presentation;
    if (as === 'live') {
      this.heard.set(scene.photo, []);
      p = new LiveSubject(photo, landmarks, { seed, ...size, wearing: scene.wearing });
    } else {
      const recorded = this.heard.get(scene.photo);
      p = attackInstrument(as, photo, landmarks, {
        seed,
        ...size,
        recorded: recorded?.length ? recorded : someSession(seed),
      });
    }
    this.shown = new Shifted(p, this.t0);
    this.cam.show(this.shown);
  }

  /** As /healthz shows the camera: the emulator's, dead when its scene says so. */
  status(): DeviceState {
    // The scene file as it is now, not as the last frame saw it: a camera dead at boot is
    // missing before anyone asks it for a frame.
    let scene = this.scene;
    try {
      scene = JSON.parse(readFileSync(this.sceneFile, 'utf8')) as FaceScene;
    } catch {
      // Being replaced this instant: the last one read.
    }
    return scene.camera === 'dead'
      ? { state: 'missing', where: this.sceneFile, detail: 'the emulated face camera is dead' }
      : { state: 'ok', where: this.sceneFile };
  }

  async nextFrame(timeoutMs: number): Promise<Frame> {
    await this.look();
    if (this.scene.camera === 'dead') {
      await new Promise((r) => setTimeout(r, timeoutMs));
      throw new ReaderError(ErrorCode.Camera_Failed, `no frame within ${timeoutMs} ms`);
    }
    return this.cam.nextFrame(timeoutMs);
  }

  async close(): Promise<void> {
    this.unwatch();
    await this.cam.close();
  }
}
