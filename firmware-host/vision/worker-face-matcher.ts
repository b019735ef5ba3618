// The face models in a worker thread, behind the same FaceMatcher seam: detection, alignment
// and embedding (~100–300 ms of wasm per frame) no longer block the event loop that serves the
// card module's ACK timeouts, MQTT and the kiosk. Comparing two descriptors is a few hundred
// multiply-adds and stays on the calling thread, done by an unloaded instance of the same
// matcher class, so the scores are the ones the worker's matcher would give. The random
// challenge's eye-state model runs in the same worker (eyeState()): one onnxruntime-web
// instance and one wasm heap for every face model instead of a second runtime on this thread.
import type { RgbImage } from '../../device/image/decode.js';
import type { FaceBox, FaceFound, FaceMatcher, LocatedFace } from './face-matcher.js';
import type { FaceRequest, FaceWorkerData } from './face-worker-protocol.js';
import type { EyeState } from './liveness-models.js';
import { createMatcher, type MatcherId, type MatcherOptions } from './matchers.js';
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
  readonly locate?: (image: RgbImage) => Promise<LocatedFace[]>;
  readonly landmarksIn?: (image: RgbImage, box: FaceBox) => Promise<LocatedFace>;
  readonly embed?: (image: RgbImage, face: LocatedFace) => Promise<Float32Array>;

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
      this.locate = async (image) =>
        ((await this.imageRequest(image, (img) => ({ op: 'locate', image: img }))).faces as LocatedFace[]) ??
        [];
      this.landmarksIn = async (image, box) =>
        (await this.imageRequest(image, (img) => ({ op: 'landmarks-in', image: img, box })))
          .face as LocatedFace;
      this.embed = async (image, face) =>
        (await this.imageRequest(image, (img) => ({ op: 'embed', image: img, face })))
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

  async detect(image: RgbImage, purpose: 'live' | 'reference' = 'reference'): Promise<FaceFound[]> {
    await this.loaded();
    // A copy goes to the worker (moved, not cloned twice): the caller keeps its frame for the
    // quality checks.
    const data = new Uint8Array(image.data);
    const res = await this.rpc.request(
      { op: 'detect', image: { width: image.width, height: image.height, data }, purpose },
      this.opts.detectTimeoutMs ?? 30_000,
      [data.buffer],
    );
    return (res.faces as FaceFound[] | undefined) ?? [];
  }

  /** A request carrying a copy of the frame (moved to the worker, not cloned twice). */
  private async imageRequest(
    image: RgbImage,
    req: (img: RgbImage) => FaceRequest,
  ): Promise<Record<string, unknown>> {
    await this.loaded();
    const data = new Uint8Array(image.data);
    return this.rpc.request(
      req({ width: image.width, height: image.height, data }),
      this.opts.detectTimeoutMs ?? 30_000,
      [data.buffer],
    );
  }

  /** The eye-state model in this worker (constructed with `eyes: true`); loads with load(). */
  eyeState(): EyeState {
    return {
      load: () => this.load(),
      closed: async (image, landmarks) => {
        await this.loaded();
        const data = new Uint8Array(image.data);
        const res = await this.rpc.request(
          { op: 'eyes', image: { width: image.width, height: image.height, data }, landmarks },
          this.opts.detectTimeoutMs ?? 30_000,
          [data.buffer],
        );
        return res.closed as [number, number];
      },
      // The worker's models go with the matcher's dispose().
      dispose: async () => {},
    };
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
