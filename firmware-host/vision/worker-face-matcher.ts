// The face models in a worker thread, behind the same FaceMatcher seam: detection, alignment
// and embedding (~100–300 ms of wasm per frame) no longer block the event loop that serves the
// card module's ACK timeouts, MQTT and the kiosk. Comparing two descriptors is a few hundred
// multiply-adds and stays on the calling thread, done by an unloaded instance of the same
// matcher class, so the scores are the ones the worker's matcher would give. The random
// challenge's eye-state model runs in the same worker (eyeState()): one onnxruntime-web
// instance and one wasm heap for every face model instead of a second runtime on this thread.
import type { RgbImage } from '../../device/image/decode.js';
import { untilAborted } from '../../platform/abortable.js';
import type { FaceBox, FaceFound, FaceMatcher, LocatedFace } from './face-matcher.js';
import type { FaceRequest, FaceWorkerData } from './face-worker-protocol.js';
import type { EyeState } from './liveness-models.js';
import { createMatcher, type MatcherId, type MatcherOptions } from './matchers.js';
import type { ThreadMemory } from './thread-memory.js';
import { WorkerRpc, workerHost } from './worker-rpc.js';

export interface WorkerMatcherOptions extends MatcherOptions {
  /** Time for loading the models in the worker, ms. */
  readonly loadTimeoutMs?: number;
  /** Time for one detect (queued behind earlier ones), ms. */
  readonly detectTimeoutMs?: number;
  /** Load the eye-state model too (the random challenge's blinks), for eyeState(). */
  readonly eyes?: boolean;
}

export class WorkerFaceMatcher implements FaceMatcher {
  readonly name: string;
  readonly modelId?: string;
  readonly version?: string;
  readonly threshold: number;
  private readonly local: FaceMatcher;
  private readonly rpc: WorkerRpc<FaceRequest>;
  /** Detection without the embedding, landmarks inside a box, one face's descriptor: tracking. */
  readonly locate?: (
    image: RgbImage,
    purpose?: 'live' | 'reference',
    signal?: AbortSignal,
  ) => Promise<LocatedFace[]>;
  readonly landmarksIn?: (image: RgbImage, box: FaceBox, signal?: AbortSignal) => Promise<LocatedFace>;
  readonly embed?: (image: RgbImage, face: LocatedFace, signal?: AbortSignal) => Promise<Float32Array>;

  constructor(
    id: MatcherId = 'fr-onnx',
    private readonly opts: WorkerMatcherOptions = {},
  ) {
    this.local = createMatcher(id, { threshold: opts.threshold });
    this.name = this.local.name;
    this.modelId = this.local.modelId;
    this.version = this.local.version;
    this.threshold = this.local.threshold;
    // Tracking (face-tracker.ts) where the worker's matcher can: its own kind has the methods.
    if (this.local.locate && this.local.landmarksIn && this.local.embed) {
      this.locate = async (image, _purpose, signal) =>
        ((await this.imageRequest(image, (img) => ({ op: 'locate', image: img }), signal))
          .faces as LocatedFace[]) ?? [];
      this.landmarksIn = async (image, box, signal) =>
        (await this.imageRequest(image, (img) => ({ op: 'landmarks-in', image: img, box }), signal))
          .face as LocatedFace;
      this.embed = async (image, face, signal) =>
        (await this.imageRequest(image, (img) => ({ op: 'embed', image: img, face }), signal))
          .descriptor as Float32Array;
    }
    const workerData: FaceWorkerData = { id, options: { threshold: opts.threshold }, eyes: opts.eyes };
    this.rpc = new WorkerRpc<FaceRequest>({
      what: 'the face-model worker',
      host: workerHost(import.meta.url, 'face-worker-host'),
      workerData: { ...workerData },
      notStarted: 'WorkerFaceMatcher.load() first',
    });
  }

  private disposed = false;

  load(): Promise<void> {
    this.disposed = false;
    return this.rpc.start({ op: 'load' }, this.opts.loadTimeoutMs ?? 180_000);
  }

  /**
   * `signal` aborted: rejected with Op_Canceled at once; the worker drops the call if it is still
   * queued, or stops it before its embedding.
   */
  async detect(
    image: RgbImage,
    purpose: 'live' | 'reference' = 'reference',
    signal?: AbortSignal,
  ): Promise<FaceFound[]> {
    // The caller keeps its frame for the quality checks: the worker gets a copy.
    const res = await this.imageRequest(image, (img) => ({ op: 'detect', image: img, purpose }), signal);
    return (res.faces as FaceFound[] | undefined) ?? [];
  }

  /** A request carrying a copy of the frame (moved to the worker, not cloned twice). */
  private async imageRequest(
    image: RgbImage,
    req: (img: RgbImage) => FaceRequest,
    signal?: AbortSignal,
  ): Promise<Record<string, unknown>> {
    // Only this call stops waiting: the models go on loading for the next session.
    await untilAborted(this.loaded(), signal, 'a face-model call waiting for the models to load');
    const data = new Uint8Array(image.data);
    return this.rpc.request(
      req({ width: image.width, height: image.height, data }),
      this.opts.detectTimeoutMs ?? 30_000,
      [data.buffer],
      signal,
    );
  }

  /**
   * The eye-state model in this worker (constructed with `eyes: true`); loads with load(). With
   * `signal`, each call carries it (as withSignal's).
   */
  eyeState(signal?: AbortSignal): EyeState {
    return {
      load: () => this.load(),
      closed: async (image, landmarks) =>
        (await this.imageRequest(image, (img) => ({ op: 'eyes', image: img, landmarks }), signal)).closed as [
          number,
          number,
        ],
      // The worker's models go with the matcher's dispose().
      dispose: async () => {},
    };
  }

  /**
   * This matcher with `signal` on every call (the verifier and the liveness challenge pass none):
   * a session that ends drops its queued frames and stops the running one at its next step.
   * Disposing the view disposes nothing (the worker is this matcher's).
   */
  withSignal(signal: AbortSignal): FaceMatcher {
    const { locate, landmarksIn, embed } = this;
    return {
      name: this.name,
      modelId: this.modelId,
      version: this.version,
      threshold: this.threshold,
      load: () => this.load(),
      detect: (image, purpose) => this.detect(image, purpose, signal),
      ...(locate && landmarksIn && embed
        ? {
            locate: (image: RgbImage, purpose?: 'live' | 'reference') => locate(image, purpose, signal),
            landmarksIn: (image: RgbImage, box: FaceBox) => landmarksIn(image, box, signal),
            embed: (image: RgbImage, face: LocatedFace) => embed(image, face, signal),
          }
        : {}),
      similarity: (a, b) => this.similarity(a, b),
      dispose: () => {},
    };
  }

  /** The worker's model calls: answered, and stopped by a cancel (dropped while queued, or at a step). */
  async stats(): Promise<{ answered: number; canceled: number }> {
    const res = await this.rpc.request({ op: 'stats' }, this.opts.detectTimeoutMs ?? 30_000);
    return res as { answered: number; canceled: number };
  }

  /** The worker thread's heap and wasm memories, if it is running (this starts nothing). */
  async memory(): Promise<ThreadMemory | undefined> {
    if (!this.rpc.running) return undefined;
    return (await this.rpc.request(
      { op: 'memory' },
      this.opts.detectTimeoutMs ?? 30_000,
    )) as unknown as ThreadMemory;
  }

  /**
   * readerd is ready before its models are: a frame that comes while they load waits for them,
   * and one after a failed load tries it again. After dispose() requests are refused.
   */
  private async loaded(): Promise<void> {
    await this.rpc.startSettled();
    if (!this.rpc.running && !this.disposed) await this.load();
  }

  similarity(a: Float32Array, b: Float32Array): number {
    return this.local.similarity(a, b);
  }

  dispose(): Promise<void> {
    this.disposed = true;
    return this.rpc.close({ op: 'dispose' });
  }
}
